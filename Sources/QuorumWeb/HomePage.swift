import Hummingbird

/// The landing page. Until the owners' pages arrive it says what Quorum is and what the
/// running server offers, in Chinese first and English second.
struct HomePage {
    func response() -> Response {
        let html = """
            <!doctype html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Quorum 业主共同决定</title>
            <style>
            body { font: 20px/1.6 system-ui, "PingFang SC", "Noto Sans CJK SC", sans-serif; margin: 0 auto; max-width: 40rem; padding: 1rem; color: #1a1a1a; }
            h1 { font-size: 1.6rem; }
            .en { color: #555; }
            code { background: #f2f2f2; padding: 0 .3em; }
            </style>
            </head>
            <body>
            <h1>Quorum 业主共同决定</h1>
            <p>按《民法典》第二百七十八条，以专有部分面积和业主人数双重计票的业主投票平台。</p>
            <p class="en">A platform for owners' votes, counted by floor area and by headcount at once under Civil Code Art. 278.</p>
            <p>目前可用：命令行独立复核计票 <code>quorum tally</code>。业主投票页面即将上线。</p>
            <p class="en">Available now: the independent recount, <code>quorum tally</code>. The owners' voting pages are on their way.</p>
            </body>
            </html>
            """
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}

import Hummingbird

/// The site's one stylesheet and its scripts, served from here so the binary is the whole
/// site. No framework: the pages work without the script, which only helps (it stops the
/// (N+1)th candidate, draws the signature, refreshes the progress).
enum StaticFiles {
    static func response(_ name: String) -> Response? {
        let (type, text): (String, String)
        switch name {
        case "app.css": (type, text) = ("text/css; charset=utf-8", css + verifyCSS)
        case "app.js": (type, text) = ("text/javascript; charset=utf-8", js)
        case "verify.js": (type, text) = ("text/javascript; charset=utf-8", verifyJS)
        default: return nil
        }
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.cacheControl] = "public, max-age=300"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static let css = """
        *{box-sizing:border-box}
        html{font-size:20px;-webkit-text-size-adjust:100%}
        body{margin:0;font-family:system-ui,-apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;line-height:1.6;color:#111;background:#f6f6f3}
        header{display:flex;justify-content:space-between;align-items:center;gap:.5rem;padding:.6rem 1rem;background:#0b5d3b;color:#fff}
        header a{color:#fff}
        header nav{display:flex;flex-wrap:wrap;justify-content:flex-end;gap:.3rem .8rem;align-items:center;min-width:0}
        header form{margin:0}
        .brand{font-weight:700;text-decoration:none;font-size:1rem}
        main{max-width:40rem;margin:0 auto;padding:1rem 1rem 3rem}
        h1{font-size:1.5rem;line-height:1.3;margin:.5rem 0 1rem}
        h2{font-size:1.15rem;margin:1.2rem 0 .5rem}
        p{margin:.5rem 0}
        label{display:block;font-weight:600;margin:1rem 0 .3rem}
        input[type=text],input[type=tel],input[type=search]{width:100%;font-size:1.1rem;padding:.7rem;border:2px solid #777;border-radius:.4rem;background:#fff}
        input:focus,button:focus,a:focus{outline:3px solid #f0b400;outline-offset:2px}
        .button,button,input[type=submit]{display:block;width:100%;min-height:3rem;margin:1rem 0;padding:.7rem 1rem;font-size:1.1rem;font-weight:700;text-align:center;text-decoration:none;color:#fff;background:#0b5d3b;border:0;border-radius:.5rem;cursor:pointer}
        .button.secondary,button.secondary,input[type=submit].secondary{background:#fff;color:#0b5d3b;border:2px solid #0b5d3b}
        button.link,input[type=submit].link{display:inline;width:auto;min-height:0;margin:0;padding:0;background:none;color:#fff;font-weight:400;text-decoration:underline;font-size:1rem}
        .card{background:#fff;border:1px solid #ddd;border-radius:.6rem;padding:1rem;margin:1rem 0}
        .meta{color:#444}
        .alert{background:#fff3f3;border:2px solid #b00020;color:#7a0016;border-radius:.5rem;padding:.7rem}
        .ok{background:#eef8f1;border:2px solid #0b5d3b;border-radius:.5rem;padding:.7rem}
        .note{color:#555;font-size:.85rem}
        .quote{border-left:4px solid #888;background:#f4f4f4;padding:.5rem .7rem;overflow-wrap:anywhere}
        .tag{display:inline-block;padding:0 .4rem;border-radius:.3rem;background:#e8efe9;color:#0b5d3b;font-size:.85rem}
        .tag.special{background:#fff0d9;color:#7a4a00}
        .card.overdue{border:2px solid #b00020}.button.overdue{background:#b00020;border-color:#b00020;color:#fff}.tag.overdue{margin-left:.3rem;background:#b00020;color:#fff}.failed{color:#b00020}
        ul.items{margin:0}ul.items li{padding:.4rem 0;border-bottom:1px solid #eee}ul.items li:last-child{border-bottom:0}ul.items li .meta{display:block}
        fieldset{border:2px solid #ccc;border-radius:.6rem;margin:1rem 0;padding:.5rem 1rem 1rem;background:#fff}
        legend{font-weight:700;padding:0 .3rem}
        .choice{display:flex;flex-direction:row-reverse;justify-content:flex-end;align-items:center;gap:.7rem;margin:.4rem 0;padding:.6rem;border:2px solid #ccc;border-radius:.5rem;font-weight:600;background:#fff}
        .choice input{width:1.5rem;height:1.5rem;margin:0}
        .counter{font-size:.9rem;color:#444}
        .progress svg.bar{display:block;width:100%;height:1.5rem;margin:.2rem 0 .8rem;overflow:visible}
        .progress .track{fill:#e3e3e3}
        .progress .fill{fill:#0b5d3b}
        .progress .line{fill:#b00020}
        .bar-label{display:flex;justify-content:space-between;gap:.5rem;font-size:.9rem}
        .reached{color:#0b5d3b;font-weight:700}
        canvas.signature{display:block;width:100%;height:10rem;border:2px dashed #777;border-radius:.5rem;background:#fff;touch-action:none}
        .code{font-family:ui-monospace,monospace;font-size:1.4rem;letter-spacing:.05em;word-break:break-all}
        dl{margin:.5rem 0}dt{font-weight:700;margin-top:.6rem}dd{margin:0}
        header nav a,header nav button{white-space:nowrap}
        main{overflow-wrap:anywhere}
        input,select,textarea,button,img,svg,canvas{max-width:100%}
        input[type=password],input[type=number],input[type=datetime-local],input[type=date],select,textarea{width:100%;max-width:100%;font-size:1.1rem;padding:.6rem;border:2px solid #777;border-radius:.4rem;background:#fff;font-family:inherit}
        fieldset{border:1px solid #ccc;border-radius:.5rem;margin:1rem 0;padding:.5rem 1rem 1rem;min-width:0}
        legend{font-weight:700;padding:0 .3rem}
        label.check,label.choice{display:flex;gap:.6rem;align-items:center;font-weight:400;margin:.5rem 0;min-height:2.4rem}
        label.check input,label.choice input{width:1.4rem;height:1.4rem}
        .chips{display:flex;flex-wrap:wrap;gap:.4rem}
        .chip{display:inline-flex;gap:.3rem;align-items:center;margin:.2rem .3rem .2rem 0;padding:.2rem .6rem;border:1px solid #0b5d3b;border-radius:1rem;font-weight:400}
        .chip.current{background:#0b5d3b;color:#fff}
        .hand-back{font-weight:600}
        .note{color:#555;font-size:.85rem}
        .small{font-size:.85rem}
        .hash{font-family:ui-monospace,monospace;font-size:.7rem;word-break:break-all;color:#555}
        .scroll{max-width:100%;overflow-x:auto;margin:.5rem 0}
        .table{width:100%;border-collapse:collapse;font-size:.8rem}
        .card .scroll{margin:.5rem -.5rem;max-width:none}
        .table th,.table td{text-align:left;padding:.3rem .2rem;border-bottom:1px solid #ddd;vertical-align:middle;overflow-wrap:normal}
        .wide .table th:first-child,.wide .table td:first-child{position:sticky;left:0;background:#f6f6f3;white-space:nowrap}
        .wide{background:linear-gradient(to left,#f6f6f3 40%,rgba(246,246,243,0)) right/1.5rem 100% no-repeat local,radial-gradient(farthest-side at 100% 50%,rgba(0,0,0,.3),transparent) right/.6rem 100% no-repeat scroll}
        @media (max-width:30rem){main{padding-left:.75rem;padding-right:.75rem}.card{padding:.75rem}}
        .table td svg.chart{min-width:4rem}
        .table tr.total td{font-weight:700}
        button.small,input[type=submit].small{display:inline-block;width:auto;min-height:2.2rem;margin:0;padding:.2rem .7rem;font-size:.9rem}
        form.inline{display:inline-block;margin-right:.5rem}
        form.inline button,form.inline input[type=submit]{display:inline-block;width:auto;max-width:100%;white-space:normal}
        .table td.rooms{min-width:4.5rem;max-width:16rem}
        .table form{margin:0}.table input[type=submit].small{white-space:normal;margin:.2rem 0}
        .table select,.table input[type=date]{font-size:.95rem;padding:.3rem;margin:.2rem 0;min-height:2.2rem}
        form.search{display:flex;gap:.5rem;align-items:flex-end}form.search label{flex:1;margin:.5rem 0 0}form.search input[type=submit].small{min-height:2.9rem}.pager{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
        @media (max-width:40rem){table.stack,table.stack tbody,table.stack tr,table.stack td{display:block}table.stack tr:first-child{display:none}table.stack tr{padding:.4rem 0;border-bottom:1px solid #ccc}table.stack td{border:0;padding:.15rem .3rem;display:grid;grid-template-columns:45% 1fr;gap:.5rem}table.stack td::before{content:attr(data-label);font-weight:600}}
        ul.plain,ul.actions{list-style:none;padding:0}
        ul.access li,ul.settings li,ul.history li{padding:.5rem 0;border-bottom:1px solid #ddd}
        ul.access li span,ul.settings li span,ul.history li span,ul.history li a{display:block}
        ul.access li span.who,ul.settings li span.value{font-weight:600}
        ul.actions li a{display:block;padding:.7rem .2rem;border-bottom:1px solid #ddd;font-weight:600}
        ul.rooms{columns:2;font-family:ui-monospace,monospace}
        .phase{display:inline-block}
        .verdict{font-size:1.3rem;font-weight:700}
        .card.demo{border:2px dashed #f0b400}
        fieldset.matter:has(.election-kind input:not(:checked)) .election-fields{display:none}
        .chip{min-height:2.4rem;padding:.2rem .8rem}.chip input{width:1.2rem;height:1.2rem}
        .table tr.differs td{background:#fff3d6;font-weight:700}.tag.differs{margin-left:.3rem;background:#b00020;color:#fff}
        fieldset.differs{border:2px solid #b00020}.differs-note{color:#7a0016;font-weight:600;font-size:.85rem}
        .default-submit{position:absolute;width:1px;height:1px;min-height:0;margin:0;padding:0;overflow:hidden;clip-path:inset(50%)}
        svg.chart{display:block;width:100%;height:1.4rem;margin:.2rem 0 .6rem}
        svg.chart .chart-bg{fill:#e4e4df}
        svg.chart .chart-agree,svg.chart .chart-online{fill:#0b5d3b}
        svg.chart .chart-oppose{fill:#b3261e}
        svg.chart .chart-abstain{fill:#9aa0a6}
        svg.chart .chart-invalid{fill:#5f5f5f}
        svg.chart .chart-paper{fill:#3d7dd8}
        svg.chart .chart-line{stroke:#111;stroke-width:6}
        .paper-ballot{background:#fff;border:1px solid #bbb;padding:1rem;margin:1rem 0}
        .paper-ballot .boxes{font-size:1.2rem;letter-spacing:.05rem}
        .paper-ballot .signature-line{margin-top:1.5rem}
        .barcode-block{text-align:center;margin-top:1rem}
        .barcode-block svg{max-width:100%;height:auto}
        .barcode-block .code{font-family:ui-monospace,monospace;font-size:1.1rem;letter-spacing:.1rem}
        .head dd.head-root,.head dd.head-size,.head dd.head-key{font-family:ui-monospace,monospace;font-size:1.05rem;word-spacing:.25rem}
        .result-notice .notice-matter{border-top:1px solid #ccc;padding:.4rem 0;break-inside:avoid}
        .result-notice .notice-matter .verdict{font-size:1.05rem}
        .result-notice .seal{margin-top:1.5rem;text-align:right}
        .result-notice .seal .stamp{display:inline-block;width:4cm;height:4cm;line-height:4cm;border:1px dashed #999;border-radius:50%;text-align:center;color:#595959}
        @page{size:A4;margin:15mm}
        @media print{header,.no-print,form,.button{display:none}main{max-width:none;padding:0}.paper-ballot{border:0;margin:0;page-break-after:always;break-after:page}body{background:#fff;font-size:11pt}.result-notice .card{border:1px solid #999;break-inside:avoid}}
        """

    static let js = """
        "use strict";
        (function () {
          // Elections: never more than the seats; say how many are chosen.
          document.querySelectorAll("fieldset[data-seats]").forEach(function (set) {
            var seats = parseInt(set.getAttribute("data-seats"), 10);
            var counter = set.querySelector(".counter");
            var boxes = set.querySelectorAll("input[type=checkbox]");
            function update(changed) {
              var chosen = set.querySelectorAll("input[type=checkbox]:checked").length;
              var full = chosen > seats && changed;
              if (full) { changed.checked = false; chosen -= 1; }
              set.classList.toggle("full", !!full);
              if (counter) {
                counter.textContent = counter.getAttribute("data-template").replace("{n}", chosen) + (full ? counter.getAttribute("data-full") : "");
                counter.classList.toggle("alert", !!full);
              }
            }
            boxes.forEach(function (box) { box.addEventListener("change", function () { update(box); }); });
            update(null);
          });

          // The signature pad: draw with a finger or a mouse; the drawing goes in a hidden field.
          var canvas = document.querySelector("canvas.signature");
          if (canvas) {
            var field = document.getElementById("signature-drawn");
            var ctx = canvas.getContext("2d");
            var drawing = false, drawn = false;
            function size() {
              var ratio = window.devicePixelRatio || 1;
              canvas.width = canvas.clientWidth * ratio; canvas.height = canvas.clientHeight * ratio;
              ctx.scale(ratio, ratio); ctx.lineWidth = 3; ctx.lineCap = "round"; ctx.strokeStyle = "#111";
            }
            size();
            function point(e) { var r = canvas.getBoundingClientRect(); return [e.clientX - r.left, e.clientY - r.top]; }
            canvas.addEventListener("pointerdown", function (e) { drawing = true; var p = point(e); ctx.beginPath(); ctx.moveTo(p[0], p[1]); canvas.setPointerCapture(e.pointerId); });
            canvas.addEventListener("pointermove", function (e) { if (!drawing) return; var p = point(e); ctx.lineTo(p[0], p[1]); ctx.stroke(); drawn = true; });
            function end() { if (drawing && drawn) { field.value = canvas.toDataURL("image/png"); } drawing = false; }
            canvas.addEventListener("pointerup", end); canvas.addEventListener("pointercancel", end);
            var clear = document.getElementById("signature-clear");
            if (clear) { clear.hidden = false; clear.addEventListener("click", function () { ctx.clearRect(0, 0, canvas.width, canvas.height); drawn = false; field.value = ""; }); }
            canvas.hidden = false;
          }

          // On a page of several like forms (the mismatch queue), the language switch keeps the one last typed in.
          document.addEventListener("input", function (e) {
            var form = e.target.form, kept = document.getElementById("kept-form");
            if (form && kept && form !== kept && form.hasAttribute("data-keepable")) { kept.removeAttribute("id"); form.id = "kept-form"; }
          });

          // A form (or the button that sends it) that changes something for good asks first,
          // in the words it carries; the language switch, which sends it to be shown again, does not.
          document.querySelectorAll("form").forEach(function (form) {
            form.addEventListener("submit", function (e) {
              if (e.submitter && e.submitter.name === "relang") { return; }
              var text = (e.submitter && e.submitter.getAttribute("data-confirm")) || form.getAttribute("data-confirm");
              if (text && !window.confirm(text)) { e.preventDefault(); }
            });
          });

          // Progress: refresh while the page is open.
          var box = document.querySelector("[data-progress]");
          if (box && window.fetch) {
            var url = box.getAttribute("data-progress");
            setInterval(function () {
              fetch(url, { credentials: "same-origin" }).then(function (r) { return r.ok ? r.json() : null; }).then(function (p) {
                if (!p) return;
                box.querySelector("[data-field=heads]").textContent = p.heads + " / " + p.totalHeads;
                box.querySelector("[data-field=area]").textContent = p.area + " / " + p.totalArea + " m²";
                box.querySelector("[data-fill=heads]").setAttribute("width", Math.max(0, Math.min(p.headsPerMille, 1000)));
                box.querySelector("[data-fill=area]").setAttribute("width", Math.max(0, Math.min(p.areaPerMille, 1000)));
                box.querySelector("[data-field=reached]").textContent = p.reached ? box.getAttribute("data-reached-text") : "";
              }).catch(function () {});
            }, 5000);
          }

          // A printable page's button: the browser's print dialog (the result notice).
          document.querySelectorAll("[data-print]").forEach(function (b) { b.addEventListener("click", function () { window.print(); }); });
        })();
        """
}

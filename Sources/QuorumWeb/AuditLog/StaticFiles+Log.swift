/// The verify page's script (/static/verify.js): the owner's check again, in the owner's own
/// browser, with Web Crypto only (docs/AUDIT-LOG.md). Its texts come from the page.
extension StaticFiles {
    static let verifyJS = #"""
        // The owner's check, in the owner's own browser: no library, Web Crypto only.
        //
        // From the receipt on the page (data-receipt), it recomputes the commitment to the
        // choices, the log entry and its leaf hash, checks the inclusion proof under the receipt's
        // signed head, the head's Ed25519 signature, and the consistency of that head with the
        // log's latest head. The formats are those of docs/AUDIT-LOG.md. The server's own verdict
        // is already on the page; this one does not trust the server for anything but the proofs,
        // which it checks.
        (function () {
          "use strict";

          var box = document.getElementById("browser-check");
          var out = document.getElementById("browser-result");
          if (!box || !out) return;
          function text(name) { return box.getAttribute("data-text-" + name) || name; }

          function show(outcome, message) {
            out.setAttribute("data-outcome", outcome);
            out.textContent = message;
          }

          if (!window.crypto || !window.crypto.subtle || !window.TextEncoder || !window.fetch) return;
          show("working", text("working"));

          // Bytes and text.
          var utf8 = function (s) { return new TextEncoder().encode(s); };
          function concat() {
            var total = 0, i, offset = 0;
            for (i = 0; i < arguments.length; i++) total += arguments[i].length;
            var all = new Uint8Array(total);
            for (i = 0; i < arguments.length; i++) { all.set(arguments[i], offset); offset += arguments[i].length; }
            return all;
          }
          function fromBase64(s) {
            s = s.replace(/-/g, "+").replace(/_/g, "/");
            while (s.length % 4) s += "=";
            var raw = atob(s), bytes = new Uint8Array(raw.length);
            for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
            return bytes;
          }
          function fromHex(s) {
            var bytes = new Uint8Array(s.length / 2);
            for (var i = 0; i < bytes.length; i++) bytes[i] = parseInt(s.substr(i * 2, 2), 16);
            return bytes;
          }
          function hex(bytes) {
            return Array.prototype.map.call(bytes, function (b) { return (b < 16 ? "0" : "") + b.toString(16); }).join("");
          }
          function equal(a, b) {
            if (a.length !== b.length) return false;
            for (var i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
            return true;
          }

          // Canonical JSON (RFC 8785 for strings, integers, arrays and objects): keys sorted by
          // UTF-16 code units, which is what sort() does, and JSON.stringify's escaping.
          function canonical(value) {
            if (Array.isArray(value)) return "[" + value.map(canonical).join(",") + "]";
            if (value !== null && typeof value === "object") {
              return "{" + Object.keys(value).sort().map(function (k) {
                return JSON.stringify(k) + ":" + canonical(value[k]);
              }).join(",") + "}";
            }
            return JSON.stringify(value);
          }

          function sha256(bytes) {
            return crypto.subtle.digest("SHA-256", bytes).then(function (d) { return new Uint8Array(d); });
          }
          // RFC 9162 §2.1.1: 0x00 before a leaf, 0x01 before two child hashes.
          function leafHash(bytes) { return sha256(concat(new Uint8Array([0]), bytes)); }
          function nodeHash(left, right) { return sha256(concat(new Uint8Array([1]), left, right)); }
          function half(n) { return Math.floor(n / 2); }
          function odd(n) { return n % 2 === 1; }

          // RFC 9162 §2.1.3.2.
          async function verifyInclusion(index, size, leaf, proof, root) {
            if (index >= size) return false;
            var fn = index, sn = size - 1, r = leaf;
            for (var i = 0; i < proof.length; i++) {
              if (sn === 0) return false;
              if (odd(fn) || fn === sn) {
                r = await nodeHash(proof[i], r);
                while (!odd(fn) && fn !== 0) { fn = half(fn); sn = half(sn); }
              } else {
                r = await nodeHash(r, proof[i]);
              }
              fn = half(fn); sn = half(sn);
            }
            return sn === 0 && equal(r, root);
          }

          // RFC 9162 §2.1.4.2.
          async function verifyConsistency(oldSize, newSize, oldRoot, newRoot, proof) {
            if (oldSize === newSize) return proof.length === 0 && equal(oldRoot, newRoot);
            if (oldSize < 1 || oldSize > newSize || proof.length === 0) return false;
            var path = (oldSize & (oldSize - 1)) === 0 ? [oldRoot].concat(proof) : proof.slice();
            var fn = oldSize - 1, sn = newSize - 1;
            while (odd(fn)) { fn = half(fn); sn = half(sn); }
            var fr = path[0], sr = path[0];
            for (var i = 1; i < path.length; i++) {
              if (sn === 0) return false;
              if (odd(fn) || fn === sn) {
                fr = await nodeHash(path[i], fr);
                sr = await nodeHash(path[i], sr);
                while (!odd(fn) && fn !== 0) { fn = half(fn); sn = half(sn); }
              } else {
                sr = await nodeHash(sr, path[i]);
              }
              fn = half(fn); sn = half(sn);
            }
            return equal(fr, oldRoot) && equal(sr, newRoot) && sn === 0;
          }

          // The signed head: Ed25519 over "log\nsize\nroot(base64)\ntime\n". Null when this
          // browser has no Ed25519 in Web Crypto (the server's result then stands for the signature).
          async function verifyHead(key, head) {
            if (key === null) return null;
            var input = utf8(head.log + "\n" + head.size + "\n" + head.root + "\n" + head.time + "\n");
            return crypto.subtle.verify({ name: "Ed25519" }, key, fromBase64(head.signature), input);
          }

          async function getJSON(path) {
            var response = await fetch(path, { headers: { Accept: "application/json" } });
            if (!response.ok) throw new Error(path + ": " + response.status);
            return response.json();
          }

          async function check() {
            var receipt = JSON.parse(new TextDecoder().decode(fromBase64(box.getAttribute("data-receipt"))));
            var head = receipt.head;
            var failed = function (step) { return { passed: false, step: step }; };

            // 1. The receipt's head: signed by the key the log names (its id is in the log's name).
            var published = await getJSON("\#(SiteURL.log(.publicKey))");
            var raw = fromBase64(published.public_key);
            var keyID = hex((await sha256(raw)).slice(0, 8));
            if (head.log !== "quorum-audit-log/" + keyID) return failed("receipt_head");
            var key = null;
            try {
              key = await crypto.subtle.importKey("raw", raw, { name: "Ed25519" }, false, ["verify"]);
            } catch (e) {
              key = null;
            }
            var signed = await verifyHead(key, head);
            if (signed === false) return failed("receipt_head");

            // 2. The entry, rebuilt from the receipt with the commitment recomputed, is in that tree.
            var choices = {};
            Object.keys(receipt.choices).forEach(function (matter) {
              var mark = receipt.choices[matter];
              choices[matter] = Array.isArray(mark) ? mark.slice().sort() : mark;
            });
            var commitment = hex(await sha256(concat(fromHex(receipt.salt), utf8(canonical(choices)))));
            var entry = {
              channel: receipt.channel, commitment: commitment, index: receipt.index, kind: "ballot",
              time: receipt.time, vote: receipt.vote, voter: receipt.voter
            };
            var leaf = await leafHash(utf8(canonical(entry)));
            var inclusion = await getJSON("\#(SiteURL.log(.proof))?index=" + receipt.index + "&size=" + head.size);
            var included = await verifyInclusion(
              receipt.index, head.size, leaf, inclusion.proof.map(fromBase64), fromBase64(head.root));
            if (!included) return failed("included");

            // 3. Today's log: its latest head is signed and extends the receipt's head.
            var latest = await getJSON("\#(SiteURL.log(.head))");
            if (latest.log !== head.log || latest.size < head.size) return failed("still_there");
            if ((await verifyHead(key, latest)) === false) return failed("still_there");
            var consistency = await getJSON("\#(SiteURL.log(.consistency))?from=" + head.size + "&to=" + latest.size);
            var consistent = await verifyConsistency(
              head.size, latest.size, fromBase64(head.root), fromBase64(latest.root), consistency.proof.map(fromBase64));
            if (!consistent) return failed("still_there");
            return { passed: true, signaturesChecked: key !== null };
          }

          check().then(function (result) {
            if (result.passed) {
              show("pass", result.signaturesChecked ? text("passed") : text("cannot-sign"));
            } else {
              show("fail", text("failed") + text(result.step));
            }
          }, function (error) {
            show("fail", text("failed") + String(error && error.message ? error.message : error));
          });
        })();
        """#

    /// The verify page's own rules, after the site's stylesheet.
    static let verifyCSS = """
        .verdict h2{margin-top:.6rem}
        .verdict .big{font-size:1.2rem;font-weight:700;margin:.2rem 0}
        .steps{padding-left:1.4rem;margin:.3rem 0}
        .steps li.passed::marker{content:"✓ ";color:#0b5d3b}
        .steps li.failed::marker{content:"✗ ";color:#b00020}
        .browser{border-style:dashed}
        #browser-result[data-outcome=pass]{color:#0b5d3b;font-weight:700}
        #browser-result[data-outcome=fail]{color:#b00020;font-weight:700}
        .receipt dd{word-break:break-all}
        textarea.receipt-code{width:100%;font:1rem/1.4 ui-monospace,monospace;padding:.6rem;border:2px solid #777;border-radius:.4rem;word-break:break-all}
        """
}

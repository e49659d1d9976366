// certsite: the offline verifier of printed certificates, /scan/ (DESIGN §4, §5). It reads a
// certificate's paper QR code (the camera, a photo, or pasted text), and checks it in the
// browser, with no network once the page has been opened online (the service worker sw.js
// beside the page keeps every file it needs):
//   - the text is `VC1-R` + RFC 9285 base45 of CBOR-LD 1.0 bytes (tag 0xcb1d), decoded with the
//     vendored @digitalbazaar/cborld (assets/vendor/cborld.js: the global CborLd), the contexts
//     and the site's type table from the site's paper/ copies;
//   - the issuer is the DID of the site's DID document, and the proof's verificationMethod a
//     Multikey of it listed under assertionMethod (else `unknown-key`: a retired key, another
//     issuer's key);
//   - the eddsa-jcs-2022 proof verifies (WebCrypto Ed25519 over JCS, assets/jcs.js; else
//     `not-authentic`);
//   - the message status list (signed, the same two bits as the verification page's check):
//     revoked, suspended; then the validity dates against today: expired, not-yet-valid, valid.
//     With no copy of the list the status is "not checked".
// DOM contract: the result element (#scan-result) carries data-paper-verdict = valid |
// suspended | revoked | expired | not-yet-valid | not-authentic | unknown-key | unreadable
// (or `address` for the address QR, with its hint), data-status = checked | not-checked on an
// authentic code, and data-status-as-of (YYYY-MM-DD, the list's validFrom) when checked.
// Words come from /assets/words.<lang>.json (keys scan-…); no inline script: loaded with
// `defer` after jcs.js, cborld.js and jsqr.js.
(function () {
  "use strict";
  var root = document.getElementById("scan");
  if (!root || !window.certsiteJcs || typeof Promise === "undefined" || typeof fetch !== "function") return;
  var jcs = window.certsiteJcs;
  var resultBox = document.getElementById("scan-result");
  var nojs = document.querySelector("[data-scan-nojs]");
  if (nojs) nojs.hidden = true;
  root.hidden = false;

  var WORDS = {};
  function words(key) {
    return WORDS["scan-" + key] || key;
  }
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
  var english = (document.documentElement.lang || "").slice(0, 2) === "en";
  // A date as the page's language writes it: 3 March 2027 in English, 03.03.2027 in Azerbaijani.
  function day(iso) {
    var m = /^(\d{4})-(\d\d)-(\d\d)/.exec(String(iso));
    if (!m) return String(iso);
    return english ? parseInt(m[3], 10) + " " + MONTHS[parseInt(m[2], 10) - 1] + " " + m[1] : m[3] + "." + m[2] + "." + m[1];
  }

  // The service worker: the page and everything it needs, kept for use with no network.
  if ("serviceWorker" in navigator && root.getAttribute("data-worker")) {
    navigator.serviceWorker.register(root.getAttribute("data-worker"), { scope: "./" }).catch(function () {});
  }

  function getJson(path) {
    return fetch(path, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status + " " + path);
      return response.json();
    });
  }

  // ---- bytes ----

  var B45 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
  // RFC 9285 base45 to bytes; throws on anything else.
  function base45(text) {
    var out = [];
    for (var i = 0; i < text.length; i += 3) {
      var chunk = text.slice(i, i + 3);
      var n = 0;
      for (var k = chunk.length - 1; k >= 0; k--) {
        var v = B45.indexOf(chunk.charAt(k));
        if (v < 0) throw new Error("not base45");
        n = n * 45 + v;
      }
      if (chunk.length === 3) {
        if (n > 0xffff) throw new Error("not base45");
        out.push(n >> 8, n & 0xff);
      } else if (chunk.length === 2) {
        if (n > 0xff) throw new Error("not base45");
        out.push(n);
      } else {
        throw new Error("not base45");
      }
    }
    return new Uint8Array(out);
  }

  // ---- the checks (jcs.js: those of the verification page) ----

  var isObject = jcs.isObject;
  var issuerKey = jcs.issuerKey;
  var decodeList = jcs.decodeList;
  var entryValue = jcs.entryValue;

  // eddsa-jcs-2022 Verify Proof: resolves true or false; rejects with the verdict
  // `unsupported` when the browser has no Ed25519.
  function verifyProof(doc, keyBytes) {
    return jcs.verifyProof(doc, keyBytes).then(null, function () {
      throw new Verdict("unsupported");
    });
  }

  function Verdict(verdict) {
    this.verdict = verdict;
  }

  // The paper QR's text decoded to its credential (rejects with `unreadable`).
  function decode(text, table) {
    if (text.slice(0, 5) !== "VC1-R") return Promise.reject(new Verdict("unreadable"));
    var bytes;
    try {
      bytes = base45(text.slice(5));
    } catch (e) {
      return Promise.reject(new Verdict("unreadable"));
    }
    // CBOR-LD 1.0: tag 0xcb1d.
    if (bytes.length < 4 || bytes[0] !== 0xd9 || bytes[1] !== 0xcb || bytes[2] !== 0x1d) return Promise.reject(new Verdict("unreadable"));
    var contexts = isObject(table.contexts) ? table.contexts : {};
    return window.CborLd.decode({
      cborldBytes: bytes,
      documentLoader: function (url) {
        if (typeof contexts[url] !== "string") return Promise.reject(new Error("unknown context " + url));
        return getJson(new URL(contexts[url], window.location.href).pathname).then(function (document) {
          return { contextUrl: null, documentUrl: url, document: document };
        });
      },
      typeTableLoader: function (args) {
        if (args.registryEntryId !== table.registryEntryId) return undefined;
        var tt = new Map();
        Object.keys(table.typeTable || {}).forEach(function (k) {
          tt.set(k, new Map(Object.entries(table.typeTable[k])));
        });
        return tt;
      }
    }).then(function (credential) {
      if (!isObject(credential) || !isObject(credential.credentialSubject)) throw new Verdict("unreadable");
      return credential;
    }, function () {
      throw new Verdict("unreadable");
    });
  }

  // The status of `credential` from the site's message status list: { value (0 none, 1
  // suspended, 2 revoked), asOf (YYYY-MM-DD), old }, or null when there is no usable copy.
  function status(credential, didDoc) {
    var entry = credential.credentialStatus;
    if (!isObject(entry) || entry.statusPurpose !== "message" || String(entry.statusSize) !== "2" ||
      typeof entry.statusListCredential !== "string" || !/^\d+$/.test(String(entry.statusListIndex))) {
      return Promise.resolve(null);
    }
    var path;
    try {
      path = new URL(entry.statusListCredential).pathname;
    } catch (e) {
      return Promise.resolve(null);
    }
    if (path !== root.getAttribute("data-status-list")) return Promise.resolve(null);
    return getJson(path).then(function (list) {
      var subject = isObject(list) && list.credentialSubject;
      if (!isObject(subject) || subject.statusPurpose !== "message" || list.id !== entry.statusListCredential) return null;
      var key = issuerKey(list, didDoc);
      if (!key) return null;
      return Promise.all([verifyProof(list, key), decodeList(subject.encodedList)]).then(function (r) {
        var value = entryValue(r[1], parseInt(String(entry.statusListIndex), 10), 2);
        if (!r[0] || value < 0 || value === 3) return null;
        var until = Date.parse(list.validUntil);
        return { value: value, asOf: String(list.validFrom || "").slice(0, 10), old: !isNaN(until) && Date.now() > until };
      });
    }).catch(function () { return null; });
  }

  // The whole check of a paper QR's text: resolves to { verdict, credential?, status? }.
  function check(text) {
    return Promise.all([getJson(root.getAttribute("data-type-table")), getJson(root.getAttribute("data-did-document"))])
      .catch(function () { throw new Verdict("unreadable"); })
      .then(function (r) {
        var didDoc = r[1];
        return decode(text, r[0]).then(function (credential) {
          var key = issuerKey(credential, didDoc);
          if (!key) return { verdict: "unknown-key", credential: credential };
          return verifyProof(credential, key).then(function (ok) {
            if (!ok) return { verdict: "not-authentic", credential: credential };
            return status(credential, didDoc).then(function (s) {
              var now = Date.now();
              var verdict = "valid";
              if (s && s.value === 2) verdict = "revoked";
              else if (s && s.value === 1) verdict = "suspended";
              else if (Date.parse(credential.validUntil) < now) verdict = "expired";
              else if (Date.parse(credential.validFrom) > now) verdict = "not-yet-valid";
              return { verdict: verdict, credential: credential, status: s };
            });
          });
        });
      })
      .catch(function (e) {
        if (e instanceof Verdict) return { verdict: e.verdict };
        return { verdict: "unreadable" };
      });
  }

  // ---- showing the result ----

  function element(tag, className, text) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (text) el.textContent = text;
    return el;
  }

  function clear() {
    while (resultBox.firstChild) resultBox.removeChild(resultBox.firstChild);
    ["data-paper-verdict", "data-status", "data-status-as-of"].forEach(function (a) { resultBox.removeAttribute(a); });
  }

  function showBusy() {
    clear();
    resultBox.hidden = false;
    resultBox.appendChild(element("p", "hint", words("checking")));
  }

  // The big verdict, its lead and (for a QR that is not a paper QR's) nothing else.
  function heading(verdict, title, lead) {
    clear();
    resultBox.hidden = false;
    resultBox.setAttribute("data-paper-verdict", verdict);
    var p = element("p", "verdict-status");
    p.appendChild(element("strong", "verdict-icon", title));
    resultBox.appendChild(p);
    resultBox.appendChild(element("p", "verdict-lead", lead));
  }

  // The address QR: a URL, which needs the network.
  function showAddress(url) {
    heading("address", words("verdict-address"), words("lead-address"));
    if (/^https?:\/\//i.test(url)) {
      var a = element("a", "", words("open-address"));
      a.href = url;
      var p = element("p");
      p.appendChild(a);
      resultBox.appendChild(p);
    }
  }

  var AUTHENTIC = ["valid", "suspended", "revoked", "expired", "not-yet-valid"];

  function show(outcome) {
    var v = outcome.verdict === "unsupported" ? "unreadable" : outcome.verdict;
    var authentic = AUTHENTIC.indexOf(v) >= 0;
    var checked = authentic && !!outcome.status;
    // Authentic, dates right, status not checked: "authentic", not "valid".
    var title = authentic && !checked && v === "valid" ? "authentic" : v;
    heading(v, words("verdict-" + title), words("lead-" + (outcome.verdict === "unsupported" ? "unsupported" : title)));
    var c = outcome.credential;
    if (!authentic || !c) return;
    resultBox.setAttribute("data-status", checked ? "checked" : "not-checked");
    var subject = c.credentialSubject;
    resultBox.appendChild(element("p", "verdict-kicker", words("compare")));
    var dl = element("dl", "verdict-facts");
    [
      ["holder", subject.name, true],
      ["profession", subject.profession, true],
      ["number", subject.certificateNumber, false],
      ["valid-from", day(c.validFrom), false],
      ["valid-until", day(c.validUntil), false]
    ].forEach(function (row) {
      var div = element("div");
      div.appendChild(element("dt", "", words(row[0])));
      var dd = element("dd", "", String(row[1] || ""));
      dd.setAttribute("data-field", row[0]);
      // Names and professions are written in Azerbaijani.
      if (row[2] && english) dd.setAttribute("lang", "az");
      div.appendChild(dd);
      dl.appendChild(div);
    });
    resultBox.appendChild(dl);
    var line = element("p", "verdict-asof");
    if (checked) {
      resultBox.setAttribute("data-status-as-of", outcome.status.asOf);
      line.textContent = words("status-as-of").replace("{date}", day(outcome.status.asOf)) + (outcome.status.old ? " " + words("status-old") : "");
    } else {
      line.textContent = words("status-not-checked");
    }
    resultBox.appendChild(line);
    if (resultBox.scrollIntoView) resultBox.scrollIntoView({ block: "nearest" });
  }

  // What a code's text is: a paper QR (checked), an address (the hint), or neither.
  function handle(text) {
    // A text copied over several lines (batch.csv, an e-mail): base45 has no line breaks.
    text = String(text || "").replace(/[\r\n]+/g, "").trim();
    if (/^https?:\/\//i.test(text)) {
      showAddress(text);
      return Promise.resolve("address");
    }
    showBusy();
    return check(text).then(function (outcome) {
      show(outcome);
      return outcome.verdict;
    });
  }

  // ---- reading QR codes from pictures ----

  var canvas = document.createElement("canvas");
  var ctx2d = null;
  // The QR codes in the picture on `canvas` (w × h): jsQR finds one; when it is the address
  // QR, it is painted over and the picture read again, for the paper QR beside it.
  function readCanvas(w, h) {
    if (!ctx2d || typeof window.jsQR !== "function") return null;
    var first = null;
    for (var attempt = 0; attempt < 2; attempt++) {
      var image = ctx2d.getImageData(0, 0, w, h);
      var found = window.jsQR(image.data, w, h, { inversionAttempts: "dontInvert" });
      if (!found || !found.data) return first;
      if (found.data.indexOf("VC1-R") === 0) return found.data;
      first = first || found.data;
      var l = found.location;
      ctx2d.fillStyle = "#fff";
      ctx2d.beginPath();
      ctx2d.moveTo(l.topLeftCorner.x, l.topLeftCorner.y);
      ctx2d.lineTo(l.topRightCorner.x, l.topRightCorner.y);
      ctx2d.lineTo(l.bottomRightCorner.x, l.bottomRightCorner.y);
      ctx2d.lineTo(l.bottomLeftCorner.x, l.bottomLeftCorner.y);
      ctx2d.closePath();
      ctx2d.fill();
    }
    return first;
  }

  function draw(source, w, h, max) {
    var scale = Math.min(1, max / Math.max(w, h));
    canvas.width = Math.round(w * scale);
    canvas.height = Math.round(h * scale);
    ctx2d = ctx2d || canvas.getContext("2d", { willReadFrequently: true });
    ctx2d.drawImage(source, 0, 0, canvas.width, canvas.height);
    return readCanvas(canvas.width, canvas.height);
  }

  // The camera: the rear one where there is a choice; BarcodeDetector where the browser has
  // it for QR codes, else jsQR on frames drawn to a canvas.
  var cameraButton = root.querySelector('[data-scan="camera"]');
  var cameraBox = document.getElementById("scan-camera");
  var video = cameraBox && cameraBox.querySelector("video");
  var cameraState = cameraBox && cameraBox.querySelector("[data-scan-camera-state]");
  var stream = null;
  var detector = null;

  function stopCamera() {
    if (stream) stream.getTracks().forEach(function (t) { t.stop(); });
    stream = null;
    if (video) video.srcObject = null;
    if (cameraBox) cameraBox.hidden = true;
    if (cameraButton) {
      cameraButton.textContent = words("camera-start");
      cameraButton.setAttribute("aria-expanded", "false");
    }
  }

  function detectorReady() {
    if (typeof window.BarcodeDetector !== "function" || !window.BarcodeDetector.getSupportedFormats) return Promise.resolve(null);
    return window.BarcodeDetector.getSupportedFormats().then(function (formats) {
      return formats.indexOf("qr_code") >= 0 ? new window.BarcodeDetector({ formats: ["qr_code"] }) : null;
    }).catch(function () { return null; });
  }

  function frame() {
    if (!stream || !video) return;
    var next = function () { if (stream) setTimeout(frame, 150); };
    if (video.readyState < 2 || !video.videoWidth) return next();
    var read = detector
      ? detector.detect(video).then(function (codes) {
          var paper = codes.filter(function (c) { return c.rawValue.indexOf("VC1-R") === 0; })[0];
          return paper ? paper.rawValue : codes.length ? codes[0].rawValue : null;
        }).catch(function () { return null; })
      : Promise.resolve(draw(video, video.videoWidth, video.videoHeight, 800));
    read.then(function (text) {
      if (!stream) return;
      if (text && text.indexOf("VC1-R") === 0) {
        stopCamera();
        handle(text);
        return;
      }
      // The address QR: the hint once, while the camera looks on for the other code.
      if (text && resultBox.getAttribute("data-paper-verdict") !== "address") showAddress(text);
      next();
    });
  }

  function startCamera() {
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      cameraBox.hidden = false;
      cameraState.textContent = words("camera-failed");
      return;
    }
    cameraBox.hidden = false;
    cameraState.textContent = words("camera-looking");
    cameraButton.textContent = words("camera-stop");
    cameraButton.setAttribute("aria-expanded", "true");
    Promise.all([navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: "environment" } }, audio: false }), detectorReady()])
      .then(function (r) {
        stream = r[0];
        detector = r[1];
        video.srcObject = stream;
        return video.play();
      })
      .then(frame, function () {
        stopCamera();
        cameraBox.hidden = false;
        cameraState.textContent = words("camera-failed");
      });
  }

  // A photo or an image file.
  var file = document.getElementById("scan-file");
  function readFile() {
    var f = file.files && file.files[0];
    if (!f) return;
    showBusy();
    var bitmap = typeof createImageBitmap === "function" ? createImageBitmap(f) : Promise.reject(new Error("no createImageBitmap"));
    bitmap.then(function (b) {
      var text = draw(b, b.width, b.height, 1600);
      if (!text) {
        heading("unreadable", words("verdict-unreadable"), words("no-code"));
        return;
      }
      handle(text);
    }, function () { show({ verdict: "unreadable" }); });
  }

  // Pasted text.
  var textarea = document.getElementById("scan-text");
  var textButton = root.querySelector('[data-scan="text"]');

  fetch(root.getAttribute("data-words"), { credentials: "same-origin" })
    .then(function (r) { return r.json(); })
    .then(function (w) { if (isObject(w)) WORDS = w; }, function () {})
    .then(function () {
      WORDS["scan-camera-start"] = cameraButton ? cameraButton.textContent : "";
      if (cameraButton) {
        cameraButton.setAttribute("aria-expanded", "false");
        cameraButton.addEventListener("click", function () { if (stream) stopCamera(); else startCamera(); });
      }
      if (file) file.addEventListener("change", readFile);
      if (textButton) textButton.addEventListener("click", function () { handle(textarea.value); });
      root.setAttribute("data-scan-ready", "true");
    });
})();

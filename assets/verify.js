// certsite: /verify/ — takes the code printed under a certificate's QR code to its page
// (DESIGN §4). Crockford base32: case does not matter, O reads as 0, I and L as 1, hyphens
// and spaces are ignored. No inline script: this file is loaded with `defer`.
(function () {
  "use strict";
  var form = document.getElementById("verify-form");
  if (!form) return;
  var help = document.getElementById("no-js-help");
  if (help) help.hidden = true;
  var input = document.getElementById("code");
  var error = document.getElementById("code-error");
  var numberHint = document.getElementById("code-number");
  var unknown = document.getElementById("code-unknown");
  var base = form.getAttribute("data-base") || "";

  function normalize(typed) {
    var out = "";
    var s = typed.toUpperCase();
    for (var i = 0; i < s.length; i++) {
      var c = s[i];
      if (c === "-" || c === " ") continue;
      if (c === "O") c = "0";
      else if (c === "I" || c === "L") c = "1";
      if (!/[0-9A-HJKMNP-TV-Z]/.test(c)) return null;
      out += c;
    }
    return out.length === 12 ? out : null;
  }

  // A certificate number (e.g. PSM-2022-0046800) typed instead of the code.
  function looksLikeNumber(typed) {
    return /^[A-Za-z]{1,6}([-/]\d+)+$/.test(typed.trim());
  }

  function show(el, on) {
    if (el) el.hidden = !on;
  }

  function go(typed) {
    var code = normalize(typed);
    show(unknown, false);
    show(numberHint, !code && looksLikeNumber(typed));
    if (!code) {
      error.hidden = false;
      input.setAttribute("aria-invalid", "true");
      input.focus();
      return;
    }
    error.hidden = true;
    input.removeAttribute("aria-invalid");
    var page = base + "/c/" + code + "/";
    // Say here, in this page's language, when no certificate has the code; on any other
    // answer (or none) go to the page, which tells the rest.
    fetch(page + "credential.json", { method: "HEAD", cache: "no-cache" }).then(
      function (response) {
        if (response.status !== 404 || !unknown) return window.location.assign(page);
        unknown.querySelector(".typed-code").textContent = code.slice(0, 4) + "-" + code.slice(4, 8) + "-" + code.slice(8);
        show(unknown, true);
        show(numberHint, looksLikeNumber(typed));
        input.setAttribute("aria-invalid", "true");
      },
      function () { window.location.assign(page); }
    );
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    go(input.value);
  });

  // A link or bookmark of the form /verify/?code=XXXX goes straight on.
  var params = new URLSearchParams(window.location.search);
  if (params.get("code")) {
    input.value = params.get("code");
    go(input.value);
  }
})();

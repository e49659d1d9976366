// certsite: the code field of /verify/ and of the home page — takes the code printed under a
// certificate's QR code to its page (DESIGN §4). Crockford base32: case does not matter, O
// reads as 0, I and L as 1, hyphens and spaces are ignored. A code as printed has 13
// characters: the page's 12 and a check character, so that a typing mistake is told at once,
// without a request, from a code no certificate has; codes printed before it have 12, which
// cannot be checked. No inline script: this file is loaded with `defer`, after code.js (which
// reads codes and their check character).
(function () {
  "use strict";
  var form = document.getElementById("verify-form");
  if (!form || !window.certsiteCode) return;
  var help = document.getElementById("no-js-help");
  if (help) help.hidden = true;
  var input = document.getElementById("code");
  var error = document.getElementById("code-error");
  var numberHint = document.getElementById("code-number");
  var mistake = document.getElementById("code-mistake");
  var unknown = document.getElementById("code-unknown");
  var unchecked = document.getElementById("code-unchecked");
  // The pages are under the language's root (/en/c/…); the credentials, one for every
  // language, under the site's (/c/…/credential.json).
  var base = form.getAttribute("data-base") || "";
  var siteBase = form.getAttribute("data-site") || "";
  var normalize = function (typed) { return window.certsiteCode.normalize(typed, [12, 13]); };
  var grouped = window.certsiteCode.grouped;

  // A certificate number (e.g. PSM-2022-0046800) typed instead of the code.
  function looksLikeNumber(typed) {
    return /^[A-Za-z]{1,6}([-/]\d+)+$/.test(typed.trim());
  }

  function show(el, on) {
    if (el) el.hidden = !on;
  }

  function answer(box, code) {
    if (!box) return;
    box.querySelector(".typed-code").textContent = grouped(code);
    show(box, true);
    input.setAttribute("aria-invalid", "true");
  }

  function go(typed) {
    var code = normalize(typed);
    show(mistake, false);
    show(unknown, false);
    show(unchecked, false);
    show(numberHint, !code && looksLikeNumber(typed));
    if (!code) {
      error.hidden = false;
      input.setAttribute("aria-invalid", "true");
      input.focus();
      return;
    }
    error.hidden = true;
    input.removeAttribute("aria-invalid");
    var page = base + "/c/" + code.slice(0, 12) + "/";
    if (code.length === 13 && !window.certsiteCode.checks(code)) {
      // One character wrong or two swapped: nothing to ask the server.
      answer(mistake, code);
      input.focus();
      return;
    }
    // Say here, in this page's language, when no certificate has the code; on any other
    // answer (or none) go to the page, which tells the rest.
    fetch(siteBase + "/c/" + code.slice(0, 12) + "/credential.json", { method: "HEAD", cache: "no-cache" }).then(
      function (response) {
        if (response.status !== 404) return window.location.assign(page);
        answer(code.length === 13 ? unknown : unchecked, code);
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

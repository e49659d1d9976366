// certsite: the code field of /verify/ and of the home page — takes the code printed under a
// certificate's QR code to its page (DESIGN §4). Crockford base32: case does not matter, O
// reads as 0, I and L as 1, hyphens and spaces are ignored. A code as printed has 13
// characters: the page's 12 and a check character, so that a typing mistake is told at once,
// without a request, from a code no certificate has; codes printed before it have 12, which
// cannot be checked. No inline script: this file is loaded with `defer`.
(function () {
  "use strict";
  var form = document.getElementById("verify-form");
  if (!form) return;
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
  var ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

  // Multiplies v by x in GF(32) = GF(2)[x] / (x^5 + x^2 + 1).
  function timesX(v) {
    v <<= 1;
    return v & 32 ? (v ^ 37) & 31 : v;
  }

  // The check character of a code's 12 characters: the same as check_char of
  // src/model/code.rs (the 13 characters, read as elements of GF(32) and weighted by powers
  // of x, sum to 0), which catches any one character changed and any two swapped.
  function checkChar(chars) {
    var sum = 0;
    for (var i = 0; i < chars.length; i++) sum = timesX(sum) ^ ALPHABET.indexOf(chars[i]);
    return ALPHABET[timesX(sum)];
  }

  // The typed code in upper-case Crockford, 12 or 13 characters; null if it is not one.
  function normalize(typed) {
    var out = "";
    var s = typed.toUpperCase();
    for (var i = 0; i < s.length; i++) {
      var c = s[i];
      if (c === "-" || c === " ") continue;
      if (c === "O") c = "0";
      else if (c === "I" || c === "L") c = "1";
      if (ALPHABET.indexOf(c) < 0) return null;
      out += c;
    }
    return out.length === 12 || out.length === 13 ? out : null;
  }

  // In groups of four, as printed: 7K2M-9QWX-4RTB-E.
  function grouped(code) {
    return code.match(/.{1,4}/g).join("-");
  }

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
    if (code.length === 13 && checkChar(code.slice(0, 12)) !== code[12]) {
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

// certsite: /404.html, the one page a static host serves for every unknown address (DESIGN
// §4). It holds the words of every language; this shows the visitor's (the language of the
// address: /en/… is English) and, for a certificate address /c/<code>/, says that no
// certificate with that code is in the register, echoing the code. A typed certificate number
// gets a hint that the code is the one printed under the QR code. A code typed as printed,
// with its check character (13 characters, DESIGN §4), goes to its page when the check passes
// (the address takes the 12 before it); when it fails, the page says it is a typing mistake.
// No inline script: loaded with `defer`, after code.js.
(function () {
  "use strict";
  var reader = window.certsiteCode;
  // The 12 characters of a code as printed whose check passed, kept for this tab while it goes
  // to their page (sessionStorage; without it, the cautious words stay).
  var KEY = "certsite-checked-code";
  function remember(code) {
    try { window.sessionStorage.setItem(KEY, code); } catch (e) { /* storage off */ }
  }
  function recalled(code) {
    try {
      var kept = window.sessionStorage.getItem(KEY);
      window.sessionStorage.removeItem(KEY);
      return code !== null && kept === code;
    } catch (e) {
      return false;
    }
  }
  var blocks = document.querySelectorAll(".not-found[data-lang]");
  if (!blocks.length || !reader) return;
  var path = window.location.pathname;
  // The block whose language root the address is under; the longest root wins ("" is the default).
  var chosen = blocks[0];
  var best = -1;
  for (var i = 0; i < blocks.length; i++) {
    var root = blocks[i].getAttribute("data-root") || "";
    if ((path === root || path.indexOf(root + "/") === 0) && root.length > best) {
      best = root.length;
      chosen = blocks[i];
    }
  }
  var rest = path.slice((chosen.getAttribute("data-root") || "").length);
  var m = /^\/c\/([^/]+)\/?$/.exec(rest);
  var code = m ? decodeURIComponent(m[1]) : null;
  var lang = chosen.getAttribute("data-lang");
  for (var j = 0; j < blocks.length; j++) {
    var block = blocks[j];
    var mine = block === chosen;
    block.hidden = !mine;
    if (!mine) continue;
    // A certificate number (e.g. PSM-2022-0046800) rather than a code.
    var number = code !== null && /^[A-Za-z]{1,6}([-/_]\d+)+$/.test(code);
    var typed = code === null || number ? null : reader.normalize(code, [13]);
    if (typed && reader.checks(typed)) {
      // Remembered for this tab: if no certificate has it, this page says so without
      // "mistyped?" (the address stays the certificate's own).
      remember(typed.slice(0, 12));
      window.location.replace((chosen.getAttribute("data-root") || "") + "/c/" + typed.slice(0, 12) + "/");
      return;
    }
    if (typed) {
      block.querySelector(".page-missing").hidden = true;
      block.querySelector(".unknown-advice").hidden = true;
      block.querySelector(".code-mistake").hidden = false;
      block.querySelector(".mistyped-code").textContent = reader.grouped(typed);
    } else if (code !== null) {
      block.querySelector(".page-missing").hidden = true;
      block.querySelector(".unknown-code").hidden = false;
      block.querySelector(".typed-code").textContent = code;
      if (number) block.querySelector(".number-hint").hidden = false;
      // Come from a code as printed whose check character passed: not a typing mistake.
      if (recalled(reader.normalize(code, [12]))) {
        block.querySelector(".unknown-advice").hidden = true;
        block.querySelector(".checked-advice").hidden = false;
      }
    }
    // Headings: the shown block's first is the page's h1.
    var heads = block.querySelectorAll("h2");
    for (var k = 0; k < heads.length; k++) {
      var h1 = document.createElement("h1");
      h1.textContent = heads[k].textContent;
      heads[k].parentNode.replaceChild(h1, heads[k]);
    }
  }
  if (chosen !== blocks[0]) {
    // Another language than the page was written in: its title, and none of the default
    // language's menu and footer words.
    document.documentElement.lang = lang;
    var title = document.querySelector(".site-title");
    if (title && chosen.getAttribute("data-title")) {
      title.textContent = chosen.getAttribute("data-title");
      title.setAttribute("href", (chosen.getAttribute("data-root") || "") + "/");
    }
    var hide = document.querySelectorAll(".site-header nav, .site-footer, .skip");
    for (var n = 0; n < hide.length; n++) hide[n].hidden = true;
  }
})();

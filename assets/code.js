// certsite: reading a verification code as people type it (DESIGN §4), for the code field of
// /verify/ and the home page (verify.js) and for the 404 page (not-found.js). Crockford
// base32: case does not matter, O reads as 0, I and L as 1, hyphens and spaces are ignored. A
// code as printed has 13 characters: the page's 12 and a check character, the same as
// check_char of src/model/code.rs (the 13 characters, read as elements of GF(32) and weighted
// by powers of x, sum to 0), which catches any one character changed and any two swapped.
//
// A classic script (no inline code, loaded with `defer` before the script that uses it) that
// sets `certsiteCode` on the global object, as jcs.js sets `certsiteJcs`.
(function (root) {
  "use strict";
  var ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

  // Multiplies v by x in GF(32) = GF(2)[x] / (x^5 + x^2 + 1).
  function timesX(v) {
    v <<= 1;
    return v & 32 ? (v ^ 37) & 31 : v;
  }

  // The check character of a code's 12 characters.
  function checkChar(chars) {
    var sum = 0;
    for (var i = 0; i < chars.length; i++) sum = timesX(sum) ^ ALPHABET.indexOf(chars[i]);
    return ALPHABET[timesX(sum)];
  }

  // The typed text in upper-case Crockford, if it is a code of one of `lengths` characters;
  // null if it is not.
  function normalize(typed, lengths) {
    var out = "";
    var s = String(typed).toUpperCase();
    for (var i = 0; i < s.length; i++) {
      var c = s[i];
      if (c === "-" || c === " ") continue;
      if (c === "O") c = "0";
      else if (c === "I" || c === "L") c = "1";
      if (ALPHABET.indexOf(c) < 0) return null;
      out += c;
    }
    return lengths.indexOf(out.length) >= 0 ? out : null;
  }

  // Whether a code of 13 characters carries the right check character.
  function checks(code) {
    return code.length === 13 && checkChar(code.slice(0, 12)) === code[12];
  }

  // In groups of four, as printed: 7K2M-9QWX-4RTB-E.
  function grouped(code) {
    return code.match(/.{1,4}/g).join("-");
  }

  root.certsiteCode = { checkChar: checkChar, normalize: normalize, checks: checks, grouped: grouped };
})(typeof window !== "undefined" ? window : globalThis);

// certsite: JSON Canonicalization Scheme (JCS, RFC 8785) for the verification page's
// eddsa-jcs-2022 check (DESIGN §5), the same canonical form as src/sign/jcs.rs.
//
// Object members sorted by the UTF-16 code units of their names (RFC 8785 §3.2.3: what the
// default sort of JavaScript strings does), strings escaped as JSON.stringify does (§3.2.2.2),
// numbers as ECMAScript serialises them (§3.2.2.3: JSON.stringify of a finite number is
// exactly that), no whitespace. Strings with a lone surrogate are not I-JSON and are refused.
//
// A classic script (no inline code, loaded with `defer` before verify-credential.js) that
// sets `certsiteJcs.canonicalize` on the global object, so Node can run the same file with
// `vm.runInNewContext(source, sandbox)` and test `sandbox.certsiteJcs.canonicalize`.
(function (root) {
  "use strict";

  var loneSurrogate = /\p{Surrogate}/u;

  function string(s) {
    if (loneSurrogate.test(s)) throw new TypeError("JCS: string with a lone surrogate");
    return JSON.stringify(s);
  }

  function canonicalize(value) {
    if (value === null || value === true || value === false) return String(value);
    switch (typeof value) {
      case "string":
        return string(value);
      case "number":
        if (!isFinite(value)) throw new TypeError("JCS: " + value + " is not a JSON number");
        return JSON.stringify(value);
      case "object":
        break;
      default:
        throw new TypeError("JCS: a " + typeof value + " is not JSON");
    }
    var out, i;
    if (Array.isArray(value)) {
      out = "[";
      for (i = 0; i < value.length; i++) out += (i ? "," : "") + canonicalize(value[i]);
      return out + "]";
    }
    var keys = Object.keys(value).sort();
    out = "{";
    for (i = 0; i < keys.length; i++) {
      out += (i ? "," : "") + string(keys[i]) + ":" + canonicalize(value[keys[i]]);
    }
    return out + "}";
  }

  root.certsiteJcs = { canonicalize: canonicalize };
})(typeof globalThis !== "undefined" ? globalThis : this);

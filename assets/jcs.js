// certsite: JSON Canonicalization Scheme (JCS, RFC 8785) for the verification page's
// eddsa-jcs-2022 check (DESIGN §5), the same canonical form as src/sign/jcs.rs.
//
// Object members sorted by the UTF-16 code units of their names (RFC 8785 §3.2.3: what the
// default sort of JavaScript strings does), strings escaped as JSON.stringify does (§3.2.2.2),
// numbers as ECMAScript serialises them (§3.2.2.3: JSON.stringify of a finite number is
// exactly that), no whitespace. Strings with a lone surrogate are not I-JSON and are refused.
//
// With it, what the eddsa-jcs-2022 checks of the verification page (verify-credential.js) and
// of the offline verifier (scan.js) share: multibase bytes, the issuer's key from a DID
// document, Verify Proof with WebCrypto Ed25519, and the bits of a status list.
//
// A classic script (no inline code, loaded with `defer` before verify-credential.js and
// scan.js) that sets `certsiteJcs` on the global object, so Node can run the same file with
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


  // ---- eddsa-jcs-2022 checks shared by the verification page (verify-credential.js) and the
  // offline verifier (scan.js): bytes, the issuer's key, the proof, status list bits ----

  var B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

  // Multibase base58btc ('z' + Bitcoin alphabet) to bytes; throws on anything else.
  function base58btc(text) {
    if (typeof text !== "string" || text.charAt(0) !== "z") throw new Error("not base58btc");
    var s = text.slice(1);
    var bytes = [];
    for (var i = 0; i < s.length; i++) {
      var carry = B58.indexOf(s.charAt(i));
      if (carry < 0) throw new Error("not base58btc");
      for (var j = 0; j < bytes.length; j++) {
        carry += bytes[j] * 58;
        bytes[j] = carry & 0xff;
        carry >>= 8;
      }
      while (carry > 0) {
        bytes.push(carry & 0xff);
        carry >>= 8;
      }
    }
    for (var k = 0; k < s.length && s.charAt(k) === "1"; k++) bytes.push(0);
    return new Uint8Array(bytes.reverse());
  }

  // base64url without padding to bytes.
  function base64url(text) {
    var s = text.replace(/-/g, "+").replace(/_/g, "/");
    while (s.length % 4) s += "=";
    var bin = atob(s);
    var out = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }

  function isObject(v) {
    return v !== null && typeof v === "object" && !Array.isArray(v);
  }

  function without(obj, member) {
    var copy = {};
    for (var k in obj) if (Object.prototype.hasOwnProperty.call(obj, k) && k !== member) copy[k] = obj[k];
    return copy;
  }

  function asList(v) {
    return Array.isArray(v) ? v : [v];
  }

  // ---- WebCrypto Ed25519 ----

  // The public key of RFC 8032 §7.1 test 1: a key every Ed25519 implementation accepts, so an
  // importKey error here means the browser has no Ed25519, not that a key is bad.
  var PROBE = [0xd7, 0x5a, 0x98, 0x01, 0x82, 0xb1, 0x0a, 0xb7, 0xd5, 0x4b, 0xfe, 0xd3, 0xc9, 0x64, 0x07, 0x3a,
    0x0e, 0xe1, 0x72, 0xf3, 0xda, 0xa6, 0x23, 0x25, 0xaf, 0x02, 0x1a, 0x68, 0xf7, 0x07, 0x51, 0x1a];
  var ed25519 = null;

  // Resolves to crypto.subtle when it does Ed25519; rejects with Error("unsupported-browser")
  // (no WebCrypto) or Error("unsupported") (no Ed25519).
  function subtleEd25519() {
    if (!ed25519) {
      var subtle = root.crypto && root.crypto.subtle;
      ed25519 = !subtle
        ? Promise.reject(new Error("unsupported-browser"))
        : Promise.resolve()
            .then(function () {
              return subtle.importKey("raw", new Uint8Array(PROBE), { name: "Ed25519" }, false, ["verify"]);
            })
            .then(
              function () { return subtle; },
              function () { throw new Error("unsupported"); }
            );
    }
    return ed25519;
  }

  var XSD_DATE_TIME = /^-?\d{4,}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?$/;

  // The document's eddsa-jcs-2022 proof: its only proof, or the one of its proof set (the
  // eddsa-rdfc-2022 one needs JSON-LD processing, which `certsite verify` and other verifiers do).
  function jcsProof(doc) {
    var proofs = Array.isArray(doc.proof) ? doc.proof : [doc.proof];
    for (var i = 0; i < proofs.length; i++) if (isObject(proofs[i]) && proofs[i].cryptosuite === "eddsa-jcs-2022") return proofs[i];
    return null;
  }

  // eddsa-jcs-2022 Verify Proof (§3.4.2) of `doc` with the 32-byte Ed25519 key `keyBytes`:
  // resolves true or false; rejects as subtleEd25519 does when the browser cannot do it. In a proof
  // set each proof signs the document without any proof.
  function verifyProof(doc, keyBytes) {
    return subtleEd25519().then(function (subtle) {
      var proof = jcsProof(doc);
      if (!isObject(proof)) return false;
      if (proof.type !== "DataIntegrityProof" || proof.cryptosuite !== "eddsa-jcs-2022") return false;
      if (proof.proofPurpose !== "assertionMethod") return false;
      if ("created" in proof && !(typeof proof.created === "string" && XSD_DATE_TIME.test(proof.created))) return false;
      var unsecured = without(doc, "proof");
      var config = without(proof, "proofValue");
      // Step 4: the document's @context starts with the proof's, and the proof's is hashed.
      if ("@context" in config) {
        var mine = asList(config["@context"]);
        var theirs = "@context" in doc ? asList(doc["@context"]) : [];
        if (mine.length > theirs.length) return false;
        for (var i = 0; i < mine.length; i++) if (canonicalize(mine[i]) !== canonicalize(theirs[i])) return false;
        unsecured["@context"] = config["@context"];
      }
      var signature;
      try {
        signature = base58btc(proof.proofValue);
      } catch (e) {
        return false;
      }
      if (signature.length !== 64) return false;
      var encoder = new TextEncoder();
      return Promise.all([
        subtle.importKey("raw", keyBytes, { name: "Ed25519" }, false, ["verify"]),
        subtle.digest("SHA-256", encoder.encode(canonicalize(config))),
        subtle.digest("SHA-256", encoder.encode(canonicalize(unsecured)))
      ]).then(
        function (r) {
          var data = new Uint8Array(64);
          data.set(new Uint8Array(r[1]), 0);
          data.set(new Uint8Array(r[2]), 32);
          return subtle.verify({ name: "Ed25519" }, r[0], signature, data);
        },
        // Ed25519 works (the probe passed), so this key or document is bad.
        function () { return false; }
      );
    });
  }

  // ---- the issuer's key ----

  function issuerOf(doc) {
    return isObject(doc.issuer) ? doc.issuer.id : doc.issuer;
  }

  function idOf(v) {
    return isObject(v) ? v.id : v;
  }

  // The 32 bytes of the Ed25519 key that may sign `doc` for the DID of `didDoc`, or null.
  function issuerKey(doc, didDoc) {
    if (!isObject(doc) || !isObject(didDoc) || typeof didDoc.id !== "string") return null;
    var did = didDoc.id;
    var proof = jcsProof(doc);
    if (issuerOf(doc) !== did || !isObject(proof)) return null;
    var method = proof.verificationMethod;
    if (typeof method !== "string" || method.split("#")[0] !== did) return null;
    var asserts = Array.isArray(didDoc.assertionMethod) ? didDoc.assertionMethod : [];
    var listed = false;
    var found = null;
    for (var i = 0; i < asserts.length; i++) {
      if (idOf(asserts[i]) !== method) continue;
      listed = true;
      if (isObject(asserts[i])) found = asserts[i];
    }
    if (!listed) return null;
    var methods = Array.isArray(didDoc.verificationMethod) ? didDoc.verificationMethod : [];
    for (var j = 0; !found && j < methods.length; j++) if (isObject(methods[j]) && methods[j].id === method) found = methods[j];
    if (!found || found.type !== "Multikey" || found.controller !== did) return null;
    var bytes;
    try {
      bytes = base58btc(found.publicKeyMultibase);
    } catch (e) {
      return null;
    }
    if (bytes.length !== 34 || bytes[0] !== 0xed || bytes[1] !== 0x01) return null;
    return bytes.slice(2);
  }

  // ---- status lists ----

  // The bits of a status list's `encodedList` (multibase base64url of GZIP); rejects with
  // Error("list") when it is not one, Error("unsupported-browser") with no DecompressionStream.
  function decodeList(encoded) {
    if (typeof encoded !== "string" || encoded.charAt(0) !== "u") return Promise.reject(new Error("list"));
    if (typeof DecompressionStream !== "function" || typeof Blob === "undefined" || typeof Response === "undefined") {
      return Promise.reject(new Error("unsupported-browser"));
    }
    var gzip = base64url(encoded.slice(1));
    var stream = new Blob([gzip]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).arrayBuffer().then(function (buffer) { return new Uint8Array(buffer); });
  }

  // The `size`-bit value at entry `index` (left-most bit first), or -1 past the end.
  function entryValue(bits, index, size) {
    if ((index + 1) * size > bits.length * 8) return -1;
    var value = 0;
    for (var k = 0; k < size; k++) {
      var b = index * size + k;
      value = (value << 1) | ((bits[b >> 3] >> (7 - (b & 7))) & 1);
    }
    return value;
  }

  root.certsiteJcs = {
    canonicalize: canonicalize,
    base58btc: base58btc,
    base64url: base64url,
    isObject: isObject,
    without: without,
    asList: asList,
    jcsProof: jcsProof,
    subtleEd25519: subtleEd25519,
    verifyProof: verifyProof,
    issuerKey: issuerKey,
    decodeList: decodeList,
    entryValue: entryValue
  };
})(typeof globalThis !== "undefined" ? globalThis : this);

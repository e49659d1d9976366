// certsite: the holder's wallet copy of a valid certificate's credential (DESIGN §5).
//
// The published credential.json carries a proof set of two DataIntegrityProofs, eddsa-jcs-2022
// and eddsa-rdfc-2022. Some wallets refuse a proof set holding a cryptosuite they do not know
// (LearnCard's DIDKit cannot even read an eddsa-jcs-2022 proof), while the eddsa-rdfc-2022 proof
// alone is what every common verifier checks. So the "Download" link of the take-away section
// gets, in the browser, a copy of the published credential whose `proof` is its eddsa-rdfc-2022
// proof alone, as a one-proof array (1EdTech's OB 3.0 JSON schema, which the Learner Credential
// Wallet's verifier checks, wants an array), every other member unchanged and in the same order,
// written as certsite writes JSON (two spaces, a final newline), offered as a Blob URL. Without
// JavaScript, or if anything here fails, the link keeps giving the published file.
//
// A classic script (no inline code, loaded with `defer`) that also sets `certsiteWalletCopy` on
// the global object ({ walletCopy, text }), so Node runs the same file with
// `vm.runInNewContext(source, sandbox)` (tests/interop makes the copy the page makes).
(function (root) {
  "use strict";

  var CRYPTOSUITE = "eddsa-rdfc-2022";

  // The credential with only its eddsa-rdfc-2022 proof, or null when it has not exactly one.
  function walletCopy(credential) {
    if (!credential || typeof credential !== "object" || Array.isArray(credential)) return null;
    var proofs = [].concat(credential.proof || []).filter(function (p) {
      return p && p.type === "DataIntegrityProof" && p.cryptosuite === CRYPTOSUITE;
    });
    if (proofs.length !== 1) return null;
    var copy = {};
    Object.keys(credential).forEach(function (key) {
      copy[key] = key === "proof" ? proofs : credential[key];
    });
    return copy;
  }

  // The copy as a file's text, in the form certsite publishes JSON.
  function text(copy) {
    return JSON.stringify(copy, null, 2) + "\n";
  }

  root.certsiteWalletCopy = { walletCopy: walletCopy, text: text };

  if (typeof document === "undefined") return;

  function start() {
    var link = document.querySelector('.take-away a[data-action="download"]');
    if (!link || typeof fetch !== "function" || typeof Blob !== "function" || !root.URL || !URL.createObjectURL) return;
    fetch(link.href, { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      })
      .then(function (credential) {
        var copy = walletCopy(credential);
        if (!copy) return;
        link.href = URL.createObjectURL(new Blob([text(copy)], { type: "application/json" }));
        link.setAttribute("data-copy", "wallet");
      })
      .catch(function () {
        // The link keeps giving the published credential.
      });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})(typeof globalThis !== "undefined" ? globalThis : this);

// certsite: the verification page checks its certificate again in the browser, step by step
// (DESIGN §5). It downloads credential.json, the issuer's DID document and the status list,
// and checks:
//   issuer-key  the credential's issuer is the DID of did.json, and its proof's
//               verificationMethod is a Multikey of that DID listed under assertionMethod,
//               an Ed25519 public key (multicodec 0xed 0x01, 32 bytes);
//   signature   the eddsa-jcs-2022 proof (W3C "Data Integrity EdDSA Cryptosuites v1.0"
//               §3.3.2: SHA-256(JCS(proof without proofValue)) || SHA-256(JCS(document
//               without proof)), Ed25519 with WebCrypto);
//   revocation, suspension
//               the signed status list (same DID, same checks) does not flag the credential:
//               its one entry (statusPurpose "message", statusSize 2) holds 0x0, not 0x2
//               (revoked) or 0x1 (suspended); or, in a credential signed before, the
//               revocation and suspension lists each have a 0 bit at its statusListIndex;
//   validity    validFrom ≤ now ≤ validUntil, with the browser's clock.
// A step that cannot run (a download failed, a status list past its validUntil) ends
// "unsupported", never "fail". When all have ended, the verdict card at the top of the page
// ([data-verdict]) shows the outcome as of today: the status (revoked, suspended, superseded,
// expired, not-yet-valid, valid), or "not-authentic" (a proof or the key fails: it wins over
// everything) or "unconfirmed" (something could not be checked; data-unconfirmed says why:
// "stale", the status lists are past their validUntil, the register was not updated; or
// "unreachable", a download failed; or "unsupported", this browser cannot check). The card
// and the steps never disagree: the card is computed from the steps, and the summary under
// the steps says what the card says, in its colour.
// A decision announced on the card ([data-announced], from data-effective) whose day has come
// by the browser's clock is in effect though the lists, signed before that day, cannot show
// it: the step it concerns says so and the card's words say "in effect since".
// DOM contract: each [data-step] gets data-result = pass | fail | unsupported when it ends,
// the section gets data-verification="done" when all have ended. Words come from
// /assets/words.<lang>.json, written by the build from the i18n table (one file for every
// page, rather than the same words in each of 100,000 pages); the English below is a last
// resort.
// No inline script: loaded with `defer`, after jcs.js (which defines certsiteJcs).
(function () {
  "use strict";
  var box = document.getElementById("live-check");
  if (!box || !window.certsiteJcs || typeof Promise === "undefined" || typeof fetch !== "function") return;

  var FALLBACK = {
    "check-running": "Checking…",
    "check-lead": "Your browser downloads the signed credential, the body's public key and the status lists, and checks them again against today's date.",
    "check-issuer-key": "The body's key",
    "check-signature": "Digital signature",
    "check-revocation": "Revocation list",
    "check-suspension": "Suspension list",
    "check-validity": "Validity period",
    "check-fetch-failed": "A file the check needs could not be downloaded.",
    "check-invalid-data": "The credential's content is not correct.",
    "check-unsupported": "This browser cannot check Ed25519 signatures.",
    "check-unsupported-browser": "This browser cannot run this check.",
    "check-signature-pass": "The signature is correct.",
    "check-signature-fail": "The signature is not correct.",
    "check-signature-no-key": "The signature could not be checked: the body's key was not found.",
    "check-issuer-key-pass": "The credential is signed with a key the body publishes.",
    "check-issuer-key-fail": "The signing key is not among the keys the body publishes.",
    "check-revocation-pass": "Not revoked.",
    "check-revoked": "Revoked.",
    "check-suspension-pass": "Not suspended.",
    "check-suspended": "Suspended.",
    "check-list-invalid": "The status list could not be checked.",
    "check-validity-pass": "Today is within the validity period.",
    "check-expired": "Expired.",
    "check-not-yet-valid": "Not yet valid.",
    "check-done-pass": "All checks passed.",
    "check-done-fail": "At least one check did not pass.",
    "check-done-unsupported": "Some checks could not be done: the status is not confirmed.",
    "check-list-stale": "The status list is out of date (its validity ended on {date}): the current status cannot be confirmed.",
    "check-lists-signed": "Checked just now; the status lists were signed on {date}.",
    "check-verdict-not-authentic": "Not authentic",
    "check-verdict-not-authentic-lead": "The check failed: the data was changed or not signed by the body. Do not rely on this certificate.",
    "check-verdict-unconfirmed": "Could not confirm",
    "check-verdict-unconfirmed-lead": "The status could not be checked in this browser: see the steps below.",
    "check-verdict-unconfirmed-stale-lead": "The register has not been updated since {date}, so the current status cannot be confirmed: contact the issuer.",
    "check-verdict-unconfirmed-unreachable-lead": "The files the check needs could not be downloaded: check your connection and try again in a while.",
    "check-revoked-announced": "Revoked: a decision in effect from {date} was published (the list was signed before that day).",
    "check-suspended-announced": "Suspended: a decision in effect from {date} was published (the list was signed before that day).",
    "check-reinstated-announced": "Not suspended: the suspension was lifted from {date} (the list was signed before that day).",
    "check-contact": "Contact",
    "check-card-last-day": "Last day of validity"
  };
  var MARKS = { pass: "✓", fail: "✗", unsupported: "?" };
  // Outcomes of a step that say what the certificate is, rather than that something is wrong
  // with the data: the verdict they give.
  var STATUS_OF = {
    "check-revoked": "revoked", "check-revoked-announced": "revoked", "check-suspended": "suspended",
    "check-suspended-announced": "suspended", "check-expired": "expired", "check-not-yet-valid": "not-yet-valid"
  };
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

  // A date (an XML Schema dateTime or YYYY-MM-DD) as the page's language writes it: 2 March
  // 2026 in English, 02.03.2026 in Azerbaijani.
  function day(text) {
    var m = /^(\d{4})-(\d\d)-(\d\d)/.exec(String(text));
    if (!m) return String(text);
    if ((document.documentElement.lang || "").slice(0, 2) === "en") return parseInt(m[3], 10) + " " + MONTHS[parseInt(m[2], 10) - 1] + " " + m[1];
    return m[3] + "." + m[2] + "." + m[1];
  }

  // The words of the page's language, beside this script: <base>/assets/words.<lang>.json.
  var scriptSrc = document.currentScript && document.currentScript.src;
  function wordsUrl() {
    var lang = (document.documentElement.lang || "az").slice(0, 2) === "en" ? "en" : "az";
    return scriptSrc ? scriptSrc.replace(/verify-credential\.js(\?.*)?$/, "words." + lang + ".json") : "/assets/words." + lang + ".json";
  }

  var WORDS = {};
  function words(key) {
    return WORDS[key] || FALLBACK[key] || "";
  }

  // ---- the steps on the page ----

  // The steps exist only where this script runs (they would claim nothing without it), so
  // the page does not carry their markup: it is made here, with the words of the page's
  // language, once those have been read.
  var STEPS = ["issuer-key", "signature", "revocation", "suspension", "validity"];
  var steps = {};
  var pending = STEPS.length;
  var results = [];
  var summaryBox = null;
  var summary = null;
  var panel = box.querySelector(".live-check-steps");

  function element(tag, className, text) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (text) el.textContent = text;
    return el;
  }

  function makeSteps() {
    if (!panel) return;
    panel.appendChild(element("p", "hint", words("check-lead")));
    STEPS.forEach(function (name) {
      var p = element("p", "step");
      p.setAttribute("data-step", name);
      var label = element("strong");
      var mark = element("span", "mark", "…");
      mark.setAttribute("aria-hidden", "true");
      label.appendChild(mark);
      label.appendChild(document.createTextNode(" " + words("check-" + name)));
      p.appendChild(label);
      p.appendChild(document.createElement("br"));
      p.appendChild(element("span", "words", words("check-running")));
      panel.appendChild(p);
      steps[name] = p;
    });
    summaryBox = element("p", "live-check-summary");
    summaryBox.setAttribute("role", "status");
    summaryBox.setAttribute("aria-live", "polite");
    summary = element("strong", "", words("check-running"));
    summaryBox.appendChild(summary);
    panel.appendChild(summaryBox);
  }
  var nojs = document.querySelector(".live-check-nojs");
  var card = document.querySelector("[data-verdict]");
  // The status as of the last update, from the data (superseded is not in the status lists).
  var recorded = card ? card.getAttribute("data-status") || card.getAttribute("data-verdict") : "";
  var keys = {};
  var byStep = {};
  var listDates = [];
  // The day the register was last updated (a list's validFrom), also when the lists are stale.
  var signedOn = "";

  // The decision announced on the card, if any: { action, day (YYYY-MM-DD), el }, and whether
  // its day has come by the browser's clock (UTC days, as the lists' dates).
  var announcedEl = card ? card.querySelector("[data-announced]") : null;
  var announced = null;
  if (announcedEl && /^\d{4}-\d\d-\d\d$/.test(announcedEl.getAttribute("data-effective") || "")) {
    announced = { action: announcedEl.getAttribute("data-announced"), day: announcedEl.getAttribute("data-effective") };
    announced.begun = Date.now() >= Date.parse(announced.day + "T00:00:00Z");
  }
  // Whether the announced decision of `action` is in effect today though list `l` was signed
  // before it took effect (so the list cannot show it).
  function announcedSince(action, l) {
    if (!announced || !announced.begun || announced.action !== action) return false;
    var from = typeof l.list.validFrom === "string" ? l.list.validFrom.slice(0, 10) : "";
    return from < announced.day;
  }

  if (nojs) nojs.hidden = true;
  if (panel) {
    panel.hidden = false;
    panel.setAttribute("aria-busy", "true");
  }
  box.setAttribute("data-verification", "running");

  function setText(el, mark, text) {
    var m = el.querySelector(".mark");
    var w = el.querySelector(".words");
    if (m) m.textContent = mark;
    if (w) w.textContent = text;
  }

  function end(name, result, key, date) {
    var el = steps[name];
    if (!el || el.hasAttribute("data-result")) return;
    setText(el, MARKS[result], words(key).replace("{date}", date ? day(date) : ""));
    el.setAttribute("data-result", result);
    results.push(result);
    keys[name] = key;
    byStep[name] = result;
    pending -= 1;
    if (pending > 0) return;
    var v = verdict();
    if (panel) panel.removeAttribute("aria-busy");
    showVerdict(v);
    // One message on the page: the summary says what the card says (a step that shows the
    // certificate's status, revoked or expired, is not "do not rely on the data").
    var said = v === "valid" ? words("check-done-pass") : v === "not-authentic" ? words("check-done-fail") : leadOf(v);
    if (v === "unconfirmed" && unconfirmedWhy() === "unsupported") said = words("check-done-unsupported");
    if (summary) summary.textContent = said;
    // The steps that show the certificate's status take the card's colour too.
    box.setAttribute("data-outcome", v);
    if (summaryBox) {
      summaryBox.setAttribute("data-summary", v);
      if (v === "not-authentic") summaryBox.classList.add("error");
    }
    box.setAttribute("data-verification", "done");
  }

  // The verdict as of today, from the steps alone.
  function verdict() {
    var name;
    for (name in byStep) if (byStep[name] === "fail" && !STATUS_OF[keys[name]]) return "not-authentic";
    if (STATUS_OF[keys.revocation] === "revoked") return "revoked";
    var core = ["issuer-key", "signature", "revocation", "suspension"];
    for (var i = 0; i < core.length; i++) if (byStep[core[i]] !== "pass" && byStep[core[i]] !== "fail") return "unconfirmed";
    if (STATUS_OF[keys.suspension] === "suspended") return "suspended";
    if (recorded === "superseded") return "superseded";
    if (byStep.validity === "fail") return STATUS_OF[keys.validity];
    if (byStep.validity !== "pass") return "unconfirmed";
    return "valid";
  }

  // Why the status could not be confirmed: "stale" (a list past its validUntil), else
  // "unreachable" (a download failed), else "unsupported" (this browser cannot check).
  function unconfirmedWhy() {
    var name;
    for (name in keys) if (keys[name] === "check-list-stale") return "stale";
    for (name in keys) if (keys[name] === "check-fetch-failed") return "unreachable";
    return "unsupported";
  }

  // The issuer's contact, from the words file (the build writes it from site.toml).
  function contact() {
    var c = WORDS["issuer-contact"];
    return c ? " " + words("check-contact") + ": " + c : "";
  }

  // The card's words under its label for verdict `v`.
  function leadOf(v) {
    if (v !== "unconfirmed") return words("check-verdict-" + v + "-lead");
    var why = unconfirmedWhy();
    if (why === "stale") return words("check-verdict-unconfirmed-stale-lead").replace("{date}", signedOn ? day(signedOn) : "?") + contact();
    if (why === "unreachable") return words("check-verdict-unconfirmed-unreachable-lead");
    return words("check-verdict-unconfirmed-lead");
  }

  // Puts `v` on the card: attribute (colour and icon follow it), words, and how fresh.
  function showVerdict(v) {
    if (!card) return;
    card.setAttribute("data-verdict", v);
    if (v === "unconfirmed") card.setAttribute("data-unconfirmed", unconfirmedWhy());
    var label = card.querySelector(".verdict-label");
    var lead = card.querySelector(".verdict-lead");
    var since = card.querySelector(".verdict-since");
    var asof = card.querySelector(".verdict-asof");
    if (label) label.textContent = words("check-verdict-" + v) || v;
    if (lead) lead.textContent = leadOf(v);
    // The card's dates were written for the status as of the last update: a status found
    // today that is not valid takes back "valid until" (an expired one's is its last day).
    var validUntil = card.querySelector('[data-date="valid_until"]');
    if (validUntil && v !== recorded && v !== "valid" && v !== "unconfirmed" && v !== "not-authentic") {
      var dt = validUntil.querySelector("dt");
      if (v === "expired" && dt) dt.textContent = words("check-card-last-day");
      else validUntil.hidden = true;
    }
    // Valid today though not at the last update (a reinstatement announced has taken effect):
    // the dates of the status recorded then (suspended until, ...) no longer hold.
    if (v === "valid" && recorded !== "valid") {
      var old = card.querySelectorAll('[data-date^="card_"]');
      for (var i = 0; i < old.length; i++) old[i].hidden = true;
    }
    // An announced decision whose day has come: in effect since, not "from" (the card's words
    // were written before that day).
    if (announced && announced.begun) {
      var strong = announcedEl.querySelector("strong");
      if (strong) strong.textContent = words("check-announced-" + announced.action).replace("{date}", day(announced.day));
      announcedEl.setAttribute("data-begun", "");
    }
    // "Since" is the recorded status's: it says nothing of a status found today.
    if (since && v !== recorded) since.hidden = true;
    if (asof && listDates.length === 2) {
      listDates.sort();
      asof.textContent = words("check-lists-signed").replace("{date}", day(listDates[0]));
    }
  }

  // A step's ending: thrown by a check (or returned by it); `date` fills the words' {date}.
  function Outcome(result, key, date) {
    this.result = result;
    this.key = key;
    this.date = date;
  }
  function outcome(result, key, date) {
    return new Outcome(result, key, date);
  }
  function FetchFailed(url) {
    this.url = url;
  }
  function Unsupported(key) {
    this.key = key;
  }

  // Runs one step; whatever goes wrong inside ends it (so the page always ends "done").
  function run(name, check, otherwise) {
    Promise.resolve()
      .then(check)
      .then(
        function (o) { end(name, o.result, o.key, o.date); },
        function (e) {
          if (e instanceof Outcome) end(name, e.result, e.key, e.date);
          // Not a failure of the certificate: the check could not run (DESIGN §5).
          else if (e instanceof FetchFailed) end(name, "unsupported", "check-fetch-failed");
          else if (e instanceof Unsupported) end(name, "unsupported", e.key);
          else end(name, "fail", otherwise);
        }
      );
  }

  // ---- the shared checks (jcs.js) ----

  var jcs = window.certsiteJcs;
  var isObject = jcs.isObject;
  var without = jcs.without;
  var asList = jcs.asList;
  var issuerKey = jcs.issuerKey;
  var entryValue = jcs.entryValue;

  // The shared checks' errors as this page's outcomes.
  function unsupported(e) {
    throw new Unsupported(e && e.message === "unsupported" ? "check-unsupported" : "check-unsupported-browser");
  }
  function verifyProof(doc, keyBytes) {
    return jcs.verifyProof(doc, keyBytes).then(null, unsupported);
  }
  function decodeList(encoded) {
    return jcs.decodeList(encoded).then(null, function (e) {
      if (e && e.message === "list") throw outcome("fail", "check-list-invalid");
      unsupported(e);
    });
  }

  // ---- downloads ----

  function getJson(url) {
    return fetch(url, { cache: "no-cache", credentials: "same-origin" }).then(
      function (response) {
        if (!response.ok) throw new FetchFailed(url);
        return response.json().catch(function () { throw outcome("fail", "check-invalid-data"); });
      },
      function () { throw new FetchFailed(url); }
    );
  }

  // ---- status lists ----

  // The status list at `url` (by path on this origin, so a local preview checks its own
  // lists), downloaded and checked once for all the steps that read it: its bits, whether its
  // proof verified (null: the browser cannot tell), whether it is past its validUntil.
  var lists = {};
  function statusList(url, purpose, didDoc) {
    var key = purpose + " " + url;
    if (lists[key]) return lists[key];
    var where;
    try {
      where = new URL(url);
    } catch (e) {
      return Promise.reject(outcome("fail", "check-list-invalid"));
    }
    lists[key] = getJson(where.pathname).then(function (list) {
      var subject = isObject(list) && list.credentialSubject;
      if (!isObject(subject) || list.id !== url || asList(list.type).indexOf("BitstringStatusListCredential") < 0 ||
        subject.type !== "BitstringStatusList" || subject.statusPurpose !== purpose) {
        throw outcome("fail", "check-list-invalid");
      }
      var issuer = issuerKey(list, didDoc);
      if (!issuer) throw outcome("fail", "check-list-invalid");
      // A list past its validUntil may miss a decision taken since (DESIGN §5).
      var until = Date.parse(list.validUntil);
      var stale = "validUntil" in list && (isNaN(until) || Date.now() > until);
      var signed = verifyProof(list, issuer).then(
        function (ok) { return ok; },
        function (e) { if (e instanceof Unsupported) return null; throw e; }
      );
      return Promise.all([signed, decodeList(subject.encodedList)]).then(function (r) {
        return { list: list, signed: r[0], bits: r[1], stale: stale };
      });
    });
    return lists[key];
  }

  function statusCheck(purpose, credential, didDoc) {
    var entries = credential.credentialStatus ? asList(credential.credentialStatus) : [];
    // certsite's one entry (two bits: 0x1 suspended, 0x2 revoked), else the entry of a
    // credential signed before, one per purpose.
    var entry = null;
    var size = 1;
    for (var i = 0; i < entries.length; i++) {
      var e = entries[i];
      if (!isObject(e) || e.type !== "BitstringStatusListEntry") continue;
      if (e.statusPurpose === "message" && String(e.statusSize) === "2") {
        entry = e;
        size = 2;
        break;
      }
      if (e.statusPurpose === purpose) entry = e;
    }
    if (!entry || typeof entry.statusListCredential !== "string" || !/^\d+$/.test(String(entry.statusListIndex))) {
      throw outcome("fail", "check-list-invalid");
    }
    var index = parseInt(String(entry.statusListIndex), 10);
    return statusList(entry.statusListCredential, size === 2 ? "message" : purpose, didDoc).then(function (l) {
      var value = entryValue(l.bits, index, size);
      if (l.signed === false || value < 0 || (size === 2 && value === 3)) throw outcome("fail", "check-list-invalid");
      var set = size === 2 ? value === (purpose === "revocation" ? 2 : 1) : value === 1;
      if (typeof l.list.validFrom === "string" && l.list.validFrom > signedOn) signedOn = l.list.validFrom;
      // A revocation is final, so an old list that shows one is still right, and so is a
      // revocation announced before the list was signed once its day has come; anything else
      // an old list says may have changed since.
      if (set && purpose === "revocation") return outcome("fail", "check-revoked");
      if (purpose === "revocation" && announcedSince("revoke", l)) return outcome("fail", "check-revoked-announced", announced.day);
      if (l.stale) return outcome("unsupported", "check-list-stale", l.list.validUntil);
      if (typeof l.list.validFrom === "string") listDates.push(l.list.validFrom);
      if (purpose === "suspension" && announcedSince("suspend", l)) return outcome("fail", "check-suspended-announced", announced.day);
      if (purpose === "suspension" && set && announcedSince("reinstate", l)) return outcome("pass", "check-reinstated-announced", announced.day);
      if (set) return outcome("fail", "check-suspended");
      if (l.signed === null) return outcome("unsupported", "check-unsupported");
      return outcome("pass", "check-" + purpose + "-pass");
    });
  }

  // ---- validity ----

  function validityCheck(credential) {
    var now = Date.now();
    if ("validFrom" in credential) {
      var from = Date.parse(credential.validFrom);
      if (isNaN(from)) return outcome("fail", "check-invalid-data");
      if (now < from) return outcome("fail", "check-not-yet-valid");
    }
    if ("validUntil" in credential) {
      var until = Date.parse(credential.validUntil);
      if (isNaN(until)) return outcome("fail", "check-invalid-data");
      if (now > until) return outcome("fail", "check-expired");
    }
    return outcome("pass", "check-validity-pass");
  }

  // ---- the run: words first, then every step ----

  getJson(box.getAttribute("data-words") || wordsUrl())
    .then(function (w) { if (isObject(w)) WORDS = w; }, function () {})
    .then(start);

  function start() {
  makeSteps();

  var credentialP = getJson(box.getAttribute("data-credential") || new URL("credential.json", window.location.href).href).then(function (c) {
    if (!isObject(c)) throw outcome("fail", "check-invalid-data");
    return c;
  });
  // The DID document: the page links it (DESIGN §4: at /.well-known/did.json or /did.json).
  var didLink = box.querySelector('a[href$="did.json"]');
  var didP = getJson(box.getAttribute("data-did-document") || (didLink && didLink.getAttribute("href")) || "/.well-known/did.json");
  var keyP = Promise.all([credentialP, didP]).then(function (r) {
    var key = issuerKey(r[0], r[1]);
    if (!key) throw outcome("fail", "check-issuer-key-fail");
    return key;
  });

  run("issuer-key", function () {
    return keyP.then(function () { return outcome("pass", "check-issuer-key-pass"); });
  }, "check-issuer-key-fail");

  run("signature", function () {
    return Promise.all([credentialP, keyP.catch(function (e) {
      if (e instanceof FetchFailed) throw e;
      throw outcome("fail", "check-signature-no-key");
    })]).then(function (r) {
      return verifyProof(r[0], r[1]).then(function (ok) {
        return ok ? outcome("pass", "check-signature-pass") : outcome("fail", "check-signature-fail");
      });
    });
  }, "check-signature-fail");

  ["revocation", "suspension"].forEach(function (purpose) {
    run(purpose, function () {
      return Promise.all([credentialP, didP]).then(function (r) {
        return statusCheck(purpose, r[0], r[1]);
      });
    }, "check-list-invalid");
  });

  run("validity", function () {
    return credentialP.then(validityCheck);
  }, "check-invalid-data");
  }
})();

// The verification page re-checks its certificate in real headless Chromium (DESIGN §5):
// issuer key, eddsa-jcs-2022 signature (WebCrypto Ed25519), both signed status lists and the
// validity period against the browser's date, each step ending in data-result = pass | fail |
// unsupported and the section in data-verification="done"; no CSP violation; nothing claimed
// without JavaScript. And assets/jcs.js canonicalises byte for byte as certsite's Rust JCS.
//
// Needs: Debian's chromium (/usr/bin/chromium or $CHROMIUM), a built certsite binary
// ($CERTSITE_BIN, default target/debug/certsite) and cargo: before() runs
// `cargo build --example jcs` (or set $JCS_BIN to a built target/debug/examples/jcs).

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, readFileSync, readdirSync, existsSync, writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import vm from "node:vm";
import { repo, startSite } from "./site.mjs";

const STEPS = ["issuer-key", "signature", "revocation", "suspension", "validity"];
let site, pub, browser, base, codes, jcsBin;

function buildJcsExample() {
  if (process.env.JCS_BIN) return process.env.JCS_BIN;
  const built = join(repo, "target/debug/examples/jcs");
  try {
    execFileSync("cargo", ["build", "--quiet", "--example", "jcs"], { cwd: repo, stdio: "pipe" });
  } catch (e) {
    // Someone else's half-done edit may break the crate: an earlier build still compares.
    if (!existsSync(built)) throw e;
    console.error(`cargo build --example jcs failed; using the existing ${built}\n${e.stderr}`);
  }
  return built;
}

before(async () => {
  jcsBin = buildJcsExample();
  // With the state of the build that signed tests/fixtures/earlier-copies (its key ring, slots and
  // URL secret; a new signing key), so
  // that those copies verify against this site.
  site = await startSite("minimal", "2026-11-23",
    (root) => {
      cpSync(join(repo, "tests/fixtures/earlier-copies/certsite-state"), join(root, ".certsite"), { recursive: true });
      cpSync(join(repo, "tests/fixtures/earlier-copies/url-secret.test"), join(root, ".certsite/url.secret"));
    },
  );
  ({ pub, browser, base, codes } = site);
});

after(async () => {
  await site?.close();
});

// A page whose clock reads `now` (by default noon of the build date: the status lists are
// fresh for 31 days after it, whatever day the tests run on).
async function page(options = {}, now = "2026-11-23T12:00:00Z") {
  const context = await browser.newContext(options);
  const p = await context.newPage();
  await p.clock.setFixedTime(new Date(now));
  const problems = [];
  p.on("console", (m) => { if (/Content Security Policy/i.test(m.text())) problems.push(m.text()); });
  p.on("pageerror", (e) => problems.push(String(e)));
  return { p, problems, close: () => context.close() };
}

// Opens a certificate's page and waits until every step has ended; returns
// { step: [result, words] } and the summary.
async function check(p, number) {
  const code = codes[number];
  assert.ok(code, `no certificate ${number} in the fixture`);
  await p.goto(`${base}/c/${code}/`);
  await p.waitForSelector('#live-check[data-verification="done"]', { timeout: 15000 });
  const steps = await p.$$eval("[data-step]", (els) =>
    Object.fromEntries(els.map((el) => [el.dataset.step, [el.dataset.result ?? null, el.querySelector(".words").textContent]])),
  );
  const summary = await p.textContent(".live-check-summary");
  return { steps, summary };
}

// The words for a message key, from the build's words file (rendered from the i18n table).
function msg(p, key) {
  const words = JSON.parse(readFileSync(join(pub, "assets/words.az.json"), "utf8"));
  assert.ok(words[key], `words.az.json has ${key}`);
  return words[key];
}

function results(steps) {
  return Object.fromEntries(Object.entries(steps).map(([k, [r]]) => [k, r]));
}

test("a valid certificate's page passes all five steps in the browser", async () => {
  const { p, problems, close } = await page();
  const { steps, summary } = await check(p, "T-0001");
  assert.deepEqual(Object.keys(steps).sort(), [...STEPS].sort());
  assert.deepEqual(results(steps), Object.fromEntries(STEPS.map((s) => [s, "pass"])));
  assert.equal(steps.signature[1], await msg(p, "check-signature-pass"));
  assert.equal(steps.revocation[1], await msg(p, "check-revocation-pass"));
  assert.match(steps.signature[1], /İmza düzgündür/, "Azerbaijani words on the Azerbaijani page");
  assert.equal(summary, await msg(p, "check-done-pass"));
  assert.equal(await p.getAttribute("[data-status]", "data-status"), "valid", "the status as of the build date stays");
  assert.equal(await p.isHidden(".live-check-nojs"), true);
  assert.equal(await p.getAttribute(".live-check-summary", "aria-live"), "polite");
  assert.deepEqual(problems, []);
  await close();
});

test("a credential.json altered after signing fails the signature step", async () => {
  const { p, problems, close } = await page();
  await p.route("**/credential.json", async (route) => {
    const response = await route.fetch();
    const credential = await response.json();
    credential.credentialSubject.name = "Əliyeva Şəbnəm Başqa";
    await route.fulfill({ response, json: credential });
  });
  const { steps, summary } = await check(p, "T-0001");
  assert.equal(steps.signature[0], "fail");
  assert.equal(steps.signature[1], await msg(p, "check-signature-fail"));
  assert.equal(steps["issuer-key"][0], "pass", "the key is still the body's; only the data changed");
  assert.equal(summary, await msg(p, "check-done-fail"));
  assert.deepEqual(problems, []);
  await close();
});

test("the suspended certificate fails the suspension step", async () => {
  const { p, problems, close } = await page();
  const { steps } = await check(p, "T-0005");
  assert.equal(await p.getAttribute("[data-status]", "data-status"), "suspended");
  assert.deepEqual(results(steps), { "issuer-key": "pass", signature: "pass", revocation: "pass", suspension: "fail", validity: "pass" });
  assert.equal(steps.suspension[1], await msg(p, "check-suspended"));
  assert.deepEqual(problems, []);
  await close();
});

test("the revoked certificate fails the revocation step", async () => {
  const { p, problems, close } = await page();
  const { steps } = await check(p, "T-0006");
  assert.equal(await p.getAttribute("[data-status]", "data-status"), "revoked");
  assert.deepEqual(results(steps), { "issuer-key": "pass", signature: "pass", revocation: "fail", suspension: "pass", validity: "pass" });
  assert.equal(steps.revocation[1], await msg(p, "check-revoked"));
  assert.deepEqual(problems, []);
  await close();
});

test("the expired certificate fails the validity step", async () => {
  // T/0002 ended on 2025-02-28; its page says "superseded" (T-0003 replaces it).
  const { p, problems, close } = await page();
  const { steps } = await check(p, "T/0002");
  assert.equal(steps.validity[0], "fail");
  assert.equal(steps.validity[1], await msg(p, "check-expired"));
  assert.equal(steps.signature[0], "pass");
  assert.deepEqual(problems, []);
  await close();
});

test("the browser's date decides validity: expired after validUntil, not yet valid before validFrom", async () => {
  // T-0001 is valid from 2025-01-10 to 2028-01-09 23:59:59Z; the site was built on 2026-11-23.
  for (const [when, result, key] of [
    ["2028-01-10T00:00:00Z", "fail", "check-expired"],
    ["2028-01-09T23:59:00Z", "pass", "check-validity-pass"],
    ["2024-12-31T12:00:00Z", "fail", "check-not-yet-valid"],
  ]) {
    const { p, problems, close } = await page();
    await p.clock.setFixedTime(new Date(when));
    const { steps } = await check(p, "T-0001");
    assert.deepEqual(steps.validity, [result, await msg(p, key)], when);
    assert.equal(steps.signature[0], "pass", when);
    assert.equal(await p.getAttribute("[data-status]", "data-status"), "valid", "the static status keeps the build date");
    assert.deepEqual(problems, []);
    await close();
  }
});

test("a holder's earlier copy (two status entries, into the one-bit lists) checks as the register says", async () => {
  for (const [number, expected] of [
    ["T-0001", { "issuer-key": "pass", signature: "pass", revocation: "pass", suspension: "pass", validity: "pass" }],
    ["T-0005", { "issuer-key": "pass", signature: "pass", revocation: "pass", suspension: "fail", validity: "pass" }],
    ["T-0006", { "issuer-key": "pass", signature: "pass", revocation: "fail", suspension: "pass", validity: "pass" }],
  ]) {
    const { p, problems, close } = await page();
    const copy = JSON.parse(readFileSync(join(repo, "tests/fixtures/earlier-copies/credentials", `${number}.json`), "utf8"));
    assert.ok(Array.isArray(copy.credentialStatus), `${number}: two entries`);
    await p.route("**/credential.json", (route) => route.fulfill({ json: copy }));
    const { steps } = await check(p, number);
    assert.deepEqual(results(steps), expected, number);
    assert.deepEqual(problems, [], number);
    await close();
  }
});

test("when the status lists cannot be downloaded, those steps end unsupported (not failed), with words, and the check still ends", async () => {
  const { p, close } = await page();
  await p.route("**/status/*.json", (route) => route.fulfill({ status: 404, body: "" }));
  const { steps } = await check(p, "T-0001");
  assert.deepEqual(results(steps), { "issuer-key": "pass", signature: "pass", revocation: "unsupported", suspension: "unsupported", validity: "pass" });
  assert.equal(steps.revocation[1], await msg(p, "check-fetch-failed"));
  await close();
});

test("a browser without Ed25519 in WebCrypto shows unsupported, with words, instead of failing", async () => {
  const { p, problems, close } = await page();
  await p.addInitScript(() => {
    const importKey = SubtleCrypto.prototype.importKey;
    SubtleCrypto.prototype.importKey = function (format, key, algorithm, ...rest) {
      const name = typeof algorithm === "string" ? algorithm : algorithm?.name;
      if (/^ed25519$/i.test(name)) return Promise.reject(new DOMException("Unrecognized name.", "NotSupportedError"));
      return importKey.call(this, format, key, algorithm, ...rest);
    };
  });
  const { steps, summary } = await check(p, "T-0001");
  assert.deepEqual(results(steps), { "issuer-key": "pass", signature: "unsupported", revocation: "unsupported", suspension: "unsupported", validity: "pass" });
  assert.equal(steps.signature[1], await msg(p, "check-unsupported"));
  assert.match(steps.signature[1], /Ed25519/);
  assert.equal(summary, await msg(p, "check-done-unsupported"));
  assert.deepEqual(problems, []);
  await close();
});

test("without JavaScript no step claims a result and the build-date status stays", async () => {
  const { p, close } = await page({ javaScriptEnabled: false });
  for (const number of ["T-0001", "T-0005", "T-0006", "T/0002"]) {
    await p.goto(`${base}/c/${codes[number]}/`);
    assert.equal(await p.locator("[data-result]").count(), 0, number);
    assert.equal(await p.locator("[data-verification]").count(), 0, number);
    assert.equal(await p.isVisible("[data-status]"), true, number);
    assert.equal(await p.isVisible(".live-check-nojs"), true, number);
  }
  await close();
});

test("assets/jcs.js canonicalises byte for byte as certsite's Rust JCS (examples/jcs.rs)", () => {
  const sandbox = {};
  vm.runInNewContext(readFileSync(join(repo, "assets/jcs.js"), "utf8"), sandbox);
  const { canonicalize } = sandbox.certsiteJcs;
  // The served copy is the same file.
  assert.equal(readFileSync(join(pub, "assets/jcs.js"), "utf8"), readFileSync(join(repo, "assets/jcs.js"), "utf8"));

  const files = readdirSync(join(pub, "c")).map((code) => join(pub, "c", code, "credential.json"));
  files.push(join(pub, "status/status.json"), join(pub, "status/revocation.json"), join(pub, "status/suspension.json"));
  const tricky = [
    // Sorted by UTF-16 code units (😀 = \ud83d\ude00 before \ufb33), not by code points.
    '{"\\ufb33":1,"\\ud83d\\ude00":2,"a":3,"":4,"A":5,"\\u00e9":6}',
    '{"ə":"Şəbnəm","Ü":"ü","Ç":["ç","Ğ"],"€":"\\u20ac","ǅ":"dž"}',
    '{"line":"\\u2028\\u2029","ctl":"\\u0000\\u0001\\b\\t\\n\\f\\r\\u001f\\u007f","q":"\\"\\\\/"}',
    '{"b":[true,false,null,[],{}],"a":{"z":{"y":{}},"x":[[]]}}',
    '{"int":[0,1,-1,42,9007199254740991,-9007199254740991],"n":null}',
    '["\\ud83d\\ude00","\\ufb33","\\u00ff","<\\/script>","&amp;"]',
    '"\\u2028"',
    '[1e21,0.1,-0,1.5e-7,123456789012345678,1e300,0.000001,5e-324]',
  ];
  const dir = mkdtempSync(join(tmpdir(), "certsite-jcs-"));
  try {
    tricky.forEach((text, i) => {
      const path = join(dir, `tricky-${i}.json`);
      writeFileSync(path, text);
      files.push(path);
    });
    // One line per file; canonical JSON has no raw newline, so split the bytes at 0x0a.
    const out = execFileSync(jcsBin, files);
    const rust = [];
    for (let start = 0, end; start < out.length; start = end + 1) {
      end = out.indexOf(0x0a, start);
      assert.notEqual(end, -1, "every line ends with a newline");
      rust.push(out.subarray(start, end));
    }
    assert.equal(rust.length, files.length);
    files.forEach((path, i) => {
      const js = canonicalize(JSON.parse(readFileSync(path, "utf8")));
      assert.ok(Buffer.from(js, "utf8").equals(rust[i]), `${path}\n  js:   ${js}\n  rust: ${rust[i].toString("utf8")}`);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // UTF-16 order, checked directly too.
  assert.equal(canonicalize({ "\ufb33": 1, "\ud83d\ude00": 2 }), '{"\ud83d\ude00":2,"\ufb33":1}');
  assert.throws(() => canonicalize({ a: "\ud800" }), /lone surrogate/);
});

// The verdict card of a certificate's page (DESIGN §5: [data-verdict]) in headless Chromium,
// for every status and for a tampered credential, status lists that cannot be downloaded and
// status lists past their validUntil: the card shows one verdict, sits within the first
// 390×844 screen uncovered, and agrees with the steps of the check. Also: without JavaScript
// the card shows the status as of the last update and that update's date; a decision published
// but not yet in effect is announced; the page prints on one A4 page; unknown codes end on a
// page that says so in the visitor's language.
//
// Screenshots of each case at 390 and 1280 px are written to $CERTSITE_SCREENSHOTS (default
// target/screenshots); a few are kept in docs/screenshots/.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { appendFileSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { startSite, SIZES, shots } from "./site.mjs";

const BUILT = "2026-11-23";
const NOON = `${BUILT}T12:00:00Z`;
// After the lists' validUntil (build date + 31 days, DESIGN §5).
const STALE = "2027-01-10T12:00:00Z";

let site, browser, base, codes, pub;

before(async () => {
  // The minimal fixture, plus a certificate that has expired, one not yet valid, and a
  // suspension of T-0004 decided before the build date but taking effect after it.
  site = await startSite("minimal", BUILT, (root) => {
    rmSync(join(root, "templates/404.html")); // the default 404 page, not the fixture's own
    const toml = join(root, "data/site.toml");
    // The last table of the fixture's site.toml is [issuer]: the logo goes into it.
    writeFileSync(toml, `languages = ["az", "en"]\ntitle_en = "Test register"\n${readFileSync(toml, "utf8")}logo = "content/logo.svg"\n`);
    writeFileSync(join(root, "content/logo.svg"), '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="24" viewBox="0 0 40 24"><rect width="40" height="24" rx="4" fill="#0b5cad"/></svg>\n');
    appendFileSync(join(root, "data/certificates.csv"), [
      "T-0007,Babayeva,Lalə,,Tikişçi,Tailor,,2023-11-01,2026-10-31,,,,,,,",
      "T-0008,Rəhimov,Tural,,Bənna,Bricklayer,,2026-12-15,2029-12-14,,,,,,,",
    ].join("\n") + "\n");
    appendFileSync(join(root, "data/decisions.csv"), "D-3,T-0004,suspend,2026-11-20,2026-12-01,,fitness,Sağlamlıq vəziyyəti yenidən qiymətləndirilir.,,\n");
  });
  ({ browser, base, codes, pub } = site);
});

after(async () => {
  await site?.close();
});


async function open(number, { now = NOON, size = SIZES[0], javaScript = true, lang = "", setup } = {}) {
  const context = await browser.newContext({ viewport: size, javaScriptEnabled: javaScript });
  const p = await context.newPage();
  const problems = [];
  p.on("pageerror", (e) => problems.push(String(e)));
  p.on("console", (m) => { if (/Content Security Policy/i.test(m.text())) problems.push(m.text()); });
  if (javaScript) await p.clock.setFixedTime(new Date(now));
  if (setup) await setup(p);
  const code = codes[number];
  assert.ok(code, `no certificate ${number}`);
  await p.goto(`${base}${lang}/c/${code}/`);
  if (javaScript) await p.waitForSelector('[data-verification="done"]', { timeout: 15000 });
  return { p, problems, close: () => context.close() };
}

async function results(p) {
  return p.$$eval("[data-step]", (els) => Object.fromEntries(els.map((el) => [el.dataset.step, el.dataset.result ?? null])));
}

// The card: its verdict, its words, and whether it is whole within the first screen and on top.
async function card(p) {
  return p.evaluate(() => {
    const el = document.querySelector("[data-verdict]");
    const r = el.getBoundingClientRect();
    const probes = [[r.left + 8, r.top + 8], [r.right - 8, r.bottom - 8], [(r.left + r.right) / 2, (r.top + r.bottom) / 2]];
    return {
      verdict: el.dataset.verdict,
      status: el.dataset.status,
      label: el.querySelector(".verdict-label").textContent,
      text: el.textContent.replace(/\s+/g, " "),
      inFirstScreen: window.scrollY === 0 && r.top >= 0 && r.bottom <= window.innerHeight && r.left >= 0 && r.right <= window.innerWidth,
      uncovered: probes.every(([x, y]) => el.contains(document.elementFromPoint(x, y))),
    };
  });
}

function words(key, lang = "az") {
  const table = JSON.parse(readFileSync(join(pub, `assets/words.${lang}.json`), "utf8"));
  assert.ok(table[key], `words.${lang}.json has ${key}`);
  return table[key];
}

const PASS = { "issuer-key": "pass", signature: "pass", revocation: "pass", suspension: "pass", validity: "pass" };

const CASES = [
  { name: "valid", number: "T-0001", verdict: "valid", steps: PASS },
  { name: "suspended", number: "T-0005", verdict: "suspended", steps: { ...PASS, suspension: "fail" } },
  { name: "revoked", number: "T-0006", verdict: "revoked", steps: { ...PASS, revocation: "fail" } },
  { name: "expired", number: "T-0007", verdict: "expired", steps: { ...PASS, validity: "fail" } },
  { name: "superseded", number: "T/0002", verdict: "superseded", steps: { ...PASS, validity: "fail" } },
  { name: "not-yet-valid", number: "T-0008", verdict: "not-yet-valid", steps: { ...PASS, validity: "fail" } },
  {
    name: "tampered",
    number: "T-0001",
    recorded: "valid",
    verdict: "not-authentic",
    steps: { ...PASS, signature: "fail" },
    setup: (p) =>
      p.route("**/credential.json", async (route) => {
        const response = await route.fetch();
        const credential = await response.json();
        credential.credentialSubject.name = "Əliyeva Şəbnəm Başqa";
        await route.fulfill({ response, json: credential });
      }),
  },
  {
    name: "network-failed",
    number: "T-0001",
    recorded: "valid",
    verdict: "unconfirmed",
    lead: () => words("check-verdict-unconfirmed-unreachable-lead"),
    steps: { ...PASS, revocation: "unsupported", suspension: "unsupported" },
    setup: (p) => p.route("**/status/*.json", (route) => route.abort("internetdisconnected")),
  },
  { name: "stale-lists", number: "T-0001", recorded: "valid", now: STALE, verdict: "unconfirmed", lead: () => words("check-verdict-unconfirmed-stale-lead").replace("{date}", "23.11.2026"), steps: { ...PASS, revocation: "unsupported", suspension: "unsupported" } },
  // A revocation is final: an old list that shows it is still right.
  { name: "stale-lists-revoked", number: "T-0006", now: STALE, verdict: "revoked", steps: { ...PASS, revocation: "fail", suspension: "unsupported" } },
];

for (const c of CASES) {
  test(`${c.name}: the card says ${c.verdict}, within the first screen, and agrees with the steps`, async () => {
    for (const size of SIZES) {
      const { p, problems, close } = await open(c.number, { now: c.now, size, setup: c.setup });
      const got = await card(p);
      assert.equal(got.verdict, c.verdict, `${size.width}px`);
      assert.equal(got.status, c.recorded ?? c.verdict, "data-status keeps the status as of the last update");
      assert.equal(got.label, words(`check-verdict-${c.verdict}`));
      assert.ok(got.text.includes(c.lead ? c.lead() : words(`check-verdict-${c.verdict}-lead`)), got.text);
      assert.deepEqual(await results(p), c.steps);
      if (size.width === 390) assert.ok(got.inFirstScreen, `the card is within the first 390×844 screen: ${JSON.stringify(got)}`);
      assert.ok(got.uncovered, "nothing covers the card");
      if (c.verdict === "unconfirmed") {
        assert.doesNotMatch(got.text, new RegExp(words("check-verdict-not-authentic")), "could not confirm is never 'not authentic'");
      }
      assert.deepEqual(problems, []);
      await p.screenshot({ path: join(shots, `${c.name}-${size.width}.png`) });
      await close();
    }
  });
}

test("the card shows the issuer's logo of site.toml beside its name", async () => {
  const { p, close } = await open("T-0001");
  const logo = await p.$eval("[data-verdict] img.issuer-logo", (img) => ({ src: img.getAttribute("src"), width: img.naturalWidth, alt: img.alt }));
  assert.deepEqual(logo, { src: "/assets/logo.svg", width: 40, alt: "" });
  await close();
});

test("the card says how fresh the status lists are once checked", async () => {
  const { p, close } = await open("T-0001");
  const text = await p.textContent(".verdict-asof");
  assert.equal(text, words("check-lists-signed").replace("{date}", "23.11.2026"));
  await close();
  const en = await open("T-0001", { lang: "/en" });
  assert.equal(await en.p.textContent(".verdict-asof"), words("check-lists-signed", "en").replace("{date}", "23 November 2026"));
  assert.equal(await en.p.textContent(".verdict-label"), "Valid");
  await en.close();
});

test("stale lists say until when they were valid", async () => {
  const { p, close } = await open("T-0001", { now: STALE });
  const step = await p.textContent('[data-step="revocation"] .words');
  assert.equal(step, words("check-list-stale").replace("{date}", "24.12.2026"));
  await close();
});

test("without JavaScript the card shows the status as of the last update and that update's date, and no step claims a result", async () => {
  for (const [number, status] of [["T-0001", "valid"], ["T-0006", "revoked"], ["T-0005", "suspended"]]) {
    const { p, close } = await open(number, { javaScript: false });
    const got = await card(p);
    assert.equal(got.verdict, status);
    assert.ok(got.inFirstScreen, JSON.stringify(got));
    const date = await p.$eval(".updated-on", (el) => getComputedStyle(el, "::after").content);
    assert.equal(date, '"23.11.2026"', "the date of the last update, from the shared stylesheet");
    assert.deepEqual(Object.values(await results(p)).filter((r) => r !== null), []);
    if (number === "T-0001") await p.screenshot({ path: join(shots, "no-javascript-390.png") });
    await close();
  }
  const { p, close } = await open("T-0001", { javaScript: false, lang: "/en" });
  assert.equal(await p.$eval(".updated-on", (el) => getComputedStyle(el, "::after").content), '"23 November 2026"');
  await close();
});

test("a decision published but not yet in effect is announced on the certificate's page, with its notice", async () => {
  const { p, close } = await open("T-0004");
  assert.equal((await card(p)).verdict, "valid", "in effect only from 01.12.2026");
  const announced = await p.$eval("[data-announced]", (el) => ({ action: el.dataset.announced, text: el.textContent, href: el.querySelector("a").getAttribute("href") }));
  assert.equal(announced.action, "suspend");
  assert.match(announced.text, /01\.12\.2026 tarixindən dayandırma/);
  assert.equal(announced.href, "/notices/D-3/");
  assert.ok((await card(p)).inFirstScreen);
  await close();
  const en = await open("T-0004", { lang: "/en" });
  assert.match(await en.p.textContent("[data-announced]"), /Suspension from 1 December 2026/);
  await en.close();
});

test("the verification page prints on one A4 page, with the verdict, the details and the QR code", async () => {
  // A valid certificate, and a revoked one with its decision and grounds.
  for (const number of ["T-0001", "T-0006"]) {
    const { p, close } = await open(number);
    await p.emulateMedia({ media: "print" });
    for (const selector of ["[data-verdict]", ".details", "[data-qr] svg"]) assert.ok(await p.isVisible(selector), `${selector} prints`);
    if (number === "T-0006") assert.ok(await p.isVisible(".decision li"), "the grounds print");
    const pdf = await p.pdf({ format: "A4", printBackground: true });
    const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) || []).length;
    assert.equal(pages, 1, `${number}: one A4 page`);
    await close();
  }
});

test("an unknown code ends on a page in the visitor's language that echoes the code", async () => {
  const context = await browser.newContext({ viewport: SIZES[0] });
  const p = await context.newPage();
  await p.goto(`${base}/c/ZZZZ0000ZZZZ/`);
  const visible = async (sel) => p.$$eval(sel, (els) => els.filter((e) => e.offsetParent !== null).map((e) => e.textContent.trim()));
  assert.deepEqual(await visible(".typed-code"), ["ZZZZ0000ZZZZ"]);
  assert.deepEqual(await visible(".unknown-code h1"), ["Bu kodla sertifikat tapılmadı"]);
  assert.equal(await p.getAttribute("html", "lang"), "az");
  await p.screenshot({ path: join(shots, "unknown-code-390.png") });
  await p.goto(`${base}/en/c/PSM-2025-0112/`);
  assert.deepEqual(await visible(".unknown-code h1"), ["No certificate with this code"]);
  assert.deepEqual(await visible(".typed-code"), ["PSM-2025-0112"]);
  assert.equal(await p.getAttribute("html", "lang"), "en");
  assert.equal(await p.textContent(".site-title"), "Test register", "the English title");
  assert.equal(await p.isVisible(".site-header nav"), false, "no Azerbaijani menu on the English page");
  assert.equal((await visible(".number-hint")).length, 1, "a certificate number gets the hint about the code under the QR");
  await context.close();
});

test("/verify/ says in place when no certificate has a typed code, and hints when a number was typed", async () => {
  const context = await browser.newContext({ viewport: SIZES[0] });
  const p = await context.newPage();
  await p.goto(`${base}/en/verify/`);
  await p.fill("#code", "zzzz-0000-zzzz");
  await p.click("button[type=submit]");
  // 12 characters: a code printed before the check character, which cannot tell a typing
  // mistake (tests/browser/verify.test.mjs has the 13-character cases).
  await p.waitForSelector("#code-unchecked:not([hidden])");
  assert.equal(await p.textContent("#code-unchecked .typed-code"), "ZZZZ-0000-ZZZZ");
  assert.match(await p.textContent("#code-unchecked"), /No certificate with this code is in the register/);
  assert.equal(p.url(), `${base}/en/verify/`, "stays on the page");
  await p.fill("#code", "T-0001");
  await p.click("button[type=submit]");
  assert.equal(await p.isVisible("#code-number"), true);
  assert.match(await p.textContent("#code-number"), /looks like a certificate number/);
  await context.close();
});

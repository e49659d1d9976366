// /verify/ in real headless Chromium: a typed code (any case, with hyphens, O for 0) takes
// the person to the certificate's page; a malformed one shows an error and stays; the strict
// Content-Security-Policy of every page holds (no violation is reported). A code as printed has
// a check character (DESIGN §4): one character wrong or two swapped is told at once, without a
// request; a code whose check passes but which no certificate has may not be genuine; a
// 12-character code printed before cannot be checked, and is never called plainly not genuine.
// The script's check character is held to the Rust one's (the pages' captions) for every code
// of the site. Screenshots at 390 and 1280 px, in both languages, go to $CERTSITE_SCREENSHOTS.
//
// Needs: Debian's chromium (/usr/bin/chromium or $CHROMIUM) and a built certsite binary
// ($CERTSITE_BIN, default target/debug/certsite); see site.mjs.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { startSite, SIZES, shots } from "./site.mjs";

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
// The check character of 12 characters, by the rule of src/model/code.rs written again here
// (tests hold it to the Rust answers for the site's codes).
const timesX = (v) => ((v <<= 1) & 32 ? (v ^ 37) & 31 : v);
const check = (chars) => ALPHABET[timesX([...chars].reduce((s, c) => timesX(s) ^ ALPHABET.indexOf(c), 0))];

let site, browser, base, codes, pub;
// number → the code as printed under the QR code of its page (by the Rust side): 7K2M-9QWX-4RTB-E.
const printed = {};

before(async () => {
  site = await startSite("minimal", "2026-11-23", (root) => {
    const toml = join(root, "data/site.toml");
    writeFileSync(toml, `languages = ["az", "en"]\ntitle_en = "Test register"\n${readFileSync(toml, "utf8")}`);
    rmSync(join(root, "templates/404.html")); // the default 404 page, not the fixture's own
  });
  ({ browser, base, codes, pub } = site);
  for (const [number, code] of Object.entries(codes)) {
    const html = readFileSync(join(pub, "c", code, "index.html"), "utf8");
    printed[number] = /<figcaption>[^<]*<code>([^<]+)<\/code><\/figcaption>/.exec(html)[1];
  }
});

after(async () => {
  await site?.close();
});

async function page() {
  const p = await browser.newPage();
  const violations = [];
  p.on("console", (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()); });
  p.on("pageerror", (e) => violations.push(String(e)));
  return { p, violations };
}

test("a typed code, in any case and with hyphens, opens the certificate's page", async () => {
  const { p, violations } = await page();
  await p.goto(`${base}/verify/`);
  assert.equal(await p.isHidden("#no-js-help"), true, "the no-JavaScript help hides once the script runs");
  const code = codes["T-0001"];
  const typed = `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`.toLowerCase();
  await p.fill("#code", typed);
  await Promise.all([p.waitForURL(`${base}/c/${code}/`), p.click("button[type=submit]")]);
  assert.equal(await p.getAttribute("[data-status]", "data-status"), "valid");
  assert.equal(await p.textContent(".number"), "T-0001");
  assert.deepEqual(violations, []);
  await p.close();
});

test("a malformed code shows an error and stays on the page", async () => {
  const { p, violations } = await page();
  await p.goto(`${base}/verify/`);
  await p.fill("#code", "ABC-123");
  await p.click("button[type=submit]");
  assert.equal(await p.isVisible("#code-error"), true);
  assert.equal(await p.getAttribute("#code", "aria-invalid"), "true");
  assert.equal(new URL(p.url()).pathname, "/verify/");
  assert.deepEqual(violations, []);
  await p.close();
});

test("a link of the form /verify/?code= goes straight on", async () => {
  const { p } = await page();
  const code = codes["T-0005"];
  await p.goto(`${base}/verify/?code=${code.toLowerCase()}`);
  await p.waitForURL(`${base}/c/${code}/`);
  assert.equal(await p.getAttribute("[data-status]", "data-status"), "suspended");
  await p.close();
});

test("without JavaScript the page explains the address form", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const p = await context.newPage();
  await p.goto(`${base}/verify/`);
  assert.equal(await p.isVisible("#no-js-help"), true);
  assert.match(await p.textContent("#no-js-help"), /https:\/\/cert\.example\.org\/c\/KOD\//);
  await context.close();
});

test("the page shows the code with its check character as a fourth group; the address keeps 12", () => {
  for (const [number, code] of Object.entries(codes)) {
    assert.match(printed[number], /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]$/, number);
    assert.equal(printed[number].replaceAll("-", "").slice(0, 12), code, number);
  }
});

// What the form answers to `typed`, without leaving the page: "mistake", "unknown",
// "unchecked", "invalid", or "page" (it went on to a certificate's page), and how many
// requests it made.
async function answer(p, typed) {
  const boxes = { mistake: "#code-mistake", unknown: "#code-unknown", unchecked: "#code-unchecked", invalid: "#code-error" };
  await p.fill("#code", typed);
  await p.click("button[type=submit]");
  await p.waitForFunction(() => ["#code-mistake", "#code-unknown", "#code-unchecked", "#code-error"].some((s) => document.querySelector(s)?.hidden === false) || !location.pathname.endsWith("/verify/"));
  if (!new URL(p.url()).pathname.endsWith("/verify/")) return "page";
  const shown = [];
  for (const [name, selector] of Object.entries(boxes)) if (await p.isVisible(selector)) shown.push(name);
  assert.equal(shown.length, 1, `one answer to ${typed}: ${shown}`);
  return shown[0];
}

test("the script's check character is the Rust one's, for every code of the site", async () => {
  const { p, violations } = await page();
  // No certificate page answers: a code whose check passes is then "unknown", one whose check
  // fails a "mistake", told before any request.
  const asked = [];
  await p.route("**/credential.json", (route) => { asked.push(route.request().url()); route.fulfill({ status: 404, body: "" }); });
  await p.goto(`${base}/verify/`);
  let cases = 0;
  for (const [number, shown] of Object.entries(printed)) {
    const code = shown.replaceAll("-", "");
    // Each of the 32 last characters typed in turn, in the page (as a person would, faster).
    const got = await p.evaluate(async ({ code, alphabet }) => {
      const out = [];
      const boxes = ["#code-mistake", "#code-unknown", "#code-error"].map((s) => document.querySelector(s));
      for (const check of alphabet) {
        document.getElementById("code").value = code.slice(0, 12) + check;
        document.getElementById("verify-form").requestSubmit();
        while (boxes.every((b) => b.hidden)) await new Promise((r) => setTimeout(r, 5));
        out.push(boxes.filter((b) => !b.hidden).map((b) => b.id).join());
        for (const b of boxes) b.hidden = true;
      }
      return out;
    }, { code, alphabet: ALPHABET });
    for (const [k, check] of [...ALPHABET].entries()) {
      assert.equal(got[k], check === code[12] ? "code-unknown" : "code-mistake", `${number}: ${code.slice(0, 12)}+${check}`);
      cases++;
    }
  }
  assert.equal(cases, 32 * Object.keys(printed).length);
  assert.equal(asked.length, Object.keys(printed).length, "a request only for a code whose check passes");
  assert.deepEqual(violations, []);
  await p.close();
});

test("the code as printed opens the page; one character wrong or two swapped is a typing mistake, told at once", async () => {
  for (const [lang, prefix] of [["az", ""], ["en", "/en"]]) {
    for (const size of SIZES) {
      const context = await browser.newContext({ viewport: size });
      const p = await context.newPage();
      const requests = [];
      p.on("request", (r) => { if (r.url().includes("/c/")) requests.push(r.url()); });
      await p.goto(`${base}${prefix}/verify/`);
      const shown = printed["T-0001"];
      // One character wrong: the 6th (a 9 typed for what is there, or an A).
      const wrong = shown.slice(0, 5) + (shown[5] === "9" ? "A" : "9") + shown.slice(6);
      assert.equal(await answer(p, wrong.toLowerCase()), "mistake");
      assert.equal(await p.getAttribute("#code", "aria-invalid"), "true");
      assert.equal(await p.textContent("#code-mistake .typed-code"), wrong);
      assert.match(await p.textContent("#code-mistake"), lang === "az" ? /yazı səhvi.*Bir simvol səhv yazılıb və ya iki simvolun yeri dəyişib/s : /typing mistake.*One character is wrong or two are swapped/s);
      assert.doesNotMatch(await p.textContent("#code-mistake"), lang === "az" ? /həqiqi/ : /genuine/, "a typing mistake is not called a fake");
      await p.screenshot({ path: join(shots, `verify-typing-mistake-${lang}-${size.width}.png`), fullPage: true });
      // Two neighbours swapped (two that differ).
      const plain = shown.replaceAll("-", "");
      const i = [...plain].findIndex((c, k) => k < 12 && c !== plain[k + 1]);
      const swapped = plain.slice(0, i) + plain[i + 1] + plain[i] + plain.slice(i + 2);
      assert.equal(await answer(p, swapped), "mistake");
      assert.deepEqual(requests, [], "nothing asked of the server for a typing mistake");
      // As printed, with spaces for hyphens and O for 0: the page.
      await Promise.all([p.waitForURL(`${base}${prefix}/c/${codes["T-0001"]}/`), answer(p, shown.replaceAll("-", " ").replaceAll("0", "O"))]);
      await context.close();
    }
  }
});

test("a code whose check passes but which no certificate has may not be genuine; an old 12-character one may be mistyped", async () => {
  // A code no certificate has, with its check character by the rule of src/model/code.rs
  // (`check`, below: held to the Rust answers for the site's codes first).
  for (const shown of Object.values(printed)) assert.equal(check(shown.replaceAll("-", "").slice(0, 12)), shown.at(-1));
  const UNKNOWN = "ZZZZ0000ZZZZ" + check("ZZZZ0000ZZZZ");
  assert.ok(!Object.values(codes).includes(UNKNOWN.slice(0, 12)));
  for (const [lang, prefix] of [["az", ""], ["en", "/en"]]) {
    for (const size of SIZES) {
      const context = await browser.newContext({ viewport: size });
      const p = await context.newPage();
      await p.goto(`${base}${prefix}/verify/`);
      // 13 characters, the check passing: no such certificate.
      assert.equal(await answer(p, UNKNOWN), "unknown");
      const text = await p.textContent("#code-unknown");
      assert.match(text, lang === "az" ? /Kod düzgün yazılıb.*həqiqi olmaya bilər.*orqana müraciət edin/s : /typed correctly.*may not be genuine.*Contact the issuer/s);
      assert.match(text, /etiraz@cert\.example\.org/, "whom to contact");
      await p.screenshot({ path: join(shots, `verify-unknown-code-${lang}-${size.width}.png`), fullPage: true });
      // 12 characters (printed before the check character): may be mistyped, or not genuine.
      assert.equal(await answer(p, UNKNOWN.slice(0, 12)), "unchecked");
      const old = await p.textContent("#code-unchecked");
      assert.match(old, lang === "az" ? /yazı səhvinə görə yoxlanıla bilmir.*Ya kod səhv yazılıb, ya da sertifikat həqiqi olmaya bilər.*Hər simvolu/s : /cannot be checked for typing mistakes.*Either it was mistyped, or the certificate may not be genuine.*Compare each character/s);
      await p.screenshot({ path: join(shots, `verify-unchecked-code-${lang}-${size.width}.png`), fullPage: true });
      await context.close();
    }
  }
});

test("?code= links work with 12 and 13 characters", async () => {
  const { p } = await page();
  await p.goto(`${base}/verify/?code=${printed["T-0005"].toLowerCase()}`);
  await p.waitForURL(`${base}/c/${codes["T-0005"]}/`);
  assert.equal(await p.getAttribute("[data-status]", "data-status"), "suspended");
  const wrong = codes["T-0005"] + ALPHABET[(ALPHABET.indexOf(printed["T-0005"].at(-1)) + 1) % 32];
  await p.goto(`${base}/en/verify/?code=${wrong}`);
  await p.waitForSelector("#code-mistake:not([hidden])");
  assert.equal(new URL(p.url()).pathname, "/en/verify/");
  await p.close();
});

test("a code as printed typed into the address goes to its page; with a typing mistake the 404 page says so", async () => {
  for (const [lang, prefix] of [["az", ""], ["en", "/en"]]) {
    const context = await browser.newContext({ viewport: SIZES[0] });
    const p = await context.newPage();
    const shown = printed["T-0001"];
    await p.goto(`${base}${prefix}/c/${shown.toLowerCase()}/`);
    await p.waitForURL(`${base}${prefix}/c/${codes["T-0001"]}/`);
    assert.equal(await p.textContent(".number"), "T-0001");
    const wrong = shown.slice(0, -1) + (shown.at(-1) === "0" ? "1" : "0");
    await p.goto(`${base}${prefix}/c/${wrong}/`);
    const visible = async (sel) => p.$$eval(sel, (els) => els.filter((e) => e.offsetParent !== null).map((e) => e.textContent.trim()));
    assert.deepEqual(await visible(".code-mistake h1"), [lang === "az" ? "Kodda yazı səhvi var" : "A typing mistake in the code"]);
    assert.deepEqual(await visible(".mistyped-code"), [wrong]);
    assert.deepEqual(await visible(".unknown-advice"), [], "not called possibly not genuine");
    await p.screenshot({ path: join(shots, `not-found-typing-mistake-${lang}-390.png`), fullPage: true });
    // A code as printed whose check passes but which no certificate has: not called a typing
    // mistake, nor "compare each character".
    const none = "ZZZZ0000ZZZZ";
    await p.goto(`${base}${prefix}/c/${none}${check(none)}/`);
    await p.waitForURL(`${base}${prefix}/c/${none}/`);
    await p.waitForSelector(".checked-advice:not([hidden])");
    assert.deepEqual(await visible(".code-mistake h1"), []);
    assert.deepEqual(await visible(".unknown-advice"), []);
    assert.match((await visible(".checked-advice")).join(), lang === "az" ? /düzgün yazılıb/ : /typed correctly/);
    // Typed by hand without the check character, the same code keeps the cautious words.
    await p.goto(`${base}${prefix}/c/${none}/`);
    assert.equal((await visible(".unknown-advice")).length, 1);
    assert.deepEqual(await visible(".checked-advice"), []);
    await context.close();
  }
});

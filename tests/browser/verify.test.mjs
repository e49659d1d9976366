// /verify/ in real headless Chromium: a typed code (any case, with hyphens, O for 0) takes
// the person to the certificate's page; a malformed one shows an error and stays; the strict
// Content-Security-Policy of every page holds (no violation is reported).
//
// Needs: Debian's chromium (/usr/bin/chromium or $CHROMIUM) and a built certsite binary
// ($CERTSITE_BIN, default target/debug/certsite); see site.mjs.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startSite } from "./site.mjs";

let site, browser, base, codes;

before(async () => {
  site = await startSite();
  ({ browser, base, codes } = site);
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

// The take-away section of a valid certificate's page (DESIGN §5, "The holder's wallet copy"):
// its words say what the file is for and how it goes into a wallet, and its download gives,
// with JavaScript, the wallet copy made by assets/wallet-copy.js: the published credential with
// its eddsa-rdfc-2022 proof alone (a one-proof array), every other member the same, in the same
// order and written the same way. Without JavaScript the link gives the published file.
// Checked at 390 and 1280 px, in Azerbaijani and English; screenshots to $CERTSITE_SCREENSHOTS
// (default target/screenshots).

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSite, SIZES, shots } from "./site.mjs";

const BUILT = "2026-11-23";
const NOON = `${BUILT}T12:00:00Z`;
// What each language's page says of the file (src/render/i18n.rs take_away_lead, take_away_file).
const WORDS = {
  az: [/imzalı surətini yükləyin/, /rəqəmsal pul kisəsi \(wallet\)/, /Learner Credential Wallet/, /«Add credential»/, /işəgötürənə/],
  en: [/download its signed copy/, /digital wallet app/, /Learner Credential Wallet/, /Add credential/, /employer/],
};

let site, browser, base, codes, pub, downloads;

before(async () => {
  site = await startSite("minimal", BUILT, (root) => {
    const toml = join(root, "data/site.toml");
    writeFileSync(toml, `languages = ["az", "en"]\ntitle_en = "Test register"\n${readFileSync(toml, "utf8")}`);
  });
  ({ browser, base, codes, pub } = site);
  downloads = mkdtempSync(join(tmpdir(), "certsite-wallet-"));
});

after(async () => {
  await site?.close();
  if (downloads) rmSync(downloads, { recursive: true, force: true });
});

async function open(path, { size = SIZES[0], javaScript = true } = {}) {
  const context = await browser.newContext({ viewport: size, javaScriptEnabled: javaScript, acceptDownloads: true });
  const p = await context.newPage();
  const problems = [];
  p.on("pageerror", (e) => problems.push(String(e)));
  p.on("console", (m) => { if (/Content Security Policy|Refused/i.test(m.text())) problems.push(m.text()); });
  if (javaScript) await p.clock.setFixedTime(new Date(NOON));
  await p.goto(`${base}${path}`);
  return { p, problems, close: () => context.close() };
}

// Clicks the download link as a person would (scrolled into view) and returns the file.
async function download(p, name) {
  const link = p.locator('.take-away a[data-action="download"]');
  await link.scrollIntoViewIfNeeded();
  const [file] = await Promise.all([p.waitForEvent("download"), link.click()]);
  const path = join(downloads, name);
  await file.saveAs(path);
  return { suggested: file.suggestedFilename(), bytes: readFileSync(path) };
}

const published = (number) => readFileSync(join(pub, "c", codes[number], "credential.json"));
const withoutProof = (doc) => Object.fromEntries(Object.entries(doc).filter(([key]) => key !== "proof"));

test("the download of a valid certificate is the wallet copy: only the eddsa-rdfc-2022 proof, otherwise the published credential, at 390 and 1280 px, in both languages", async () => {
  const bytes = published("T-0001");
  const credential = JSON.parse(bytes);
  assert.deepEqual(credential.proof.map((proof) => proof.cryptosuite).sort(), ["eddsa-jcs-2022", "eddsa-rdfc-2022"], "the published proof set");
  // certsite writes JSON as JSON.stringify(…, null, 2) does, so the copy can be written alike.
  assert.equal(bytes.toString("utf8"), JSON.stringify(credential, null, 2) + "\n");
  const rdfc = credential.proof.find((proof) => proof.cryptosuite === "eddsa-rdfc-2022");
  for (const [lang, prefix] of [["az", ""], ["en", "/en"]]) {
    for (const size of SIZES) {
      const where = `${lang} ${size.width}px`;
      const { p, problems, close } = await open(`${prefix}/c/${codes["T-0001"]}/`, { size });
      assert.equal(await p.getAttribute("html", "lang"), lang, where);
      await p.waitForSelector('.take-away a[data-action="download"][data-copy="wallet"]', { timeout: 15000 });
      const section = p.locator(".take-away");
      const words = await section.innerText();
      for (const expected of WORDS[lang]) assert.match(words, expected, where);
      if (lang === "en") assert.doesNotMatch(words, /[əğışçöü]/i, `${where}: no Azerbaijani word`);
      await section.scrollIntoViewIfNeeded();
      await p.screenshot({ path: join(shots, `wallet-${lang}-${size.width}.png`) });

      const { suggested, bytes: got } = await download(p, `${lang}-${size.width}.json`);
      assert.equal(suggested, "certificate-T-0001.json", where);
      const copy = JSON.parse(got);
      assert.deepEqual(copy.proof, [rdfc], `${where}: the published eddsa-rdfc-2022 proof, alone`);
      assert.deepEqual(withoutProof(copy), withoutProof(credential), `${where}: the rest is the published credential`);
      assert.deepEqual(Object.keys(copy), Object.keys(credential), `${where}: members in the same order`);
      // Byte for byte the published file, but for the proof.
      assert.equal(got.toString("utf8"), JSON.stringify({ ...credential, proof: [rdfc] }, null, 2) + "\n", where);
      assert.deepEqual(problems, [], where);
      await close();
    }
  }
});

test("without JavaScript the download gives the published credential, both proofs", async () => {
  for (const prefix of ["", "/en"]) {
    const { p, close } = await open(`${prefix}/c/${codes["T-0001"]}/`, { javaScript: false });
    assert.equal(await p.getAttribute('.take-away a[data-action="download"]', "href"), `/c/${codes["T-0001"]}/credential.json`);
    const { suggested, bytes } = await download(p, `nojs${prefix.replace("/", "-")}.json`);
    assert.equal(suggested, "certificate-T-0001.json");
    assert.ok(bytes.equals(published("T-0001")), `${prefix || "/"}: the published file`);
    await close();
  }
});

test("if the credential cannot be fetched, the link keeps giving the published file", async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const p = await context.newPage();
  await p.clock.setFixedTime(new Date(NOON));
  await p.route("**/credential.json", (route) => route.fulfill({ status: 503, body: "" }));
  await p.goto(`${base}/c/${codes["T-0001"]}/`);
  await p.waitForLoadState("networkidle");
  assert.equal(await p.getAttribute('.take-away a[data-action="download"]', "data-copy"), null);
  assert.equal(await p.getAttribute('.take-away a[data-action="download"]', "href"), `/c/${codes["T-0001"]}/credential.json`);
  await context.close();
});

test("a certificate that is not valid offers no download and loads no wallet script", async () => {
  for (const number of ["T-0005", "T-0006", "T/0002"]) {
    const { p, problems, close } = await open(`/c/${codes[number]}/`);
    assert.equal(await p.locator(".take-away").count(), 0, number);
    assert.equal(await p.locator('script[src$="/wallet-copy.js"]').count(), 0, number);
    assert.deepEqual(problems, [], number);
    await close();
  }
});

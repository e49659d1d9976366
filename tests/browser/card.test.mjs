// The verification page's card says exactly what is true, per status (DESIGN §5), in both
// languages at 390 and 1280 px: each date on the card is labelled with what it is for that
// status (no "valid until" on a card that is not valid; the start date of a certificate not
// yet valid; until when a suspension lasts, or that a decision must lift it); a superseded
// certificate links its successor and the whole page says one thing in one colour (the live
// check's summary included); every decision on the certificate is listed below the card, a
// lifted suspension too; status lists past their validUntil are told apart from a failed
// download (data-unconfirmed="stale" | "unreachable"), naming the last update and the issuer's
// contact; and an announced decision whose day has passed is not in the future tense.
//
// Screenshots: card-<case>-<lang>-<width>.png in $CERTSITE_SCREENSHOTS (default
// target/screenshots).

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { startSite, SIZES, shots } from "./site.mjs";

const BUILT = "2026-11-23";
const NOON = `${BUILT}T12:00:00Z`;
// After D-3 took effect (2026-12-01), the lists still fresh (valid until 2026-12-24).
const LATER = "2026-12-06T12:00:00Z";
// After the lists' validUntil (build date + 31 days).
const STALE = "2027-01-10T12:00:00Z";

const LANGS = [
  { lang: "az", prefix: "" },
  { lang: "en", prefix: "/en" },
];

let site, browser, base, codes, pub;

before(async () => {
  site = await startSite("minimal", BUILT, (root) => {
    const toml = join(root, "data/site.toml");
    writeFileSync(toml, `languages = ["az", "en"]\ntitle_en = "Test register"\n${readFileSync(toml, "utf8")}`);
    appendFileSync(join(root, "data/certificates.csv"), [
      "T-0007,Babayeva,Lalə,,Tikişçi,Tailor,,2023-11-01,2026-10-31,,,,,,,",
      "T-0008,Rəhimov,Tural,,Bənna,Bricklayer,,2026-12-15,2029-12-14,,,,,,,",
      "T-0009,Nəsirova,Aygün,,Mühasib,Accountant,,2026-01-15,2029-01-14,,,,,,,",
      "T-0010,Cəfərov,Elçin,,Elektrik,Electrician,,2025-05-01,2028-04-30,,,,,,,",
    ].join("\n") + "\n");
    appendFileSync(join(root, "data/decisions.csv"), [
      "D-3,T-0004,suspend,2026-11-20,2026-12-01,,fitness,Sağlamlıq vəziyyəti yenidən qiymətləndirilir.,,",
      "D-6,T-0009,suspend,2026-10-01,2026-10-02,2027-01-31,surveillance,Qiymətləndirməyə gəlməyib.,Did not attend the assessment.,",
      "D-7,T-0010,suspend,2026-02-01,2026-02-02,,logo-misuse,Loqo qaydalara zidd istifadə edilib.,The logo was used against its rules.,",
      "D-8,T-0010,reinstate,2026-03-01,2026-03-02,,logo-misuse,Pozuntu aradan qaldırılıb.,The breach was remedied.,",
      "D-9,T-0005,reinstate,2026-11-20,2026-12-01,,out-of-scope,Pozuntu aradan qaldırılıb.,The breach was remedied.,",
    ].join("\n") + "\n");
  });
  ({ browser, base, codes, pub } = site);
});

after(async () => {
  await site?.close();
});

async function open(number, { now = NOON, size = SIZES[0], javaScript = true, prefix = "", setup } = {}) {
  const context = await browser.newContext({ viewport: size, javaScriptEnabled: javaScript });
  const p = await context.newPage();
  const problems = [];
  p.on("pageerror", (e) => problems.push(String(e)));
  if (javaScript) await p.clock.setFixedTime(new Date(now));
  if (setup) await setup(p);
  const code = codes[number];
  assert.ok(code, `no certificate ${number}`);
  await p.goto(`${base}${prefix}/c/${code}/`);
  if (javaScript) await p.waitForSelector('[data-verification="done"]', { timeout: 15000 });
  return { p, problems, close: () => context.close() };
}

// The card as a person reads it: its verdict, why unconfirmed, its lead, its dates ("label:
// value"), its words, the successor link, and whether it is whole within the first screen.
async function card(p) {
  return p.evaluate(() => {
    const el = document.querySelector("[data-verdict]");
    const r = el.getBoundingClientRect();
    const successor = el.querySelector(".successor a");
    return {
      verdict: el.dataset.verdict,
      unconfirmed: el.dataset.unconfirmed ?? null,
      lead: el.querySelector(".verdict-lead").textContent,
      facts: [...el.querySelectorAll(".verdict-facts div")].map((d) => `${d.querySelector("dt").textContent}: ${d.querySelector("dd").textContent}`),
      text: el.innerText.replace(/\s+/g, " "),
      successor: successor && { text: successor.textContent, href: successor.getAttribute("href") },
      border: getComputedStyle(el).borderLeftColor,
      inFirstScreen: window.scrollY === 0 && r.top >= 0 && r.bottom <= window.innerHeight && r.left >= 0 && r.right <= window.innerWidth,
    };
  });
}

async function summary(p) {
  return p.$eval(".live-check-summary", (el) => ({ text: el.textContent, verdict: el.dataset.summary, border: getComputedStyle(el).borderLeftColor }));
}

function words(key, lang = "az") {
  const table = JSON.parse(readFileSync(join(pub, `assets/words.${lang}.json`), "utf8"));
  assert.ok(table[key], `words.${lang}.json has ${key}`);
  return table[key];
}

// The card's dates per status, as a person reads them (label: value), in each language; the
// profession and the issuer are the card's other facts.
const CASES = [
  {
    name: "valid", number: "T-0001", verdict: "valid",
    az: ["Etibarlıdır (daxil olmaqla): 09.01.2028"],
    en: ["Valid until (inclusive): 9 January 2028"],
  },
  {
    name: "suspended-open", number: "T-0005", verdict: "suspended",
    az: ["Dayandırma müddəti: dayandırmanı götürən qərar verilənədək"],
    en: ["Suspended: until a decision lifts it"],
  },
  {
    name: "suspended-until", number: "T-0009", verdict: "suspended",
    az: ["Dayandırmanın son günü (daxil olmaqla): 31.01.2027"],
    en: ["Suspended until (inclusive): 31 January 2027"],
  },
  {
    name: "revoked", number: "T-0006", verdict: "revoked",
    az: ["Son etibarlı gün: 31.03.2026"],
    en: ["Last valid day: 31 March 2026"],
  },
  {
    name: "expired", number: "T-0007", verdict: "expired",
    az: ["Etibarlılığın son günü: 31.10.2026"],
    en: ["Last day of validity: 31 October 2026"],
  },
  {
    name: "superseded", number: "T/0002", verdict: "superseded",
    az: ["Əvəz edən sertifikat: T-0003"],
    en: ["Replaced by: T-0003"],
  },
  {
    name: "not-yet-valid", number: "T-0008", verdict: "not-yet-valid",
    az: ["Qüvvəyə minmə tarixi: 15.12.2026", "Etibarlıdır (daxil olmaqla): 14.12.2029"],
    en: ["Valid from: 15 December 2026", "Valid until (inclusive): 14 December 2029"],
  },
];

const VALID_UNTIL = { az: "Etibarlıdır (daxil olmaqla)", en: "Valid until (inclusive)" };
const AS_ISSUED = { az: "Verildiyi kimi etibarlılıq müddəti (daxil olmaqla)", en: "Period of validity as issued (inclusive)" };

for (const c of CASES) {
  test(`${c.name}: the card's dates say what they are for a ${c.verdict} certificate, and the details agree`, async () => {
    for (const { lang, prefix } of LANGS) {
      for (const size of SIZES) {
        const { p, problems, close } = await open(c.number, { size, prefix });
        const got = await card(p);
        const where = `${c.name} ${lang} ${size.width}px`;
        assert.equal(got.verdict, c.verdict, where);
        const dates = got.facts.slice(1, -1);
        assert.deepEqual(dates, c[lang], where);
        if (c.verdict !== "valid" && c.verdict !== "not-yet-valid") {
          assert.ok(!got.text.includes(VALID_UNTIL[lang]), `${where}: no "valid until" on a ${c.verdict} card: ${got.text}`);
        }
        // The details lower down: the period as issued, never "valid until" as a status.
        const details = await p.textContent(".details");
        assert.ok(details.includes(AS_ISSUED[lang]), `${where}: ${details}`);
        assert.ok(!details.includes(VALID_UNTIL[lang]), `${where}: ${details}`);
        // One colour on the page: the check's summary says what the card says, in its colour.
        const s = await summary(p);
        assert.equal(s.verdict, c.verdict, where);
        assert.equal(s.border, got.border, `${where}: the summary in the card's colour`);
        if (c.verdict !== "valid") assert.equal(s.text, got.lead, where);
        // A step that shows the status (suspended, expired, ...) is in the card's colour too.
        const failed = await p.$$eval('[data-step][data-result="fail"]', (els) => els.map((el) => getComputedStyle(el).borderLeftColor));
        assert.ok(failed.every((b) => b === got.border), `${where}: steps ${failed} in the card's ${got.border}`);
        if (size.width === 390) assert.ok(got.inFirstScreen, `${where}: within the first 390×844 screen: ${JSON.stringify(got)}`);
        assert.deepEqual(problems, []);
        await p.screenshot({ path: join(shots, `card-${c.name}-${lang}-${size.width}.png`) });
        await close();
      }
    }
  });
}

test("superseded: the card links the successor's page, and nothing on the page says the data failed", async () => {
  for (const { lang, prefix } of LANGS) {
    const { p, close } = await open("T/0002", { prefix });
    const got = await card(p);
    // The successor's address, as printed in its QR code (base_url), here served locally.
    assert.deepEqual(got.successor, { text: "T-0003", href: `https://cert.example.org${prefix}/c/${codes["T-0003"]}/` });
    const body = await p.innerText("body");
    assert.ok(!body.includes(words("check-done-fail", lang)), `no "do not rely on this certificate" for a superseded one: ${body}`);
    assert.equal(await p.$$eval(".live-check-summary.error", (els) => els.length), 0);
    await p.goto(base + new URL(got.successor.href).pathname);
    await p.waitForSelector('[data-verification="done"]');
    assert.equal(await p.getAttribute("[data-number]", "data-number"), "T-0003");
    await close();
  }
});

test("every decision on a certificate is listed below its card, a lifted suspension with its reinstatement", async () => {
  for (const { lang, prefix } of LANGS) {
    for (const size of SIZES) {
      const { p, close } = await open("T-0010", { size, prefix });
      assert.equal((await card(p)).verdict, "valid", "reinstated");
      const items = await p.$$eval(".history li", (els) =>
        els.map((li) => ({ action: li.dataset.action, state: li.dataset.state, date: li.querySelector("time").getAttribute("datetime"), href: li.querySelector("a").getAttribute("href"), text: li.textContent })),
      );
      assert.deepEqual(items.map(({ text, ...rest }) => rest), [
        { action: "suspend", state: "lifted", date: "2026-02-02", href: `${prefix}/notices/D-7/` },
        { action: "reinstate", state: "in-effect", date: "2026-03-02", href: `${prefix}/notices/D-8/` },
      ]);
      assert.match(items[0].text, lang === "az" ? /^02\.02\.2026 Dayandırma, götürülüb: D-7$/ : /^2 February 2026 Suspension, lifted: D-7$/);
      assert.match(await p.textContent(".history h2"), lang === "az" ? /Bu sertifikat üzrə qərarlar/ : /Decisions on this certificate/);
      // Below the card.
      const [cardBottom, historyTop] = await p.evaluate(() => [document.querySelector("[data-verdict]").getBoundingClientRect().bottom, document.querySelector(".history").getBoundingClientRect().top]);
      assert.ok(historyTop > cardBottom);
      await p.screenshot({ path: join(shots, `card-history-${lang}-${size.width}.png`), fullPage: true });
      await close();
    }
  }
  // A suspension with an end, an announced one, a revocation: each listed with where it stands;
  // a certificate with no decision has no list.
  const states = async (number) => {
    const { p, close } = await open(number);
    const got = await p.$$eval(".history li", (els) => els.map((li) => `${li.dataset.action} ${li.dataset.state} ${li.querySelectorAll("time").length}`));
    await close();
    return got;
  };
  assert.deepEqual(await states("T-0009"), ["suspend in-effect 2"], "from and until");
  assert.deepEqual(await states("T-0004"), ["suspend not-yet-effective 1"]);
  assert.deepEqual(await states("T-0006"), ["revoke in-effect 1"]);
  assert.deepEqual(await states("T-0001"), []);
});

test("stale status lists are not a network failure: the card names the last update and the issuer's contact", async () => {
  for (const { lang, prefix } of LANGS) {
    for (const size of SIZES) {
      const stale = await open("T-0001", { now: STALE, size, prefix });
      const got = await card(stale.p);
      assert.equal(got.verdict, "unconfirmed", "DESIGN §5: unconfirmed either way");
      assert.equal(got.unconfirmed, "stale");
      const updated = lang === "az" ? "23.11.2026" : "23 November 2026";
      const contact = `${lang === "az" ? "Əlaqə" : "Contact"}: etiraz@cert.example.org · +994 12 000 00 00`;
      assert.equal(got.lead, `${words("check-verdict-unconfirmed-stale-lead", lang).replace("{date}", updated)} ${contact}`);
      assert.ok(!got.lead.includes(lang === "az" ? "yenidən cəhd" : "try again"), got.lead);
      assert.equal((await summary(stale.p)).text, got.lead, "the summary says the same");
      if (size.width === 390) assert.ok(got.inFirstScreen, JSON.stringify(got));
      await stale.p.screenshot({ path: join(shots, `card-stale-lists-${lang}-${size.width}.png`) });
      await stale.close();

      const down = await open("T-0001", { size, prefix, setup: (p) => p.route("**/status/*.json", (route) => route.abort("internetdisconnected")) });
      const gone = await card(down.p);
      assert.equal(gone.verdict, "unconfirmed");
      assert.equal(gone.unconfirmed, "unreachable");
      assert.equal(gone.lead, words("check-verdict-unconfirmed-unreachable-lead", lang));
      assert.notEqual(gone.lead, got.lead);
      await down.p.screenshot({ path: join(shots, `card-unreachable-${lang}-${size.width}.png`) });
      await down.close();
    }
  }
});

test("an announced decision whose day has passed is not 'will be': the card says it is in effect, and the verdict agrees", async () => {
  for (const { lang, prefix } of LANGS) {
    const from = lang === "az" ? "01.12.2026 tarixindən dayandırma" : "Suspension from 1 December 2026";
    const since = words("check-announced-suspend", lang).replace("{date}", lang === "az" ? "01.12.2026" : "1 December 2026");
    // The page as written: true whenever it is read (no future tense).
    const nojs = await open("T-0004", { javaScript: false, prefix });
    const text = await nojs.p.textContent("[data-announced]");
    assert.ok(text.startsWith(from), text);
    assert.doesNotMatch(text, /acaq|əcək|Will be|will be/);
    await nojs.close();
    // Before its day: announced, valid.
    const early = await open("T-0004", { prefix });
    assert.equal((await card(early.p)).verdict, "valid");
    assert.equal(await early.p.textContent("[data-announced] strong"), from);
    await early.close();
    for (const size of SIZES) {
      // After its day, the lists (signed before it) still fresh: suspended, in effect since.
      const late = await open("T-0004", { now: LATER, size, prefix });
      const got = await card(late.p);
      assert.equal(got.verdict, "suspended", `${lang} ${size.width}px`);
      assert.equal(await late.p.textContent("[data-announced] strong"), since);
      assert.ok(!got.text.includes(VALID_UNTIL[lang]), `no "valid until" once suspended: ${got.text}`);
      // The history, written before that day, says only what stays true: announced.
      assert.match(await late.p.textContent(".history li"), lang === "az" ? /Dayandırma, elan olunub: D-3/ : /Suspension, announced: D-3/);
      assert.equal(await late.p.getAttribute('[data-step="suspension"]', "data-result"), "fail");
      assert.equal(await late.p.textContent('[data-step="suspension"] .words'), words("check-suspended-announced", lang).replace("{date}", lang === "az" ? "01.12.2026" : "1 December 2026"));
      if (size.width === 390) assert.ok(got.inFirstScreen, JSON.stringify(got));
      await late.p.screenshot({ path: join(shots, `card-announced-passed-${lang}-${size.width}.png`) });
      await late.close();
    }
    // A reinstatement announced for T-0005 (suspended at the build): valid once its day has
    // come, and the card no longer says how long the suspension lasts.
    const lifted = await open("T-0005", { now: LATER, prefix });
    const card5 = await card(lifted.p);
    assert.equal(card5.verdict, "valid");
    assert.equal(await lifted.p.getAttribute('[data-step="suspension"]', "data-result"), "pass");
    assert.equal(await lifted.p.textContent("[data-announced] strong"), words("check-announced-reinstate", lang).replace("{date}", lang === "az" ? "01.12.2026" : "1 December 2026"));
    assert.deepEqual(card5.facts.slice(1, -1).filter((f) => card5.text.includes(f.split(":")[0])), [], `no suspension dates left: ${card5.text}`);
    await lifted.close();
    // Months later, the lists stale too: in effect since, and the status unconfirmed (stale).
    const stale = await open("T-0004", { now: STALE, prefix });
    const got = await card(stale.p);
    assert.equal(got.verdict, "unconfirmed");
    assert.equal(got.unconfirmed, "stale");
    assert.equal(await stale.p.textContent("[data-announced] strong"), since);
    await stale.close();
  }
});

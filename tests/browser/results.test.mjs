// An interview session's results page (/interviews/<session>/, DESIGN §3) in headless Chromium,
// at 390×844 and 1280×900, in Azerbaijani and English, as a candidate uses it: a filter finds
// one's row by name or candidate number ("sebnem" finds "Şəbnəm") with a live count, every row
// has an id and a link to it, the linked row is highlighted and the filter keeps it; without
// JavaScript the filter is not shown and every row is. No sideways scrolling; distinct words for
// the venue, the rank and the vacancies; scores with a decimal comma in Azerbaijani and a point
// in English (the open data keeps the point); how to appeal, to whom and by when; a tie at the
// last seat explained at the tied rows; the session's English title, venue and specialties.
//
// The sample site, with N-007 renamed Şəbnəm Əliyeva and N-008 given N-001's scores: a tie
// across the last seat of "Kompüter mühəndisliyi" that the commission ordered (tie_breaks).
// Screenshots of each page at both widths go to $CERTSITE_SCREENSHOTS (default target/screenshots).

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { startSite, SIZES, shots } from "./site.mjs";

const BUILT = "2026-11-23";
const SESSION = "2026-03-xarici";

let site, browser, base, pub;

before(async () => {
  site = await startSite("sample", BUILT, (root) => {
    const dir = join(root, "data/interviews", SESSION);
    const edit = (file, f) => writeFileSync(join(dir, file), f(readFileSync(join(dir, file), "utf8")));
    const rename = (text) => text.replaceAll("N-007,Adeyemi,Funmilayo,", "N-007,Əliyeva,Şəbnəm,");
    edit("schedule.csv", rename);
    edit("scores.csv", (text) => {
      const lines = rename(text).split("\n");
      // N-008 gets N-001's scores, member by member: equal final scores across the last seat.
      const of = (id, m) => lines.find((l) => l.startsWith(`${id},`) && l.includes(`,M${m},`));
      return lines
        .map((l) => {
          const m = /^N-008,(?:[^,]*,){4}M(\d),/.exec(l);
          if (!m) return l;
          const mine = l.split(",");
          const theirs = of("N-001", m[1]).split(",");
          mine.splice(6, 3, ...theirs.slice(6, 9));
          return mine.join(",");
        })
        .join("\n");
    });
    edit("session.toml", (text) =>
      `${text}\n[tie_breaks."Kompüter mühəndisliyi"]\norder = ["N-008", "N-001"]\ndecided_on = 2026-03-23\nprotocol = "No 7"\n`,
    );
  });
  ({ browser, base, pub } = site);
});

after(async () => {
  await site?.close();
});

const LANGS = [
  ["az", ""],
  ["en", "/en"],
];

async function open(lang, size, { hash = "", javaScript = true } = {}) {
  const context = await browser.newContext({ viewport: size, javaScriptEnabled: javaScript });
  const p = await context.newPage();
  const problems = [];
  p.on("pageerror", (e) => problems.push(String(e)));
  p.on("console", (m) => { if (/Content Security Policy/i.test(m.text())) problems.push(m.text()); });
  if (javaScript) await p.clock.setFixedTime(new Date(`${BUILT}T12:00:00Z`));
  await p.goto(`${base}${lang}/interviews/${SESSION}/${hash}`);
  return { p, problems, close: () => context.close() };
}

const visibleRows = (p) => p.$$eval("tr[data-candidate]", (rows) => rows.filter((r) => r.getClientRects().length > 0).map((r) => r.dataset.candidate));

for (const [lang, prefix] of LANGS) {
  for (const size of SIZES) {
    const at = `${lang} ${size.width}px`;

    test(`${at}: the filter finds one's own row by name or number, whatever the letters`, async () => {
      const { p, problems, close } = await open(prefix, size);
      await p.screenshot({ path: join(shots, `results-${lang}-${size.width}.png`), fullPage: true });
      assert.equal(await p.isVisible("#row-filter"), true, "the filter is shown with JavaScript");
      assert.equal((await visibleRows(p)).length, 9);
      const count = () => p.textContent("#row-filter-count");
      assert.match(await count(), lang === "az" ? /^Göstərilən namizədlər: 9 \(cəmi 9\)$/ : /^9 of 9 shown$/);
      await p.fill("#row-filter", "sebnem");
      assert.deepEqual(await visibleRows(p), ["N-007"]);
      assert.match(await p.textContent('tr[data-candidate="N-007"] th'), /Əliyeva Şəbnəm/);
      assert.match(await count(), lang === "az" ? /: 1 \(cəmi 9\)$/ : /^1 of 9 shown$/);
      await p.fill("#row-filter", "ÇELİK");
      assert.deepEqual(await visibleRows(p), ["N-009"]);
      await p.fill("#row-filter", "n-004");
      assert.deepEqual(await visibleRows(p), ["N-004"]);
      // The other specialty has no row left: hidden with its heading.
      assert.equal(await p.isVisible('section[data-specialty="Beynəlxalq münasibətlər"] h3'), false);
      await p.fill("#row-filter", "zzz");
      assert.deepEqual(await visibleRows(p), []);
      assert.equal(await p.isVisible("[data-filter-none]"), true);
      assert.match(await count(), lang === "az" ? /: 0 \(cəmi 9\)$/ : /^0 of 9 shown$/);
      await p.fill("#row-filter", "");
      assert.equal((await visibleRows(p)).length, 9);
      await p.fill("#row-filter", "elif");
      await p.screenshot({ path: join(shots, `results-filtered-${lang}-${size.width}.png`), fullPage: true });
      assert.deepEqual(problems, []);
      await close();
    });

    test(`${at}: every row has an id and a link; the linked row is highlighted and kept by the filter`, async () => {
      const { p, problems, close } = await open(prefix, size, { hash: "#N-003" });
      const ids = await p.$$eval("tr[data-candidate]", (rows) => rows.map((r) => [r.id, r.dataset.candidate, r.querySelector("a.row-link")?.getAttribute("href")]));
      assert.equal(ids.length, 9);
      for (const [id, candidate, href] of ids) assert.deepEqual([id, href], [candidate, `#${candidate}`]);
      const link = p.locator('tr[data-candidate="N-005"] a.row-link');
      assert.equal(await link.isVisible(), true, "the link to a row is visible");
      assert.match(await link.textContent(), lang === "az" ? /^Bu sətrə keçid/ : /^Link to this row/);
      const state = (id) =>
        p.$eval(`tr[id="${id}"]`, (row) => {
          const r = row.getBoundingClientRect();
          return { target: row.matches(":target"), bg: getComputedStyle(row.querySelector("th")).backgroundColor, inView: r.top >= 0 && r.top < innerHeight };
        });
      const target = await state("N-003");
      assert.equal(target.target, true);
      assert.equal(target.inView, true, "the page opens at the linked row");
      assert.notEqual(target.bg, (await state("N-005")).bg, "the linked row is highlighted");
      await p.screenshot({ path: join(shots, `results-target-${lang}-${size.width}.png`) });
      // Typing in the filter never hides the linked row; following a link shows that row.
      await p.fill("#row-filter", "elif");
      assert.deepEqual((await visibleRows(p)).sort(), ["N-001", "N-003"]);
      await p.fill("#row-filter", "celik");
      await link.evaluate((a) => a.click());
      await p.waitForFunction(() => location.hash === "#N-005");
      assert.ok((await visibleRows(p)).includes("N-005"));
      assert.equal((await state("N-005")).target, true);
      assert.deepEqual(problems, []);
      await close();
    });

    test(`${at}: without JavaScript the filter is not shown and every row is`, async () => {
      const { p, close } = await open(prefix, size, { javaScript: false });
      assert.equal(await p.isVisible("#row-filter"), false);
      assert.equal((await visibleRows(p)).length, 9);
      await close();
    });

    test(`${at}: no sideways scrolling, and a candidate takes little height on a phone`, async () => {
      const { p, close } = await open(prefix, size);
      const m = await p.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        wraps: Array.from(document.querySelectorAll(".table-wrap")).map((w) => w.scrollWidth - w.clientWidth),
        heights: Array.from(document.querySelectorAll("tr[data-candidate]")).map((r) => r.getBoundingClientRect().height),
        appealColumn: (() => {
          const cell = document.querySelector("tr[data-candidate] td.appeal").getBoundingClientRect();
          return cell.right <= innerWidth && cell.width > 0;
        })(),
      }));
      assert.ok(m.page <= size.width, `the page is ${m.page} px wide`);
      assert.deepEqual(m.wraps.filter((d) => d > 0), [], "no table scrolls sideways");
      assert.equal(m.appealColumn, true, "the appeal column is within the screen");
      const tallest = Math.max(...m.heights);
      if (size.width === 390) assert.ok(tallest < 300, `a candidate takes ${tallest} px on a phone`);
      await close();
    });

    test(`${at}: distinct words for the venue, the rank and the vacancies; scores as the language writes them`, async () => {
      const { p, close } = await open(prefix, size);
      const venue = await p.textContent(".facts dt:nth-of-type(2)");
      const rank = await p.textContent(".results-table thead th:first-child");
      const seats = (await p.textContent(".specialty h3")).split("·")[1].split(":")[0].trim();
      assert.deepEqual([venue, rank, seats], lang === "az" ? ["Keçirilmə yeri", "Sıra", "Vakant yerlərin sayı"] : ["Venue", "Rank", "Vacancies"]);
      const scores = await p.$$eval("td.num", (cells) => cells.map((c) => c.textContent).filter((t) => t !== "—"));
      assert.ok(scores.length >= 24);
      for (const s of scores) assert.match(s, lang === "az" ? /^\d{1,2},\d\d$/ : /^\d{1,2}\.\d\d$/);
      await close();
    });

    test(`${at}: how to appeal, to whom, by when and what happens next`, async () => {
      const { p, close } = await open(prefix, size);
      const how = p.locator("[data-appeal-how]");
      assert.equal(await how.isVisible(), true);
      const text = (await how.textContent()).replace(/\s+/g, " ");
      const deadline = await p.getAttribute("[data-appeal-deadline]", "datetime");
      assert.equal(await how.locator(`time[datetime="${deadline}"]`).count(), 1, "the last day to appeal");
      assert.match(text, lang === "az" ? /Kür Sahili Dövlət Universiteti/ : /Kur Sahili State University/);
      assert.match(text, lang === "az" ? /Universitet küçəsi 12/ : /12 Universitet Street/);
      assert.equal(await how.locator('a[href="mailto:qebul@kursahili.example.edu.az"]').isVisible(), true);
      assert.equal(await how.locator('a[href="tel:+994125550102"]').isVisible(), true);
      assert.match(text, lang === "az" ? /qaydalar, 2\.17; əlavə 2, §2\.4/ : /rules, 2\.17; annex 2, §2\.4/);
      assert.match(text, lang === "az" ? /7 iş günü.*yeni komissiya.*əlavə 2, §2\.6, §3\.2–3\.3/ : /7 working days.*new commission.*annex 2, §2\.6, §3\.2–3\.3/);
      // The facts at the top lead to it.
      await p.click('.facts a[href="#appeal-h"]');
      assert.equal(await p.evaluate(() => location.hash), "#appeal-h");
      await close();
    });

    test(`${at}: a tie at the last seat is explained at the tied rows`, async () => {
      const { p, close } = await open(prefix, size);
      const notes = await p.$$eval("tr[data-candidate]", (rows) =>
        Object.fromEntries(rows.map((r) => [r.dataset.candidate, r.querySelector("[data-tie-note]")?.textContent.replace(/\s+/g, " ") ?? null])),
      );
      const tied = Object.entries(notes).filter(([, n]) => n).map(([c]) => c).sort();
      assert.deepEqual(tied, ["N-001", "N-008"]);
      assert.match(
        notes["N-008"],
        lang === "az"
          ? /^Bal bərabərdir: bu namizədlərin sırasını komissiya müəyyən edib \(qərarın tarixi: 23\.03\.2026; protokol No 7\)\. \(qaydalar, 2\.3\)$/
          : /^Equal scores: the commission decided the order of these candidates \(decided on: 23 March 2026; protocol No 7\)\. \(rules, 2\.3\)$/,
      );
      const outcome = (id) => p.getAttribute(`tr[data-candidate="${id}"]`, "data-outcome");
      assert.deepEqual([await outcome("N-008"), await outcome("N-001")], ["suitable", "not-suitable"]);
      assert.equal(await p.isVisible('tr[data-candidate="N-008"] [data-tie-note]'), true);
      await close();
    });
  }
}

test("English pages use the session's English title, venue and specialties; Azerbaijani pages keep theirs", async () => {
  const { p, close } = await open("/en", SIZES[1]);
  assert.equal(await p.textContent("h1"), "Assessment of foreign applicants' preparation and command of the language of instruction — March 2026");
  assert.equal(await p.getAttribute("h1", "lang"), null);
  assert.equal(await p.textContent(".facts dd:nth-of-type(2)"), "Kur Sahili State University, main teaching building, 2nd floor, room 214");
  assert.equal(await p.getAttribute(".facts dd:nth-of-type(2)", "lang"), null);
  const heads = await p.$$eval(".specialty h3", (hs) => hs.map((h) => [h.textContent.split(" · ")[0], h.querySelector("[lang=az]") !== null]));
  assert.deepEqual(heads, [["Computer engineering", false], ["International relations", false]]);
  await p.goto(`${base}/en/interviews/`);
  assert.match(await p.textContent(`[data-session="${SESSION}"] a`), /^Assessment of foreign applicants/);
  await p.goto(`${base}/interviews/${SESSION}/`);
  assert.match(await p.textContent("h1"), /^Əcnəbi namizədlərin hazırlığının/);
  assert.deepEqual(await p.$$eval(".specialty h3", (hs) => hs.map((h) => h.textContent.split(" · ")[0])), ["Kompüter mühəndisliyi", "Beynəlxalq münasibətlər"]);
  await close();
});

test("the open data keeps its format: a decimal point, the Azerbaijani specialty, the tie break as data", () => {
  const json = JSON.parse(readFileSync(join(pub, "interviews", SESSION, "results.json"), "utf8"));
  const computer = json.specialties[0];
  assert.equal(computer.specialty, "Kompüter mühəndisliyi");
  assert.equal(typeof computer.candidates[0].final_score, "number");
  assert.deepEqual(computer.tie_break, { order: ["N-008", "N-001"], decided_on: "2026-03-23", protocol: "No 7" });
  assert.equal(json.specialties[1].tie_break, null);
  const csv = readFileSync(join(pub, "interviews", SESSION, "results.csv"), "utf8");
  assert.match(csv, /,N-004,Okafor Chinedu,1,\d\d\.\d0,suitable,/);
  assert.doesNotMatch(csv, /\d,\d0,(suitable|not-suitable)/);
});

test("without the university's contact, the page says to ask the admissions committee", async () => {
  // The sample's [interviews] without address, email and phone (check warns about it).
  const bare = await startSite("sample", BUILT, (root) => {
    const toml = join(root, "data/site.toml");
    writeFileSync(toml, readFileSync(toml, "utf8").replace(/^(address|address_en|email|phone) = .*\n/gm, (line, key, offset, text) => (text.lastIndexOf("[interviews]", offset) > text.lastIndexOf("[issuer]", offset) ? "" : line)));
  });
  try {
    for (const [lang, prefix] of LANGS) {
      for (const size of SIZES) {
        const context = await bare.browser.newContext({ viewport: size });
        const p = await context.newPage();
        await p.goto(`${bare.base}${prefix}/interviews/${SESSION}/`);
        assert.equal(await p.isVisible("[data-no-contact]"), true, `${lang} ${size.width}`);
        assert.match(await p.textContent("[data-no-contact]"), lang === "az" ? /qəbul komissiyasından soruşun/ : /ask the university's admissions committee/);
        assert.equal(await p.locator("[data-contact]").count(), 0);
        await p.locator("[data-no-contact]").scrollIntoViewIfNeeded();
        if (size.width === 390) await p.screenshot({ path: join(shots, `results-no-contact-${lang}-${size.width}.png`) });
        await context.close();
      }
    }
  } finally {
    await bare.close();
  }
});

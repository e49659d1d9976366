// The home page and the list of notices in headless Chromium, in both languages at 390 and
// 1280 px: the home page has the code field itself (the form and script of /verify/), the
// latest result sets (the three whose results came out last, newest first) and the latest
// notices (five, newest first), each with a link and the links to the full lists; the notices
// list shows each notice as an item, its title the link, with its number, its date and its
// state as a badge (words, not colour alone). Screenshots go to $CERTSITE_SCREENSHOTS.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { startSite, SIZES, shots, openPage } from "./site.mjs";

const BUILT = "2026-11-23";
const LANGS = [["az", ""], ["en", "/en"]];

let site, browser, base, codes, pub;

before(async () => {
  // The sample site, with four more sessions: three whose results are out (in May, July and
  // September) and one whose results are due after the build date.
  site = await startSite("sample", BUILT, (root) => {
    const dir = join(root, "data/interviews");
    const first = readdirSync(dir)[0];
    for (const [id, month, day] of [["2026-05-a", "05", 14], ["2026-07-b", "07", 14], ["2026-09-c", "09", 14], ["2026-11-d", "11", 25]]) {
      cpSync(join(dir, first), join(dir, id), { recursive: true });
      const toml = join(dir, id, "session.toml");
      const text = readFileSync(toml, "utf8")
        .replace(/^title = .*$/m, `title = "Müsahibə ${id}"`)
        .replace(/^interview_on = .*$/m, `interview_on = 2026-${month}-${day - 4}`)
        .replace(/^schedule_published_on = .*$/m, `schedule_published_on = 2026-${month}-01`)
        .replace(/^results_published_on = .*$/m, `results_published_on = 2026-${month}-${day}`);
      writeFileSync(toml, text);
      writeFileSync(join(dir, id, "appeals.csv"), "candidate,filed_on,decided_on,outcome\n");
    }
  });
  ({ browser, base, codes, pub } = site);
});

after(async () => {
  await site?.close();
});

const open = (path, size) => openPage(browser, base + path, size, `${BUILT}T12:00:00Z`);

// The code as printed under the QR code of a certificate's page: 7K2M-9QWX-4RTB-E.
function printed(number) {
  const html = readFileSync(join(pub, "c", codes[number], "index.html"), "utf8");
  return /<figcaption>[^<]*<code>([^<]+)<\/code><\/figcaption>/.exec(html)[1];
}

test("the home page has the code field: the code as printed opens the page, a typing mistake is told there", async () => {
  const number = Object.keys(codes)[0];
  for (const [lang, prefix] of LANGS) {
    for (const size of SIZES) {
      const { p, problems, close } = await open(`${prefix}/`, size);
      assert.equal(await p.isVisible("#verify-form #code"), true, "the field itself, not a link to another page");
      assert.equal(await p.isHidden("#no-js-help"), true);
      const shown = printed(number);
      const last = shown.at(-1) === "0" ? "1" : "0";
      await p.fill("#code", shown.slice(0, -1) + last);
      await p.click("#verify-form button[type=submit]");
      await p.waitForSelector("#code-mistake:not([hidden])");
      assert.equal(new URL(p.url()).pathname, `${prefix}/`);
      await p.fill("#code", shown.toLowerCase());
      await Promise.all([p.waitForURL(`${base}${prefix}/c/${codes[number]}/`), p.click("#verify-form button[type=submit]")]);
      assert.equal(await p.textContent(".number"), number);
      assert.deepEqual(problems, []);
      await close();
    }
  }
});

test("the home page lists the latest result sets and notices, newest first, with links to the full lists", async () => {
  for (const [lang, prefix] of LANGS) {
    for (const size of SIZES) {
      const { p, problems, close } = await open(`${prefix}/`, size);
      // Result sets: the three published last; not the one due after the build date.
      const sessions = await p.$$eval("[data-latest=results] [data-session]", (els) =>
        els.map((el) => ({ id: el.dataset.session, href: el.querySelector("a").getAttribute("href"), date: el.querySelector("time").getAttribute("datetime") })));
      assert.deepEqual(sessions, [
        { id: "2026-09-c", href: `${prefix}/interviews/2026-09-c/`, date: "2026-09-14" },
        { id: "2026-07-b", href: `${prefix}/interviews/2026-07-b/`, date: "2026-07-14" },
        { id: "2026-05-a", href: `${prefix}/interviews/2026-05-a/`, date: "2026-05-14" },
      ]);
      assert.equal(await p.getAttribute("[data-latest=results] h2", "id"), "latest-results-h");
      assert.equal(await p.textContent("[data-latest=results] h2"), lang === "az" ? "Son nəticələr" : "Latest results");
      assert.equal(await p.getAttribute(`[data-latest=results] a[href="${prefix}/interviews/"]`, "href"), `${prefix}/interviews/`);
      // Notices: the five newest, each with its title as the link, number, date and state.
      const notices = await p.$$eval("[data-latest=notices] [data-notice]", (els) =>
        els.map((el) => ({ id: el.dataset.notice, state: el.dataset.state, badge: el.querySelector(".badge").textContent, link: el.querySelector("a").getAttribute("href") })));
      assert.deepEqual(notices.map((n) => n.id), ["D-2026-006", "D-2026-005", "D-2026-004", "D-2026-003", "D-2026-002"]);
      const words = lang === "az"
        ? { "not-yet-effective": "Hələ qüvvəyə minməyib", "in-effect": "Qüvvədədir", ended: "Başa çatıb" }
        : { "not-yet-effective": "Not yet in effect", "in-effect": "In effect", ended: "Ended" };
      for (const n of notices) {
        assert.equal(n.badge, words[n.state], n.id);
        assert.equal(n.link, `${prefix}/notices/${n.id}/`);
      }
      assert.equal(notices.find((n) => n.id === "D-2026-002").state, "ended");
      assert.match(await p.textContent('[data-latest=notices] [data-notice="D-2026-004"]'), /PSM-2024-0088/);
      assert.equal(await p.textContent(`[data-latest=notices] a[href="${prefix}/notices/"]`), lang === "az" ? "Bütün qərarlar" : "All notices");
      if (lang === "en") {
        const text = await p.$eval("main", (m) => m.innerText);
        for (const word of ["Qərar", "Son ", "Bütün", "Qüvvədədir", "tarixi"]) assert.ok(!text.includes(word), `no "${word}" on the English home page`);
      }
      assert.deepEqual(problems, []);
      await p.screenshot({ path: join(shots, `home-${lang}-${size.width}.png`), fullPage: true });
      await close();
    }
  }
});

test("the notices list shows each notice as an item with its state as a badge", async () => {
  for (const [lang, prefix] of LANGS) {
    for (const size of SIZES) {
      const { p, problems, close } = await open(`${prefix}/notices/`, size);
      const items = await p.$$eval(".notice-list > li[data-notice]", (els) =>
        els.map((el) => {
          const badge = el.querySelector(".badge");
          const style = getComputedStyle(badge);
          return {
            id: el.dataset.notice,
            state: el.dataset.state,
            title: el.querySelector(".notice-head > a").textContent,
            href: el.querySelector(".notice-head > a").getAttribute("href"),
            badge: badge.textContent,
            border: style.borderStyle,
            number: el.querySelector(".number").textContent,
            date: el.querySelector(".notice-meta time").getAttribute("datetime"),
            // The badge is on the title's line, the number and the date under it.
            badgeTop: badge.getBoundingClientRect().top,
            metaTop: el.querySelector(".notice-meta").getBoundingClientRect().top,
          };
        }));
      assert.equal(items.length, 6);
      const lifted = items.find((n) => n.id === "D-2026-001");
      assert.equal(lifted.state, "lifted");
      assert.equal(lifted.badge, lang === "az" ? "Götürülüb" : "Lifted");
      assert.equal(await p.getAttribute('[data-notice="D-2026-001"] [data-lifted-by]', "data-lifted-by"), "D-2026-003");
      const revoked = items.find((n) => n.id === "D-2026-004");
      assert.deepEqual(
        { title: revoked.title, href: revoked.href, number: revoked.number, date: revoked.date, badge: revoked.badge },
        {
          title: lang === "az" ? "Sertifikatın ləğvi" : "Revocation of a certificate",
          href: `${prefix}/notices/D-2026-004/`,
          number: "PSM-2024-0088",
          date: "2026-09-03",
          badge: lang === "az" ? "Qüvvədədir" : "In effect",
        },
      );
      for (const n of items) {
        assert.equal(n.border, "solid", `${n.id}: the badge is drawn as a badge`);
        assert.ok(n.metaTop > n.badgeTop, `${n.id}: the number and date on their own line`);
      }
      // Each state has its own colour besides its words.
      const colours = await p.$$eval(".notice-list .badge", (els) => [...new Set(els.map((b) => `${b.closest("li").dataset.state}=${getComputedStyle(b).color}`))]);
      assert.equal(new Set(colours.map((c) => c.split("=")[1])).size, 4, colours.join());
      assert.deepEqual(problems, []);
      await p.screenshot({ path: join(shots, `notices-${lang}-${size.width}.png`), fullPage: true });
      await close();
    }
  }
});

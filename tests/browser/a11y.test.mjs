// Every page type of the sample site, in both languages, against the Nu HTML Checker (vnu-jar,
// run with Java) and axe-core's WCAG 2.1 A and AA rules in headless Chromium at 360 and 1280 px
// (DESIGN §6: valid HTML, WCAG 2.1 AA, readable on a phone). Certificate pages are checked after
// the in-browser check has ended, as a visitor sees them.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { startSite } from "./site.mjs";

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const VNU = require.resolve("vnu-jar/build/dist/vnu.jar");
const BUILT = "2026-11-23";

let site, browser, base, codes, pub;
// [name, path below the site] of one page of each kind, in each language.
let pages = [];

before(async () => {
  site = await startSite("sample", BUILT);
  ({ browser, base, codes, pub } = site);
  const byStatus = {};
  for (const [number, code] of Object.entries(codes)) {
    const html = readFileSync(join(pub, "c", code, "index.html"), "utf8");
    const status = /data-status="([^"]+)"/.exec(html)[1];
    byStatus[status] ??= code;
  }
  const notice = readdirSync(join(pub, "notices")).find((d) => /^D-/.test(d));
  const session = readdirSync(join(pub, "interviews")).find((d) => !d.includes("."));
  for (const [lang, prefix] of [["az", ""], ["en", "/en"]]) {
    pages.push([`${lang} home`, `${prefix}/`], [`${lang} about`, `${prefix}/about/`], [`${lang} verify`, `${prefix}/verify/`], [`${lang} scan`, `${prefix}/scan/`]);
    pages.push([`${lang} notices`, `${prefix}/notices/`], [`${lang} notice`, `${prefix}/notices/${notice}/`]);
    pages.push([`${lang} interviews`, `${prefix}/interviews/`], [`${lang} session`, `${prefix}/interviews/${session}/`]);
    pages.push([`${lang} university page`, `${prefix}/musahibe-qaydalari/`]);
    for (const [status, code] of Object.entries(byStatus)) pages.push([`${lang} certificate ${status}`, `${prefix}/c/${code}/`]);
    pages.push([`${lang} unknown code`, `${prefix}/c/ZZZZ0000ZZZZ/`]);
  }
});

after(async () => {
  await site?.close();
});

test("every page type is valid HTML (Nu HTML Checker)", () => {
  const files = pages.map(([, path]) => {
    const file = path.includes("ZZZZ") ? "404.html" : join(path, "index.html");
    return join(pub, file);
  });
  let report;
  try {
    execFileSync("java", ["-jar", VNU, "--errors-only", "--format", "json", ...new Set(files)], { stdio: "pipe" });
    report = { messages: [] };
  } catch (e) {
    report = JSON.parse(String(e.stderr));
  }
  const errors = report.messages.map((m) => `${m.url.replace(/^file:.*?public/, "")}:${m.lastLine}: ${m.message}`);
  assert.deepEqual(errors, [], errors.join("\n"));
});

for (const width of [360, 1280]) {
  test(`every page type passes axe-core's WCAG 2.1 AA rules at ${width} px`, async () => {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    const failures = [];
    for (const [name, path] of pages) {
      const p = await context.newPage();
      await p.clock.setFixedTime(new Date(`${BUILT}T12:00:00Z`));
      await p.goto(base + path);
      if (path.includes("/c/") && !path.includes("ZZZZ")) await p.waitForSelector('[data-verification="done"]', { timeout: 15000, state: "attached" });
      await p.evaluate(AXE);
      const result = await p.evaluate(() =>
        window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }),
      );
      for (const v of result.violations) {
        failures.push(`${name} (${path}): ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("; ")}`);
      }
      // Nothing wider than the screen: every column readable without sideways scrolling.
      const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 0) failures.push(`${name} (${path}): ${overflow} px wider than the ${width} px screen`);
      await p.close();
    }
    await context.close();
    assert.deepEqual(failures, [], failures.join("\n"));
  });
}

// Shared by the browser tests: builds a fixture site with the certsite binary into a temporary
// folder, serves it on 127.0.0.1 as a static host would, and starts Debian's Chromium headless
// with the flags this closed network needs.

import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, existsSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join, extname, resolve } from "node:path";
import { chromium } from "playwright-core";

export const repo = resolve(import.meta.dirname, "../..");
/// Where the tests write their screenshots ($CERTSITE_SCREENSHOTS, else target/screenshots).
export const shots = process.env.CERTSITE_SCREENSHOTS || join(repo, "target/screenshots");
mkdirSync(shots, { recursive: true });
/// The two screens every page is looked at on: a phone and a laptop.
export const SIZES = [
  { width: 390, height: 844 },
  { width: 1280, height: 900 },
];
const bin = process.env.CERTSITE_BIN || join(repo, "target/debug/certsite");
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";
const types = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".json": "application/json", ".svg": "image/svg+xml", ".jsonld": "application/ld+json", ".webmanifest": "application/manifest+json", ".png": "image/png" };

/// Builds tests/fixtures/<fixture> for `date` (after `prepare(root)` changed the copy, if
/// given), serves it and launches Chromium. Returns { root, pub, base, codes (number → code),
/// browser, close() }.
export async function startSite(fixture = "minimal", date = "2026-11-23", prepare = null) {
  const root = mkdtempSync(join(tmpdir(), "certsite-browser-"));
  // "sample": the repository's own site root (data/ and content/, the default templates).
  if (fixture === "sample") for (const dir of ["data", "content"]) cpSync(join(repo, dir), join(root, dir), { recursive: true });
  else cpSync(join(repo, "tests/fixtures", fixture), root, { recursive: true });
  if (prepare) prepare(root);
  execFileSync(bin, ["build", "--build-date", date], { cwd: root, stdio: "pipe" });
  const pub = join(root, "public");
  const codes = {};
  for (const code of readdirSync(join(pub, "c"))) {
    const html = readFileSync(join(pub, "c", code, "index.html"), "utf8");
    codes[/data-number="([^"]+)"/.exec(html)[1]] = code;
  }
  const server = createServer((req, res) => {
    let path = join(pub, decodeURIComponent(new URL(req.url, "http://x").pathname));
    if (existsSync(path) && !extname(path)) path = join(path, "index.html");
    if (!path.startsWith(pub) || !existsSync(path)) {
      res.writeHead(404, { "content-type": types[".html"] });
      res.end(readFileSync(join(pub, "404.html")));
      return;
    }
    res.writeHead(200, { "content-type": types[extname(path)] || "application/octet-stream" });
    res.end(readFileSync(path));
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const browser = await chromium.launch({
    executablePath,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  return {
    root,
    pub,
    codes,
    browser,
    base: `http://127.0.0.1:${server.address().port}`,
    async close() {
      await browser.close();
      server.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/// Opens `url` in a new context of `browser` at `size`, with the clock fixed at `now`; collects
/// page errors and Content-Security-Policy reports. Returns { p, problems, close() }.
export async function openPage(browser, url, size, now) {
  const context = await browser.newContext({ viewport: size });
  const p = await context.newPage();
  const problems = [];
  p.on("pageerror", (e) => problems.push(String(e)));
  p.on("console", (m) => { if (/Content Security Policy/i.test(m.text())) problems.push(m.text()); });
  await p.clock.setFixedTime(new Date(now));
  await p.goto(url);
  return { p, problems, close: () => context.close() };
}

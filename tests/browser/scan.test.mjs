// The offline verifier, /scan/ (DESIGN §4, §5), in headless Chromium: a printed certificate's
// paper QR code read by the camera with no network (the page and its files from the service
// worker), a photo of the whole printed page (both QR codes on it), and pasted texts: a changed
// letter, an address QR, a revoked certificate, a phone that has no copy of the status lists,
// and a key retired from the DID document.
//
// The camera is Chromium's fake device playing a Y4M video made here from the PDF that
// `certsite print --pdf` wrote (pdftoppm -gray, cropped to the paper QR code, which jsQR finds on
// the page as the app does). Screenshots at 390 and 1280 px, in both languages, of the valid,
// not-authentic and status-not-checked results go to $CERTSITE_SCREENSHOTS.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";
import vm from "node:vm";
import { chromium } from "playwright-core";
import { startSite, SIZES, shots, repo } from "./site.mjs";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const BUILT = "2026-11-23";
const NOON = `${BUILT}T12:00:00Z`;

let site, base, root, bin;
// number → the paper QR's text (batch.csv's paper_qr).
const paper = {};
let y4m, photo;

function certsite(...args) {
  return execFileSync(bin, args, { cwd: root, stdio: "pipe" }).toString();
}

// batch.csv (RFC 4180, a header row) as objects.
function readCsv(text) {
  const rows = [];
  let row = [], cell = "", quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { row.push(cell); cell = ""; }
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(cell); rows.push(row); row = []; cell = "";
    } else cell += c;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  const [head, ...body] = rows.filter((r) => r.length > 1);
  return body.map((r) => Object.fromEntries(head.map((h, k) => [h.replace(/^\uFEFF/, ""), r[k]])));
}

// RFC 9285 base45, both ways (for the changed letter).
const B45 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
function fromBase45(text) {
  const out = [];
  for (let i = 0; i < text.length; i += 3) {
    const [a, b, c] = [...text.slice(i, i + 3)].map((ch) => B45.indexOf(ch));
    const n = a + b * 45 + (c === undefined ? 0 : c * 45 * 45);
    if (c === undefined) out.push(n);
    else out.push(n >> 8, n & 0xff);
  }
  return Buffer.from(out);
}
function toBase45(bytes) {
  let out = "";
  for (let i = 0; i < bytes.length; i += 2) {
    if (i + 1 < bytes.length) {
      const n = bytes[i] * 256 + bytes[i + 1];
      out += B45[n % 45] + B45[Math.floor(n / 45) % 45] + B45[Math.floor(n / 2025)];
    } else out += B45[bytes[i] % 45] + B45[Math.floor(bytes[i] / 45)];
  }
  return out;
}

// A binary PGM (P5) as { width, height, pixels }.
function readPgm(bytes) {
  let pos = 0;
  const fields = [];
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(bytes[pos]))) pos++;
    if (bytes[pos] === 0x23) { while (bytes[pos] !== 0x0a) pos++; continue; }
    let s = "";
    while (!/\s/.test(String.fromCharCode(bytes[pos]))) s += String.fromCharCode(bytes[pos++]);
    fields.push(s);
  }
  pos++;
  assert.equal(fields[0], "P5");
  const [width, height] = [Number(fields[1]), Number(fields[2])];
  return { width, height, pixels: bytes.subarray(pos, pos + width * height) };
}

// Where the paper QR code is on the page: jsQR (the very file the site bundles) finds a code;
// the address QR is painted white and the page read again, as assets/scan.js does.
function findPaperQr(pgm) {
  const sandbox = {};
  sandbox.self = sandbox;
  vm.runInNewContext(readFileSync(join(repo, "assets/vendor/jsqr.js"), "utf8"), sandbox);
  const rgba = new Uint8ClampedArray(pgm.width * pgm.height * 4);
  for (let i = 0; i < pgm.pixels.length; i++) rgba.fill(pgm.pixels[i], i * 4, i * 4 + 3), (rgba[i * 4 + 3] = 255);
  for (let attempt = 0; attempt < 3; attempt++) {
    const found = sandbox.jsQR(rgba, pgm.width, pgm.height, { inversionAttempts: "dontInvert" });
    assert.ok(found, "no QR code found on the printed page");
    const l = found.location;
    const xs = [l.topLeftCorner.x, l.topRightCorner.x, l.bottomLeftCorner.x, l.bottomRightCorner.x];
    const ys = [l.topLeftCorner.y, l.topRightCorner.y, l.bottomLeftCorner.y, l.bottomRightCorner.y];
    const box = { x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys) };
    if (found.data.startsWith("VC1-R")) return { box, text: found.data };
    for (let y = Math.floor(box.y0) - 2; y <= box.y1 + 2; y++) {
      for (let x = Math.floor(box.x0) - 2; x <= box.x1 + 2; x++) rgba.fill(255, (y * pgm.width + x) * 4, (y * pgm.width + x) * 4 + 3);
    }
  }
  assert.fail("the printed page has no paper QR code");
}

// A Y4M video (4:2:0, 640×480, 10 frames a second, grey) of `pgm` cropped to `box` with a
// margin, scaled to fill the picture's height: what a phone held over the code sees.
function y4mOf(pgm, box) {
  const [W, H] = [640, 480];
  const side = Math.max(box.x1 - box.x0, box.y1 - box.y0) * 1.25;
  const cx = (box.x0 + box.x1) / 2, cy = (box.y0 + box.y1) / 2;
  const scale = side / H;
  const y = Buffer.alloc(W * H);
  for (let j = 0; j < H; j++) {
    for (let i = 0; i < W; i++) {
      const sx = Math.round(cx + (i - W / 2) * scale), sy = Math.round(cy + (j - H / 2) * scale);
      const inside = sx >= 0 && sy >= 0 && sx < pgm.width && sy < pgm.height;
      y[j * W + i] = inside ? pgm.pixels[sy * pgm.width + sx] : 255;
    }
  }
  const chroma = Buffer.alloc((W / 2) * (H / 2), 128);
  const frame = Buffer.concat([Buffer.from("FRAME\n"), y, chroma, chroma]);
  return Buffer.concat([Buffer.from(`YUV4MPEG2 W${W} H${H} F10:1 Ip A1:1 C420jpeg\n`), ...Array(10).fill(frame)]);
}

before(async () => {
  site = await startSite("minimal", BUILT, (dir) => {
    const toml = join(dir, "data/site.toml");
    writeFileSync(toml, `languages = ["az", "en"]\ntitle_en = "Test register"\n${readFileSync(toml, "utf8")}`);
  });
  ({ base, root } = site);
  bin = process.env.CERTSITE_BIN || join(repo, "target/debug/certsite");
  // T-0006 printed while in use, revoked afterwards (D-2): its paper copy stays revoked.
  const decisions = join(root, "data/decisions.csv");
  const all = readFileSync(decisions, "utf8");
  writeFileSync(decisions, all.split("\n").filter((l) => !l.startsWith("D-2,")).join("\n"));
  certsite("build", "--build-date", BUILT);
  certsite("print", "--pdf", "T-0001", "T-0006");
  writeFileSync(decisions, all);
  certsite("build", "--build-date", BUILT);
  for (const row of readCsv(readFileSync(join(root, "print/batch.csv"), "utf8"))) paper[row.number] = row.paper_qr;
  assert.match(paper["T-0001"], /^VC1-R[0-9A-Z $%*+\-./:]+$/);
  // The first page is T-0001's: read at 150 dpi in grey, cropped to its paper QR code.
  const prefix = join(root, "page");
  execFileSync("pdftoppm", ["-gray", "-r", "150", "-f", "1", "-l", "1", "-singlefile", join(root, "print/certificates.pdf"), prefix]);
  const pgm = readPgm(readFileSync(`${prefix}.pgm`));
  const { box, text } = findPaperQr(pgm);
  assert.equal(text, paper["T-0001"], "the printed paper QR is batch.csv's");
  // The same page as a photo (PNG): both QR codes on it.
  execFileSync("pdftoppm", ["-png", "-r", "100", "-f", "1", "-l", "1", "-singlefile", join(root, "print/certificates.pdf"), prefix]);
  photo = `${prefix}.png`;
  y4m = join(root, "camera.y4m");
  writeFileSync(y4m, y4mOf(pgm, box));
});

after(async () => {
  await site?.close();
});

// Opens /scan/ (prefix "" or "/en") in a new context of `browser`; `options` go to newContext.
async function openScan(browser, prefix = "", { size = SIZES[0], setup, ...options } = {}) {
  const context = await browser.newContext({ viewport: size, ...options });
  const p = await context.newPage();
  const problems = [];
  p.on("pageerror", (e) => problems.push(String(e)));
  p.on("console", (m) => { if (/Content Security Policy/i.test(m.text())) problems.push(m.text()); });
  await p.clock.setFixedTime(new Date(NOON));
  if (setup) await setup(p);
  await p.goto(`${base}${prefix}/scan/`);
  await p.waitForSelector("[data-scan-ready]");
  return { p, context, problems, close: () => context.close() };
}

async function paste(p, text) {
  await p.fill("#scan-text", text);
  await p.click('[data-scan="text"]');
  await p.waitForSelector("#scan-result[data-paper-verdict]", { timeout: 15000 });
  return p.evaluate(() => {
    const r = document.getElementById("scan-result");
    return { verdict: r.dataset.paperVerdict, status: r.dataset.status, asOf: r.dataset.statusAsOf, text: r.innerText };
  });
}

// Screenshots of the result at both widths; the page with its result passes axe-core's WCAG
// 2.1 AA rules and is no wider than the screen.
async function shoot(p, name) {
  const failures = [];
  for (const size of SIZES) {
    await p.setViewportSize(size);
    await p.locator("#scan-result").scrollIntoViewIfNeeded();
    await p.screenshot({ path: join(shots, `scan-${name}-${size.width}.png`), fullPage: size.width > 1000 });
    await p.evaluate(AXE);
    const result = await p.evaluate(() => window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }));
    for (const v of result.violations) failures.push(`${name} ${size.width}: ${v.id}: ${v.help}`);
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (overflow > 0) failures.push(`${name}: ${overflow} px wider than the ${size.width} px screen`);
  }
  assert.deepEqual(failures, [], failures.join("\n"));
}

test("the camera reads the printed paper QR with no network: authentic and valid, status as of the build", async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", `--use-file-for-fake-video-capture=${y4m}`],
  });
  try {
    const { p, context, problems } = await openScan(browser, "", { permissions: ["camera"] });
    // Online once: the service worker takes the page and keeps its files and the lists.
    await p.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 });
    await p.waitForFunction(async () => {
      const names = await caches.keys();
      const lists = names.includes("certsite-scan-lists") && (await (await caches.open("certsite-scan-lists")).keys()).length === 2;
      return lists && names.some((n) => n !== "certsite-scan-lists");
    }, null, { timeout: 15000, polling: 200 });
    await context.setOffline(true);
    await p.reload();
    await p.waitForSelector("[data-scan-ready]");
    assert.equal(await p.evaluate(() => navigator.onLine), false);
    await p.click('[data-scan="camera"]');
    await p.waitForSelector("#scan-result[data-paper-verdict]", { timeout: 20000 });
    const r = await p.evaluate(() => ({ ...document.getElementById("scan-result").dataset, text: document.getElementById("scan-result").innerText }));
    assert.equal(r.paperVerdict, "valid", r.text);
    assert.equal(r.status, "checked");
    assert.equal(r.statusAsOf, BUILT);
    assert.match(r.text, /Həqiqidir və qüvvədədir/);
    assert.match(r.text, /T-0001/);
    assert.match(r.text, /Status 23\.11\.2026 tarixinə görədir/);
    // The camera was stopped once the code was read.
    assert.equal(await p.locator("#scan-camera").isHidden(), true);
    assert.deepEqual(problems, []);
    await shoot(p, "camera-offline-az");
    await context.close();
  } finally {
    await browser.close();
  }
});

test("pasted texts: a changed letter, the address QR, a revoked certificate; both languages", async () => {
  for (const [lang, prefix] of [["az", ""], ["en", "/en"]]) {
    const { p, problems, close } = await openScan(site.browser, prefix);
    const valid = await paste(p, paper["T-0001"]);
    assert.deepEqual([valid.verdict, valid.status, valid.asOf], ["valid", "checked", BUILT]);
    if (lang === "en") {
      assert.match(valid.text, /Authentic and valid/);
      assert.match(valid.text, /Status as of 23 November 2026\./);
      assert.equal(await p.locator('[data-field="holder"]').getAttribute("lang"), "az");
    }
    await shoot(p, `valid-${lang}`);

    // The number T-0001 made T-0007 in the CBOR-LD bytes: the signature no longer holds.
    const bytes = fromBase45(paper["T-0001"].slice(5));
    const at = bytes.indexOf(Buffer.from("T-0001"));
    assert.ok(at > 0);
    bytes[at + 5] = "7".charCodeAt(0);
    const forged = await paste(p, "VC1-R" + toBase45(bytes));
    assert.equal(forged.verdict, "not-authentic");
    assert.equal(forged.status, undefined);
    assert.match(forged.text, lang === "az" ? /Həqiqi deyil/ : /Not authentic/);
    await shoot(p, `not-authentic-${lang}`);

    const address = await paste(p, `https://cert.example.org/c/${site.codes["T-0001"]}/`);
    assert.equal(address.verdict, "address");
    assert.match(address.text, lang === "az" ? /ünvan QR kodudur/ : /address QR code.*\n*.*scan the other code/s);

    const revoked = await paste(p, paper["T-0006"]);
    assert.deepEqual([revoked.verdict, revoked.status], ["revoked", "checked"]);

    const garbled = await paste(p, "VC1-R" + paper["T-0001"].slice(5, 40));
    assert.equal(garbled.verdict, "unreadable");
    assert.deepEqual(problems, []);
    await close();
  }
});

test("a photo of the whole printed page: the paper QR is found beside the address QR", async () => {
  const { p, problems, close } = await openScan(site.browser, "/en");
  await p.setInputFiles("#scan-file", photo);
  await p.waitForSelector("#scan-result[data-paper-verdict]", { timeout: 20000 });
  const r = await p.evaluate(() => ({ ...document.getElementById("scan-result").dataset, text: document.getElementById("scan-result").innerText }));
  assert.deepEqual([r.paperVerdict, r.status], ["valid", "checked"], r.text);
  assert.match(r.text, /Əliyeva Şəbnəm/);
  assert.deepEqual(problems, []);
  await close();
});

test("with no copy of the status lists, an authentic code's status is not checked", async () => {
  for (const [lang, prefix] of [["az", ""], ["en", "/en"]]) {
    const { p, problems, close } = await openScan(site.browser, prefix, {
      serviceWorkers: "block",
      setup: (page) => page.route("**/status/status.json", (route) => route.abort()),
    });
    const r = await paste(p, paper["T-0001"]);
    assert.deepEqual([r.verdict, r.status, r.asOf], ["valid", "not-checked", undefined]);
    assert.match(r.text, lang === "az" ? /Status yoxlanılmadı: status siyahılarının surəti hələ yoxdur\./ : /Status not checked: no copy of the status lists yet\./);
    assert.doesNotMatch(r.text, lang === "az" ? /qüvvədədir/ : /and valid/);
    assert.deepEqual(problems, []);
    await shoot(p, `not-checked-${lang}`);
    await close();
  }
});

test("a rotated key still verifies; a key retired from the DID document is refused", async () => {
  const did = () => JSON.parse(readFileSync(join(site.pub, ".well-known/did.json"), "utf8"));
  const old = did().assertionMethod[0].split("#")[1];
  certsite("keygen", "--rotate");
  certsite("build", "--build-date", BUILT);
  let { p, close } = await openScan(site.browser);
  assert.equal((await paste(p, paper["T-0001"])).verdict, "valid");
  await close();
  certsite("keygen", "--retire", old);
  certsite("build", "--build-date", BUILT);
  assert.ok(!JSON.stringify(did()).includes(old));
  ({ p, close } = await openScan(site.browser));
  const r = await paste(p, paper["T-0001"]);
  assert.equal(r.verdict, "unknown-key", r.text);
  assert.match(r.text, /Orqanın açarı deyil/);
  await close();
});

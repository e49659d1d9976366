// Two organisations publish on one site (DESIGN §4): the certification body (home, certificates,
// /verify/, notices, its content pages, 404) and the university (the interview pages and its
// content pages, front matter organisation = "university"). Each page carries its own
// organisation's header, menu and footer and none of the other's, in both languages, at 390 and
// 1280 px; at 390 px the menus fit the screen and their links can be followed.
//
// Screenshots of each page at both widths are written to $CERTSITE_SCREENSHOTS (default
// target/screenshots).

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { startSite, SIZES, shots, openPage } from "./site.mjs";

const BUILT = "2026-11-23";
const NOON = `${BUILT}T12:00:00Z`;


// What the sample's data/site.toml and content/ say each organisation is called.
const BODY = {
  az: { brand: "Peşə səriştəlilik sertifikatlarının reyestri", name: "Peşə Sertifikatlaşdırma Mərkəzi MMC" },
  en: { brand: "Register of professional competence certificates", name: "Professional Certification Centre LLC" },
};
const UNIVERSITY = {
  az: { brand: "Kür Sahili Dövlət Universiteti", address: "Bakı, Universitet küçəsi 12" },
  en: { brand: "Kur Sahili State University", address: "12 Universitet Street, Baku" },
};

let site, browser, base, codes, pub, session;

before(async () => {
  site = await startSite("sample", BUILT);
  ({ browser, base, codes, pub } = site);
  session = readdirSync(join(pub, "interviews")).find((d) => !d.includes("."));
});

after(async () => {
  await site?.close();
});

// The pages of each organisation below a language's root.
function pagesOf(prefix) {
  return {
    body: [["home", `${prefix}/`], ["about", `${prefix}/about/`], ["verify", `${prefix}/verify/`], ["notices", `${prefix}/notices/`],
      ["certificate", `${prefix}/c/${Object.values(codes)[0]}/`],
      // /404.html is written in the default language; under /en/ it hides its menu and footer.
      ...(prefix ? [] : [["404", `${prefix}/no-such-page/`]])],
    university: [["interviews", `${prefix}/interviews/`], ["session", `${prefix}/interviews/${session}/`],
      ["rules", `${prefix}/musahibe-qaydalari/`]],
  };
}

const open = (path, size) => openPage(browser, base + path, size, NOON);

// What a visitor sees of the header and the footer: the brand, the menu's links (not the
// language switch) and every link and word of the footer; and whether the menu fits the screen.
async function chrome(p) {
  return p.evaluate(() => {
    const links = (sel) => [...document.querySelectorAll(sel)].filter((a) => a.checkVisibility()).map((a) => a.getAttribute("href"));
    const brand = document.querySelector(".site-header .site-title");
    const menu = [...document.querySelectorAll(".site-header nav a")];
    return {
      brand: brand.textContent.trim(),
      brandHref: brand.getAttribute("href"),
      menu: links(".site-header nav a:not(.lang-switch)"),
      menuWords: menu.filter((a) => !a.classList.contains("lang-switch")).map((a) => a.textContent.trim()),
      switch: links(".site-header nav a.lang-switch"),
      footer: links(".site-footer a"),
      footerText: document.querySelector(".site-footer").innerText,
      overflow: document.documentElement.scrollWidth - window.innerWidth,
      // Menu links outside the screen, or too small to tap.
      offScreen: menu.map((a) => ({ text: a.textContent, r: a.getBoundingClientRect() }))
        .filter(({ r }) => r.left < 0 || r.right > window.innerWidth || r.width < 1 || r.height < 1)
        .map(({ text }) => text),
    };
  });
}

for (const [lang, prefix] of [["az", ""], ["en", "/en"]]) {
  test(`${lang}: each organisation's pages have its own header, menu and footer, and none of the other's`, async () => {
    const pages = pagesOf(prefix);
    const seen = { body: [], university: [] };
    for (const [org, list] of Object.entries(pages)) {
      for (const [name, path] of list) {
        for (const size of SIZES) {
          const { p, problems, close } = await open(path, size);
          const c = await chrome(p);
          await p.screenshot({ path: join(shots, `organisations-${lang}-${org}-${name}-${size.width}.png`), fullPage: true });
          await close();
          const at = `${lang} ${org} ${name} at ${size.width} px`;
          assert.deepEqual(problems, [], at);
          assert.equal(c.overflow, 0, `${at}: the page is wider than the screen`);
          assert.deepEqual(c.offScreen, [], `${at}: menu links outside the screen`);
          assert.equal(c.switch.length, 1, `${at}: one language switch`);
          if (org === "body") {
            assert.equal(c.brand, BODY[lang].brand, at);
            assert.equal(c.brandHref, `${prefix}/`, at);
            assert.match(c.footerText, new RegExp(BODY[lang].name), at);
            assert.doesNotMatch(c.footerText, new RegExp(`${UNIVERSITY[lang].brand}|${UNIVERSITY[lang].address}|kursahili`), `${at}: the university's footer`);
          } else {
            assert.equal(c.brand, UNIVERSITY[lang].brand, at);
            assert.equal(c.brandHref, `${prefix}/interviews/`, at);
            assert.match(c.footerText, new RegExp(UNIVERSITY[lang].address), at);
            assert.ok(c.footer.includes("mailto:qebul@kursahili.example.edu.az"), `${at}: the university's e-mail in its footer`);
            assert.ok(c.footer.includes("https://kursahili.example.edu.az"), `${at}: the university's website in its footer`);
            assert.doesNotMatch(c.footerText, new RegExp(`${BODY[lang].name}|Təbriz`), `${at}: the body's footer`);
          }
          seen[org].push({ at, ...c });
        }
      }
    }
    // The body's menu: /verify/, the notices, its content pages (and the interviews it hosts);
    // the university's: the sessions, its rules page, its website.
    const bodyMenu = new Set(seen.body.flatMap((c) => c.menu));
    const universityMenu = new Set(seen.university.flatMap((c) => c.menu));
    for (const path of [`${prefix}/verify/`, `${prefix}/notices/`, `${prefix}/about/`, `${prefix}/qaydalar/`]) assert.ok(bodyMenu.has(path), `the body's menu has ${path}`);
    for (const path of [`${prefix}/interviews/`, `${prefix}/musahibe-qaydalari/`, "https://kursahili.example.edu.az"]) assert.ok(universityMenu.has(path), `the university's menu has ${path}`);
    const bodyOnly = [...bodyMenu].filter((h) => !universityMenu.has(h)).concat(`${prefix}/`);
    const universityOnly = [...universityMenu].filter((h) => !bodyMenu.has(h));
    for (const c of seen.university) {
      const found = [...c.menu, ...c.footer].filter((h) => bodyOnly.includes(h));
      assert.deepEqual(found, [], `${c.at}: links of the body's menu`);
      // Every page of one organisation has the same menu.
      assert.deepEqual(c.menu, seen.university[0].menu, c.at);
    }
    for (const c of seen.body) {
      const found = [...c.menu, ...c.footer].filter((h) => universityOnly.includes(h) || /kursahili/.test(h));
      assert.deepEqual(found, [], `${c.at}: links of the university's menu or footer`);
      assert.deepEqual(c.menu, seen.body[0].menu, c.at);
    }
    // The body's menu links the interviews it hosts; the university's content page is not in it.
    assert.ok(bodyMenu.has(`${prefix}/interviews/`));
    assert.ok(!bodyMenu.has(`${prefix}/musahibe-qaydalari/`));
  });

  test(`${lang}: at 390 px the university's menu leads to its pages and the language switch keeps to them`, async () => {
    const { p, problems, close } = await open(`${prefix}/interviews/${session}/`, SIZES[0]);
    const rules = lang === "az" ? "Müsahibə və apellyasiya qaydaları" : "Interview and appeal rules";
    await p.getByRole("navigation").getByRole("link", { name: rules, exact: true }).click();
    await p.waitForURL(`${base}${prefix}/musahibe-qaydalari/`);
    assert.equal((await chrome(p)).brand, UNIVERSITY[lang].brand);
    assert.equal(await p.locator("h1").textContent(), rules);
    await p.locator(".site-header nav a.lang-switch").click();
    const other = lang === "az" ? "en" : "az";
    await p.waitForURL(`${base}${other === "en" ? "/en" : ""}/musahibe-qaydalari/`);
    assert.equal((await chrome(p)).brand, UNIVERSITY[other].brand, "the translation is the university's page too");
    await p.locator(".site-header .site-title").click();
    await p.waitForURL(`${base}${other === "en" ? "/en" : ""}/interviews/`);
    assert.deepEqual(problems, []);
    await close();
  });
}

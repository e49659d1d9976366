//! The offline verifier, `/scan/` (DESIGN §4, §5): its page in each language, linked from the
//! menu and `/verify/`, its web app manifests, one service worker (the same bytes in each
//! language) whose version follows the files it keeps, and the bundled libraries written once.

mod common;

use common::*;

fn version(sw: &str) -> &str {
    let at = sw.find("var VERSION = \"").expect("a version") + 15;
    &sw[at..at + 16]
}

#[test]
fn scan_is_an_installable_page_in_each_language_with_one_worker_that_follows_the_build() {
    let site = sample(); // languages = ["az", "en"]
    build(site.path(), "2026-11-23");
    let public = site.path().join("public");
    let read = |rel: &str| std::fs::read_to_string(public.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));

    let az = read("scan/index.html");
    let en = read("en/scan/index.html");
    assert!(
        az.contains("<h1>Çap olunmuş sertifikatı internetsiz yoxla</h1>") && en.contains("<h1>Check a printed certificate offline</h1>")
    );
    assert!(az.contains(r#"<link rel="manifest" href="/scan/manifest.webmanifest">"#), "{az}");
    assert!(en.contains(r#"<link rel="manifest" href="/en/scan/manifest.webmanifest">"#));
    assert!(
        en.contains(r#"href="/scan/" hreflang="az""#) && az.contains(r#"href="/en/scan/" hreflang="en""#),
        "each language links the other"
    );
    assert!(en.contains(r#"data-did-document="/.well-known/did.json""#) && en.contains(r#"data-type-table="/paper/type-table.json""#));
    for script in ["jcs.js", "vendor/cborld.js", "vendor/jsqr.js", "scan.js"] {
        assert!(az.contains(&format!(r#"<script src="/assets/{script}" defer></script>"#)), "{script}");
    }
    assert!(!az.contains("<script>") && !az.contains("style="), "no inline script or style");
    // Linked from the body's menu on every page, and from /verify/.
    assert!(read("index.html").contains(r#"<a href="/scan/">İnternetsiz yoxlama</a>"#));
    assert!(read("en/verify/index.html").contains(r#"<a href="/en/scan/">Check a printed certificate offline</a>"#));
    assert!(read("sitemap.xml").contains("/en/scan/</loc>"));

    let manifest: serde_json::Value = serde_json::from_str(&read("en/scan/manifest.webmanifest")).unwrap();
    assert_eq!(manifest["name"], "Check a printed certificate offline");
    assert_eq!((manifest["start_url"].as_str(), manifest["scope"].as_str()), (Some("/en/scan/"), Some("/en/scan/")));
    assert_eq!((manifest["display"].as_str(), manifest["lang"].as_str()), (Some("standalone"), Some("en")));
    for (icon, size) in manifest["icons"].as_array().unwrap().iter().zip(["192x192", "512x512"]) {
        assert_eq!(icon["sizes"], size);
        let png = std::fs::read(public.join(icon["src"].as_str().unwrap().trim_start_matches('/'))).unwrap();
        assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
        let (w, h) = (u32::from_be_bytes(png[16..20].try_into().unwrap()), u32::from_be_bytes(png[20..24].try_into().unwrap()));
        assert_eq!(format!("{w}x{h}"), size);
    }
    assert_eq!(serde_json::from_str::<serde_json::Value>(&read("scan/manifest.webmanifest")).unwrap()["start_url"], "/scan/");

    let sw = read("scan/sw.js");
    assert_eq!(sw, read("en/scan/sw.js"), "one worker, in each language's folder");
    for kept in ["\"/scan/\"", "\"/en/scan/\"", "\"/assets/vendor/jsqr.js\"", "\"/assets/words.en.json\"", "\"/paper/type-table.json\""] {
        assert!(sw.contains(kept), "{kept} in {sw}");
    }
    assert!(sw.contains(r#"var NETWORK_FIRST = ["/.well-known/did.json","/status/status.json"];"#), "{sw}");

    // The libraries, once per site, with their licences; no page carries them.
    let cborld = read("assets/vendor/cborld.js");
    assert!(cborld.starts_with("/*! @digitalbazaar/cborld 8.1.0 (BSD-3-Clause"), "{}", &cborld[..200]);
    assert!(read("assets/vendor/jsqr.js").starts_with("/*! jsqr 1.4.0 (Apache-2.0"));
    assert!(read("assets/vendor/LICENSES.md").contains("## jsqr 1.4.0 (Apache-2.0)"));
    let copies = tree(&public).into_iter().filter(|(path, _)| path.ends_with("jsqr.js")).count();
    assert_eq!(copies, 1);

    // The same build again: the same worker. A change to a page it keeps: a new version, so
    // phones replace their copy.
    build(site.path(), "2026-11-23");
    assert_eq!(read("scan/sw.js"), sw);
    let toml = site.path().join("data/site.toml");
    let settings = std::fs::read_to_string(&toml).unwrap();
    std::fs::write(&toml, settings.replacen("title = \"", "title = \"Yeni ", 1)).unwrap();
    build(site.path(), "2026-11-23");
    let again = read("scan/sw.js");
    assert!(read("scan/index.html").contains("Yeni "));
    assert_ne!(version(&again), version(&sw));
    assert_eq!(again, read("en/scan/sw.js"));
}

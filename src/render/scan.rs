//! Stage "render", the offline verifier `/scan/` (DESIGN §4, §5): its web app manifest and its
//! service worker, per language. The page itself is `templates/scan.html` with
//! `assets/scan.js`.

use serde_json::json;

use crate::config::Lang;
use crate::render::i18n;
use crate::routes::{Page, Routes};
use crate::sign::paper;

/// The service worker's source, with `__VERSION__`, `__PRECACHE__` and `__NETWORK_FIRST__` to
/// fill in.
const WORKER: &str = include_str!("../../assets/scan-sw.js");

/// The files below the output that the paper QR's decoding needs: the site's contexts and type
/// table (DESIGN §4).
const PAPER_FILES: [&str; 3] = [paper::CONTEXT_FILE, paper::TYPE_TABLE_FILE, paper::VC_CONTEXT_FILE];

/// The assets the page loads, below the output.
const PAGE_ASSETS: [&str; 7] = [
    "assets/site.css",
    "assets/jcs.js",
    "assets/vendor/cborld.js",
    "assets/vendor/jsqr.js",
    "assets/scan.js",
    "assets/scan-192.png",
    "assets/scan-512.png",
];

/// A language's web app manifest: its name, start and scope (the language's `scan/`),
/// standalone, the two icons.
pub fn manifest(routes: &Routes, lang: Lang) -> Vec<u8> {
    let start = format!("{}/{}", routes.lang_root(lang), Page::Scan.path());
    let icon = |size: u32| json!({"src": routes.path(&format!("assets/scan-{size}.png")), "sizes": format!("{size}x{size}"), "type": "image/png", "purpose": "any maskable"});
    let value = json!({
        "id": start,
        "name": i18n::tr(lang, "scan_title"),
        "short_name": i18n::tr(lang, "scan_menu"),
        "description": i18n::tr(lang, "scan_lead"),
        "lang": lang.code(),
        "start_url": start,
        "scope": start,
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#0b5cad",
        "icons": [icon(192), icon(512)],
    });
    let mut bytes = serde_json::to_vec_pretty(&value).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

/// What the service worker keeps, as paths on the host: (cache first, network first), and the
/// files below the output whose bytes make its version.
pub fn worker_files(routes: &Routes) -> (Vec<String>, Vec<String>, Vec<String>) {
    let mut files: Vec<String> = routes.languages().map(|l| routes.page_file(l, Page::Scan)).collect();
    files.extend(routes.languages().map(|l| routes.scan_manifest(l)));
    files.extend(routes.languages().map(Routes::words));
    files.extend(PAGE_ASSETS.iter().map(|s| (*s).to_owned()));
    files.extend(PAPER_FILES.iter().map(|s| (*s).to_owned()));
    let precache = files.iter().map(|f| routes.path(f.strip_suffix("index.html").unwrap_or(f))).collect();
    let network_first =
        vec![routes.path(routes.did_document()), routes.path(Routes::status_list(crate::sign::status_list::Purpose::Message))];
    (precache, network_first, files)
}

/// The service worker (the same bytes in every language), versioned by `version`.
pub fn worker(precache: &[String], network_first: &[String], version: u64) -> Vec<u8> {
    WORKER
        .replace("__VERSION__", &format!("{version:016x}"))
        .replace("__PRECACHE__", &serde_json::to_string(precache).unwrap_or_default())
        .replace("__NETWORK_FIRST__", &serde_json::to_string(network_first).unwrap_or_default())
        .into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_worker_keeps_the_page_and_its_files_and_refreshes_the_lists() {
        let routes = Routes::for_tests("https://x.example/portal", &["az", "en"]);
        let (precache, network_first, files) = worker_files(&routes);
        assert!(precache.contains(&"/portal/scan/".to_owned()) && precache.contains(&"/portal/en/scan/".to_owned()));
        assert!(
            precache.contains(&"/portal/paper/type-table.json".to_owned()) && precache.contains(&"/portal/assets/words.en.json".to_owned())
        );
        assert_eq!(network_first, ["/portal/did.json", "/portal/status/status.json"]);
        assert!(files.contains(&"en/scan/index.html".to_owned()));
        let sw = String::from_utf8(worker(&precache, &network_first, 0xabc)).unwrap();
        assert!(sw.contains("var VERSION = \"0000000000000abc\";") && sw.contains("\"/portal/en/scan/manifest.webmanifest\""), "{sw}");
        assert!(!sw.contains("__"), "{sw}");
        let manifest: serde_json::Value = serde_json::from_slice(&manifest(&routes, Lang::En)).unwrap();
        assert_eq!((manifest["start_url"].as_str(), manifest["scope"].as_str()), (Some("/portal/en/scan/"), Some("/portal/en/scan/")));
        assert_eq!(manifest["display"], "standalone");
        assert_eq!(manifest["icons"][1]["src"], "/portal/assets/scan-512.png");
    }
}

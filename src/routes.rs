//! Where everything goes (DESIGN §4 "Output layout"): every path below the output and every
//! address of a site, written here and nowhere else. [`Routes`] is built once from the
//! settings (`base_url`, `languages`) and the DID document's place; the plan of a build, the
//! certificate pass, the sitemap, `robots.txt`, the hosting rules, the preview and the
//! printing office ask it.
//!
//! Three kinds of answer: a page's *path* below its language's root (`notices/D-1/`, what
//! templates see as `path`), a *file* below the output (`en/notices/D-1/index.html`), and a
//! *URL* (`https://host/portal/en/notices/D-1/`). A *pattern* is a file with `*` for the code
//! or id, as the manifest's layout and the hosting rules match files.

use std::fmt::Display;

use crate::config::{Config, Lang};
use crate::sign::status_list::Purpose;

/// A page, below its language's root.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page<'a> {
    /// The home page.
    Home,
    /// A Markdown page of `content/` (its path, without slashes at either end).
    Content(&'a str),
    /// The form that checks a code (`/verify/`).
    Verify,
    /// Page `n` (from 1) of the list of notices.
    Notices(usize),
    /// A notice (by its id).
    Notice(&'a str),
    /// The list of interview sessions.
    Sessions,
    /// An interview session (by its id).
    Session(&'a str),
    /// A certificate's verification page (by its code).
    Certificate(&'a str),
    /// The offline verifier of printed certificates' paper QR codes (`/scan/`).
    Scan,
}

impl Page<'_> {
    /// Where the page comes in the sitemap among its language's pages (DESIGN §4: every page
    /// but certificates'), when it is listed: the home page, the forms and lists, then content
    /// pages, sessions and notices (each kind in the order they are made).
    pub fn sitemap_rank(&self) -> Option<u8> {
        match self {
            Page::Home => Some(0),
            Page::Verify | Page::Scan => Some(1),
            Page::Notices(1) => Some(2),
            Page::Sessions => Some(3),
            Page::Content(_) => Some(4),
            Page::Session(_) => Some(5),
            Page::Notice(_) => Some(6),
            Page::Notices(_) | Page::Certificate(_) => None,
        }
    }

    /// The path below the language's root: `""` or ending in `/`.
    pub fn path(&self) -> String {
        match *self {
            Page::Home => String::new(),
            Page::Content(path) => format!("{path}/"),
            Page::Verify => format!("{VERIFY}/"),
            Page::Notices(1) => format!("{NOTICES}/"),
            Page::Notices(n) => format!("{NOTICES}/page/{n}/"),
            Page::Notice(id) => format!("{NOTICES}/{id}/"),
            Page::Sessions => format!("{SESSIONS}/"),
            Page::Session(id) => format!("{SESSIONS}/{id}/"),
            Page::Certificate(code) => cert_dir(code),
            Page::Scan => format!("{SCAN}/"),
        }
    }
}

/// The folder of the certificates below a language's root.
pub const CERTIFICATES: &str = "c";
/// The form that checks a code, below a language's root.
const VERIFY: &str = "verify";
/// The offline verifier (a web app: page, manifest, service worker), below a language's root.
const SCAN: &str = "scan";
/// The notices, below a language's root.
const NOTICES: &str = "notices";
/// The interview sessions, below a language's root.
const SESSIONS: &str = "interviews";
/// The status lists, below the output.
const STATUS: &str = "status";
/// Stylesheets, scripts, words, the logo, below the output.
const ASSETS: &str = "assets";

/// The first segment of every address certsite publishes itself (a content page there would
/// collide with one of them).
pub const RESERVED: &[&str] = &[
    CERTIFICATES,
    VERIFY,
    SCAN,
    NOTICES,
    SESSIONS,
    STATUS,
    ASSETS,
    PAPER,
    "az",
    "en",
    ".well-known",
    "did.json",
    SITEMAP,
    ROBOTS,
    NOT_FOUND,
    "index.html",
];

/// The folder of the paper credential's published documents (DESIGN §4).
pub const PAPER: &str = "paper";

/// A certificate's folder below a language's root: `c/<code>/` (`*` for a pattern).
fn cert_dir(code: impl Display) -> String {
    format!("{CERTIFICATES}/{code}/")
}

/// Files at fixed places below the output.
pub const ROBOTS: &str = "robots.txt";
/// The sitemap (DESIGN §4: pages of every language, never `/c/`).
pub const SITEMAP: &str = "sitemap.xml";
/// The header rules Netlify and Cloudflare Pages read as they deploy.
pub const HEADERS: &str = "_headers";
/// The page static hosts serve for any unknown address.
pub const NOT_FOUND: &str = "404.html";
/// The build date, as generated content (pages need not change daily).
pub const UPDATED_CSS: &str = "assets/updated.css";

/// The folder of a language that is not the site's default, below the output (`en/`): its
/// pages mirror the default's there.
pub fn mirror_dir(lang: Lang) -> String {
    format!("{}/", lang.code())
}

/// Every path and address of one site.
#[derive(Debug, Clone)]
pub struct Routes {
    /// `base_url` without a slash at the end.
    base_url: String,
    /// Its path: `""` or `"/portal"`.
    base_path: String,
    /// The published languages, the default first, with their URL prefix (`""`, `"/en"`) and
    /// folder below the output (`""`, `"en/"`).
    languages: Vec<(Lang, String, String)>,
    /// The DID document below the output (`.well-known/did.json`, or `did.json` below a path).
    did_document: &'static str,
}

impl Routes {
    /// The routes of a site with these settings, whose DID document is at `did_document`.
    pub fn new(config: &Config, did_document: &'static str) -> Routes {
        let base_url = config.base_url.trim_end_matches('/').to_owned();
        let base_path = config.url.path().trim_end_matches('/').to_owned();
        let default = config.languages.first().copied().unwrap_or(Lang::Az);
        let languages = config
            .languages
            .iter()
            .map(|&lang| {
                // The default language at the root; any other under its code (DESIGN §3
                // `languages`, §4 "English mirrors under /en/").
                let dir = if lang == default { String::new() } else { mirror_dir(lang) };
                let prefix = if lang == default { String::new() } else { format!("/{}", lang.code()) };
                (lang, prefix, dir)
            })
            .collect();
        Routes { base_url, base_path, languages, did_document }
    }

    /// `base_url`, without a slash at the end.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The path of `base_url`: `""` or `"/portal"` (assets, data files and pages hang below).
    pub fn base_path(&self) -> &str {
        &self.base_path
    }

    /// The published languages, the default first.
    pub fn languages(&self) -> impl Iterator<Item = Lang> + '_ {
        self.languages.iter().map(|l| l.0)
    }

    fn language(&self, lang: Lang) -> &(Lang, String, String) {
        self.languages.iter().find(|l| l.0 == lang).unwrap_or(&self.languages[0])
    }

    /// A language's URL prefix below the site: `""` for the default, `"/en"` for English.
    pub fn lang_prefix(&self, lang: Lang) -> &str {
        &self.language(lang).1
    }

    /// A language's folder below the output: `""` or `"en/"`.
    pub fn lang_dir(&self, lang: Lang) -> &str {
        &self.language(lang).2
    }

    /// The path of a language's root on the host: `base_path`, then the prefix (`/portal/en`).
    pub fn lang_root(&self, lang: Lang) -> String {
        format!("{}{}", self.base_path, self.lang_prefix(lang))
    }

    /// The file of a page in a language.
    pub fn page_file(&self, lang: Lang, page: Page<'_>) -> String {
        format!("{}{}index.html", self.lang_dir(lang), page.path())
    }

    /// The address of a page in a language.
    pub fn page_url(&self, lang: Lang, page: Page<'_>) -> String {
        format!("{}{}/{}", self.base_url, self.lang_prefix(lang), page.path())
    }

    /// A file's address (`rel` below the output).
    pub fn url(&self, rel: &str) -> String {
        format!("{}/{rel}", self.base_url)
    }

    /// A file's path on the host (`rel` below the output): for links within the site.
    pub fn path(&self, rel: &str) -> String {
        format!("{}/{rel}", self.base_path)
    }

    /// The address of a certificate's verification page, in the default language: what its
    /// QR code holds and its credential's `id`.
    pub fn cert_url(&self, code: impl Display) -> String {
        format!("{}/{}", self.base_url, cert_dir(code))
    }

    /// [`Routes::cert_url`] written into `out` piece by piece (no string per certificate).
    pub fn push_cert_url(&self, code: &str, out: &mut String) {
        for part in [self.base_url.as_str(), "/c/", code, "/"] {
            out.push_str(part);
        }
    }

    /// A certificate's signed credential below the output.
    pub fn credential_file(code: impl Display) -> String {
        format!("{}credential.json", cert_dir(code))
    }

    /// The folder of a certificate's files in a language, below the output (no slash at the
    /// end): made in one piece when the certificate is new.
    pub fn cert_folder(&self, lang: Lang, code: impl Display) -> String {
        let dir = cert_dir(code);
        format!("{}{}", self.lang_dir(lang), &dir[..dir.len() - 1])
    }

    /// The folder of every certificate's files in a language, below the output (no slash at
    /// the end).
    pub fn cert_folders(&self, lang: Lang) -> String {
        format!("{}{CERTIFICATES}", self.lang_dir(lang))
    }

    /// The files of a certificate as patterns (`*` for the code), one page per language, the
    /// default first, then the credential: the manifest's layout of a certificate.
    pub fn cert_patterns(&self) -> Vec<String> {
        let mut patterns: Vec<String> = self.languages().map(|l| self.page_file(l, Page::Certificate("*"))).collect();
        patterns.push(Self::credential_file("*"));
        patterns
    }

    /// Everything below the certificates' folders of every language, as patterns.
    pub fn cert_page_patterns(&self) -> Vec<String> {
        self.languages().map(|l| format!("{}/*", self.cert_folders(l))).collect()
    }

    /// What crawlers are asked to stay out of (`robots.txt`): the certificates' folders of
    /// every language, as paths on the host.
    pub fn crawl_disallowed(&self) -> Vec<String> {
        self.languages().map(|l| format!("{}/{}/", self.base_path, self.cert_folders(l))).collect()
    }

    /// The DID document below the output.
    pub fn did_document(&self) -> &'static str {
        self.did_document
    }

    /// A status list below the output.
    pub fn status_list(purpose: Purpose) -> &'static str {
        match purpose {
            Purpose::Message => "status/status.json",
            Purpose::Revocation => "status/revocation.json",
            Purpose::Suspension => "status/suspension.json",
        }
    }

    /// A status list's address (its credential's `id`).
    pub fn status_list_url(&self, purpose: Purpose) -> String {
        self.url(Self::status_list(purpose))
    }

    /// The status lists, as a pattern.
    pub const STATUS_LISTS: &'static str = "status/*.json";

    /// A notice's signed data, below the output (once: it holds both languages).
    pub fn notice_json(id: impl Display) -> String {
        format!("{}notice.json", Page::Notice(&id.to_string()).path())
    }

    /// A language's Atom feed of notices, below the output.
    pub fn notices_feed(&self, lang: Lang) -> String {
        format!("{}{}atom.xml", self.lang_dir(lang), Page::Notices(1).path())
    }

    /// A session's results as signed JSON, below the output (once, language-neutral).
    pub fn results_json(id: impl Display) -> String {
        format!("{}results.json", Page::Session(&id.to_string()).path())
    }

    /// A session's results as CSV, below the output.
    pub fn results_csv(id: impl Display) -> String {
        format!("{}results.csv", Page::Session(&id.to_string()).path())
    }

    /// The words of a language for the scripts of the pages, below the output.
    pub fn words(lang: Lang) -> String {
        format!("{ASSETS}/words.{}.json", lang.code())
    }

    /// The offline verifier's web app manifest in a language, below the output.
    pub fn scan_manifest(&self, lang: Lang) -> String {
        format!("{}{}manifest.webmanifest", self.lang_dir(lang), Page::Scan.path())
    }

    /// The offline verifier's service worker in a language, below the output (its scope is
    /// the language's `scan/`).
    pub fn scan_worker(&self, lang: Lang) -> String {
        format!("{}{}sw.js", self.lang_dir(lang), Page::Scan.path())
    }

    /// The JSON documents verifiers fetch from other sites, as patterns below the output: the
    /// DID document, credentials, status lists, results and notices.
    pub fn json_documents(&self) -> Vec<String> {
        vec![
            self.did_document.to_owned(),
            Self::STATUS_LISTS.to_owned(),
            Self::results_json("*"),
            Self::notice_json("*"),
            crate::sign::paper::TYPE_TABLE_FILE.to_owned(),
        ]
    }

    /// The JSON-LD contexts the site publishes for verifiers with no network (the paper
    /// credential's, DESIGN §4), below the output.
    pub fn json_ld_documents() -> Vec<String> {
        vec![crate::sign::paper::CONTEXT_FILE.to_owned(), crate::sign::paper::VC_CONTEXT_FILE.to_owned()]
    }
}

#[cfg(test)]
impl Routes {
    /// The routes of a site at `base_url` in `languages` (codes, the default first).
    pub(crate) fn for_tests(base_url: &str, languages: &[&str]) -> Routes {
        let toml = format!("base_url = \"{base_url}\"\ntitle = \"T\"\nlanguages = {languages:?}\n[issuer]\nname = \"I\"\n");
        let config = Config::parse(&toml, &mut crate::diag::Problems::new()).expect("settings");
        let did = crate::sign::did::did_web(&config.url);
        Routes::new(&config, did.document_path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn routes(base_url: &str, languages: &[&str]) -> Routes {
        Routes::for_tests(base_url, languages)
    }

    #[test]
    fn every_kind_of_address() {
        let r = routes("https://x.example/portal/", &["az", "en"]);
        assert_eq!((r.base_url(), r.base_path()), ("https://x.example/portal", "/portal"));
        assert_eq!((r.lang_prefix(Lang::Az), r.lang_dir(Lang::Az)), ("", ""));
        assert_eq!((r.lang_prefix(Lang::En), r.lang_dir(Lang::En)), ("/en", "en/"));
        assert_eq!(r.lang_root(Lang::En), "/portal/en");
        assert_eq!(r.page_file(Lang::En, Page::Notice("D-1")), "en/notices/D-1/index.html");
        assert_eq!(r.page_file(Lang::Az, Page::Home), "index.html");
        assert_eq!(r.page_file(Lang::Az, Page::Notices(2)), "notices/page/2/index.html");
        assert_eq!(r.page_url(Lang::En, Page::Session("s")), "https://x.example/portal/en/interviews/s/");
        assert_eq!(r.page_url(Lang::Az, Page::Home), "https://x.example/portal/");
        assert_eq!(r.cert_url("AB12"), "https://x.example/portal/c/AB12/");
        let mut pushed = String::new();
        r.push_cert_url("AB12", &mut pushed);
        assert_eq!(pushed, r.cert_url("AB12"));
        assert_eq!(r.cert_patterns(), ["c/*/index.html", "en/c/*/index.html", "c/*/credential.json"]);
        assert_eq!(r.cert_page_patterns(), ["c/*", "en/c/*"]);
        assert_eq!(r.crawl_disallowed(), ["/portal/c/", "/portal/en/c/"]);
        assert_eq!(r.cert_folder(Lang::En, "AB12"), "en/c/AB12");
        assert_eq!(r.cert_folders(Lang::Az), "c");
        assert_eq!(r.did_document(), "did.json");
        assert_eq!(r.status_list_url(Purpose::Message), "https://x.example/portal/status/status.json");
        assert_eq!(Routes::notice_json("D-1"), "notices/D-1/notice.json");
        assert_eq!(r.notices_feed(Lang::En), "en/notices/atom.xml");
        assert_eq!(r.page_file(Lang::En, Page::Scan), "en/scan/index.html");
        assert_eq!(
            (r.scan_manifest(Lang::Az), r.scan_worker(Lang::En)),
            ("scan/manifest.webmanifest".to_owned(), "en/scan/sw.js".to_owned())
        );
        assert_eq!(Routes::results_csv("s"), "interviews/s/results.csv");
        assert_eq!(
            r.json_documents(),
            ["did.json", "status/*.json", "interviews/*/results.json", "notices/*/notice.json", "paper/type-table.json"]
        );
        // Every file certsite writes at the top of the output is below a reserved name.
        let mut files = vec![UPDATED_CSS.to_owned(), Routes::STATUS_LISTS.to_owned(), Routes::words(Lang::En), r.did_document().to_owned()];
        files.extend(crate::render::assets::ASSETS.iter().map(|(p, _)| (*p).to_owned()));
        files.extend([ROBOTS, SITEMAP, NOT_FOUND].map(str::to_owned));
        files.extend([Purpose::Message, Purpose::Revocation, Purpose::Suspension].map(|p| Routes::status_list(p).to_owned()));
        for file in files {
            let first = file.split('/').next().unwrap();
            assert!(RESERVED.contains(&first), "{file}");
        }
        let root = routes("https://x.example", &["en"]);
        assert_eq!((root.lang_prefix(Lang::En), root.did_document()), ("", ".well-known/did.json"));
        assert_eq!(root.page_url(Lang::En, Page::Verify), "https://x.example/verify/");
    }
}

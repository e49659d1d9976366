//! Stage "render", hosting: the HTTP headers the site needs from whatever host serves it (DESIGN
//! §4), written for three kinds of host from one table, so that they agree: `_headers` in the
//! output (Netlify, Cloudflare Pages), and `.certsite/hosting/nginx.conf` and
//! `.certsite/hosting/.htaccess` (Apache) for the hosts that are configured by hand.
//!
//! - Every file: the pages' Content-Security-Policy ([`CSP`], the same as their `<meta>`),
//!   `X-Content-Type-Options: nosniff`, and `Referrer-Policy: no-referrer`: a certificate page's
//!   address holds its unguessable code, which must not leak to other sites through the Referer.
//! - The JSON documents that verifiers on other sites fetch from a browser (did.json,
//!   credentials, status lists, interview results, notices, the paper credential's type table):
//!   `Access-Control-Allow-Origin: *` and `Content-Type: application/json`; the JSON-LD contexts
//!   of the paper credential (`paper/*.jsonld`) the same with `application/ld+json`.
//! - Certificate pages and credentials (`/c/`, `/en/c/`): `X-Robots-Tag: noindex`.
//! - The offline verifier's files (`/scan/`, `/en/scan/`): the manifest as
//!   `application/manifest+json`, the service worker with `Cache-Control: no-cache` (the
//!   browser then asks for a new build's worker whenever the page is opened online).

use crate::routes::Routes;

/// The Content-Security-Policy of every page: no inline script or style, nothing from elsewhere.
/// `templates/base.html` carries the same policy in a `<meta>` (a test compares them).
pub const CSP: &str =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; manifest-src 'self'; form-action 'self'; base-uri 'none'";

/// Where the site lives on its host and what it holds: its [`Routes`].
pub struct Hosting<'a> {
    /// The site's paths and addresses.
    pub routes: &'a Routes,
}

/// Headers every file gets.
const COMMON: [(&str, &str); 3] =
    [("Content-Security-Policy", CSP), ("X-Content-Type-Options", "nosniff"), ("Referrer-Policy", "no-referrer")];
/// The media type of the JSON documents fetched by verifiers on other sites (with
/// `Access-Control-Allow-Origin: *`).
const JSON: &str = "application/json";
/// The media type of the JSON-LD contexts the site publishes.
const JSON_LD: &str = "application/ld+json";
/// Headers of the offline verifier's web app manifests.
const MANIFEST: [(&str, &str); 1] = [("Content-Type", "application/manifest+json")];
/// Headers of its service workers.
const WORKER: [(&str, &str); 1] = [("Cache-Control", "no-cache")];
/// Headers of what lies under a language's `c/`.
const PRIVATE: [(&str, &str); 1] = [("X-Robots-Tag", "noindex")];

/// A kind of file, by path: glob patterns below the site (`*` is one path segment, or part of
/// one), and what it gets beyond [`COMMON`].
struct Rule {
    patterns: Vec<String>,
    /// For documents fetched from other sites: their media type.
    media: Option<&'static str>,
    private: bool,
    /// Headers of its own (after the media type and the private ones).
    extra: &'static [(&'static str, &'static str)],
}

impl Hosting<'_> {
    /// The rules, most specific first (nginx takes the first matching location).
    fn rules(&self) -> Vec<Rule> {
        vec![
            // Credentials exist once, beside the default language's pages.
            Rule { patterns: vec![Routes::credential_file("*")], media: Some(JSON), private: true, extra: &[] },
            Rule { patterns: self.routes.json_documents(), media: Some(JSON), private: false, extra: &[] },
            Rule { patterns: Routes::json_ld_documents(), media: Some(JSON_LD), private: false, extra: &[] },
            Rule { patterns: self.routes.cert_page_patterns(), media: None, private: true, extra: &[] },
            Rule {
                patterns: self.routes.languages().map(|l| self.routes.scan_manifest(l)).collect(),
                media: None,
                private: false,
                extra: &MANIFEST,
            },
            Rule {
                patterns: self.routes.languages().map(|l| self.routes.scan_worker(l)).collect(),
                media: None,
                private: false,
                extra: &WORKER,
            },
        ]
    }

    fn headers(rule: Option<&Rule>) -> Vec<(&'static str, &'static str)> {
        let mut headers = COMMON.to_vec();
        if let Some(rule) = rule {
            if let Some(media) = rule.media {
                headers.extend([("Access-Control-Allow-Origin", "*"), ("Content-Type", media)]);
            }
            if rule.private {
                headers.extend(PRIVATE);
            }
            headers.extend(rule.extra);
        }
        headers
    }

    /// `_headers` (Netlify, Cloudflare Pages): a path pattern, then its headers indented. Both
    /// hosts apply every block whose pattern matches, so the common headers come once, under
    /// `/*`.
    pub fn netlify(&self) -> Vec<u8> {
        let mut out = String::from("# HTTP headers for Netlify and Cloudflare Pages, written by certsite (DESIGN §4).\n");
        out.push_str(&format!("{}/*\n", self.routes.base_path()));
        for (name, value) in COMMON {
            out.push_str(&format!("  {name}: {value}\n"));
        }
        for rule in self.rules() {
            for pattern in &rule.patterns {
                out.push_str(&format!("{}/{}\n", self.routes.base_path(), netlify_pattern(pattern)));
                // Both hosts apply every matching block: the `c/*` block gives credentials their
                // X-Robots-Tag (twice would be sent as "noindex, noindex").
                let extra = Hosting::headers(Some(&rule)).into_iter().skip(COMMON.len());
                for (name, value) in extra.filter(|(name, _)| !(rule.media.is_some() && PRIVATE.iter().any(|(p, _)| p == name))) {
                    out.push_str(&format!("  {name}: {value}\n"));
                }
            }
        }
        out.into_bytes()
    }

    /// An nginx snippet to `include` in the `server` block that serves the output: one
    /// `location` per kind of file, each with all its headers (a location's `add_header`
    /// replaces the server's).
    pub fn nginx(&self) -> Vec<u8> {
        let mut out = String::from(
            "# certsite: HTTP headers of the site (DESIGN §4). Include this file in the server block whose root is\n\
             # the output folder, in place of its own `location /`: include /path/to/.certsite/hosting/nginx.conf;\n",
        );
        let block = |out: &mut String, location: String, rule: Option<&Rule>| {
            out.push_str(&format!("location {location} {{\n"));
            if let Some((_, media)) = Hosting::headers(rule).into_iter().find(|(name, _)| *name == "Content-Type") {
                out.push_str(&format!("    types {{ }}\n    default_type {media};\n"));
            }
            for (name, value) in Hosting::headers(rule) {
                if name != "Content-Type" {
                    out.push_str(&format!("    add_header {name} \"{value}\" always;\n"));
                }
            }
            out.push_str("}\n");
        };
        for rule in self.rules() {
            let regex = rule.patterns.iter().map(|p| glob_regex(p)).collect::<Vec<_>>().join("|");
            block(&mut out, format!("~ ^{}/({regex})$", regex_escape(self.routes.base_path())), Some(&rule));
        }
        block(&mut out, format!("{}/", self.routes.base_path()), None);
        // An unknown address, a mistyped certificate code above all, gets the site's page that
        // explains it in the visitor's language (DESIGN §4), not the server's.
        out.push_str(&format!("error_page 404 {}/404.html;\n", self.routes.base_path()));
        out.into_bytes()
    }

    /// An Apache `.htaccess` for the output folder (mod_headers, mod_mime).
    pub fn apache(&self) -> Vec<u8> {
        let mut out = format!(
            "# certsite: HTTP headers of the site (DESIGN §4), for Apache: copy into the output folder as .htaccess\n\
             # (needs mod_headers and AllowOverride FileInfo).\n\
             ErrorDocument 404 {}/404.html\n\
             AddType application/json .json\n\
             AddType application/ld+json .jsonld\n\
             AddType application/manifest+json .webmanifest\n\
             <IfModule mod_headers.c>\n",
            self.routes.base_path()
        );
        for (name, value) in COMMON {
            out.push_str(&format!("Header always set {name} \"{value}\"\n"));
        }
        for rule in self.rules() {
            let regex = rule.patterns.iter().map(|p| glob_regex(p)).collect::<Vec<_>>().join("|");
            out.push_str(&format!("<If \"%{{REQUEST_URI}} =~ m#^{}/({regex})$#\">\n", regex_escape(self.routes.base_path())));
            for (name, value) in Hosting::headers(Some(&rule)).into_iter().skip(COMMON.len()) {
                if name != "Content-Type" {
                    out.push_str(&format!("  Header always set {name} \"{value}\"\n"));
                }
            }
            out.push_str("</If>\n");
        }
        out.push_str("</IfModule>\n");
        out.into_bytes()
    }
}

/// What a file keeps with itself on a host that serves each file with the headers it was
/// stored with (S3-compatible object storage, DESIGN §4): the rest of the headers need the CDN.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ObjectHeaders {
    /// `Content-Type`.
    pub content_type: &'static str,
    /// `Cache-Control`.
    pub cache_control: &'static str,
}

/// Cache-Control of everything the rules give none: the browser and the CDN ask the host again
/// (a conditional request) before using a copy, so a new status or page shows at once.
const REVALIDATE: &str = "no-cache";
/// Cache-Control of `assets/`: kept five minutes. No asset's name carries a fingerprint (a new
/// certsite changes `site.css` under the same name, each build `updated.css`), so none is
/// cached for long.
const ASSETS: &str = "public, max-age=300";

impl Hosting<'_> {
    /// The Content-Type and Cache-Control of the file `rel` (below the output), from the same
    /// rules as `_headers`, nginx.conf and .htaccess: a rule's media type and Cache-Control, else
    /// the media type of the extension, and [`REVALIDATE`] (or, for `assets/`, [`ASSETS`]).
    pub fn object_headers(&self, rel: &str) -> ObjectHeaders {
        self.object_rules().headers(rel)
    }

    /// The rules [`Hosting::object_headers`] applies, made once for many files (a publish
    /// sends up to millions).
    pub fn object_rules(&self) -> ObjectRules {
        ObjectRules(self.rules())
    }
}

/// The hosting rules, for the headers of objects: [`Hosting::object_rules`].
pub struct ObjectRules(Vec<Rule>);

impl ObjectRules {
    /// The Content-Type and Cache-Control of the file `rel` (see [`Hosting::object_headers`]).
    pub fn headers(&self, rel: &str) -> ObjectHeaders {
        let rule = self.0.iter().find(|r| r.patterns.iter().any(|p| glob_match(p, rel)));
        let headers = Hosting::headers(rule);
        let header = |name: &str| headers.iter().find(|(n, _)| *n == name).map(|(_, v)| *v);
        let cache_control = header("Cache-Control").unwrap_or(if rel.starts_with("assets/") { ASSETS } else { REVALIDATE });
        ObjectHeaders { content_type: header("Content-Type").unwrap_or_else(|| media_type(rel)), cache_control }
    }
}

/// The media type of a file by its extension, as a host serves it without a rule.
fn media_type(rel: &str) -> &'static str {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    let extension = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    match extension.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => JSON,
        "jsonld" => JSON_LD,
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "gif" => "image/gif",
        "ico" => "image/x-icon",
        "xml" if name == "atom.xml" => "application/atom+xml",
        "xml" => "application/xml",
        "csv" => "text/csv; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "md" => "text/markdown; charset=utf-8",
        "pdf" => "application/pdf",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        _ => "application/octet-stream",
    }
}

/// Whether `path` matches a glob of [`Rule`], as [`glob_regex`] reads it: a trailing `*` is any
/// tail, another `*` one or more characters within a path segment.
fn glob_match(glob: &str, path: &str) -> bool {
    match glob.split_once('*') {
        None => glob == path,
        Some((head, "")) => path.starts_with(head),
        Some((head, tail)) => {
            let Some(rest) = path.strip_prefix(head) else { return false };
            let segment = rest.find('/').unwrap_or(rest.len());
            (1..=segment).any(|n| glob_match(tail, &rest[n..]))
        }
    }
}

/// A glob of [`Rule`] in the syntax of `_headers`, which Netlify and Cloudflare Pages share: a
/// `*` is a splat (the rest of the path, once, at the end), a whole segment in the middle is a
/// `:placeholder`.
fn netlify_pattern(glob: &str) -> String {
    let segments: Vec<&str> = glob.split('/').collect();
    let last = segments.len() - 1;
    let mut out: Vec<String> = Vec::new();
    for (i, segment) in segments.iter().enumerate() {
        out.push(match (*segment, i == last) {
            (s, true) if s.contains('*') => "*".to_owned(),
            ("*", false) => format!(":p{i}"),
            (s, _) => s.to_owned(),
        });
    }
    out.join("/")
}

/// A glob of [`Rule`] (`*`: within one path segment, or a whole tail for a trailing `*`) as a
/// regular expression.
fn glob_regex(glob: &str) -> String {
    let mut out = String::new();
    let last = glob.len().saturating_sub(1);
    for (i, c) in glob.char_indices() {
        match c {
            '*' if i == last => out.push_str(".*"),
            '*' => out.push_str("[^/]+"),
            c => out.push_str(&regex_escape(&c.to_string())),
        }
    }
    out
}

fn regex_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\.+*?()|[]{}^$#".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_formats_hold_the_same_rules() {
        let routes = Routes::for_tests("https://x.example", &["az", "en"]);
        let h = Hosting { routes: &routes };
        let netlify = String::from_utf8(h.netlify()).unwrap();
        let nginx = String::from_utf8(h.nginx()).unwrap();
        let apache = String::from_utf8(h.apache()).unwrap();
        for text in [&netlify, &nginx, &apache] {
            assert!(text.contains(CSP) && text.contains("no-referrer") && text.contains("nosniff") && text.contains("noindex"), "{text}");
            assert_eq!(text.matches("X-Robots-Tag").count(), 2, "{text}");
            assert_eq!(text.matches("Access-Control-Allow-Origin").count(), 3 + usize::from(text == &netlify) * 5, "{text}");
        }
        assert!(
            netlify.contains("\n/c/:p1/credential.json\n  Access-Control-Allow-Origin: *\n  Content-Type: application/json\n/"),
            "{netlify}"
        );
        assert!(netlify.contains("\n/status/*\n") && netlify.contains("\n/interviews/:p1/results.json\n"), "{netlify}");
        assert!(netlify.contains("/en/c/*\n  X-Robots-Tag: noindex\n"));
        assert!(nginx.contains(r"location ~ ^/(c/[^/]+/credential\.json)$ {"), "{nginx}");
        assert!(
            nginx.contains(r"\.well-known/did\.json|status/[^/]+\.json|interviews/[^/]+/results\.json|notices/[^/]+/notice\.json"),
            "{nginx}"
        );
        assert!(apache.contains(r#"<If "%{REQUEST_URI} =~ m#^/(c/.*|en/c/.*)$#">"#), "{apache}");
        assert!(
            netlify.contains("\n/paper/v1.jsonld\n  Access-Control-Allow-Origin: *\n  Content-Type: application/ld+json\n"),
            "{netlify}"
        );
        assert!(
            netlify.contains("\n/paper/type-table.json\n  Access-Control-Allow-Origin: *\n  Content-Type: application/json\n"),
            "{netlify}"
        );
        assert!(
            nginx.contains(
                "location ~ ^/(paper/v1\\.jsonld|paper/credentials-v2\\.jsonld)$ {\n    types { }\n    default_type application/ld+json;"
            ),
            "{nginx}"
        );
        assert!(apache.contains("AddType application/ld+json .jsonld"));
        // The offline verifier: its manifests' type, its workers never taken from a cache unasked.
        assert!(netlify.contains("\n/en/scan/manifest.webmanifest\n  Content-Type: application/manifest+json\n"), "{netlify}");
        assert!(netlify.contains("\n/scan/sw.js\n  Cache-Control: no-cache\n"), "{netlify}");
        assert!(nginx.contains("location ~ ^/(scan/manifest\\.webmanifest|en/scan/manifest\\.webmanifest)$ {\n    types { }\n    default_type application/manifest+json;\n"), "{nginx}");
        assert!(nginx.contains("add_header Cache-Control \"no-cache\" always;"), "{nginx}");
        assert!(
            apache.contains("AddType application/manifest+json .webmanifest")
                && apache.contains("Header always set Cache-Control \"no-cache\""),
            "{apache}"
        );
    }

    #[test]
    fn an_object_gets_the_type_and_caching_of_its_rule() {
        let routes = Routes::for_tests("https://x.example/portal", &["az", "en"]);
        let h = Hosting { routes: &routes };
        let of = |rel: &str| {
            let o = h.object_headers(rel);
            (o.content_type, o.cache_control)
        };
        assert_eq!(of("c/ABCDEFGHJKMN/credential.json"), ("application/json", "no-cache"));
        assert_eq!(of("c/ABCDEFGHJKMN/index.html"), ("text/html; charset=utf-8", "no-cache"));
        assert_eq!(of("en/c/ABCDEFGHJKMN/index.html"), ("text/html; charset=utf-8", "no-cache"));
        assert_eq!(of("status/status.json"), ("application/json", "no-cache"));
        assert_eq!(of("paper/v1.jsonld"), ("application/ld+json", "no-cache"));
        assert_eq!(of("scan/manifest.webmanifest"), ("application/manifest+json", "no-cache"));
        assert_eq!(of("en/scan/sw.js"), ("text/javascript; charset=utf-8", "no-cache"));
        assert_eq!(of("assets/site.css"), ("text/css; charset=utf-8", "public, max-age=300"));
        assert_eq!(of("assets/scan-192.png"), ("image/png", "public, max-age=300"));
        assert_eq!(of("notices/atom.xml"), ("application/atom+xml", "no-cache"));
        assert_eq!(of("data/certificates.csv"), ("text/csv; charset=utf-8", "no-cache"));
        assert_eq!(of("robots.txt"), ("text/plain; charset=utf-8", "no-cache"));
        assert_eq!(of("_headers"), ("application/octet-stream", "no-cache"));
        assert!(glob_match("c/*/credential.json", "c/X/credential.json") && !glob_match("c/*/credential.json", "c/X/Y/credential.json"));
        assert!(glob_match("c/*", "c/X/index.html") && !glob_match("c/*/credential.json", "c//credential.json"));
    }

    #[test]
    fn a_site_under_a_path_gets_its_rules_there() {
        let routes = Routes::for_tests("https://x.example/portal", &["az"]);
        let h = Hosting { routes: &routes };
        let netlify = String::from_utf8(h.netlify()).unwrap();
        assert!(
            netlify.starts_with("# HTTP") && netlify.contains("\n/portal/*\n") && netlify.contains("\n/portal/did.json\n"),
            "{netlify}"
        );
        assert!(String::from_utf8(h.nginx()).unwrap().contains("location /portal/ {"));
    }
}

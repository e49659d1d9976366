//! `certsite serve`: a local preview (DESIGN §2). Builds ([`certsite::cmd::preview`]) for the
//! build date asked (`--build-date`, else as `build` takes it, again at each rebuild), serves
//! the result on 127.0.0.1 with a small HTTP server, rebuilds when `data/`, `content/` or
//! `templates/` change, or when the site's signing key or url secret appear or go, and reloads
//! open pages: served HTML gets one extra script file that polls the build number. The library
//! knows no HTTP; this module lives in the binary only.
//!
//! The preview never makes the site's secrets: a site with its signing key and url secret is
//! built with them into `.certsite/serve/`
//! ([`State::serve_dir`](certsite::state::State::serve_dir)); a site without (no `certsite
//! build` yet) with a throwaway key and url secret made in the preview's own state,
//! `.certsite/preview/` ([`State::preview`](certsite::state::State::preview)), into
//! `.certsite/preview/serve/`, so that its page codes and signatures are not the site's. The
//! terminal says so when serve starts (and when that changes), and so does every page.
//!
//! What the preview adds to the HTML it serves, and only there (the files it built are as a
//! real build writes them):
//! - while it signs with throwaway secrets, a banner at the top of every page saying so, in
//!   Azerbaijani and English: only `certsite build` makes the real ones;
//! - while the last build failed, its error text, HTML-escaped, in a box at the top of every
//!   page, the same text as on the terminal; it goes with the next good build;
//! - links to the site itself (`href`, `src` or `action` starting with `base_url`) point at
//!   the preview instead of production.
//!
//! Both boxes are styled by a stylesheet the preview serves (the site's CSP allows no inline
//! style or script).
//!
//! What it serves, and to whom (`.certsite/` also holds the signing key):
//! - it listens on 127.0.0.1 only, and answers only requests whose `Host` is `127.0.0.1`,
//!   `localhost` (any case) or `[::1]`, with or without a port: any other, or none (an
//!   HTTP/1.0 request without one), or more than one, gets 421 and no page, so that a web page
//!   whose name is made to resolve to 127.0.0.1 (DNS rebinding) cannot read the preview;
//! - it serves only files inside the folder of its last build (`.certsite/serve/` or
//!   `.certsite/preview/serve/`, which holds neither secret: they are beside it): the request path is percent-decoded once,
//!   segment by segment, and refused (400) if a segment is empty (`//`), `.` or `..`, holds a
//!   `/` (`%2F`), a backslash or a NUL, or starts with a drive (`C:`); the file is then
//!   resolved (symbolic links followed) and refused (404) unless it is still inside the
//!   resolved preview folder.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use certsite::{messages, tr};
use notify::{EventKind, RecursiveMode, Watcher};
use percent_encoding::percent_decode_str;

const RELOAD_JS: &str = "(function(){var v=null;setInterval(function(){fetch('/__certsite/build').then(function(r){return r.text()}).then(function(t){if(v!==null&&t!==v)location.reload();v=t}).catch(function(){})},1000)})();";

const OVERLAY_CSS: &str = ".certsite-preview-throwaway{position:relative;z-index:2147483646;margin:0;padding:.5rem 1.25rem;background:#fff6d5;color:#3b2f00;border-bottom:3px solid #a37b00;font:14px/1.4 system-ui,sans-serif}\n.certsite-preview-throwaway p{margin:0}\n.certsite-preview-throwaway p+p{margin-top:.4rem}\n.certsite-preview-throwaway code{font:13px/1.4 ui-monospace,monospace}\n.certsite-build-error{position:fixed;inset:0 0 auto 0;z-index:2147483647;max-height:80vh;overflow:auto;margin:0;padding:1rem 1.25rem;background:#fff4f4;color:#5c0000;border-bottom:4px solid #b00020;font:14px/1.4 system-ui,sans-serif;box-shadow:0 4px 16px rgba(0,0,0,.3)}\n.certsite-build-error pre{white-space:pre-wrap;font:13px/1.35 ui-monospace,monospace;margin:.5rem 0 0}\n";

/// What the preview knows of the last build.
struct Preview {
    /// Counts finished builds: open pages reload when it changes.
    generation: AtomicU64,
    /// The last build.
    last: Mutex<Last>,
}

/// The last build of the preview.
#[derive(Debug, Clone, Default)]
struct Last {
    /// The folder it built into: the one served.
    out: PathBuf,
    /// Signed with a throwaway key and url secret (the site has none of its own yet).
    throwaway: bool,
    /// Its error, when it failed.
    error: Option<String>,
}

impl Preview {
    fn last(&self) -> std::sync::MutexGuard<'_, Last> {
        self.last.lock().unwrap_or_else(|e| e.into_inner())
    }
}

fn rebuild(root: &Path, date: Option<time::Date>, preview: &Preview) {
    let built = certsite::cmd::preview(root, date);
    let first = preview.generation.load(Ordering::SeqCst) == 0;
    let mut last = preview.last();
    if built.throwaway && (first || !last.throwaway) {
        let state = certsite::state::State::new(root);
        let missing: Vec<String> = [certsite::cmd::key_path(root, None).0, state.url_secret_path()]
            .iter()
            .filter(|p| !p.exists())
            .map(|p| p.display().to_string())
            .collect();
        let missing = if missing.is_empty() { tr!("serve-secrets") } else { missing.join(&tr!("serve-or")) };
        eprintln!("{}", tr!("serve-throwaway", missing = missing, dir = state.preview().dir().display().to_string()));
    } else if !built.throwaway && !first && last.throwaway {
        eprintln!("{}", tr!("serve-real-secrets"));
    }
    match built.result {
        Ok(()) if last.error.is_some() => eprintln!("{}", tr!("serve-fixed")),
        Ok(()) => {}
        Err(_) => eprintln!("{}", tr!("serve-error-shown")),
    }
    *last = Last { out: built.out, throwaway: built.throwaway, error: built.result.err().map(|f| f.1) };
    preview.generation.fetch_add(1, Ordering::SeqCst);
}

/// Runs until interrupted. Returns an exit code only when it cannot start.
pub fn serve(root: &Path, port: u16, date: Option<time::Date>) -> u8 {
    let preview = Arc::new(Preview { generation: AtomicU64::new(0), last: Mutex::new(Last::default()) });
    let server = match tiny_http::Server::http(("127.0.0.1", port)) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{}", tr!("serve-cannot-listen", port = port, why = e.to_string()));
            return certsite::cmd::USAGE;
        }
    };
    rebuild(root, date, &preview);
    // Reading the sources during a build raises access events: only changes count.
    let is_change = |e: &notify::Result<notify::Event>| {
        e.as_ref().is_ok_and(|e| matches!(e.kind, EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_)))
    };
    let (tx, rx) = std::sync::mpsc::channel();
    let sources = {
        let tx = tx.clone();
        notify::recommended_watcher(move |e: notify::Result<notify::Event>| {
            if is_change(&e) {
                let _ = tx.send(());
            }
        })
    };
    // `.certsite/` itself, for the site's secrets only (a build writes other files there, and
    // the preview's output is below): `certsite build` making them ends the throwaway preview.
    let state = certsite::state::State::new(root);
    let secrets: Vec<std::ffi::OsString> =
        [state.default_key(), state.url_secret_path()].iter().filter_map(|p| p.file_name()).map(ToOwned::to_owned).collect();
    let secrets = notify::recommended_watcher(move |e: notify::Result<notify::Event>| {
        let named = e.as_ref().is_ok_and(|e| e.paths.iter().any(|p| p.file_name().is_some_and(|n| secrets.iter().any(|s| s == n))));
        if named && is_change(&e) {
            let _ = tx.send(());
        }
    });
    let (mut sources, mut secrets) = match (sources, secrets) {
        (Ok(sources), Ok(secrets)) => (sources, secrets),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("{}", tr!("serve-cannot-watch", why = e.to_string()));
            return certsite::cmd::DATA_ERROR;
        }
    };
    for dir in ["data", "content", "templates"] {
        let _ = sources.watch(&root.join(dir), RecursiveMode::Recursive);
    }
    let _ = secrets.watch(state.dir(), RecursiveMode::NonRecursive);
    {
        let (root, preview) = (root.to_owned(), preview.clone());
        std::thread::spawn(move || {
            while rx.recv().is_ok() {
                // Let a burst of saves settle, then build once.
                while rx.recv_timeout(Duration::from_millis(200)).is_ok() {}
                rebuild(&root, date, &preview);
            }
        });
    }
    let config = certsite::config::Config::load(root, &mut certsite::diag::Problems::new());
    let routes = config.as_ref().map(|c| certsite::routes::Routes::new(c, certsite::sign::did::did_web(&c.url).document_path));
    let base_path = routes.as_ref().map(|r| r.base_path().to_owned()).unwrap_or_default();
    let base_url = routes.as_ref().map(|r| r.base_url().to_owned()).unwrap_or_default();
    eprintln!("{}", tr!("serve-serving", address = format!("http://127.0.0.1:{port}{base_path}/")));
    let site = Served { base_path, base_url, port };
    for request in server.incoming_requests() {
        let url = request.url().split(['?', '#']).next().unwrap_or_default().to_owned();
        // One Host header, or none counted (refused).
        let mut hosts = request.headers().iter().filter(|h| h.field.equiv("Host")).map(|h| h.value.as_str());
        let host = match (hosts.next(), hosts.next()) {
            (Some(host), None) => Some(host.to_owned()),
            _ => None,
        };
        let response = site.respond(&url, host.as_deref(), &preview);
        let _ = request.respond(response);
    }
    certsite::cmd::OK
}

/// Where the site lives.
struct Served {
    /// The path of `base_url` (`""` or `/portal`): the preview serves the site there too.
    base_path: String,
    /// The production address, rewritten to the preview's in served HTML.
    base_url: String,
    port: u16,
}

fn header(k: &str, v: &str) -> tiny_http::Header {
    tiny_http::Header::from_bytes(k.as_bytes(), v.as_bytes()).expect("static header")
}

impl Served {
    /// The answer to `GET url` (the request target without its query or fragment) sent with
    /// `Host: host`.
    fn respond(&self, url: &str, host: Option<&str>, preview: &Preview) -> tiny_http::Response<std::io::Cursor<Vec<u8>>> {
        if !host.is_some_and(is_local_host) {
            return tiny_http::Response::from_string("certsite serve answers only to Host 127.0.0.1, localhost or [::1]\n")
                .with_status_code(421);
        }
        match url {
            "/__certsite/build" => return tiny_http::Response::from_string(preview.generation.load(Ordering::SeqCst).to_string()),
            "/__certsite/reload.js" => {
                return tiny_http::Response::from_string(RELOAD_JS).with_header(header("Content-Type", "text/javascript"))
            }
            "/__certsite/overlay.css" => {
                return tiny_http::Response::from_string(OVERLAY_CSS).with_header(header("Content-Type", "text/css"))
            }
            _ => {}
        }
        let Some(rel) = request_path(url, &self.base_path) else {
            return tiny_http::Response::from_string("bad path\n").with_status_code(400);
        };
        let Last { out, throwaway, error } = preview.last().clone();
        let (status, path) = match inside(&out, &rel) {
            Some(path) => (200, Some(path)),
            None => (404, inside(&out, Path::new("404.html"))),
        };
        let bytes = path.as_deref().and_then(|path| std::fs::read(path).ok());
        let (mut bytes, kind) = match (bytes, path) {
            (Some(bytes), Some(path)) => (bytes, content_type(&path)),
            // Nothing built yet (the first build failed): a blank page to carry the error.
            _ if error.is_some() => (blank().into_bytes(), "text/html; charset=utf-8"),
            _ => (Vec::new(), "text/plain; charset=utf-8"),
        };
        if kind.starts_with("text/html") {
            let text = String::from_utf8_lossy(&bytes);
            let text = links_to_preview(&text, &self.base_url, &format!("http://{}{}", local_host(host, self.port), self.base_path));
            let text = with_boxes(&text, throwaway, error.as_deref());
            bytes = text.replacen("</body>", "<script src=\"/__certsite/reload.js\"></script></body>", 1).into_bytes();
        }
        tiny_http::Response::from_data(bytes)
            .with_status_code(status)
            .with_header(header("Content-Type", kind))
            .with_header(header("Content-Security-Policy", certsite::render::hosting::CSP))
            .with_header(header("Cache-Control", "no-store"))
    }
}

/// Whether a `Host` header names this machine as the preview's address does: `127.0.0.1`,
/// `localhost` (any case) or `[::1]`, alone or with a port (`:` and 1 to 5 digits).
fn is_local_host(host: &str) -> bool {
    let host = host.trim_matches([' ', '\t']);
    let name_end = match host.strip_prefix('[') {
        Some(rest) => rest.find(']').map_or(host.len(), |i| i + 2),
        None => host.find(':').unwrap_or(host.len()),
    };
    let (name, port) = host.split_at(name_end);
    let port_ok =
        port.is_empty() || port.strip_prefix(':').is_some_and(|p| (1..=5).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()));
    port_ok && (name == "127.0.0.1" || name == "[::1]" || name.eq_ignore_ascii_case("localhost"))
}

/// The path, relative to the preview folder, that a request target (`/c/X/`, `/portal/c/X/`
/// when `base_path` is `/portal`; without query or fragment) names; `None` when the target is
/// not one the preview serves. The target must start with `/`; each segment between slashes is
/// percent-decoded once and must then be a plain file name: not empty (`//`; a slash at the
/// end names a folder), not `.` or `..`, UTF-8, without `/` (`%2F`), `\` or NUL, not starting
/// with a drive (`C:`). The path may still lead out through a symbolic link: see [`inside`].
fn request_path(target: &str, base_path: &str) -> Option<PathBuf> {
    if !target.starts_with('/') {
        return None;
    }
    let path = match target.strip_prefix(base_path) {
        Some("") if !base_path.is_empty() => "/",
        Some(rest) if !base_path.is_empty() && rest.starts_with('/') => rest,
        _ => target,
    };
    let mut segments: Vec<&str> = path[1..].split('/').collect();
    if segments.last() == Some(&"") {
        segments.pop();
    }
    let mut rel = PathBuf::new();
    for raw in segments {
        let segment = percent_decode_str(raw).decode_utf8().ok()?;
        if !is_file_name(&segment) {
            return None;
        }
        rel.push(&*segment);
    }
    Some(rel)
}

/// Whether a decoded path segment is a plain file name, on this system and on Windows.
fn is_file_name(segment: &str) -> bool {
    let bytes = segment.as_bytes();
    let drive = bytes.len() >= 2 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':';
    let mut parts = Path::new(segment).components();
    let plain = matches!(parts.next(), Some(std::path::Component::Normal(name)) if name == segment) && parts.next().is_none();
    plain && !drive && segment != "." && segment != ".." && !segment.contains(['/', '\\', '\0'])
}

/// The file `rel` names in the folder `out` (a folder: its `index.html`), resolved (symbolic
/// links followed), when it exists and is still inside `out`, resolved too.
fn inside(out: &Path, rel: &Path) -> Option<PathBuf> {
    let out = out.canonicalize().ok()?;
    let mut path = out.join(rel).canonicalize().ok()?;
    if path.is_dir() {
        path = path.join("index.html").canonicalize().ok()?;
    }
    (path.starts_with(&out) && path.is_file()).then_some(path)
}

/// The page served before anything was built (the error box says why).
fn blank() -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title></head><body><main><p>{}</p></main></body></html>\n",
        messages::lang().code(),
        certsite::render::templates::escape_html(&tr!("serve-blank-title")),
        certsite::render::templates::escape_html(&tr!("serve-blank"))
    )
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css",
        Some("js") => "text/javascript",
        Some("json") => "application/json",
        Some("svg") => "image/svg+xml",
        Some("xml") => "application/xml",
        Some("png") => "image/png",
        Some("webmanifest") => "application/manifest+json",
        Some("jsonld") => "application/ld+json",
        _ => "text/plain; charset=utf-8",
    }
}

/// The host the browser asked for (`127.0.0.1:8080`, `localhost:8080`), when it is a plain
/// host name or address with a port; else `127.0.0.1:<port>`.
fn local_host(host: Option<&str>, port: u16) -> String {
    match host {
        Some(h) if !h.is_empty() && h.chars().all(|c| c.is_ascii_alphanumeric() || ".:-[]".contains(c)) => h.to_owned(),
        _ => format!("127.0.0.1:{port}"),
    }
}

/// `html` with every `href`, `src` or `action` that starts with `base_url` (then ends, or goes
/// on with `/`, `?` or `#`) starting with `local` instead.
fn links_to_preview(html: &str, base_url: &str, local: &str) -> String {
    if base_url.is_empty() {
        return html.to_owned();
    }
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find(base_url) {
        let (before, after) = rest.split_at(i);
        let tail = &after[base_url.len()..];
        let in_link = ["href=\"", "src=\"", "action=\""].iter().any(|a| before.ends_with(a));
        let ends = tail.chars().next().is_none_or(|c| matches!(c, '/' | '?' | '#' | '"'));
        out.push_str(before);
        out.push_str(if in_link && ends { local } else { base_url });
        rest = tail;
    }
    out.push_str(rest);
    out
}

/// `html` with what the preview says about itself at the top of the body, and the stylesheet
/// that places it: the throwaway banner when `throwaway`, the build error (escaped) when there
/// is one; unchanged when neither.
fn with_boxes(html: &str, throwaway: bool, error: Option<&str>) -> String {
    let mut boxes = String::new();
    if throwaway {
        boxes.push_str(&format!(
            "<div class=\"certsite-preview-throwaway\" role=\"note\" data-preview-throwaway><p lang=\"az\">{}</p><p lang=\"en\">{}</p></div>",
            with_code(&messages::text_in(messages::Lang::Az, "serve-banner", &[])),
            with_code(&messages::text_in(messages::Lang::En, "serve-banner", &[]))
        ));
    }
    if let Some(error) = error {
        let escaped = certsite::render::templates::escape_html(error);
        let escape = certsite::render::templates::escape_html;
        boxes.push_str(&format!(
            "<div class=\"certsite-build-error\" role=\"alert\" lang=\"{}\" data-build-error><strong>{}</strong> {}<pre>{escaped}</pre></div>",
            messages::lang().code(),
            escape(&tr!("serve-error-box.title")),
            escape(&tr!("serve-error-box"))
        ));
    }
    if boxes.is_empty() {
        return html.to_owned();
    }
    let html = html.replacen("</head>", "<link rel=\"stylesheet\" href=\"/__certsite/overlay.css\"></head>", 1);
    match html.find("<body").and_then(|i| html[i..].find('>').map(|j| i + j + 1)) {
        Some(at) => format!("{}{boxes}{}", &html[..at], &html[at..]),
        None => format!("{boxes}{html}"),
    }
}

/// `text` HTML-escaped, each part between backticks in `<code>`.
fn with_code(text: &str) -> String {
    let escaped = certsite::render::templates::escape_html(text);
    let mut out = String::with_capacity(escaped.len() + 32);
    for (i, part) in escaped.split('`').enumerate() {
        if i % 2 == 1 {
            out.push_str(&format!("<code>{part}</code>"));
        } else {
            out.push_str(part);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_links_to_the_site_itself_are_rewritten() {
        let html = r#"<a href="https://ex.org/c/X/">x</a> <a href="https://ex.org.evil/">e</a> <img src="https://ex.org"> <p>https://ex.org/c/X/</p> <form action="https://ex.org/verify/">"#;
        assert_eq!(
            links_to_preview(html, "https://ex.org", "http://127.0.0.1:1/p"),
            r#"<a href="http://127.0.0.1:1/p/c/X/">x</a> <a href="https://ex.org.evil/">e</a> <img src="http://127.0.0.1:1/p"> <p>https://ex.org/c/X/</p> <form action="http://127.0.0.1:1/p/verify/">"#
        );
        assert_eq!(local_host(Some("localhost:8080"), 1), "localhost:8080");
        assert_eq!(local_host(Some("x\"><script>"), 9), "127.0.0.1:9");
    }

    #[test]
    fn the_error_is_escaped_and_needs_no_inline_style_or_script() {
        let page = "<html><head><title>t</title></head><body class=\"x\"><main>m</main></body></html>";
        let shown = with_boxes(page, false, Some("bad <script>alert(1)</script> & \"q\""));
        assert!(shown.contains("<body class=\"x\"><div class=\"certsite-build-error\""), "{shown}");
        assert!(shown.contains("bad &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;"), "{shown}");
        assert!(!shown.contains("<script>") && !shown.contains("style="), "{shown}");
        assert!(shown.contains("<link rel=\"stylesheet\" href=\"/__certsite/overlay.css\"></head>"));
        assert!(!shown.contains("data-preview-throwaway"));
        assert_eq!(with_boxes(page, false, None), page);
    }

    #[test]
    fn the_throwaway_banner_comes_in_both_languages_before_the_error_without_inline_style() {
        let page = "<html lang=\"az\"><head><title>t</title></head><body><main>m</main></body></html>";
        let shown = with_boxes(page, true, None);
        assert!(
            shown.contains("<body><div class=\"certsite-preview-throwaway\" role=\"note\" data-preview-throwaway><p lang=\"az\">Önizləmə:"),
            "{shown}"
        );
        assert!(
            shown.contains("<p lang=\"en\">Preview: throwaway signing key and URL secret — only <code>certsite build</code> creates"),
            "{shown}"
        );
        assert!(!shown.contains('`') && !shown.contains("style=") && !shown.contains("<script"), "{shown}");
        assert_eq!(shown.matches("/__certsite/overlay.css").count(), 1);
        let both = with_boxes(page, true, Some("e"));
        let (banner, error) = (both.find("data-preview-throwaway").unwrap(), both.find("data-build-error").unwrap());
        assert!(banner < error, "{both}");
        assert_eq!(both.matches("/__certsite/overlay.css").count(), 1, "one stylesheet for both");
        // In the flow at the top of the page: it covers nothing of the site.
        let rule = OVERLAY_CSS.lines().find(|r| r.starts_with(".certsite-preview-throwaway{")).unwrap();
        assert!(!rule.contains("fixed") && !rule.contains("absolute"), "{rule}");
        assert_eq!(with_code("a `b` <c>"), "a <code>b</code> &lt;c&gt;");
    }

    #[test]
    fn only_local_host_names_are_answered() {
        for host in ["127.0.0.1", "127.0.0.1:8080", "localhost", "LocalHost:1", "localhost:65535", "[::1]", "[::1]:8080", " localhost:80 "]
        {
            assert!(is_local_host(host), "{host}");
        }
        for host in [
            "",
            "evil.example",
            "127.0.0.1.evil.example",
            "localhost.evil.example:8080",
            "localhost.",
            "evil.example:8080",
            "localhost:",
            "localhost:8080x",
            "localhost:123456",
            "localhost:8080:80",
            "127.0.0.2",
            "0.0.0.0:8080",
            "::1",
            "[::1",
            "[::1]x",
            "[::2]:8080",
            "[::1]:",
            "localhost@evil.example",
        ] {
            assert!(!is_local_host(host), "{host}");
        }
    }

    #[test]
    fn a_request_path_is_plain_file_names_under_the_preview() {
        let ok = |target: &str, base: &str| request_path(target, base).map(|p| p.to_string_lossy().into_owned());
        assert_eq!(ok("/", "").as_deref(), Some(""));
        assert_eq!(ok("/notices/", "").as_deref(), Some("notices"));
        assert_eq!(ok("/c/T-0001/credential.json", "").as_deref(), Some("c/T-0001/credential.json"));
        assert_eq!(ok("/a%20b/%C9%99.html", "").as_deref(), Some("a b/ə.html"));
        // Decoded once: `%252e` is a file named `%2e`.
        assert_eq!(ok("/%252e%252e/x", "").as_deref(), Some("%2e%2e/x"));
        assert_eq!(ok("/...", "").as_deref(), Some("..."));
        // base_path is a prefix when a whole segment.
        assert_eq!(ok("/portal/c/X/", "/portal").as_deref(), Some("c/X"));
        assert_eq!(ok("/portal", "/portal").as_deref(), Some(""));
        assert_eq!(ok("/c/X/", "/portal").as_deref(), Some("c/X"));
        assert_eq!(ok("/portalx/a", "/portal").as_deref(), Some("portalx/a"));
        for target in [
            "",
            "*",
            "etc/passwd",
            "http://127.0.0.1/",
            "/%2Fetc%2Fpasswd",
            "/%2fetc/passwd",
            "/a%2F..%2F..%2Fb",
            "//etc/passwd",
            "/notices//",
            "/a//b",
            "/..",
            "/../..",
            "/a/../../.certsite/signing.key",
            "/%2e%2e/%2e%2e/etc/passwd",
            "/.%2E/x",
            "/.",
            "/./index.html",
            "/%2e",
            "/..%5C..%5Csigning.key",
            "/..\\..\\signing.key",
            "/a\\b",
            "/index.html%00",
            "/%00",
            "/C:/Windows/win.ini",
            "/c%3A/Windows",
            "/C:",
            "/%ff",
            "/portal/../x",
            "/portal//x",
        ] {
            assert_eq!(request_path(target, "/portal"), None, "{target}");
            assert_eq!(request_path(target, ""), None, "{target}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_out_of_the_preview_is_not_followed() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("serve");
        std::fs::create_dir_all(out.join("notices")).unwrap();
        std::fs::write(out.join("notices/index.html"), "n").unwrap();
        std::fs::write(out.join("a.css"), "a").unwrap();
        std::fs::write(root.path().join("secret.txt"), "s").unwrap();
        std::fs::create_dir(root.path().join("elsewhere")).unwrap();
        std::fs::write(root.path().join("elsewhere/index.html"), "e").unwrap();
        std::os::unix::fs::symlink(root.path().join("secret.txt"), out.join("leak.txt")).unwrap();
        std::os::unix::fs::symlink(root.path().join("elsewhere"), out.join("away")).unwrap();
        std::os::unix::fs::symlink(root.path().join("secret.txt"), out.join("notices/index.html.lnk")).unwrap();
        std::os::unix::fs::symlink("a.css", out.join("b.css")).unwrap();
        let real = out.canonicalize().unwrap();
        assert_eq!(inside(&out, Path::new("notices")), Some(real.join("notices/index.html")));
        assert_eq!(inside(&out, Path::new("")), None, "no index.html at the top");
        // A link that stays inside is followed.
        assert_eq!(inside(&out, Path::new("b.css")), Some(real.join("a.css")));
        for rel in ["leak.txt", "away", "away/index.html", "notices/index.html.lnk", "../secret.txt", "missing"] {
            assert_eq!(inside(&out, Path::new(rel)), None, "{rel}");
        }
        // An absolute path joined would replace the folder; request_path never makes one.
        assert_eq!(inside(&out, &root.path().join("secret.txt")), None);
    }
}

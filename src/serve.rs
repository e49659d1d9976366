//! `certsite serve`: a local preview (DESIGN §2). Builds into `.certsite/serve/`, serves it on
//! 127.0.0.1 with a small HTTP server, rebuilds when `data/`, `content/` or `templates/`
//! change, and reloads open pages: served HTML gets one extra script that polls the build
//! number. The library knows no HTTP; this module lives in the binary only.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use notify::{EventKind, RecursiveMode, Watcher};

const RELOAD_JS: &str = "(function(){var v=null;setInterval(function(){fetch('/__certsite/build').then(function(r){return r.text()}).then(function(t){if(v!==null&&t!==v)location.reload();v=t}).catch(function(){})},1000)})();";

fn rebuild(root: &Path, out: &Path, generation: &AtomicU64) {
    let date = certsite::cmd::build_date(None).unwrap_or(time::OffsetDateTime::now_utc().date());
    let args = certsite::cmd::BuildArgs {
        root: root.to_owned(),
        out: Some(out.to_owned()),
        key: None,
        date,
        clean: false,
        quiet: true,
        timings: false,
        wait: true,
    };
    if certsite::cmd::build(&args) == certsite::cmd::OK {
        generation.fetch_add(1, Ordering::SeqCst);
    }
}

/// Runs until interrupted. Returns an exit code only when it cannot start.
pub fn serve(root: &Path, port: u16) -> u8 {
    let out = root.join(".certsite/serve");
    let generation = Arc::new(AtomicU64::new(0));
    rebuild(root, &out, &generation);
    let server = match tiny_http::Server::http(("127.0.0.1", port)) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: cannot listen on 127.0.0.1:{port}: {e}");
            return certsite::cmd::USAGE;
        }
    };
    let (tx, rx) = std::sync::mpsc::channel();
    let mut watcher = match notify::recommended_watcher(tx) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("error: cannot watch files: {e}");
            return certsite::cmd::DATA_ERROR;
        }
    };
    for dir in ["data", "content", "templates"] {
        let _ = watcher.watch(&root.join(dir), RecursiveMode::Recursive);
    }
    {
        let (root, out, generation) = (root.to_owned(), out.clone(), generation.clone());
        std::thread::spawn(move || {
            // Reading the sources during a build raises access events: only changes count.
            let is_change = |e: &notify::Result<notify::Event>| {
                e.as_ref().is_ok_and(|e| matches!(e.kind, EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_)))
            };
            while let Ok(event) = rx.recv() {
                if !is_change(&event) {
                    continue;
                }
                // Let a burst of saves settle, then build once.
                while rx.recv_timeout(Duration::from_millis(200)).is_ok() {}
                rebuild(&root, &out, &generation);
            }
        });
    }
    let base_path = certsite::config::Config::load(root, &mut certsite::diag::Problems::new())
        .map(|c| c.url.path().trim_end_matches('/').to_owned())
        .unwrap_or_default();
    eprintln!("serving http://127.0.0.1:{port}{base_path}/ (Ctrl-C to stop)");
    for request in server.incoming_requests() {
        let url = request.url().split(['?', '#']).next().unwrap_or("/").to_owned();
        let response = respond(&out, &base_path, &url, &generation);
        let _ = request.respond(response);
    }
    certsite::cmd::OK
}

fn respond(out: &Path, base_path: &str, url: &str, generation: &AtomicU64) -> tiny_http::Response<std::io::Cursor<Vec<u8>>> {
    let header = |k: &str, v: &str| tiny_http::Header::from_bytes(k.as_bytes(), v.as_bytes()).expect("static header");
    match url {
        "/__certsite/build" => return tiny_http::Response::from_string(generation.load(Ordering::SeqCst).to_string()),
        "/__certsite/reload.js" => {
            return tiny_http::Response::from_string(RELOAD_JS).with_header(header("Content-Type", "text/javascript"))
        }
        _ => {}
    }
    let rel = url.strip_prefix(base_path).unwrap_or(url).trim_start_matches('/');
    let rel = percent_decode(rel);
    if rel.split('/').any(|s| s == "..") {
        return tiny_http::Response::from_string("bad path").with_status_code(400);
    }
    let mut path: PathBuf = out.join(&rel);
    if path.is_dir() {
        path = path.join("index.html");
    }
    let (status, path) = if path.is_file() { (200, path) } else { (404, out.join("404.html")) };
    let mut bytes = std::fs::read(&path).unwrap_or_default();
    let kind = match path.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css",
        Some("js") => "text/javascript",
        Some("json") => "application/json",
        Some("svg") => "image/svg+xml",
        Some("xml") => "application/xml",
        _ => "text/plain; charset=utf-8",
    };
    if kind.starts_with("text/html") {
        let text = String::from_utf8_lossy(&bytes).replace("</body>", "<script src=\"/__certsite/reload.js\"></script></body>");
        bytes = text.into_bytes();
    }
    tiny_http::Response::from_data(bytes).with_status_code(status).with_header(header("Content-Type", kind))
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(b) = u8::from_str_radix(std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("zz"), 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

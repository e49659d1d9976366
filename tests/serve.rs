//! `certsite serve` (DESIGN §2): the preview of a fixture site, fetched over HTTP from a free
//! port. A failed build shows its error (escaped) on every page and on the terminal until it
//! is fixed, without inline script or style; `--build-date` previews another day; links to
//! `base_url` stay in the preview, while the built files keep them.

mod common;

use common::*;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running `certsite serve`, stopped when dropped.
struct Server {
    child: Child,
    port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

fn start(root: &Path, extra: &[&str], log: &Path) -> Server {
    let port = free_port();
    let child = Command::new(env!("CARGO_BIN_EXE_certsite"))
        .args(["serve", "--port", &port.to_string()])
        .args(extra)
        .current_dir(root)
        .env_remove("CERTSITE_KEY")
        .env_remove("SOURCE_DATE_EPOCH")
        .stdout(Stdio::null())
        .stderr(Stdio::from(std::fs::File::create(log).unwrap()))
        .spawn()
        .unwrap();
    let server = Server { child, port };
    wait_for(&server, 1);
    server
}

/// `GET path`: (status line and headers, body).
fn get(server: &Server, path: &str) -> Option<(String, String)> {
    let mut stream = TcpStream::connect(("127.0.0.1", server.port)).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(30))).ok()?;
    write!(stream, "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nConnection: close\r\n\r\n", server.port).ok()?;
    let mut bytes = Vec::new();
    stream.read_to_end(&mut bytes).ok()?;
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let (head, body) = text.split_once("\r\n\r\n")?;
    Some((head.to_owned(), body.to_owned()))
}

/// Waits until the preview has finished `builds` builds.
fn wait_for(server: &Server, builds: u64) {
    let start = Instant::now();
    loop {
        if let Some((_, body)) = get(server, "/__certsite/build") {
            if body.trim().parse::<u64>().is_ok_and(|n| n >= builds) {
                return;
            }
        }
        assert!(start.elapsed() < Duration::from_secs(120), "the preview did not finish build {builds}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn a_failed_build_shows_on_every_page_until_it_is_fixed() {
    let site = fixture("minimal");
    let log = site.path().join("serve.log");
    let server = start(site.path(), &["--build-date", "2026-11-23"], &log);
    let (head, page) = get(&server, "/notices/").unwrap();
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    assert!(!page.contains("data-build-error"), "no error yet");

    let decisions = site.path().join("data/decisions.csv");
    let good = std::fs::read_to_string(&decisions).unwrap();
    std::fs::write(&decisions, format!("{good}D-9,T-0001,suspend,2026-05-01,,,<b>&x,Səbəb.,,\n")).unwrap();
    wait_for(&server, 2);
    for path in ["/", "/notices/", "/notices/D-1/", "/no-such-page/"] {
        let (head, page) = get(&server, path).unwrap();
        assert!(page.contains("data-build-error"), "{path} shows the error:\n{page}");
        assert!(page.contains("data/decisions.csv:"), "{path} names the file:\n{page}");
        assert!(page.contains("&lt;b&gt;&amp;x"), "{path}: the value, escaped:\n{page}");
        assert!(!page.contains("<b>&x"), "{path}: never raw");
        // The site's strict CSP holds: no inline script or style in what the preview adds.
        assert!(head.contains("Content-Security-Policy: default-src 'none'; script-src 'self'; style-src 'self'"), "{head}");
        assert!(!page.contains(" style=\""), "{path}");
        for script in page.split("<script").skip(1) {
            assert!(script.trim_start().starts_with("src="), "{path}: an inline script: {script}");
        }
        assert!(page.contains(r#"<link rel="stylesheet" href="/__certsite/overlay.css">"#), "{path}");
    }
    let (head, css) = get(&server, "/__certsite/overlay.css").unwrap();
    assert!(head.contains("text/css") && css.contains(".certsite-build-error"), "{head}");
    // The same text on the terminal.
    let terminal = std::fs::read_to_string(&log).unwrap();
    assert!(terminal.contains("data/decisions.csv:4:33: ground \"<b>&x\" is not known") && terminal.contains("<b>&x"), "{terminal}");

    std::fs::write(&decisions, &good).unwrap();
    wait_for(&server, 3);
    let (_, page) = get(&server, "/notices/").unwrap();
    assert!(!page.contains("data-build-error"), "the error goes with the fix:\n{page}");
    assert!(page.contains("data-notice=\"D-1\""));
}

#[test]
fn the_first_build_failing_still_shows_the_error() {
    let site = fixture("minimal");
    std::fs::write(
        site.path().join("data/decisions.csv"),
        "id,certificate,action,decided_on,grounds,reason\nD-1,T-9999,suspend,2026-01-01,reputation,x\n",
    )
    .unwrap();
    let log = site.path().join("serve.log");
    let server = start(site.path(), &[], &log);
    let (head, page) = get(&server, "/").unwrap();
    assert!(head.contains("text/html"), "{head}");
    assert!(page.contains("data-build-error") && page.contains("T-9999"), "{page}");
}

#[test]
fn build_date_previews_another_day_and_links_stay_in_the_preview() {
    let site = fixture("minimal");
    // A renewal of T-0001: its page links to T-0001's, absolutely (base_url).
    let certificates = site.path().join("data/certificates.csv");
    let mut csv = std::fs::read_to_string(&certificates).unwrap();
    csv.push_str("T-0007,Əliyeva,Şəbnəm,,Mühasib,,,2026-01-01,2029-01-01,T-0001,,,,,,\n");
    std::fs::write(&certificates, csv).unwrap();
    let log = site.path().join("serve.log");
    // D-1 is decided on 2026-03-01, D-2 on 2026-04-01.
    let server = start(site.path(), &["--build-date", "2026-03-15"], &log);
    let (_, list) = get(&server, "/notices/").unwrap();
    assert!(list.contains("data-notice=\"D-1\""), "{list}");
    assert!(!list.contains("data-notice=\"D-2\""), "D-2 is not published on 2026-03-15:\n{list}");

    let built = site.path().join(".certsite/serve");
    let pages = pages_by_number(&built);
    let code = &pages["T-0007"];
    let on_disk = std::fs::read_to_string(built.join("c").join(code).join("index.html")).unwrap();
    let production = format!("href=\"https://cert.example.org/c/{}/\"", pages["T-0001"]);
    assert!(on_disk.contains(&production), "the build keeps base_url: {on_disk}");
    let (_, served) = get(&server, &format!("/c/{code}/")).unwrap();
    let local = format!("href=\"http://127.0.0.1:{}/c/{}/\"", server.port, pages["T-0001"]);
    assert!(served.contains(&local), "served with the preview's address:\n{served}");
    assert!(!served.contains("href=\"https://cert.example.org"), "no link leaves the preview:\n{served}");
    // JSON is served as built (a credential is signed).
    let credential = std::fs::read_to_string(built.join("c").join(code).join("credential.json")).unwrap();
    let (_, served) = get(&server, &format!("/c/{code}/credential.json")).unwrap();
    assert_eq!(served, credential);
}

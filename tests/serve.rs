//! `certsite serve` (DESIGN §2): the preview of a fixture site, fetched over HTTP from a free
//! port. A failed build shows its error (escaped) on every page and on the terminal until it
//! is fixed, without inline script or style; `--build-date` previews another day; links to
//! `base_url` stay in the preview, while the built files keep them. It answers only requests
//! addressed to this machine by name (`Host`), and serves no file outside its preview folder.

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
    let (head, body) = get_as(server, path, &format!("127.0.0.1:{}", server.port))?;
    Some((head, String::from_utf8_lossy(&body).into_owned()))
}

/// `GET target` with `Host: host`, the target sent as it is.
fn get_as(server: &Server, target: &str, host: &str) -> Option<(String, Vec<u8>)> {
    raw(server, format!("GET {target} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n").as_bytes())
}

/// Sends `request` byte for byte: (status line and headers, body).
fn raw(server: &Server, request: &[u8]) -> Option<(String, Vec<u8>)> {
    let mut stream = TcpStream::connect(("127.0.0.1", server.port)).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(30))).ok()?;
    stream.write_all(request).ok()?;
    let mut bytes = Vec::new();
    stream.read_to_end(&mut bytes).ok()?;
    let end = bytes.windows(4).position(|w| w == b"\r\n\r\n")?;
    Some((String::from_utf8_lossy(&bytes[..end]).into_owned(), bytes[end + 4..].to_vec()))
}

/// The status code of a response head.
fn status(head: &str) -> u16 {
    head.split(' ').nth(1).and_then(|code| code.parse().ok()).unwrap_or(0)
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

#[test]
fn only_the_preview_is_served_and_only_to_this_machine() {
    let site = fixture("minimal");
    let root = site.path().to_str().unwrap().to_owned();
    let secret = "certsite-serve-secret-5e1f0c";
    std::fs::write(site.path().join("secret.txt"), format!("{secret}\n")).unwrap();
    let log = site.path().join("serve.log");
    let server = start(site.path(), &["--build-date", "2026-11-23"], &log);
    let port = server.port;
    let key = std::fs::read_to_string(site.path().join(".certsite/signing.key")).unwrap();
    let url_secret = std::fs::read_to_string(site.path().join(".certsite/url.secret")).unwrap();
    let passwd = std::fs::read_to_string("/etc/passwd").ok().and_then(|p| p.lines().next().map(str::to_owned));
    let mut needles = vec![secret.to_owned(), key.trim().to_owned(), url_secret.trim().to_owned()];
    needles.extend(passwd.filter(|line| !line.is_empty()));
    // Links placed in the preview folder, to a file and to a folder outside it.
    #[cfg(unix)]
    {
        let serve = site.path().join(".certsite/serve");
        std::os::unix::fs::symlink(site.path().join("secret.txt"), serve.join("leak.txt")).unwrap();
        std::os::unix::fs::symlink(site.path(), serve.join("away")).unwrap();
        std::os::unix::fs::symlink(site.path().join(".certsite/signing.key"), serve.join("key.txt")).unwrap();
    }
    let encoded = |path: &str| path.bytes().map(|b| format!("%{b:02X}")).collect::<String>();
    let slashes = |path: &str| path.replace('/', "%2F");
    let key_path = format!("{root}/.certsite/signing.key");
    let dots = "/%2e%2e".repeat(12);
    let targets = [
        "/%2Fetc%2Fpasswd".to_owned(),
        "/%2fetc%2fpasswd".to_owned(),
        format!("{dots}/etc/passwd"),
        "/%2e%2e/%2e%2e/secret.txt".to_owned(),
        "/%2E%2E/signing.key".to_owned(),
        "/.%2e/url.secret".to_owned(),
        format!("{}/etc/passwd", "/..".repeat(12)),
        "/../../secret.txt".to_owned(),
        "/../signing.key".to_owned(),
        "/notices/../../signing.key".to_owned(),
        "/../serve/../signing.key".to_owned(),
        "/./../signing.key".to_owned(),
        "//etc/passwd".to_owned(),
        format!("/{root}/secret.txt"),
        "/..%5C..%5Csigning.key".to_owned(),
        "/..%5Csigning.key".to_owned(),
        "/..\\..\\secret.txt".to_owned(),
        "/..\\signing.key".to_owned(),
        format!("{root}/secret.txt"),
        key_path.clone(),
        format!("/{}", slashes(&key_path)),
        format!("/{}", encoded(&key_path)),
        format!("/{}", slashes(&format!("{root}/secret.txt"))),
        "/secret.txt%00".to_owned(),
        "/%00/../signing.key".to_owned(),
        "/index.html%00.txt".to_owned(),
        "/C:/etc/passwd".to_owned(),
        format!("http://127.0.0.1:{port}/../signing.key"),
        "/leak.txt".to_owned(),
        "/key.txt".to_owned(),
        "/away/secret.txt".to_owned(),
        "/away/.certsite/signing.key".to_owned(),
        "/away/".to_owned(),
    ];
    let leaks = |body: &[u8]| needles.iter().find(|n| body.windows(n.len()).any(|w| w == n.as_bytes())).cloned();
    for target in &targets {
        let (head, body) = get_as(&server, target, &format!("localhost:{port}")).unwrap_or_else(|| panic!("{target}: no answer"));
        assert!([400, 404].contains(&status(&head)), "{target}: {head}");
        assert_eq!(leaks(head.as_bytes()).or(leaks(&body)), None, "{target} leaks");
    }

    // Another name for this machine (DNS rebinding), or none: 421, no page, not even the
    // preview's own files.
    let foreign = ["evil.example".to_owned(), "127.0.0.1.evil.example".to_owned(), format!("localhost.evil.example:{port}")];
    for host in &foreign {
        for target in
            ["/", "/notices/", "/leak.txt", "/%2Fetc%2Fpasswd", "/__certsite/build", "/__certsite/reload.js", "/__certsite/overlay.css"]
        {
            let (head, body) = get_as(&server, target, host).unwrap();
            assert_eq!(status(&head), 421, "{host} {target}: {head}");
            let body = String::from_utf8_lossy(&body);
            assert!(!body.contains("<html") && !body.contains("location.reload") && !body.contains("certsite-build-error"), "{body}");
            assert_eq!(leaks(body.as_bytes()), None, "{host} {target} leaks");
        }
    }
    let (head, _) = raw(&server, b"GET /notices/ HTTP/1.0\r\n\r\n").unwrap();
    assert_eq!(status(&head), 421, "no Host: {head}");
    let twice = format!("GET /notices/ HTTP/1.1\r\nHost: localhost:{port}\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
    let (head, _) = raw(&server, twice.as_bytes()).unwrap();
    assert_eq!(status(&head), 421, "two Hosts: {head}");

    // This machine's names still get the pages, and links to the one they asked.
    for host in [format!("localhost:{port}"), format!("[::1]:{port}"), format!("LocalHost:{port}"), format!("127.0.0.1:{port}")] {
        let (head, page) = get_as(&server, "/notices/", &host).unwrap();
        assert_eq!(status(&head), 200, "{host}: {head}");
        assert!(String::from_utf8_lossy(&page).contains("data-notice=\"D-1\""), "{host}");
        let (head, build) = get_as(&server, "/__certsite/build?x", &host).unwrap();
        assert_eq!(status(&head), 200, "{host}: {head}");
        assert!(String::from_utf8_lossy(&build).trim().parse::<u64>().is_ok());
    }
    for (target, code) in [("/", 200), ("/notices", 200), ("/notices/?a=..%2F..", 200), ("/no-such-page/", 404), ("/%2e%2e-not-dots/", 404)]
    {
        let (head, page) = get_as(&server, target, &format!("localhost:{port}")).unwrap();
        assert_eq!(status(&head), code, "{target}: {head}");
        assert!(String::from_utf8_lossy(&page).contains("/__certsite/reload.js"), "{target}: an HTML page");
    }
}

//! `certsite serve` (DESIGN §2): the preview of a fixture site, fetched over HTTP from a free
//! port. A failed build shows its error (escaped) on every page and on the terminal until it
//! is fixed, without inline script or style; `--build-date` previews another day; links to
//! `base_url` stay in the preview, while the built files keep them. A site never built has no
//! signing key or url secret: the preview signs with throwaway ones of its own, says so on
//! every page and on the terminal, and never makes the site's; once `certsite build` has, the
//! preview uses them. It answers only requests addressed to this machine by name (`Host`), and
//! serves no file outside its preview folder, in either case.

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
        .env("LC_ALL", "C.UTF-8")
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
    assert!(page.contains("<strong>certsite: the last build failed.</strong>") && page.contains("Nothing has been built yet."), "{page}");
    drop(server);
    // In the staff's language: the box, the page and the report in it.
    let server = start(site.path(), &["--lang", "az"], &log);
    let (_, page) = get(&server, "/").unwrap();
    assert!(page.contains("lang=\"az\" data-build-error><strong>certsite: son qurma alınmadı.</strong>"), "{page}");
    assert!(page.contains("Hələ heç nə qurulmayıb."), "{page}");
    assert!(page.contains("T-9999") && !page.contains("is not in data/certificates.csv"), "{page}");
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

    // A fixture site never built: the preview's throwaway output.
    let built = site.path().join(".certsite/preview/serve");
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

/// The site's own state, which only `certsite build` makes.
const REAL_STATE: [&str; 6] = [
    ".certsite/signing.key",
    ".certsite/url.secret",
    ".certsite/keys.txt",
    ".certsite/status-index.csv",
    ".certsite/print",
    ".certsite/serve",
];

/// The Multikeys (`z6Mk…`) a DID document lists.
fn listed_keys(did_json: &Path) -> Vec<String> {
    let document: serde_json::Value = serde_json::from_slice(&std::fs::read(did_json).unwrap()).unwrap();
    document["verificationMethod"].as_array().unwrap().iter().map(|m| m["publicKeyMultibase"].as_str().unwrap().to_owned()).collect()
}

#[test]
fn a_site_never_built_is_previewed_with_throwaway_secrets_and_says_so_until_it_is_built() {
    let site = fixture("minimal");
    assert!(!site.path().join(".certsite").exists());
    let log = site.path().join("serve.log");
    let server = start(site.path(), &["--build-date", "2026-11-23"], &log);
    let served = site.path().join(".certsite/preview/serve");
    let pages = pages_by_number(&served);
    let paths = [
        "/".to_owned(),
        "/notices/".to_owned(),
        "/en/notices/D-1/".to_owned(),
        format!("/c/{}/", pages["T-0001"]),
        "/no-such-page/".to_owned(),
    ];
    for path in &paths {
        let (head, page) = get(&server, path).unwrap();
        assert!(page.contains("data-preview-throwaway"), "{path} shows the banner:\n{page}");
        assert!(page.contains("<p lang=\"az\">Önizləmə: müvəqqəti imza açarı və URL sirri"), "{path}: in Azerbaijani:\n{page}");
        assert!(page.contains("<p lang=\"en\">Preview: throwaway signing key and URL secret"), "{path}: in English:\n{page}");
        assert!(page.contains("only <code>certsite build</code> creates the real ones"), "{path}");
        assert!(page.contains(r#"<link rel="stylesheet" href="/__certsite/overlay.css">"#), "{path}");
        assert!(!page.contains(" style=\""), "{path}: no inline style");
        assert!(head.contains("Content-Security-Policy: default-src 'none'"), "{head}");
    }
    let (_, css) = get(&server, "/__certsite/overlay.css").unwrap();
    assert!(css.contains(".certsite-preview-throwaway{"), "{css}");
    // Injected when served, never written into the files.
    let on_disk = tree(&served);
    assert!(on_disk.values().all(|bytes| !String::from_utf8_lossy(bytes).contains("data-preview-throwaway")));
    let terminal = std::fs::read_to_string(&log).unwrap();
    assert!(
        terminal.contains("preview: this site has no ./.certsite/signing.key or ./.certsite/url.secret yet: the preview signs with a throwaway signing key and URL secret kept in ./.certsite/preview")
            && terminal.contains("only `certsite build` creates the real ones"),
        "{terminal}"
    );
    assert!(!terminal.contains("BACK IT UP"), "no note to back a throwaway key up:\n{terminal}");

    // The site's own secrets and state were not made; the throwaway ones are private, beside the
    // served folder, not in it.
    for rel in REAL_STATE {
        assert!(!site.path().join(rel).exists(), "serve made {rel}");
    }
    let throwaway_key = site.path().join(".certsite/preview/signing.key");
    let throwaway_secret = site.path().join(".certsite/preview/url.secret");
    let mut secrets = Vec::new();
    for file in [&throwaway_key, &throwaway_secret] {
        let mode = std::os::unix::fs::PermissionsExt::mode(&std::fs::metadata(file).unwrap().permissions());
        assert_eq!(mode & 0o777, 0o600, "{}", file.display());
        let real = file.canonicalize().unwrap();
        assert!(!real.starts_with(served.canonicalize().unwrap()), "{} is served", file.display());
        secrets.push(std::fs::read_to_string(file).unwrap().trim().to_owned());
    }
    for (rel, bytes) in &on_disk {
        let text = String::from_utf8_lossy(bytes);
        assert!(secrets.iter().all(|s| !text.contains(s.as_str())), "{rel} holds a secret");
    }
    let throwaway_public = listed_keys(&served.join(".well-known/did.json"));
    assert_eq!(throwaway_public.len(), 1);

    // `certsite build` makes the real ones; the running preview switches to them (no banner),
    // and its throwaway state goes.
    let built = build(site.path(), "2026-11-23");
    assert!(stderr(&built).contains("created a new signing key at ./.certsite/signing.key"), "{}", stderr(&built));
    wait_for(&server, 2);
    for path in &paths {
        let (_, page) = get(&server, path).unwrap();
        assert!(!page.contains("data-preview-throwaway"), "{path}: no banner with the real secrets:\n{page}");
        assert!(page.contains("/__certsite/reload.js"), "{path}: still the preview");
    }
    let real_pages = pages_by_number(&site.path().join("public"));
    let (head, _) = get(&server, &format!("/c/{}/", real_pages["T-0001"])).unwrap();
    assert_eq!(status(&head), 200, "the real page codes: {head}");
    assert!(!site.path().join(".certsite/preview").exists(), "the throwaway state is removed");
    assert_eq!(pages_by_number(&site.path().join(".certsite/serve")), real_pages);
    let terminal = std::fs::read_to_string(&log).unwrap();
    assert!(terminal.contains("preview: the site has its own signing key and URL secret now; the preview uses them"), "{terminal}");
    // The throwaway key was never taken for the site's: did.json and the key ring list only
    // the key the build made.
    let real_public = listed_keys(&site.path().join("public/.well-known/did.json"));
    assert_eq!(real_public.len(), 1);
    assert_ne!(real_public, throwaway_public);
    assert_eq!(listed_keys(&site.path().join(".certsite/serve/.well-known/did.json")), real_public);
    assert_eq!(std::fs::read_to_string(site.path().join(".certsite/keys.txt")).unwrap().trim(), real_public[0]);
    drop(server);

    // A preview started on the built site uses the real ones from the start.
    let key = std::fs::read(site.path().join(".certsite/signing.key")).unwrap();
    let log = site.path().join("serve-2.log");
    let server = start(site.path(), &["--build-date", "2026-11-23"], &log);
    let (_, page) = get(&server, "/").unwrap();
    assert!(!page.contains("data-preview-throwaway"), "{page}");
    assert!(!std::fs::read_to_string(&log).unwrap().contains("throwaway"));
    assert!(!site.path().join(".certsite/preview").exists());
    assert_eq!(std::fs::read(site.path().join(".certsite/signing.key")).unwrap(), key);
}

#[test]
fn only_the_preview_is_served_and_only_to_this_machine() {
    let site = fixture("minimal");
    std::fs::write(site.path().join("secret.txt"), "certsite-serve-secret-5e1f0c\n").unwrap();
    let log = site.path().join("serve.log");
    let server = start(site.path(), &["--build-date", "2026-11-23"], &log);
    // A site never built: the throwaway preview, its key and url secret beside the served folder.
    serves_only_its_folder(&site, &server, ".certsite/preview");
    // Built: the site's own, beside `.certsite/serve/`.
    build(site.path(), "2026-11-23");
    wait_for(&server, 2);
    serves_only_its_folder(&site, &server, ".certsite");
}

/// What `server` answers (the preview of `site`, whose state, signing key and url secret are
/// in `state`, its output in `state/serve`): only the preview's files, only to this machine.
fn serves_only_its_folder(site: &tempfile::TempDir, server: &Server, state: &str) {
    let root = site.path().to_str().unwrap().to_owned();
    let secret = "certsite-serve-secret-5e1f0c";
    let port = server.port;
    let state = site.path().join(state);
    let key = std::fs::read_to_string(state.join("signing.key")).unwrap();
    let url_secret = std::fs::read_to_string(state.join("url.secret")).unwrap();
    let passwd = std::fs::read_to_string("/etc/passwd").ok().and_then(|p| p.lines().next().map(str::to_owned));
    let mut needles = vec![secret.to_owned(), key.trim().to_owned(), url_secret.trim().to_owned()];
    needles.extend(passwd.filter(|line| !line.is_empty()));
    // Links placed in the preview folder, to a file and to a folder outside it.
    #[cfg(unix)]
    {
        let serve = state.join("serve");
        std::os::unix::fs::symlink(site.path().join("secret.txt"), serve.join("leak.txt")).unwrap();
        std::os::unix::fs::symlink(site.path(), serve.join("away")).unwrap();
        std::os::unix::fs::symlink(state.join("signing.key"), serve.join("key.txt")).unwrap();
        std::os::unix::fs::symlink(&state, serve.join("state")).unwrap();
    }
    let encoded = |path: &str| path.bytes().map(|b| format!("%{b:02X}")).collect::<String>();
    let slashes = |path: &str| path.replace('/', "%2F");
    let key_path = state.join("signing.key").to_str().unwrap().to_owned();
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
        "/../../../secret.txt".to_owned(),
        "/../signing.key".to_owned(),
        "/../url.secret".to_owned(),
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
        "/state/signing.key".to_owned(),
        "/state/url.secret".to_owned(),
        "/away/secret.txt".to_owned(),
        "/away/.certsite/signing.key".to_owned(),
        "/away/.certsite/preview/signing.key".to_owned(),
        "/away/".to_owned(),
    ];
    let leaks = |body: &[u8]| needles.iter().find(|n| body.windows(n.len()).any(|w| w == n.as_bytes())).cloned();
    for target in &targets {
        let (head, body) = get_as(server, target, &format!("localhost:{port}")).unwrap_or_else(|| panic!("{target}: no answer"));
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
            let (head, body) = get_as(server, target, host).unwrap();
            assert_eq!(status(&head), 421, "{host} {target}: {head}");
            let body = String::from_utf8_lossy(&body);
            assert!(!body.contains("<html") && !body.contains("location.reload") && !body.contains("certsite-build-error"), "{body}");
            assert_eq!(leaks(body.as_bytes()), None, "{host} {target} leaks");
        }
    }
    let (head, _) = raw(server, b"GET /notices/ HTTP/1.0\r\n\r\n").unwrap();
    assert_eq!(status(&head), 421, "no Host: {head}");
    let twice = format!("GET /notices/ HTTP/1.1\r\nHost: localhost:{port}\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
    let (head, _) = raw(server, twice.as_bytes()).unwrap();
    assert_eq!(status(&head), 421, "two Hosts: {head}");

    // This machine's names still get the pages, and links to the one they asked.
    for host in [format!("localhost:{port}"), format!("[::1]:{port}"), format!("LocalHost:{port}"), format!("127.0.0.1:{port}")] {
        let (head, page) = get_as(server, "/notices/", &host).unwrap();
        assert_eq!(status(&head), 200, "{host}: {head}");
        assert!(String::from_utf8_lossy(&page).contains("data-notice=\"D-1\""), "{host}");
        let (head, build) = get_as(server, "/__certsite/build?x", &host).unwrap();
        assert_eq!(status(&head), 200, "{host}: {head}");
        assert!(String::from_utf8_lossy(&build).trim().parse::<u64>().is_ok());
    }
    for (target, code) in [("/", 200), ("/notices", 200), ("/notices/?a=..%2F..", 200), ("/no-such-page/", 404), ("/%2e%2e-not-dots/", 404)]
    {
        let (head, page) = get_as(server, target, &format!("localhost:{port}")).unwrap();
        assert_eq!(status(&head), code, "{target}: {head}");
        assert!(String::from_utf8_lossy(&page).contains("/__certsite/reload.js"), "{target}: an HTML page");
    }
}

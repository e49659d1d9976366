//! Hosts that serve the site right (DESIGN §4): a real nginx (Debian's package; `scripts/test`
//! installs it) serves a built site with `.certsite/hosting/nginx.conf` included, and each kind
//! of file comes back with its headers over HTTP. The build also writes `_headers` and
//! `.htaccess` from the same rules.

mod common;

use common::*;
use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const DATE: &str = "2026-11-23";

/// An nginx serving `root` with the snippet `snippet`, stopped when dropped.
struct Nginx {
    child: Child,
    port: u16,
}

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn nginx(work: &Path, root: &Path, snippet: &Path) -> Nginx {
    let binary = ["/usr/sbin/nginx", "/usr/bin/nginx"]
        .into_iter()
        .find(|p| Path::new(p).exists())
        .unwrap_or_else(|| panic!("nginx is not installed: run scripts/test (it installs Debian's nginx), or apt-get install nginx"));
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let temp = work.join("nginx");
    std::fs::create_dir_all(&temp).unwrap();
    // One process, as the user running the test (no workers switching to another user).
    let config = format!(
        "daemon off;\nmaster_process off;\npid {t}/nginx.pid;\nerror_log {t}/error.log;\nevents {{}}\nhttp {{\n\
         include /etc/nginx/mime.types;\naccess_log off;\nclient_body_temp_path {t}/body;\nproxy_temp_path {t}/proxy;\n\
         fastcgi_temp_path {t}/fastcgi;\nuwsgi_temp_path {t}/uwsgi;\nscgi_temp_path {t}/scgi;\n\
         server {{\nlisten 127.0.0.1:{port};\nroot {root};\ninclude {snippet};\n}}\n}}\n",
        t = temp.display(),
        root = root.display(),
        snippet = snippet.display(),
    );
    let conf = temp.join("nginx.conf");
    std::fs::write(&conf, config).unwrap();
    let test = Command::new(binary).arg("-t").arg("-c").arg(&conf).arg("-p").arg(&temp).output().unwrap();
    assert!(test.status.success(), "nginx -t: {}", String::from_utf8_lossy(&test.stderr));
    let child = Command::new(binary).arg("-c").arg(&conf).arg("-p").arg(&temp).stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap();
    let started = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "nginx did not start: {}",
            std::fs::read_to_string(temp.join("error.log")).unwrap_or_default()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    Nginx { child, port }
}

/// GET `path`: the status code and the headers (names in lower case).
fn get(port: u16, path: &str) -> (u16, BTreeMap<String, String>) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(stream, "GET {path} HTTP/1.0\r\nHost: cert.example.org\r\nOrigin: https://verifier.example\r\n\r\n").unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    let text = String::from_utf8_lossy(&response);
    let head = text.split("\r\n\r\n").next().unwrap();
    let mut lines = head.lines();
    let status = lines.next().unwrap().split(' ').nth(1).unwrap().parse().unwrap();
    let headers = lines.filter_map(|l| l.split_once(':')).map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_owned())).collect();
    (status, headers)
}

#[test]
fn nginx_with_the_snippet_serves_every_kind_of_file_with_its_headers() {
    let site = sample();
    build(site.path(), DATE);
    let public = site.path().join("public");
    // The site's folders must be readable by nginx's workers.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(site.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let snippet = site.path().join(".certsite/hosting/nginx.conf");
    assert!(site.path().join(".certsite/hosting/.htaccess").is_file());
    assert!(!public.join(".certsite").exists() && !public.join("nginx.conf").exists(), "the snippets stay out of the output");
    let server = nginx(site.path(), &public, &snippet);

    let pages = pages_by_number(&public);
    let code = pages.values().next().unwrap();
    let session =
        std::fs::read_dir(public.join("interviews")).unwrap().map(|e| e.unwrap()).find(|e| e.path().join("results.json").is_file());
    let session = session.expect("a session with results").file_name().into_string().unwrap();
    let json = [
        "/.well-known/did.json".to_owned(),
        format!("/c/{code}/credential.json"),
        "/status/status.json".to_owned(),
        "/status/revocation.json".to_owned(),
        "/status/suspension.json".to_owned(),
        format!("/interviews/{session}/results.json"),
    ];
    let html =
        ["/".to_owned(), "/verify/".to_owned(), "/notices/".to_owned(), format!("/c/{code}/"), format!("/en/c/{code}/"), "/en/".to_owned()];

    // The policy nginx sends is the one the pages carry.
    let page = std::fs::read_to_string(public.join("index.html")).unwrap();
    let meta = attr(&page[page.find("Content-Security-Policy").unwrap()..], "content").unwrap().to_owned();
    for path in json.iter().chain(&html) {
        let (status, headers) = get(server.port, path);
        assert_eq!(status, 200, "{path}");
        let header = |name: &str| headers.get(name).map(String::as_str);
        assert_eq!(header("content-security-policy"), Some(meta.as_str()), "{path}");
        assert_eq!(header("x-content-type-options"), Some("nosniff"), "{path}");
        assert_eq!(header("referrer-policy"), Some("no-referrer"), "{path}");
        let is_json = path.ends_with(".json");
        assert_eq!(header("access-control-allow-origin"), is_json.then_some("*"), "{path}");
        let content_type = header("content-type").unwrap_or_default();
        assert!(content_type.starts_with(if is_json { "application/json" } else { "text/html" }), "{path}: {content_type}");
        let private = path.starts_with("/c/") || path.starts_with("/en/c/");
        assert_eq!(header("x-robots-tag"), private.then_some("noindex"), "{path}");
    }

    // The offline verifier (DESIGN §4): its manifests typed as such, its service workers with
    // `no-cache` (a new build's worker is fetched when the page is opened online), both with the
    // site's policy, which lets the page load its manifest.
    assert!(meta.contains("manifest-src 'self'"), "{meta}");
    for (path, content_type, cache) in [
        ("/scan/manifest.webmanifest", "application/manifest+json", None),
        ("/en/scan/manifest.webmanifest", "application/manifest+json", None),
        ("/scan/sw.js", "application/javascript", Some("no-cache")),
        ("/en/scan/sw.js", "application/javascript", Some("no-cache")),
        ("/scan/", "text/html", None),
    ] {
        let (status, headers) = get(server.port, path);
        assert_eq!(status, 200, "{path}");
        let header = |name: &str| headers.get(name).map(String::as_str);
        assert!(header("content-type").unwrap_or_default().starts_with(content_type), "{path}: {headers:?}");
        assert_eq!(header("cache-control"), cache, "{path}");
        assert_eq!(header("content-security-policy"), Some(meta.as_str()), "{path}");
    }

    // An unknown certificate code gets the site's 404 page, which explains it (DESIGN §4).
    let (status, headers) = get(server.port, "/c/ZZZZ0000ZZZZ/");
    assert_eq!(status, 404);
    assert_eq!(
        headers.get("content-length").map(String::as_str),
        Some(std::fs::metadata(public.join("404.html")).unwrap().len().to_string().as_str())
    );
    let htaccess = std::fs::read_to_string(site.path().join(".certsite/hosting/.htaccess")).unwrap();
    assert!(htaccess.contains("ErrorDocument 404 /404.html\n"), "{htaccess}");

    // `_headers` holds the same rules for Netlify and Cloudflare Pages.
    let netlify = std::fs::read_to_string(public.join("_headers")).unwrap();
    assert!(netlify.contains(&format!("/*\n  Content-Security-Policy: {meta}\n")), "{netlify}");
    for block in ["/.well-known/did.json\n  Access-Control-Allow-Origin: *\n", "/en/c/*\n  X-Robots-Tag: noindex\n"] {
        assert!(netlify.contains(block), "{block} in {netlify}");
    }
}

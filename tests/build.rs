//! End-to-end: build fixture sites and the bundled sample, and assert on the output.

mod common;

use common::*;
use std::path::Path;

const DATE: &str = "2026-11-23";

fn status_of(public: &Path, code: &str) -> String {
    let html = std::fs::read_to_string(public.join("c").join(code).join("index.html")).unwrap();
    attr(&html, "data-status").unwrap().to_owned()
}

#[test]
fn sample_site_statuses_follow_design_3() {
    let site = sample();
    build(site.path(), DATE);
    let public = site.path().join("public");
    let pages = pages_by_number(&public);
    assert_eq!(pages.len(), 30);
    let expect = [
        ("PSM/2023/0105", "expired"),
        ("PSM-2023-0342", "expired"),
        ("PSM-2023-0377", "valid"), // last valid day is the build date: inclusive
        ("PSM/2023/0131", "superseded"),
        ("PSM-2024-0007", "superseded"),
        ("PSM-2024-0088", "revoked"),
        ("PSM-2025-0063", "suspended"),
        ("PSM-2026-0187", "not-yet-valid"),
        ("PSM-2024-0029", "valid"), // suspended, then reinstated
        ("PSM-2024-0051", "valid"), // suspension's `until` has passed
        ("PSM-2025-0112", "valid"), // decided, effective only from 2026-12-01
        ("PSM-2026-0176", "valid"), // first valid day
    ];
    for (number, status) in expect {
        assert_eq!(status_of(&public, &pages[number]), status, "{number}");
    }
    // A day later the edge cases move.
    let out = certsite(site.path(), &["build", "--build-date", "2026-12-01"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(status_of(&public, &pages["PSM-2023-0377"]), "expired");
    assert_eq!(status_of(&public, &pages["PSM-2025-0112"]), "suspended");
}

#[test]
fn private_columns_never_reach_any_output_byte() {
    let site = fixture("minimal");
    build(site.path(), DATE);
    let out = certsite(site.path(), &["print", "--all", "--build-date", DATE]);
    assert!(out.status.success(), "{}", stderr(&out));
    let planted = ["PRIVATE-", "private-email", "example.invalid"];
    for root in ["public", ".certsite/print", "print"] {
        for (path, bytes) in tree(&site.path().join(root)) {
            let text = String::from_utf8_lossy(&bytes).to_lowercase();
            for p in planted {
                assert!(!text.contains(&p.to_lowercase()), "{root}/{path} contains {p}");
            }
        }
    }
}

#[test]
fn every_field_is_escaped_and_no_script_is_inline() {
    let site = fixture("minimal");
    build(site.path(), DATE);
    let files = tree(&site.path().join("public"));
    let mut pages = 0;
    for (path, bytes) in files.iter().filter(|(p, _)| !p.ends_with(".json")) {
        let text = String::from_utf8_lossy(bytes);
        assert!(!text.contains("<img src=x"), "{path} has an unescaped <img>");
        assert!(!text.contains("<script>alert"), "{path} has an unescaped <script>");
        if path.ends_with(".html") {
            pages += 1;
            // Every <script> has a src: a strict CSP (script-src 'self') works.
            for (i, _) in text.match_indices("<script") {
                let tag = &text[i..i + text[i..].find('>').unwrap()];
                assert!(tag.contains(" src="), "{path}: inline script {tag}");
            }
            assert!(text.contains("Content-Security-Policy"), "{path}");
        }
    }
    assert!(pages >= 8);
    let pages = pages_by_number(&site.path().join("public"));
    let html = String::from_utf8_lossy(&files[&format!("c/{}/index.html", pages["T-0003"])]).into_owned();
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"), "{html}");
    assert!(html.contains("Ağa &quot;Xan&quot;"));
    // The credential carries the name as data, JSON-escaped but unchanged.
    let credential: serde_json::Value = serde_json::from_slice(&files[&format!("c/{}/credential.json", pages["T-0003"])]).unwrap();
    let name = credential["credentialSubject"]["name"].as_str().unwrap();
    assert!(name.contains("<img src=x onerror=alert(1)>"), "{name}");
}

#[test]
fn same_inputs_and_date_give_identical_bytes_and_a_rebuild_writes_nothing() {
    let site = fixture("minimal");
    build(site.path(), DATE);
    let first = tree(&site.path().join("public"));
    let out = certsite(site.path(), &["build", "--build-date", DATE, "--out", "second"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(first, tree(&site.path().join("second")));
    let again = build(site.path(), DATE);
    assert!(stderr(&again).contains(" 0 files written"), "{}", stderr(&again));
    assert_eq!(first, tree(&site.path().join("public")));
}

#[test]
fn a_changed_row_rewrites_only_its_files_and_stale_pages_go() {
    let site = fixture("minimal");
    build(site.path(), DATE);
    let public = site.path().join("public");
    let before = tree(&public);
    let pages = pages_by_number(&public);
    let csv = site.path().join("data/certificates.csv");
    let text = std::fs::read_to_string(&csv).unwrap();
    // Rename a holder and drop one certificate.
    let text = text.replace("Məmmədov,Ülvi", "Məmmədov,Ülviyyə");
    let text: String = text.lines().filter(|l| !l.starts_with("T/0002")).map(|l| format!("{l}\n")).collect();
    let text = text.replace("t/0002", "");
    std::fs::write(&csv, text).unwrap();
    build(site.path(), DATE);
    let after = tree(&public);
    let changed: Vec<&String> = after.keys().filter(|k| before.get(*k) != after.get(*k)).collect();
    let t4 = &pages["T-0004"];
    let t3 = &pages["T-0003"];
    // T-0004 renamed: its credential and page. T-0003 replaced T/0002: its page no longer
    // names it (its credential never did).
    let mut expected = [format!("c/{t3}/index.html"), format!("c/{t4}/credential.json"), format!("c/{t4}/index.html")];
    expected.sort();
    assert_eq!(changed, expected.iter().collect::<Vec<_>>());
    assert!(!public.join("c").join(&pages["T/0002"]).exists(), "the removed certificate's folder is gone");
    let list = std::fs::read_to_string(site.path().join(".certsite/print/certificates.csv")).unwrap();
    assert!(!list.contains("T/0002") && list.contains("T-0003"), "{list}");
}

#[test]
fn robots_and_sitemap_leave_certificates_out_and_nothing_lists_them() {
    let site = fixture("minimal");
    build(site.path(), DATE);
    let public = site.path().join("public");
    let robots = std::fs::read_to_string(public.join("robots.txt")).unwrap();
    assert!(robots.contains("Disallow: /c/"), "{robots}");
    let sitemap = std::fs::read_to_string(public.join("sitemap.xml")).unwrap();
    assert!(!sitemap.contains("/c/") && sitemap.contains("https://cert.example.org/about/"), "{sitemap}");
    // No page but the certificates' own names any certificate's code.
    let codes: Vec<String> = pages_by_number(&public).into_values().collect();
    for (path, bytes) in tree(&public) {
        if !path.starts_with("c/") {
            let text = String::from_utf8_lossy(&bytes);
            assert!(!codes.iter().any(|c| text.contains(c.as_str())), "{path} names a certificate");
        }
    }
    for (_, code) in pages_by_number(&public) {
        let html = std::fs::read_to_string(public.join("c").join(&code).join("index.html")).unwrap();
        assert!(html.contains(r#"<meta name="robots" content="noindex"#), "{code}");
        assert!(code.len() == 12 && code.chars().all(|c| "0123456789ABCDEFGHJKMNPQRSTVWXYZ".contains(c)), "{code}");
    }
}

#[test]
fn the_printing_office_list_and_private_secrets() {
    let site = fixture("minimal");
    build(site.path(), DATE);
    let print = site.path().join(".certsite/print");
    let csv = std::fs::read_to_string(print.join("certificates.csv")).unwrap();
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some("number,code,url"));
    let pages = pages_by_number(&site.path().join("public"));
    assert_eq!(lines.clone().count(), pages.len());
    for line in lines {
        let parts: Vec<&str> = line.split(',').collect();
        assert_eq!(pages[parts[0]], parts[1]);
        assert_eq!(parts[2], format!("https://cert.example.org/c/{}/", parts[1]));
    }
    assert!(!print.join("qr").exists(), "QR files for print are written by `certsite print` only");
    // Secrets are private files, outside the output.
    #[cfg(unix)]
    for secret in [".certsite/signing.key", ".certsite/url.secret"] {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(site.path().join(secret)).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "{secret}");
    }
    let key = std::fs::read_to_string(site.path().join(".certsite/signing.key")).unwrap();
    for (path, bytes) in tree(&site.path().join("public")) {
        assert!(!String::from_utf8_lossy(&bytes).contains(key.trim()), "{path} holds the key");
    }
}

#[test]
fn markdown_pages_and_template_overrides() {
    let site = fixture("minimal");
    build(site.path(), DATE);
    let about = std::fs::read_to_string(site.path().join("public/about/index.html")).unwrap();
    assert!(about.contains("<strong>sertifikatları</strong>"), "{about}");
    assert!(about.contains("&lt;script&gt;alert(3)&lt;/script&gt;"), "raw HTML in Markdown is shown as text");
    assert!(about.contains(r#"<meta name="description" content="Reyestr haqqında">"#));
    let not_found = std::fs::read_to_string(site.path().join("public/404.html")).unwrap();
    assert!(not_found.contains(r#"<h1 class="custom-404">Səhifə tapılmadı</h1>"#), "the site's template replaces the default");
    let verify = std::fs::read_to_string(site.path().join("public/verify/index.html")).unwrap();
    assert!(verify.contains(r#"<script src="/assets/verify.js" defer></script>"#));
    assert!(verify.contains("https://cert.example.org/c/<var>KOD</var>/"), "without JavaScript the page explains the address form");
    assert!(site.path().join("public/assets/verify.js").exists());
}

#[test]
fn base_url_with_a_path_prefixes_links_and_moves_the_did_document() {
    let site = fixture("portal");
    build(site.path(), DATE);
    let public = site.path().join("public");
    assert!(public.join("did.json").exists() && !public.join(".well-known").exists());
    let did: serde_json::Value = serde_json::from_slice(&std::fs::read(public.join("did.json")).unwrap()).unwrap();
    assert_eq!(did["id"], "did:web:example.org:portal");
    let (_, code) = pages_by_number(&public).into_iter().next().unwrap();
    let html = std::fs::read_to_string(public.join("c").join(&code).join("index.html")).unwrap();
    assert!(html.contains(r#"href="/portal/assets/site.css""#));
    assert!(html.contains(r#"href="/portal/did.json""#), "{html}");
    let credential: serde_json::Value =
        serde_json::from_slice(&std::fs::read(public.join("c").join(&code).join("credential.json")).unwrap()).unwrap();
    assert_eq!(credential["id"], format!("https://example.org/portal/c/{code}/"));
    assert!(credential["proof"][0]["verificationMethod"].as_str().unwrap().starts_with("did:web:example.org:portal#key-"));
    let robots = std::fs::read_to_string(public.join("robots.txt")).unwrap();
    assert!(robots.contains("Disallow: /portal/c/"));
    let out = certsite(site.path(), &["verify"]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn verify_finds_what_the_manifest_does_not_hold_and_clean_puts_it_right() {
    let site = fixture("minimal");
    build(site.path(), DATE);
    let public = site.path().join("public");
    let before = tree(&public);
    let code = pages_by_number(&public)["T-0001"].clone();
    std::fs::remove_file(public.join("c").join(&code).join("credential.json")).unwrap();
    std::fs::write(public.join("c").join(&code).join("index.html"), "defaced").unwrap();
    std::fs::write(public.join("about/stray.html"), "not certsite's").unwrap();
    // A rebuild trusts the manifest: it does not walk or read the output.
    let out = build(site.path(), DATE);
    assert!(stderr(&out).contains(" 0 files written"), "{}", stderr(&out));
    let out = certsite(site.path(), &["verify"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let report = stderr(&out);
    for (file, why) in [
        (format!("c/{code}/credential.json"), "missing"),
        (format!("c/{code}/index.html"), "differs from what the last build wrote"),
        ("about/stray.html".to_owned(), "not written by the last build"),
    ] {
        assert!(report.lines().any(|l| l.contains(&file) && l.contains(why)), "{file}: {why}\n{report}");
    }
    // --clean rewrites every file and removes every file the build does not write.
    let out = certsite(site.path(), &["build", "--build-date", DATE, "--clean"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(before, tree(&public));
    let out = certsite(site.path(), &["verify"]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn a_build_into_another_folder_does_not_make_the_first_one_stale() {
    let site = fixture("minimal");
    build(site.path(), DATE);
    let csv = site.path().join("data/certificates.csv");
    std::fs::write(&csv, std::fs::read_to_string(&csv).unwrap().replace("Məmmədov,Ülvi", "Məmmədov,Ülviyyə")).unwrap();
    let out = certsite(site.path(), &["build", "--build-date", DATE, "--out", "other"]);
    assert!(out.status.success(), "{}", stderr(&out));
    build(site.path(), DATE);
    assert_eq!(tree(&site.path().join("public")), tree(&site.path().join("other")), "public/ caught up with the data");
}

#[test]
fn a_valid_certificate_offers_linkedin_and_the_credential_file_and_no_other_does() {
    let site = fixture("minimal");
    build(site.path(), DATE);
    let public = site.path().join("public");
    let pages = pages_by_number(&public);
    let page = |number: &str| std::fs::read_to_string(public.join("c").join(&pages[number]).join("index.html")).unwrap();

    let html = page("T-0001");
    assert_eq!(attr(&html, "data-status"), Some("valid"));
    let at = html.find("data-action=\"linkedin\"").expect("an Add to LinkedIn link");
    let link = &html[html[..at].rfind("href=\"").unwrap() + 6..];
    let link = url::Url::parse(&link[..link.find('"').unwrap()].replace("&amp;", "&")).unwrap();
    assert_eq!((link.host_str(), link.path()), (Some("www.linkedin.com"), "/profile/add"));
    let query: std::collections::BTreeMap<String, String> = link.query_pairs().into_owned().collect();
    let expected = [
        ("startTask", "CERTIFICATION_NAME"),
        ("name", "Mühasib (Peşə səriştəlilik sertifikatı)"),
        ("organizationName", "Sınaq Sertifikatlaşdırma Orqanı"),
        ("issueYear", "2025"),
        ("issueMonth", "1"),
        ("expirationYear", "2028"),
        ("expirationMonth", "1"),
        ("certUrl", &format!("https://cert.example.org/c/{}/", pages["T-0001"])),
        ("certId", "T-0001"),
    ];
    assert_eq!(query, expected.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect());
    assert!(html.contains("Add to LinkedIn") || html.contains("LinkedIn profilinə əlavə et"), "the link is labelled");
    let download = &html[html.find("data-action=\"download\"").expect("a download link") - 200..];
    assert!(
        download.contains(&format!("href=\"/c/{}/credential.json\" download=\"certificate-T-0001.json\"", pages["T-0001"])),
        "{download}"
    );
    // The page says what the file is for, and its script makes the wallet's copy (DESIGN §5).
    assert!(html.contains("Learner Credential Wallet") && html.contains("«Add credential»"), "the file explained");
    assert!(html.contains(r#"<script src="/assets/wallet-copy.js" defer></script>"#));
    assert!(public.join("assets/wallet-copy.js").is_file());

    let none = |number: &str, status: &str| {
        let html = page(number);
        assert_eq!(attr(&html, "data-status"), Some(status), "{number}");
        assert!(!html.contains("linkedin.com") && !html.contains("data-action=\"download\""), "{number} ({status}) offers a way out");
        assert!(!html.contains(">İmzalı surəti yüklə<") && !html.contains("wallet-copy.js"), "{number}");
    };
    for (number, status) in [("T/0002", "superseded"), ("T-0005", "suspended"), ("T-0006", "revoked")] {
        none(number, status);
    }
    // Once it has expired, T-0001 offers neither.
    build(site.path(), "2028-01-10");
    none("T-0001", "expired");
}

#[test]
fn the_printing_office_lists_run_no_formula_in_a_spreadsheet() {
    let site = fixture("minimal");
    let csv = site.path().join("data/certificates.csv");
    let mut text = std::fs::read_to_string(&csv).unwrap();
    // A number may start with '-': a spreadsheet would read "-0099" as a formula (or a number).
    text.push_str("-0099,Babayev,Elçin,,Peşə,,,2025-01-01,2027-01-01,,,,,,,\n");
    std::fs::write(&csv, text).unwrap();
    build(site.path(), DATE);
    let print = site.path().join(".certsite/print");
    let list = std::fs::read_to_string(print.join("certificates.csv")).unwrap();
    assert!(list.lines().any(|l| l.starts_with("'-0099,")), "{list}");
    let out = certsite(site.path(), &["print", "--all", "--build-date", DATE]);
    assert!(out.status.success(), "{}", stderr(&out));
    let batch = std::fs::read_to_string(site.path().join("print/batch.csv")).unwrap();
    assert!(batch.lines().any(|l| l.starts_with("'-0099,")), "{batch}");
    for line in list.lines().chain(batch.lines()) {
        assert!(!line.starts_with(['=', '+', '-', '@', '\t']) && !line.contains(",=") && !line.contains(",-"), "{line}");
    }
}

#[test]
fn every_certificate_page_of_the_sample_site_stays_under_8_kib() {
    // Two 4 KiB blocks a page (README, "Performance"); the sample's longest names, scopes and the
    // valid pages' take-away section, in both languages.
    let site = sample();
    build(site.path(), "2026-11-23");
    let pages: Vec<(String, usize)> = tree(&site.path().join("public"))
        .into_iter()
        .filter(|(path, _)| (path.starts_with("c/") || path.starts_with("en/c/")) && path.ends_with("/index.html"))
        .map(|(path, bytes)| (path, bytes.len()))
        .collect();
    assert!(pages.len() > 20, "{pages:?}");
    let over: Vec<_> = pages.iter().filter(|(_, len)| *len >= 8192).collect();
    assert!(over.is_empty(), "pages of 8 KiB or more: {over:?}");
}

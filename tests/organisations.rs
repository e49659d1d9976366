//! Two organisations on one site (DESIGN §4 "Two organisations"): the certification body's pages
//! carry its header, menu and footer, the university's (the interview pages, content pages
//! with `organisation = "university"`) the university's, and neither carries a link of the
//! other's. A university page on a site that names no university is an error.

mod common;

use std::path::Path;

use common::*;

const DATE: &str = "2026-06-01";

/// The page's header and footer, as written.
fn chrome(public: &Path, page: &str) -> (String, String) {
    let html = std::fs::read_to_string(public.join(page).join("index.html")).unwrap_or_else(|e| panic!("{page}: {e}"));
    let part = |open: &str, close: &str| {
        let start = html.find(open).unwrap_or_else(|| panic!("{page}: no {open}"));
        let end = html[start..].find(close).unwrap() + start;
        html[start..end].to_owned()
    };
    (part("<header", "</header>"), part("<footer", "</footer>"))
}

/// The `href`s of `html`.
fn links(html: &str) -> Vec<&str> {
    html.split("href=\"").skip(1).map(|rest| &rest[..rest.find('"').unwrap()]).collect()
}

#[test]
fn each_organisation_has_its_own_header_menu_and_footer_in_both_languages() {
    let site = sample();
    build(site.path(), DATE);
    let public = site.path().join("public");
    let session = std::fs::read_dir(site.path().join("data/interviews")).unwrap().next().unwrap().unwrap().file_name();
    let session = session.to_string_lossy();
    for (prefix, university, address, body) in [
        ("", "Kür Sahili Dövlət Universiteti", "Bakı, Universitet küçəsi 12", "Peşə Sertifikatlaşdırma Mərkəzi MMC"),
        ("en/", "Kur Sahili State University", "12 Universitet Street, Baku", "Professional Certification Centre LLC"),
    ] {
        let root = format!("/{prefix}");
        let body_only =
            [format!("{root}verify/"), format!("{root}notices/"), format!("{root}about/"), format!("{root}qaydalar/"), root.clone()];
        for page in [format!("{prefix}interviews"), format!("{prefix}interviews/{session}"), format!("{prefix}musahibe-qaydalari")] {
            let (header, footer) = chrome(&public, &page);
            assert!(header.contains(&format!(r#"<a class="site-title" href="{root}interviews/">{university}</a>"#)), "{page}: {header}");
            let menu = links(&header);
            for path in [format!("{root}interviews/"), format!("{root}musahibe-qaydalari/"), "https://kursahili.example.edu.az".to_owned()]
            {
                assert!(menu.contains(&path.as_str()), "{page}: {path} in {menu:?}");
            }
            let found: Vec<&str> = menu.iter().copied().chain(links(&footer)).filter(|h| body_only.iter().any(|b| b == h)).collect();
            assert!(found.is_empty(), "{page}: the body's links {found:?}");
            assert!(footer.contains(address) && footer.contains("mailto:qebul@kursahili.example.edu.az"), "{page}: {footer}");
            assert!(footer.contains(r#"href="tel:+994125550102""#), "{page}: {footer}");
            assert!(!footer.contains(body), "{page}: the body's footer: {footer}");
        }
        for page in
            [prefix.trim_end_matches('/').to_owned(), format!("{prefix}about"), format!("{prefix}verify"), format!("{prefix}notices")]
        {
            let (header, footer) = chrome(&public, &page);
            let menu = links(&header);
            for path in &body_only[..4] {
                assert!(menu.contains(&path.as_str()), "{page}: {path} in {menu:?}");
            }
            // The interviews the site hosts are reached from its home: one link, to the list.
            assert!(menu.contains(&format!("{root}interviews/").as_str()), "{page}: {menu:?}");
            assert!(!header.contains("musahibe-qaydalari") && !header.contains("kursahili"), "{page}: {header}");
            assert!(footer.contains(body) && !footer.contains(university) && !footer.contains("kursahili"), "{page}: {footer}");
        }
    }
}

#[test]
fn the_body_menu_links_the_interviews_only_when_there_are_sessions() {
    let site = fixture("minimal");
    build(site.path(), DATE);
    let (header, _) = chrome(&site.path().join("public"), "");
    assert!(!header.contains("/interviews/"), "{header}");
    assert!(header.contains(r#"href="/verify/""#), "{header}");
}

#[test]
fn a_university_page_needs_a_university_in_site_toml() {
    let site = fixture("minimal");
    std::fs::write(site.path().join("content/rules.md"), "+++\ntitle = \"Qaydalar\"\norganisation = \"university\"\n+++\nMətn.\n").unwrap();
    let out = certsite(site.path(), &["check", "--build-date", DATE]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains(r#"content/rules.md: content/rules.md is the university's page (organisation = "university"), but data/site.toml names no university"#),
        "{err}"
    );
    assert!(err.contains("add institution = \"…\" (and institution_en) under [interviews] in data/site.toml"), "{err}");
}

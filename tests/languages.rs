//! English mirrors under `/en/` (DESIGN §3 `languages`, §4): every page of the default language
//! has its English version with English words, certificates and data files stay single, the
//! pages link to each other's language, and `/en/c/` is kept out of robots and the sitemap.

mod common;

use common::*;

#[test]
fn english_mirrors_every_page_with_english_words() {
    let site = sample(); // languages = ["az", "en"]
    build(site.path(), "2026-11-23");
    let public = site.path().join("public");
    let pages = pages_by_number(&public);
    let code = &pages["PSM-2025-0063"]; // suspended
    let az = std::fs::read_to_string(public.join("c").join(code).join("index.html")).unwrap();
    let en = std::fs::read_to_string(public.join("en/c").join(code).join("index.html")).unwrap();
    assert!(az.contains(r#"<html lang="az">"#) && en.contains(r#"<html lang="en">"#));
    assert_eq!(attr(&en, "data-status"), Some("suspended"), "the status is the same in every language");
    assert!(az.contains(r#"<strong class="verdict-label">Dayandırılıb</strong>"#), "{az}");
    assert!(en.contains(r#"<strong class="verdict-label">Suspended</strong>"#));
    // English complete (no Azerbaijani interface word; data without a translation marked):
    // title_en, the issuer's name_en, scope_en, dates an English reader cannot misread.
    assert!(en.contains("Register of professional competence certificates") && en.contains("Professional Certification Centre LLC"));
    assert!(!en.contains("Peşə Sertifikatlaşdırma Mərkəzi") && !en.contains("reyestri"), "no Azerbaijani title or issuer on /en/");
    let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    assert!(months.iter().any(|m| en.contains(&format!(" {m} 20"))), "dates like 2 March 2026 on /en/");
    let dotted = regex_lite_dates(&en);
    assert!(dotted.is_empty(), "no DD.MM.YYYY date on an English page: {dotted:?}");
    assert!(en.contains("use of the certificate outside its approved scope"), "grounds in English");
    assert!(en.contains("(agreement, §4 A¶5, A¶13)"));
    assert!(en.contains(&format!(r#"href="/c/{code}/credential.json""#)), "one credential, shared");
    assert!(!public.join("en/c").join(code).join("credential.json").exists());
    assert!(az.contains(&format!(r#"href="/en/c/{code}/" hreflang="en""#)), "a switch to English");
    assert!(en.contains(&format!(r#"href="/c/{code}/" hreflang="az""#)), "and back");
    assert!(en.contains(r#"href="/en/notices/D-2026-005/""#));

    for path in [
        "en/index.html",
        "en/verify/index.html",
        "en/notices/index.html",
        "en/notices/D-2026-004/index.html",
        "en/interviews/index.html",
        "en/interviews/2026-03-xarici/index.html",
        "en/about/index.html",
        "en/qaydalar/index.html",
    ] {
        let html = std::fs::read_to_string(public.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert!(html.contains(r#"<html lang="en">"#), "{path}");
        assert_eq!(regex_lite_dates(&html), Vec::<String>::new(), "{path}: English dates only");
    }
    let notice = std::fs::read_to_string(public.join("en/notices/D-2026-004/index.html")).unwrap();
    assert!(notice.contains("Revocation of a certificate") && notice.contains("Right to object"));
    let verify = std::fs::read_to_string(public.join("en/verify/index.html")).unwrap();
    assert!(verify.contains(r#"data-base="/en""#), "a typed code leads to the English page");
    // A translated page is in English; an untranslated one keeps its Azerbaijani text, marked
    // as such.
    let about = std::fs::read_to_string(public.join("en/about/index.html")).unwrap();
    assert!(about.contains(r#"<a href="/en/about/">About us</a>"#) && about.contains("<h2>Who we are</h2>"), "{about}");
    let rules = std::fs::read_to_string(public.join("en/qaydalar/index.html")).unwrap();
    assert!(
        rules.contains(r#"<a href="/en/qaydalar/" lang="az">Sertifikatdan istifadə qaydaları</a>"#),
        "an untranslated page's title in the menu is marked"
    );
    assert!(rules.contains(r#"<article class="prose" lang="az">"#));
    assert!(!public.join("en/interviews/2026-03-xarici/results.json").exists(), "open data once");
    assert!(public.join("assets/words.en.json").exists());

    let robots = std::fs::read_to_string(public.join("robots.txt")).unwrap();
    assert!(robots.contains("Disallow: /c/\nDisallow: /en/c/"), "{robots}");
    let sitemap = std::fs::read_to_string(public.join("sitemap.xml")).unwrap();
    assert!(sitemap.contains("https://sertifikat.example.az/en/notices/D-2026-004/") && !sitemap.contains("/c/"));
    let out = certsite(site.path(), &["verify"]);
    assert!(out.status.success(), "{}", stderr(&out));
}

/// The `DD.MM.YYYY` dates in `html` (outside attributes' ISO dates).
fn regex_lite_dates(html: &str) -> Vec<String> {
    let b = html.as_bytes();
    (0..b.len().saturating_sub(9))
        .filter(|&i| {
            let d = |k: usize| b[i + k].is_ascii_digit();
            d(0) && d(1) && b[i + 2] == b'.' && d(3) && d(4) && b[i + 5] == b'.' && d(6) && d(7) && d(8) && d(9)
        })
        .map(|i| html[i..i + 10].to_owned())
        .collect()
}

#[test]
fn a_translated_page_replaces_the_default_text_and_removed_languages_go() {
    let site = fixture("minimal");
    let toml = site.path().join("data/site.toml");
    let text = std::fs::read_to_string(&toml).unwrap().replace("title = ", "languages = [\"az\", \"en\"]\ntitle = ");
    std::fs::write(&toml, text).unwrap();
    std::fs::write(site.path().join("content/about.en.md"), "+++\ntitle = \"About us\"\n+++\nThis site publishes **certificates**.\n")
        .unwrap();
    build(site.path(), "2026-11-23");
    let public = site.path().join("public");
    let en = std::fs::read_to_string(public.join("en/about/index.html")).unwrap();
    assert!(en.contains("<h1>About us</h1>") && en.contains(r#"lang="en""#));
    let az = std::fs::read_to_string(public.join("about/index.html")).unwrap();
    assert!(az.contains("<h1>Haqqımızda</h1>"));
    assert!(!public.join("about.en").exists());
    // Only Azerbaijani again: the mirror goes.
    let text = std::fs::read_to_string(&toml).unwrap().replace("languages = [\"az\", \"en\"]\n", "");
    std::fs::write(&toml, text).unwrap();
    build(site.path(), "2026-11-23");
    assert!(!public.join("en").exists());
}

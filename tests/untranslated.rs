//! What the English pages will show in Azerbaijani (DESIGN §2 `check`): with `en` in
//! `languages`, `check` and `build` warn, one warning per kind, about content pages without
//! their `.en.md`, site.toml settings without their `_en`, certificates without
//! `profession_en` or `scope_en` (counted, the first five named), decisions without
//! `reason_en` and sessions of another university without `institution_en`; in English and in
//! Azerbaijani; exit 0, the warnings counted in the summary line. A site in Azerbaijani only
//! is told nothing.

mod common;

use std::path::Path;

use common::*;

const DATE: &str = "2026-05-30";

/// Publishes the site in English too.
fn in_english(root: &Path) {
    let toml = root.join("data/site.toml");
    let text = std::fs::read_to_string(&toml).unwrap();
    std::fs::write(&toml, format!("languages = [\"az\", \"en\"]\n{text}")).unwrap();
}

/// `certsite check` (messages in `lang`): it succeeds; its stderr.
fn check(root: &Path, lang: &str) -> String {
    let out = certsite(root, &["--lang", lang, "check", "--build-date", DATE]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    err
}

/// The warnings about untranslated texts (English messages), one line each: the line after
/// "⚠ " of every warning that speaks of the English pages.
fn untranslated(err: &str) -> Vec<String> {
    err.lines()
        .filter_map(|l| l.trim_start().strip_prefix("⚠ "))
        .filter(|l| l.contains("the English pages") || l.contains("the English notices"))
        .map(str::to_owned)
        .collect()
}

/// The number of warnings the summary line counts.
fn counted(err: &str) -> usize {
    let line = err.lines().find(|l| l.starts_with("ok: ")).unwrap_or_else(|| panic!("no summary:\n{err}"));
    match line.rsplit_once(" (") {
        Some((_, n)) if n.ends_with("warnings)") || n.ends_with("warning)") => n.split(' ').next().unwrap().parse().unwrap(),
        _ => 0,
    }
}

#[test]
fn check_lists_by_kind_what_the_english_pages_show_in_azerbaijani() {
    let site = fixture("minimal");
    let root = site.path();
    in_english(root);
    let err = check(root, "en");
    assert_eq!(
        untranslated(&err),
        [
            "content: the English pages will show 1 content page in Azerbaijani, with no English version: content/about.md",
            "data/site.toml: the English pages will show 2 settings of data/site.toml in Azerbaijani, with no English key: title_en, [issuer] name_en",
            "data/certificates.csv: the English pages will show the profession of 4 certificates in Azerbaijani, with no profession_en: T-0003, T-0004, T-0005, T-0006",
            "data/certificates.csv: the English pages will show the approved scope of 2 certificates in Azerbaijani, with no scope_en: T-0001, T-0003",
            "data/decisions.csv: the English notices will show the reasoning of 1 decision in Azerbaijani, with no reason_en: D-2",
        ],
        "{err}"
    );
    // Each with where to add the English.
    for help in [
        "help: write a page's English in a file beside it named like it, with .en.md (content/about.md → content/about.en.md)",
        "help: fill in the profession_en column of data/certificates.csv",
        "help: fill in the reason_en column of data/decisions.csv",
    ] {
        assert!(err.contains(help), "{help:?} in:\n{err}");
    }
    // Warnings: counted in the summary line, together after the other warnings.
    assert_eq!(counted(&err), 5, "{err}");
    assert!(err.find("⚠ content:").unwrap() < err.find("ok: ").unwrap(), "{err}");

    // Translated, they are not listed any more.
    let toml = root.join("data/site.toml");
    let text = std::fs::read_to_string(&toml).unwrap().replacen("\n", "\ntitle_en = \"Test register\"\n", 1);
    std::fs::write(&toml, format!("{text}name_en = \"Test Certification Body\"\n")).unwrap();
    std::fs::write(root.join("content/about.en.md"), "+++\ntitle = \"About us\"\n+++\nAbout the register.\n").unwrap();
    let decisions = root.join("data/decisions.csv");
    let csv = std::fs::read_to_string(&decisions).unwrap().replace("edilib.,,", "edilib.,The certificate was altered.,");
    std::fs::write(&decisions, csv).unwrap();
    let err = check(root, "en");
    let left = untranslated(&err);
    assert_eq!(left.len(), 2, "{err}");
    assert!(left.iter().all(|l| l.starts_with("data/certificates.csv: ")), "{left:?}");
    assert_eq!(counted(&err), 2, "{err}");
}

#[test]
fn a_site_in_azerbaijani_only_is_told_nothing() {
    let site = fixture("minimal");
    let err = check(site.path(), "en");
    assert_eq!(untranslated(&err), Vec::<String>::new(), "{err}");
    assert_eq!(counted(&err), 0, "{err}");
}

#[test]
fn many_certificates_are_counted_and_the_first_five_named_in_both_languages() {
    let site = fixture("minimal");
    let root = site.path();
    in_english(root);
    let register = root.join("data/certificates.csv");
    let mut csv = std::fs::read_to_string(&register).unwrap();
    for i in 0..1000 {
        csv.push_str(&format!("X-{i:04},Soyad,Ad,,Bənna,,,2025-01-10,2028-01-09,,,,,,,\n"));
    }
    std::fs::write(&register, csv).unwrap();
    let err = check(root, "en");
    let line = untranslated(&err).into_iter().find(|l| l.contains("profession_en")).unwrap();
    assert_eq!(
        line,
        "data/certificates.csv: the English pages will show the profession of 1004 certificates in Azerbaijani, with no profession_en: T-0003, T-0004, T-0005, T-0006, X-0000 and 999 more",
        "{err}"
    );
    assert!(!err.contains("X-0001"), "one line, not a thousand:\n{err}");

    let az = check(root, "az");
    assert!(
        az.contains(
            "data/certificates.csv: profession_en olmadığı üçün 1004 sertifikatın peşəsi ingiliscə səhifələrdə azərbaycanca göstəriləcək: T-0003, T-0004, T-0005, T-0006, X-0000 və daha 999 dənə"
        ),
        "{az}"
    );
    for line in [
        "content: ingiliscə variantı olmadığı üçün 1 məzmun səhifəsi ingiliscə səhifələrdə azərbaycanca göstəriləcək: content/about.md",
        "data/site.toml: ingiliscə açarı olmadığı üçün data/site.toml faylının 2 ayarı ingiliscə səhifələrdə azərbaycanca göstəriləcək: title_en, [issuer] name_en",
        "data/decisions.csv: reason_en olmadığı üçün 1 qərarın əsaslandırması ingiliscə bildirişlərdə azərbaycanca göstəriləcək: D-2",
        "məsləhət: data/certificates.csv faylında profession_en sütununu doldurun",
    ] {
        assert!(az.contains(line), "{line:?} in:\n{az}");
    }
    assert!(az.contains("(5 xəbərdarlıq)"), "{az}");
}

#[test]
fn build_says_it_too_and_publishes() {
    let site = fixture("minimal");
    let root = site.path();
    in_english(root);
    let out = build(root, DATE);
    let err = stderr(&out);
    assert_eq!(untranslated(&err).len(), 5, "{err}");
    // Published in Azerbaijani, marked so, on the English page.
    let about = std::fs::read_to_string(root.join("public/en/about/index.html")).unwrap();
    assert!(about.contains(r#"<article class="prose" lang="az">"#), "{about}");
}

#[test]
fn the_university_settings_and_a_session_of_another_university_are_listed() {
    let site = fixture("interviews");
    let root = site.path();
    in_english(root);
    let toml = root.join("data/site.toml");
    let text = std::fs::read_to_string(&toml).unwrap();
    std::fs::write(
        &toml,
        format!("{text}institution = \"Kür Sahili Universiteti\"\ninstitution_en = \"Kur Sahili University\"\naddress = \"Bakı, Universitet küçəsi 12\"\n"),
    )
    .unwrap();
    let err = check(root, "en");
    let lines = untranslated(&err);
    assert!(
        lines.contains(&"data/site.toml: the English pages will show 3 settings of data/site.toml in Azerbaijani, with no English key: title_en, [issuer] name_en, [interviews] address_en".to_owned()),
        "{err}"
    );
    let session = std::fs::read_dir(root.join("data/interviews")).unwrap().next().unwrap().unwrap().file_name();
    let session = session.to_string_lossy();
    assert!(
        lines.contains(&format!("data/interviews: the English pages will show the university of 1 interview session in Azerbaijani, with no institution_en: data/interviews/{session}/session.toml")),
        "{err}"
    );
    // The session has neither title_en nor place_en, and its two vacancies no specialty_en.
    assert!(
        lines.contains(&format!("data/interviews: the English pages will show the title or the venue of 1 interview session in Azerbaijani: data/interviews/{session}/session.toml (title_en, place_en)")),
        "{err}"
    );
    assert!(
        lines.contains(&format!("data/interviews: the English pages will show 2 specialties in Azerbaijani, with no specialty_en: {session}: Fizika, {session}: Kimya")),
        "{err}"
    );
    // Translated, they are not listed.
    let file = root.join("data/interviews").join(&*session).join("session.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    let text = text
        .replacen(
            "place = \"Əsas bina, 101\"",
            "place = \"Əsas bina, 101\"\ntitle_en = \"Trial session\"\nplace_en = \"Main building, 101\"",
            1,
        )
        .replace("specialty = \"Fizika\"", "specialty = \"Fizika\"\nspecialty_en = \"Physics\"")
        .replace("specialty = \"Kimya\"", "specialty = \"Kimya\"\nspecialty_en = \"Chemistry\"");
    std::fs::write(&file, text).unwrap();
    let err = check(root, "en");
    assert!(!err.contains("title or the venue") && !err.contains("specialties in Azerbaijani"), "{err}");
}

//! The verification page's card and the decisions below it, as written by the build (DESIGN
//! §5): each date on the card labelled for the status, no "valid until" on a card that is not
//! valid, the successor linked, every published decision listed with its notice (a lifted
//! suspension too), an announced decision in words true on any day, and pages that stay small.
//! (tests/browser/card.test.mjs checks what a person sees, with the in-browser check.)

mod common;

use common::*;

/// The minimal fixture with a reinstated certificate (T-0010) and an announced suspension of
/// T-0004, built on 2026-11-23: each certificate's Azerbaijani and English page by number.
fn site() -> (tempfile::TempDir, std::collections::BTreeMap<String, (String, String)>) {
    let site = fixture("minimal");
    let root = site.path();
    let toml = root.join("data/site.toml");
    let text = std::fs::read_to_string(&toml).unwrap();
    std::fs::write(&toml, format!("languages = [\"az\", \"en\"]\n{text}")).unwrap();
    let append = |file: &str, rows: &str| {
        let path = root.join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, format!("{text}{rows}")).unwrap();
    };
    append("data/certificates.csv", "T-0010,Cəfərov,Elçin,,Elektrik,Electrician,,2025-05-01,2028-04-30,,,,,,,\n");
    append(
        "data/decisions.csv",
        "D-3,T-0004,suspend,2026-11-20,2026-12-01,,fitness,Sağlamlıq vəziyyəti yenidən qiymətləndirilir.,,\n\
         D-7,T-0010,suspend,2026-02-01,2026-02-02,,logo-misuse,Loqo qaydalara zidd istifadə edilib.,,\n\
         D-8,T-0010,reinstate,2026-03-01,2026-03-02,,logo-misuse,Pozuntu aradan qaldırılıb.,,\n",
    );
    build(root, "2026-11-23");
    let public = root.join("public");
    let pages = pages_by_number(&public)
        .into_iter()
        .map(|(number, code)| {
            let read = |dir: &str| std::fs::read_to_string(public.join(dir).join("c").join(&code).join("index.html")).unwrap();
            (number, (read(""), read("en")))
        })
        .collect();
    (site, pages)
}

/// The card: from `<section class="verdict"` to its end.
fn card(html: &str) -> &str {
    let start = html.find("<section class=\"verdict\"").unwrap();
    &html[start..start + html[start..].find("</section>").unwrap()]
}

#[test]
fn the_card_labels_each_date_for_the_status_and_the_decisions_follow_it() {
    let (_site, pages) = site();
    let (az, en) = &pages["T-0006"]; // revoked from 2026-04-01
    assert!(card(az).contains("<dt>Son etibarlı gün</dt><dd><time datetime=\"2026-03-31\">31.03.2026</time></dd>"), "{}", card(az));
    assert!(!card(az).contains("Etibarlıdır (daxil olmaqla)"), "{}", card(az));
    assert!(card(en).contains("<dt>Last valid day</dt>") && !card(en).contains("Valid until"), "{}", card(en));
    assert!(az.contains("Verildiyi kimi etibarlılıq müddəti (daxil olmaqla)") && en.contains("Period of validity as issued (inclusive)"));

    let (az, _) = &pages["T-0005"]; // suspended by D-1, no end
    assert!(card(az).contains("<dt>Dayandırma müddəti</dt><dd>dayandırmanı götürən qərar verilənədək</dd>"), "{}", card(az));

    let (az, en) = &pages["T/0002"]; // superseded by T-0003
    assert!(card(az).contains("<dt>Əvəz edən sertifikat</dt><dd><a href=\"https://cert.example.org/c/"), "{}", card(az));
    assert!(card(en).contains("<dt>Replaced by</dt><dd><a href=\"https://cert.example.org/en/c/") && card(en).contains(">T-0003</a>"));

    // Reinstated: the lifted suspension stays listed, with the reinstatement, each with its notice.
    let (az, en) = &pages["T-0010"];
    assert!(card(az).contains("data-status=\"valid\""));
    assert!(
        az.contains(
            "<li data-action=\"suspend\" data-state=\"lifted\"><time datetime=\"2026-02-02\">02.02.2026</time> Dayandırma, götürülüb: <a href=\"/notices/D-7/\">D-7</a></li>"
        ),
        "{az}"
    );
    assert!(az.contains("<li data-action=\"reinstate\" data-state=\"in-effect\"><time datetime=\"2026-03-02\">02.03.2026</time> Bərpa: <a href=\"/notices/D-8/\">D-8</a></li>"));
    assert!(en.contains("2 February 2026</time> Suspension, lifted: <a href=\"/en/notices/D-7/\">D-7</a>"), "{en}");

    // Announced: no future tense, on the card and in the list.
    let (az, en) = &pages["T-0004"];
    assert!(card(az).contains("data-effective=\"2026-12-01\"><strong>01.12.2026 tarixindən dayandırma</strong>"), "{}", card(az));
    assert!(card(en).contains("<strong>Suspension from 1 December 2026</strong>"), "{}", card(en));
    assert!(!az.contains("acaq") && !en.contains("Will be"));
    assert!(az.contains("Dayandırma, elan olunub: <a href=\"/notices/D-3/\">D-3</a>"), "{az}");

    // No decision, no list; every page small.
    assert!(!pages["T-0001"].0.contains("class=\"history\""));
    for (number, (az, en)) in &pages {
        assert!(az.len() < 8192 && en.len() < 8192, "{number}: {} and {} bytes", az.len(), en.len());
    }
}

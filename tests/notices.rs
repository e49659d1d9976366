//! Reasoned notices (DESIGN §3 decisions, §4 `/notices/`; agreement §4 B¶3, A¶17): one page
//! per published decision, the list newest first with pagination, a valid Atom feed, and the
//! errors of decisions.csv all at once.

mod common;

use common::*;
use std::path::Path;

const DATE: &str = "2026-11-23";

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn every_published_decision_has_its_notice_with_grounds_reason_and_objection() {
    let site = sample();
    build(site.path(), DATE);
    let public = site.path().join("public");
    for id in ["D-2026-001", "D-2026-002", "D-2026-003", "D-2026-004", "D-2026-005", "D-2026-006"] {
        let html = read(&public.join("notices").join(id).join("index.html"));
        assert_eq!(attr(&html, "data-notice"), Some(id));
        assert!(html.contains("(müqavilə, §4 B¶3)"), "{id} cites the clause that allows publishing");
    }
    // D-2026-004 revokes PSM-2024-0088 for altered;misleading-use, decided 2026-09-03.
    let revoke = read(&public.join("notices/D-2026-004/index.html"));
    assert_eq!(attr(&revoke, "data-action"), Some("revoke"));
    assert!(revoke.contains("PSM-2024-0088"));
    assert!(revoke.contains(r#"data-ground="altered""#) && revoke.contains("(müqavilə, §4 A¶13, A¶15)"));
    assert!(revoke.contains("the certificate was altered"), "the English wording is there too");
    assert_eq!(attr(&revoke, "data-objection-deadline"), Some("2026-09-13"), "10 days, §4 A¶17");
    // Suspension lifted by a reinstatement, and the reinstatement links back.
    let lifted = read(&public.join("notices/D-2026-001/index.html"));
    assert_eq!(attr(&lifted, "data-lifted-by"), Some("D-2026-003"));
    let reinstate = read(&public.join("notices/D-2026-003/index.html"));
    assert_eq!(attr(&reinstate, "data-lifts"), Some("D-2026-001"));
    // Decided, not yet in effect: published, and says from when it applies.
    let future = read(&public.join("notices/D-2026-006/index.html"));
    assert_eq!(attr(&future, "data-effective"), Some("future"));
    assert!(future.contains(r#"<time datetime="2026-12-01">01.12.2026</time>"#));
    // The holder by initials (the default): no full name on any notice.
    assert!(!revoke.contains("data-lifted-by"));
    let pages = pages_by_number(&public);
    let cert = read(&public.join("c").join(&pages["PSM-2024-0088"]).join("index.html"));
    let surname = cert.split(r#"<h1 class="verdict-holder">"#).nth(1).unwrap().split(' ').next().unwrap().to_owned();
    for entry in std::fs::read_dir(public.join("notices")).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            assert!(!read(&path.join("index.html")).contains(&surname), "{} names {surname}", path.display());
        }
    }
    // The verification pages of the suspended and revoked certificates link to their notices.
    assert!(cert.contains(r#"href="/notices/D-2026-004/""#));
    let suspended = read(&public.join("c").join(&pages["PSM-2025-0063"]).join("index.html"));
    assert!(suspended.contains(r#"href="/notices/D-2026-005/""#));
}

#[test]
fn holder_name_full_and_unpublished_decisions() {
    let site = fixture("minimal");
    let toml = site.path().join("data/site.toml");
    let mut text = read(&toml);
    text.push_str("[notices]\nholder_name = \"full\"\n");
    std::fs::write(&toml, text).unwrap();
    let decisions = site.path().join("data/decisions.csv");
    let mut text = read(&decisions);
    text.push_str("D-3,T-0001,suspend,2026-12-20,,,reputation,Gələcək qərar.,,\n");
    std::fs::write(&decisions, text).unwrap();
    build(site.path(), DATE);
    let public = site.path().join("public");
    let html = read(&public.join("notices/D-1/index.html"));
    assert!(html.contains("Həsənova Gülnar"), "full name when holder_name = \"full\"");
    assert!(!public.join("notices/D-3").exists(), "a decision is published from decided_on");
    assert!(!read(&public.join("notices/index.html")).contains("D-3"));
}

#[test]
fn the_list_is_newest_first_and_paginates_past_50_and_the_feed_is_valid_atom() {
    let site = fixture("minimal");
    let mut csv = String::from("id,certificate,action,decided_on,effective_on,until,grounds,reason\n");
    for i in 0..120 {
        // Alternate suspensions (each with an end) and reinstatements would need order; use
        // short suspensions, each over before the next.
        let day = time::Date::from_calendar_date(2025, time::Month::January, 1).unwrap() + time::Duration::days(2 * i);
        csv.push_str(&format!("N-{i:03},T-0001,suspend,{day},,{day},surveillance,Səbəb {i} <b>&</b>.\n"));
    }
    std::fs::write(site.path().join("data/decisions.csv"), csv).unwrap();
    build(site.path(), DATE);
    let public = site.path().join("public");
    let first = read(&public.join("notices/index.html"));
    let ids: Vec<&str> = first.match_indices("<li data-notice=\"").map(|(i, _)| &first[i + 17..i + 22]).collect();
    assert_eq!(ids.len(), 50);
    assert_eq!(ids[0], "N-119");
    assert_eq!(ids[49], "N-070");
    assert!(first.contains(r#"href="/notices/page/2/""#));
    let third = read(&public.join("notices/page/3/index.html"));
    assert_eq!(third.matches("<li data-notice=").count(), 20);
    assert!(third.contains(r#"rel="prev" href="/notices/page/2/""#));
    assert!(!public.join("notices/page/4").exists());

    let feed = feed_rs::parser::parse(&std::fs::read(public.join("notices/atom.xml")).unwrap()[..]).unwrap();
    assert_eq!(feed.feed_type, feed_rs::model::FeedType::Atom);
    assert_eq!(feed.entries.len(), 120);
    assert_eq!(feed.entries[0].id, "https://cert.example.org/notices/N-119/");
    assert_eq!(feed.entries[0].links[0].href, "https://cert.example.org/notices/N-119/");
    assert_eq!(feed.entries[0].summary.as_ref().unwrap().content, "Səbəb 119 <b>&</b>.");
    assert!(feed.updated.is_some());

    // Fewer decisions later: the pages that are no longer needed go.
    std::fs::write(site.path().join("data/decisions.csv"), "id,certificate,action,decided_on,grounds,reason\n").unwrap();
    build(site.path(), DATE);
    assert!(!public.join("notices/page").exists());
    assert!(!public.join("notices/N-000").exists());
    assert!(read(&public.join("notices/index.html")).contains("Hələ dərc olunmuş qərar yoxdur."));
}

#[test]
fn decision_errors_are_reported_all_at_once() {
    let site = fixture("minimal");
    std::fs::write(
        site.path().join("data/decisions.csv"),
        "id,certificate,action,decided_on,effective_on,until,grounds,reason\n\
         D-1,T-9999,suspend,2026-01-01,,,reputation,Səbəb.\n\
         D-2,T-0001,suspend,2026-01-01,,,forgery,Səbəb.\n\
         D-3,T-0001,suspend,2026-01-01,,,reputation,\n\
         D-4,T-0001,suspend,2026-02-10,,2026-02-01,reputation,Səbəb.\n\
         D-5,T-0004,reinstate,2026-07-01,,,reputation,Səbəb.\n\
         D-6,T-0006,revoke,2026-03-01,,,altered,Səbəb.\n\
         D-7,T-0006,suspend,2026-04-01,,,altered,Səbəb.\n\
         D-6,T-0005,suspend,2026-04-01,,,altered,Səbəb.\n",
    )
    .unwrap();
    let out = certsite(site.path(), &["check", "--build-date", DATE]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    for expected in [
        "data/decisions.csv:2:5: certificate \"T-9999\" is not in data/certificates.csv",
        "data/decisions.csv:3:33: ground \"forgery\" is not known",
        "data/decisions.csv:4:44: reason is empty",
        "data/decisions.csv:5:32: until 2026-02-01 is before effective_on 2026-02-10",
        "data/decisions.csv:6:1: reinstatement D-5 has no suspension of certificate T-0004 to lift",
        "data/decisions.csv:8:1: decision D-7 comes after revocation D-6 of certificate T-0006",
        "data/decisions.csv:9:1: decision id \"D-6\" appears twice",
        "error: 7 errors",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in:\n{err}");
    }
}

/// Every `<time>` element of `html` with its `datetime`, panicking on one without.
fn times(html: &str) -> Vec<&str> {
    html.split("<time").skip(1).map(|t| attr(t.split('>').next().unwrap(), "datetime").unwrap_or_else(|| panic!("<time{t}"))).collect()
}

#[test]
fn a_suspension_says_to_whom_by_when_and_under_which_clause_to_object() {
    let site = sample();
    build(site.path(), DATE);
    let public = site.path().join("public");
    // D-2026-005 suspends PSM-2025-0063, decided 2026-10-14: 10 days, §4 A¶17.
    let az = read(&public.join("notices/D-2026-005/index.html"));
    let en = read(&public.join("en/notices/D-2026-005/index.html"));
    for (html, words) in
        [(&az, ["E-poçt", "Telefon", "Ünvan", "(müqavilə, §4 A¶17)"]), (&en, ["Email", "Phone", "Address", "(agreement, §4 A¶17)"])]
    {
        let objection = &html[html.find("id=\"objection-h\"").unwrap()..];
        let objection = &objection[..objection.find("</section>").unwrap()];
        let day = if std::ptr::eq(html, &en) { "24 October 2026" } else { "24.10.2026" };
        assert!(objection.contains(&format!(r#"<time datetime="2026-10-24">{day}</time>"#)), "{objection}");
        assert!(objection.contains(r#"<a href="mailto:reyestr@sertifikat.example.az">reyestr@sertifikat.example.az</a>"#), "{objection}");
        assert!(objection.contains("+994 12 555 01 74") && objection.contains("Təbriz küçəsi 74"), "{objection}");
        for word in words {
            assert!(objection.contains(word), "{word} in {objection}");
        }
    }
    assert!(en.contains("Send the objection in writing to the certification body: Professional Certification Centre LLC"), "{en}");
    // A revocation too; a reinstatement is not objected to.
    assert!(read(&public.join("notices/D-2026-004/index.html")).contains("data-objection-contact"));
    assert!(!read(&public.join("notices/D-2026-003/index.html")).contains("data-objection-contact"));

    // Without a contact in site.toml: `check` warns, and the notice says so and names the body.
    let toml = site.path().join("data/site.toml");
    let text = read(&toml)
        .lines()
        .filter(|l| !l.starts_with("email") && !l.starts_with("phone") && !l.starts_with("address"))
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(&toml, text).unwrap();
    let out = certsite(site.path(), &["check", "--build-date", DATE]);
    assert!(out.status.success());
    assert!(stderr(&out).contains("notices cannot say where to object: [issuer] has no email, phone or address"), "{}", stderr(&out));
    build(site.path(), DATE);
    let html = read(&public.join("en/notices/D-2026-005/index.html"));
    assert!(html.contains(r#"data-objection-contact="none""#) && html.contains("Professional Certification Centre LLC"), "{html}");
}

#[test]
fn a_reinstatement_says_what_it_lifts_and_why_not_grounds_of_its_own() {
    let site = sample();
    build(site.path(), DATE);
    let public = site.path().join("public");
    // D-2026-003 lifts D-2026-001 (surveillance, §4 A¶6).
    for (page, heading, why) in [
        ("notices/D-2026-003/index.html", "Götürülən dayandırmanın əsasları (D-2026-001)", "Dayandırmanın nə üçün götürüldüyü"),
        ("en/notices/D-2026-003/index.html", "Grounds of the suspension that is lifted (D-2026-001)", "Why the suspension is lifted"),
    ] {
        let html = read(&public.join(page));
        assert_eq!(attr(&html, "data-lifts"), Some("D-2026-001"));
        assert!(!html.contains("data-ground="), "{page} lists no grounds as its own:\n{html}");
        assert!(html.contains(r#"data-lifted-ground="surveillance""#), "{page}");
        assert!(html.contains(heading) && html.contains(why), "{page}:\n{html}");
        let day = if page.starts_with("en/") { "16 February 2026" } else { "16.02.2026" };
        assert!(html.contains(&format!(r#"(<time datetime="2026-02-16">{day}</time>)"#)), "the lifted suspension's date, {page}");
    }
    // So does the notice as data.
    let data: serde_json::Value = serde_json::from_str(&read(&public.join("notices/D-2026-003/notice.json"))).unwrap();
    assert_eq!(data["grounds"], serde_json::json!([]), "{data}");
    assert_eq!(data["lifted_grounds"][0]["code"], "surveillance", "{data}");
    assert_eq!(data["lifts"], "D-2026-001");
    // The suspension keeps its grounds as its own.
    let suspension = read(&public.join("notices/D-2026-001/index.html"));
    assert!(suspension.contains(r#"data-ground="surveillance""#) && !suspension.contains("data-lifted-ground"));
    let data: serde_json::Value = serde_json::from_str(&read(&public.join("notices/D-2026-001/notice.json"))).unwrap();
    assert_eq!((data["grounds"][0]["code"].as_str(), data["lifted_grounds"].as_array().map(Vec::len)), (Some("surveillance"), Some(0)));
}

#[test]
fn the_list_says_in_effect_ended_or_lifted_and_every_date_is_machine_readable() {
    let site = sample();
    build(site.path(), DATE);
    let public = site.path().join("public");
    for (page, lifted, ended) in [
        (
            "notices/index.html",
            "Götürülüb</span> <span class=\"state-detail\">(qərar:",
            "Başa çatıb</span> <span class=\"state-detail\">(son günü:",
        ),
        (
            "en/notices/index.html",
            "Lifted</span> <span class=\"state-detail\">(by notice",
            "Ended</span> <span class=\"state-detail\">(last day",
        ),
    ] {
        let html = read(&public.join(page));
        let entry = |id: &str| {
            let start = html.find(&format!("<li data-notice=\"{id}\"")).unwrap_or_else(|| panic!("{id} in {page}"));
            &html[start..start + html[start..].find("</li>").unwrap()]
        };
        assert_eq!(attr(entry("D-2026-006"), "data-state"), Some("not-yet-effective"));
        let day = if page.starts_with("en/") { "1 December 2026" } else { "01.12.2026" };
        assert!(entry("D-2026-006").contains(&format!(r#"<time datetime="2026-12-01">{day}</time>"#)));
        assert_eq!(attr(entry("D-2026-005"), "data-state"), Some("in-effect"));
        assert_eq!(attr(entry("D-2026-004"), "data-state"), Some("in-effect"));
        assert_eq!(attr(entry("D-2026-002"), "data-state"), Some("ended"));
        assert!(
            entry("D-2026-002").contains(&format!(
                r#"{ended} <time datetime="2026-06-30">{}</time>)"#,
                if page.starts_with("en/") { "30 June 2026" } else { "30.06.2026" }
            )),
            "{}",
            entry("D-2026-002")
        );
        assert_eq!(attr(entry("D-2026-001"), "data-state"), Some("lifted"));
        assert!(
            entry("D-2026-001").contains(lifted) && entry("D-2026-001").contains(r#"data-lifted-by="D-2026-003""#),
            "{}",
            entry("D-2026-001")
        );
        assert!(times(&html).iter().all(|d| d.len() == 10), "{page}");
    }
    // The notice itself says it ended, and every date on every notice page is machine-readable.
    let ended = read(&public.join("en/notices/D-2026-002/index.html"));
    assert_eq!(attr(&ended, "data-ended"), Some("2026-06-30"));
    for dir in ["notices", "en/notices"] {
        for entry in std::fs::read_dir(public.join(dir)).unwrap() {
            let path = entry.unwrap().path().join("index.html");
            if path.is_file() {
                let html = read(&path);
                assert!(!times(&html).is_empty(), "{}", path.display());
            }
        }
    }
    // Before the suspension ended it was in effect.
    build(site.path(), "2026-05-01");
    let html = read(&public.join("notices/index.html"));
    assert!(html.contains(r#"<li data-notice="D-2026-002" data-state="in-effect">"#), "{html}");
}

#[test]
fn each_language_has_its_feed_and_an_entry_is_updated_when_lifted() {
    let site = sample();
    build(site.path(), "2026-03-01");
    let public = site.path().join("public");
    let parse = |path: &str| feed_rs::parser::parse(&std::fs::read(public.join(path)).unwrap()[..]).unwrap();
    let entry = |feed: &feed_rs::model::Feed, id: &str| feed.entries.iter().find(|e| e.id.ends_with(&format!("/{id}/"))).cloned().unwrap();
    let en = parse("en/notices/atom.xml");
    let d1 = entry(&en, "D-2026-001");
    assert_eq!(d1.id, "https://sertifikat.example.az/en/notices/D-2026-001/");
    assert_eq!(d1.links[0].href, "https://sertifikat.example.az/en/notices/D-2026-001/");
    assert!(d1.summary.as_ref().unwrap().content.starts_with("The holder did not attend"), "English reasoning");
    assert_eq!(d1.updated.unwrap().to_rfc3339(), "2026-02-16T00:00:00+00:00");
    let az = parse("notices/atom.xml");
    assert!(entry(&az, "D-2026-001").summary.unwrap().content.starts_with("Sertifikat sahibi"));
    // The pages point at their own language's feed.
    assert!(read(&public.join("en/notices/index.html")).contains(r#"href="/en/notices/atom.xml""#));
    assert!(read(&public.join("notices/index.html")).contains(r#"href="/notices/atom.xml""#));

    // D-2026-003 (decided 2026-04-08) lifts D-2026-001: its entry is updated, and says so.
    build(site.path(), "2026-04-10");
    for (path, lifted) in [("en/notices/atom.xml", "(Lifted: D-2026-003)"), ("notices/atom.xml", "(Götürülüb: D-2026-003)")] {
        let feed = parse(path);
        let d1 = entry(&feed, "D-2026-001");
        assert_eq!(d1.updated.unwrap().to_rfc3339(), "2026-04-08T00:00:00+00:00", "{path}");
        assert!(d1.title.unwrap().content.ends_with(lifted), "{path}");
        assert_eq!(feed.updated.unwrap().to_rfc3339(), "2026-04-08T00:00:00+00:00", "{path}");
    }
}

#[test]
fn english_notice_pages_carry_no_azerbaijani_interface_word() {
    let site = sample();
    build(site.path(), DATE);
    let public = site.path().join("public");
    let mut pages = vec![public.join("en/notices/index.html")];
    for entry in std::fs::read_dir(public.join("en/notices")).unwrap() {
        let path = entry.unwrap().path().join("index.html");
        if path.is_file() {
            pages.push(path);
        }
    }
    assert!(pages.len() > 6);
    for path in pages {
        let html = read(&path);
        // The page's own words: <main> without the Azerbaijani quoted in it (lang="az").
        let main = &html[html.find("<main").unwrap()..html.find("</main>").unwrap()];
        let mut html = String::new();
        let mut rest = main;
        while let Some(i) = rest.find(" lang=\"az\"") {
            let open = rest[..i].rfind('<').unwrap();
            let tag: String = rest[open + 1..].chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
            html.push_str(&rest[..open]);
            let close = format!("</{tag}>");
            rest = &rest[i + rest[i..].find(&close).unwrap() + close.len()..];
        }
        html.push_str(rest);
        for (key, az, en) in certsite::render::i18n::STRINGS {
            // The language switch names each language in itself ("Azərbaycanca", lang="az").
            if az != en && az.chars().count() >= 5 && *key != "language_name" {
                assert!(!html.contains(az), "{} shows t.{key} in Azerbaijani: {az}", path.display());
            }
        }
    }
    let feed = read(&public.join("en/notices/atom.xml"));
    assert!(!feed.contains("Götürülüb") && !feed.contains("Sertifikatın"), "{feed}");
}

#[test]
fn the_home_page_lists_the_five_newest_notices_and_the_latest_results() {
    let site = sample();
    build(site.path(), DATE);
    let public = site.path().join("public");
    for (page, prefix) in [("index.html", ""), ("en/index.html", "/en")] {
        let html = read(&public.join(page));
        let section = |what: &str| {
            let start = html.find(&format!("data-latest=\"{what}\"")).unwrap_or_else(|| panic!("{what} on {page}"));
            &html[start..start + html[start..].find("</section>").unwrap()]
        };
        let notices = section("notices");
        let ids: Vec<&str> = notices.split("<li data-notice=\"").skip(1).map(|s| &s[..s.find('"').unwrap()]).collect();
        assert_eq!(ids, ["D-2026-006", "D-2026-005", "D-2026-004", "D-2026-003", "D-2026-002"], "{page}");
        assert!(notices.contains(&format!("href=\"{prefix}/notices/\"")), "{page}");
        let results = section("results");
        assert!(results.contains("data-session=\"2026-03-xarici\"") && results.contains("<time datetime=\"2026-03-23\">"), "{results}");
        assert!(results.contains(&format!("href=\"{prefix}/interviews/\"")), "{page}");
        assert!(html.contains("id=\"verify-form\""), "the code field on {page}");
    }
    // Before the results were published, no result set is listed.
    build(site.path(), "2026-03-20");
    assert!(!read(&public.join("index.html")).contains("data-latest=\"results\""));
}

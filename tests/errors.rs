//! Bad input: every error at once with file:line:column, exit 1, the previous output
//! untouched, wrong usage exit 2, and no input — however broken — makes certsite panic.

mod common;

use common::*;
use std::path::Path;

const DATE: &str = "2026-11-23";

fn check(root: &Path) -> (i32, String) {
    let out = certsite(root, &["check", "--build-date", DATE]);
    (out.status.code().unwrap_or(-1), stderr(&out))
}

#[test]
fn every_error_is_reported_at_once_with_position_value_and_hint() {
    let site = fixture("invalid/many-errors");
    let (code, err) = check(site.path());
    assert_eq!(code, 1, "{err}");
    for expected in [
        "data/site.toml:3:1: unknown key `titel`",
        "did you mean `title`?",
        "data/certificates.csv:2:28: issued_on: \"2029-13-45\" has month 13, which does not exist",
        "expected a date as YYYY-MM-DD or DD.MM.YYYY",
        "data/certificates.csv:3:1: this row has 2 fields, the header has 6",
        "data/decisions.csv:2:31: ground \"forgery\" is not known",
        "data/decisions.csv:2:39: reason is empty",
        "data/decisions.csv:2:5: certificate \"NOPE-1\" is not in data/certificates.csv",
        "error: 6 errors; nothing was written",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in:\n{err}");
    }
    assert!(!err.contains("panicked"));
}

#[test]
fn a_failed_build_leaves_the_previous_output_byte_identical() {
    let site = fixture("minimal");
    build(site.path(), DATE);
    let before = tree(&site.path().join("public"));
    let csv = site.path().join("data/certificates.csv");
    let mut text = std::fs::read_to_string(&csv).unwrap();
    text.push_str("T-0001,Dublikat,Ad,,Peşə,,,2025-01-01,2026-01-01,,,,,,,\n");
    text = text.replace("Əliyeva,Şəbnəm", "Əliyeva Dəyişdi,Şəbnəm");
    std::fs::write(&csv, text).unwrap();
    let out = certsite(site.path(), &["build", "--build-date", DATE]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("data/certificates.csv:8:1: certificate number \"T-0001\" appears twice"), "{err}");
    assert!(err.contains("the first is at data/certificates.csv:2:1"), "{err}");
    assert_eq!(before, tree(&site.path().join("public")), "nothing was published");
}

#[test]
fn a_duplicate_number_is_reported_at_the_second_numbers_cell_wherever_the_column_stands() {
    let site = fixture("minimal");
    // `number` third; a quoted line break in the row between; the second number in lower case.
    std::fs::write(
        site.path().join("data/certificates.csv"),
        "surname,given_name,number,profession,issued_on,valid_until\n\
         Əliyeva,Şəbnəm,T-0001,Mühasib,2025-01-10,2028-01-09\n\
         Quliyev,\"Çingiz\nOğlu\",T/0002,Qaynaqçı,01.03.2022,28.02.2025\n\
         Məmmədova,Rəşad,t-0001,Aşpaz,2024-01-01,2027-01-01\n",
    )
    .unwrap();
    std::fs::remove_file(site.path().join("data/decisions.csv")).unwrap();
    let (code, err) = check(site.path());
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("data/certificates.csv:5:17: certificate number \"T-0001\" appears twice"), "{err}");
    assert!(err.contains("the first is at data/certificates.csv:2:16"), "{err}");
    assert!(err.contains("error: 1 error;"), "{err}");
}

#[test]
fn bad_utf8_and_a_missing_column_are_one_error_each() {
    let site = fixture("minimal");
    std::fs::write(
        site.path().join("data/certificates.csv"),
        b"number,surname,given_name,profession,issued_on\nT-1,\xC9liyev,A,B,2025-01-01\n",
    )
    .unwrap();
    let (code, err) = check(site.path());
    assert_eq!(code, 1);
    assert!(err.contains("data/certificates.csv:2:5: the file is not valid UTF-8"), "{err}");
    std::fs::write(
        site.path().join("data/certificates.csv"),
        "number,surname,given_name,profession,issued_on,valid_untill\nT-1,A,B,C,2025-01-01,2026-01-01\n",
    )
    .unwrap();
    let (code, err) = check(site.path());
    assert_eq!(code, 1);
    assert!(err.contains("data/certificates.csv:1:1: required column \"valid_until\" is missing"), "{err}");
    assert!(err.contains("is \"valid_untill\" a misspelling of it?"), "{err}");
    // The certificates file did not load: the decisions that name its numbers are not
    // reported again (one mistake, one error).
    assert!(!err.contains("data/decisions.csv:"), "{err}");
    assert!(err.contains("error: 1 error;"), "{err}");
}

#[test]
fn wrong_usage_exits_2() {
    let site = fixture("minimal");
    for args in [&["build", "--bogus"][..], &["frobnicate"], &["check", "--build-date", "2026-02-30"], &[]] {
        let out = certsite(site.path(), args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
    }
    let out = certsite(site.path(), &["build", "--key", "public/stolen.key"]);
    assert_eq!(out.status.code(), Some(2), "a key inside the output is refused");
    assert!(stderr(&out).contains("inside the output directory"));
    assert!(!site.path().join("public").exists(), "nothing was written");
}

/// Deterministic pseudo-random mutations of valid files: whatever the bytes, `check` answers
/// 0 or 1 and never panics.
fn mangle(fixture_name: &str, files: &[&str], rounds: u32, date: &str) {
    let site = fixture(fixture_name);
    let originals: Vec<Vec<u8>> = files.iter().map(|f| std::fs::read(site.path().join(f)).unwrap()).collect();
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let noise: &[&[u8]] = &[
        b"\"",
        b",",
        b"\n",
        b"\r\n",
        b"\xff",
        b"\xc3",
        b"=",
        b"[",
        b"+++",
        b"\0",
        b"2029-13-45",
        b"\xef\xbb\xbf",
        b"",
        b";",
        b"-1",
        b"99.5",
        b"[[vacancies]]",
    ];
    for round in 0..rounds {
        let which = (next() % files.len() as u64) as usize;
        let mut bytes = originals[which].clone();
        for _ in 0..(1 + next() % 6) {
            let at = (next() % (bytes.len() as u64 + 1)) as usize;
            match next() % 3 {
                0 => bytes.truncate(at),
                1 => {
                    let n = noise[(next() % noise.len() as u64) as usize];
                    bytes.splice(at..at, n.iter().copied());
                }
                _ => {
                    let end = (at + (next() % 8) as usize).min(bytes.len());
                    bytes.drain(at..end);
                }
            }
        }
        std::fs::write(site.path().join(files[which]), &bytes).unwrap();
        let out = certsite(site.path(), &["check", "--build-date", date]);
        let (code, err) = (out.status.code().unwrap_or(-1), stderr(&out));
        assert!(code == 0 || code == 1, "round {round} on {}: exit {code}\n{err}", files[which]);
        assert!(!err.contains("panicked"), "round {round}: {err}");
        std::fs::write(site.path().join(files[which]), &originals[which]).unwrap();
    }
}

#[test]
fn mangled_inputs_never_panic() {
    mangle("minimal", &["data/certificates.csv", "data/decisions.csv", "data/site.toml", "content/about.md"], 60, "2026-11-23");
}

#[test]
fn mangled_interview_files_never_panic() {
    let session = "data/interviews/2026-05-test";
    let files = [
        format!("{session}/session.toml"),
        format!("{session}/scores.csv"),
        format!("{session}/schedule.csv"),
        format!("{session}/appeals.csv"),
        "data/holidays.csv".to_owned(),
    ];
    mangle("interviews", &files.iter().map(String::as_str).collect::<Vec<_>>(), 60, "2026-05-27");
}

#[test]
fn an_output_that_would_delete_the_sources_is_refused() {
    let site = fixture("minimal");
    for out in [".", "data", "content", "..", "templates/x"] {
        let run = certsite(site.path(), &["build", "--out", out, "--build-date", "2026-11-23"]);
        assert_eq!(run.status.code(), Some(2), "--out {out}: {}", stderr(&run));
    }
    assert!(site.path().join("data/certificates.csv").exists() && site.path().join("content/about.md").exists());
}

#[test]
fn a_template_failing_on_one_certificate_writes_nothing() {
    let site = fixture("minimal");
    build(site.path(), "2026-11-23");
    let before = tree(&site.path().join("public"));
    // Fails only for T-0004, a certificate the load-time preflight does not render.
    let page = std::fs::read_to_string(repo().join("templates/certificate.html")).unwrap();
    let page = page.replace(
        "<h1 class=\"verdict-holder\">{{ cert.holder }}</h1>",
        "<h1 class=\"verdict-holder\">{{ cert.holder }}</h1>{% if cert.number == \"T-0004\" %}{{ cert.patronymic | upper }}{% endif %}",
    );
    assert!(page.contains("T-0004"), "the template was changed");
    std::fs::write(site.path().join("templates/certificate.html"), page).unwrap();
    let toml = site.path().join("data/site.toml");
    let original = std::fs::read_to_string(&toml).unwrap();
    std::fs::write(&toml, original.replace("Sınaq reyestri", "Yeni ad")).unwrap();
    let out = certsite(site.path(), &["build", "--build-date", "2026-11-23"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("nothing was written"), "{}", stderr(&out));
    assert_eq!(before, tree(&site.path().join("public")), "the previous output is untouched");
    // Put things back: the output is what it was.
    std::fs::remove_file(site.path().join("templates/certificate.html")).unwrap();
    std::fs::write(&toml, original).unwrap();
    build(site.path(), "2026-11-23");
    assert_eq!(before, tree(&site.path().join("public")));
}

#[test]
fn content_pages_that_would_collide_are_errors() {
    let site = fixture("minimal");
    std::fs::create_dir_all(site.path().join("content/about")).unwrap();
    std::fs::write(site.path().join("content/about/index.md"), "+++\ntitle = \"B\"\n+++\nb\n").unwrap();
    std::fs::write(site.path().join("content/sitemap.xml.md"), "+++\ntitle = \"S\"\n+++\ns\n").unwrap();
    let out = certsite(site.path(), &["check", "--build-date", "2026-11-23"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("are both published at /about/"), "{err}");
    assert!(err.contains("content/sitemap.xml.md would be published at /sitemap.xml/"), "{err}");
}

/// `check` with a fixed terminal width (stderr is not a terminal here: `COLUMNS` decides).
fn check_width(root: &Path, columns: &str) -> (i32, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_certsite"))
        .args(["check", "--build-date", DATE])
        .current_dir(root)
        .env("COLUMNS", columns)
        .env_remove("CERTSITE_KEY")
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .unwrap();
    (out.status.code().unwrap_or(-1), stderr(&out))
}

/// The excerpt's lines and their marks: `(line number, text)` of each quoted line, and the
/// character where each underline starts (from the `·` line after a quoted line).
fn quoted_lines(report: &str) -> (Vec<(u64, String)>, Vec<usize>) {
    let (mut lines, mut marks) = (Vec::new(), Vec::new());
    for l in report.lines() {
        if let Some((num, text)) = l.split_once(" │ ") {
            if let Ok(n) = num.trim().parse() {
                lines.push((n, text.to_owned()));
            }
        } else if let Some((pad, under)) = l.split_once(" · ") {
            if pad.trim().is_empty() && under.contains('┬') {
                marks.push(under.chars().take_while(|&c| c == ' ').count());
            }
        }
    }
    (lines, marks)
}

#[test]
fn a_report_never_shows_the_private_cells_of_the_row_or_its_neighbours() {
    let site = fixture("minimal");
    let csv = site.path().join("data/certificates.csv");
    let text = std::fs::read_to_string(&csv).unwrap();
    // A bad date in row 3 (neighbours 2 and 4 hold private data too), and a row whose extra
    // field shifts every column: its cells are all masked.
    let text = text.replacen("01.03.2022", "31.02.2022", 1)
        + "T-0099,Extra,Row,,Peşə,,,2025-01-01,2026-01-01,,SECRET-ID-9,SECRET-PHONE-9,x,y,z,w,SECRET-EXTRA-9\n";
    std::fs::write(&csv, text).unwrap();
    let (code, err) = check_width(site.path(), "400");
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("data/certificates.csv:3:41: issued_on: \"31.02.2022\""), "{err}");
    assert!(err.contains("this row has 17 fields, the header has 16"), "{err}");
    for private in ["PRIVATE-", "private-email", "example.invalid", "SECRET-"] {
        assert!(!err.contains(private), "{private} leaks into the report:\n{err}");
    }
    let (lines, _) = quoted_lines(&err);
    let row = |n: u64| lines.iter().find(|(k, _)| *k == n).map(|(_, t)| t.as_str()).unwrap_or_else(|| panic!("line {n} in:\n{err}"));
    // The row in error shows its public cells and the value in error, the rest masked.
    assert_eq!(row(3), "T/0002,Quliyev,Çingiz,,Qaynaqçı,Welder,,31.02.2022,28.02.2025,,•••,•••,•••,•••,•••,•••");
    assert!(row(2).starts_with("T-0001,Əliyeva,Şəbnəm,İlqar qızı,") && row(2).ends_with(",,•••,•••,•••,•••,•••,•••"), "{err}");
    assert!(lines.iter().any(|(_, t)| t.starts_with("•••,•••,•••,")), "the misaligned row is masked whole:\n{err}");
}

#[test]
fn the_heading_and_the_excerpt_give_the_same_character_column() {
    let site = fixture("minimal");
    let csv = site.path().join("data/certificates.csv");
    let text = std::fs::read_to_string(&csv).unwrap().replacen("01.03.2022", "31.02.2022", 1);
    // With a BOM, which no column counts.
    std::fs::write(&csv, format!("\u{feff}{text}")).unwrap();
    let (_, err) = check_width(site.path(), "400");
    // "T/0002,Quliyev,Çingiz,,Qaynaqçı,Welder,," is 40 characters (and 43 bytes).
    assert!(err.contains("× data/certificates.csv:3:41: issued_on"), "{err}");
    assert!(err.contains("╭─[data/certificates.csv:3:41]"), "{err}");
    let report = &err[err.find("3:41: issued_on").unwrap()..];
    let (lines, marks) = quoted_lines(report);
    let line = &lines.iter().find(|(n, _)| *n == 3).unwrap().1;
    let at = line.chars().collect::<Vec<_>>();
    let start: String = at[marks[0]..marks[0] + 10].iter().collect();
    assert_eq!(start, "31.02.2022", "the underline starts under the value:\n{report}");
    assert_eq!(line.chars().take(marks[0]).count(), 40);
}

#[test]
fn long_lines_are_cut_to_the_width_around_the_value() {
    let site = fixture("minimal");
    let csv = site.path().join("data/certificates.csv");
    let text = std::fs::read_to_string(&csv).unwrap();
    let long = "Ə".repeat(150);
    let text = text.replacen(
        "T/0002,Quliyev,Çingiz,,Qaynaqçı,Welder,,01.03.2022",
        &format!("T/0002,Quliyev,Çingiz,,{long},Welder,,31.02.2022"),
        1,
    );
    std::fs::write(&csv, text).unwrap();
    let (_, err) = check_width(site.path(), "60");
    assert!(err.contains("data/certificates.csv:3:183: issued_on"), "{err}");
    assert!(err.contains("╭─[data/certificates.csv:3:183]"), "{err}");
    let (lines, marks) = quoted_lines(&err[err.find("3:183").unwrap()..]);
    for (n, l) in &lines {
        assert!(l.chars().count() + 5 <= 60, "line {n} is {} characters: {l}", l.chars().count());
    }
    let line = &lines.iter().find(|(n, _)| *n == 3).unwrap().1;
    assert!(line.starts_with('…'), "{line}");
    let value: String = line.chars().skip(marks[0]).take(10).collect();
    assert_eq!(value, "31.02.2022", "{err}");
}

#[test]
fn a_header_error_masks_the_row_below_it_and_a_second_column_of_a_public_name() {
    let site = fixture("minimal");
    let csv = site.path().join("data/certificates.csv");
    // id_card renamed "surname": a second surname column, never read, so still private.
    let text = std::fs::read_to_string(&csv).unwrap().replacen(",id_card,", ",surname,", 1);
    std::fs::write(&csv, text).unwrap();
    let (code, err) = check_width(site.path(), "400");
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("data/certificates.csv:1:"), "{err}");
    assert!(err.contains("column \"surname\" appears twice in the header"), "{err}");
    assert!(!err.contains("PRIVATE-") && !err.contains("example.invalid"), "{err}");
    let (lines, _) = quoted_lines(&err);
    assert!(lines.iter().any(|(n, t)| *n == 2 && t.starts_with("T-0001,Əliyeva,Şəbnəm,") && t.contains(",•••,")), "{err}");
}

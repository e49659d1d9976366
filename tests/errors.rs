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
        "error: 6 error(s); nothing was written",
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
fn bad_utf8_missing_column_and_unknown_references() {
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
    // The certificates file did not load, so every decision names an unknown certificate.
    assert!(err.contains("data/decisions.csv:2:"), "{err}");
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

//! One mistake, one error (DESIGN §2): a row with an error is still a number of the register,
//! so no decision or `replaces` that names it is reported again; a file that cannot be read is
//! one error, not one per decision; a missing column is one error; the blank rows a spreadsheet
//! leaves under a table are skipped and counted; a number typed with an en dash gets "did you
//! mean". Each case asserts the exact number of errors the build reports.

mod common;

use std::path::Path;

use common::{build, certsite, certsite_in, fixture, stderr, tree};

const DATE: &str = "2026-03-15";

/// Edits a data file of the site with `edit`.
fn edit(root: &Path, file: &str, edit: impl FnOnce(String) -> String) {
    let path = root.join("data").join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    let edited = edit(text.clone());
    assert_ne!(edited, text, "the edit of {file} changed nothing");
    std::fs::write(path, edited).unwrap();
}

/// Builds after `mistake` and returns the report (in English), asserting that the build
/// refused with exactly one error and left the published site as it was; and that in
/// Azerbaijani (`LANG=az_AZ.UTF-8`) it refuses alike, with one error and the refusal in
/// Azerbaijani.
fn one_error(mistake: impl FnOnce(&Path)) -> String {
    let site = fixture("minimal");
    build(site.path(), DATE);
    let before = tree(&site.path().join("public"));
    mistake(site.path());
    let args = ["build", "--build-date", DATE];
    let count = |err: &str| err.matches("\n  × ").count() + usize::from(err.starts_with("  × "));
    let out = certsite(site.path(), &args);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("error: 1 error;"), "one mistake, one error:\n{err}");
    assert_eq!(count(&err), 1, "{err}");
    let out = certsite_in(site.path(), &args, &[("LANG", "az_AZ.UTF-8")]);
    let az = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{az}");
    assert!(az.contains("xəta: 1 xəta; heç nə yazılmadı"), "in Azerbaijani:\n{az}");
    assert_eq!(count(&az), 1, "{az}");
    assert!(tree(&site.path().join("public")) == before, "nothing is published");
    err
}

#[test]
fn a_bad_date_in_a_certificate_that_a_decision_names() {
    // D-1 suspends T-0005.
    let err = one_error(|root| {
        edit(root, "certificates.csv", |t| {
            t.replace("T-0005,Həsənova,Gülnar,,Aşpaz,,,2026-01-01", "T-0005,Həsənova,Gülnar,,Aşpaz,,,2026-13-01")
        })
    });
    assert!(err.contains("has month 13"), "{err}");
    assert!(!err.contains("is not in data/certificates.csv"), "{err}");
}

#[test]
fn a_bad_date_in_a_certificate_that_a_newer_one_replaces() {
    // T-0003 replaces t/0002.
    let err = one_error(|root| edit(root, "certificates.csv", |t| t.replace("01.03.2022,28.02.2025", "01.03.2022,31.02.2025")));
    assert!(err.contains("valid_until"), "{err}");
    assert!(!err.contains("which is not in data/certificates.csv"), "{err}");
}

#[test]
fn a_register_in_a_windows_code_page() {
    let err = one_error(|root| {
        let path = root.join("data/certificates.csv");
        let text = std::fs::read_to_string(&path).unwrap();
        let lossy: String = text.chars().map(|c| if matches!(c, 'ə' | 'Ə') { '?' } else { c }).collect();
        std::fs::write(&path, encoding_rs::WINDOWS_1254.encode(&lossy).0).unwrap();
    });
    assert!(err.contains("Windows-1254"), "{err}");
}

#[test]
fn a_register_workbook_that_is_not_a_workbook() {
    // The decisions name its numbers: they are not reported again.
    let err = one_error(|root| {
        std::fs::remove_file(root.join("data/certificates.csv")).unwrap();
        std::fs::write(root.join("data/certificates.xlsx"), b"number,surname\n").unwrap();
    });
    assert!(err.contains("data/certificates.xlsx"), "{err}");
}

#[test]
fn a_missing_column() {
    let err = one_error(|root| edit(root, "certificates.csv", |t| t.replacen("issued_on,", "issued,", 1)));
    assert!(err.contains("required column \"issued_on\" is missing"), "{err}");
}

#[test]
fn a_missing_column_in_the_decisions() {
    let err = one_error(|root| edit(root, "decisions.csv", |t| t.replacen(",action,", ",act,", 1)));
    assert!(err.contains("required column \"action\" is missing"), "{err}");
}

#[test]
fn a_bad_date_in_the_suspension_that_a_reinstatement_lifts() {
    let err = one_error(|root| {
        edit(root, "decisions.csv", |t| {
            t.replace("D-1,t-0005,suspend,2026-03-01,2026-03-02", "D-1,t-0005,suspend,2026-03-01,2026-03-32")
                + "D-3,T-0005,reinstate,2026-03-10,2026-03-11,,surveillance,Yoxlama bitdi.,,\n"
        })
    });
    assert!(err.contains("effective_on"), "{err}");
    assert!(!err.contains("no suspension"), "{err}");
}

#[test]
fn a_number_typed_with_an_en_dash_gets_did_you_mean() {
    let err = one_error(|root| edit(root, "decisions.csv", |t| t.replace("D-2,T-0006,", "D-2,T\u{2013}0006,")));
    assert!(err.contains("certificate \"T\u{2013}0006\" is not in data/certificates.csv"), "{err}");
    assert!(err.contains("did you mean \"T-0006\"?"), "{err}");
}

#[test]
fn blank_rows_under_a_table_are_skipped_and_counted() {
    let site = fixture("minimal");
    build(site.path(), DATE);
    let before = tree(&site.path().join("public"));
    // As Excel saves a sheet whose used range goes below the table: rows of empty cells.
    edit(site.path(), "certificates.csv", |t| t + ",,,,,,,,,,,,,,,\r\n,,,,,,,,,,,,,,,\r\n  ,,,,,,,,,,,,,,,\r\n");
    edit(site.path(), "decisions.csv", |t| t + ",,,,,,,,,\n");
    let out = certsite(site.path(), &["check", "--build-date", DATE]);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("skipped 3 blank rows in data/certificates.csv, 1 blank row in data/decisions.csv"), "{err}");
    let out = build(site.path(), DATE);
    assert!(stderr(&out).contains("skipped 3 blank rows"), "{}", stderr(&out));
    assert!(tree(&site.path().join("public")) == before, "blank rows change nothing");
}

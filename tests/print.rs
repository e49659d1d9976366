//! `certsite print` (DESIGN §2, §4): QR codes and a list for the printing office, into `print/`
//! at the site root. `--all` prints the certificates in use and names those it leaves out
//! (suspended and revoked ones never print unless forced, agreement §4 A¶10; expired and
//! superseded ones print by number); `--new` prints those not printed yet and those whose
//! printed content changed since they were printed, saying why, from what
//! `.certsite/printed.csv` records.

mod common;

use common::*;
use std::path::Path;

const DATE: &str = "2026-11-23";

fn print(root: &Path, args: &[&str]) -> std::process::Output {
    let mut all = vec!["print", "--build-date", DATE];
    all.extend_from_slice(args);
    certsite(root, &all)
}

/// `print` on another day.
fn print_on(root: &Path, date: &str, args: &[&str]) -> std::process::Output {
    let mut all = vec!["print", "--build-date", date];
    all.extend_from_slice(args);
    let out = certsite(root, &all);
    assert!(out.status.success(), "{}", stderr(&out));
    out
}

fn qr_files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = match std::fs::read_dir(dir.join("qr")) {
        Ok(entries) => entries.map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect(),
        Err(_) => Vec::new(),
    };
    names.sort();
    // Each address QR code has its paper QR code beside it (DESIGN §4), and only it.
    let (paper, address): (Vec<String>, Vec<String>) = names.into_iter().partition(|n| n.ends_with("-paper.svg"));
    let expected: Vec<String> = address.iter().map(|n| n.replace(".svg", "-paper.svg")).collect();
    assert_eq!(paper, expected, "a paper QR code beside each QR code");
    address
}

/// The lines of stderr that say why a certificate is printed.
fn said(out: &std::process::Output) -> Vec<String> {
    stderr(out).lines().filter(|l| l.starts_with("T")).map(str::to_owned).collect()
}

/// The lines of stderr that name a certificate left out.
fn left_out(out: &std::process::Output) -> Vec<String> {
    stderr(out).lines().filter(|l| l.starts_with("left out")).map(str::to_owned).collect()
}

/// Replaces `from` by `to` in the register's row of `number`.
fn edit_row(root: &Path, number: &str, from: &str, to: &str) {
    let csv = root.join("data/certificates.csv");
    let text = std::fs::read_to_string(&csv).unwrap();
    let prefix = format!("{number},");
    let mut found = false;
    let lines: Vec<String> = text
        .lines()
        .map(|l| match l.strip_prefix(&prefix) {
            Some(_) if l.contains(from) => {
                found = true;
                l.replacen(from, to, 1)
            }
            _ => l.to_owned(),
        })
        .collect();
    assert!(found, "no {from:?} in the row of {number}");
    std::fs::write(&csv, lines.join("\n") + "\n").unwrap();
}

fn add_row(root: &Path, row: &str) {
    let csv = root.join("data/certificates.csv");
    let mut text = std::fs::read_to_string(&csv).unwrap();
    text.push_str(row);
    text.push('\n');
    std::fs::write(&csv, text).unwrap();
}

#[test]
fn all_new_and_by_number_with_what_is_not_in_use_left_out() {
    let site = fixture("minimal");
    let out = print(site.path(), &["--all"]);
    assert_eq!(out.status.code(), Some(1), "before the first build there are no addresses yet");
    assert!(stderr(&out).contains("run `certsite build` first"), "{}", stderr(&out));

    build(site.path(), DATE);
    let print_dir = site.path().join("print");
    let out = print(site.path(), &["--all"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("left out T-0005: suspended") && err.contains("left out T-0006: revoked"), "{err}");
    assert!(err.contains("left out T/0002: superseded, no longer in use"), "{err}");
    assert!(err.contains("printed 3 certificates into ./print"), "{err}");
    assert_eq!(qr_files(&print_dir), ["T-0001.svg", "T-0003.svg", "T-0004.svg"]);
    let pages = pages_by_number(&site.path().join("public"));
    let batch = std::fs::read_to_string(print_dir.join("batch.csv")).unwrap();
    assert_eq!(batch.lines().next(), Some("number,code,url,status,printed_code,paper_qr"));
    let code = &pages["T-0001"];
    let check = certsite::model::code::check_char(code.as_bytes()) as char;
    let printed = format!("{}-{}-{}-{check}", &code[..4], &code[4..8], &code[8..]);
    assert!(batch.contains(&format!("T-0001,{code},https://cert.example.org/c/{code}/,valid,{printed},VC1-R")), "{batch}");
    assert_eq!(batch.lines().count(), 4);
    // The build's full list stays in .certsite/.
    assert!(site.path().join(".certsite/print/certificates.csv").exists());
    assert!(!site.path().join(".certsite/print/qr").exists() && !site.path().join(".certsite/print/batch.csv").exists());

    // A superseded certificate prints when asked for by number, without --force.
    let out = print(site.path(), &["T/0002"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let batch = std::fs::read_to_string(print_dir.join("batch.csv")).unwrap();
    assert!(batch.contains(&format!("T/0002,{0},https://cert.example.org/c/{0}/,superseded", pages["T/0002"])), "{batch}");

    // Nothing new since; then a new certificate is the only one --new prints.
    let out = print(site.path(), &["--new"]);
    assert!(stderr(&out).contains("printed 0 certificates"), "{}", stderr(&out));
    assert_eq!(said(&out), Vec::<String>::new(), "{}", stderr(&out));
    assert_eq!(left_out(&out).len(), 2, "the suspended and the revoked one, never printed: {}", stderr(&out));
    add_row(site.path(), "T-0008,Yeni,Ad,,Aşpaz,,,2026-10-01,2029-09-30,,,,,,,");
    build(site.path(), DATE);
    let out = print(site.path(), &["--new", "--out", "batch-2"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(said(&out), ["T-0008: not printed yet"]);
    assert_eq!(qr_files(&site.path().join("batch-2")), ["T-0008.svg"]);
    let printed = std::fs::read_to_string(site.path().join(".certsite/printed.csv")).unwrap();
    assert!(printed.starts_with("number,printed_on,fingerprint\n"), "{printed}");
    assert!(printed.lines().any(|l| l.starts_with("T-0008,2026-11-23,holder=")), "{printed}");
}

#[test]
fn new_prints_what_changed_since_it_was_printed_and_says_what() {
    let site = fixture("minimal");
    let root = site.path();
    build(root, DATE);
    assert!(print(root, &["--all"]).status.success());

    // A corrected name; a column that is not printed (a private one, and `replaces`) changes
    // nothing on the page.
    edit_row(root, "T-0001", "Şəbnəm", "Şəbnam");
    edit_row(root, "T-0004", "PRIVATE-PHONE-24f5", "PRIVATE-PHONE-0000");
    edit_row(root, "T-0004", "2029-05-31,", "2029-05-31,T-0006");
    let out = print_on(root, "2026-12-01", &["--new", "--out", "fix"]);
    assert_eq!(said(&out), ["T-0001: holder name changed since it was printed on 2026-11-23"], "{}", stderr(&out));
    assert_eq!(qr_files(&root.join("fix")), ["T-0001.svg"]);
    assert!(stderr(&out).contains("printed 1 certificate"), "{}", stderr(&out));
    let printed = std::fs::read_to_string(root.join(".certsite/printed.csv")).unwrap();
    assert!(printed.lines().any(|l| l.starts_with("T-0001,2026-12-01,holder=")), "{printed}");
    assert!(printed.lines().any(|l| l.starts_with("T-0004,2026-11-23,holder=")), "{printed}");
    // Printed again: nothing more to do.
    let out = print_on(root, "2026-12-02", &["--new", "--out", "none"]);
    assert_eq!(said(&out), Vec::<String>::new(), "{}", stderr(&out));

    // Two parts at once, and the English of the profession; the day is the last print's.
    edit_row(root, "T-0004", "2029-05-31", "2029-06-30");
    edit_row(root, "T-0004", "Elektrik,,", "Elektrik,Electrician,");
    edit_row(root, "T-0003", "\"Aşpaz, baş\",,", "\"Aşpaz, baş\",Head cook,");
    let out = print_on(root, "2026-12-03", &["--new", "--out", "two"]);
    assert_eq!(
        said(&out),
        [
            "T-0003: profession changed since it was printed on 2026-11-23",
            "T-0004: profession, validity dates changed since it was printed on 2026-11-23"
        ],
        "{}",
        stderr(&out)
    );
    // A change of scope; a certificate that is no longer in use is left out, changed or not.
    edit_row(root, "T-0001", "Uçot;Audit", "Uçot");
    edit_row(root, "T-0001", "2028-01-09", "2026-11-30");
    let out = print_on(root, "2026-12-04", &["--new", "--out", "expired"]);
    assert_eq!(said(&out), Vec::<String>::new(), "{}", stderr(&out));
    assert!(left_out(&out).contains(&"left out T-0001: expired, no longer in use (name its number to print it all the same)".to_owned()));
    edit_row(root, "T-0001", "2026-11-30", "2028-01-09");
    let out = print_on(root, "2026-12-04", &["--new", "--out", "scope"]);
    assert_eq!(said(&out), ["T-0001: approved scope changed since it was printed on 2026-12-01"], "{}", stderr(&out));

    // A new address (base_url) changes every QR code.
    let toml = root.join("data/site.toml");
    let text = std::fs::read_to_string(&toml).unwrap();
    std::fs::write(&toml, text.replace("https://cert.example.org", "https://sertifikat.example.org")).unwrap();
    let out = print_on(root, "2026-12-05", &["--new", "--out", "moved"]);
    let lines = said(&out);
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert!(lines.iter().all(|l| l.contains(": QR code changed since it was printed on 2026-12-0")), "{lines:?}");
}

#[test]
fn a_record_of_an_earlier_version_counts_as_printed_unchanged_until_it_changes() {
    let site = fixture("minimal");
    let root = site.path();
    build(root, DATE);
    std::fs::write(root.join(".certsite/printed.csv"), "number,printed_on\nT-0001,2026-05-02\nT-0004,2026-06-01\n").unwrap();
    let out = print_on(root, DATE, &["--new"]);
    assert_eq!(said(&out), ["T-0003: not printed yet"], "{}", stderr(&out));
    assert!(
        stderr(&out).contains("2 certificates printed by an earlier version of certsite had no record of what was printed"),
        "{}",
        stderr(&out)
    );
    let printed = std::fs::read_to_string(root.join(".certsite/printed.csv")).unwrap();
    assert!(printed.lines().any(|l| l.starts_with("T-0001,2026-05-02,holder=")), "the day kept, the content recorded: {printed}");

    edit_row(root, "T-0001", "Əliyeva", "Əliyeva-Quliyeva");
    let out = print_on(root, "2026-12-01", &["--new", "--out", "next"]);
    assert_eq!(said(&out), ["T-0001: holder name changed since it was printed on 2026-05-02"], "{}", stderr(&out));
    assert!(!stderr(&out).contains("earlier version"), "{}", stderr(&out));
}

#[test]
fn all_prints_what_is_in_use_and_names_the_expired_and_superseded_it_leaves_out() {
    let site = fixture("minimal");
    let root = site.path();
    add_row(root, "T-0007,Köhnə,Ad,,Aşpaz,,,2020-01-01,2023-12-31,,,,,,,");
    add_row(root, "T-0009,Gələcək,Ad,,Aşpaz,,,2027-01-01,2029-12-31,,,,,,,");
    build(root, DATE);
    let out = print(root, &["--all"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    for line in [
        "left out T/0002: superseded, no longer in use",
        "left out T-0005: suspended (agreement §4 A¶10)",
        "left out T-0006: revoked (agreement §4 A¶10)",
        "left out T-0007: expired, no longer in use",
    ] {
        assert!(err.contains(line), "{line}:\n{err}");
    }
    assert_eq!(qr_files(&root.join("print")), ["T-0001.svg", "T-0003.svg", "T-0004.svg", "T-0009.svg"], "the not yet valid one prints");
    // By number, the expired and the superseded ones print.
    let out = print(root, &["T-0007", "t/0002", "--out", "old"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stderr(&out).contains("left out"), "{}", stderr(&out));
    assert_eq!(qr_files(&root.join("old")), ["T-0007.svg", "T_0002.svg"]);
}

#[test]
fn the_printing_office_folder_is_print_at_the_root_and_git_ignores_itself() {
    let site = fixture("minimal");
    let root = site.path();
    build(root, DATE);
    let before: Vec<String> = tree(&root.join(".certsite")).into_keys().filter(|k| !k.starts_with("outputs/")).collect();
    let out = print(root, &["--all", "--pdf"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("wrote ./print/certificates.pdf"), "{}", stderr(&out));
    let files: Vec<String> = tree(&root.join("print")).into_keys().collect();
    assert_eq!(
        files,
        [
            ".gitignore",
            "batch.csv",
            "certificates.pdf",
            "qr/T-0001-paper.svg",
            "qr/T-0001.svg",
            "qr/T-0003-paper.svg",
            "qr/T-0003.svg",
            "qr/T-0004-paper.svg",
            "qr/T-0004.svg"
        ]
    );
    assert_eq!(std::fs::read_to_string(root.join("print/.gitignore")).unwrap().lines().last(), Some("*"));
    // In .certsite/ only the record of what was printed is new.
    let after: Vec<String> = tree(&root.join(".certsite")).into_keys().filter(|k| !k.starts_with("outputs/")).collect();
    let new: Vec<&String> = after.iter().filter(|k| !before.contains(k)).collect();
    assert_eq!(new, ["printed.csv"]);
    // With --root, below it.
    let out = certsite(root.parent().unwrap(), &["print", "--root", root.to_str().unwrap(), "--build-date", DATE, "T-0001"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains(&format!("into {}", root.join("print").display())), "{}", stderr(&out));
}

#[test]
fn a_suspended_or_revoked_certificate_is_refused_unless_forced() {
    let site = fixture("minimal");
    build(site.path(), DATE);
    let out = print(site.path(), &["t-0001", "T-0006", "NOPE-1", "--out", "o"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("certificate T-0006 is revoked") && err.contains("--force"), "{err}");
    assert!(err.contains("certificate NOPE-1 is not in data/certificates.csv"), "{err}");
    assert!(err.contains("nothing was printed"), "{err}");
    assert!(qr_files(&site.path().join("o")).is_empty(), "not even the valid one");
    let out = print(site.path(), &["t-0001", "T-0006", "--force", "--out", "o"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(qr_files(&site.path().join("o")), ["T-0001.svg", "T-0006.svg"]);
    // Which certificates: one way, and at least one.
    assert_eq!(print(site.path(), &[]).status.code(), Some(2));
    assert_eq!(print(site.path(), &["--all", "--new"]).status.code(), Some(2));
}

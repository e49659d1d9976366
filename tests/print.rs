//! `certsite print` (DESIGN §2, §4): QR codes and a list for the printing office, into `print/`
//! at the site root, never for a suspended or revoked certificate unless forced (agreement §4
//! A¶10), `--new` remembers what was printed.

mod common;

use common::*;
use std::path::Path;

const DATE: &str = "2026-11-23";

fn print(root: &Path, args: &[&str]) -> std::process::Output {
    let mut all = vec!["print", "--build-date", DATE];
    all.extend_from_slice(args);
    certsite(root, &all)
}

fn qr_files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = match std::fs::read_dir(dir.join("qr")) {
        Ok(entries) => entries.map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect(),
        Err(_) => Vec::new(),
    };
    names.sort();
    names
}

#[test]
fn all_new_and_by_number_with_suspended_and_revoked_left_out() {
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
    assert!(err.contains("printed 4 certificate(s) into ./print"), "{err}");
    assert_eq!(qr_files(&print_dir), ["T-0001.svg", "T-0003.svg", "T-0004.svg", "T_0002.svg"]);
    let pages = pages_by_number(&site.path().join("public"));
    let batch = std::fs::read_to_string(print_dir.join("batch.csv")).unwrap();
    assert_eq!(batch.lines().next(), Some("number,code,url,status"));
    assert!(batch.contains(&format!("T/0002,{0},https://cert.example.org/c/{0}/,superseded", pages["T/0002"])), "{batch}");
    assert_eq!(batch.lines().count(), 5);
    // The build's full list stays in .certsite/.
    assert!(site.path().join(".certsite/print/certificates.csv").exists());
    assert!(!site.path().join(".certsite/print/qr").exists() && !site.path().join(".certsite/print/batch.csv").exists());

    // Nothing new since; then a new certificate is the only one --new prints.
    let out = print(site.path(), &["--new"]);
    assert!(stderr(&out).contains("printed 0 certificate(s)"), "{}", stderr(&out));
    let csv = site.path().join("data/certificates.csv");
    let mut text = std::fs::read_to_string(&csv).unwrap();
    text.push_str("T-0008,Yeni,Ad,,Aşpaz,,,2026-10-01,2029-09-30,,,,,,,\n");
    std::fs::write(&csv, text).unwrap();
    build(site.path(), DATE);
    let out = print(site.path(), &["--new", "--out", "batch-2"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(qr_files(&site.path().join("batch-2")), ["T-0008.svg"]);
    let printed = std::fs::read_to_string(site.path().join(".certsite/printed.csv")).unwrap();
    assert!(printed.starts_with("number,printed_on\n") && printed.contains("T-0008,2026-11-23"), "{printed}");
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
    assert_eq!(files, [".gitignore", "batch.csv", "certificates.pdf", "qr/T-0001.svg", "qr/T-0003.svg", "qr/T-0004.svg", "qr/T_0002.svg"]);
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

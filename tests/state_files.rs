//! A damaged or hand-edited file of `.certsite/` is an error that names the file (and its line)
//! and says what to do, never a panic; nothing is published meanwhile, and the way out it names
//! works.

mod common;

use common::*;
use std::path::{Path, PathBuf};

const DATE: &str = "2026-11-23";

/// The one output folder's manifest and journal of a site built into `public/`, below `root`.
fn output_state(root: &Path) -> (PathBuf, PathBuf) {
    let outputs = std::fs::read_dir(root.join(".certsite/outputs")).unwrap().map(|e| e.unwrap().path()).collect::<Vec<_>>();
    assert_eq!(outputs.len(), 1, "{outputs:?}");
    let dir = outputs[0].strip_prefix(root).unwrap();
    (dir.join("manifest"), dir.join("journal"))
}

/// Runs `certsite build`, which must fail with exit 1 and no panic; returns its stderr.
fn build_fails(root: &Path) -> String {
    let out = certsite(root, &["build", "--build-date", DATE]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    err
}

#[test]
fn a_damaged_manifest_is_an_error_at_its_line_and_clean_writes_it_anew() {
    let site = fixture("minimal");
    build(site.path(), DATE);
    let public = site.path().join("public");
    let before = tree(&public);
    let (rel, _) = output_state(site.path());
    let manifest = site.path().join(&rel);
    let text = std::fs::read_to_string(&manifest).unwrap();
    let (n, line) = text.lines().enumerate().find(|(_, l)| l.starts_with("cert ")).unwrap();
    // A character of two bytes across the end of the fingerprint, the line as long as before:
    // it was read by slicing the line at fixed byte offsets.
    let mut damaged = line.to_owned();
    damaged.replace_range(49..51, "é");
    assert_eq!(damaged.len(), line.len());
    std::fs::write(&manifest, text.replace(line, &damaged)).unwrap();
    let err = build_fails(site.path());
    let named = format!("{}:{}: expected \"cert <code> <fingerprint>\"", rel.display(), n + 1);
    assert!(err.contains(&named), "{named}\n{err}");
    assert!(err.contains("run `certsite build --clean`"), "{err}");
    assert_eq!(before, tree(&public), "nothing was published");
    // `verify` names it too.
    let out = certsite(site.path(), &["verify"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains(&named), "{}", stderr(&out));
    // A line cut short, or one of an unknown kind.
    for bad in [&line[..line.len() - 5], "cart 0123456789AB"] {
        std::fs::write(&manifest, text.replace(line, bad)).unwrap();
        let err = build_fails(site.path());
        assert!(err.contains(&format!("{}:{}: expected", rel.display(), n + 1)), "{err}");
    }
    let out = certsite(site.path(), &["build", "--build-date", DATE, "--clean"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&manifest).unwrap(), text, "written anew");
    assert_eq!(before, tree(&public));
    build(site.path(), DATE);
}

#[test]
fn a_damaged_journal_is_an_error_at_its_line_and_clean_goes_without_it() {
    let site = fixture("minimal");
    build(site.path(), DATE);
    let (_, rel) = output_state(site.path());
    let journal = site.path().join(&rel);
    std::fs::write(&journal, "file index.html\ncert not-a-code\n").unwrap();
    let err = build_fails(site.path());
    assert!(err.contains(&format!("{}:2: expected \"cert <code>\" or \"file <path>\"", rel.display())), "{err}");
    assert!(err.contains("run `certsite build --clean`"), "{err}");
    let out = certsite(site.path(), &["build", "--build-date", DATE, "--clean"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!journal.exists(), "the journal is gone once the build is through");
}

#[test]
fn a_damaged_status_index_or_key_ring_or_url_secret_names_the_file_and_the_backup() {
    let site = fixture("minimal");
    build(site.path(), DATE);
    let state = site.path().join(".certsite");
    for (file, damage, expected) in [
        ("status-index.csv", "number,index\nT-0001,12\nT/0002,x\n", "status-index.csv:3: \"x\" is not an index; restore it from a backup"),
        ("status-index.csv", "number,index\nT-0001,12\nT/0002,12\n", "status-index.csv:3: T/0002 or index 12 appears twice; restore it"),
        ("keys.txt", "z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK\nretired z6Mk0\n", "keys.txt:2: invalid base58btc"),
        ("url.secret", "0123\n", "url.secret: expected 64 hexadecimal digits; restore it from a backup"),
    ] {
        let path = state.join(file);
        let kept = std::fs::read(&path).unwrap();
        std::fs::write(&path, damage).unwrap();
        let err = build_fails(site.path());
        assert!(err.contains(expected), "{file}: {expected}\n{err}");
        if file == "keys.txt" {
            assert!(err.contains("restore the key ring from a backup"), "{err}");
        }
        if file == "url.secret" {
            // `check` reads the url secret too (the page codes are checked unique).
            let out = certsite(site.path(), &["check", "--build-date", DATE]);
            assert_eq!(out.status.code(), Some(1));
            assert!(stderr(&out).contains(expected), "{}", stderr(&out));
        }
        std::fs::write(&path, kept).unwrap();
    }
    // A url secret that cannot be read (another user's, or here a folder) is left to the build.
    let secret = state.join("url.secret");
    let kept = std::fs::read(&secret).unwrap();
    std::fs::remove_file(&secret).unwrap();
    std::fs::create_dir(&secret).unwrap();
    let out = certsite(site.path(), &["check", "--build-date", DATE]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(build_fails(site.path()).contains("url.secret"));
    std::fs::remove_dir(&secret).unwrap();
    std::fs::write(&secret, kept).unwrap();
    build(site.path(), DATE);
}

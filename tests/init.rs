//! `certsite init [DIR]` (DESIGN §2): a new site that checks and builds as it is, into an empty
//! or new folder only, never overwriting; its `.gitignore` keeps the private state and the
//! output out of git; the example certificate's private cells are never published.

mod common;

use std::path::Path;

use common::*;

fn init(cwd: &Path, dir: &str) -> std::process::Output {
    certsite(cwd, &["init", dir])
}

#[test]
fn a_new_site_checks_and_builds_as_it_is() {
    let tmp = tempfile::tempdir().unwrap();
    let out = init(tmp.path(), "site");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    for file in ["data/site.toml", "data/certificates.csv", "data/decisions.csv", "content/about.md", ".gitignore"] {
        assert!(err.contains(&format!("wrote {}", Path::new("site").join(file).display())), "{file}:\n{err}");
    }
    for step in ["cd site", "certsite check", "certsite build", "certsite serve"] {
        assert!(err.contains(step), "{step}:\n{err}");
    }

    let site = tmp.path().join("site");
    let check = certsite(&site, &["check"]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    assert!(!stderr(&check).contains("warning"), "{}", stderr(&check));
    let build = certsite(&site, &["build", "--quiet"]);
    assert_eq!(build.status.code(), Some(0), "{}", stderr(&build));
    assert!(site.join(".certsite/signing.key").is_file());
    let pages = pages_by_number(&site.join("public"));
    assert_eq!(pages.keys().collect::<Vec<_>>(), ["NSO-2026-0001"]);
    assert!(site.join("public/c").join(&pages["NSO-2026-0001"]).join("index.html").is_file());
    assert!(site.join("public/about/index.html").is_file());
    assert!(site.join("public/notices/D-2026-001/index.html").is_file());
    let verify = certsite(&site, &["verify"]);
    assert_eq!(verify.status.code(), Some(0), "{}", stderr(&verify));
}

#[test]
fn an_empty_folder_is_used_and_the_default_is_the_current_one() {
    let tmp = tempfile::tempdir().unwrap();
    let out = certsite(tmp.path(), &["init"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!stderr(&out).contains("cd "), "{}", stderr(&out));
    assert!(tmp.path().join("data/site.toml").is_file());
    assert_eq!(certsite(tmp.path(), &["check"]).status.code(), Some(0));
}

#[test]
fn a_folder_that_is_not_empty_is_refused_and_nothing_is_written() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::create_dir(tmp.path().join("site")).unwrap();
    std::fs::write(tmp.path().join("site/site.toml"), "mine").unwrap();
    let before = tree(tmp.path());
    let out = init(tmp.path(), "site");
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("is not empty") && err.contains("certsite init my-site"), "{err}");
    assert_eq!(tree(tmp.path()), before);
    assert_eq!(std::fs::read_dir(tmp.path().join("site")).unwrap().count(), 1);

    // A hidden file counts; so does a file given as the folder.
    std::fs::remove_file(tmp.path().join("site/site.toml")).unwrap();
    std::fs::write(tmp.path().join("site/.hidden"), "x").unwrap();
    assert_eq!(init(tmp.path(), "site").status.code(), Some(2));
    assert_eq!(init(tmp.path(), "site/.hidden").status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(tmp.path().join("site/.hidden")).unwrap(), "x");
    assert_eq!(std::fs::read_dir(tmp.path().join("site")).unwrap().count(), 1);

    // A built site is not empty either: init never writes over it.
    let site = tmp.path().join("built");
    assert_eq!(init(tmp.path(), "built").status.code(), Some(0));
    std::fs::write(site.join("data/site.toml"), "edited").unwrap();
    assert_eq!(init(tmp.path(), "built").status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(site.join("data/site.toml")).unwrap(), "edited");
}

#[test]
fn gitignore_keeps_the_private_state_the_output_and_the_print_files_out() {
    let tmp = tempfile::tempdir().unwrap();
    assert_eq!(init(tmp.path(), "site").status.code(), Some(0));
    let text = std::fs::read_to_string(tmp.path().join("site/.gitignore")).unwrap();
    let rules: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).collect();
    assert_eq!(rules, ["/.certsite/", "/public/", "/print/"], "{text}");
}

#[test]
fn the_example_private_cells_are_never_published() {
    let tmp = tempfile::tempdir().unwrap();
    assert_eq!(init(tmp.path(), "site").status.code(), Some(0));
    let site = tmp.path().join("site");
    let csv = std::fs::read_to_string(site.join("data/certificates.csv")).unwrap();
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let row: Vec<&str> = lines.next().unwrap().split(',').collect();
    assert_eq!(lines.next(), None, "one example row");
    assert_eq!(header.len(), row.len());
    let private: Vec<(&str, &str)> = header
        .iter()
        .zip(&row)
        .filter(|(column, _)| ["id_card", "phone", "email", "address", "birth_date"].contains(column))
        .map(|(c, v)| (*c, *v))
        .collect();
    assert_eq!(private.len(), 5, "the example shows every private column: {header:?}");
    assert!(private.iter().all(|(_, v)| !v.is_empty()), "{private:?}");

    build(&site, "2026-12-01");
    for (path, bytes) in tree(&site.join("public")) {
        let text = String::from_utf8_lossy(&bytes);
        for (column, value) in &private {
            assert!(!text.contains(value), "{column} {value:?} published in {path}");
        }
    }
}

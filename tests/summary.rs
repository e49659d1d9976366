//! What `build` says at the end (DESIGN §2): after the file counts, what changed for the
//! public since the last build into the same output (statuses, new notices, result sets,
//! certificates added), counted in good English and named when few; what `check` says a build
//! would change, before it does, writing nothing; `--help` of every command with examples and
//! the exit codes; paths in messages as given with `--root`.

mod common;

use common::*;

fn summary(out: &std::process::Output) -> String {
    let err = stderr(out);
    let at = err.find("for the public").unwrap_or_else(|| panic!("no summary in:\n{err}"));
    err[at..].to_owned()
}

/// The lines of a summary below its heading (the first line).
fn change_lines(summary: &str) -> Vec<&str> {
    summary.lines().skip(1).collect()
}

/// Runs `certsite check <args>` in `root` and returns the end of its report, from `from` (which
/// must be in it), having checked that it succeeded and that nothing below `root` (the output,
/// `.certsite/`, the data) was created, written or removed.
fn check_from(root: &std::path::Path, args: &[&str], from: &str) -> String {
    check_in(root, root, args, from)
}

/// [`check_from`] run in `cwd`, watching `root`.
fn check_in(cwd: &std::path::Path, root: &std::path::Path, args: &[&str], from: &str) -> String {
    let before = snapshot(root);
    let out = certsite(cwd, &[&["check"], args].concat());
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    let after = snapshot(root);
    let changed: std::collections::BTreeSet<&String> =
        after.keys().chain(before.keys()).filter(|k| before.get(*k) != after.get(*k)).collect();
    assert!(changed.is_empty(), "check changed {changed:?}\n{err}");
    let at = err.find(from).unwrap_or_else(|| panic!("no {from:?} in:\n{err}"));
    assert!(err.find("ok: ").unwrap() < at, "after the checks:\n{err}");
    err[at..].to_owned()
}

#[test]
fn check_tells_what_a_build_would_change_and_the_build_then_does_it() {
    let site = fixture("minimal");
    build(site.path(), "2026-03-15");
    // D-2 revokes T-0006 from 2026-04-01: decided earlier, it is in effect on the build date.
    let decisions = site.path().join("data/decisions.csv");
    let csv = std::fs::read_to_string(&decisions).unwrap().replace("D-2,T-0006,revoke,2026-04-01", "D-2,T-0006,revoke,2026-03-10");
    std::fs::write(&decisions, csv).unwrap();
    let certificates = site.path().join("data/certificates.csv");
    let mut csv = std::fs::read_to_string(&certificates).unwrap();
    csv.push_str("T-0008,Əliyeva,Şəbnəm,,Mühasib,,,2026-01-01,2029-01-01,,,,,,,\n");
    std::fs::write(&certificates, csv).unwrap();

    let ahead = check_from(site.path(), &["--build-date", "2026-03-15"], "a build would");
    assert_eq!(
        ahead,
        "a build would change for the public, since the last build into ./public:\n\
         \x20 1 credential changed status: T-0006 valid → revoked\n\
         \x20 1 new notice published: D-2\n\
         \x20 1 certificate added: T-0008\n"
    );
    // Checked twice, the same: the first check recorded nothing.
    assert_eq!(check_from(site.path(), &["--build-date", "2026-03-15"], "a build would"), ahead);

    let done = summary(&build(site.path(), "2026-03-15"));
    assert!(done.starts_with("for the public, since the last build:\n"), "{done}");
    assert_eq!(change_lines(&done), change_lines(&ahead), "check said:\n{ahead}build says:\n{done}");
}

#[test]
fn check_after_a_build_with_nothing_changed_says_so_and_counts_from_the_folder_asked() {
    let site = fixture("minimal");
    build(site.path(), "2026-03-15");
    let same = check_from(site.path(), &["--build-date", "2026-03-15"], "a build would");
    assert_eq!(same, "a build would change nothing for the public since the last build into ./public\n");
    assert!(summary(&build(site.path(), "2026-03-15")).contains("nothing changed"));

    // The build date counts as in build: on 2026-06-01 T-0004 becomes valid and D-2 (2026-04-01)
    // has revoked T-0006, with no change to the data.
    let later = check_from(site.path(), &["--build-date", "2026-06-01"], "a build would");
    assert_eq!(
        change_lines(&later),
        ["  2 credentials changed status: T-0004 not yet valid → valid, T-0006 valid → revoked", "  1 new notice published: D-2"]
    );

    // Another output has a record of its own; `--out` chooses which, with --root as given.
    let parent = site.path().parent().unwrap();
    let name = site.path().file_name().unwrap().to_str().unwrap();
    let other = format!("{name}/other");
    let out = certsite(parent, &["build", "--root", name, "--out", &other, "--build-date", "2026-06-01"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let args = ["--root", name, "--out", &other, "--build-date", "2026-06-01"];
    assert_eq!(
        check_in(parent, site.path(), &args, "a build would"),
        format!("a build would change nothing for the public since the last build into {other}\n")
    );
    let args = ["--root", name, "--build-date", "2026-06-01"];
    assert_eq!(
        change_lines(&check_in(parent, site.path(), &args, "a build would")),
        change_lines(&later),
        "public/ still counts from 2026-03-15"
    );
}

#[test]
fn check_before_any_build_says_so_in_one_line_and_makes_no_key_or_secret() {
    let site = fixture("minimal");
    let first = check_from(site.path(), &["--build-date", "2026-03-15"], "no earlier build");
    assert_eq!(first, "no earlier build into ./public: a build would publish 6 certificates, 1 notice and 0 result sets\n");
    for made in [".certsite", "public"] {
        assert!(!site.path().join(made).exists(), "check made {made}");
    }
    let built = summary(&build(site.path(), "2026-03-15"));
    assert!(built.starts_with("for the public (first build into this folder):\n"), "{built}");
    assert!(built.contains("  6 certificates added\n") && built.contains("  1 new notice published: D-1\n"), "{built}");

    // A root with only interviews, its results out on the build date.
    let site = fixture("interviews");
    let first = check_from(site.path(), &["--build-date", "2026-05-27"], "no earlier build");
    assert_eq!(first, "no earlier build into ./public: a build would publish 0 certificates, 0 notices and 1 result set\n");
}

#[test]
fn build_ends_with_what_changed_for_the_public() {
    let site = fixture("minimal");
    // A first build publishes everything there is.
    let first = summary(&build(site.path(), "2026-03-15"));
    assert!(first.starts_with("for the public (first build into this folder):"), "{first}");
    assert!(first.contains("  1 new notice published: D-1\n"), "{first}");
    assert!(
        first.contains("  6 certificates added: T-0001, T/0002, T-0003, T-0004, T-0005, T-0006\n")
            || first.contains("  6 certificates added\n"),
        "{first}"
    );

    // Nothing changed.
    assert_eq!(summary(&build(site.path(), "2026-03-15")), "for the public: nothing changed since the last build\n");

    // A day later: D-2 (2026-04-01) revokes T-0006; a new suspension of T-0001 and a new
    // certificate.
    let decisions = site.path().join("data/decisions.csv");
    let mut csv = std::fs::read_to_string(&decisions).unwrap();
    csv.push_str("D-3,T-0001,suspend,2026-04-02,,,reputation,Səbəb.,,\n");
    std::fs::write(&decisions, csv).unwrap();
    let certificates = site.path().join("data/certificates.csv");
    let mut csv = std::fs::read_to_string(&certificates).unwrap();
    csv.push_str("T-0008,Əliyeva,Şəbnəm,,Mühasib,,,2026-01-01,2029-01-01,,,,,,,\n");
    std::fs::write(&certificates, csv).unwrap();
    let out = build(site.path(), "2026-04-10");
    let err = stderr(&out);
    let changed = summary(&out);
    assert!(err.find("files written").unwrap() < err.find("for the public").unwrap(), "after the counts:\n{err}");
    assert!(changed.starts_with("for the public, since the last build:\n"), "{changed}");
    assert!(changed.contains("  2 credentials changed status: T-0001 valid → suspended, T-0006 valid → revoked\n"), "{changed}");
    assert!(changed.contains("  2 new notices published: D-2, D-3\n"), "{changed}");
    assert!(changed.contains("  1 certificate added: T-0008\n"), "{changed}");
    assert!(!changed.contains("result set"), "{changed}");

    // A failed build changes nothing: the next good one counts from the last good one.
    std::fs::write(&decisions, "id,certificate,action,decided_on,grounds,reason\nD-1,T-9999,suspend,2026-01-01,reputation,x\n").unwrap();
    assert_eq!(certsite(site.path(), &["build", "--build-date", "2026-04-11"]).status.code(), Some(1));
    std::fs::write(&decisions, "id,certificate,action,decided_on,grounds,reason\n").unwrap();
    let out = build(site.path(), "2026-04-11");
    let changed = summary(&out);
    // With no decision left, D-1's suspension of T-0005 goes too.
    assert!(
        changed.contains("  3 credentials changed status: T-0001 suspended → valid, T-0005 suspended → valid, T-0006 revoked → valid\n"),
        "{changed}"
    );
    assert!(!changed.contains("notice"), "{changed}");
}

#[test]
fn many_changes_are_counted_and_result_sets_named() {
    let site = fixture("interviews");
    let before = summary(&build(site.path(), "2026-05-21"));
    assert!(!before.contains("result set"), "{before}");
    let ahead = check_from(site.path(), &["--build-date", "2026-05-27"], "a build would");
    assert_eq!(change_lines(&ahead), ["  1 result set published: 2026-05-test"]);
    let after = summary(&build(site.path(), "2026-05-27"));
    assert!(after.contains("  1 result set published: 2026-05-test\n"), "{after}");

    let site = fixture("minimal");
    build(site.path(), "2026-03-15");
    let certificates = site.path().join("data/certificates.csv");
    let mut csv = std::fs::read_to_string(&certificates).unwrap();
    for i in 0..7 {
        csv.push_str(&format!("N-{i},Əliyeva,Şəbnəm,,Mühasib,,,2026-01-01,2029-01-01,,,,,,,\n"));
    }
    std::fs::write(&certificates, csv).unwrap();
    let changed = summary(&build(site.path(), "2026-03-15"));
    assert!(changed.contains("  7 certificates added\n"), "past five, counted only: {changed}");
}

#[test]
fn help_gives_examples_exit_codes_and_the_default_build_date() {
    // init, verify and keygen say what their own codes mean (tests/verify.rs and tests/keys.rs
    // check that a failed check and a refused key exit 1); the others share the three.
    let common: &[&str] = &["  0  success", "  1  the data or content has errors", "  2  wrong usage, or another build holds the site"];
    let verify: &[&str] =
        &["  0  every credential, signed document and status list verified", "  1  something did not verify", "  2  wrong usage\n"];
    let init: &[&str] = &["  0  the site was written", "  1  a file could not be written", "  2  wrong usage: DIR is not empty"];
    let keygen: &[&str] = &[
        "  0  the key was written, rotated or retired",
        "  1  nothing changed: the key file exists",
        "  2  wrong usage, or another build holds the site",
    ];
    for (command, codes) in [
        ("init", init),
        ("build", common),
        ("check", common),
        ("verify", verify),
        ("keygen", keygen),
        ("print", common),
        ("serve", common),
        ("", common),
    ] {
        let args: Vec<&str> = [command, "--help"].into_iter().filter(|a| !a.is_empty()).collect();
        let out = certsite(&repo(), &args);
        assert!(out.status.success());
        let help = String::from_utf8_lossy(&out.stdout);
        assert!(help.contains("Examples:\n  certsite "), "{command}:\n{help}");
        assert_eq!(help.matches("\n  0  ").count(), 1, "{command}: one list of codes\n{help}");
        for code in codes {
            assert!(help.contains(code), "{command} --help lacks {code:?}:\n{help}");
        }
    }
    for command in ["check", "build", "serve"] {
        let help = String::from_utf8_lossy(&certsite(&repo(), &[command, "--help"]).stdout).into_owned();
        let line = help.lines().find(|l| l.contains("--build-date")).unwrap().to_owned();
        assert!(help.contains("[default: $SOURCE_DATE_EPOCH, else today, UTC"), "{command}: {line}\n{help}");
    }
}

#[test]
fn paths_in_messages_are_below_the_root_as_given() {
    let site = fixture("minimal");
    std::fs::write(
        site.path().join("data/decisions.csv"),
        "id,certificate,action,decided_on,grounds,reason\nD-1,T-9999,suspend,2026-01-01,reputation,x\n",
    )
    .unwrap();
    let parent = site.path().parent().unwrap();
    let name = site.path().file_name().unwrap().to_str().unwrap();
    let out = certsite(parent, &["check", "--root", name, "--build-date", "2026-03-15"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains(&format!("{name}/data/decisions.csv:2:5: certificate \"T-9999\"")), "{err}");
    // From the root itself, as before.
    let err = stderr(&certsite(site.path(), &["check", "--build-date", "2026-03-15"]));
    assert!(err.contains("× data/decisions.csv:2:5:") || err.contains(" data/decisions.csv:2:5:"), "{err}");
    // The url secret's note names it below the root too.
    std::fs::write(site.path().join("data/decisions.csv"), "id,certificate,action,decided_on,grounds,reason\n").unwrap();
    let err = stderr(&certsite(parent, &["build", "--root", name, "--build-date", "2026-03-15"]));
    assert!(err.contains(&format!("created {name}/.certsite/url.secret")), "{err}");
}

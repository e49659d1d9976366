//! Rebuilds at scale and safely (DESIGN §2, §6): a rebuild with nothing changed touches the
//! output a handful of times whatever its size (the manifest replaces the walk); a build killed
//! at any moment leaves every file whole, old or new, and the next build finishes the job; a
//! build that fails leaves the output byte-identical; one build of a site at a time; progress
//! bars only on a terminal.

mod common;

use common::*;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

const DATE: &str = "2026-11-23";

/// Adds `n` certificates to the site's data/certificates.csv.
fn add_certificates(root: &Path, n: usize) {
    let csv = root.join("data/certificates.csv");
    let mut text = std::fs::read_to_string(&csv).unwrap();
    for i in 0..n {
        text.push_str(&format!("G-{i:05},Soyad{i},Ad,,Aşpaz,Cook,Sahə 1;Sahə 2,2025-01-01,2029-12-31,,,,,,,\n"));
    }
    std::fs::write(csv, text).unwrap();
}

/// The file-system calls of `certsite build` that name a path inside the output, by strace.
fn output_calls(root: &Path) -> Vec<String> {
    let log = root.join("strace.log");
    let status = Command::new("strace")
        .args(["-f", "-qq", "-e", "trace=%file,%desc", "-o"])
        .arg(&log)
        .arg(env!("CARGO_BIN_EXE_certsite"))
        .args(["build", "--build-date", DATE])
        .current_dir(root)
        .env_remove("CERTSITE_KEY")
        .status()
        .expect("strace runs (scripts/test installs it: apt-get install strace)");
    assert!(status.success());
    let public = root.join("public").canonicalize().unwrap();
    let text = std::fs::read_to_string(&log).unwrap();
    text.lines().filter(|l| l.contains("\"public") || l.contains(public.to_str().unwrap())).map(str::to_owned).collect()
}

#[test]
fn a_rebuild_with_nothing_changed_touches_the_output_a_few_times_whatever_its_size() {
    let mut counts = Vec::new();
    for extra in [0, 400] {
        let site = fixture("minimal");
        add_certificates(site.path(), extra);
        build(site.path(), DATE);
        let calls = output_calls(site.path());
        assert!(calls.len() <= 10, "{} calls on the output:\n{}", calls.len(), calls.join("\n"));
        assert!(!calls.iter().any(|c| c.contains("/c/")), "no certificate file is looked at:\n{}", calls.join("\n"));
        counts.push(calls.len());
    }
    assert_eq!(counts[0], counts[1], "the same with 6 and 406 certificates");
}

#[test]
fn a_changed_row_writes_its_own_files_only() {
    let site = fixture("minimal");
    add_certificates(site.path(), 200);
    build(site.path(), DATE);
    let csv = site.path().join("data/certificates.csv");
    std::fs::write(&csv, std::fs::read_to_string(&csv).unwrap().replace("G-00042,Soyad42", "G-00042,Soyad Dəyişdi")).unwrap();
    let out = build(site.path(), DATE);
    let err = stderr(&out);
    assert!(err.contains("(1 signed and rendered); 2 files written"), "its page and credential: {err}");
}

/// Builds `root` with `CERTSITE_TEST_KILL_AFTER=k`; true when the build was killed.
fn build_killed_after(root: &Path, k: usize) -> bool {
    let out = Command::new(env!("CARGO_BIN_EXE_certsite"))
        .args(["build", "--build-date", "2026-12-01"])
        .current_dir(root)
        .env_remove("CERTSITE_KEY")
        .env("CERTSITE_TEST_KILL_AFTER", k.to_string())
        .output()
        .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if out.status.signal() == Some(9) {
            return true;
        }
    }
    assert!(out.status.success(), "{}", stderr(&out));
    false
}

/// Every file of `now` is whole in its `old` or its `new` version, and there is no other.
fn whole_old_or_new(now: &BTreeMap<String, Vec<u8>>, old: &BTreeMap<String, Vec<u8>>, new: &BTreeMap<String, Vec<u8>>, when: &str) {
    for (path, bytes) in now {
        let ok = old.get(path) == Some(bytes) || new.get(path) == Some(bytes);
        assert!(ok, "killed {when}: {path} is neither its old nor its new version ({} bytes)", bytes.len());
    }
}

/// Changes the bundled sample's data between two builds: a renamed holder, a removed and an
/// added certificate, a new decision, and (with the later build date) statuses that move.
fn change_data(root: &Path) {
    let csv = root.join("data/certificates.csv");
    let text = std::fs::read_to_string(&csv).unwrap().replace("Orucov,Elnur", "Orucov,Elnurə");
    let mut text: String = text.lines().filter(|l| !l.starts_with("PSM-2024-0103")).map(|l| format!("{l}\n")).collect();
    text.push_str("PSM-2026-0200,Yeni,Sertifikat,Ad qızı,Aşpaz,Cook,Sahə,Field,2026-11-01,2029-10-31,,,,,,\n");
    std::fs::write(&csv, text).unwrap();
    let decisions = root.join("data/decisions.csv");
    let mut text = std::fs::read_to_string(&decisions).unwrap();
    text.push_str("D-2026-007,PSM-2024-0127,suspend,2026-11-25,,,fitness,Sağlamlıq səbəbi ilə.,\n");
    std::fs::write(&decisions, text).unwrap();
}

#[test]
fn a_build_killed_at_any_moment_leaves_whole_files_and_the_next_build_finishes_the_job() {
    // The two versions of the output: the built site (empty for a first build), and what a
    // clean build of the changed data gives (same key, secrets and status indexes).
    let old_site = sample();
    build(old_site.path(), DATE);
    change_data(old_site.path());
    let reference = tempfile::tempdir().unwrap();
    copy_dir(old_site.path(), reference.path());
    std::fs::remove_dir_all(reference.path().join("public")).unwrap();
    std::fs::remove_dir_all(reference.path().join(".certsite/outputs")).unwrap();
    build(reference.path(), "2026-12-01");
    let new = tree(&reference.path().join("public"));
    let old = tree(&old_site.path().join("public"));
    assert_ne!(old, new);

    for first_build in [false, true] {
        let mut k = 1;
        let mut kills = 0;
        loop {
            let site = tempfile::tempdir().unwrap();
            copy_dir(old_site.path(), site.path());
            let empty = BTreeMap::new();
            let old = if first_build {
                std::fs::remove_dir_all(site.path().join("public")).unwrap();
                std::fs::remove_dir_all(site.path().join(".certsite/outputs")).unwrap();
                &empty
            } else {
                &old
            };
            let killed = build_killed_after(site.path(), k);
            let public = site.path().join("public");
            let now = if public.exists() { tree(&public) } else { BTreeMap::new() };
            whole_old_or_new(&now, old, &new, &format!("after {k} changes"));
            // The next build finishes the job: the output of a clean build, and it verifies.
            build(site.path(), "2026-12-01");
            assert!(tree(&public) == new, "killed after {k} changes (first build: {first_build}): the next build differs from a clean one");
            let out = certsite(site.path(), &["verify"]);
            assert!(out.status.success(), "killed after {k} changes: {}", stderr(&out));
            if !killed {
                break;
            }
            kills += 1;
            // Every change early on (staging, journal, the first installs), then spread out.
            k = if k < 12 { k + 1 } else { k * 3 / 2 };
        }
        assert!(kills >= 12, "the build was killed at {kills} points");
    }

    // The same with a real `kill -9` from outside, at moments spread over a build.
    let started = std::time::Instant::now();
    let site = tempfile::tempdir().unwrap();
    copy_dir(old_site.path(), site.path());
    build(site.path(), "2026-12-01");
    let full = started.elapsed();
    for tenth in 1..=9 {
        let site = tempfile::tempdir().unwrap();
        copy_dir(old_site.path(), site.path());
        let mut child = Command::new(env!("CARGO_BIN_EXE_certsite"))
            .args(["build", "--build-date", "2026-12-01"])
            .current_dir(site.path())
            .env_remove("CERTSITE_KEY")
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(full * tenth / 10);
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        whole_old_or_new(&tree(&site.path().join("public")), &old, &new, &format!("at {tenth}/10 of a build"));
        build(site.path(), "2026-12-01");
        assert!(tree(&site.path().join("public")) == new, "killed at {tenth}/10 of a build: the next build differs from a clean one");
    }
}

#[test]
fn a_build_that_fails_while_rendering_leaves_the_output_byte_identical() {
    let site = fixture("minimal");
    build(site.path(), DATE);
    let public = site.path().join("public");
    let before = tree(&public);
    // A template that works for the first valid certificate (it has a patronymic, so the
    // preflight passes) and fails for the later valid ones without it.
    let template = std::fs::read_to_string(repo().join("templates/certificate.html")).unwrap();
    let template = template.replace(
        r#"<h1 class="verdict-holder">{{ cert.holder }}</h1>"#,
        r#"<h1 class="verdict-holder">{{ cert.holder }}{% if cert.status == "valid" %} {{ cert.patronymic | upper }}{% endif %}</h1>"#,
    );
    std::fs::write(site.path().join("templates/certificate.html"), template).unwrap();
    let out = certsite(site.path(), &["build", "--build-date", DATE]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("certificate pages failed to render; nothing was written"), "{err}");
    assert!(err.contains("2 certificate pages failed to render"), "{err}");
    assert!(err.contains("data/certificates.csv:4:1") && err.contains("data/certificates.csv:5:1"), "T-0003 and T-0004 are named: {err}");
    assert_eq!(before, tree(&public), "nothing was published");
    assert!(!site.path().join("public/.certsite-staging").exists());
}

#[test]
fn one_build_at_a_time_and_a_killed_build_never_blocks() {
    let site = fixture("minimal");
    std::fs::create_dir_all(site.path().join(".certsite")).unwrap();
    // Another process holds the lock: this test's own, with what a build writes in it.
    let lock_path = site.path().join(".certsite/lock");
    let lock = std::fs::OpenOptions::new().read(true).write(true).create(true).truncate(true).open(&lock_path).unwrap();
    lock.lock().unwrap();
    std::fs::write(&lock_path, "pid 4242\nstarted 2026-11-30 10:00:00 UTC\n").unwrap();
    let out = certsite(site.path(), &["build", "--build-date", DATE]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("error: another build holds this site (pid 4242, started 2026-11-30 10:00:00 UTC)"), "{}", stderr(&out));
    assert!(!site.path().join("public").exists(), "nothing was written");
    drop(lock);
    build(site.path(), DATE);
    // A build killed while it held the lock leaves its pid in the file, and no lock.
    assert!(build_killed_after(site.path(), 1));
    assert!(std::fs::read_to_string(&lock_path).unwrap().starts_with("pid "));
    build(site.path(), DATE);
}

#[test]
fn progress_bars_only_on_a_terminal() {
    let site = fixture("minimal");
    add_certificates(site.path(), 50);
    // Not a terminal: no bar, no cursor movement, just the final line.
    let out = build(site.path(), DATE);
    let err = stderr(&out);
    assert!(!err.contains('\r') && !err.contains('\u{1b}'), "{err:?}");
    // The counts, until when the status lists are valid, then what changed for the public
    // (DESIGN §2: no bars off a terminal).
    let report: Vec<&str> = err.lines().filter(|l| !l.starts_with("warning:")).collect();
    assert!(report[0].starts_with("built ") && report[1].starts_with("status lists valid until "), "{err}");
    assert!(report[2].starts_with("for the public"), "{err}");
    assert!(report[3..].iter().all(|l| l.starts_with("  ")), "{err}");
    assert!(err.contains(" files written, "), "{err}");
    // A terminal (`script` gives the build one): a bar per stage; none with --quiet.
    let bin = env!("CARGO_BIN_EXE_certsite");
    let on_terminal = |args: &str| {
        let out = Command::new("script")
            .args(["-qec", &format!("{bin} build --build-date {DATE} --clean {args}"), "/dev/null"])
            .current_dir(site.path())
            .output()
            .expect("script (util-linux) runs");
        assert!(out.status.success());
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let shown = on_terminal("");
    for stage in ["read", "state", "plan", "sign", "render", "write"] {
        assert!(shown.contains(stage), "{stage} bar:\n{shown}");
    }
    assert!(shown.contains("56/56") && shown.contains("/s"), "counts and rate:\n{shown}");
    let quiet = on_terminal("--quiet");
    assert!(!quiet.contains("56/56") && quiet.contains(" files written, "), "{quiet}");
}

//! `certsite publish` to an `ssh` target (DESIGN §2): a real `sshd` on loopback (Debian's
//! openssh-server, with rsync; `scripts/test` installs them), started by the test with a
//! throw-away host key and an authorized key in a temporary folder. What the host holds is
//! compared with the build output byte for byte after a first publish, after changed rows
//! (only their files are sent: counted by the files the host replaced), after deletions, and
//! after a publish stopped half-way and run again.

mod common;

use common::*;
use std::collections::BTreeMap;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

const DATE: &str = "2026-11-23";

/// An sshd on 127.0.0.1, stopped when dropped.
struct Sshd {
    child: Child,
    port: u16,
    dir: PathBuf,
}

impl Drop for Sshd {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn run(command: &mut Command) {
    let out = command.output().unwrap();
    assert!(out.status.success(), "{command:?}: {}", String::from_utf8_lossy(&out.stderr));
}

fn sshd(dir: &Path) -> Sshd {
    let binary = Path::new("/usr/sbin/sshd");
    assert!(
        binary.exists() && Path::new("/usr/bin/rsync").exists(),
        "sshd or rsync is not installed: run scripts/test (it installs Debian's openssh-server and rsync)"
    );
    std::fs::create_dir_all(dir).unwrap();
    for key in ["host_key", "client_key"] {
        run(Command::new("ssh-keygen").args(["-q", "-t", "ed25519", "-N", "", "-f"]).arg(dir.join(key)));
    }
    std::fs::copy(dir.join("client_key.pub"), dir.join("authorized_keys")).unwrap();
    // sshd started as root needs its privilege separation folder.
    if is_root() {
        let _ = std::fs::create_dir_all("/run/sshd");
    }
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let config = format!(
        "Port {port}\nListenAddress 127.0.0.1\nHostKey {d}/host_key\nAuthorizedKeysFile {d}/authorized_keys\nPidFile {d}/sshd.pid\n\
         StrictModes no\nUsePAM no\nPasswordAuthentication no\nKbdInteractiveAuthentication no\nPermitRootLogin prohibit-password\n",
        d = dir.display()
    );
    std::fs::write(dir.join("sshd_config"), config).unwrap();
    let host_key = std::fs::read_to_string(dir.join("host_key.pub")).unwrap();
    std::fs::write(dir.join("known_hosts"), format!("[127.0.0.1]:{port} {host_key}")).unwrap();
    let child = Command::new(binary)
        .args(["-D", "-e", "-f"])
        .arg(dir.join("sshd_config"))
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(dir.join("sshd.log")).unwrap())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "sshd did not start: {}",
            std::fs::read_to_string(dir.join("sshd.log")).unwrap()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    Sshd { child, port, dir: dir.to_owned() }
}

fn is_root() -> bool {
    String::from_utf8(Command::new("id").arg("-u").output().unwrap().stdout).unwrap().trim() == "0"
}

fn user() -> String {
    String::from_utf8(Command::new("id").arg("-un").output().unwrap().stdout).unwrap().trim().to_owned()
}

/// `certsite publish <args>` in `root`, ssh told of the test's known host.
fn publish(root: &Path, sshd: &Sshd, args: &[&str], env: &[(&str, &str)]) -> Output {
    let shell = format!("ssh -F /dev/null -o UserKnownHostsFile={}/known_hosts -o StrictHostKeyChecking=yes", sshd.dir.display());
    let mut all = vec![("LC_ALL", "C.UTF-8"), ("CERTSITE_SSH", shell.as_str()), ("CERTSITE_PUBLISH_BACKOFF_MS", "10")];
    all.extend_from_slice(env);
    let mut full = vec!["publish"];
    full.extend_from_slice(args);
    certsite_in(root, &full, &all)
}

/// Each file's inode below `dir`: a file rsync replaced has a new one.
fn inodes(dir: &Path) -> BTreeMap<String, u64> {
    use std::os::unix::fs::MetadataExt;
    tree(dir).keys().map(|rel| (rel.clone(), std::fs::metadata(dir.join(rel)).unwrap().ino())).collect()
}

fn out(o: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&o.stdout), stderr(o))
}

/// Adds the target `web` (the test's sshd, into `www`, with the lines `extra`) to site.toml;
/// returns the lines added.
fn add_web_target(root: &Path, server: &Sshd, www: &Path, extra: &str) -> String {
    let settings = format!(
        "\n[publish.web]\nssh = \"127.0.0.1:{}\"\nport = {}\nuser = \"{}\"\nidentity_file = \"{}/client_key\"\n{extra}",
        www.display(),
        server.port,
        user(),
        server.dir.display()
    );
    let toml = root.join("data/site.toml");
    std::fs::write(&toml, std::fs::read_to_string(&toml).unwrap() + &settings).unwrap();
    settings
}

#[test]
fn publish_over_ssh_sends_what_changed_in_order_and_resumes() {
    let site = sample();
    let root = site.path();
    let keys = tempfile::tempdir().unwrap();
    let server = sshd(keys.path());
    let www = root.join("www/register");
    let toml = root.join("data/site.toml");
    let settings = add_web_target(root, &server, &www, "max_deletions = 1\n");
    let public = root.join("public");

    // Before any build: nothing to publish.
    let first = publish(root, &server, &[], &[]);
    assert_eq!(first.status.code(), Some(1), "{}", out(&first));
    assert!(out(&first).contains("certsite build"), "{}", out(&first));

    // First publish: the host holds the build output, byte for byte.
    build(root, DATE);
    let sent = publish(root, &server, &[], &[]);
    assert!(sent.status.success(), "{}", out(&sent));
    assert_eq!(tree(&www), tree(&public), "the first publish sends everything");
    let again = publish(root, &server, &[], &[]);
    assert!(again.status.success() && out(&again).contains("up to date"), "{}", out(&again));

    // Ten changed rows: only their files are sent (the host replaced exactly the files whose
    // bytes changed).
    let before = tree(&public);
    let held = inodes(&www);
    change_rows(root, 10, "x");
    build(root, DATE);
    let after = tree(&public);
    let changed: Vec<&String> = after.keys().filter(|rel| before.get(*rel) != after.get(*rel)).collect();
    assert!(changed.len() >= 30, "three files a certificate: {changed:?}");

    // A dry run sends nothing.
    let dry = publish(root, &server, &["--dry-run"], &[]);
    assert!(dry.status.success(), "{}", out(&dry));
    assert!(out(&dry).contains(&format!("{} files to send, 0 to delete", changed.len())), "{}", out(&dry));
    assert_eq!(inodes(&www), held, "a dry run touches nothing");

    let sent = publish(root, &server, &[], &[]);
    assert!(sent.status.success(), "{}", out(&sent));
    assert!(out(&sent).contains(&format!("{} files sent, 0 deleted", changed.len())), "{}", out(&sent));
    assert_eq!(tree(&www), after);
    let now = inodes(&www);
    let replaced: Vec<&String> = now.keys().filter(|rel| held.get(*rel) != now.get(*rel)).collect();
    assert_eq!(replaced, changed, "only the changed files were sent");

    // A publish stopped after its first group (the certificates) leaves the pages old; the
    // next one sends the rest and the host ends identical.
    change_rows(root, 1, "y");
    let about = root.join("content/about.md");
    std::fs::write(&about, std::fs::read_to_string(&about).unwrap() + "\nBir cümlə də.\n").unwrap();
    build(root, DATE);
    let stopped = publish(root, &server, &[], &[("CERTSITE_PUBLISH_STOP_AFTER", "1")]);
    assert_eq!(stopped.status.code(), Some(1), "{}", out(&stopped));
    assert!(out(&stopped).contains("not published: pages, assets and open data"), "{}", out(&stopped));
    assert!(out(&stopped).contains("published: certificates"), "{}", out(&stopped));
    let half = tree(&www);
    assert_ne!(half, tree(&public));
    assert_ne!(half.get("about/index.html"), tree(&public).get("about/index.html"), "pages come after the certificates");
    let resumed = publish(root, &server, &[], &[]);
    assert!(resumed.status.success(), "{}", out(&resumed));
    assert_eq!(tree(&www), tree(&public), "resumed, the host holds the build");

    // Deletions: more than max_deletions are refused without --force, nothing sent.
    std::fs::remove_file(&about).unwrap();
    std::fs::remove_file(root.join("content/about.en.md")).unwrap();
    build(root, DATE);
    assert!(!public.join("about/index.html").exists());
    let held = inodes(&www);
    let refused = publish(root, &server, &[], &[]);
    assert_eq!(refused.status.code(), Some(1), "{}", out(&refused));
    assert!(out(&refused).contains("more than max_deletions (1)"), "{}", out(&refused));
    assert_eq!(inodes(&www), held, "refused: nothing sent");
    let forced = publish(root, &server, &["--force"], &[]);
    assert!(forced.status.success(), "{}", out(&forced));
    assert!(!www.join("about").exists() && !www.join("en/about").exists(), "the files and the folders they leave empty");
    assert_eq!(tree(&www), tree(&public), "after deletions the host holds the build");

    // A host that cannot be reached: retried, then exit 1 saying what is not published.
    let dead = settings.replace(&format!("port = {}", server.port), "port = 1");
    std::fs::write(&toml, std::fs::read_to_string(&toml).unwrap().replace(&settings, &dead)).unwrap();
    change_rows(root, 1, "z");
    build(root, DATE);
    let failed = publish(root, &server, &[], &[]);
    assert_eq!(failed.status.code(), Some(1), "{}", out(&failed));
    let text = out(&failed);
    assert!(text.contains("trying again") && text.contains("published: nothing") && text.contains("not published: certificates"), "{text}");
}

#[test]
fn two_publishes_of_one_site_never_run_at_once() {
    let site = sample();
    let root = site.path();
    let toml = root.join("data/site.toml");
    std::fs::write(&toml, std::fs::read_to_string(&toml).unwrap() + "\n[publish.web]\nssh = \"127.0.0.1:/nowhere\"\nport = 1\n").unwrap();
    build(root, DATE);
    // Another publish holds the lock (flock, as certsite takes it) while this one starts.
    let mut holder = Command::new("flock").arg(root.join(".certsite/publish.lock")).args(["sleep", "30"]).spawn().unwrap();
    let started = Instant::now();
    let refused = loop {
        let out = certsite_in(root, &["publish"], &[("LC_ALL", "C.UTF-8"), ("CERTSITE_PUBLISH_BACKOFF_MS", "10")]);
        if out.status.code() == Some(2) || started.elapsed() > Duration::from_secs(10) {
            break out;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let _ = holder.kill();
    let _ = holder.wait();
    assert_eq!(refused.status.code(), Some(2), "{}", out(&refused));
    assert!(out(&refused).contains("another publish of this site is running"), "{}", out(&refused));
    assert!(!root.join(".certsite/publish/web/record").exists(), "nothing was sent or recorded");
}

#[test]
fn a_publish_killed_during_a_transfer_resumes_after_its_last_batch() {
    use std::os::unix::fs::PermissionsExt;
    use std::os::unix::process::CommandExt;
    let site = sample();
    let root = site.path();
    let keys = tempfile::tempdir().unwrap();
    let server = sshd(keys.path());
    let www = root.join("www/register");
    add_web_target(root, &server, &www, "");
    build(root, DATE);
    let public = root.join("public");
    let total = tree(&public).len();

    // An ssh that hangs on its third connection (the third transfer), once: the publish is
    // killed there, with rsync and ssh, as Ctrl-C or a lost terminal kills them.
    let bin = keys.path().join("slow-ssh");
    let marks = keys.path().join("marks");
    std::fs::create_dir_all(&marks).unwrap();
    std::fs::write(
        &bin,
        format!(
            "#!/bin/sh\nn=$(ls {m} | wc -l); touch {m}/$n\nif [ \"$n\" -eq 2 ]; then touch {m}/stuck; sleep 60; fi\nexec ssh \"$@\"\n",
            m = marks.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&bin, std::fs::Permissions::from_mode(0o755)).unwrap();
    let shell =
        format!("{} -F /dev/null -o UserKnownHostsFile={}/known_hosts -o StrictHostKeyChecking=yes", bin.display(), server.dir.display());
    let mut child = Command::new(env!("CARGO_BIN_EXE_certsite"))
        .args(["publish", "--root"])
        .arg(root)
        .envs([("LC_ALL", "C.UTF-8"), ("CERTSITE_SSH", shell.as_str()), ("CERTSITE_PUBLISH_BATCH", "6")])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .process_group(0)
        .spawn()
        .unwrap();
    let started = Instant::now();
    while !marks.join("stuck").exists() {
        assert!(started.elapsed() < Duration::from_secs(30), "the third transfer never started");
        std::thread::sleep(Duration::from_millis(20));
    }
    let group = child.id().to_string();
    run(Command::new("kill").args(["-KILL", "--", &format!("-{group}")]));
    let _ = child.wait();

    let log = std::fs::read_to_string(root.join(".certsite/publish/web/log")).unwrap();
    assert!(log.contains("file ") && log.contains("cert "), "two batches were done and logged: {log}");
    assert!(!root.join(".certsite/publish/web/record").exists(), "killed: the log was not folded in");
    let half = tree(&www);
    assert!(!half.is_empty() && half.len() < total, "killed half-way: {} of {total} files", half.len());

    let resumed = publish(root, &server, &[], &[]);
    assert!(resumed.status.success(), "{}", out(&resumed));
    let sent: usize = out(&resumed).split(" files sent").next().and_then(|s| s.rsplit(' ').next()).and_then(|n| n.parse().ok()).unwrap();
    assert!(sent < total, "resumed after the logged batches: {sent} of {total} files sent");
    assert_eq!(tree(&www), tree(&public), "resumed, the host holds the build");
    assert!(!root.join(".certsite/publish/web/log").exists() && root.join(".certsite/publish/web/record").exists());
    let again = publish(root, &server, &[], &[]);
    assert!(again.status.success() && out(&again).contains("up to date"), "{}", out(&again));
}

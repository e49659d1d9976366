//! Shared helpers of the integration tests: fixture sites copied to a temporary folder, the
//! `certsite` binary, and whole output trees read back for comparison.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository (the bundled sample site is its root).
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Copies `from` into `to` recursively.
pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(from).unwrap();
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A copy of `tests/fixtures/<name>` in a fresh temporary folder.
pub fn fixture(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&repo().join("tests/fixtures").join(name), dir.path());
    dir
}

/// A copy of the bundled sample site (data/, content/, templates/).
pub fn sample() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for sub in ["data", "content", "templates"] {
        copy_dir(&repo().join(sub), &dir.path().join(sub));
    }
    dir
}

/// Runs `certsite <args>` in `root`, with no key from the environment and messages in English
/// whatever the machine's locale (tests/messages.rs runs them in both languages).
pub fn certsite(root: &Path, args: &[&str]) -> Output {
    certsite_in(root, args, &[("LC_ALL", "C.UTF-8")])
}

/// Runs `certsite <args>` in `root` with no key from the environment, no locale but `env`.
pub fn certsite_in(root: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_certsite"));
    command.args(args).current_dir(root);
    for var in ["CERTSITE_KEY", "SOURCE_DATE_EPOCH", "LC_ALL", "LC_MESSAGES", "LANG"] {
        command.env_remove(var);
    }
    command.envs(env.iter().copied()).output().unwrap()
}

/// Builds `root` into `root/public` for `date`; panics with stderr if it fails.
pub fn build(root: &Path, date: &str) -> Output {
    let out = certsite(root, &["build", "--build-date", date]);
    assert!(out.status.success(), "build failed:\n{}", stderr(&out));
    out
}

/// Stderr as text.
pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Every file below `dir`, by `/`-separated relative path.
pub fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let rel = entry.path().strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/");
            files.insert(rel, std::fs::read(entry.path()).unwrap());
        }
    }
    files
}

/// The page folders below `public/c/`, by certificate number (read from each page's
/// `data-number` attribute, unescaped).
pub fn pages_by_number(public: &Path) -> BTreeMap<String, String> {
    let mut pages = BTreeMap::new();
    for entry in std::fs::read_dir(public.join("c")).unwrap() {
        let dir = entry.unwrap().path();
        let html = std::fs::read_to_string(dir.join("index.html")).unwrap();
        let number = attr(&html, "data-number").unwrap();
        pages.insert(number.to_owned(), dir.file_name().unwrap().to_string_lossy().into_owned());
    }
    pages
}

/// The raw value of the first `name="…"` attribute.
pub fn attr<'a>(html: &'a str, name: &str) -> Option<&'a str> {
    let start = html.find(&format!("{name}=\""))? + name.len() + 2;
    Some(&html[start..start + html[start..].find('"')?])
}

/// The QR code shown inline in a certificate page: the `<svg>…</svg>` inside the element
/// marked `data-qr` (DESIGN §4).
pub fn inline_qr(html: &str) -> &str {
    let figure = &html[html.find(" data-qr").expect("a data-qr element")..];
    let start = figure.find("<svg").expect("an inline svg");
    let end = figure.find("</svg>").expect("the svg ends") + "</svg>".len();
    &figure[start..end]
}

/// A file or folder as [`snapshot`] records it: its mode, modification time and inode, and a
/// file's bytes.
pub type Entry = (u32, std::time::SystemTime, u64, Option<Vec<u8>>);

/// What is below `dir`, to tell whether anything wrote there: every file and folder by
/// `/`-separated relative path ([`Entry`]). Two snapshots are equal only when nothing was
/// created, written, replaced (even with the same bytes) or removed.
pub fn snapshot(dir: &Path) -> BTreeMap<String, Entry> {
    use std::os::unix::fs::MetadataExt;
    let mut entries = BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir) {
        let entry = entry.unwrap();
        let meta = entry.metadata().unwrap();
        let rel = entry.path().strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/");
        let bytes = entry.file_type().is_file().then(|| std::fs::read(entry.path()).unwrap());
        entries.insert(rel, (meta.mode(), meta.modified().unwrap(), meta.ino(), bytes));
    }
    entries
}

/// Changes the surname of the first `n` certificates.
pub fn change_rows(root: &Path, n: usize, mark: &str) {
    let csv = root.join("data/certificates.csv");
    let text = std::fs::read_to_string(&csv).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    for line in lines.iter_mut().skip(1).take(n) {
        let (number, rest) = line.split_once(',').unwrap();
        let (surname, rest) = rest.split_once(',').unwrap();
        *line = format!("{number},{surname}{mark},{rest}");
    }
    std::fs::write(csv, lines.join("\n") + "\n").unwrap();
}

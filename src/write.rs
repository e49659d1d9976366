//! Stage "write": the only code that touches the output (DESIGN §6). A file is written only
//! when its bytes changed; an existing file is replaced atomically (a temporary file in the
//! same folder, then a rename), so a web server never serves half of a changed file, and a
//! rebuild after a small change rewrites only what changed. A file that does not exist yet is
//! created in place, exclusively: there is nothing to replace, and skipping the temporary name
//! saves a tenth of a first build. Stale files are removed last. The output is never deleted
//! and written anew: on big sites that is slow, and it leaves a window with no site.

use std::collections::HashMap;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use walkdir::WalkDir;

/// Counts of what a build did to one output folder.
#[derive(Debug, Default)]
pub struct Stats {
    /// Files written (new or changed).
    pub written: AtomicUsize,
    /// Files whose bytes were already right.
    pub unchanged: AtomicUsize,
    /// Stale files removed.
    pub removed: AtomicUsize,
}

/// An output folder.
pub struct Output {
    root: PathBuf,
    force: bool,
    /// What was done.
    pub stats: Stats,
}

/// The temporary name used while writing `name` (hidden, in the same folder, so the rename is
/// atomic on one file system).
fn temp_name(name: &str) -> String {
    format!(".{name}.certsite-tmp")
}

impl Output {
    /// Opens (creating if needed) an output folder. `force` rewrites files even when unchanged.
    pub fn new(root: &Path, force: bool) -> io::Result<Output> {
        fs::create_dir_all(root)?;
        Ok(Output { root: root.to_owned(), force, stats: Stats::default() })
    }

    /// The folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Makes `rel` (a `/`-separated path below the root) hold `bytes`. Returns whether it wrote.
    pub fn put(&self, rel: &str, bytes: &[u8]) -> io::Result<bool> {
        let path = self.root.join(rel);
        let existing = fs::metadata(&path).ok();
        if !self.force && existing.as_ref().is_some_and(|m| same_bytes(&path, m, bytes)) {
            self.stats.unchanged.fetch_add(1, Ordering::Relaxed);
            return Ok(false);
        }
        if existing.is_none() {
            // Nothing to replace: a new file is written in place, created exclusively (a
            // temporary name and a rename would double the folder updates of a first build).
            // An interrupted write leaves a short file that the next build finds and replaces.
            match write_new(&path, bytes) {
                Ok(()) => {
                    self.stats.written.fetch_add(1, Ordering::Relaxed);
                    return Ok(true);
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {} // raced: replace it below
                Err(e) => return Err(e),
            }
        }
        let parent = path.parent().unwrap_or(&self.root);
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
        let temp = parent.join(temp_name(name));
        let mut file = match fs::File::create(&temp) {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                fs::create_dir_all(parent)?;
                fs::File::create(&temp)?
            }
            Err(e) => return Err(e),
        };
        file.write_all(bytes).and_then(|()| fs::rename(&temp, &path)).inspect_err(|_| {
            let _ = fs::remove_file(&temp);
        })?;
        self.stats.written.fetch_add(1, Ordering::Relaxed);
        Ok(true)
    }

    /// Counts `files` files as unchanged without looking at them (their inputs did not change).
    pub fn skip(&self, files: usize) {
        self.stats.unchanged.fetch_add(files, Ordering::Relaxed);
    }

    /// Removes every file below the root that `keep` does not claim (and folders left
    /// empty), including temporary files left by an interrupted build.
    pub fn remove_stale(&self, keep: impl Fn(&str) -> bool) -> io::Result<()> {
        for entry in WalkDir::new(&self.root).min_depth(1).contents_first(true) {
            let entry = entry.map_err(io::Error::other)?;
            let rel = entry.path().strip_prefix(&self.root).unwrap_or(entry.path());
            let rel = rel.to_string_lossy().replace('\\', "/");
            if entry.file_type().is_dir() {
                // Succeeds only when empty: folders of kept files stay.
                let _ = fs::remove_dir(entry.path());
            } else if !keep(&rel) {
                fs::remove_file(entry.path())?;
                self.stats.removed.fetch_add(1, Ordering::Relaxed);
            }
        }
        Ok(())
    }
}

/// The absolute form of `path`: made absolute from the current folder, `..` and `.` removed
/// lexically, and the part that exists resolved (symlinks), so two spellings of one place
/// compare equal.
pub fn absolute(path: &Path) -> PathBuf {
    let path = if path.is_absolute() { path.to_owned() } else { std::env::current_dir().unwrap_or_default().join(path) };
    let mut lexical = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::ParentDir => {
                lexical.pop();
            }
            std::path::Component::CurDir => {}
            other => lexical.push(other),
        }
    }
    let mut existing = lexical;
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.file_name().map(ToOwned::to_owned), existing.parent()) {
            (Some(name), Some(parent)) => {
                rest.push(name);
                existing = parent.to_owned();
            }
            _ => break,
        }
    }
    let mut resolved = existing.canonicalize().unwrap_or(existing);
    for name in rest.into_iter().rev() {
        resolved.push(name);
    }
    resolved
}

/// Refuses an output folder that would overwrite or delete the site's sources (stale files
/// are removed from the output): the root or a folder above it, a folder holding `data/`,
/// `content/`, `templates/`, `.certsite/` or the print files, or one inside the input folders.
pub fn check_output_location(root: &Path, out: &Path) -> Result<(), String> {
    let (root, out) = (absolute(root), absolute(out));
    for kept in ["", "data", "content", "templates", ".certsite", ".certsite/print"] {
        let path = if kept.is_empty() { root.clone() } else { root.join(kept) };
        if path.starts_with(&out) {
            return Err(format!("the output {} holds {}: building there would delete the site's own files", out.display(), path.display()));
        }
    }
    for input in ["data", "content", "templates"] {
        if out.starts_with(root.join(input)) {
            return Err(format!("the output {} is inside the site's {input}/ folder, which certsite reads", out.display()));
        }
    }
    Ok(())
}

/// Digests of the inputs of what the last build wrote, by key (a certificate's code), kept
/// in `.certsite/` so that a rebuild skips certificates whose inputs did not change: no
/// signing, no QR code, no rendering, no reading of their files back.
#[derive(Debug, Default)]
pub struct Fingerprints {
    map: HashMap<String, [u8; 16]>,
}

const FINGERPRINTS_HEADER: &str = "certsite fingerprints 1";

/// The first line: the format and the output folder the digests describe (a build into
/// another folder must not trust them).
fn header(out: &Path) -> String {
    let out = out.canonicalize().unwrap_or_else(|_| out.to_owned());
    format!("{FINGERPRINTS_HEADER} {}", out.display())
}

impl Fingerprints {
    /// Reads the file; a missing or garbled one, or one recorded for another output folder
    /// (`out`), gives no fingerprints (everything is built).
    pub fn load(path: &Path, out: &Path) -> Fingerprints {
        let Ok(text) = fs::read_to_string(path) else { return Fingerprints::default() };
        let mut lines = text.lines();
        if lines.next() != Some(&header(out)) {
            return Fingerprints::default();
        }
        let mut map = HashMap::new();
        for line in lines {
            let Some((key, hex)) = line.split_once(' ') else { return Fingerprints::default() };
            let mut digest = [0u8; 16];
            if hex.len() != 32 {
                return Fingerprints::default();
            }
            for (i, byte) in digest.iter_mut().enumerate() {
                match u8::from_str_radix(&hex[2 * i..2 * i + 2], 16) {
                    Ok(b) => *byte = b,
                    Err(_) => return Fingerprints::default(),
                }
            }
            map.insert(key.to_owned(), digest);
        }
        Fingerprints { map }
    }

    /// The digest recorded for `key`.
    pub fn get(&self, key: &str) -> Option<&[u8; 16]> {
        self.map.get(key)
    }

    /// Writes `entries` for the output folder `out` (atomically: temporary file, then rename).
    pub fn save<'a>(path: &Path, out: &Path, entries: impl Iterator<Item = (&'a str, &'a [u8; 16])>) -> io::Result<()> {
        let mut text = header(out);
        text.push('\n');
        for (key, digest) in entries {
            text.push_str(key);
            text.push(' ');
            for b in digest {
                text.push_str(&format!("{b:02x}"));
            }
            text.push('\n');
        }
        let temp = path.with_extension("certsite-tmp");
        fs::write(&temp, text)?;
        fs::rename(&temp, path)
    }
}

/// True when the file at `path` (whose metadata is `meta`) holds exactly `bytes` (the size is
/// checked first, so most changed files are detected without reading them).
fn same_bytes(path: &Path, meta: &fs::Metadata, bytes: &[u8]) -> bool {
    meta.is_file() && meta.len() == bytes.len() as u64 && fs::read(path).is_ok_and(|old| old == bytes)
}

/// Creates `path` (and its folder) exclusively and writes `bytes`; a failed write removes it.
fn write_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let open = || fs::OpenOptions::new().write(true).create_new(true).open(path);
    let mut file = match open() {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            fs::create_dir_all(path.parent().unwrap_or(Path::new(".")))?;
            open()?
        }
        other => other?,
    };
    file.write_all(bytes).inspect_err(|_| {
        let _ = fs::remove_file(path);
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn writes_only_changes_and_removes_stale() {
        let dir = tempfile::tempdir().unwrap();
        let out = Output::new(dir.path(), false).unwrap();
        assert!(out.put("a/b/index.html", b"one").unwrap());
        assert!(out.put("x.txt", b"x").unwrap());
        assert!(!out.put("a/b/index.html", b"one").unwrap());
        assert!(out.put("a/b/index.html", b"two").unwrap());
        assert_eq!(fs::read(dir.path().join("a/b/index.html")).unwrap(), b"two");
        fs::write(dir.path().join("a/b/.index.html.certsite-tmp"), b"left over").unwrap();
        let keep: HashSet<&str> = ["a/b/index.html"].into();
        out.remove_stale(|rel| keep.contains(rel)).unwrap();
        assert!(!dir.path().join("x.txt").exists());
        assert!(!dir.path().join("a/b/.index.html.certsite-tmp").exists());
        assert!(dir.path().join("a/b/index.html").exists());
        assert_eq!(out.stats.removed.load(Ordering::Relaxed), 2);
    }

    #[test]
    fn fingerprints_round_trip_and_garbage_is_empty() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("fp");
        let out = dir.path();
        Fingerprints::save(&path, out, [("ABC", &[1u8; 16]), ("DEF", &[0xfe; 16])].into_iter()).unwrap();
        let f = Fingerprints::load(&path, out);
        assert_eq!(f.get("ABC"), Some(&[1u8; 16]));
        assert_eq!(f.get("DEF"), Some(&[0xfe; 16]));
        assert_eq!(Fingerprints::load(&path, &out.join("elsewhere")).get("ABC"), None, "recorded for another output");
        fs::write(&path, format!("{}\nABC 12\n", header(out))).unwrap();
        assert_eq!(Fingerprints::load(&path, out).get("ABC"), None);
        assert_eq!(Fingerprints::load(&dir.path().join("missing"), out).get("ABC"), None);
    }

    #[test]
    fn the_output_never_holds_the_sources() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for bad in [".", "data", "data/x", "content", "templates/out", ".certsite/serve/..", "..", ".certsite/print"] {
            assert!(check_output_location(root, &root.join(bad)).is_err(), "{bad}");
        }
        for good in ["public", "site/out", ".certsite-public", ".certsite/serve"] {
            assert!(check_output_location(root, &root.join(good)).is_ok(), "{good}");
        }
    }

    #[test]
    fn force_rewrites() {
        let dir = tempfile::tempdir().unwrap();
        let out = Output::new(dir.path(), true).unwrap();
        assert!(out.put("f", b"1").unwrap());
        assert!(out.put("f", b"1").unwrap());
    }
}

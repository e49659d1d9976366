//! Stage "write": the only code that touches the output folder (DESIGN §6). It works in two
//! steps so that no reader and no interrupted build ever sees a torn file:
//!
//! 1. **Stage.** Every new or changed file is written into a staging folder on the same file
//!    system (`.certsite/outputs/<id>/staging/`, or `<out>/.certsite-staging/` when the output
//!    is on another file system), laid out like the output. Nothing in the output changes yet:
//!    a build that fails here discards the staging folder and leaves the output byte-identical.
//! 2. **Install.** Each staged file is renamed onto its place, atomically: a new certificate's
//!    whole folder in one rename, a changed file over the old one. Stale files go last.
//!
//! Which files changed, and which are stale, comes from the manifest
//! ([`crate::state::manifest`]), not from walking or reading the output. The output is never
//! deleted and written anew: on big sites that is slow, and it leaves a window with no site.

pub mod folders;

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use walkdir::WalkDir;

use crate::disk::{absolute, checkpoint};
use crate::state::State;

/// The staging folder's name inside the output, used only when the output is on another file
/// system than the site's `.certsite/`.
pub const STAGING_IN_OUTPUT: &str = ".certsite-staging";

/// Counts of what a build did to the output.
#[derive(Debug, Default)]
pub struct Stats {
    /// Files installed (new or changed).
    pub written: AtomicUsize,
    /// Stale files removed.
    pub removed: AtomicUsize,
}

/// An output folder and its staging folder.
pub struct Output {
    root: PathBuf,
    staging: PathBuf,
    /// What was done.
    pub stats: Stats,
}

impl Output {
    /// Opens (creating if needed) the output folder `root`, staging in `staging` when that is
    /// on the same file system (renames cannot cross file systems), else inside the output.
    pub fn open(root: &Path, staging: &Path) -> io::Result<Output> {
        fs::create_dir_all(root)?;
        let parent = staging.parent().unwrap_or(Path::new("."));
        fs::create_dir_all(parent)?;
        let staging = if same_file_system(root, parent) { staging.to_owned() } else { root.join(STAGING_IN_OUTPUT) };
        Ok(Output { root: root.to_owned(), staging, stats: Stats::default() })
    }

    /// The output folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Removes what a killed build left in the staging folder.
    pub fn clear_staging(&self) -> io::Result<()> {
        match fs::remove_dir_all(&self.staging) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }

    /// Creates the staged folder `rel` (its parent must be staged or made already), for a
    /// folder that is new in the output.
    pub fn stage_dir(&self, rel: &str) -> io::Result<()> {
        checkpoint();
        let path = self.staging.join(rel);
        match fs::create_dir(&path) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => fs::create_dir_all(&path),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(()),
            other => other,
        }
    }

    /// Writes `bytes` as the staged version of `rel`.
    pub fn stage(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        checkpoint();
        let path = self.staging.join(rel);
        let open = || fs::OpenOptions::new().write(true).create_new(true).open(&path);
        let mut file = match open() {
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                fs::create_dir_all(path.parent().unwrap_or(&self.staging))?;
                open()?
            }
            other => other?,
        };
        checkpoint(); // a file created, not yet written: a kill here must not show
        file.write_all(bytes)
    }

    /// Moves the staged file `rel` onto its place in the output (replacing the old one).
    pub fn install(&self, rel: &str) -> io::Result<()> {
        checkpoint();
        let (from, to) = (self.staging.join(rel), self.root.join(rel));
        match fs::rename(&from, &to) {
            Err(e) if e.kind() == io::ErrorKind::NotFound && from.exists() => {
                fs::create_dir_all(to.parent().unwrap_or(&self.root))?;
                fs::rename(&from, &to)
            }
            other => other,
        }?;
        self.stats.written.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }

    /// Moves the staged folder `rel` with its `files` onto its place in one rename, when the
    /// output has no such folder. Returns false, having moved nothing, when it has one (its
    /// files are then installed one by one).
    pub fn install_dir(&self, rel: &str, files: usize) -> io::Result<bool> {
        checkpoint();
        let (from, to) = (self.staging.join(rel), self.root.join(rel));
        let moved = match fs::rename(&from, &to) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                fs::create_dir_all(to.parent().unwrap_or(&self.root))?;
                fs::rename(&from, &to)
            }
            other => other,
        };
        match moved {
            Ok(()) => {
                self.stats.written.fetch_add(files, Ordering::Relaxed);
                Ok(true)
            }
            // A folder is there already (not empty): ENOTEMPTY or EEXIST.
            Err(_) if to.is_dir() => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// Removes the stale file `rel` (gone already is fine) and the folders it leaves empty.
    pub fn remove(&self, rel: &str) -> io::Result<()> {
        checkpoint();
        match fs::remove_file(self.root.join(rel)) {
            Ok(()) => {
                self.stats.removed.fetch_add(1, Ordering::Relaxed);
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
        let mut dir = Path::new(rel).parent();
        while let Some(d) = dir.filter(|d| !d.as_os_str().is_empty()) {
            if fs::remove_dir(self.root.join(d)).is_err() {
                break; // not empty (or gone): folders of kept files stay
            }
            dir = d.parent();
        }
        Ok(())
    }

    /// The bytes of `rel` in the output, if it is there.
    pub fn read(&self, rel: &str) -> io::Result<Option<Vec<u8>>> {
        match fs::read(self.root.join(rel)) {
            Ok(bytes) => Ok(Some(bytes)),
            Err(e) if e.kind() == io::ErrorKind::NotFound || e.kind() == io::ErrorKind::NotADirectory => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Every file in the output, by `/`-separated relative path (for `--clean`, and for an
    /// output whose manifest is lost). The staging folder is not part of it.
    pub fn walk(&self) -> io::Result<Vec<String>> {
        walk(&self.root)
    }

    /// Removes the staging folder after installing (only empty folders are left in it) or
    /// after a failure (nothing of it was installed).
    pub fn discard_staging(&self) -> io::Result<()> {
        self.clear_staging()
    }
}

/// Every file below `root`, by `/`-separated relative path, sorted; the staging folder that an
/// output on another file system holds is left out.
pub fn walk(root: &Path) -> io::Result<Vec<String>> {
    let mut files = Vec::new();
    let entries = WalkDir::new(root).min_depth(1).sort_by_file_name().into_iter();
    for entry in entries.filter_entry(|e| e.depth() != 1 || e.file_name() != STAGING_IN_OUTPUT) {
        let entry = entry.map_err(io::Error::other)?;
        if !entry.file_type().is_dir() {
            let rel = entry.path().strip_prefix(root).unwrap_or(entry.path());
            files.push(rel.to_string_lossy().replace('\\', "/"));
        }
    }
    Ok(files)
}

#[cfg(unix)]
fn same_file_system(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    matches!((fs::metadata(a), fs::metadata(b)), (Ok(a), Ok(b)) if a.dev() == b.dev())
}

#[cfg(not(unix))]
fn same_file_system(_: &Path, _: &Path) -> bool {
    false
}

/// Refuses an output folder that would overwrite or delete the site's sources (stale files
/// are removed from the output): the root or a folder above it, a folder holding `data/`,
/// `content/`, `templates/` or `.certsite/`, or one inside the input folders or `.certsite/`
/// (but for the preview's own: [`State::serve_dir`], and that of the throwaway preview,
/// [`State::preview`]).
pub fn check_output_location(root: &Path, out: &Path) -> Result<(), String> {
    let (root, out) = (absolute(root), absolute(out));
    let state = State::new(&root);
    let kept = [root.clone(), root.join("data"), root.join("content"), root.join("templates"), state.dir().to_owned()];
    for path in kept {
        if path.starts_with(&out) {
            return Err(tr!("write-output-holds-site", out = out.display().to_string(), path = path.display().to_string()));
        }
    }
    for input in ["data", "content", "templates"] {
        if out.starts_with(root.join(input)) {
            return Err(tr!("write-output-in-input", out = out.display().to_string(), folder = input));
        }
    }
    let previews = [state.serve_dir(), state.preview().serve_dir()];
    if out.starts_with(state.dir()) && !previews.iter().any(|preview| out.starts_with(preview)) {
        return Err(tr!("write-output-in-state", out = out.display().to_string()));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The output `public/` of a site at `dir`, staging where a build would.
    fn output(dir: &Path) -> Output {
        let public = dir.join("public");
        Output::open(&public, &State::new(dir).output(&public).staging()).unwrap()
    }

    #[test]
    fn staged_files_reach_the_output_only_when_installed() {
        let dir = tempfile::tempdir().unwrap();
        let out = output(dir.path());
        out.stage("a/b/index.html", b"one").unwrap();
        assert!(walk(out.root()).unwrap().is_empty(), "nothing in the output while staged");
        out.install("a/b/index.html").unwrap();
        assert_eq!(fs::read(dir.path().join("public/a/b/index.html")).unwrap(), b"one");
        out.stage("a/b/index.html", b"two").unwrap();
        out.install("a/b/index.html").unwrap();
        assert_eq!(fs::read(dir.path().join("public/a/b/index.html")).unwrap(), b"two");
        out.discard_staging().unwrap();
        assert!(!out.staging.exists());
        assert_eq!(out.stats.written.load(Ordering::Relaxed), 2);
    }

    #[test]
    fn a_new_folder_moves_in_whole_and_an_existing_one_file_by_file() {
        let dir = tempfile::tempdir().unwrap();
        let out = output(dir.path());
        out.stage_dir("c").unwrap();
        out.stage_dir("c/NEW").unwrap();
        out.stage("c/NEW/index.html", b"page").unwrap();
        out.stage("c/NEW/credential.json", b"{}").unwrap();
        assert!(out.install_dir("c/NEW", 2).unwrap());
        assert_eq!(walk(out.root()).unwrap(), ["c/NEW/credential.json", "c/NEW/index.html"]);
        out.stage_dir("c/NEW").unwrap();
        out.stage("c/NEW/index.html", b"page 2").unwrap();
        assert!(!out.install_dir("c/NEW", 1).unwrap(), "the folder exists");
        out.install("c/NEW/index.html").unwrap();
        assert_eq!(fs::read(out.root().join("c/NEW/index.html")).unwrap(), b"page 2");
    }

    #[test]
    fn removal_takes_empty_folders_and_tolerates_missing_files() {
        let dir = tempfile::tempdir().unwrap();
        let out = output(dir.path());
        for rel in ["notices/D-1/index.html", "notices/index.html"] {
            out.stage(rel, b"x").unwrap();
            out.install(rel).unwrap();
        }
        out.remove("notices/D-1/index.html").unwrap();
        out.remove("notices/D-1/index.html").unwrap();
        assert!(!out.root().join("notices/D-1").exists());
        assert!(out.root().join("notices/index.html").exists());
        assert_eq!(out.stats.removed.load(Ordering::Relaxed), 1);
    }

    #[test]
    fn staging_stays_on_the_output_file_system() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = tempfile::tempdir_in("/dev/shm").unwrap();
        let out = Output::open(&dir.path().join("public"), &elsewhere.path().join("staging")).unwrap();
        let apart = fs::metadata(dir.path()).unwrap().dev() != fs::metadata(elsewhere.path()).unwrap().dev();
        let expected = if apart { dir.path().join("public").join(STAGING_IN_OUTPUT) } else { elsewhere.path().join("staging") };
        assert_eq!(out.staging, expected);
        out.stage("f", b"x").unwrap();
        out.install("f").unwrap();
        assert_eq!(fs::read(out.root().join("f")).unwrap(), b"x");
    }

    #[test]
    fn the_output_never_holds_the_sources() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let state = State::new(root);
        let mut bad = [".", "data", "data/x", "content", "templates/out", ".."].map(|rel| root.join(rel)).to_vec();
        bad.extend([state.dir().to_owned(), state.dir().join("print"), state.dir().join("x"), state.preview().dir().to_owned()]);
        for bad in bad {
            assert!(check_output_location(root, &bad).is_err(), "{}", bad.display());
        }
        let mut good = ["public", "site/out"].map(|rel| root.join(rel)).to_vec();
        good.extend([root.join(format!("{}-public", crate::state::DIR)), state.serve_dir(), state.preview().serve_dir()]);
        for good in good {
            assert!(check_output_location(root, &good).is_ok(), "{}", good.display());
        }
    }
}

//! `certsite init`: writes a new site root that checks and builds as it is — a commented
//! `data/site.toml`, one example certificate and decision, one content page and a
//! `.gitignore` for the private state, the output and the printing office's folder (DESIGN §2,
//! §3).
//!
//! The example files live in `src/init/` and are compiled into the binary (`include_str!`),
//! beside the code that writes them: outside the repository's own site root (its `data/` and
//! `content/` are the sample site, which `init` does not copy), and shipped with the crate's
//! sources. The `.gitignore` is kept there as `gitignore`, so that git does not read it as
//! that folder's own.

use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The files of a new site: path below the site root, contents.
pub const FILES: &[(&str, &str)] = &[
    ("data/site.toml", include_str!("init/data/site.toml")),
    ("data/certificates.csv", include_str!("init/data/certificates.csv")),
    ("data/decisions.csv", include_str!("init/data/decisions.csv")),
    ("content/about.md", include_str!("init/content/about.md")),
    (".gitignore", include_str!("init/gitignore")),
];

/// Why no site was written, or not all of it.
#[derive(Debug)]
pub enum InitError {
    /// The folder already holds something (the first entry found is named): wrong usage.
    NotEmpty(PathBuf, PathBuf),
    /// The path exists and is not a folder: wrong usage.
    NotAFolder(PathBuf),
    /// A folder or file could not be made; the files listed were written before it.
    Io {
        /// What could not be made.
        path: PathBuf,
        /// Why.
        error: std::io::Error,
        /// The files written before.
        written: Vec<PathBuf>,
    },
}

impl std::fmt::Display for InitError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            InitError::NotEmpty(dir, entry) => {
                f.write_str(&tr!("write-init-not-empty", dir = dir.display().to_string(), entry = entry.display().to_string()))
            }
            InitError::NotAFolder(path) => f.write_str(&tr!("write-init-not-folder", path = path.display().to_string())),
            InitError::Io { path, error, .. } => {
                f.write_str(&tr!("write-init-cannot-write", path = path.display().to_string(), error = error.to_string()))
            }
        }
    }
}

impl std::error::Error for InitError {}

/// Writes a new site into `dir`, creating it (and its parents) if missing. `dir` must be
/// missing or an empty folder; no file is ever overwritten (each is created new). Returns the
/// files written, in the order of [`FILES`].
pub fn init(dir: &Path) -> Result<Vec<PathBuf>, InitError> {
    let io = |path: &Path, error, written: &[PathBuf]| InitError::Io { path: path.to_owned(), error, written: written.to_vec() };
    match fs::metadata(dir) {
        Ok(meta) if !meta.is_dir() => return Err(InitError::NotAFolder(dir.to_owned())),
        Ok(_) => {
            let mut entries = fs::read_dir(dir).map_err(|e| io(dir, e, &[]))?;
            if let Some(entry) = entries.next() {
                let entry = entry.map_err(|e| io(dir, e, &[]))?;
                return Err(InitError::NotEmpty(dir.to_owned(), dir.join(entry.file_name())));
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => fs::create_dir_all(dir).map_err(|e| io(dir, e, &[]))?,
        Err(e) => return Err(io(dir, e, &[])),
    }
    let mut written = Vec::new();
    for (rel, text) in FILES {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| io(parent, e, &written))?;
        }
        let mut file = OpenOptions::new().write(true).create_new(true).open(&path).map_err(|e| io(&path, e, &written))?;
        file.write_all(text.as_bytes()).and_then(|()| file.sync_all()).map_err(|e| io(&path, e, &written))?;
        written.push(path);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Problems;

    #[test]
    fn the_example_settings_load_with_the_strict_config() {
        let (_, text) = FILES.iter().find(|(p, _)| *p == "data/site.toml").unwrap();
        let mut problems = Problems::new();
        let config = crate::config::Config::parse(text, &mut problems);
        assert!(config.is_some() && problems.error_count() == 0, "{}", problems.render(false));
        // Every commented setting (and commented table, `# [publish.web]`), uncommented, is
        // still a known key with a valid value.
        let uncommented: String = text
            .lines()
            .map(|l| match l.strip_prefix("# ") {
                Some(rest) if (rest.contains(" = ") && !rest.contains("...")) || rest.starts_with('[') => rest,
                _ => l,
            })
            .collect::<Vec<_>>()
            .join("\n");
        let mut problems = Problems::new();
        assert!(crate::config::Config::parse(&uncommented, &mut problems).is_some(), "{}", problems.render(false));
    }

    #[test]
    fn refuses_a_folder_that_is_not_empty_and_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("notes.txt"), "mine").unwrap();
        assert!(matches!(init(dir.path()), Err(InitError::NotEmpty(..))));
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
        assert!(matches!(init(&dir.path().join("notes.txt")), Err(InitError::NotAFolder(_))));
    }

    #[test]
    fn creates_a_missing_folder() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("a/new-site");
        let written = init(&site).unwrap();
        assert_eq!(written.len(), FILES.len());
        for (rel, text) in FILES {
            assert_eq!(fs::read_to_string(site.join(rel)).unwrap(), *text);
        }
    }
}

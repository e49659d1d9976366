//! State, published: what a publish target holds (DESIGN §2 `publish`). `certsite publish`
//! sends the difference between the last build's manifest and this record, never by listing
//! the remote, and saves the record after each group it sent (atomically: a publish killed at
//! any moment leaves it whole), so the next publish resumes where one stopped.
//!
//! The text: `certsite publish record 1`, `target <where>` (the destination it was sent to: a
//! record of another destination counts as empty), then one line per file, `<xxh3 hex> <path>`.

use std::collections::BTreeMap;
use std::path::PathBuf;

use anyhow::{anyhow, Context as _};

const MAGIC: &str = "certsite publish record 1";

/// What one target holds: each file's path below the output and its hash.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Record {
    /// Path → XXH3-64 of its bytes.
    pub files: BTreeMap<String, u64>,
}

impl Record {
    /// The text [`Record::parse`] reads.
    pub fn to_text(&self, target: &str) -> String {
        let mut text = format!("{MAGIC}\ntarget {target}\n");
        for (rel, hash) in &self.files {
            text.push_str(&format!("{hash:016x} {rel}\n"));
        }
        text
    }

    /// Reads a record written for `target`: an empty one when it was written for another
    /// destination; an error naming the line that cannot be read.
    pub fn parse(text: &str, target: &str) -> Result<Record, (usize, String)> {
        let mut lines = text.lines().enumerate().map(|(n, l)| (n + 1, l));
        match lines.next() {
            Some((_, MAGIC)) => {}
            _ => return Err((1, MAGIC.to_owned())),
        }
        match lines.next() {
            Some((_, line)) if line.strip_prefix("target ") == Some(target) => {}
            Some((_, line)) if line.starts_with("target ") => return Ok(Record::default()),
            _ => return Err((2, "target <host:path>".to_owned())),
        }
        let mut record = Record::default();
        for (n, line) in lines {
            let entry = line.split_once(' ').and_then(|(h, rel)| Some((u64::from_str_radix(h, 16).ok().filter(|_| h.len() == 16)?, rel)));
            match entry {
                Some((hash, rel)) if !rel.is_empty() => {
                    record.files.insert(rel.to_owned(), hash);
                }
                _ => return Err((n, "<hash> <path>".to_owned())),
            }
        }
        Ok(record)
    }
}

/// The record and working files of one target, `.certsite/publish/<name>/`.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
    target: String,
}

impl Store {
    /// The store in `dir` for the destination `target` (as site.toml names it).
    pub(super) fn new(dir: PathBuf, target: &str) -> Store {
        Store { dir, target: target.to_owned() }
    }

    fn record_path(&self) -> PathBuf {
        self.dir.join("record")
    }

    /// What the target holds: empty before its first publish.
    pub fn load(&self) -> anyhow::Result<Record> {
        let path = self.record_path();
        match std::fs::read_to_string(&path) {
            Ok(text) => Record::parse(&text, &self.target).map_err(|(line, wanted)| {
                anyhow!(tr!("state-publish-record-damaged", path = path.display().to_string(), line = line, wanted = wanted))
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Record::default()),
            Err(e) => Err(e).with_context(|| path.display().to_string()),
        }
    }

    /// Saves the record, atomically.
    pub fn save(&self, record: &Record) -> anyhow::Result<()> {
        std::fs::create_dir_all(&self.dir).with_context(|| self.dir.display().to_string())?;
        let path = self.record_path();
        super::write_atomic(&path, record.to_text(&self.target).as_bytes()).with_context(|| path.display().to_string())
    }

    /// Writes the list of paths of one transfer (one a line) and returns its file.
    pub fn save_list(&self, name: &str, paths: &[&str]) -> anyhow::Result<PathBuf> {
        std::fs::create_dir_all(&self.dir).with_context(|| self.dir.display().to_string())?;
        let path = self.dir.join(name);
        let text: String = paths.iter().map(|p| format!("{p}\n")).collect();
        super::write_atomic(&path, text.as_bytes()).with_context(|| path.display().to_string())?;
        Ok(path)
    }

    /// Removes a list written by [`Store::save_list`].
    pub fn remove_list(&self, path: &std::path::Path) {
        let _ = std::fs::remove_file(path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_reads_back_and_another_target_starts_empty() {
        let mut record = Record::default();
        record.files.insert("c/ABC/index.html".into(), 0xfeed);
        record.files.insert("a b/index.html".into(), 1);
        let text = record.to_text("web:/srv");
        assert_eq!(Record::parse(&text, "web:/srv").unwrap(), record);
        assert_eq!(Record::parse(&text, "other:/srv").unwrap(), Record::default());
        let damaged = text.replace("000000000000feed", "feed");
        assert_eq!(Record::parse(&damaged, "web:/srv").unwrap_err().0, 4);
    }
}

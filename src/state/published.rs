//! State, published: what a publish target holds (DESIGN §2 `publish`). `certsite publish`
//! sends the difference between the last build's manifest and this record, never by listing
//! the remote.
//!
//! The record is kept as a manifest is ([`Manifest`]: a certificate's files are one line, its
//! code and a hash per file, so a million certificates cost tens of megabytes, not a line per
//! file): `record` holds what the target held when a publish last finished, and `log` what was
//! sent or deleted since, a line per batch (`file <hash> <path>`, `cert <code> <fingerprint>
//! <hash>…`, `gone <path>`, `gone-cert <code>`), appended as each batch is done. A publish
//! killed at any moment leaves the record whole and the log true (a last line cut short was not
//! done); the next publish reads both and sends what is still missing. A publish that ends
//! folds the log into the record (written atomically) and removes the log.

use std::io::Write as _;
use std::path::PathBuf;

use anyhow::{anyhow, Context as _};

use super::manifest::{escape, unescape, CertKnown, Known, Layout, Line, Manifest};
use crate::model::code::Code;

const MAGIC: &str = "certsite publish record 2";

/// What one target holds: a manifest of its files.
#[derive(Debug, Clone)]
pub struct Record {
    /// The files the target holds, with their hashes.
    pub held: Manifest,
}

/// A change to a record, as a log line says it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// The file (not a certificate's) now holds bytes of this hash.
    File(String, u64),
    /// The certificate's files now hold the bytes of these hashes (fingerprint, hashes).
    Cert(Code, u128, Vec<u64>),
    /// The file is gone.
    Gone(String),
    /// The certificate's files are gone.
    GoneCert(Code),
}

impl Record {
    /// An empty record (nothing published) for certificates laid out as `layout`.
    pub fn empty(layout: Layout) -> Record {
        Record { held: Manifest::new(layout) }
    }

    /// The text [`Record::parse`] reads.
    pub fn to_text(&self, target: &str) -> String {
        let mut text = String::with_capacity(64 + target.len() + self.held.text_len());
        text.push_str(&format!("{MAGIC}\ntarget {}\n", escape(target)));
        self.held.write_body(&mut text);
        text
    }

    /// Reads a record written for `target`: `Ok(None)` when it was written for another
    /// destination (or by another version: the target is then taken as empty); an error naming
    /// the line that cannot be read and what it should be.
    pub fn parse(text: &str, target: &str) -> Result<Option<Record>, (usize, String)> {
        let mut lines = text.lines().enumerate().map(|(n, l)| (n + 1, l));
        match lines.next() {
            Some((_, MAGIC)) => {}
            Some((_, other)) if other.starts_with("certsite publish record ") => return Ok(None),
            _ => return Err((1, MAGIC.to_owned())),
        }
        match lines.next() {
            Some((_, line)) if line.strip_prefix("target ").and_then(unescape).as_deref() == Some(target) => {}
            Some((_, line)) if line.starts_with("target ") => return Ok(None),
            _ => return Err((2, "target <host:path>".to_owned())),
        }
        Manifest::parse_body(lines, text.len()).map(|held| Some(Record { held })).map_err(|g| (g.line, g.what))
    }

    /// The record in the build's `layout`: each file of a certificate is found under its new
    /// name (hash 0, "not held", for the files the old layout did not have), and the old
    /// layout's files the new one has no place for are kept as plain files (to be deleted).
    pub fn into_layout(self, layout: &Layout) -> Record {
        if self.held.layout() == layout {
            return self;
        }
        let old = self.held;
        let mut held = Manifest::with_capacity(layout.clone(), old.codes().len());
        for (rel, known) in old.files() {
            if let Known::Hash(h) = known {
                held.put_file(rel.to_owned(), h);
            }
        }
        let mut files = vec![0u64; layout.len()];
        for &code in old.codes() {
            let CertKnown::Known { fingerprint, files: hashes } = old.cert(code) else { continue };
            files.iter_mut().for_each(|h| *h = 0);
            let mut any = false;
            for (k, &h) in hashes.iter().enumerate() {
                let rel = old.layout().path(k, code);
                match layout.classify(&rel) {
                    Some((j, c)) if c == code => {
                        files[j] = h;
                        any = true;
                    }
                    _ => held.put_file(rel, h),
                }
            }
            if any {
                held.put_cert(code, fingerprint, &files);
            }
        }
        Record { held }
    }

    /// Applies a change.
    pub fn apply(&mut self, change: &Change) {
        match change {
            Change::File(rel, h) => self.held.put_file(rel.clone(), *h),
            Change::Cert(code, fingerprint, hashes) => self.held.set_cert(*code, *fingerprint, hashes),
            Change::Gone(rel) => self.held.remove_file(rel),
            Change::GoneCert(code) => self.held.remove_cert(*code),
        }
    }

    /// The log line of a change.
    pub fn log_line(&self, change: &Change, line: &mut String) {
        use std::fmt::Write as _;
        match change {
            Change::File(rel, h) => super::manifest::write_file_line(line, rel, *h),
            Change::Cert(code, fingerprint, hashes) => {
                let _ = write!(line, "cert {code} {fingerprint:032x}");
                for h in hashes {
                    let _ = write!(line, " {h:016x}");
                }
                line.push('\n');
            }
            Change::Gone(rel) => {
                let _ = writeln!(line, "gone {}", escape(rel));
            }
            Change::GoneCert(code) => {
                let _ = writeln!(line, "gone-cert {code}");
            }
        }
    }

    /// Applies the lines of a log; a last line cut short (no line break: the publish was
    /// killed while writing it) is not applied. An error names the first line that cannot be
    /// read.
    pub fn apply_log(&mut self, log: &str) -> Result<(), (usize, String)> {
        let complete = match log.rfind('\n') {
            Some(end) => &log[..=end],
            None => "",
        };
        let mut hashes = Vec::new();
        for (n, line) in complete.lines().enumerate() {
            let change = match line.split_once(' ') {
                Some(("gone", rel)) => unescape(rel).filter(|r| !r.is_empty()).map(Change::Gone).ok_or_else(|| "gone <path>".to_owned()),
                Some(("gone-cert", code)) => Code::parse(code).map(Change::GoneCert).ok_or_else(|| "gone-cert <code>".to_owned()),
                _ => match self.held.parse_line(line, &mut hashes) {
                    Ok(Line::File(rel, h)) => Ok(Change::File(rel, h)),
                    Ok(Line::Cert(code, fingerprint)) => Ok(Change::Cert(code, fingerprint, hashes.clone())),
                    Err(what) => Err(what),
                },
            };
            self.apply(&change.map_err(|what| (n + 1, what))?);
        }
        Ok(())
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

    /// The folder of the target's working files (the lists of a transfer).
    pub fn dir(&self) -> &std::path::Path {
        &self.dir
    }

    fn record_path(&self) -> PathBuf {
        self.dir.join("record")
    }

    fn log_path(&self) -> PathBuf {
        self.dir.join("log")
    }

    /// What the target holds, in the build's `layout`: empty before its first publish; the
    /// record with the log of an unfinished publish applied.
    pub fn load(&self, layout: &Layout) -> anyhow::Result<Record> {
        let path = self.record_path();
        let damaged = |path: &std::path::Path, (line, wanted): (usize, String)| {
            anyhow!(tr!("state-publish-record-damaged", path = path.display().to_string(), line = line, wanted = wanted))
        };
        let record = match std::fs::read_to_string(&path) {
            Ok(text) => Record::parse(&text, &self.target).map_err(|e| damaged(&path, e))?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(e).with_context(|| path.display().to_string()),
        };
        let mut record = record.unwrap_or_else(|| Record::empty(layout.clone()));
        let log = self.log_path();
        match std::fs::read_to_string(&log) {
            Ok(text) => record.apply_log(&text).map_err(|e| damaged(&log, e))?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e).with_context(|| log.display().to_string()),
        }
        Ok(record.into_layout(layout))
    }

    /// True when a publish left a log not yet folded into the record.
    pub fn has_log(&self) -> bool {
        self.log_path().exists()
    }

    /// Appends what a batch did to the log (one write: a publish killed during it leaves at
    /// most a last line cut short).
    pub fn log(&self, text: &str) -> anyhow::Result<()> {
        std::fs::create_dir_all(&self.dir).with_context(|| self.dir.display().to_string())?;
        let path = self.log_path();
        let mut file = std::fs::OpenOptions::new().create(true).append(true).open(&path).with_context(|| path.display().to_string())?;
        file.write_all(text.as_bytes()).with_context(|| path.display().to_string())
    }

    /// Saves the record (atomically), then removes the log it takes in.
    pub fn save(&self, record: &Record) -> anyhow::Result<()> {
        std::fs::create_dir_all(&self.dir).with_context(|| self.dir.display().to_string())?;
        let path = self.record_path();
        super::write_atomic(&path, record.to_text(&self.target).as_bytes()).with_context(|| path.display().to_string())?;
        let log = self.log_path();
        match std::fs::remove_file(&log) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e).with_context(|| log.display().to_string()),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout() -> Layout {
        Layout::new(vec!["c/*/index.html".into(), "c/*/credential.json".into()])
    }

    fn code(s: &str) -> Code {
        Code::parse(s).expect("a code")
    }

    #[test]
    fn a_record_reads_back_with_its_log_and_another_target_starts_empty() {
        let mut record = Record::empty(layout());
        record.held.put_file("index.html".into(), 0xfeed);
        record.held.put_file("a b\r/index.html".into(), 1);
        record.held.put_cert(code("0123456789AB"), 5, &[6, 7]);
        let text = record.to_text("web:/srv");
        let back = Record::parse(&text, "web:/srv").unwrap().expect("its target's");
        assert_eq!(back.to_text("web:/srv"), text);
        assert_eq!(back.held.file("a b\r/index.html"), Known::Hash(1), "a path with a line break in it");
        assert!(Record::parse(&text, "other:/srv").unwrap().is_none());
        let damaged = text.replace("000000000000feed", "not-a-hash");
        assert!(Record::parse(&damaged, "web:/srv").is_err());

        let mut log = String::new();
        for change in [
            Change::File("new.html".into(), 3),
            Change::Gone("index.html".into()),
            Change::Cert(code("ZZZZZZZZZZZZ"), 9, vec![1, 2]),
            Change::GoneCert(code("0123456789AB")),
        ] {
            back.log_line(&change, &mut log);
        }
        let mut after = back.clone();
        after.apply_log(&format!("{log}file 00000000000000ff cut")).unwrap();
        assert_eq!(after.held.file("new.html"), Known::Hash(3));
        assert_eq!(after.held.file("index.html"), Known::Absent);
        assert_eq!(after.held.file("cut"), Known::Absent, "a last line cut short was not done");
        assert_eq!(after.held.cert(code("ZZZZZZZZZZZZ")), CertKnown::Known { fingerprint: 9, files: &[1, 2] });
        assert_eq!(after.held.cert(code("0123456789AB")), CertKnown::Absent);
        assert_eq!(back.clone().apply_log("nonsense\n"), Err((1, tr!("state-manifest-expected-line"))));
    }

    #[test]
    fn a_record_follows_a_new_layout() {
        let mut record = Record::empty(layout());
        record.held.put_cert(code("0123456789AB"), 5, &[6, 7]);
        let wider = Layout::new(vec!["c/*/index.html".into(), "en/c/*/index.html".into()]);
        let moved = record.into_layout(&wider);
        assert_eq!(moved.held.cert(code("0123456789AB")), CertKnown::Known { fingerprint: 5, files: &[6, 0] });
        assert_eq!(moved.held.file("c/0123456789AB/credential.json"), Known::Hash(7), "kept, to be deleted");
    }
}

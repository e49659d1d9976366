//! State, manifest: what the last build wrote into an output folder (DESIGN §6). A rebuild
//! compares what it is about to write with the manifest instead of walking or reading the
//! output, so a rebuild with nothing changed makes a handful of file-system calls on the output
//! whatever its size, and the stale files are the difference between the old manifest and the
//! new one.
//!
//! A certificate's files are recorded as one line: its code, the fingerprint of its inputs
//! (unchanged inputs: nothing of it is signed, rendered or read) and a hash of each of its files
//! in the order of the [`Layout`]. Every other file is recorded with its path and hash. File
//! hashes are XXH3-64 of the bytes (they find what changed and what was edited by hand; they
//! are not a signature: the credentials are signed).
//!
//! The [`Journal`] lists what a build is about to install. It exists only while a build
//! installs: a build killed in that window leaves it, and the next build treats those files
//! as unknown (it compares them with the disk) and as possibly present (it removes them if
//! they are no longer wanted).

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use anyhow::{anyhow, Context as _};
use rustc_hash::FxHashMap;

use crate::model::code::{Code, CODE_LEN};

/// The hash of a file's bytes recorded in the manifest.
pub fn file_hash(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

const MAGIC: &str = "certsite manifest 1";
/// A certificate's line but its hashes: `cert `, the code, a space, 32 hex digits, the line break.
const CERT_LINE: usize = 5 + CODE_LEN + 1 + 32 + 1;

/// The files of one certificate below the output, as patterns in which `*` stands for its code
/// (e.g. `c/*/index.html`, `en/c/*/index.html`, `c/*/credential.json`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout(Vec<String>);

impl Layout {
    /// A layout of these patterns (each has exactly one `*`, as a whole path segment).
    pub fn new(patterns: Vec<String>) -> Layout {
        debug_assert!(patterns.iter().all(|p| p.split('/').filter(|s| *s == "*").count() == 1));
        Layout(patterns)
    }

    /// Number of files per certificate.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True when a certificate has no files.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The path of file `k` of the certificate `code`.
    pub fn path(&self, k: usize, code: Code) -> String {
        let pattern = &self.0[k];
        let (before, after) = pattern.split_once('*').unwrap_or((pattern, ""));
        let mut path = String::with_capacity(pattern.len() + 12);
        path.push_str(before);
        path.push_str(code.as_str());
        path.push_str(after);
        path
    }

    /// The folder of file `k` of the certificate `code`.
    pub fn dir(&self, k: usize, code: Code) -> String {
        let path = self.path(k, code);
        path.rsplit_once('/').map_or(String::new(), |(dir, _)| dir.to_owned())
    }

    /// The certificate file `rel` is, if it is one: (file index, code).
    pub fn classify(&self, rel: &str) -> Option<(usize, Code)> {
        self.0.iter().enumerate().find_map(|(k, pattern)| {
            let (before, after) = pattern.split_once('*')?;
            let code = rel.strip_prefix(before)?.strip_suffix(after)?;
            Code::parse(code).map(|c| (k, c))
        })
    }
}

/// What the manifest knows of a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Known {
    /// Not in the output.
    Absent,
    /// Maybe in the output, with bytes not known (compare with the disk).
    Unknown,
    /// In the output with bytes of this hash.
    Hash(u64),
}

/// What the manifest knows of a certificate's files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CertKnown<'a> {
    /// None of its files is in the output.
    Absent,
    /// Its files may be in the output, bytes unknown.
    Unknown,
    /// Its files are in the output, written from inputs with this fingerprint.
    Known {
        /// The fingerprint of its inputs.
        fingerprint: u128,
        /// The hash of each file, in layout order.
        files: &'a [u64],
    },
}

/// Each certificate's row by its code. A manifest made certificate by certificate (read from
/// its text) fills it as it goes, which also finds a code recorded twice; one made whole from a
/// build's certificates ([`Manifest::of_certs`]) makes it only if a look-up needs it: a rebuild
/// that keeps the register's order finds each certificate at its row ([`Manifest::cert_at`]),
/// and at a million certificates the index is some 35 MB.
#[derive(Debug, Clone, Default)]
struct CodeIndex(OnceLock<FxHashMap<Code, u32>>);

impl CodeIndex {
    /// An index to be filled as certificates are put.
    fn filled() -> CodeIndex {
        CodeIndex(OnceLock::from(FxHashMap::default()))
    }

    /// The index of `codes`, made now if it was not.
    fn of(&self, codes: &[Code]) -> &FxHashMap<Code, u32> {
        self.0.get_or_init(|| {
            let mut index = FxHashMap::default();
            index.reserve(codes.len());
            for (row, &code) in codes.iter().enumerate() {
                if index.insert(code, row as u32).is_some() {
                    panic!("certificate code {code} recorded twice");
                }
            }
            index
        })
    }

    /// The index of `codes`, to add to.
    fn of_mut(&mut self, codes: &[Code]) -> &mut FxHashMap<Code, u32> {
        self.of(codes);
        self.0.get_mut().expect("made just now")
    }

    /// Whether `code` was put, in an index filled as certificates are put (one made from
    /// the codes only when needed has nothing to tell before then).
    fn contains_key(&self, code: &Code) -> bool {
        self.0.get().is_some_and(|index| index.contains_key(code))
    }
}

/// The record of what an output folder holds.
#[derive(Debug, Clone)]
pub struct Manifest {
    layout: Layout,
    files: BTreeMap<String, Known>,
    index: CodeIndex,
    codes: Vec<Code>,
    fingerprints: Vec<u128>,
    /// `layout.len()` hashes per certificate.
    hashes: Vec<u64>,
    unknown: HashSet<u32>,
}

impl Manifest {
    /// An empty manifest (an empty output) for certificates laid out as `layout`.
    pub fn new(layout: Layout) -> Manifest {
        Manifest {
            layout,
            files: BTreeMap::new(),
            index: CodeIndex::filled(),
            codes: Vec::new(),
            fingerprints: Vec::new(),
            hashes: Vec::new(),
            unknown: HashSet::new(),
        }
    }

    /// An empty manifest with room for `certificates`.
    pub fn with_capacity(layout: Layout, certificates: usize) -> Manifest {
        let mut m = Manifest::new(layout);
        m.index.of_mut(&[]).reserve(certificates);
        m.codes.reserve(certificates);
        m.fingerprints.reserve(certificates);
        m.hashes.reserve(certificates * m.layout.len());
        m
    }

    /// A manifest of these certificates (each code once; `hashes` has `layout.len()` a
    /// certificate, in layout order), with no other file yet: the vectors are kept, not copied,
    /// and the index of the codes is made only if a look-up needs it.
    pub fn of_certs(layout: Layout, codes: Vec<Code>, fingerprints: Vec<u128>, hashes: Vec<u64>) -> Manifest {
        assert!(
            codes.len() == fingerprints.len() && hashes.len() == codes.len() * layout.len(),
            "one fingerprint and a hash per file of each certificate"
        );
        debug_assert!(codes.iter().collect::<HashSet<_>>().len() == codes.len(), "each code once");
        Manifest { index: CodeIndex::default(), codes, fingerprints, hashes, ..Manifest::new(layout) }
    }

    /// A manifest of an output whose contents are not known: `paths` were found in it (a walk),
    /// each certificate file in `layout` is taken as its certificate's, bytes unknown.
    pub fn unknown(layout: Layout, paths: impl IntoIterator<Item = String>) -> Manifest {
        let mut m = Manifest::new(layout);
        for rel in paths {
            match m.layout.classify(&rel) {
                Some((_, code)) => m.mark_cert_unknown(code),
                None => {
                    m.files.insert(rel, Known::Unknown);
                }
            }
        }
        m
    }

    /// The certificate layout.
    pub fn layout(&self) -> &Layout {
        &self.layout
    }

    /// Records a file other than a certificate's.
    pub fn put_file(&mut self, rel: String, hash: u64) {
        self.files.insert(rel, Known::Hash(hash));
    }

    /// Records a certificate's files.
    pub fn put_cert(&mut self, code: Code, fingerprint: u128, files: &[u64]) {
        assert_eq!(files.len(), self.layout.len(), "one hash per file of the layout");
        let row = self.codes.len() as u32;
        if self.index.of_mut(&self.codes).insert(code, row).is_some() {
            panic!("certificate code {code} recorded twice");
        }
        self.codes.push(code);
        self.fingerprints.push(fingerprint);
        self.hashes.extend_from_slice(files);
    }

    /// Records a certificate's files, in place of what was recorded of it.
    pub fn set_cert(&mut self, code: Code, fingerprint: u128, files: &[u64]) {
        assert_eq!(files.len(), self.layout.len(), "one hash per file of the layout");
        match self.index.of(&self.codes).get(&code).copied() {
            Some(row) => {
                let (n, row) = (self.layout.len(), row as usize);
                self.fingerprints[row] = fingerprint;
                self.hashes[row * n..(row + 1) * n].copy_from_slice(files);
                self.unknown.remove(&(row as u32));
            }
            None => self.put_cert(code, fingerprint, files),
        }
    }

    /// Forgets the certificate `code` (its files are gone).
    pub fn remove_cert(&mut self, code: Code) {
        let Some(row) = self.index.of_mut(&self.codes).remove(&code) else { return };
        let (n, last) = (self.layout.len(), self.codes.len() as u32 - 1);
        self.unknown.remove(&row);
        if row != last {
            // The last row moves into the freed one.
            let moved = self.codes[last as usize];
            self.index.of_mut(&self.codes).insert(moved, row);
            if self.unknown.remove(&last) {
                self.unknown.insert(row);
            }
        }
        self.codes.swap_remove(row as usize);
        self.fingerprints.swap_remove(row as usize);
        let (at, end) = (row as usize * n, last as usize * n);
        self.hashes.copy_within(end..end + n, at);
        self.hashes.truncate(end);
    }

    /// Forgets the file `rel` (not a certificate's).
    pub fn remove_file(&mut self, rel: &str) {
        self.files.remove(rel);
    }

    /// What is known of the file `rel` (not a certificate's).
    pub fn file(&self, rel: &str) -> Known {
        self.files.get(rel).copied().unwrap_or(Known::Absent)
    }

    /// What is known of the certificate `code`.
    pub fn cert(&self, code: Code) -> CertKnown<'_> {
        self.cert_at(code, usize::MAX)
    }

    /// Like [`Manifest::cert`], looking first at the `hint`-th certificate recorded: when the
    /// register keeps its order from one build to the next, no lookup is needed.
    pub fn cert_at(&self, code: Code, hint: usize) -> CertKnown<'_> {
        let row = match self.codes.get(hint) {
            Some(&c) if c == code => Some(hint as u32),
            _ => self.index.of(&self.codes).get(&code).copied(),
        };
        match row {
            None => CertKnown::Absent,
            Some(row) if self.unknown.contains(&row) => CertKnown::Unknown,
            Some(row) => {
                let n = self.layout.len();
                let row = row as usize;
                CertKnown::Known { fingerprint: self.fingerprints[row], files: &self.hashes[row * n..(row + 1) * n] }
            }
        }
    }

    /// Marks the file `rel` as possibly present with bytes unknown.
    pub fn mark_file_unknown(&mut self, rel: &str) {
        self.files.insert(rel.to_owned(), Known::Unknown);
    }

    /// Marks the certificate `code` as possibly present with bytes unknown.
    pub fn mark_cert_unknown(&mut self, code: Code) {
        let row = match self.index.of(&self.codes).get(&code) {
            Some(&row) => row,
            None => {
                self.put_cert(code, 0, &vec![0; self.layout.len()]);
                self.codes.len() as u32 - 1
            }
        };
        self.unknown.insert(row);
    }

    /// Takes in what a killed build may have installed.
    pub fn apply(&mut self, journal: &Journal) {
        for &code in &journal.certs {
            self.mark_cert_unknown(code);
        }
        for rel in &journal.files {
            self.mark_file_unknown(rel);
        }
    }

    /// Every file other than a certificate's, with what is known of it.
    pub fn files(&self) -> impl Iterator<Item = (&str, Known)> {
        self.files.iter().map(|(k, v)| (k.as_str(), *v))
    }

    /// True when something is recorded as unknown (a walk, a journal).
    pub fn has_unknown(&self) -> bool {
        !self.unknown.is_empty() || self.files.values().any(|k| *k == Known::Unknown)
    }

    /// Every certificate's code.
    pub fn codes(&self) -> &[Code] {
        &self.codes
    }

    /// Number of files recorded.
    pub fn file_count(&self) -> usize {
        self.files.len() + self.codes.len() * self.layout.len()
    }

    /// The manifest's text, recording the output folder `out` (absolute).
    pub fn to_text(&self, out: &Path) -> String {
        let mut text = String::with_capacity(64 + self.text_len());
        let _ = writeln!(text, "{MAGIC}");
        let _ = writeln!(text, "output {}", out.display());
        self.write_body(&mut text);
        text
    }

    /// About the length of [`Manifest::write_body`]'s text (a little more: room for it all, so
    /// that the text of a million certificates is never copied to grow).
    pub fn text_len(&self) -> usize {
        let files: usize = self.files.keys().map(|rel| rel.len() + 24).sum();
        64 + files + self.codes.len() * (CERT_LINE + 17 * self.layout.len())
    }

    /// Writes the layout line and a line per file (`file <hash> <path>`) and per certificate
    /// (`cert <code> <fingerprint> <hash>…`): what [`Manifest::parse_body`] reads. The record of
    /// a publish target (`state::published`) is written so too.
    pub fn write_body(&self, text: &mut String) {
        let _ = writeln!(text, "layout {}", self.layout.0.join(" "));
        for (rel, known) in &self.files {
            if let Known::Hash(h) = known {
                write_file_line(text, rel, *h);
            }
        }
        for row in 0..self.codes.len() {
            if !self.unknown.contains(&(row as u32)) {
                self.write_cert_line(text, row);
            }
        }
    }

    fn write_cert_line(&self, text: &mut String, row: usize) {
        let n = self.layout.len();
        let _ = write!(text, "cert {} {:032x}", self.codes[row], self.fingerprints[row]);
        for h in &self.hashes[row * n..(row + 1) * n] {
            let _ = write!(text, " {h:016x}");
        }
        text.push('\n');
    }

    /// The `cert` line of the certificate `code`, if it is known (for a log of changes).
    pub fn cert_line(&self, code: Code) -> Option<String> {
        let row = *self.index.of(&self.codes).get(&code)? as usize;
        if self.unknown.contains(&(row as u32)) {
            return None;
        }
        let mut line = String::with_capacity(CERT_LINE + 17 * self.layout.len());
        self.write_cert_line(&mut line, row);
        Some(line)
    }

    /// Reads a manifest written for the output folder `out`: `Ok(None)` when it was written
    /// for another folder or by another version of certsite (the output is then walked), an
    /// error naming the first line that cannot be read when it is damaged.
    pub fn parse(text: &str, out: &Path) -> Result<Option<Manifest>, Garbled> {
        let mut lines = text.lines().enumerate().map(|(n, line)| (n + 1, line));
        let bad = |line: usize, what: &str| Garbled { line, what: what.to_owned() };
        match lines.next() {
            Some((_, MAGIC)) => {}
            Some((_, other)) if other.starts_with("certsite manifest ") => return Ok(None),
            _ => return Err(bad(1, &tr!("state-manifest-expected-magic", magic = MAGIC))),
        }
        match lines.next() {
            Some((_, line)) if line.strip_prefix("output ").is_some_and(|o| o == out.display().to_string()) => {}
            Some((_, line)) if line.starts_with("output ") => return Ok(None),
            _ => return Err(bad(2, &tr!("state-manifest-expected-output"))),
        }
        Manifest::parse_body(lines, text.len()).map(Some)
    }

    /// Reads what [`Manifest::write_body`] wrote: `lines` numbered from 1 (of a text of about
    /// `size` bytes, to reserve room).
    pub fn parse_body<'a>(mut lines: impl Iterator<Item = (usize, &'a str)>, size: usize) -> Result<Manifest, Garbled> {
        let bad = |line: usize, what: &str| Garbled { line, what: what.to_owned() };
        let (number, layout) = match lines.next() {
            Some((number, line)) => {
                (number, line.strip_prefix("layout ").ok_or_else(|| bad(number, &tr!("state-manifest-expected-layout")))?)
            }
            None => return Err(bad(3, &tr!("state-manifest-expected-layout"))),
        };
        let patterns: Vec<String> = layout.split(' ').filter(|p| !p.is_empty()).map(str::to_owned).collect();
        let bad_pattern = |p: &String| p.matches('*').count() != 1 || !p.split('/').any(|s| s == "*") || p.chars().any(|c| c.is_control());
        if let Some(p) = patterns.iter().find(|p| bad_pattern(p)) {
            return Err(bad(number, &tr!("state-manifest-bad-pattern", pattern = p)));
        }
        let layout = Layout::new(patterns);
        let n = layout.len();
        let mut m = Manifest::with_capacity(layout, size / (48 + 17 * n));
        let mut hashes = Vec::with_capacity(n);
        for (number, line) in lines {
            match m.parse_line(line, &mut hashes) {
                Ok(Line::File(rel, hash)) => m.put_file(rel, hash),
                Ok(Line::Cert(code, fingerprint)) => {
                    if m.index.contains_key(&code) {
                        return Err(bad(number, &tr!("state-manifest-cert-twice", code = code.to_string())));
                    }
                    m.put_cert(code, fingerprint, &hashes);
                }
                Err(what) => return Err(bad(number, &what)),
            }
        }
        Ok(m)
    }

    /// Reads a `file` or `cert` line of this manifest's layout (a cert's hashes into `hashes`).
    pub fn parse_line(&self, line: &str, hashes: &mut Vec<u64>) -> Result<Line, String> {
        let n = self.layout.len();
        let (kind, rest) = line.split_once(' ').unwrap_or((line, ""));
        match kind {
            "file" => {
                let entry = rest
                    .split_once(' ')
                    .and_then(|(hash, rel)| Some((u64::try_from(hex(hash)?).ok()?, unescape(rel)?)))
                    .filter(|(_, rel)| !rel.is_empty());
                let (hash, rel) = entry.ok_or_else(|| tr!("state-manifest-expected-file"))?;
                Ok(Line::File(rel, hash))
            }
            "cert" => {
                // Fixed widths: the code, the fingerprint, then a hash per file. (`get`, not
                // indexing: a damaged line may have a character of several bytes anywhere.)
                let wanted = || tr!("state-manifest-expected-cert", count = n);
                let b = rest.as_bytes();
                if b.len() != CODE_LEN + 33 + 17 * n || b[CODE_LEN] != b' ' {
                    return Err(wanted());
                }
                let code = rest.get(..CODE_LEN).and_then(Code::parse).ok_or_else(wanted)?;
                let fingerprint = rest.get(CODE_LEN + 1..CODE_LEN + 33).and_then(hex).ok_or_else(wanted)?;
                hashes.clear();
                for k in 0..n {
                    let at = CODE_LEN + 33 + 17 * k;
                    let hash = rest.get(at + 1..at + 17).and_then(hex).and_then(|h| u64::try_from(h).ok());
                    match hash {
                        Some(hash) if b[at] == b' ' => hashes.push(hash),
                        _ => return Err(wanted()),
                    }
                }
                Ok(Line::Cert(code, fingerprint))
            }
            _ => Err(tr!("state-manifest-expected-line")),
        }
    }
}

/// A line of a manifest's body, read by [`Manifest::parse_line`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    /// A file other than a certificate's: its path and hash.
    File(String, u64),
    /// A certificate: its code and fingerprint (its hashes are in the buffer given).
    Cert(Code, u128),
}

/// Writes the line `file <hash> <path>` (the path escaped: see [`escape`]).
pub fn write_file_line(text: &mut String, rel: &str, hash: u64) {
    let _ = writeln!(text, "file {hash:016x} {}", escape(rel));
}

/// A path as state files write it, one line whatever it holds: `\` as `\\`, and a control
/// character (a line break among them) as `\x` and two hex digits.
pub fn escape(rel: &str) -> std::borrow::Cow<'_, str> {
    if !rel.chars().any(|c| c == '\\' || c.is_ascii_control()) {
        return std::borrow::Cow::Borrowed(rel);
    }
    let mut out = String::with_capacity(rel.len() + 8);
    for c in rel.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            c if c.is_ascii_control() => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The path [`escape`] wrote; `None` when it is not one.
pub fn unescape(text: &str) -> Option<String> {
    if !text.contains('\\') {
        return (!text.chars().any(|c| c.is_ascii_control())).then(|| text.to_owned());
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next()? {
                '\\' => out.push('\\'),
                'x' => {
                    let digits: String = chars.by_ref().take(2).collect();
                    let byte = u8::from_str_radix(&digits, 16).ok().filter(|b| b.is_ascii_control() && digits.len() == 2)?;
                    out.push(char::from(byte));
                }
                _ => return None,
            },
            c if c.is_ascii_control() => return None,
            c => out.push(c),
        }
    }
    Some(out)
}

/// A line of a manifest or journal that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Garbled {
    /// Its number, from 1.
    pub line: usize,
    /// What is wrong with it.
    pub what: String,
}

/// A number of 1 to 32 lower-case hexadecimal digits (a manifest holds a few per certificate:
/// a table lookup a digit is faster than the general `from_str_radix`).
fn hex(text: &str) -> Option<u128> {
    const BAD: u8 = 0xff;
    const DIGITS: [u8; 256] = {
        let mut table = [BAD; 256];
        let mut i = 0;
        while i < 16 {
            table[b"0123456789abcdef"[i] as usize] = i as u8;
            i += 1;
        }
        table
    };
    if text.is_empty() || text.len() > 32 {
        return None;
    }
    let (mut high, mut low, mut bad) = (0u64, 0u64, 0u8);
    for b in text.bytes() {
        let digit = DIGITS[b as usize];
        bad |= digit & 0x80;
        high = high << 4 | low >> 60;
        low = low << 4 | u64::from(digit & 0xf);
    }
    (bad == 0).then_some(u128::from(high) << 64 | u128::from(low))
}

/// What a build is about to install into the output (see the [module docs](self)).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Journal {
    /// Certificates some of whose files are installed.
    pub certs: Vec<Code>,
    /// Other files installed.
    pub files: Vec<String>,
}

impl Journal {
    /// True when nothing is to be installed.
    pub fn is_empty(&self) -> bool {
        self.certs.is_empty() && self.files.is_empty()
    }

    /// Adds what another journal lists (a killed build's, still not settled).
    pub fn extend(&mut self, other: &Journal) {
        let certs: HashSet<Code> = self.certs.iter().copied().collect();
        self.certs.extend(other.certs.iter().filter(|c| !certs.contains(c)));
        let files: HashSet<&String> = self.files.iter().collect();
        let new: Vec<String> = other.files.iter().filter(|f| !files.contains(f)).cloned().collect();
        self.files.extend(new);
    }

    /// The text [`Journal::parse`] reads.
    pub fn to_text(&self) -> String {
        let mut text = String::with_capacity(self.certs.len() * 18 + self.files.len() * 40);
        for code in &self.certs {
            let _ = writeln!(text, "cert {code}");
        }
        for rel in &self.files {
            let _ = writeln!(text, "file {}", escape(rel));
        }
        text
    }

    /// Reads the text of a journal; an error names the first line that cannot be read.
    pub fn parse(text: &str) -> Result<Journal, Garbled> {
        let mut journal = Journal::default();
        for (n, line) in text.lines().enumerate() {
            match line.split_once(' ') {
                Some(("cert", code)) if Code::parse(code).is_some() => journal.certs.extend(Code::parse(code)),
                Some(("file", rel)) if unescape(rel).is_some_and(|r| !r.is_empty()) => journal.files.extend(unescape(rel)),
                _ => return Err(Garbled { line: n + 1, what: tr!("state-journal-expected-line") }),
            }
        }
        Ok(journal)
    }
}

/// Where the manifest and journal of one output folder are kept:
/// `.certsite/outputs/<id>/`, the id derived from the folder's absolute path.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
    out: PathBuf,
}

impl Store {
    /// The store of the output folder `out`, below `outputs` (`.certsite/outputs`).
    pub fn new(outputs: &Path, out: &Path) -> Store {
        let out = crate::disk::absolute(out);
        let id = xxhash_rust::xxh3::xxh3_64(out.to_string_lossy().as_bytes());
        Store { dir: outputs.join(format!("{id:016x}")), out }
    }

    /// The output folder (absolute).
    pub fn out(&self) -> &Path {
        &self.out
    }

    /// The staging folder of builds into this output (see [`crate::write`]).
    pub fn staging(&self) -> PathBuf {
        self.dir.join("staging")
    }

    fn manifest_path(&self) -> PathBuf {
        self.dir.join("manifest")
    }

    fn journal_path(&self) -> PathBuf {
        self.dir.join("journal")
    }

    /// The manifest of the last build, if there is one for this folder. A damaged one is an
    /// error naming its line: `certsite build --clean` does not read it, and writes it anew.
    pub fn load(&self) -> anyhow::Result<Option<Manifest>> {
        let path = self.manifest_path();
        match std::fs::read_to_string(&path) {
            Ok(text) => Manifest::parse(&text, &self.out).map_err(|g| {
                anyhow!(tr!(
                    "state-manifest-damaged",
                    path = path.display().to_string(),
                    line = g.line,
                    error = g.what,
                    out = self.out.display().to_string()
                ))
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e).with_context(|| path.display().to_string()),
        }
    }

    /// Saves the manifest (atomically).
    pub fn save(&self, manifest: &Manifest) -> anyhow::Result<()> {
        let path = self.manifest_path();
        super::write_atomic(&path, manifest.to_text(&self.out).as_bytes()).with_context(|| path.display().to_string())
    }

    /// The journal a killed build left, if any. A damaged one is an error naming its line
    /// (what that build installed is not known): `certsite build --clean` does not read it.
    pub fn journal(&self) -> anyhow::Result<Option<Journal>> {
        let path = self.journal_path();
        match std::fs::read_to_string(&path) {
            Ok(text) => Journal::parse(&text).map(Some).map_err(|g| {
                anyhow!(tr!(
                    "state-journal-damaged",
                    path = path.display().to_string(),
                    line = g.line,
                    error = g.what,
                    out = self.out.display().to_string()
                ))
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e).with_context(|| path.display().to_string()),
        }
    }

    /// Saves the journal (atomically) before installing.
    pub fn save_journal(&self, journal: &Journal) -> anyhow::Result<()> {
        let path = self.journal_path();
        super::write_atomic(&path, journal.to_text().as_bytes()).with_context(|| path.display().to_string())
    }

    fn public_path(&self) -> PathBuf {
        self.dir.join("public")
    }

    /// What a build showing the public `record` changes since the last build into this output
    /// recorded what it showed. Reads the record, writes nothing (`check` calls it too).
    pub fn public_update(&self, record: &super::public::Record) -> anyhow::Result<super::public::Update> {
        let path = self.public_path();
        let old = match std::fs::read(&path) {
            Ok(old) => Some(old),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(e).with_context(|| path.display().to_string()),
        };
        Ok(super::public::Update::new(old.as_deref(), record))
    }

    /// Saves what a build shows the public (atomically), once its output is installed, unless
    /// the record holds it already.
    pub fn save_public(&self, update: &super::public::Update) -> anyhow::Result<()> {
        let Some(text) = update.text_to_save() else { return Ok(()) };
        let path = self.public_path();
        super::write_atomic(&path, text.as_bytes()).with_context(|| path.display().to_string())
    }

    /// Removes the journal once the new manifest is saved.
    pub fn clear_journal(&self) -> anyhow::Result<()> {
        let path = self.journal_path();
        crate::disk::checkpoint();
        match std::fs::remove_file(&path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e).with_context(|| path.display().to_string()),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout() -> Layout {
        Layout::new(vec!["c/*/index.html".into(), "en/c/*/index.html".into(), "c/*/credential.json".into()])
    }

    fn code(s: &str) -> Code {
        Code::parse(s).unwrap()
    }

    #[test]
    fn round_trips_and_belongs_to_one_output() {
        let mut m = Manifest::new(layout());
        m.put_file("index.html".into(), 7);
        m.put_file("notices/D 1/index.html".into(), u64::MAX);
        m.put_cert(code("0123456789AB"), 42, &[1, 2, 3]);
        let out = Path::new("/srv/site/public");
        let text = m.to_text(out);
        let back = Manifest::parse(&text, out).unwrap().unwrap();
        assert_eq!(back.file("index.html"), Known::Hash(7));
        assert_eq!(back.file("notices/D 1/index.html"), Known::Hash(u64::MAX));
        assert_eq!(back.file("missing.html"), Known::Absent);
        assert_eq!(back.cert(code("0123456789AB")), CertKnown::Known { fingerprint: 42, files: &[1, 2, 3] });
        assert_eq!(back.cert(code("0123456789AC")), CertKnown::Absent);
        assert_eq!(back.cert_at(code("0123456789AB"), 0), back.cert(code("0123456789AB")));
        assert_eq!(back.cert_at(code("0123456789AC"), 0), CertKnown::Absent, "a wrong hint is only a hint");
        assert_eq!(back.to_text(out), text);
        assert_eq!(Manifest::parse(&text, Path::new("/srv/site/other")).map(|m| m.is_none()), Ok(true), "another output's");
        let garbled = |text: &str| Manifest::parse(text, out).err().map(|g| g.line);
        assert_eq!(garbled(&text.replace(" 0000000000000002 ", " 2x ")), Some(6), "garbled");
        assert_eq!(garbled(&text[..text.len() - 18]), Some(6), "cut short");
        assert_eq!(hex("ffffffffffffffff0000000000000001"), Some(0xffff_ffff_ffff_ffff_0000_0000_0000_0001));
        assert_eq!((hex("2a"), hex("2A"), hex("")), (Some(42), None, None));
    }

    #[test]
    fn a_manifest_made_whole_finds_its_certificates_as_one_made_line_by_line() {
        let (a, b, c) = (code("0123456789AB"), code("0123456789AC"), code("ZZZZZZZZZZZZ"));
        let mut whole = Manifest::of_certs(layout(), vec![a, b], vec![1, 2], vec![10, 11, 12, 20, 21, 22]);
        whole.put_file("index.html".into(), 7);
        let mut by_line = Manifest::new(layout());
        by_line.put_file("index.html".into(), 7);
        by_line.put_cert(a, 1, &[10, 11, 12]);
        by_line.put_cert(b, 2, &[20, 21, 22]);
        let out = Path::new("/srv/site/public");
        assert_eq!(whole.to_text(out), by_line.to_text(out));
        // At its row (no index made), by code (the index made on the way), with a wrong hint.
        assert_eq!(whole.cert_at(b, 1), CertKnown::Known { fingerprint: 2, files: &[20, 21, 22] });
        assert!(whole.index.0.get().is_none(), "a look-up at the right row makes no index");
        assert_eq!(whole.cert_at(b, 0), CertKnown::Known { fingerprint: 2, files: &[20, 21, 22] });
        assert_eq!(whole.cert(a), CertKnown::Known { fingerprint: 1, files: &[10, 11, 12] });
        assert_eq!(whole.cert(c), CertKnown::Absent);
        // Added to after: the index made from the codes takes the new one in.
        let mut whole = Manifest::of_certs(layout(), vec![a, b], vec![1, 2], vec![10, 11, 12, 20, 21, 22]);
        whole.put_cert(c, 3, &[30, 31, 32]);
        whole.mark_cert_unknown(a);
        assert_eq!((whole.cert(a), whole.cert(c)), (CertKnown::Unknown, CertKnown::Known { fingerprint: 3, files: &[30, 31, 32] }));
    }

    #[test]
    #[should_panic(expected = "recorded twice")]
    fn a_code_put_twice_into_a_manifest_made_whole_is_refused() {
        let a = code("0123456789AB");
        let mut whole = Manifest::of_certs(layout(), vec![a], vec![1], vec![10, 11, 12]);
        whole.put_cert(a, 2, &[20, 21, 22]);
    }

    #[test]
    fn layout_names_and_recognises_certificate_files() {
        let l = layout();
        let c = code("7K2M9QWX4RTB");
        assert_eq!(l.path(1, c), "en/c/7K2M9QWX4RTB/index.html");
        assert_eq!(l.dir(2, c), "c/7K2M9QWX4RTB");
        assert_eq!(l.classify("en/c/7K2M9QWX4RTB/index.html"), Some((1, c)));
        assert_eq!(l.classify("c/7K2M9QWX4RTB/credential.json"), Some((2, c)));
        assert_eq!(l.classify("c/7K2M9QWX4RTB/qr.svg"), None);
        assert_eq!(l.classify("c/NOTACODE/index.html"), None);
    }

    #[test]
    fn a_journal_makes_its_files_unknown() {
        let mut m = Manifest::new(layout());
        m.put_file("index.html".into(), 7);
        m.put_cert(code("0123456789AB"), 42, &[1, 2, 3]);
        let journal =
            Journal { certs: vec![code("0123456789AB"), code("ZZZZZZZZZZZZ")], files: vec!["index.html".into(), "new.html".into()] };
        assert_eq!(Journal::parse(&journal.to_text()), Ok(journal.clone()));
        m.apply(&journal);
        assert_eq!(m.cert(code("0123456789AB")), CertKnown::Unknown);
        assert_eq!(m.cert(code("ZZZZZZZZZZZZ")), CertKnown::Unknown);
        assert_eq!(m.file("index.html"), Known::Unknown);
        assert_eq!(m.file("new.html"), Known::Unknown);
        assert!(!m.to_text(Path::new("/o")).contains("0123456789AB"), "unknown entries are never saved");
    }

    #[test]
    fn a_walk_gives_unknown_entries() {
        let m = Manifest::unknown(
            layout(),
            ["index.html".to_owned(), "c/0123456789AB/index.html".to_owned(), "c/0123456789AB/qr.svg".to_owned()],
        );
        assert_eq!(m.cert(code("0123456789AB")), CertKnown::Unknown);
        assert_eq!(m.file("c/0123456789AB/qr.svg"), Known::Unknown);
        assert_eq!(m.file("index.html"), Known::Unknown);
    }
}

//! `.certsite/printed.csv`: which certificates `certsite print` wrote, the day each was last
//! printed and a fingerprint of what was printed, so that `print --new` finds the certificates
//! never printed and those whose printed content changed since (DESIGN §2, §4).
//!
//! ```text
//! number,printed_on,fingerprint
//! T-0001,2026-05-02,holder=3f0c…;profession=…;scope=…;validity=…;qr=…
//! ```
//!
//! The fingerprint has a digest per part of the printed content (the parts are
//! [`crate::print::Part`]): the first 64 bits of the SHA-256 of that part, 16 hexadecimal
//! digits, so that a change can be named ("holder name changed"). A part the fingerprint does
//! not have is taken as unchanged. A file written by an earlier version of certsite has no
//! fingerprint column (`number,printed_on`): its certificates have no fingerprint and count as
//! printed unchanged.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::anyhow;
use time::Date;

use crate::model::date;

/// Which certificates were printed, by number.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Printed {
    /// Number → the last time it was printed.
    pub records: BTreeMap<String, Record>,
}

/// The last time a certificate was printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// The day.
    pub on: Date,
    /// What was printed; `None` in a record written by an earlier version of certsite.
    pub content: Option<Fingerprint>,
}

/// A digest of each part of a certificate's printed content, by the part's name.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Fingerprint(BTreeMap<String, u64>);

impl Fingerprint {
    /// Sets the digest of `part` (a name of lower-case letters and `_`).
    pub fn insert(&mut self, part: &str, digest: u64) {
        debug_assert!(is_part_name(part), "{part}");
        self.0.insert(part.to_owned(), digest);
    }

    /// The digest of `part`, if the fingerprint has one.
    pub fn get(&self, part: &str) -> Option<u64> {
        self.0.get(part).copied()
    }

    /// `name=<16 hex digits>` for each part, `;`-separated.
    fn to_text(&self) -> String {
        self.0.iter().map(|(part, digest)| format!("{part}={digest:016x}")).collect::<Vec<_>>().join(";")
    }

    /// Reads [`Fingerprint::to_text`]; `None` when it is not that.
    fn parse(text: &str) -> Option<Fingerprint> {
        let mut parts = BTreeMap::new();
        for item in text.split(';') {
            let (part, digest) = item.split_once('=')?;
            if !is_part_name(part) || digest.len() != 16 || !digest.bytes().all(|b| b.is_ascii_hexdigit()) {
                return None;
            }
            if parts.insert(part.to_owned(), u64::from_str_radix(digest, 16).ok()?).is_some() {
                return None;
            }
        }
        Some(Fingerprint(parts))
    }
}

fn is_part_name(part: &str) -> bool {
    !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
}

impl Printed {
    /// Reads the text of `printed.csv` (`path` names it in errors): a header line, then
    /// `number,printed_on[,fingerprint]` a line. A line that is not that is an error naming the
    /// file and line, and the way out.
    pub fn parse(text: &str, path: &Path) -> anyhow::Result<Printed> {
        let mut printed = Printed::default();
        for (n, line) in text.lines().enumerate().skip(1).filter(|(_, l)| !l.trim().is_empty()) {
            let mut fields = line.trim_end_matches('\r').split(',');
            let record = (|| {
                let number = fields.next().filter(|n| !n.is_empty())?;
                let on = date::parse_date(fields.next()?).ok()?;
                let content = match fields.next() {
                    None | Some("") => None,
                    Some(text) => Some(Fingerprint::parse(text)?),
                };
                fields.next().is_none().then_some((number, Record { on, content }))
            })();
            let (number, record) = record.ok_or_else(|| anyhow!("{}:{}: {}", path.display(), n + 1, tr!("print-state-damaged")))?;
            printed.records.insert(number.to_owned(), record);
        }
        Ok(printed)
    }

    /// The text [`Printed::parse`] reads.
    pub fn to_text(&self) -> String {
        let mut text = String::from("number,printed_on,fingerprint\n");
        for (number, record) in &self.records {
            let content = record.content.as_ref().map(Fingerprint::to_text).unwrap_or_default();
            text.push_str(&format!("{number},{},{content}\n", date::iso(record.on)));
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PATH: &str = ".certsite/printed.csv";

    #[test]
    fn round_trips_with_and_without_a_fingerprint() {
        let mut content = Fingerprint::default();
        content.insert("holder", 0x0123_4567_89ab_cdef);
        content.insert("qr", u64::MAX);
        let mut printed = Printed::default();
        printed.records.insert("PSM/1".into(), Record { on: time::macros::date!(2026 - 11 - 30), content: Some(content) });
        printed.records.insert("PSM-2".into(), Record { on: time::macros::date!(2026 - 05 - 02), content: None });
        let text = printed.to_text();
        assert_eq!(
            text,
            "number,printed_on,fingerprint\nPSM-2,2026-05-02,\nPSM/1,2026-11-30,holder=0123456789abcdef;qr=ffffffffffffffff\n"
        );
        assert_eq!(Printed::parse(&text, Path::new(PATH)).unwrap(), printed);
    }

    #[test]
    fn a_file_of_an_earlier_version_reads_without_fingerprints() {
        let text = "number,printed_on\r\nT-0001,2026-05-02\r\nT/0002,2026-05-03\r\n";
        let printed = Printed::parse(text, Path::new(PATH)).unwrap();
        assert_eq!(printed.records.len(), 2);
        assert_eq!(printed.records["T/0002"], Record { on: time::macros::date!(2026 - 05 - 03), content: None });
    }

    #[test]
    fn a_damaged_line_is_an_error_naming_it() {
        for bad in [
            "T-1",
            "T-1,2026-13-01",
            ",2026-05-02",
            "T-1,2026-05-02,holder=12",
            "T-1,2026-05-02,holder=0123456789abcdeg",
            "T-1,2026-05-02,Holder=0123456789abcdef",
            "T-1,2026-05-02,holder=0123456789abcdef;holder=0123456789abcdef",
            "T-1,2026-05-02,holder=0123456789abcdef;",
            "T-1,2026-05-02,,extra",
        ] {
            let text = format!("number,printed_on,fingerprint\nT-0,2026-05-01,\n{bad}\n");
            let e = Printed::parse(&text, Path::new(PATH)).unwrap_err().to_string();
            assert!(e.starts_with(".certsite/printed.csv:3: expected number,printed_on,fingerprint"), "{bad}: {e}");
        }
    }
}

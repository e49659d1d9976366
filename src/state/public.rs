//! State, public record: what the last build into an output folder showed a reader of the site
//! (each certificate's status, the notices, the interview sessions whose results were out), so
//! that a build can end by saying what changed for the public since the last one, and `check`
//! what a build would change. Kept beside the manifest (`.certsite/outputs/<id>/public`),
//! written atomically after the output is installed; a build that fails leaves it as it was,
//! and `check` only reads it.
//!
//! One fact a line, tab-separated: `cert <number> <status>`, `notice <id>`, `results <session>`.

use std::cmp::Ordering;
use std::collections::BTreeSet;

const MAGIC: &str = "certsite public 1";

/// The status codes a record holds (DESIGN §3).
pub const STATUSES: [&str; 6] = ["valid", "suspended", "revoked", "expired", "superseded", "not-yet-valid"];

/// The status code `text` names, as one of [`STATUSES`].
pub fn status_code(text: &str) -> Option<&'static str> {
    STATUSES.iter().copied().find(|s| *s == text)
}

/// What the public saw after a build, borrowing its text: from the site (the record a build
/// makes) or from the saved record's text (the one it compares with), without a string per
/// certificate.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Record<'a> {
    /// Each certificate's number and status code (`valid`, `suspended`, …: one of
    /// [`STATUSES`]), sorted by number, each number once.
    certs: Vec<(&'a str, &'static str)>,
    /// Published notice ids.
    pub notices: BTreeSet<&'a str>,
    /// Sessions whose results were published.
    pub results: BTreeSet<&'a str>,
}

impl<'a> Record<'a> {
    /// A record of these certificates (number and status code, in any order; a number listed
    /// twice counts once, with its first status), notices and result sets.
    pub fn new(
        mut certs: Vec<(&'a str, &'static str)>,
        notices: impl IntoIterator<Item = &'a str>,
        results: impl IntoIterator<Item = &'a str>,
    ) -> Record<'a> {
        // Stable, and in one pass when sorted already (a saved record is).
        certs.sort_by(|a, b| a.0.cmp(b.0));
        certs.dedup_by(|later, first| later.0 == first.0);
        Record { certs, notices: notices.into_iter().collect(), results: results.into_iter().collect() }
    }

    /// Each certificate's number and status code, sorted by number.
    pub fn certs(&self) -> &[(&'a str, &'static str)] {
        &self.certs
    }

    /// Reads a record; `None` when it is not one (garbled, another version).
    pub fn parse(text: &'a str) -> Option<Record<'a>> {
        let mut lines = text.lines();
        if lines.next()? != MAGIC {
            return None;
        }
        let (mut certs, mut notices, mut results) = (Vec::with_capacity(text.len() / 24), Vec::new(), Vec::new());
        for line in lines {
            let mut fields = line.split('\t');
            match (fields.next()?, fields.next()?, fields.next()) {
                ("cert", number, Some(status)) if fields.next().is_none() => certs.push((number, status_code(status)?)),
                ("notice", id, None) => notices.push(id),
                ("results", session, None) => results.push(session),
                _ => return None,
            }
        }
        Some(Record::new(certs, notices, results))
    }

    /// The text [`Record::parse`] reads.
    pub fn to_text(&self) -> String {
        let mut text = String::with_capacity(32 + self.certs.len() * 32);
        text.push_str(MAGIC);
        text.push('\n');
        for (number, status) in &self.certs {
            // `cert\t<number>\t<status>`, pushed piece by piece: a record holds every
            // certificate, and `check` makes this text too.
            for piece in ["cert\t", number, "\t", status, "\n"] {
                text.push_str(piece);
            }
        }
        for id in &self.notices {
            text.push_str(&format!("notice\t{}\n", one_line(id)));
        }
        for session in &self.results {
            text.push_str(&format!("results\t{}\n", one_line(session)));
        }
        text
    }
}

fn one_line(text: &str) -> String {
    text.replace(['\t', '\n', '\r'], " ")
}

/// What changed for the public between two builds.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Changes {
    /// Whether there was no earlier record (a first build into this output).
    pub first: bool,
    /// Certificates whose status changed: number, old status, new status.
    pub statuses: Vec<(String, String, String)>,
    /// Notices published since.
    pub notices: Vec<String>,
    /// Result sets published since.
    pub results: Vec<String>,
    /// Certificates added.
    pub added: Vec<String>,
    /// Certificates no longer published.
    pub removed: Vec<String>,
}

/// What a build showing the public a [`Record`] changes since the last record: the one
/// comparison that `build` (after the fact, then saving the record) and `check` (before, saving
/// nothing) share.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Update {
    /// What changed for the public.
    pub changes: Changes,
    /// The new record's text, when it differs from the last one's (what to save).
    text: Option<String>,
}

impl Update {
    /// The changes from the last record, `old` its text as saved (`None`: no build into this
    /// output recorded one), to `new`. The same text as before (a rebuild with nothing changed,
    /// the usual case) is not parsed; bytes that are not a record count as none.
    pub fn new(old: Option<&[u8]>, new: &Record<'_>) -> Update {
        let text = new.to_text();
        if old == Some(text.as_bytes()) {
            return Update { changes: Changes::default(), text: None };
        }
        let old = old.and_then(|old| std::str::from_utf8(old).ok()).and_then(Record::parse);
        Update { changes: Changes::between(old.as_ref(), new), text: Some(text) }
    }

    /// The new record's text when it is not the one saved already.
    pub fn text_to_save(&self) -> Option<&str> {
        self.text.as_deref()
    }
}

/// Up to this many, the numbers or ids are named; past it, only counted.
pub const NAMED_UP_TO: usize = 5;

impl Changes {
    /// The changes from `old` (none: a first build) to `new`.
    pub fn between(old: Option<&Record<'_>>, new: &Record<'_>) -> Changes {
        let empty = Record::default();
        let first = old.is_none();
        let old = old.unwrap_or(&empty);
        let mut changes = Changes { first, ..Changes::default() };
        // Both lists are sorted by number: one walk through the two.
        let (mut was, mut is) = (old.certs.iter().peekable(), new.certs.iter().peekable());
        loop {
            match (was.peek(), is.peek()) {
                (Some(a), Some(b)) if a.0 == b.0 => {
                    if a.1 != b.1 {
                        changes.statuses.push((b.0.to_owned(), a.1.to_owned(), b.1.to_owned()));
                    }
                    was.next();
                    is.next();
                }
                (Some(a), b) if b.is_none_or(|b| a.0.cmp(b.0) == Ordering::Less) => {
                    changes.removed.push(a.0.to_owned());
                    was.next();
                }
                (_, Some(b)) => {
                    changes.added.push(b.0.to_owned());
                    is.next();
                }
                (_, None) => break,
            }
        }
        changes.notices = new.notices.difference(&old.notices).map(|id| (*id).to_owned()).collect();
        changes.results = new.results.difference(&old.results).map(|id| (*id).to_owned()).collect();
        changes
    }

    /// True when nothing changed.
    pub fn is_empty(&self) -> bool {
        self.statuses.is_empty() && self.notices.is_empty() && self.results.is_empty() && self.added.is_empty() && self.removed.is_empty()
    }

    /// The summary, one line per kind of change, e.g. "1 credential changed status:
    /// T-0005 valid → suspended".
    pub fn lines(&self) -> Vec<String> {
        let mut lines = Vec::new();
        if !self.statuses.is_empty() {
            let named: Vec<String> =
                self.statuses.iter().map(|(n, was, is)| format!("{n} {} → {}", status_word(was), status_word(is))).collect();
            lines.push(tr!("public-statuses", count = self.statuses.len(), list = list(&named)));
        }
        if !self.notices.is_empty() {
            lines.push(tr!("public-notices", count = self.notices.len(), list = list(&self.notices)));
        }
        if !self.results.is_empty() {
            lines.push(tr!("public-results", count = self.results.len(), list = list(&self.results)));
        }
        if !self.added.is_empty() {
            lines.push(tr!("public-added", count = self.added.len(), list = list(&self.added)));
        }
        if !self.removed.is_empty() {
            lines.push(tr!("public-removed", count = self.removed.len(), list = list(&self.removed)));
        }
        lines
    }
}

/// A status as recorded (`valid`, `not-yet-valid`), in words of the current language.
fn status_word(code: &str) -> String {
    use crate::model::status::Status;
    [Status::Valid, Status::Suspended, Status::Revoked, Status::Expired, Status::Superseded, Status::NotYetValid]
        .into_iter()
        .find(|s| s.code() == code)
        .map_or_else(|| code.to_owned(), Status::word)
}

/// ": A, B" when there are few, else nothing.
fn list(items: &[String]) -> String {
    if items.len() <= NAMED_UP_TO {
        format!(": {}", items.join(", "))
    } else {
        String::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record<'a>(certs: &[(&'a str, &str)], notices: &[&'a str], results: &[&'a str]) -> Record<'a> {
        Record::new(certs.iter().map(|(n, s)| (*n, status_code(s).unwrap())).collect(), notices.iter().copied(), results.iter().copied())
    }

    #[test]
    fn round_trips_and_garbage_is_none() {
        let r = record(&[("A-1", "valid"), ("B/2", "suspended")], &["D 1", "D-2"], &["2026-05"]);
        assert_eq!(Record::parse(&r.to_text()), Some(r.clone()));
        assert_eq!(Record::parse("certsite public 1\n"), Some(Record::default()));
        assert_eq!(Record::parse("other\n"), None);
        assert_eq!(Record::parse(&format!("{}bogus\tx\n", r.to_text())), None);
        assert_eq!(Record::parse("certsite public 1\ncert\tA\tgone\n"), None, "an unknown status");
    }

    #[test]
    fn counts_in_singular_and_plural_and_names_few() {
        let old = record(&[("A", "valid"), ("B", "valid"), ("C", "valid")], &["D-1"], &[]);
        let new = record(&[("A", "suspended"), ("B", "valid"), ("C", "valid"), ("E", "valid")], &["D-1", "D-2"], &["s1"]);
        let changes = Changes::between(Some(&old), &new);
        assert_eq!(
            changes.lines(),
            [
                "1 credential changed status: A valid → suspended",
                "1 new notice published: D-2",
                "1 result set published: s1",
                "1 certificate added: E",
            ]
        );
        let numbers: Vec<String> = (0..7).map(|i| format!("N{i}")).collect();
        let many = Record::new(numbers.iter().map(|n| (n.as_str(), "valid")).collect(), [], []);
        let changes = Changes::between(None, &many);
        assert!(changes.first);
        assert_eq!(changes.lines(), ["7 certificates added"]);
        let two = record(&[("A", "revoked"), ("B", "expired"), ("C", "valid")], &["D-1"], &[]);
        assert_eq!(Changes::between(Some(&old), &two).lines(), ["2 credentials changed status: A valid → revoked, B valid → expired"]);
        assert!(Changes::between(Some(&old), &old).is_empty());
    }

    #[test]
    fn certificates_are_matched_by_number_in_one_walk_whatever_their_order() {
        let old = record(&[("E", "valid"), ("C", "valid"), ("A", "valid"), ("G", "expired")], &[], &[]);
        let new = record(&[("D", "valid"), ("C", "revoked"), ("B", "valid"), ("G", "expired"), ("H", "valid")], &[], &[]);
        assert_eq!(new.certs().iter().map(|c| c.0).collect::<Vec<_>>(), ["B", "C", "D", "G", "H"], "sorted by number");
        let changes = Changes::between(Some(&old), &new);
        assert_eq!(changes.statuses, [("C".to_owned(), "valid".to_owned(), "revoked".to_owned())]);
        assert_eq!(changes.added, ["B", "D", "H"]);
        assert_eq!(changes.removed, ["A", "E"]);
        assert_eq!(record(&[("A", "valid"), ("A", "revoked")], &[], &[]).certs(), [("A", "valid")], "a number counts once");
        // A saved record reads back as it was written, whatever order the site lists them in.
        assert_eq!(Record::parse(&new.to_text()).unwrap(), new);
        assert_eq!(Record::parse("certsite public 1\ncert\tA\tvalid\tmore\n"), None);
    }

    #[test]
    fn an_update_compares_with_the_saved_text_and_keeps_what_to_save() {
        let old = record(&[("A", "valid"), ("B", "valid")], &[], &[]);
        let new = record(&[("A", "revoked"), ("B", "valid")], &["D-1"], &[]);
        let same = Update::new(Some(old.to_text().as_bytes()), &old);
        assert!(same.changes.is_empty() && !same.changes.first);
        assert_eq!(same.text_to_save(), None, "the same record is not saved again");
        let update = Update::new(Some(old.to_text().as_bytes()), &new);
        assert_eq!(update.changes, Changes::between(Some(&old), &new));
        assert_eq!(update.changes.lines(), ["1 credential changed status: A valid → revoked", "1 new notice published: D-1"]);
        assert_eq!(update.text_to_save(), Some(new.to_text().as_str()));
        let first = Update::new(None, &new);
        assert!(first.changes.first);
        assert_eq!(first.changes.added, ["A", "B"]);
        assert_eq!(Update::new(Some(b"garbled \xff"), &new).changes, first.changes, "a damaged record counts as none");
    }
}

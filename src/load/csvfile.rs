//! Reading one CSV export (DESIGN §3 "CSV conventions"): UTF-8 with an optional BOM, RFC 4180
//! quoting, CRLF or LF, a header row, columns matched by name in any order, text NFC-normalised
//! and trimmed.
//!
//! Rows are handed to the caller one at a time from a reused record, so a million-row file is
//! never held twice in memory, and private columns are never copied out: a caller can only read
//! the columns its [`Column`] type names. Positions come from the `csv` reader (quoted newlines
//! make counting lines by hand wrong); the column of a field is found only when an error needs
//! it, by the module's RFC 4180 lexer (`lex`), which also finds where records start.
//!
//! A table given as a workbook's sheet ([`crate::load::xlsx`]) is read as the same text, made
//! from its cells, with where that text is in the sheet ([`Sheet`]): the same checks run on it,
//! and its positions are the sheet's rows and cells.

mod lex;

use std::borrow::Cow;
use std::marker::PhantomData;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diag::{At, Excerpt, Place, Problem, Problems, MASK};
use crate::model::date::{date_hint, parse_date};
use crate::text::normalize;
use lex::Lexer;

/// The columns a loader reads from one file, declared once with `columns!`: a `Copy` enum
/// whose variants are the columns in the order of [`Column::SCHEMA`], each a handle to read a
/// [`Row`] with. Only these columns can be read; every other one stays private.
pub trait Column: Copy + 'static {
    /// `(name, required)` of each column, in the order of the variants: the name in the header
    /// (lower case), and whether the header must have it.
    const SCHEMA: &'static [(&'static str, bool)];
    /// Every column, in schema order.
    const ALL: &'static [Self];
    /// Whether each column (in schema order) holds words that are published: names,
    /// professions, scopes, reasons (declared `text`). A `?` between two letters there is an
    /// error ([`lost_letter`]).
    const TEXT: &'static [bool];

    /// The column's place in [`Column::SCHEMA`] (its variant's discriminant).
    fn index(self) -> usize;

    /// The column's name in the header, which the messages about its cells give.
    fn name(self) -> &'static str {
        Self::SCHEMA[self.index()].0
    }
}

/// Declares the columns a loader reads from one file: an enum whose variants are the columns,
/// each on one line as `Variant: "name" required` or `Variant: "name" optional`, followed by
/// `text` for a column of published words, made a [`Column`] (the variant's discriminant is
/// its place in the schema, so no number is kept in step by hand):
///
/// ```ignore
/// columns! {
///     /// The columns read.
///     pub enum Col {
///         Number: "number" required,
///         Note: "note" optional text,
///     }
/// }
/// ```
macro_rules! columns {
    ($(#[$meta:meta])* $vis:vis enum $name:ident { $($variant:ident: $column:literal $presence:ident $($text:ident)?),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        $vis enum $name {
            $(#[doc = concat!("`", $column, "`")] $variant),+
        }

        impl $crate::load::csvfile::Column for $name {
            const SCHEMA: &'static [(&'static str, bool)] = &[$(($column, $crate::load::csvfile::columns!(@$presence))),+];
            const ALL: &'static [Self] = &[$(Self::$variant),+];
            const TEXT: &'static [bool] = &[$($crate::load::csvfile::columns!(@text $($text)?)),+];

            fn index(self) -> usize {
                self as usize
            }
        }
    };
    (@required) => {
        true
    };
    (@optional) => {
        false
    };
    (@text) => {
        false
    };
    (@text text) => {
        true
    };
}
pub(crate) use columns;

/// `(name, required)` of the columns a loader reads (see [`Column::SCHEMA`]).
type Schema = &'static [(&'static str, bool)];

/// Whether `text` has a `?` between two letters: a letter the file's encoding could not hold,
/// replaced when it was saved ("M?mm?dova").
pub fn lost_letter(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars.windows(3).any(|w| w[1] == '?' && w[0].is_alphabetic() && w[2].is_alphabetic())
}

/// A CSV file's text, decoded (UTF-8 with or without a BOM, or UTF-16 with a BOM: Excel's "CSV
/// UTF-8" and "Unicode Text"), with the separator its header row uses; or the same text made
/// from a workbook's sheet (see [`Sheet`]).
pub struct CsvText {
    /// Path shown in messages (relative to the site root).
    pub path: PathBuf,
    /// The text.
    pub text: String,
    /// How the file was read.
    pub format: Format,
    /// The sheet the text was made from, when the file is a workbook.
    pub sheet: Option<Sheet>,
}

/// Where the text of a table read from a workbook's sheet is in that sheet. The text has one
/// line per row of the sheet from the header's on (a blank row is an empty line, which no
/// reader takes for a record), each with one field per column of the sheet from column A: a
/// line is a row and a field a column. A line break inside a cell is written as
/// [`SHEET_LF`] (and a carriage return as [`SHEET_CR`]) so as not to break the line; the cell's
/// text has it back.
#[derive(Debug, Clone)]
pub struct Sheet {
    /// The sheet's name, as on its tab.
    pub name: Arc<str>,
    /// The row of the sheet (1-based) of the text's first line: the header's.
    pub first_row: u64,
}

/// What stands for a line feed in a cell of a table read from a sheet (see [`Sheet`]): a
/// noncharacter, which the XML of a workbook cannot hold.
pub const SHEET_LF: char = '\u{FFFF}';
/// What stands for a carriage return in a cell of a table read from a sheet.
pub const SHEET_CR: char = '\u{FFFE}';

/// How a line break in a cell of a sheet is shown in an excerpt.
const SHOWN_BREAK: char = '↵';

/// How a CSV file was read: its encoding and the separator of its cells, found from the file
/// itself (Excel writes `,` or, on an Azerbaijani or European Windows, `;`; its "Unicode
/// Text" is UTF-16 with tabs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Format {
    /// The encoding.
    pub encoding: Encoding,
    /// `,`, `;` or `\t`: whichever the header row has most of outside quotes (`,` when none).
    pub delimiter: u8,
}

/// An encoding certsite reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 without a BOM.
    Utf8,
    /// UTF-8 after a BOM (Excel's "CSV UTF-8").
    Utf8Bom,
    /// UTF-16, little-endian, after its BOM (Excel's "Unicode Text").
    Utf16Le,
    /// UTF-16, big-endian, after its BOM.
    Utf16Be,
}

impl Encoding {
    /// Its name, as `check` and the messages give it ("UTF-8 with BOM").
    pub fn name(self) -> String {
        match self {
            Encoding::Utf8 => tr!("load-encoding-utf-8"),
            Encoding::Utf8Bom => tr!("load-encoding-utf-8-bom"),
            Encoding::Utf16Le => tr!("load-encoding-utf-16-le"),
            Encoding::Utf16Be => tr!("load-encoding-utf-16-be"),
        }
    }
}

impl Format {
    /// "UTF-8, cells separated by ';'", as `check` reports it.
    pub fn describe(&self) -> String {
        let separator = match self.delimiter {
            b'\t' => "tab".to_owned(),
            d => char::from(d).to_string(),
        };
        tr!("load-format", encoding = self.encoding.name(), separator = separator)
    }

    /// The format of a file that starts with `head` (its first bytes: the header row is
    /// enough; `cut`: the file goes on, so its last character may be cut in two), or `None`
    /// when it is not text certsite reads.
    pub fn sniff(head: &[u8], cut: bool) -> Option<Format> {
        // A character is at most 4 bytes (UTF-8, or a UTF-16 surrogate pair).
        let ends = if cut { 0..=4.min(head.len()) } else { 0..=0 };
        let (text, encoding) = ends.into_iter().find_map(|n| decode(head[..head.len() - n].to_vec()).ok())?;
        Some(Format { encoding, delimiter: delimiter_of(&text) })
    }
}

/// Why bytes are not text certsite reads.
enum Undecoded {
    /// Not UTF-8 from byte `valid` on (and no UTF-16 BOM).
    Utf8 { valid: usize, bytes: Vec<u8> },
    /// A UTF-16 BOM, then no valid UTF-16 (an odd length or a lone surrogate).
    Utf16 { encoding: Encoding },
}

/// The text of `bytes` and its encoding's name: UTF-8 (a BOM removed), or UTF-16 after its
/// BOM. UTF-8 takes the bytes as they are, without a copy.
fn decode(bytes: Vec<u8>) -> Result<(String, Encoding), Undecoded> {
    let utf16 = |body: &[u8], unit: fn([u8; 2]) -> u16, encoding: Encoding| {
        let units = body.chunks(2).map(|pair| <[u8; 2]>::try_from(pair).map(unit));
        let units: Result<Vec<u16>, _> = units.collect();
        let text = units.ok().and_then(|units| String::from_utf16(&units).ok()).ok_or(Undecoded::Utf16 { encoding })?;
        Ok((text, encoding))
    };
    let utf8 = |bytes: Vec<u8>| {
        String::from_utf8(bytes).map_err(|e| Undecoded::Utf8 { valid: e.utf8_error().valid_up_to(), bytes: e.into_bytes() })
    };
    match bytes.as_slice() {
        [0xEF, 0xBB, 0xBF, ..] => {
            let mut text = utf8(bytes)?;
            text.drain(..'\u{feff}'.len_utf8());
            Ok((text, Encoding::Utf8Bom))
        }
        [0xFF, 0xFE, rest @ ..] => utf16(rest, u16::from_le_bytes, Encoding::Utf16Le),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, u16::from_be_bytes, Encoding::Utf16Be),
        _ => Ok((utf8(bytes)?, Encoding::Utf8)),
    }
}

/// The separator the header row of `text` has most of outside quotes: `,`, `;` or tab (`,`
/// when it has none, or on a tie with it).
fn delimiter_of(text: &str) -> u8 {
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for &b in text.as_bytes() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            _ if !quoted => {
                if let Some((_, n)) = counts.iter_mut().find(|(d, _)| *d == b) {
                    *n += 1;
                }
            }
            _ => {}
        }
    }
    // The first of the most frequent: `,` wins a tie.
    counts.iter().fold((b',', 0), |best, &(d, n)| if n > best.1 { (d, n) } else { best }).0
}

/// What encoding bytes that are not UTF-8 probably are, by their letters (chardetng, the
/// detector of Firefox), named as Windows names it, with the language or script it is for.
fn probable_encoding(bytes: &[u8]) -> String {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, chardetng::Utf8Detection::Deny).name();
    match guess {
        "windows-1254" => tr!("load-code-page-turkish", name = "Windows-1254"),
        "windows-1251" => tr!("load-code-page-cyrillic", name = "Windows-1251"),
        "windows-1252" => tr!("load-code-page-western", name = "Windows-1252"),
        "windows-1250" => tr!("load-code-page-central", name = "Windows-1250"),
        "KOI8-U" | "KOI8-R" => tr!("load-code-page-cyrillic", name = guess),
        other => other.to_owned(),
    }
}

/// The format of every CSV file below `root/data/` (path relative to `root`, `/`-separated),
/// by its first 64 KiB, in path order: what `certsite check` says it read. A file that is not
/// text certsite reads is left out (its error comes from the loader).
pub fn formats(root: &Path) -> Vec<(String, Format)> {
    use std::io::Read as _;
    let mut found: Vec<(String, Format)> = walkdir::WalkDir::new(root.join("data"))
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x.eq_ignore_ascii_case("csv")))
        .filter_map(|e| {
            const HEAD: usize = 1 << 16;
            let mut head = Vec::with_capacity(HEAD);
            std::fs::File::open(e.path()).ok()?.take(HEAD as u64).read_to_end(&mut head).ok()?;
            let cut = head.len() == HEAD;
            let rel = e.path().strip_prefix(root).ok()?.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
            Some((rel, Format::sniff(&head, cut)?))
        })
        .collect();
    found.sort_by(|a, b| a.0.cmp(&b.0));
    found
}

impl CsvText {
    /// Reads `root/rel` if it exists (each data file is optional, DESIGN §3); a file that
    /// cannot be read is reported.
    pub fn read_optional(root: &Path, rel: &str, problems: &mut Problems) -> Option<CsvText> {
        if !root.join(rel).exists() {
            return None;
        }
        CsvText::read(root, rel).map_err(|p| problems.push(*p)).ok()
    }

    /// Reads `root/rel`. Text that is not UTF-8 or UTF-16 is reported at the line where it
    /// stops being UTF-8, with what it probably is.
    pub fn read(root: &Path, rel: &str) -> Result<CsvText, Box<Problem>> {
        let bytes = std::fs::read(root.join(rel))
            .map_err(|e| Box::new(Problem::error(tr!("config-cannot-read", path = rel, error = e.to_string())).at(At::file(rel))))?;
        CsvText::from_bytes(rel, bytes)
    }

    /// Decodes `bytes` (see [`CsvText`]) and finds the separator from the header row.
    pub fn from_bytes(rel: &str, bytes: Vec<u8>) -> Result<CsvText, Box<Problem>> {
        let (text, encoding) = match decode(bytes) {
            Ok(decoded) => decoded,
            Err(Undecoded::Utf16 { encoding }) => {
                return Err(Box::new(
                    Problem::error(tr!("load-not-utf-16", encoding = encoding.name())).at(At::file(rel)).help(tr!("load-not-utf-16-help")),
                ));
            }
            Err(Undecoded::Utf8 { valid, bytes }) => {
                let before = String::from_utf8_lossy(&bytes[..valid]);
                let at = At::offset(rel, &before, before.len(), 0);
                return Err(Box::new(
                    Problem::error(tr!(
                        "load-not-utf-8",
                        offset = valid.to_string(),
                        byte = format!("0x{:02X}", bytes[valid]),
                        encoding = probable_encoding(&bytes)
                    ))
                    .at(At { span: None, ..at })
                    .help(tr!("load-not-utf-8-help")),
                ));
            }
        };
        let format = Format { encoding, delimiter: delimiter_of(&text) };
        Ok(CsvText { path: PathBuf::from(rel), text, format, sheet: None })
    }

    /// The file and, for a workbook, the sheet: where the table's rows are (see
    /// [`Row::line`]).
    pub fn place(&self) -> Place {
        Place { path: self.path.clone(), sheet: self.sheet.as_ref().map(|s| s.name.clone()) }
    }

    /// The row of the source (the sheet's, or the file's line) of the text's line `line`.
    fn source_line(&self, line: u64) -> u64 {
        self.sheet.as_ref().map_or(line, |s| line + s.first_row - 1)
    }

    /// The line of the text of the source's row `line` (see [`CsvText::source_line`]).
    fn text_line(&self, line: u64) -> u64 {
        self.sheet.as_ref().map_or(line, |s| line.saturating_sub(s.first_row - 1))
    }

    /// `at`, a place in the text, as the source gives it: for a sheet, its row and (unless
    /// `whole_row`) the cell holding the byte `at` starts at; for a CSV file, `at` itself.
    fn placed(&self, at: At, whole_row: bool) -> At {
        let Some(sheet) = &self.sheet else { return at };
        let name = Some(sheet.name.clone());
        if at.line == 0 {
            return At { sheet: name, ..at };
        }
        let column = match at.span {
            Some((offset, _)) if !whole_row => {
                let offset = offset.min(self.text.len());
                let start = memchr::memrchr(b'\n', &self.text.as_bytes()[..offset]).map_or(0, |i| i + 1);
                self.lexer().fields(start).position(|(a, b)| a <= offset && offset <= b).map_or(0, |j| j as u64 + 1)
            }
            _ => 0,
        };
        At { line: self.source_line(at.line), column, sheet: name, ..at }
    }

    /// The text of a cell as read from the text: for a sheet, its line breaks put back.
    fn cell_text<'r>(&self, raw: &'r str) -> Cow<'r, str> {
        if self.sheet.is_some() && raw.contains([SHEET_LF, SHEET_CR]) {
            Cow::Owned(raw.replace(SHEET_LF, "\n").replace(SHEET_CR, "\r"))
        } else {
            Cow::Borrowed(raw)
        }
    }

    /// The RFC 4180 lexer of this file's text.
    fn lexer(&self) -> Lexer<'_> {
        Lexer::new(&self.text, self.format.delimiter)
    }

    /// A `csv` reader of `bytes` of this file, with its separator.
    fn reader<'b>(&self, bytes: &'b [u8]) -> csv::Reader<&'b [u8]> {
        csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(self.format.delimiter).from_reader(bytes)
    }

    /// The lines around `focus` (byte offset and length) for a report, private cells masked
    /// (DESIGN §2, §3). `record` is the start of the record holding the focus, on line
    /// `record_line` (lines are counted from there, not from the file's start); `prev` the
    /// start of the record before it, or (`false`) a record start at or before that one to
    /// find it from. `public` tells which fields of a data row are public; a row with another
    /// number of fields than `fields` has every cell masked (its columns are not known). The
    /// cell that starts at the focus is shown as it is; every other private cell, `•••`.
    fn excerpt(
        &self,
        prev: Option<(usize, bool)>,
        (record, record_line): (usize, u64),
        public: &dyn Fn(usize) -> bool,
        fields: usize,
        focus: (usize, usize),
    ) -> Excerpt {
        let text = &self.text;
        let lexer = self.lexer();
        let start = match prev {
            Some((p, true)) => p,
            // Line breaks between records are skipped, as the reader skips them (a blank line
            // is no record).
            Some((s, false)) => {
                let mut s = lexer.skip_breaks(s);
                loop {
                    let next = lexer.skip_breaks(lexer.record(s).2);
                    if next >= record || next == s {
                        break s;
                    }
                    s = next;
                }
            }
            None => record,
        };
        let mut out = String::new();
        let mut mark = None;
        let mut s = start;
        loop {
            let (cells, _, next) = lexer.record(s);
            let aligned = cells.len() == fields;
            let mut pos = s;
            for (j, &(a, b)) in cells.iter().enumerate() {
                out.push_str(&text[pos..a]);
                let revealed = focus.1 > 0 && a == focus.0;
                let shown = s == 0 || a == b || revealed || (aligned && public(j));
                if mark.is_none() && a <= focus.0 && focus.0 <= b {
                    mark = Some(if shown { (out.len() + focus.0 - a, focus.1.min(b - a)) } else { (out.len(), 0) });
                }
                if shown {
                    out.push_str(&text[a..b]);
                } else {
                    // One mark per line the value spans, so that line numbers stay right.
                    let mut parts = text[a..b].split('\n');
                    out.push_str(MASK);
                    for part in parts.by_ref().skip(1) {
                        out.push('\n');
                        if !part.trim().is_empty() {
                            out.push_str(MASK);
                        }
                    }
                }
                pos = b;
            }
            out.push_str(&text[pos..next]);
            if s > record || next == s || next >= text.len() {
                break;
            }
            s = next;
        }
        let (at, len) = mark.unwrap_or((0, 0));
        let first_line = record_line - bytecount(&text.as_bytes()[start..record]);
        let lines: Vec<&str> = out.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l)).collect();
        let line = out[..at].matches('\n').count();
        let line_start = out[..at].rfind('\n').map_or(0, |i| i + 1);
        let column = out[line_start..at].chars().count();
        let marked = out[at..at + len].split(['\r', '\n']).next().unwrap_or("").chars().count();
        // The marked line with one line on each side.
        let first = line.saturating_sub(1);
        let last = (line + 1).min(lines.len().saturating_sub(1));
        let mut shown: Vec<String> = lines[first..=last.max(first)].iter().map(|l| (*l).to_owned()).collect();
        while shown.len() > line - first + 1 && shown.last().is_some_and(|l| l.is_empty()) {
            shown.pop(); // the end of the file
        }
        if self.sheet.is_some() {
            for l in &mut shown {
                if l.contains([SHEET_LF, SHEET_CR]) {
                    *l = l.replace([SHEET_LF, SHEET_CR], &SHOWN_BREAK.to_string());
                }
            }
        }
        Excerpt { first_line: self.source_line(first_line + first as u64), lines: shown, mark: (line - first, column, marked) }
    }

    /// Which fields a header row's names make public: those the schema reads, i.e. the first
    /// of each name (a second column of the same name is never read, so it stays private).
    fn public_names(names: &[String], schema: Schema) -> Vec<bool> {
        names.iter().enumerate().map(|(j, n)| schema.iter().any(|(k, _)| k == n) && names.iter().position(|m| m == n) == Some(j)).collect()
    }

    /// Whether the header row holds every required column of `C` (else [`CsvText::rows`]
    /// reports why and reads no row).
    pub fn readable<C: Column>(&self) -> bool {
        self.header(C::SCHEMA, &mut Problems::new()).is_some()
    }

    /// Reads the header, maps the columns `C` onto it, then calls `each` for every data row
    /// with `problems`, where the row's own problems go too. Problems with the header or a
    /// row's shape are pushed there as well; a missing required column stops the file (no row
    /// can be read meaningfully without it).
    pub fn rows<C: Column>(&self, problems: &mut Problems, mut each: impl FnMut(&Row<'_, C>, &mut Problems)) {
        if let Some(header) = self.header(C::SCHEMA, problems) {
            self.rows_in(&header, header.end, self.text.len(), header.line, (0, true), problems, &mut each);
        }
    }

    /// Like [`CsvText::rows`] for a large file, in parallel: the file is cut into pieces at
    /// record boundaries (found by following RFC 4180 quoting, as the `csv` reader does), each
    /// piece read on its own with a state made by `init`, and the values `each` returns are
    /// given back in file order, as are the problems.
    pub fn rows_par<C: Column, S, T: Send>(
        &self,
        problems: &mut Problems,
        init: impl Fn() -> S + Sync,
        each: impl Fn(&mut S, &Row<'_, C>, &mut Problems) -> Option<T> + Sync,
    ) -> Vec<T> {
        self.rows_in_pieces(PIECE, problems, init, each)
    }

    /// [`CsvText::rows_par`] with pieces of about `piece` bytes: the tests and the fuzz
    /// targets cut small files into many pieces, which must give what one pass gives.
    pub fn rows_in_pieces<C: Column, S, T: Send>(
        &self,
        piece: usize,
        problems: &mut Problems,
        init: impl Fn() -> S + Sync,
        each: impl Fn(&mut S, &Row<'_, C>, &mut Problems) -> Option<T> + Sync,
    ) -> Vec<T> {
        use rayon::prelude::*;
        let Some(header) = self.header(C::SCHEMA, problems) else { return Vec::new() };
        let pieces = record_pieces(self.lexer(), &self.text, header.end, header.line, piece);
        // Each piece writes its values into its own slots of the one list, in order: a record
        // starts a line, so a piece holds at most one more record than it has line breaks.
        // (Collected piece by piece and then joined, a million certificates were in memory
        // twice over, and the pieces' pages stayed with the allocator.) A piece with more
        // values than slots keeps the rest, and the list is then joined anew.
        let slots: Vec<usize> = (0..pieces.len())
            .map(|k| {
                let breaks = match pieces.get(k + 1) {
                    Some(next) => next.1 - pieces[k].1,
                    None => bytecount(&self.text.as_bytes()[pieces[k].0..]),
                };
                breaks as usize + 1
            })
            .collect();
        let mut values: Vec<Option<T>> = std::iter::repeat_with(|| None).take(slots.iter().sum()).collect();
        let mut parts: Vec<&mut [Option<T>]> = Vec::with_capacity(slots.len());
        let mut rest = &mut values[..];
        for &n in &slots {
            let (part, after) = rest.split_at_mut(n);
            parts.push(part);
            rest = after;
        }
        let results: Vec<(Vec<T>, Problems)> = parts
            .into_par_iter()
            .enumerate()
            .map(|(k, part)| {
                let (start, line) = pieces[k];
                let end = pieces.get(k + 1).map_or(self.text.len(), |p| p.0);
                let (mut state, mut more, mut found, mut filled) = (init(), Vec::new(), Problems::new(), 0);
                // The record before a piece's first is found, if an error needs it, from the
                // start of the last piece before that holds a record (not only line breaks).
                // (The first piece starts at the header's end, which the reader may give as the
                // '\n' of a CRLF: from the header itself instead.)
                let before = match k {
                    0 => (0, true),
                    _ => {
                        let holds_record =
                            |j: usize| self.text.as_bytes()[pieces[j].0..pieces[j + 1].0].iter().any(|&b| b != b'\r' && b != b'\n');
                        ((1..k).rev().find(|&j| holds_record(j)).map_or(0, |j| pieces[j].0), false)
                    }
                };
                self.rows_in(&header, start, end, line, before, &mut found, &mut |row, p| {
                    if let Some(value) = each(&mut state, row, p) {
                        match part.get_mut(filled) {
                            Some(slot) => *slot = Some(value),
                            None => more.push(value),
                        }
                        filled += 1;
                    }
                });
                (more, found)
            })
            .collect();
        let joined = results.iter().all(|(more, _)| more.is_empty());
        let mut over = Vec::with_capacity(results.len());
        for (more, found) in results {
            problems.extend(found);
            over.push(more);
        }
        if joined {
            // In place (`filter_map` collects into the same memory when an `Option<T>` is the
            // size of a `T`, as for a certificate; `flatten` would copy into a new list): the
            // empty slots are dropped.
            #[allow(clippy::filter_map_identity)]
            return values.into_iter().filter_map(|v| v).collect();
        }
        let mut list = Vec::with_capacity(values.len());
        let mut values = values.into_iter();
        for (n, more) in slots.into_iter().zip(over) {
            list.extend(values.by_ref().take(n).flatten());
            list.extend(more);
        }
        list
    }

    /// Reads and checks the header row.
    fn header(&self, schema: Schema, problems: &mut Problems) -> Option<Header> {
        let mut reader = self.reader(self.text.as_bytes());
        let mut record = csv::StringRecord::new();
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => {
                let problem = match self.sheet {
                    None => Problem::error(tr!("load-file-empty")),
                    Some(_) => Problem::error(tr!("load-sheet-empty")),
                };
                problems.push(problem.at(self.placed(At::file(&self.path), true)));
                return None;
            }
            Err(e) => {
                problems.push(self.csv_error(&e, 0));
                return None;
            }
        }
        let names: Vec<String> = record.iter().map(|h| normalize(&self.cell_text(h)).to_lowercase()).collect();
        let mut columns = vec![None; schema.len()];
        let mut missing = false;
        for (i, (name, required)) in schema.iter().enumerate() {
            let found: Vec<usize> = names.iter().enumerate().filter(|(_, n)| n == name).map(|(j, _)| j).collect();
            if found.len() > 1 {
                problems.push(
                    self.header_problem(&names, schema, found[1], tr!("load-column-twice", name = *name))
                        .help(tr!("load-column-twice-help")),
                );
            }
            columns[i] = found.first().copied();
            if found.is_empty() && *required {
                missing = true;
                let nearest = names
                    .iter()
                    .filter(|n| !schema.iter().any(|(k, _)| k == n))
                    .map(|n| (strsim::jaro_winkler(n, name), n))
                    .filter(|(score, _)| *score > 0.8)
                    .max_by(|a, b| a.0.total_cmp(&b.0));
                let help = match nearest {
                    Some((_, n)) => tr!("load-column-missing-misspelled", name = *name, nearest = n),
                    None => tr!("load-column-missing-help", name = *name, header = names.join(", ")),
                };
                let line = self.text.find(['\r', '\n']).unwrap_or(self.text.len());
                let public = Self::public_names(&names, schema);
                problems.push(
                    Problem::error(tr!("load-column-missing", name = *name))
                        .at(self.placed(At::offset(&self.path, &self.text, 0, line), true))
                        .help(help)
                        .with_excerpt(self.excerpt(None, (0, 1), &|j| public.get(j) == Some(&true), names.len(), (0, line))),
                );
            }
        }
        if missing {
            return None;
        }
        let end = reader.position().byte() as usize;
        let public = Self::public_names(&names, schema);
        Some(Header { fields: record.len(), columns, public, end, line: reader.position().line() })
    }

    /// Calls `each` for the data rows in `text[from..to]`, whose first line is `line`;
    /// `before` is the start of the record before `from` or (`false`) a record start before it.
    #[allow(clippy::too_many_arguments)]
    fn rows_in<C: Column>(
        &self,
        header: &Header,
        from: usize,
        to: usize,
        line: u64,
        before: (usize, bool),
        problems: &mut Problems,
        each: &mut dyn FnMut(&Row<'_, C>, &mut Problems),
    ) {
        let mut prev = before;
        let mut reader = self.reader(&self.text.as_bytes()[from..to]);
        // Byte records: the whole text is valid UTF-8 already, and the fields a schema does not
        // name (private columns, for one) are never looked at.
        let mut record = csv::ByteRecord::new();
        loop {
            match reader.read_byte_record(&mut record) {
                Ok(false) => break,
                Ok(true) => {}
                Err(e) => {
                    problems.push(self.csv_error(&e, from));
                    break;
                }
            }
            let pos = record.position().cloned().unwrap_or_else(csv::Position::new);
            // After a CRLF the reader's position can point at the '\n' of the line before.
            let (mut byte, mut line) = (from + pos.byte() as usize, line + pos.line() - 1);
            while let Some(c @ (b'\r' | b'\n')) = self.text.as_bytes().get(byte) {
                line += u64::from(*c == b'\n');
                byte += 1;
            }
            let before = std::mem::replace(&mut prev, (byte, true));
            if record.iter().all(|f| f.trim_ascii().is_empty()) {
                // A blank line, or a row of empty cells (Excel leaves them under a table).
                problems.skip_blank_row(&self.path);
                continue;
            }
            let row = Row { file: self, record: &record, header, line: self.source_line(line), byte, prev: before, columns: PhantomData };
            if record.len() != header.fields {
                problems.push(
                    Problem::error(tr!("load-row-fields", count = record.len(), fields = header.fields.to_string()))
                        .at(self.placed(At::offset(&self.path, &self.text, row.byte, 0), true))
                        .help(tr!(
                            "load-row-fields-help",
                            separator = match self.format.delimiter {
                                b';' => "semicolon",
                                b'\t' => "tab",
                                _ => "comma",
                            }
                        ))
                        .with_excerpt(row.excerpt((row.byte, 0))),
                );
                continue;
            }
            row.check_text(problems);
            each(&row, problems);
        }
    }

    /// The position of byte `start` of the row that starts at byte `row` on line `row_line`,
    /// counted from the row's own line and start (the row starts a line): the cost of an error
    /// is the row's, not the file's.
    fn position(&self, (row, row_line): (usize, u64), start: usize, len: usize) -> At {
        let text = &self.text;
        let within = &text.as_bytes()[row..start];
        let line = row_line + bytecount(within);
        let line_start = memchr::memrchr(b'\n', within).map_or(row, |i| row + i + 1);
        let column = text[line_start..start].chars().count() as u64 + 1;
        At { path: self.path.clone(), line, column, span: Some((start, len)), sheet: None }
    }

    /// Finds the cells of column `c` in rows named by their line, for problems found after the
    /// rows were read (across rows, e.g. a number that appears twice): nothing is kept per row
    /// while reading, and the file's lines are indexed only when a cell is first asked for.
    pub fn cells<C: Column>(&self, c: C) -> Cells<'_> {
        let field = self.header(C::SCHEMA, &mut Problems::new()).and_then(|h| h.columns[c.index()]);
        Cells { file: self, field, lines: std::cell::OnceCell::new() }
    }

    fn header_problem(&self, names: &[String], schema: Schema, field: usize, message: String) -> Problem {
        let (start, len) = self.lexer().field(0, field);
        let public = Self::public_names(names, schema);
        Problem::error(message).at(self.placed(At::offset(&self.path, &self.text, start, len), false)).with_excerpt(self.excerpt(
            None,
            (0, 1),
            &|j| public.get(j) == Some(&true),
            names.len(),
            (start, len),
        ))
    }

    /// A reader error of the piece that starts at byte `from`.
    fn csv_error(&self, e: &csv::Error, from: usize) -> Problem {
        let at = match e.position() {
            Some(p) => self.placed(At::offset(&self.path, &self.text, from + p.byte() as usize, 0), false),
            None => self.placed(At::file(&self.path), true),
        };
        // No excerpt: where the records start is not known here, so no cell could be masked.
        Problem::error(tr!("load-not-csv", error = e.to_string())).at(at)
    }
}

/// The cells of one column of a file's rows, found by the row's line (see [`CsvText::cells`]).
pub struct Cells<'a> {
    file: &'a CsvText,
    /// The column's field in the header, `None` when the header lacks it.
    field: Option<usize>,
    /// The byte where each line starts, made on first use.
    lines: std::cell::OnceCell<Vec<usize>>,
}

impl Cells<'_> {
    /// The position of the column's cell in the row that starts line `line` ([`Row::line`]: the
    /// row's start when the header has no such column; the whole file when there is no such
    /// line).
    pub fn at(&self, line: u64) -> At {
        let file = self.file;
        let line = file.text_line(line);
        let text = &file.text;
        let lines =
            self.lines.get_or_init(|| std::iter::once(0).chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1)).collect());
        let start = usize::try_from(line).ok().and_then(|l| l.checked_sub(1)).and_then(|l| lines.get(l)).copied();
        let Some(row) = start.filter(|&s| s < text.len()) else { return file.placed(At::file(&file.path), true) };
        let (cell, len) = self.field.map_or((row, 0), |field| file.lexer().field(row, field));
        file.placed(file.position((row, line), cell, len), self.field.is_none())
    }
}

/// The header row of a file, mapped onto a schema.
struct Header {
    /// Number of fields.
    fields: usize,
    /// Schema column → field.
    columns: Vec<Option<usize>>,
    /// Field → whether the schema reads it (public; every other field is private).
    public: Vec<bool>,
    /// Byte where the data rows start.
    end: usize,
    /// Line where the data rows start.
    line: u64,
}

/// Size of the pieces [`CsvText::rows_par`] reads in parallel.
const PIECE: usize = 1 << 20;

/// Where the pieces of `text[from..]` start, about `size` bytes each: (byte, line), each at the
/// start of a record that follows a newline outside quotes ([`lex::LineStarts`]: a newline
/// inside quotes never ends a piece, and only quotes and the newlines near a cut are looked at,
/// so the scan costs little beside the read).
fn record_pieces(lexer: Lexer<'_>, text: &str, from: usize, line: u64, size: usize) -> Vec<(usize, u64)> {
    let mut starts = lexer.line_starts(from);
    let mut pieces = vec![(from, line)];
    loop {
        let (last, last_line) = *pieces.last().expect("one piece");
        let Some(start) = starts.at_or_after(last + size) else { return pieces };
        pieces.push((start, last_line + bytecount(&text.as_bytes()[last..start])));
    }
}

/// Number of newlines in `bytes`.
fn bytecount(bytes: &[u8]) -> u64 {
    bytes.iter().filter(|&&b| b == b'\n').count() as u64
}

/// One data row. Only the columns `C` of the loader can be read.
pub struct Row<'a, C> {
    file: &'a CsvText,
    record: &'a csv::ByteRecord,
    header: &'a Header,
    /// 1-based line where the row starts (for a workbook, the sheet's row).
    pub line: u64,
    byte: usize,
    /// The record before: its start, or a record start to find it from (see
    /// [`CsvText::excerpt`]).
    prev: (usize, bool),
    columns: PhantomData<fn() -> C>,
}

impl<C: Column> Row<'_, C> {
    /// The NFC-normalised, trimmed text of column `c`; `None` when the column is absent or the
    /// field is empty.
    pub fn get(&self, c: C) -> Option<Cow<'_, str>> {
        // A field of valid UTF-8 text cut at ASCII separators is valid UTF-8.
        let raw = std::str::from_utf8(self.record.get(self.header.columns[c.index()]?)?).ok()?;
        let text = match self.file.cell_text(raw) {
            Cow::Borrowed(raw) => normalize(raw),
            Cow::Owned(cell) => Cow::Owned(normalize(&cell).into_owned()),
        };
        if text.is_empty() {
            None
        } else {
            Some(text)
        }
    }

    /// The position of column `c` in this row (its field, or the row start).
    pub fn at(&self, c: C) -> At {
        match self.header.columns[c.index()] {
            Some(field) => {
                let (start, len) = self.file.lexer().field(self.byte, field);
                self.file.placed(self.position(start, len), false)
            }
            None => self.file.placed(self.position(self.byte, 0), true),
        }
    }

    /// The position of byte `start` of this row in the text (see [`CsvText::position`]).
    fn position(&self, start: usize, len: usize) -> At {
        self.file.position((self.byte, self.file.text_line(self.line)), start, len)
    }

    /// The position of the row's start (from the reader's line count: no scanning, as this
    /// is kept for every row).
    pub fn at_row(&self) -> At {
        let at =
            At { path: self.file.path.clone(), line: self.file.text_line(self.line), column: 1, span: Some((self.byte, 0)), sheet: None };
        self.file.placed(at, true)
    }

    /// An error about column `c` of this row, with the lines around it (private cells masked,
    /// the cell in error shown).
    pub fn error(&self, c: C, message: impl Into<String>) -> Problem {
        let at = self.at(c);
        let excerpt = self.excerpt(at.span.unwrap_or((self.byte, 0)));
        Problem::error(message).at(at).with_excerpt(excerpt)
    }

    /// The lines around `focus` in this row, private cells masked.
    fn excerpt(&self, focus: (usize, usize)) -> Excerpt {
        let public = &self.header.public;
        let record = (self.byte, self.file.text_line(self.line));
        self.file.excerpt(Some(self.prev), record, &|j| public.get(j) == Some(&true), self.header.fields, focus)
    }

    /// The text of column `c`; when it is empty, an error "`name` is empty" with `help`.
    pub fn required(&self, c: C, help: &str, problems: &mut Problems) -> Option<String> {
        self.required_text(c, || help.to_owned(), problems).map(Cow::into_owned)
    }

    /// Reports each cell of a `text` column ([`Column::TEXT`]) where a letter was lost to a
    /// `?` ([`lost_letter`]): such text is never signed or published. The row is still read,
    /// so nothing else reports it missing.
    fn check_text(&self, problems: &mut Problems) {
        for (&c, _) in C::ALL.iter().zip(C::TEXT).filter(|(_, &text)| text) {
            let Some(field) = self.header.columns[c.index()] else { continue };
            let Some(raw) = self.record.get(field) else { continue };
            if memchr::memchr(b'?', raw).is_none() {
                continue;
            }
            if let Some(value) = self.get(c).filter(|v| lost_letter(v)) {
                problems.push(
                    self.error(c, tr!("load-lost-letter", column = c.name(), value = value.as_ref())).help(tr!("load-lost-letter-help")),
                );
            }
        }
    }

    /// Like [`Row::required`], borrowing the text when it needs no normalising, and making
    /// the help only when the field is empty.
    pub fn required_text(&self, c: C, help: impl FnOnce() -> String, problems: &mut Problems) -> Option<Cow<'_, str>> {
        let value = self.get(c);
        if value.is_none() {
            problems.push(self.error(c, tr!("load-cell-empty", column = c.name())).help(help()));
        }
        value
    }

    /// The date in column `c` (DESIGN §3: `YYYY-MM-DD` or `DD.MM.YYYY`); `None` when empty, or
    /// when it is not a date (then an error "`name`: …" is pushed).
    pub fn date(&self, c: C, problems: &mut Problems) -> Option<time::Date> {
        let text = self.get(c)?;
        parse_date(&text)
            .map_err(|e| problems.push(self.error(c, tr!("load-cell-error", column = c.name(), error = e)).help(date_hint())))
            .ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    columns! {
        enum Col {
            Number: "number" required,
            Name: "name" required,
            Note: "note" optional,
        }
    }

    type Rows = Vec<(u64, Vec<Option<String>>)>;

    /// Every column of a row.
    fn cells<C: Column>(r: &Row<'_, C>) -> Vec<Option<String>> {
        C::ALL.iter().map(|&c| r.get(c).map(|s| s.into_owned())).collect()
    }

    fn collect(text: &str) -> (Rows, Problems) {
        let file = CsvText::from_bytes("t.csv", text.as_bytes().to_vec()).unwrap();
        let mut problems = Problems::new();
        let mut rows = Vec::new();
        file.rows::<Col>(&mut problems, |r, _| rows.push((r.line, cells(r))));
        (rows, problems)
    }

    #[test]
    fn columns_are_declared_once_in_schema_order() {
        assert_eq!(Col::SCHEMA, [("number", true), ("name", true), ("note", false)]);
        assert_eq!(Col::ALL.iter().map(|&c| (c.index(), c.name())).collect::<Vec<_>>(), [(0, "number"), (1, "name"), (2, "note")]);
    }

    #[test]
    fn reads_bom_crlf_quotes_any_order_and_normalises() {
        let text = "\u{feff}Name , number,private\r\n\"Quliyev, Ə\",A-1,secret\r\n\" Ş\u{0065}\u{0301} \",B-2,x\r\n";
        let (rows, problems) = collect(text);
        assert!(!problems.has_errors(), "{problems:?}");
        assert_eq!(rows[0], (2, vec![Some("A-1".into()), Some("Quliyev, Ə".into()), None]));
        assert_eq!(rows[1].1[1].as_deref(), Some("Şé"));
        assert_eq!(rows[1].0, 3);
    }

    #[test]
    fn reports_missing_column_with_nearest_header() {
        let (_, problems) = collect("numbr,name\nA,B\n");
        let msg = problems.iter().next().unwrap().to_string();
        assert!(msg.contains("t.csv:1:1") && msg.contains("\"number\"") && msg.contains("numbr"), "{msg}");
    }

    #[test]
    fn reports_bad_utf8_with_line() {
        let err = CsvText::from_bytes("t.csv", b"number,name\nA,\xff\n".to_vec()).err().unwrap();
        assert!(err.to_string().starts_with("t.csv:2:3: the file is not valid UTF-8"), "{err}");
    }

    #[test]
    fn reports_wrong_field_count_and_goes_on() {
        let (rows, problems) = collect("number,name\nA,\"x\"y,z\nB,ok\n");
        assert_eq!(problems.error_count(), 1);
        assert!(problems.iter().next().unwrap().to_string().starts_with("t.csv:2:1"));
        assert_eq!(rows.len(), 1);
    }

    #[test]
    fn pieces_read_in_parallel_give_the_rows_lines_and_problems_of_one_pass() {
        // Quoted newlines and commas, doubled quotes, a quote inside an unquoted field, CRLF,
        // a blank line, a bad row: cut into pieces of every size, the same as one pass.
        let mut text = String::from("number,name,note\r\n");
        for i in 0..40 {
            let row = match i % 6 {
                0 => format!("N-{i},\"Line\none, \"\"two\"\"\",x\r\n"),
                1 => format!("N-{i},O\"Brien,\"a\nb\"\n"),
                2 => format!("N-{i},\"\",\"\"\n"),
                3 => "\n".to_owned(),
                4 => format!("N-{i},too,many,fields\n"),
                _ => format!("N-{i},Ə\u{0301},\"\"\n"),
            };
            text.push_str(&row);
        }
        let (rows, problems) = collect(&text);
        let file = CsvText::from_bytes("t.csv", text.as_bytes().to_vec()).unwrap();
        for piece in [1, 7, 30, 100, 1 << 20] {
            let mut found = Problems::new();
            let parallel = file.rows_in_pieces(piece, &mut found, || (), |_, r: &Row<'_, Col>, _| Some((r.line, cells(r))));
            assert_eq!(parallel, rows, "pieces of {piece} bytes");
            let messages = |p: &Problems| p.iter().map(ToString::to_string).collect::<Vec<_>>();
            assert_eq!(messages(&found), messages(&problems), "pieces of {piece} bytes");
        }
        assert_eq!(rows.len(), 27);
        assert_eq!(problems.error_count(), 6);
        assert!(record_pieces(Lexer::new(&text, b','), &text, 18, 2, 7).len() > 20, "the file was really cut");
    }

    #[test]
    fn excerpts_mask_private_cells_alike_in_one_pass_and_in_pieces() {
        // "phone" is not in the schema: private, and spread over two lines in every row.
        columns! {
            enum Col {
                Number: "number" required,
                Name: "name" required,
            }
        }
        let mut text = String::from("number,name,phone\r\n");
        for i in 0..30 {
            text.push_str(&format!("N-{i},Ad {i},\"+994 {i}\n5{i}\"\r\n"));
        }
        let file = CsvText::from_bytes("t.csv", text.as_bytes().to_vec()).unwrap();
        let excerpts = |p: &Problems| p.iter().map(|p| (p.to_string(), p.excerpt.clone())).collect::<Vec<_>>();
        let mut one = Problems::new();
        file.rows(&mut one, |r, p| p.push(r.error(Col::Name, "x")));
        for piece in [1, 7, 50, 1 << 20] {
            let mut found = Problems::new();
            file.rows_in_pieces(
                piece,
                &mut found,
                || (),
                |_, r, p| {
                    p.push(r.error(Col::Name, "x"));
                    None::<()>
                },
            );
            assert_eq!(excerpts(&found), excerpts(&one), "pieces of {piece} bytes");
        }
        let all = excerpts(&one);
        assert_eq!(all.len(), 30);
        assert!(all.iter().all(|(_, e)| !format!("{e:?}").contains("+994")), "{all:?}");
        let (message, excerpt) = &all[3];
        assert!(message.starts_with("t.csv:8:5: x"), "{message}");
        let e = excerpt.as_ref().unwrap();
        assert_eq!(e.first_line, 7);
        assert_eq!(e.lines, ["•••", "N-3,Ad 3,•••", "•••"]);
        assert_eq!(e.mark, (1, 4, 4));
    }

    #[test]
    fn excerpts_are_alike_in_pieces_when_lines_end_in_a_lone_cr_or_are_blank() {
        // Line breaks the reader takes as record ends that count no line (a lone CR), runs of
        // them (blank lines, which the reader skips), and pieces made only of them: the record
        // before a piece's first is the reader's, as in one pass.
        let mut text = String::from("number,name,phone\n");
        for i in 0..12 {
            text.push_str(&match i % 4 {
                0 => format!("N-{i},Ad,x\r"),
                1 => format!("N-{i},Ad,x\r\r\r\n\r\n"),
                2 => format!("\r\r\nN-{i},Ad\r\n\n"),
                _ => format!("N-{i},\"A\rd\",x\n"),
            });
        }
        let file = CsvText::from_bytes("t.csv", text.as_bytes().to_vec()).unwrap();
        let excerpts = |p: &Problems| p.iter().map(|p| (p.to_string(), p.excerpt.clone())).collect::<Vec<_>>();
        let mut one = Problems::new();
        file.rows(&mut one, |r, p| p.push(r.error(Col::Name, "x")));
        assert!(one.error_count() >= 12, "{one:?}");
        for piece in [1, 2, 3, 7, 50] {
            let mut found = Problems::new();
            file.rows_in_pieces(
                piece,
                &mut found,
                || (),
                |_, r, p| {
                    p.push(r.error(Col::Name, "x"));
                    None::<()>
                },
            );
            assert_eq!(excerpts(&found), excerpts(&one), "pieces of {piece} bytes");
        }
    }

    #[test]
    fn the_separator_is_the_header_rows_and_utf16_is_read() {
        assert_eq!(delimiter_of("number;surname;\"a,b,c\"\r\nX,Y,Z,W"), b';');
        assert_eq!(delimiter_of("number\tsurname\tgiven_name\n"), b'\t');
        assert_eq!(delimiter_of("number,surname;given_name\n"), b',', "a tie goes to the comma");
        assert_eq!(delimiter_of("number\n"), b',');
        let text = "number;name\r\nA-1;\"Quliyev; Ə\"\r\n";
        let be: Vec<u8> = [0xFE, 0xFF].into_iter().chain(text.encode_utf16().flat_map(u16::to_be_bytes)).collect();
        let file = CsvText::from_bytes("t.csv", be).unwrap();
        assert_eq!((file.text.as_str(), file.format.describe().as_str()), (text, "UTF-16 (big-endian), cells separated by ';'"));
        let mut rows = Vec::new();
        file.rows::<Col>(&mut Problems::new(), |r, _| rows.push(cells(r)));
        assert_eq!(rows, [vec![Some("A-1".to_owned()), Some("Quliyev; Ə".to_owned()), None]]);
        // A head cut inside a character still tells the format.
        let bom = [&[0xEF, 0xBB, 0xBF][..], "a;ə".as_bytes()].concat();
        assert_eq!(
            Format::sniff(&bom[..bom.len() - 1], true).map(|f| f.describe()).as_deref(),
            Some("UTF-8 with BOM, cells separated by ';'")
        );
        assert_eq!(Format::sniff(&bom[..bom.len() - 1], false), None);
        let err = CsvText::from_bytes("t.csv", vec![0xFF, 0xFE, b'a']).err().unwrap();
        assert!(err.to_string().contains("is not valid UTF-16 (little-endian)"), "{err}");
    }

    #[test]
    fn a_question_mark_between_letters_is_a_lost_letter() {
        assert!(lost_letter("M?mm?dova"));
        assert!(lost_letter("G?nay"));
        assert!(!lost_letter("Nə?"), "at the end of a word: punctuation");
        assert!(!lost_letter("a ? b"));
        assert!(!lost_letter("2?3"), "digits are not letters");
    }

    #[test]
    fn the_lexer_points_at_the_field_after_quotes() {
        let text = "a,b\n\"x,\"\"y\",2029-13-45\n";
        let start = text.find('"').unwrap();
        let (s, len) = Lexer::new(text, b',').field(start, 1);
        assert_eq!(&text[s..s + len], "2029-13-45");
    }
}

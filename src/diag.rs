//! Diagnostics shared by every stage: a [`Problem`] names the file, line and column, the value
//! found and what is wanted (DESIGN §2 "Errors name the file, line and column, the value, and
//! what is wanted"). Loaders never stop at the first problem: they push into [`Problems`] and
//! the command prints them all at once as one miette report, then exits 1.
//!
//! A report quotes the lines around a problem as an [`Excerpt`]: a CSV loader masks the
//! private cells (DESIGN §3: every column not named public) before it gets here, so no ID card
//! number, phone or address of the row or its neighbours reaches a terminal or a CI log; the
//! lines are cut to the terminal's width around the marked text. Columns count characters
//! from 1 in the heading and in the excerpt alike (DESIGN §2).

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Where a problem is: a file and, when known, a 1-based line and column and the byte span of
/// the offending text in that file. In a workbook's sheet (`sheet` set) the line is the sheet's
/// row and the column its column (A is 1; 0 for the whole row), shown as Excel names the cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct At {
    /// The file, as given relative to the site root where possible.
    pub path: PathBuf,
    /// 1-based line (or row of the sheet), 0 when the problem concerns the whole file.
    pub line: u64,
    /// 1-based column in characters (or column of the sheet), 0 when unknown.
    pub column: u64,
    /// Byte offset and length of the offending text, for the source excerpt.
    pub span: Option<(usize, usize)>,
    /// The sheet, when the file is a workbook (`.xlsx`).
    pub sheet: Option<Arc<str>>,
}

impl At {
    /// A whole file.
    pub fn file(path: impl Into<PathBuf>) -> At {
        At { path: path.into(), line: 0, column: 0, span: None, sheet: None }
    }

    /// A position found from a byte offset into `text` (the file's contents).
    pub fn offset(path: impl Into<PathBuf>, text: &str, offset: usize, len: usize) -> At {
        let offset = offset.min(text.len());
        let before = &text[..floor_char_boundary(text, offset)];
        let line = before.matches('\n').count() as u64 + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() as u64 + 1;
        At { path: path.into(), line, column, span: Some((offset, len)), sheet: None }
    }
}

/// A table's file and, when the file is a workbook, the sheet read: where its rows are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The file, relative to the site root.
    pub path: PathBuf,
    /// The sheet, for a workbook.
    pub sheet: Option<Arc<str>>,
}

impl Place {
    /// The CSV file `path`.
    pub fn file(path: impl Into<PathBuf>) -> Place {
        Place { path: path.into(), sheet: None }
    }

    /// The row that starts line `line` of a CSV file (column 1), or row `line` of the sheet.
    pub fn row(&self, line: u64) -> At {
        let column = if self.sheet.is_some() { 0 } else { 1 };
        At { path: self.path.clone(), line, column, span: None, sheet: self.sheet.clone() }
    }
}

/// The letters Excel names column `column` with (1 is A, 27 is AA).
pub fn column_letters(column: u64) -> String {
    let mut letters = Vec::new();
    let mut n = column;
    while n > 0 {
        n -= 1;
        letters.push(b'A' + (n % 26) as u8);
        n /= 26;
    }
    letters.iter().rev().map(|&b| char::from(b)).collect()
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

impl fmt::Display for At {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(sheet) = &self.sheet {
            let path = self.path.display();
            return match (self.line, self.column) {
                (0, _) => f.write_str(&tr!("report-sheet", path = path.to_string(), sheet = sheet.to_string())),
                (row, 0) => f.write_str(&tr!("report-sheet-row", path = path.to_string(), sheet = sheet.to_string(), row = row)),
                (row, column) => f.write_str(&tr!(
                    "report-sheet-cell",
                    path = path.to_string(),
                    sheet = sheet.to_string(),
                    cell = format!("{}{row}", column_letters(column))
                )),
            };
        }
        write!(f, "{}", self.path.display())?;
        if self.line > 0 {
            write!(f, ":{}", self.line)?;
            if self.column > 0 {
                write!(f, ":{}", self.column)?;
            }
        }
        Ok(())
    }
}

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Printed, does not stop the build (e.g. a rule's timing was missed).
    Warning,
    /// Stops the build: nothing is written, exit code 1.
    Error,
}

/// One thing wrong with the input.
#[derive(Debug, Clone)]
pub struct Problem {
    /// Error or warning.
    pub severity: Severity,
    /// Where, if it can be pinned to a file.
    pub at: Option<At>,
    /// What is wrong, in one line.
    pub message: String,
    /// What would be right, or how to fix it.
    pub help: Option<String>,
    /// The file's text, for an excerpt in the report (files without private data).
    pub source: Option<Arc<str>>,
    /// The lines to quote, already masked (CSV files); preferred over `source`.
    pub excerpt: Option<Excerpt>,
}

/// Lines of a file quoted in a report, private text already masked, with the marked text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excerpt {
    /// Number of the first line (1-based).
    pub first_line: u64,
    /// The lines, without line breaks.
    pub lines: Vec<String>,
    /// The marked text: index into `lines`, first character (0-based) and length in characters.
    pub mark: (usize, usize, usize),
}

/// What stands for a private value in an excerpt.
pub const MASK: &str = "•••";

impl Excerpt {
    /// The line of `text` holding byte `offset`, with `context` lines on each side, unmasked
    /// (for files that hold no private data: settings, pages); `len` bytes are marked, up to
    /// the end of the line.
    pub fn around(text: &str, offset: usize, len: usize, context: usize) -> Excerpt {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
        let line = text[..line_start].matches('\n').count();
        let all: Vec<&str> = text.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l)).collect();
        let first = line.saturating_sub(context);
        let last = (line + context).min(all.len().saturating_sub(1));
        let lines: Vec<String> = all[first..=last.max(first)].iter().map(|l| (*l).to_owned()).collect();
        let start = text[line_start..offset].chars().count();
        let end = floor_char_boundary(text, (offset + len).min(text.len()));
        let marked = text[offset..end].split('\n').next().unwrap_or("").trim_end_matches('\r').chars().count();
        Excerpt { first_line: first as u64 + 1, lines, mark: (line - first, start, marked) }
    }

    /// The same lines cut to `width` characters around the marked text: each line keeps the
    /// same window of characters (so that the columns of the lines still match), and `…`
    /// stands where text was cut.
    pub fn cut(&self, width: usize) -> Excerpt {
        let width = width.max(20);
        let (line, start, len) = self.mark;
        let longest = self.lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
        if longest <= width {
            return self.clone();
        }
        // The window starts a third of the width before the mark (or at the line start).
        let from = if start + len.min(width / 2) < width { 0 } else { start - width / 3 };
        let lines = self
            .lines
            .iter()
            .map(|l| {
                let chars: Vec<char> = l.chars().collect();
                let end = (from + width).min(chars.len());
                let mut shown: String = chars.get(from..end).map(|c| c.iter().collect()).unwrap_or_default();
                if from > 0 && !shown.is_empty() {
                    shown.replace_range(..shown.chars().next().map_or(0, char::len_utf8), "…");
                }
                if end < chars.len() {
                    shown.pop();
                    shown.push('…');
                }
                shown
            })
            .collect();
        let start = start - from;
        let len = len.min((width - 1).saturating_sub(start));
        Excerpt { first_line: self.first_line, lines, mark: (line, start, len) }
    }
}

impl Problem {
    /// A new error with a message and no position.
    pub fn error(message: impl Into<String>) -> Problem {
        Problem { severity: Severity::Error, at: None, message: message.into(), help: None, source: None, excerpt: None }
    }

    /// A new warning with a message and no position.
    pub fn warning(message: impl Into<String>) -> Problem {
        Problem { severity: Severity::Warning, ..Problem::error(message) }
    }

    /// Pins the problem to a place.
    pub fn at(mut self, at: At) -> Problem {
        self.at = Some(at);
        self
    }

    /// Adds a hint: what is wanted.
    pub fn help(mut self, help: impl Into<String>) -> Problem {
        self.help = Some(help.into());
        self
    }

    /// Attaches the file text so the report can quote the line (a file with no private data).
    pub fn with_source(mut self, source: Arc<str>) -> Problem {
        self.source = Some(source);
        self
    }

    /// Attaches the lines to quote, private text already masked.
    pub fn with_excerpt(mut self, excerpt: Excerpt) -> Problem {
        self.excerpt = Some(excerpt);
        self
    }

    /// The excerpt the report quotes, cut to `width`.
    fn quote(&self, width: usize) -> Option<Excerpt> {
        let excerpt = match (&self.excerpt, &self.source, &self.at) {
            (Some(e), _, _) => e.clone(),
            (None, Some(text), Some(At { span: Some((offset, len)), .. })) => Excerpt::around(text, *offset, *len, 1),
            _ => return None,
        };
        let gutter = (excerpt.first_line as usize + excerpt.lines.len()).to_string().len() + 4;
        Some(excerpt.cut(width.saturating_sub(gutter)))
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(at) = &self.at {
            write!(f, "{at}: ")?;
        }
        f.write_str(&self.message)?;
        if let Some(help) = &self.help {
            write!(f, " ({help})")?;
        }
        Ok(())
    }
}

/// Every problem found so far, errors and warnings, in the order they were found.
#[derive(Debug, Default, Clone)]
pub struct Problems {
    items: Vec<Problem>,
    /// Blank rows skipped, by file.
    blank_rows: std::collections::BTreeMap<PathBuf, usize>,
}

impl Problems {
    /// No problems yet.
    pub fn new() -> Problems {
        Problems::default()
    }

    /// Records a problem.
    pub fn push(&mut self, problem: Problem) {
        self.items.push(problem);
    }

    /// Records every problem of another collection.
    pub fn extend(&mut self, other: Problems) {
        self.items.extend(other.items);
        for (path, n) in other.blank_rows {
            *self.blank_rows.entry(path).or_default() += n;
        }
    }

    /// Counts a blank row of a table, skipped (not an error: spreadsheets leave them).
    pub fn skip_blank_row(&mut self, path: &Path) {
        match self.blank_rows.get_mut(path) {
            Some(n) => *n += 1,
            None => {
                self.blank_rows.insert(path.to_owned(), 1);
            }
        }
    }

    /// The blank rows skipped, by file, in the order of the files' paths.
    pub fn blank_rows(&self) -> impl Iterator<Item = (&Path, usize)> {
        self.blank_rows.iter().map(|(p, n)| (p.as_path(), *n))
    }

    /// All problems, errors and warnings.
    pub fn iter(&self) -> impl Iterator<Item = &Problem> {
        self.items.iter()
    }

    /// Number of errors (warnings excluded).
    pub fn error_count(&self) -> usize {
        self.items.iter().filter(|p| p.severity == Severity::Error).count()
    }

    /// Number of warnings.
    pub fn warning_count(&self) -> usize {
        self.items.len() - self.error_count()
    }

    /// True when there is at least one error.
    pub fn has_errors(&self) -> bool {
        self.error_count() > 0
    }

    /// Sorts by file, line and column so a report reads top to bottom, errors and warnings mixed.
    pub fn sort(&mut self) {
        self.items.sort_by(|a, b| {
            let key = |p: &Problem| p.at.as_ref().map(|at| (at.path.clone(), at.line, at.column));
            key(a).cmp(&key(b))
        });
    }

    /// Renders every problem as a miette report: a header with `file:line:column`, the lines
    /// around it (private cells masked) cut to the width of the terminal, the value
    /// underlined, and the hint. `color` turns ANSI colours on.
    pub fn render(&self, color: bool) -> String {
        self.render_width(color, report_width())
    }

    /// Like [`Problems::render`], lines cut to `width` characters.
    pub fn render_width(&self, color: bool, width: usize) -> String {
        use miette::{GraphicalReportHandler, GraphicalTheme};
        let theme = if color { GraphicalTheme::unicode() } else { GraphicalTheme::unicode_nocolor() };
        let handler = GraphicalReportHandler::new_themed(theme).with_context_lines(1);
        // A cell of a sheet is named as Excel names it ("cell H21"), not by line and column.
        let cells = handler.clone().without_primary_span_start();
        let mut out = String::new();
        for problem in &self.items {
            let report = Report::new(problem, width);
            let in_sheet = problem.at.as_ref().is_some_and(|at| at.sheet.is_some());
            let _ = if in_sheet { &cells } else { &handler }.render_report(&mut out, &report);
        }
        localize_help_heading(&out)
    }
}

/// miette writes the hint's heading `help:` in English: in the current language instead (a
/// line whose text starts with `help:`, after indentation and colour codes).
fn localize_help_heading(report: &str) -> String {
    let heading = format!("{}:", tr!("report-help"));
    if heading == "help:" {
        return report.to_owned();
    }
    let mut out = String::with_capacity(report.len());
    for line in report.split_inclusive('\n') {
        let mut rest = line.trim_start_matches(' ');
        while let Some(after) = rest.strip_prefix('\u{1b}') {
            rest = after.find('m').map_or(after, |m| &after[m + 1..]);
        }
        match rest.strip_prefix("help:") {
            Some(_) => {
                let at = line.len() - rest.len();
                out.push_str(&line[..at]);
                out.push_str(&heading);
                out.push_str(&line[at + "help:".len()..]);
            }
            None => out.push_str(line),
        }
    }
    out
}

/// The width reports are cut to: the terminal's when stderr is one, else `COLUMNS`, else 100.
pub fn report_width() -> usize {
    use std::io::IsTerminal;
    if std::io::stderr().is_terminal() {
        // SAFETY: TIOCGWINSZ fills a winsize struct we own; a failure leaves it zeroed.
        let mut size: libc::winsize = unsafe { std::mem::zeroed() };
        if unsafe { libc::ioctl(libc::STDERR_FILENO, libc::TIOCGWINSZ, &mut size) } == 0 && size.ws_col > 0 {
            return usize::from(size.ws_col);
        }
    }
    std::env::var("COLUMNS").ok().and_then(|c| c.trim().parse().ok()).filter(|&c: &usize| c > 0).unwrap_or(100)
}

/// Adapter from [`Problem`] to miette's [`miette::Diagnostic`].
#[derive(Debug)]
struct Report {
    title: String,
    severity: miette::Severity,
    help: Option<String>,
    source: Option<Quoted>,
    label: Option<miette::LabeledSpan>,
}

impl Report {
    fn new(p: &Problem, width: usize) -> Report {
        let title = match &p.at {
            Some(at) => format!("{at}: {}", p.message),
            None => p.message.clone(),
        };
        let (source, label) = match (&p.at, p.quote(width)) {
            (Some(at), Some(excerpt)) if at.line > 0 => {
                let name = if at.sheet.is_some() { at.to_string() } else { display_path(&at.path) };
                let quoted = Quoted::new(name, &excerpt, at);
                let label = miette::LabeledSpan::at(quoted.mark.0..quoted.mark.0 + quoted.mark.1.max(1), tr!("report-here"));
                (Some(quoted), Some(label))
            }
            _ => (None, None),
        };
        let severity = match p.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        };
        Report { title, severity, help: p.help.clone(), source, label }
    }
}

/// An excerpt as miette reads it: its lines numbered from the file's, and the position in the
/// header the problem's own (line and column in characters), whatever was cut or masked.
#[derive(Debug)]
struct Quoted {
    name: String,
    text: String,
    /// 0-based number of the first line.
    first_line: usize,
    line_count: usize,
    /// 0-based line and column of the problem.
    at: (usize, usize),
    /// Byte offset and length of the mark in `text`.
    mark: (usize, usize),
}

impl Quoted {
    fn new(name: String, e: &Excerpt, at: &At) -> Quoted {
        let (line, start, len) = e.mark;
        let mut text = String::new();
        let mut mark = (0, 0);
        for (i, l) in e.lines.iter().enumerate() {
            if i > 0 {
                text.push('\n');
            }
            if i == line {
                let byte = |n: usize| l.char_indices().nth(n).map_or(l.len(), |(b, _)| b);
                let (from, to) = (byte(start), byte(start + len));
                mark = (text.len() + from, to - from);
            }
            text.push_str(l);
        }
        Quoted {
            name,
            text,
            first_line: e.first_line.saturating_sub(1) as usize,
            line_count: e.lines.len(),
            at: (at.line.saturating_sub(1) as usize, at.column.saturating_sub(1) as usize),
            mark,
        }
    }
}

impl miette::SourceCode for Quoted {
    fn read_span<'a>(
        &'a self,
        _span: &miette::SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn miette::SpanContents<'a> + 'a>, miette::MietteError> {
        // Without context, miette asks where the problem is (for the header): the problem's
        // own line and column. With context, the lines to print.
        let (line, column) = if before == 0 && after == 0 { self.at } else { (self.first_line, 0) };
        Ok(Box::new(miette::MietteSpanContents::new_named(
            self.name.clone(),
            self.text.as_bytes(),
            (0, self.text.len()).into(),
            line,
            column,
            self.line_count,
        )))
    }
}

fn display_path(path: &Path) -> String {
    path.display().to_string()
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.title)
    }
}

impl std::error::Error for Report {}

impl miette::Diagnostic for Report {
    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help.as_ref().map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.source.as_ref().map(|s| s as &dyn miette::SourceCode)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        self.label.clone().map(|l| Box::new(std::iter::once(l)) as Box<dyn Iterator<Item = _>>)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offset_gives_line_and_character_column() {
        let text = "a,b\nŞəki,2029-13-45\n";
        let off = text.find("2029").unwrap();
        let at = At::offset("data/x.csv", text, off, 10);
        assert_eq!((at.line, at.column), (2, 6));
        assert_eq!(at.to_string(), "data/x.csv:2:6");
    }

    #[test]
    fn a_place_in_a_sheet_is_named_as_excel_names_it() {
        let letters: Vec<String> = [1, 8, 26, 27, 52, 702, 703].into_iter().map(column_letters).collect();
        assert_eq!(letters, ["A", "H", "Z", "AA", "AZ", "ZZ", "AAA"]);
        let place = Place { path: "data/x.xlsx".into(), sheet: Some(Arc::from("Vərəq 1")) };
        assert_eq!(place.row(21).to_string(), "data/x.xlsx, sheet \"Vərəq 1\", row 21");
        assert_eq!(At { column: 8, ..place.row(21) }.to_string(), "data/x.xlsx, sheet \"Vərəq 1\", cell H21");
        assert_eq!(At { line: 0, ..place.row(21) }.to_string(), "data/x.xlsx, sheet \"Vərəq 1\"");
        assert_eq!(Place::file("data/x.csv").row(21).to_string(), "data/x.csv:21:1");
        // The report's heading and the excerpt's name the cell; the excerpt numbers the rows.
        let mut problems = Problems::new();
        let excerpt = Excerpt { first_line: 20, lines: vec!["a,b".into(), "c,BAD".into()], mark: (1, 2, 3) };
        problems.push(Problem::error("bad").at(At { column: 2, ..place.row(21) }).with_excerpt(excerpt));
        let out = problems.render_width(false, 100);
        assert!(out.contains("× data/x.xlsx, sheet \"Vərəq 1\", cell B21: bad"), "{out}");
        assert!(out.contains("╭─[data/x.xlsx, sheet \"Vərəq 1\", cell B21]") && out.contains(" 21 │ c,BAD"), "{out}");
    }

    #[test]
    fn render_quotes_file_line_and_help() {
        let text: Arc<str> = Arc::from("number,issued_on\nA-1,2029-13-45\n");
        let off = text.find("2029").unwrap();
        let mut problems = Problems::new();
        problems.push(
            Problem::error("issued_on: \"2029-13-45\" is not a date")
                .at(At::offset("data/certificates.csv", &text, off, 10))
                .help("expected YYYY-MM-DD or DD.MM.YYYY")
                .with_source(text.clone()),
        );
        let out = problems.render(false);
        assert!(out.contains("data/certificates.csv:2:5"), "{out}");
        assert!(out.contains("A-1,2029-13-45"), "{out}");
        assert!(out.contains("expected YYYY-MM-DD or DD.MM.YYYY"), "{out}");
    }

    #[test]
    fn header_and_excerpt_count_characters_alike() {
        let text: Arc<str> = Arc::from("title = \"Şəki\"\nname = \"Ağdam Əliyev\" x\n");
        let off = text.find(" x").unwrap() + 1;
        let mut problems = Problems::new();
        problems.push(Problem::error("bad").at(At::offset("s.toml", &text, off, 1)).with_source(text.clone()));
        let out = problems.render_width(false, 100);
        assert!(out.contains("s.toml:2:23: bad") && out.contains("[s.toml:2:23]"), "{out}");
    }

    #[test]
    fn long_lines_are_cut_around_the_mark() {
        let line = format!("{},MARK,{}", "a".repeat(200), "b".repeat(200));
        let e = Excerpt { first_line: 1, lines: vec![line.clone(), line], mark: (1, 201, 4) };
        let cut = e.cut(60);
        assert!(cut.lines.iter().all(|l| l.chars().count() <= 60), "{cut:?}");
        let (i, start, len) = cut.mark;
        let shown: String = cut.lines[i].chars().skip(start).take(len).collect();
        assert_eq!(shown, "MARK");
        assert!(cut.lines[0].starts_with('…') && cut.lines[0].ends_with('…'));
    }
}

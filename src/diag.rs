//! Diagnostics shared by every stage: a [`Problem`] names the file, line and column, the value
//! found and what is wanted (DESIGN §2 "Errors name the file, line and column, the value, and
//! what is wanted"). Loaders never stop at the first problem: they push into [`Problems`] and
//! the command prints them all at once as one miette report, then exits 1.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Where a problem is: a file and, when known, a 1-based line and column and the byte span of
/// the offending text in that file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct At {
    /// The file, as given relative to the site root where possible.
    pub path: PathBuf,
    /// 1-based line, 0 when the problem concerns the whole file.
    pub line: u64,
    /// 1-based column in characters, 0 when unknown.
    pub column: u64,
    /// Byte offset and length of the offending text, for the source excerpt.
    pub span: Option<(usize, usize)>,
}

impl At {
    /// A whole file.
    pub fn file(path: impl Into<PathBuf>) -> At {
        At { path: path.into(), line: 0, column: 0, span: None }
    }

    /// A position found from a byte offset into `text` (the file's contents).
    pub fn offset(path: impl Into<PathBuf>, text: &str, offset: usize, len: usize) -> At {
        let offset = offset.min(text.len());
        let before = &text[..floor_char_boundary(text, offset)];
        let line = before.matches('\n').count() as u64 + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() as u64 + 1;
        At { path: path.into(), line, column, span: Some((offset, len)) }
    }
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

impl fmt::Display for At {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
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
    /// The file's text, for an excerpt in the report.
    pub source: Option<Arc<str>>,
}

impl Problem {
    /// A new error with a message and no position.
    pub fn error(message: impl Into<String>) -> Problem {
        Problem { severity: Severity::Error, at: None, message: message.into(), help: None, source: None }
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

    /// Attaches the file text so the report can quote the line.
    pub fn with_source(mut self, source: Arc<str>) -> Problem {
        self.source = Some(source);
        self
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

    /// Renders every problem as a miette report: a header with `file:line:column`, the source
    /// line with the value underlined, and the hint. `color` turns ANSI colours on.
    pub fn render(&self, color: bool) -> String {
        use miette::{GraphicalReportHandler, GraphicalTheme};
        let theme = if color { GraphicalTheme::unicode() } else { GraphicalTheme::unicode_nocolor() };
        let handler = GraphicalReportHandler::new_themed(theme).with_context_lines(1);
        let mut out = String::new();
        for problem in &self.items {
            let report = Report::from(problem);
            let _ = handler.render_report(&mut out, &report);
        }
        out
    }
}

/// Adapter from [`Problem`] to miette's [`miette::Diagnostic`].
#[derive(Debug)]
struct Report {
    title: String,
    severity: miette::Severity,
    help: Option<String>,
    source: Option<miette::NamedSource<Arc<str>>>,
    label: Option<miette::LabeledSpan>,
}

impl From<&Problem> for Report {
    fn from(p: &Problem) -> Report {
        let title = match &p.at {
            Some(at) => format!("{at}: {}", p.message),
            None => p.message.clone(),
        };
        let (source, label) = match (&p.at, &p.source) {
            (Some(at @ At { span: Some((offset, len)), .. }), Some(text)) => (
                Some(miette::NamedSource::new(display_path(&at.path), text.clone())),
                Some(miette::LabeledSpan::at(*offset..offset + (*len).max(1), "here")),
            ),
            _ => (None, None),
        };
        let severity = match p.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        };
        Report { title, severity, help: p.help.clone(), source, label }
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
}

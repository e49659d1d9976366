//! Stage "load": a table given as an Excel workbook (DESIGN §3 "Excel workbooks"): any data
//! table may be `<name>.xlsx` instead of `<name>.csv`. Its first sheet (or the one `[sheets]`
//! of site.toml names for the table) is read into the very text a CSV file of it would be
//! ([`CsvText`], with the [`Sheet`] it came from), so the same checks run on the same cells and
//! a workbook and its CSV give the same site. A cell is the text a CSV file would hold: a number
//! as it was typed (`85`, `17.5`; no `85.0`), a date cell as `YYYY-MM-DD`, a time of day as
//! `HH:MM`; text as it is. Rows that are blank in every cell are skipped, as blank lines of a
//! CSV file are. Problems name the sheet and the cell as Excel does (`cell H21`).

use std::borrow::Cow;
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use calamine::{DataRef, ExcelDateTime, Reader, SheetType, SheetVisible, Xlsx};

use crate::config::Sheets;
use crate::diag::{At, Problem, Problems};
use crate::load::csvfile::{CsvText, Encoding, Format, Sheet, SHEET_CR, SHEET_LF};

/// The workbook of the table whose CSV file is `rel`: `data/certificates.csv` →
/// `data/certificates.xlsx`.
pub fn workbook_path(rel: &str) -> String {
    format!("{}.xlsx", rel.strip_suffix(".csv").unwrap_or(rel))
}

/// Reads the table whose CSV file is `rel` (each data table is optional, DESIGN §3): from that
/// file, or from the workbook of the same name ([`workbook_path`]), its sheet named in
/// `sheets` for the table or else its first. A table given both ways is an error naming both
/// files; the CSV file is read then (what was read before workbooks were), so that its rows
/// are still known to the other tables.
pub fn read_table(root: &Path, rel: &str, sheets: &Sheets, problems: &mut Problems) -> Option<CsvText> {
    let book = workbook_path(rel);
    let (csv, xlsx) = (root.join(rel).exists(), root.join(&book).exists());
    if csv && xlsx {
        problems.push(
            Problem::error(tr!("load-table-twice", csv = rel, workbook = &book)).at(At::file(&book)).help(tr!("load-table-twice-help")),
        );
    }
    if xlsx && !csv {
        return read(root, &book, sheets.of(rel)).map_err(|p| problems.push(*p)).ok();
    }
    CsvText::read_optional(root, rel, problems)
}

/// Reads the workbook `root/rel`: its sheet `sheet`, or else its first.
pub fn read(root: &Path, rel: &str, sheet: Option<&str>) -> Result<CsvText, Box<Problem>> {
    let bytes = std::fs::read(root.join(rel))
        .map_err(|e| Box::new(Problem::error(tr!("config-cannot-read", path = rel, error = e.to_string())).at(At::file(rel))))?;
    from_bytes(rel, bytes, sheet)
}

/// The table in the workbook `bytes` (shown as `rel`): its sheet `sheet`, or else its first.
pub fn from_bytes(rel: &str, bytes: Vec<u8>, sheet: Option<&str>) -> Result<CsvText, Box<Problem>> {
    let mut book = open(rel, bytes)?;
    let name = sheet_to_read(rel, &book, sheet)?;
    let unreadable = |e: calamine::XlsxError| {
        Box::new(
            Problem::error(tr!("load-sheet-unreadable", name = &name, error = e.to_string()))
                .at(At::file(rel))
                .help(tr!("load-save-workbook-again")),
        )
    };
    let mut cells = book.worksheet_cells_reader(&name).map_err(unreadable)?;
    let mut table = Table::default();
    while let Some(cell) = cells.next_cell().map_err(unreadable)? {
        let (row, column) = cell.get_position();
        if !table.add(row, column, cell.get_value()) {
            return Err(Box::new(
                Problem::error(tr!("load-sheet-out-of-order", name = &name)).at(At::file(rel)).help(tr!("load-save-workbook-again")),
            ));
        }
    }
    Ok(table.into_csv(rel, &name))
}

/// The table of sheet `name` of the workbook `rel` whose text cells are `cells`: (row, column,
/// text), 0-based, row by row and left to right as a workbook stores them; `None` when a cell
/// comes out of that order. What [`from_bytes`] makes of the cells it reads, for the fuzz
/// target, which gives its own.
pub fn from_text_cells<'c>(rel: &str, name: &str, cells: impl IntoIterator<Item = (u32, u32, &'c str)>) -> Option<CsvText> {
    let mut table = Table::default();
    for (row, column, text) in cells {
        if !table.add(row, column, &DataRef::SharedString(text)) {
            return None;
        }
    }
    Some(table.into_csv(rel, name))
}

/// The workbook in `bytes`.
fn open(rel: &str, bytes: Vec<u8>) -> Result<Xlsx<Cursor<Vec<u8>>>, Box<Problem>> {
    Xlsx::new(Cursor::new(bytes)).map_err(|e| {
        Box::new(Problem::error(tr!("load-not-a-workbook", error = e.to_string())).at(At::file(rel)).help(tr!("load-not-a-workbook-help")))
    })
}

/// The name of the sheet to read: `sheet` when the workbook has it, else its first sheet
/// shown as a tab (a worksheet, not hidden).
fn sheet_to_read(rel: &str, book: &Xlsx<Cursor<Vec<u8>>>, sheet: Option<&str>) -> Result<String, Box<Problem>> {
    let sheets = book.sheets_metadata();
    let names = || sheets.iter().map(|s| format!("\"{}\"", s.name)).collect::<Vec<_>>().join(", ");
    match sheet {
        Some(wanted) => sheets.iter().find(|s| s.name == wanted).map(|s| s.name.clone()).ok_or_else(|| {
            Box::new(
                Problem::error(tr!("load-no-such-sheet", name = wanted))
                    .at(At::file(rel))
                    .help(tr!("load-no-such-sheet-help", sheets = names())),
            )
        }),
        None => sheets
            .iter()
            .find(|s| s.typ == SheetType::WorkSheet && s.visible == SheetVisible::Visible)
            .map(|s| s.name.clone())
            .ok_or_else(|| {
                Box::new(Problem::error(tr!("load-no-worksheet")).at(At::file(rel)).help(tr!("load-no-worksheet-help", sheets = names())))
            }),
    }
}

/// What `certsite check` says of each workbook a table was read from (path relative to
/// `root`, and `sheet "<name>"`), in path order: the data tables' workbooks below `data/` and
/// each session folder of `data/interviews/`. A workbook that cannot be read is left out (its
/// error comes from the loader).
pub fn sheets_read(root: &Path, sheets: &Sheets) -> Vec<(String, String)> {
    let mut tables: Vec<String> =
        ["data/certificates.csv", "data/decisions.csv", crate::load::interviews::HOLIDAYS].iter().map(|t| (*t).to_owned()).collect();
    if let Ok(entries) = std::fs::read_dir(root.join(crate::load::interviews::DIR)) {
        for entry in entries.flatten().filter(|e| e.path().is_dir()) {
            let Some(session) = entry.file_name().to_str().map(str::to_owned) else { continue };
            for table in crate::load::interviews::TABLES {
                tables.push(format!("{}/{session}/{table}", crate::load::interviews::DIR));
            }
        }
    }
    let mut read: Vec<(String, String)> = tables
        .iter()
        .filter_map(|rel| {
            let book = workbook_path(rel);
            let bytes = std::fs::read(root.join(&book)).ok()?;
            let name = sheet_to_read(&book, &open(&book, bytes).ok()?, sheets.of(rel)).ok()?;
            Some((book, tr!("load-sheet-read", name = name)))
        })
        .collect();
    read.sort();
    read
}

/// The text of a sheet's cells, built row by row as the cells come (a workbook keeps them in
/// that order): see [`Sheet`] for its layout.
#[derive(Default)]
struct Table {
    text: String,
    /// Each row written: where it ends in `text` and its number of fields.
    rows: Vec<(usize, usize)>,
    /// The row being read (0-based) and its cells so far: (column, text).
    row: Option<u32>,
    cells: Vec<(u32, String)>,
    /// The rows (0-based) of the first and the last row written.
    first: Option<u32>,
    last: u32,
}

impl Table {
    /// Adds the cell at `row`, `column` (0-based); false when it comes before a cell already
    /// added.
    fn add(&mut self, row: u32, column: u32, value: &DataRef<'_>) -> bool {
        match self.row {
            Some(r) if row < r => return false,
            Some(r) if row == r => {
                if self.cells.last().is_some_and(|&(c, _)| column <= c) {
                    return false;
                }
            }
            _ => {
                self.flush();
                self.row = Some(row);
            }
        }
        let text = cell_text(value);
        if !text.trim().is_empty() {
            self.cells.push((column, text.into_owned()));
        }
        true
    }

    /// Writes the row being read, unless it is blank.
    fn flush(&mut self) {
        let (Some(row), Some(&(last_column, _))) = (self.row, self.cells.last()) else { return };
        match self.first {
            None => self.first = Some(row),
            // The line break that ends the row before, and an empty line for each blank row.
            Some(_) => self.text.extend(std::iter::repeat_n('\n', (row - self.last) as usize)),
        }
        self.last = row;
        let mut cells = self.cells.drain(..).peekable();
        for column in 0..=last_column {
            if column > 0 {
                self.text.push(',');
            }
            if let Some((_, text)) = cells.next_if(|&(c, _)| c == column) {
                push_field(&mut self.text, &text);
            }
        }
        self.rows.push((self.text.len(), last_column as usize + 1));
    }

    /// The table, read from sheet `name` of the workbook `rel`.
    fn into_csv(self, rel: &str, name: &str) -> CsvText {
        let (text, first_row) = self.finish();
        CsvText {
            path: PathBuf::from(rel),
            text,
            format: Format { encoding: Encoding::Utf8, delimiter: b',' },
            sheet: Some(Sheet { name: Arc::from(name), first_row }),
        }
    }

    /// The text, every row with as many fields as the widest (as Excel saves a CSV file), and
    /// the sheet's row (1-based) of its first line.
    fn finish(mut self) -> (String, u64) {
        self.flush();
        let first_row = u64::from(self.first.unwrap_or(0)) + 1;
        let width = self.rows.iter().map(|&(_, n)| n).max().unwrap_or(0);
        if !self.text.is_empty() {
            self.text.push('\n');
        }
        if self.rows.iter().all(|&(_, n)| n == width) {
            return (self.text, first_row);
        }
        let mut text = String::with_capacity(self.text.len() + self.rows.len());
        let mut from = 0;
        for &(end, fields) in &self.rows {
            text.push_str(&self.text[from..end]);
            text.extend(std::iter::repeat_n(',', width - fields));
            from = end;
        }
        text.push_str(&self.text[from..]);
        (text, first_row)
    }
}

/// Writes `value` as a field: quoted when it holds a `,` or a `"` (doubled), line breaks as
/// [`SHEET_LF`] and [`SHEET_CR`] so that the row stays one line.
fn push_field(text: &mut String, value: &str) {
    let quoted = value.contains([',', '"']);
    if quoted {
        text.push('"');
    }
    for c in value.chars() {
        match c {
            '"' => text.push_str("\"\""),
            '\n' => text.push(SHEET_LF),
            '\r' => text.push(SHEET_CR),
            // The two stand-ins never stand for themselves (XML cannot hold them).
            SHEET_LF | SHEET_CR => text.push(char::REPLACEMENT_CHARACTER),
            c => text.push(c),
        }
    }
    if quoted {
        text.push('"');
    }
}

/// The text a CSV file saved from the sheet would have for a cell.
fn cell_text<'v>(value: &'v DataRef<'_>) -> Cow<'v, str> {
    match value {
        DataRef::Empty => Cow::Borrowed(""),
        DataRef::String(s) => Cow::Borrowed(s),
        DataRef::SharedString(s) => Cow::Borrowed(s),
        DataRef::Int(n) => Cow::Owned(n.to_string()),
        DataRef::Float(x) => Cow::Owned(number(*x)),
        DataRef::Bool(b) => Cow::Borrowed(if *b { "TRUE" } else { "FALSE" }),
        DataRef::DateTime(d) => Cow::Owned(date_time(d)),
        DataRef::DateTimeIso(s) => Cow::Owned(iso_date_time(s)),
        DataRef::DurationIso(s) => Cow::Borrowed(s),
        DataRef::Error(e) => Cow::Owned(e.to_string()),
    }
}

/// A number as Excel shows it with its 15 significant digits, without a useless fraction or
/// exponent: `85`, `17.5`, `0.3` (not `85.0`, nor `0.30000000000000004` for a sum).
fn number(x: f64) -> String {
    if !x.is_finite() {
        return x.to_string();
    }
    let rounded: f64 = format!("{x:.14e}").parse().unwrap_or(x);
    if rounded == 0.0 {
        return "0".to_owned();
    }
    rounded.to_string()
}

/// A date cell as `YYYY-MM-DD`, a time of day (a value below 1) as `HH:MM`, both when it has
/// both (`YYYY-MM-DD HH:MM`, which no date column takes); seconds when it has them. A
/// duration (`[h]:mm`) is its hours and minutes.
fn date_time(d: &ExcelDateTime) -> String {
    let clock = |h: u64, m: u8, s: u8, ms: u16| match (s, ms) {
        (0, 0) => format!("{h:02}:{m:02}"),
        (_, 0) => format!("{h:02}:{m:02}:{s:02}"),
        _ => format!("{h:02}:{m:02}:{s:02}.{ms:03}"),
    };
    let value = d.as_f64();
    if d.is_duration() {
        let ms = (value * 86_400_000.0).round().max(0.0) as u64;
        let hours = ms / 3_600_000;
        return clock(hours, (ms / 60_000 % 60) as u8, (ms / 1000 % 60) as u8, (ms % 1000) as u16);
    }
    let (year, month, day, h, m, s, ms) = d.to_ymd_hms_milli();
    let time = clock(u64::from(h), m, s, ms);
    if (0.0..1.0).contains(&value) {
        time
    } else if (h, m, s, ms) == (0, 0, 0, 0) {
        format!("{year:04}-{month:02}-{day:02}")
    } else {
        format!("{year:04}-{month:02}-{day:02} {time}")
    }
}

/// An ISO 8601 date and time of a cell (`2025-01-10T00:00:00`) as [`date_time`] writes it.
fn iso_date_time(s: &str) -> String {
    let s = s.trim_end_matches('Z');
    match s.split_once('T') {
        Some((date, time)) if time.chars().all(|c| matches!(c, '0' | ':' | '.')) => date.to_owned(),
        Some((date, time)) => format!("{date} {}", time.strip_suffix(":00").unwrap_or(time)),
        None => s.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::csvfile::{columns, Column};
    use calamine::ExcelDateTimeType;

    /// The text of a table of `(row, column, value)` cells.
    fn text(cells: &[(u32, u32, DataRef<'_>)]) -> (String, u64) {
        let mut table = Table::default();
        for (row, column, value) in cells {
            assert!(table.add(*row, *column, value));
        }
        table.finish()
    }

    columns! {
        enum Col {
            Number: "number" required,
            Name: "name" required text,
            IssuedOn: "issued_on" required,
            Score: "score" optional,
        }
    }

    /// A workbook whose second sheet, "Reyestr", has a header on row 2 from column B, a
    /// private column (phone), a date cell, a date as text, numbers, a line break in a cell,
    /// and blank rows.
    fn workbook() -> Vec<u8> {
        use rust_xlsxwriter::{ExcelDateTime as Date, Format as Look, Workbook};
        let mut book = Workbook::new();
        book.add_worksheet().set_name("Notes").unwrap().write_string(0, 0, "not the register").unwrap();
        let sheet = book.add_worksheet().set_name("Reyestr").unwrap();
        for (column, name) in (1..).zip(["Number", "name", "phone", "issued_on", "score"]) {
            sheet.write_string(1, column, name).unwrap();
        }
        let day = Look::new().set_num_format("dd.mm.yyyy");
        sheet.write_string(2, 1, "A-1").unwrap();
        sheet.write_string(2, 2, "Quliyev\nƏli").unwrap();
        sheet.write_string(2, 3, "+994 50 111 22 33").unwrap();
        sheet.write_datetime_with_format(2, 4, Date::from_ymd(2025, 1, 10).unwrap(), &day).unwrap();
        sheet.write_number(2, 5, 17.5).unwrap();
        sheet.write_string(3, 2, "  ").unwrap();
        sheet.write_string(4, 1, "A-2").unwrap();
        sheet.write_string(4, 2, "Məmmədova").unwrap();
        sheet.write_string(4, 3, "+994 55 444 55 66").unwrap();
        sheet.write_string(4, 4, "31.02.2022").unwrap();
        sheet.write_number(4, 5, 85.0).unwrap();
        sheet.write_blank(7, 2, &day).unwrap();
        book.save_to_buffer().unwrap()
    }

    #[test]
    fn a_sheet_is_read_as_its_csv_with_the_sheets_rows_and_cells() {
        let file = from_bytes("data/t.xlsx", workbook(), Some("Reyestr")).unwrap();
        let mut problems = Problems::new();
        let mut rows = Vec::new();
        file.rows(&mut problems, |row: &crate::load::csvfile::Row<'_, Col>, p| {
            let cells: Vec<String> = Col::ALL.iter().map(|&c| row.get(c).unwrap_or_default().into_owned()).collect();
            rows.push((row.line, cells, row.at(Col::IssuedOn).to_string(), row.at_row().to_string()));
            row.date(Col::IssuedOn, p);
        });
        assert_eq!(rows.len(), 2, "the blank rows are skipped: {rows:?}");
        assert_eq!(rows[0].0, 3);
        assert_eq!(rows[0].1, ["A-1", "Quliyev\nƏli", "2025-01-10", "17.5"]);
        assert_eq!(rows[1].1, ["A-2", "Məmmədova", "31.02.2022", "85"]);
        assert_eq!(rows[1].2, "data/t.xlsx, sheet \"Reyestr\", cell E5");
        assert_eq!(rows[1].3, "data/t.xlsx, sheet \"Reyestr\", row 5");
        assert_eq!(file.cells(Col::Number).at(5).to_string(), "data/t.xlsx, sheet \"Reyestr\", cell B5");
        let problem = problems.iter().next().unwrap();
        assert_eq!(problems.error_count(), 1);
        assert!(
            problem.to_string().starts_with("data/t.xlsx, sheet \"Reyestr\", cell E5: issued_on: \"31.02.2022\" has day 31"),
            "{problem}"
        );
        let excerpt = problem.excerpt.as_ref().unwrap();
        assert_eq!(excerpt.first_line, 4, "numbered as the sheet's rows");
        assert_eq!(excerpt.lines, ["", ",A-2,Məmmədova,•••,31.02.2022,85"], "the phone is masked");
        assert_eq!(excerpt.mark, (1, 19, 10));
        // An error in the row with a line break in a cell: the row stays one line.
        let mut problems = Problems::new();
        file.rows(&mut problems, |row: &crate::load::csvfile::Row<'_, Col>, p| p.push(row.error(Col::Name, "x")));
        let excerpt = problems.iter().next().unwrap().excerpt.clone().unwrap();
        assert_eq!((excerpt.first_line, excerpt.lines[1].as_str()), (2, ",A-1,Quliyev↵Əli,•••,2025-01-10,17.5"));
    }

    #[test]
    fn the_first_sheet_is_read_unless_another_is_named() {
        let file = from_bytes("data/t.xlsx", workbook(), None).unwrap();
        assert_eq!(file.sheet.as_ref().map(|s| &*s.name), Some("Notes"));
        let mut problems = Problems::new();
        file.rows(&mut problems, |_: &crate::load::csvfile::Row<'_, Col>, _| {});
        let message = problems.iter().next().unwrap().to_string();
        assert!(message.starts_with("data/t.xlsx, sheet \"Notes\", row 1: required column \"number\" is missing"), "{message}");
        let err = from_bytes("data/t.xlsx", workbook(), Some("Reestr")).err().unwrap().to_string();
        assert!(err.starts_with("data/t.xlsx: the workbook has no sheet \"Reestr\"") && err.contains("\"Notes\", \"Reyestr\""), "{err}");
        let err = from_bytes("data/t.xlsx", b"number,name\n".to_vec(), None).err().unwrap().to_string();
        assert!(err.contains("cannot be read as an Excel workbook"), "{err}");
    }

    #[test]
    fn numbers_are_written_as_typed() {
        assert_eq!(number(85.0), "85");
        assert_eq!(number(17.5), "17.5");
        assert_eq!(number(0.1 + 0.2), "0.3");
        assert_eq!(number(-0.0), "0");
        assert_eq!(number(123_456_789_012.0), "123456789012");
        assert_eq!(number(2.0 / 3.0), "0.666666666666667");
    }

    #[test]
    fn dates_and_times_are_written_as_a_csv_file_has_them() {
        let dt = |v: f64| ExcelDateTime::new(v, ExcelDateTimeType::DateTime, false);
        assert_eq!(date_time(&dt(45667.0)), "2025-01-10");
        assert_eq!(date_time(&dt(10.25 / 24.0)), "10:15");
        assert_eq!(date_time(&dt(45667.5)), "2025-01-10 12:00");
        assert_eq!(date_time(&ExcelDateTime::new(44205.0, ExcelDateTimeType::DateTime, true)), "2025-01-10", "the 1904 date system");
        assert_eq!(date_time(&ExcelDateTime::new(34.5 / 24.0, ExcelDateTimeType::TimeDelta, false)), "34:30");
        assert_eq!(iso_date_time("2025-01-10T00:00:00Z"), "2025-01-10");
        assert_eq!(iso_date_time("2025-01-10T10:15:00"), "2025-01-10 10:15");
    }

    #[test]
    fn rows_are_lines_from_column_a_blank_rows_empty_lines_and_every_row_as_wide() {
        let s = |t: &'static str| DataRef::SharedString(t);
        let cells = [
            (2, 1, s("number")),
            (2, 2, s("name")),
            (3, 1, s("A-1")),
            (3, 2, s("Quliyev, \"Ə\"\nsecond line")),
            (4, 1, DataRef::Empty),
            (4, 2, s("  ")),
            (6, 1, DataRef::Float(12.0)),
            (6, 3, s("note")),
            (9, 1, DataRef::Empty),
        ];
        let (text, first_row) = text(&cells);
        assert_eq!(first_row, 3, "the header's row (0-based 2)");
        assert_eq!(text, ",number,name,\n,A-1,\"Quliyev, \"\"Ə\"\"\u{FFFF}second line\",\n\n\n,12,,note\n", "rows 5 and 6 blank");
        assert_eq!(Table::default().finish(), (String::new(), 1));
        let mut table = Table::default();
        assert!(table.add(1, 2, &s("a")));
        assert!(!table.add(1, 1, &s("b")), "a cell left of the one before");
        assert!(!table.add(0, 5, &s("c")), "a row above");
    }
}

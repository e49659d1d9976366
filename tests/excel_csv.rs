//! CSV files as Excel saves them on Windows (DESIGN §3 "CSV conventions"): cells separated by
//! `;` (an Azerbaijani or European Windows) with a BOM, and "Unicode Text" (UTF-16 with tabs),
//! give the very site the plain UTF-8 file gives; text in a Windows code page is refused with
//! what it probably is, and a letter lost to `?` is an error at its cell. Nothing is published
//! from a refused file. A table given as an Excel workbook (`.xlsx`) instead, its dates typed
//! as date cells or as text, gives the same site too; its errors name the sheet and the cell.

mod common;

use std::path::Path;

use common::{build, certsite, fixture, sample, stderr, tree};

const DATE: &str = "2026-03-15";

/// The records of a CSV text (comma-separated, UTF-8).
fn records(text: &str) -> Vec<csv::StringRecord> {
    csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes()).records().map(Result::unwrap).collect()
}

/// The records written again with `delimiter` (quoted where needed), CRLF as Excel writes.
fn rewrite(records: &[csv::StringRecord], delimiter: u8) -> String {
    let mut w = csv::WriterBuilder::new().delimiter(delimiter).terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    for r in records {
        w.write_record(r).unwrap();
    }
    String::from_utf8(w.into_inner().unwrap()).unwrap()
}

fn utf16le_with_bom(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    bytes
}

#[test]
fn semicolons_with_a_bom_and_utf16_with_tabs_give_the_same_site() {
    let site = fixture("minimal");
    build(site.path(), DATE);
    let clean = tree(&site.path().join("public"));
    let data = site.path().join("data");
    let originals: Vec<(String, String)> =
        ["certificates.csv", "decisions.csv"].iter().map(|f| (f.to_string(), std::fs::read_to_string(data.join(f)).unwrap())).collect();

    type Encode = fn(&str) -> Vec<u8>;
    let semicolons: (u8, Encode, &str) =
        (b';', |t| [&[0xEF, 0xBB, 0xBF][..], t.as_bytes()].concat(), "UTF-8 with BOM, cells separated by ';'");
    let unicode_text: (u8, Encode, &str) = (b'\t', utf16le_with_bom, "UTF-16 (little-endian), cells separated by tabs");
    for (delimiter, encode, described) in [semicolons, unicode_text] {
        for (file, text) in &originals {
            std::fs::write(data.join(file), encode(&rewrite(&records(text), delimiter))).unwrap();
        }
        let out = certsite(site.path(), &["check", "--build-date", DATE]);
        assert!(out.status.success(), "{}", stderr(&out));
        let err = stderr(&out);
        assert!(err.contains(&format!("  read data/certificates.csv: {described}\n")), "{err}");
        let out = build(site.path(), DATE);
        assert!(stderr(&out).contains("for the public: nothing changed since the last build"), "{}", stderr(&out));
        assert!(tree(&site.path().join("public")) == clean, "{described}: the site differs from the plain CSV's");
    }
}

/// `text` in a Windows code page, as Excel's plain "CSV" writes it: a letter the code page
/// lacks becomes `?`.
fn code_page(text: &str, encoding: &'static encoding_rs::Encoding) -> Vec<u8> {
    let lossy: String = text.chars().map(|c| if encoding.encode(&c.to_string()).2 { '?' } else { c }).collect();
    let (bytes, _, unmappable) = encoding.encode(&lossy);
    assert!(!unmappable);
    bytes.into_owned()
}

#[test]
fn a_windows_code_page_is_refused_with_what_it_is_and_how_to_save_utf8() {
    for (encoding, name, extra) in [
        (encoding_rs::WINDOWS_1254, "Windows-1254 (Turkish)", ""),
        (
            encoding_rs::WINDOWS_1251,
            "Windows-1251 (Cyrillic)",
            "T-0005,Иванова,Мария,Петровна,Бухгалтер,,Учёт и аудит,2025-01-10,2028-01-09\n",
        ),
    ] {
        let site = fixture("minimal");
        build(site.path(), DATE);
        let before = tree(&site.path().join("public"));
        let path = site.path().join("data/certificates.csv");
        let mut text = std::fs::read_to_string(&path).unwrap();
        for _ in 0..if extra.is_empty() { 0 } else { 6 } {
            text.push_str(extra);
        }
        std::fs::write(&path, code_page(&text, encoding)).unwrap();
        let out = certsite(site.path(), &["build", "--build-date", DATE]);
        assert_eq!(out.status.code(), Some(1));
        let err = stderr(&out);
        assert!(err.contains("× data/certificates.csv:") && err.contains(": the file is not valid UTF-8 (byte "), "{err}");
        assert!(err.contains(&format!("it looks like {name} text")), "{name}: {err}");
        assert!(err.contains("\"CSV UTF-8 (Comma delimited) (*.csv)\""), "{err}");
        assert!(tree(&site.path().join("public")) == before, "nothing is published");
    }
}

#[test]
fn a_letter_lost_to_a_question_mark_is_one_error_at_its_cell() {
    let site = fixture("minimal");
    build(site.path(), DATE);
    let before = tree(&site.path().join("public"));
    let path = site.path().join("data/certificates.csv");
    let text = std::fs::read_to_string(&path).unwrap().replace("Məmmədov,Ülvi", "M?mm?dov,Ülvi");
    std::fs::write(&path, text).unwrap();
    let out = certsite(site.path(), &["build", "--build-date", DATE]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(err.matches("where a letter should be").count(), 1, "{err}");
    assert!(err.contains("data/certificates.csv:5:8: surname \"M?mm?dov\" has a \"?\" where a letter should be"), "{err}");
    assert!(!err.contains("T-0004\" is not in"), "the row is still known: {err}");
    assert!(tree(&site.path().join("public")) == before, "nothing is published");
    // A question mark that is punctuation is text like any other.
    let text = std::fs::read_to_string(&path).unwrap().replace("M?mm?dov,Ülvi", "Məmmədov,Ülvi").replace("Mühasib,", "Mühasib?,");
    std::fs::write(&path, text).unwrap();
    assert!(certsite(site.path(), &["check", "--build-date", DATE]).status.success());
}

/// How a workbook made from a CSV file has its dates and times.
#[derive(Clone, Copy, Debug)]
enum Dates {
    /// As date and time cells (numbers with a date or time format), as Excel makes them of a
    /// date typed into a cell.
    Cells,
    /// As text.
    Text,
}

/// A workbook whose sheets hold the cells of CSV texts, `(sheet name, text)`, as typed into
/// Excel: a date (`2025-01-10` or `10.01.2025`) and a time of day (`10:15`) as a date or time
/// cell or as text (`dates`), a number as a number (`17.5`, `412`; not one with a leading zero
/// or a sign: a phone or card number stays text), the rest as text, an empty cell left empty.
fn workbook(sheets: &[(&str, &str)], dates: Dates) -> Vec<u8> {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let day = Format::new().set_num_format("dd.mm.yyyy");
    let clock = Format::new().set_num_format("hh:mm");
    let mut book = Workbook::new();
    for (name, text) in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(*name).unwrap();
        for (row, record) in (0..).zip(records(text)) {
            for (column, cell) in (0..).zip(record.iter()) {
                let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
                let number = |s: &str| -> Option<u16> { s.parse().ok().filter(|_| digits(s)) };
                let parts: Vec<&str> = cell.split(['-', '.', ':']).collect();
                let date = match (cell.len(), parts.as_slice()) {
                    (10, [y, m, d]) if cell.as_bytes()[4] == b'-' => Some((number(y), number(m), number(d))),
                    (10, [d, m, y]) if cell.as_bytes()[2] == b'.' => Some((number(y), number(m), number(d))),
                    _ => None,
                };
                let date = date.and_then(|(y, m, d)| ExcelDateTime::from_ymd(y?, m? as u8, d? as u8).ok());
                let time = match (cell.len(), parts.as_slice()) {
                    (5, [h, m]) if cell.as_bytes()[2] == b':' => number(h).zip(number(m)),
                    _ => None,
                }
                .and_then(|(h, m)| ExcelDateTime::from_hms(h, m as u8, 0).ok());
                let plain = cell.split_once('.').map_or(digits(cell), |(whole, fraction)| digits(whole) && digits(fraction));
                let number = plain && (!cell.starts_with('0') || cell == "0" || cell.starts_with("0.")) && date.is_none();
                let written = match (row, dates, date, time) {
                    (_, _, _, _) if cell.is_empty() => continue,
                    (0, ..) => sheet.write_string(row, column, cell),
                    (_, Dates::Cells, Some(date), _) => sheet.write_datetime_with_format(row, column, date, &day),
                    (_, Dates::Cells, _, Some(time)) => sheet.write_datetime_with_format(row, column, time, &clock),
                    _ if number => sheet.write_number(row, column, cell.parse::<f64>().unwrap()),
                    _ => sheet.write_string(row, column, cell),
                };
                written.unwrap();
            }
        }
    }
    book.save_to_buffer().unwrap()
}

/// Every CSV file of the site's data: its path below `root` and its text.
fn csv_tables(root: &Path) -> Vec<(String, String)> {
    let mut tables: Vec<(String, String)> = walkdir::WalkDir::new(root.join("data"))
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.path().extension().is_some_and(|x| x == "csv"))
        .map(|e| {
            let rel = e.path().strip_prefix(root).unwrap().to_string_lossy().into_owned();
            (rel, std::fs::read_to_string(e.path()).unwrap())
        })
        .collect();
    tables.sort();
    tables
}

/// Replaces each CSV file `rel` of `root` by a workbook of its cells in one sheet, "Sheet1".
fn to_workbooks(root: &Path, tables: &[(String, String)], dates: Dates) {
    for (rel, text) in tables {
        std::fs::remove_file(root.join(rel)).unwrap();
        std::fs::write(root.join(rel.replace(".csv", ".xlsx")), workbook(&[("Sheet1", text)], dates)).unwrap();
    }
}

#[test]
fn workbooks_with_date_cells_or_text_dates_give_the_site_their_csv_files_give() {
    const DATE: &str = "2026-11-23";
    let site = sample();
    // A certificate number of digits only, typed into a cell as a number: "20250080", not
    // "20250080.0".
    let register = site.path().join("data/certificates.csv");
    let text = std::fs::read_to_string(&register).unwrap();
    std::fs::write(&register, text.replacen("\nPSM-2025-0080,", "\n20250080,", 1)).unwrap();
    build(site.path(), DATE);
    let clean = tree(&site.path().join("public"));
    let tables = csv_tables(site.path());
    assert!(tables[0].1.contains("\n20250080,"), "{}", tables[0].0);
    assert_eq!(tables.len(), 6, "certificates, decisions, holidays and a session's three tables: {tables:?}");
    for dates in [Dates::Cells, Dates::Text] {
        to_workbooks(site.path(), &tables, dates);
        let out = certsite(site.path(), &["check", "--build-date", DATE]);
        let err = stderr(&out);
        assert!(out.status.success(), "{dates:?}: {err}");
        for (rel, _) in &tables {
            let book = rel.replace(".csv", ".xlsx");
            assert!(err.contains(&format!("  read {book}: sheet \"Sheet1\"\n")), "{dates:?}: {err}");
            assert!(!err.contains(&format!("read {rel}")), "{err}");
        }
        let out = build(site.path(), DATE);
        assert!(stderr(&out).contains("for the public: nothing changed since the last build"), "{dates:?}: {}", stderr(&out));
        assert!(tree(&site.path().join("public")) == clean, "{dates:?}: the site differs from the CSV files'");
        for (rel, text) in &tables {
            std::fs::remove_file(site.path().join(rel.replace(".csv", ".xlsx"))).unwrap();
            std::fs::write(site.path().join(rel), text).unwrap();
        }
    }
}

/// The sample's certificates as a workbook, with `edit` made to its CSV text first.
fn certificates_workbook(root: &Path, edit: impl Fn(&str) -> String) {
    let path = root.join("data/certificates.csv");
    let text = edit(&std::fs::read_to_string(&path).unwrap());
    std::fs::remove_file(&path).unwrap();
    std::fs::write(root.join("data/certificates.xlsx"), workbook(&[("Reyestr", &text)], Dates::Cells)).unwrap();
}

#[test]
fn an_error_in_a_cell_names_the_sheet_and_the_cell_and_shows_no_private_cell() {
    const DATE: &str = "2026-11-23";
    let site = sample();
    build(site.path(), DATE);
    let before = tree(&site.path().join("public"));
    let text = std::fs::read_to_string(site.path().join("data/certificates.csv")).unwrap();
    // Row 22 of the sheet (line 22 of the file): its issue date becomes 31.02.2022 (text, as a
    // date cell cannot hold it); row 20: its expiry date a date cell before its issue date.
    let lines: Vec<&str> = text.lines().collect();
    let row = |n: usize| records(lines[n - 1]).remove(0);
    let (issued, valid_until) = (row(22)[8].to_owned(), row(20)[9].to_owned());
    certificates_workbook(site.path(), |text| {
        text.replacen(&format!("{}\n", lines[21]), &format!("{}\n", lines[21].replacen(&issued, "31.02.2022", 1)), 1).replacen(
            &format!("{}\n", lines[19]),
            &format!("{}\n", lines[19].replacen(&valid_until, "2020-01-01", 1)),
            1,
        )
    });
    let out = certsite(site.path(), &["build", "--build-date", DATE]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains(
            "× data/certificates.xlsx, sheet \"Reyestr\", cell I22: issued_on: \"31.02.2022\" has day 31, but February 2022 has 28 days"
        ),
        "{err}"
    );
    assert!(err.contains("╭─[data/certificates.xlsx, sheet \"Reyestr\", cell I22]"), "{err}");
    assert!(err.contains(" 21 │ ") && err.contains(" 22 │ ") && err.contains(" 23 │ "), "the sheet's rows around it: {err}");
    // The issue date of row 20, typed as DD.MM.YYYY or YYYY-MM-DD, is a date cell: read as ISO.
    let from = row(20)[8].to_owned();
    let from = match from.split('.').collect::<Vec<_>>()[..] {
        [d, m, y] => format!("{y}-{m}-{d}"),
        _ => from,
    };
    assert!(err.contains(&format!("cell J20: valid_until 2020-01-01 is not after issued_on {from}")), "a date cell: {err}");
    assert!(err.contains("error: 2 errors"), "{err}");
    // No private cell of any row (id_card, phone, email, address, birth_date) is shown.
    for line in &lines[1..] {
        for private in &records(line)[0].iter().collect::<Vec<_>>()[11..] {
            assert!(private.is_empty() || !err.contains(private), "{private} leaked: {err}");
        }
    }
    assert!(err.contains("•••"), "{err}");
    assert!(tree(&site.path().join("public")) == before, "nothing is published");
}

#[test]
fn a_table_given_as_both_csv_and_workbook_is_one_error_naming_both() {
    let site = fixture("minimal");
    build(site.path(), DATE);
    let before = tree(&site.path().join("public"));
    let text = std::fs::read_to_string(site.path().join("data/certificates.csv")).unwrap();
    std::fs::write(site.path().join("data/certificates.xlsx"), workbook(&[("Sheet1", &text)], Dates::Cells)).unwrap();
    let out = certsite(site.path(), &["build", "--build-date", DATE]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("data/certificates.csv and data/certificates.xlsx are the same table given twice"), "{err}");
    assert!(err.contains("error: 1 error; nothing was written"), "{err}");
    assert!(tree(&site.path().join("public")) == before, "nothing is published");
}

#[test]
fn the_sheet_named_in_site_toml_is_read() {
    let site = fixture("minimal");
    build(site.path(), DATE);
    let clean = tree(&site.path().join("public"));
    let path = site.path().join("data/certificates.csv");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::remove_file(&path).unwrap();
    let notes = "Qeydlər\nBu vərəqdə reyestr yoxdur\n";
    std::fs::write(site.path().join("data/certificates.xlsx"), workbook(&[("Qeydlər", notes), ("Reyestr", &text)], Dates::Cells)).unwrap();
    // Without a setting, the first sheet is read.
    let out = certsite(site.path(), &["check", "--build-date", DATE]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("data/certificates.xlsx, sheet \"Qeydlər\", row 1: required column \"number\" is missing"), "{err}");
    let toml = site.path().join("data/site.toml");
    let settings = std::fs::read_to_string(&toml).unwrap();
    std::fs::write(&toml, format!("{settings}\n[sheets]\ncertificates = \"Reyestr\"\n")).unwrap();
    let out = certsite(site.path(), &["check", "--build-date", DATE]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("  read data/certificates.xlsx: sheet \"Reyestr\"\n"), "{}", stderr(&out));
    build(site.path(), DATE);
    assert!(tree(&site.path().join("public")) == clean, "the site differs from the CSV file's");
    // A sheet the workbook does not have is an error naming those it has.
    std::fs::write(&toml, format!("{settings}\n[sheets]\ncertificates = \"Reestr\"\n")).unwrap();
    let out = certsite(site.path(), &["check", "--build-date", DATE]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("data/certificates.xlsx: the workbook has no sheet \"Reestr\""), "{err}");
    assert!(err.contains("this workbook has \"Qeydlər\", \"Reyestr\""), "{err}");
}

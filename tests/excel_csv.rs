//! CSV files as Excel saves them on Windows (DESIGN §3 "CSV conventions"): cells separated by
//! `;` (an Azerbaijani or European Windows) with a BOM, and "Unicode Text" (UTF-16 with tabs),
//! give the very site the plain UTF-8 file gives; text in a Windows code page is refused with
//! what it probably is, and a letter lost to `?` is an error at its cell. Nothing is published
//! from a refused file.

mod common;

use common::{build, certsite, fixture, stderr, tree};

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

//! Stage "load": `data/certificates.csv` rows into [`Certificate`]s (DESIGN §3). Every row is
//! checked and every problem reported; only public columns are read (the schema names them, so
//! `id_card`, `phone`, `email`, `address`, `birth_date` and unknown columns are never copied).

use std::borrow::Cow;
use std::path::Path;
use std::sync::Arc;

use rustc_hash::FxHashMap;

use crate::diag::Problems;
use crate::load::csvfile::{Cells, CsvText, Row, Schema};
use crate::model::certificate::{check_number, normalize_number, Certificate, Certificates, Text};

pub use crate::model::certificate::PATH;

const NUMBER: usize = 0;
const SURNAME: usize = 1;
const GIVEN_NAME: usize = 2;
const PATRONYMIC: usize = 3;
const PROFESSION: usize = 4;
const PROFESSION_EN: usize = 5;
const SCOPE: usize = 6;
const ISSUED_ON: usize = 7;
const VALID_UNTIL: usize = 8;
const REPLACES: usize = 9;
const SCOPE_EN: usize = 10;

/// The public columns; nothing else is read.
pub const SCHEMA: Schema = Schema {
    columns: &[
        ("number", true),
        ("surname", true),
        ("given_name", true),
        ("patronymic", false),
        ("profession", true),
        ("profession_en", false),
        ("scope", false),
        ("issued_on", true),
        ("valid_until", true),
        ("replaces", false),
        ("scope_en", false),
    ],
};

/// Reads the file if it exists (`None` when the site has no certificates).
pub fn read(root: &Path, problems: &mut Problems) -> Option<CsvText> {
    CsvText::read_optional(root, PATH, problems)
}

/// The register of an already read file: every row parsed ([`parse`]), then the rules that
/// span rows checked ([`Certificates::located`]; a number that appears twice is reported at
/// its cell).
pub fn register(file: &CsvText, problems: &mut Problems) -> Certificates {
    let list = parse(file, problems);
    let numbers = number_cells(file);
    Certificates::located(list, problems, |c| numbers.at(c.line))
}

/// Where each certificate's number is written in the file, by the certificate's line
/// ([`Certificate::line`]).
pub fn number_cells(file: &CsvText) -> Cells<'_> {
    file.cells(&SCHEMA, NUMBER)
}

/// Stores each distinct text once (see [`Text`]).
#[derive(Default)]
struct Interner {
    texts: FxHashMap<Box<str>, Text>,
    scopes: FxHashMap<Box<str>, Arc<[Text]>>,
}

impl Interner {
    fn text(&mut self, s: &str) -> Text {
        if let Some(t) = self.texts.get(s) {
            return t.clone();
        }
        let t: Text = Arc::from(s);
        self.texts.insert(s.into(), t.clone());
        t
    }

    /// A `;`-separated scope as its list of fields.
    fn scope(&mut self, s: &str) -> Arc<[Text]> {
        if let Some(list) = self.scopes.get(s) {
            return list.clone();
        }
        let list: Arc<[Text]> = s.split(';').map(str::trim).filter(|f| !f.is_empty()).map(|f| self.text(f)).collect();
        self.scopes.insert(s.into(), list.clone());
        list
    }
}

/// Parses every row of an already read file (in parallel pieces: a register of a million rows
/// is read in a fraction of a second).
pub fn parse(file: &CsvText, problems: &mut Problems) -> Vec<Certificate> {
    file.rows_par(&SCHEMA, problems, Interner::default, |interner, row, problems| certificate(row, interner, problems))
}

fn required<'r>(row: &'r Row<'_>, c: usize, name: &str, problems: &mut Problems) -> Option<Cow<'r, str>> {
    row.required_text(c, name, || format!("every certificate needs a {name}"), problems)
}

fn date(row: &Row<'_>, c: usize, name: &str, problems: &mut Problems) -> Option<time::Date> {
    required(row, c, name, problems)?;
    row.date(c, name, problems)
}

fn certificate(row: &Row<'_>, interner: &mut Interner, problems: &mut Problems) -> Option<Certificate> {
    let before = problems.error_count();
    let number = required(row, NUMBER, "number", problems);
    if let Some(n) = &number {
        if let Err(e) = check_number(n) {
            problems.push(row.error(NUMBER, format!("number: {e}")));
        }
    }
    let surname = required(row, SURNAME, "surname", problems);
    let given_name = required(row, GIVEN_NAME, "given_name", problems);
    let profession = required(row, PROFESSION, "profession", problems);
    let issued_on = date(row, ISSUED_ON, "issued_on", problems);
    let valid_until = date(row, VALID_UNTIL, "valid_until", problems);
    if let (Some(from), Some(until)) = (issued_on, valid_until) {
        if until <= from {
            problems.push(
                row.error(VALID_UNTIL, format!("valid_until {until} is not after issued_on {from}"))
                    .help("valid_until is the last day of validity and comes after issued_on"),
            );
        }
    }
    let replaces = row.get(REPLACES).map(|r| normalize_number(&r));
    if let Some(r) = &replaces {
        if let Err(e) = check_number(r) {
            problems.push(row.error(REPLACES, format!("replaces: {e}")));
        }
    }
    let scope = interner.scope(row.get(SCOPE).as_deref().unwrap_or_default());
    let scope_en = row.get(SCOPE_EN).map(|s| interner.scope(&s)).filter(|s| !s.is_empty());
    if let Some(en) = &scope_en {
        if en.len() != scope.len() {
            problems.push(
                row.error(SCOPE_EN, format!("scope_en has {} parts, scope has {}", en.len(), scope.len()))
                    .help("scope_en is the English of scope, part by part: the same number of ;-separated parts, in the same order"),
            );
        }
    }
    if problems.error_count() > before {
        return None;
    }
    Some(Certificate {
        number: normalize_number(&number?),
        surname: interner.text(&surname?),
        given_name: interner.text(&given_name?),
        patronymic: row.get(PATRONYMIC).map(|v| interner.text(&v)),
        profession: interner.text(&profession?),
        profession_en: row.get(PROFESSION_EN).map(|v| interner.text(&v)),
        scope,
        scope_en,
        issued_on: issued_on?,
        valid_until: valid_until?,
        replaces,
        line: row.line,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_text(text: &str) -> (Vec<Certificate>, Problems) {
        let file = CsvText::from_bytes(PATH, text.as_bytes().to_vec()).unwrap();
        let mut problems = Problems::new();
        let list = parse(&file, &mut problems);
        (list, problems)
    }

    const HEAD: &str = "number,surname,given_name,profession,issued_on,valid_until,scope,id_card\n";

    #[test]
    fn reads_a_row() {
        let (list, p) = parse_text(&format!("{HEAD}psm/2024/1,Əliyev,Rəşad,Qaynaqçı,01.02.2024,2027-01-31,\"a; b;\",AZE1\n"));
        assert!(!p.has_errors(), "{p:?}");
        let c = &list[0];
        assert_eq!(c.number, "PSM/2024/1");
        assert_eq!(c.scope.iter().map(|s| &**s).collect::<Vec<_>>(), vec!["a", "b"]);
        assert_eq!(c.file_stem(), "PSM_2024_1");
    }

    #[test]
    fn reports_every_error_of_every_row_with_column() {
        let text = format!("{HEAD}A 1,,X,P,2029-13-45,2027-01-31,,\nB,S,G,P,2027-01-01,2026-01-01,,\n");
        let (list, p) = parse_text(&text);
        assert!(list.is_empty());
        let msgs: Vec<String> = p.iter().map(ToString::to_string).collect();
        assert_eq!(msgs.len(), 4, "{msgs:#?}");
        assert!(msgs[0].starts_with("data/certificates.csv:2:1: number: \"A 1\""), "{}", msgs[0]);
        assert!(msgs[1].starts_with("data/certificates.csv:2:5: surname is empty"), "{}", msgs[1]);
        assert!(msgs[2].starts_with("data/certificates.csv:2:10: issued_on: \"2029-13-45\" has month 13"), "{}", msgs[2]);
        assert!(msgs[3].starts_with("data/certificates.csv:3:20: valid_until"), "{}", msgs[3]);
    }
}

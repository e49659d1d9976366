//! Stage "load": `data/certificates.csv` rows into [`Certificate`]s (DESIGN §3). Every row is
//! checked and every problem reported; only public columns are read (the schema names them, so
//! `id_card`, `phone`, `email`, `address`, `birth_date` and unknown columns are never copied).

use std::borrow::Cow;
use std::path::Path;
use std::sync::Arc;

use rustc_hash::FxHashMap;

use crate::config::Sheets;
use crate::diag::{Place, Problems};
use crate::load::csvfile::{columns, Cells, Column, CsvText, Row};
use crate::load::xlsx;
use crate::model::certificate::{check_number, normalize_number, Certificate, Certificates, Text, Unread};

pub use crate::model::certificate::PATH;

columns! {
    /// The public columns; nothing else is read.
    pub enum Col {
        Number: "number" required,
        Surname: "surname" required text,
        GivenName: "given_name" required text,
        Patronymic: "patronymic" optional text,
        Profession: "profession" required text,
        ProfessionEn: "profession_en" optional text,
        Scope: "scope" optional text,
        IssuedOn: "issued_on" required,
        ValidUntil: "valid_until" required,
        Replaces: "replaces" optional,
        ScopeEn: "scope_en" optional text,
    }
}

/// Reads the file, or the workbook given instead ([`xlsx::read_table`]), if it exists
/// (`None` when the site has no certificates).
pub fn read(root: &Path, sheets: &Sheets, problems: &mut Problems) -> Option<CsvText> {
    xlsx::read_table(root, PATH, sheets, problems)
}

/// The register of the site at `root` from its file as read ([`read`]): see [`register`].
/// When there is no file read but the file (or its workbook) is there, it could not be read
/// (its error is reported already): the register is empty and every number may be in it, so
/// that no decision is reported again for naming one. With neither, the site has no
/// certificates.
pub fn register_of(root: &Path, file: Option<&CsvText>, problems: &mut Problems) -> Certificates {
    match file {
        Some(file) => register(file, problems),
        None if root.join(PATH).exists() || root.join(xlsx::workbook_path(PATH)).exists() => unread_file(Place::file(PATH)),
        None => Certificates::default(),
    }
}

/// The register of an already read file: every row parsed ([`parse`]), then the rules that
/// span rows checked ([`Certificates::located`]; a number that appears twice is reported at
/// its cell). A file without the columns it needs is reported, and read as [`unread_file`].
pub fn register(file: &CsvText, problems: &mut Problems) -> Certificates {
    if !file.readable::<Col>() {
        file.rows::<Col>(problems, |_, _| {}); // reports why
        return unread_file(file.place());
    }
    let (list, unread) = parse_all(file, problems);
    let numbers = number_cells(file);
    let unread = if unread.is_empty() { Unread::Nothing } else { Unread::Rows(unread.into_iter().collect()) };
    Certificates::located(list, file.place(), unread, problems, |c| numbers.at(c.line))
}

/// The empty register of a file at `place` that could not be read: every number may be in it.
fn unread_file(place: Place) -> Certificates {
    Certificates::located(Vec::new(), place.clone(), Unread::File, &mut Problems::new(), |c| place.row(c.line))
}

/// Where each certificate's number is written in the file, by the certificate's line
/// ([`Certificate::line`]).
pub fn number_cells(file: &CsvText) -> Cells<'_> {
    file.cells(Col::Number)
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
    parse_all(file, problems).0
}

/// [`parse`], and the numbers of the rows that had errors (as [`normalize_number`] gives them).
fn parse_all(file: &CsvText, problems: &mut Problems) -> (Vec<Certificate>, Vec<String>) {
    let rows = file.rows_par(problems, Interner::default, |interner, row, problems| {
        let before = problems.error_count();
        match certificate(row, interner, problems) {
            Some(c) if problems.error_count() == before => Some(Ok(c)),
            _ => row.get(Col::Number).map(|n| Err(normalize_number(&n))),
        }
    });
    let mut unread = Vec::new();
    let list = rows.into_iter().filter_map(|r| r.map_err(|n| unread.push(n)).ok()).collect();
    (list, unread)
}

fn required<'r>(row: &'r Row<'_, Col>, c: Col, problems: &mut Problems) -> Option<Cow<'r, str>> {
    row.required_text(c, || tr!("load-certificate-needs", column = c.name()), problems)
}

fn date(row: &Row<'_, Col>, c: Col, problems: &mut Problems) -> Option<time::Date> {
    required(row, c, problems)?;
    row.date(c, problems)
}

fn certificate(row: &Row<'_, Col>, interner: &mut Interner, problems: &mut Problems) -> Option<Certificate> {
    let before = problems.error_count();
    let number = required(row, Col::Number, problems);
    if let Some(n) = &number {
        if let Err(e) = check_number(n) {
            problems.push(row.error(Col::Number, tr!("load-cell-error", column = Col::Number.name(), error = e)));
        }
    }
    let surname = required(row, Col::Surname, problems);
    let given_name = required(row, Col::GivenName, problems);
    let profession = required(row, Col::Profession, problems);
    let issued_on = date(row, Col::IssuedOn, problems);
    let valid_until = date(row, Col::ValidUntil, problems);
    if let (Some(from), Some(until)) = (issued_on, valid_until) {
        if until <= from {
            problems.push(
                row.error(Col::ValidUntil, tr!("load-valid-until-not-after", until = until.to_string(), from = from.to_string()))
                    .help(tr!("load-valid-until-not-after-help")),
            );
        }
    }
    let replaces = row.get(Col::Replaces).map(|r| normalize_number(&r));
    if let Some(r) = &replaces {
        if let Err(e) = check_number(r) {
            problems.push(row.error(Col::Replaces, tr!("load-cell-error", column = Col::Replaces.name(), error = e)));
        }
    }
    let scope = interner.scope(row.get(Col::Scope).as_deref().unwrap_or_default());
    let scope_en = row.get(Col::ScopeEn).map(|s| interner.scope(&s)).filter(|s| !s.is_empty());
    if let Some(en) = &scope_en {
        if en.len() != scope.len() {
            problems.push(
                row.error(Col::ScopeEn, tr!("load-scope-en-parts", count = en.len(), scope = scope.len().to_string()))
                    .help(tr!("load-scope-en-parts-help")),
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
        patronymic: row.get(Col::Patronymic).map(|v| interner.text(&v)),
        profession: interner.text(&profession?),
        profession_en: row.get(Col::ProfessionEn).map(|v| interner.text(&v)),
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

    #[test]
    fn a_register_is_read_into_the_memory_its_rows_were_parsed_into() {
        // `CsvText::rows_par` fills slots of `Option<T>` and collects them in place; here
        // T = Result<Certificate, String>, then `parse_all` keeps the certificates, in place too.
        use std::mem::{align_of, size_of};
        assert_eq!(size_of::<Option<Result<Certificate, String>>>(), size_of::<Certificate>());
        assert_eq!(size_of::<Result<Certificate, String>>(), size_of::<Certificate>());
        assert_eq!(align_of::<Option<Result<Certificate, String>>>(), align_of::<Certificate>());
        let text = (0..20).fold("number,surname,given_name,profession,scope,issued_on,valid_until\n".to_owned(), |mut t, i| {
            t.push_str(&format!("A-{i},S,G,P,X,2025-01-01,2027-01-01\n"));
            t
        });
        let file = CsvText::from_bytes(PATH, text.into_bytes()).unwrap();
        let mut problems = Problems::new();
        let list =
            file.rows_in_pieces(64, &mut problems, Interner::default, |interner, row, problems| certificate(row, interner, problems));
        assert!(!problems.has_errors(), "{}", problems.render(false));
        assert_eq!(list.iter().map(|c| c.number.as_str()).collect::<Vec<_>>(), (0..20).map(|i| format!("A-{i}")).collect::<Vec<_>>());
    }

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

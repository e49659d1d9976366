//! Domain "certificates": the checked certificate record (DESIGN §3 "data/certificates.csv") and
//! the checks that span rows (unique numbers, `replaces` pointing at a known certificate).
//!
//! Only the public columns exist in [`Certificate`]: the private ones (`id_card`, `phone`,
//! `email`, `address`, `birth_date`, …) are never read into it, so no later stage can leak them
//! (agreement §4 B¶6: holder data is not shared without written consent).

use std::collections::HashMap;
use std::hash::BuildHasher;

use rustc_hash::FxBuildHasher;
use std::sync::Arc;

use time::Date;

use crate::diag::{At, Place, Problem, Problems};

/// Shared text: names, professions and scopes repeat across a register, so each distinct value
/// is stored once (a million certificates fit in memory with room to spare, DESIGN §6).
pub type Text = Arc<str>;

/// The file certificates come from, relative to the site root.
pub const PATH: &str = "data/certificates.csv";

/// One certificate, as published.
#[derive(Debug, Clone)]
pub struct Certificate {
    /// The number printed on the certificate, upper case (matched case-insensitively).
    pub number: String,
    /// Family name.
    pub surname: Text,
    /// Given name.
    pub given_name: Text,
    /// Patronymic ("Rəşid qızı"), if recorded.
    pub patronymic: Option<Text>,
    /// Profession in Azerbaijani.
    pub profession: Text,
    /// Profession in English, if given.
    pub profession_en: Option<Text>,
    /// The approved scope: fields the certificate covers (agreement §4 A¶5).
    pub scope: Arc<[Text]>,
    /// The scope in English, part for part, when the register gives it (`scope_en`).
    pub scope_en: Option<Arc<[Text]>>,
    /// First day of validity.
    pub issued_on: Date,
    /// Last day of validity, inclusive (DESIGN §3).
    pub valid_until: Date,
    /// Number of the earlier certificate this one renews or replaces, upper case.
    pub replaces: Option<String>,
    /// The row's line in the file (the sheet's row, for a workbook), for later cross-file
    /// errors ([`Certificates::at`]).
    pub line: u64,
}

impl Certificate {
    /// "Surname Given Patronymic", the holder's full name as printed on the certificate.
    pub fn holder_name(&self) -> String {
        let mut name = format!("{} {}", self.surname, self.given_name);
        if let Some(p) = &self.patronymic {
            name.push(' ');
            name.push_str(p);
        }
        name
    }

    /// The number as used in file names: `/` becomes `_` (DESIGN §3).
    pub fn file_stem(&self) -> String {
        self.number.replace('/', "_")
    }
}

/// Upper-cases a certificate number for matching (DESIGN §3: matched case-insensitively).
pub fn normalize_number(number: &str) -> String {
    number.to_uppercase()
}

/// Checks a number's form: letters, digits, `-` and `/`, at most 64 characters.
pub fn check_number(number: &str) -> Result<(), String> {
    if number.chars().count() > 64 {
        return Err(tr!("rules-number-too-long", number = number));
    }
    if let Some(bad) = number.chars().find(|c| !(c.is_alphanumeric() || *c == '-' || *c == '/')) {
        return Err(tr!("rules-number-bad-character", number = number, character = format!("{bad:?}")));
    }
    if number.starts_with('/') || number.ends_with('/') || number.contains("//") {
        return Err(tr!("rules-number-empty-part", number = number));
    }
    Ok(())
}

/// Positions in a list of certificates by number, without a second copy of each number (a
/// register of a million certificates needs no million more strings).
#[derive(Default)]
struct NumberIndex {
    table: hashbrown::HashTable<u32>,
}

impl std::fmt::Debug for NumberIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "NumberIndex({} numbers)", self.table.len())
    }
}

impl NumberIndex {
    fn hash(number: &str) -> u64 {
        FxBuildHasher.hash_one(number)
    }

    /// The position of `number` in `list`.
    fn get(&self, list: &[Certificate], number: &str) -> Option<usize> {
        self.table.find(Self::hash(number), |&i| list[i as usize].number == number).map(|&i| i as usize)
    }

    /// Adds `list[i]`; when its number is there already, returns the earlier position instead.
    fn insert(&mut self, list: &[Certificate], i: usize) -> Option<usize> {
        let number = &list[i].number;
        match self.table.entry(Self::hash(number), |&j| list[j as usize].number == *number, |&j| Self::hash(&list[j as usize].number)) {
            hashbrown::hash_table::Entry::Occupied(e) => Some(*e.get() as usize),
            hashbrown::hash_table::Entry::Vacant(e) => {
                e.insert(u32::try_from(i).expect("fewer than 4 billion certificates"));
                None
            }
        }
    }
}

/// All certificates, with an index by number.
#[derive(Debug)]
pub struct Certificates {
    /// In file order.
    pub list: Vec<Certificate>,
    /// The file (and sheet) they were read from.
    pub place: Place,
    /// Upper-case number → index into `list`.
    by_number: NumberIndex,
    /// Index of a certificate → indexes of the certificates that replace it.
    pub replaced_by: HashMap<usize, Vec<usize>>,
    /// What the register holds but could not read.
    unread: Unread,
}

/// Numbers the register holds without a readable row: a row with an error is still a number
/// of the register, so a decision or a `replaces` that names it is not reported again as "not
/// in data/certificates.csv" (one error per mistake); when the file itself could not be read
/// (its encoding, a missing column), every number may be in it.
#[derive(Debug, Default)]
pub enum Unread {
    /// Every row was read.
    #[default]
    Nothing,
    /// These rows (their numbers, as [`normalize_number`] gives them) had errors.
    Rows(rustc_hash::FxHashSet<String>),
    /// The file exists but could not be read.
    File,
}

impl Default for Certificates {
    fn default() -> Self {
        Certificates {
            list: Vec::new(),
            place: Place::file(PATH),
            by_number: NumberIndex::default(),
            replaced_by: HashMap::new(),
            unread: Unread::Nothing,
        }
    }
}

impl Certificates {
    /// Checks the rules that span rows and builds the indexes: numbers unique, `replaces`
    /// naming a known certificate other than itself.
    pub fn new(list: Vec<Certificate>, problems: &mut Problems) -> Certificates {
        let place = Place::file(PATH);
        Certificates::located(list, place.clone(), Unread::Nothing, problems, |c| place.row(c.line))
    }

    /// Like [`Certificates::new`], for certificates read from `place`, with `number_at`
    /// telling where a certificate's number is written: a number that appears twice is
    /// reported at the second one's cell, and the first one's is named (DESIGN §2). `unread`
    /// are the numbers of rows that had errors (reported already).
    pub fn located(
        list: Vec<Certificate>,
        place: Place,
        unread: Unread,
        problems: &mut Problems,
        number_at: impl Fn(&Certificate) -> At,
    ) -> Certificates {
        let mut by_number = NumberIndex { table: hashbrown::HashTable::with_capacity(list.len()) };
        for (i, cert) in list.iter().enumerate() {
            if let Some(first) = by_number.insert(&list, i) {
                problems.push(
                    Problem::error(tr!("rules-certificate-twice", number = &cert.number))
                        .at(number_at(cert))
                        .help(tr!("rules-certificate-twice-help", first = number_at(&list[first]).to_string())),
                );
            }
        }
        let mut replaced_by: HashMap<usize, Vec<usize>> = HashMap::new();
        for (i, cert) in list.iter().enumerate() {
            let Some(old) = &cert.replaces else { continue };
            match by_number.get(&list, old) {
                Some(j) if j == i => {
                    problems.push(Problem::error(tr!("rules-certificate-replaces-itself", number = &cert.number)).at(place.row(cert.line)))
                }
                Some(j) => replaced_by.entry(j).or_default().push(i),
                None if unread.holds(old) => {}
                None => problems.push(
                    Problem::error(tr!("rules-replaces-unknown", number = old, file = place.path.display().to_string()))
                        .at(place.row(cert.line))
                        .help(tr!("rules-replaces-unknown-help")),
                ),
            }
        }
        Certificates { list, place, by_number, replaced_by, unread }
    }

    /// Whether `number`, not among the certificates read, may be in the file all the same: its
    /// row had an error, or the file could not be read (the error is reported already).
    pub fn unread(&self, number: &str) -> bool {
        self.unread.holds(&normalize_number(number))
    }

    /// Where a certificate's row is.
    pub fn at(&self, cert: &Certificate) -> At {
        self.place.row(cert.line)
    }

    /// Finds a certificate by number, case-insensitively.
    pub fn find(&self, number: &str) -> Option<usize> {
        self.index(&normalize_number(number))
    }

    /// The number of the register that `number` (not in it) was probably meant as: the same
    /// once dashes of any kind are `-`, spaces are gone and case is ignored, else the only one
    /// a single character away. For "did you mean" (a number typed by hand, or pasted from a
    /// text where `-` became `–`).
    pub fn nearest(&self, number: &str) -> Option<&str> {
        let typed: String = number
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| if matches!(c, '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}') { '-' } else { c })
            .collect::<String>()
            .to_uppercase();
        if let Some(i) = self.index(&typed) {
            return Some(&self.list[i].number);
        }
        let mut near = self.list.iter().map(|c| c.number.as_str()).filter(|n| strsim::levenshtein(n, &typed) == 1);
        match (near.next(), near.next()) {
            (Some(one), None) => Some(one),
            _ => None,
        }
    }

    /// The position of the certificate with this (upper-case) number.
    pub fn index(&self, number: &str) -> Option<usize> {
        self.by_number.get(&self.list, number)
    }
}

impl Unread {
    fn holds(&self, number: &str) -> bool {
        match self {
            Unread::Nothing => false,
            Unread::Rows(numbers) => numbers.contains(number),
            Unread::File => true,
        }
    }
}

/// A certificate of `number` on `line` with placeholder values, for the model's unit tests.
#[cfg(test)]
pub(crate) fn example(number: &str, line: u64) -> Certificate {
    Certificate {
        number: number.to_owned(),
        surname: "S".into(),
        given_name: "G".into(),
        patronymic: None,
        profession: "P".into(),
        profession_en: None,
        scope: Vec::new().into(),
        scope_en: None,
        issued_on: time::macros::date!(2025 - 01 - 01),
        valid_until: time::macros::date!(2026 - 01 - 01),
        replaces: None,
        line,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert!(check_number("PSM/2023/0105").is_ok());
        assert!(check_number("PSM-2024-0012").is_ok());
        assert!(check_number("A B").is_err());
        assert!(check_number("../x").is_err());
        assert!(check_number("A//B").is_err());
        assert!(check_number(&"A".repeat(65)).is_err());
        assert_eq!(normalize_number("psm/2023/0105"), "PSM/2023/0105");
    }

    #[test]
    fn a_number_nearly_in_the_register_is_suggested() {
        let mut problems = Problems::new();
        let register =
            Certificates::new(vec![example("PSM-2025-0063", 2), example("PSM-2025-0064", 3), example("PSM/2023/0105", 4)], &mut problems);
        assert!(!problems.has_errors());
        for typed in ["PSM–2025–0063", "psm—2025—0063", "PSM - 2025 - 0063", "PSM\u{2212}2025\u{2212}0063"] {
            assert_eq!(register.nearest(typed), Some("PSM-2025-0063"), "{typed}");
        }
        assert_eq!(register.nearest("PSM/2023/0106"), Some("PSM/2023/0105"), "one character off");
        assert_eq!(register.nearest("PSM-2025-0065"), None, "one off from two numbers: no guess");
        assert_eq!(register.nearest("XYZ-1"), None);
    }
}

//! What the English pages will show in Azerbaijani (DESIGN §2 `check`): when `languages` has
//! `en`, `check` and `build` warn, one warning per kind of text, about every text that has an
//! English form the site does not give: content pages without their `.en.md`, site.toml
//! settings without their `_en`, certificates without `profession_en` or `scope_en`, decisions
//! without `reason_en`, sessions of another university without `institution_en`. Warnings,
//! not errors: an untranslated text is published in Azerbaijani, marked `lang="az"`
//! (DESIGN §6). A kind with many items (certificates by the hundred thousand) is counted, its
//! first few named.
//!
//! Each kind is a [`Kind`]; the items of a kind are listed by one function per input
//! ([`pages`], [`settings`], [`certificates`], [`decisions`], [`session`]): a text that gains
//! an English form is one more [`Kind`], its two messages, and one line in its input's function.

use std::path::Path;

use crate::config::{Config, Lang, SITE_TOML};
use crate::diag::{At, Problem, Problems};
use crate::load::content::Page;
use crate::model::certificate::Certificates;
use crate::model::decision::Decision;
use crate::model::interview::Session;

/// How many items of a kind a warning names; the rest are counted.
pub const NAMED: usize = 5;

/// A kind of text that the English pages show in Azerbaijani when its English is missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// A content page without `<page>.en.md`: the items are its files.
    Page,
    /// A setting of site.toml without its `_en` key: the items are the keys to add.
    Setting,
    /// A certificate without `profession_en`: the items are numbers.
    Profession,
    /// A certificate with a scope but no `scope_en`: the items are numbers.
    Scope,
    /// A decision without `reason_en`: the items are notice ids.
    Reason,
    /// A session whose own university (not site.toml's) has no `institution_en`: the items are
    /// its session.toml files.
    Institution,
    /// A session without `title_en` or `place_en`: the items are its session.toml and the keys
    /// missing.
    Session,
    /// A vacancy without `specialty_en`: the items are the session and the specialty.
    Specialty,
}

impl Kind {
    /// The warning of `count` items of this kind (`items`: the first few, named), to add in
    /// `file`, and its help.
    fn warning(self, count: usize, items: &str, file: &str) -> Problem {
        let (message, help) = match self {
            Kind::Page => (tr!("untranslated-pages", count = count, items = items), tr!("untranslated-pages-help")),
            Kind::Setting => (tr!("untranslated-settings", count = count, items = items, file = file), tr!("untranslated-settings-help")),
            Kind::Profession => {
                (tr!("untranslated-professions", count = count, items = items), tr!("untranslated-professions-help", file = file))
            }
            Kind::Scope => (tr!("untranslated-scopes", count = count, items = items), tr!("untranslated-scopes-help", file = file)),
            Kind::Reason => (tr!("untranslated-reasons", count = count, items = items), tr!("untranslated-reasons-help", file = file)),
            Kind::Institution => (tr!("untranslated-institutions", count = count, items = items), tr!("untranslated-institutions-help")),
            Kind::Session => (tr!("untranslated-sessions", count = count, items = items), tr!("untranslated-sessions-help")),
            Kind::Specialty => (tr!("untranslated-specialties", count = count, items = items), tr!("untranslated-specialties-help")),
        };
        Problem::warning(message).at(At::file(file)).help(help)
    }
}

/// The items of one kind that have no English, and the file to add it in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Untranslated {
    /// What they are.
    pub kind: Kind,
    /// Where their English goes (a file, or the folder of the files).
    pub file: String,
    /// How many, and the first [`NAMED`], in input order.
    pub items: Items,
}

/// How many items of a kind there are, and the first [`NAMED`] of them (a register of a
/// million certificates is not copied to be counted).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Items {
    /// How many.
    pub count: usize,
    /// The first [`NAMED`].
    pub named: Vec<String>,
}

impl Items {
    /// Counts `item`, named if among the first.
    pub fn push(&mut self, item: &str) {
        self.count += 1;
        if self.named.len() < NAMED {
            self.named.push(item.to_owned());
        }
    }
}

impl<'a> FromIterator<&'a str> for Items {
    fn from_iter<I: IntoIterator<Item = &'a str>>(iter: I) -> Items {
        let mut items = Items::default();
        for item in iter {
            items.push(item);
        }
        items
    }
}

/// Everything of the site that the English pages will show in Azerbaijani, by kind (kinds
/// without items left out); nothing when the site is not published in English, or English is
/// its default language (the pages are then written in English).
pub fn list(
    root: &Path,
    config: &Config,
    pages: &[Page],
    certificates: &Certificates,
    decisions: &[Decision],
    sessions: &[&Session],
) -> Vec<Untranslated> {
    if !config.languages.contains(&Lang::En) || config.default_lang() == Lang::En {
        return Vec::new();
    }
    let mut out = vec![
        Untranslated { kind: Kind::Page, file: crate::load::content::DIR.to_owned(), items: self::pages(pages) },
        Untranslated { kind: Kind::Setting, file: SITE_TOML.to_owned(), items: settings(config) },
    ];
    let register = certificates.place.path.to_string_lossy().into_owned();
    for (kind, items) in self::certificates(certificates) {
        out.push(Untranslated { kind, file: register.clone(), items });
    }
    out.push(Untranslated { kind: Kind::Reason, file: table(root, crate::load::decisions::PATH), items: self::decisions(decisions) });
    let mut by_kind: Vec<Untranslated> = Vec::new();
    for s in sessions {
        for (kind, item) in session(s, config) {
            match by_kind.iter_mut().find(|u| u.kind == kind) {
                Some(u) => u.items.push(&item),
                None => by_kind.push(Untranslated {
                    kind,
                    file: crate::load::interviews::DIR.to_owned(),
                    items: [item.as_str()].into_iter().collect(),
                }),
            }
        }
    }
    by_kind.sort_by_key(|u| u.kind);
    out.extend(by_kind);
    out.retain(|u| u.items.count > 0);
    out
}

/// The content pages in the default language without an English translation: their files.
pub fn pages(pages: &[Page]) -> Items {
    let english = |path: &str| pages.iter().any(|t| t.path == path && t.lang == Some(Lang::En));
    pages.iter().filter(|p| p.lang != Some(Lang::En) && !english(&p.path)).map(|p| p.source.as_str()).collect()
}

/// The settings of site.toml given in Azerbaijani without their English: the keys to add.
pub fn settings(config: &Config) -> Items {
    let given = |v: Option<&str>| v.is_some_and(|v| !v.trim().is_empty());
    let missing = |az: Option<&str>, en: Option<&str>| given(az) && !given(en);
    let i = &config.interviews;
    [
        ("title_en", missing(Some(&config.title), config.title_en.as_deref())),
        ("[issuer] name_en", missing(Some(&config.issuer.name), config.issuer.name_en.as_deref())),
        ("[interviews] institution_en", missing(i.institution.as_deref(), i.institution_en.as_deref())),
        ("[interviews] address_en", missing(i.address.as_deref(), i.address_en.as_deref())),
    ]
    .into_iter()
    .filter(|(_, missing)| *missing)
    .map(|(key, _)| key)
    .collect()
}

/// The certificates without `profession_en`, and those with a scope but no `scope_en`: their
/// numbers.
pub fn certificates(certificates: &Certificates) -> [(Kind, Items); 2] {
    let list = &certificates.list;
    [
        (Kind::Profession, list.iter().filter(|c| c.profession_en.is_none()).map(|c| c.number.as_str()).collect()),
        (Kind::Scope, list.iter().filter(|c| !c.scope.is_empty() && c.scope_en.is_none()).map(|c| c.number.as_str()).collect()),
    ]
}

/// The decisions without `reason_en`: their ids.
pub fn decisions(decisions: &[Decision]) -> Items {
    decisions.iter().filter(|d| d.reason_en.as_deref().is_none_or(|r| r.trim().is_empty())).map(|d| d.id.as_str()).collect()
}

/// What a session's page shows in Azerbaijani on the English pages, by kind: its session.toml
/// (or its id and the vacancy) for each.
pub fn session(s: &Session, config: &Config) -> Vec<(Kind, String)> {
    let file = format!("{}/{}/session.toml", crate::load::interviews::DIR, s.id);
    let mut out = Vec::new();
    // site.toml's university without its English is a setting (reported once, there).
    let own = config.interviews.institution.as_deref() != Some(s.institution.as_str());
    if own && s.institution_en.is_none() {
        out.push((Kind::Institution, file.clone()));
    }
    let missing: Vec<&str> = [("title_en", &s.title_en), ("place_en", &s.place_en)]
        .into_iter()
        .filter(|(_, english)| english.as_deref().is_none_or(|e| e.trim().is_empty()))
        .map(|(key, _)| key)
        .collect();
    if !missing.is_empty() {
        out.push((Kind::Session, format!("{file} ({})", missing.join(", "))));
    }
    for v in &s.vacancies {
        if v.specialty_en.as_deref().is_none_or(|e| e.trim().is_empty()) {
            out.push((Kind::Specialty, format!("{}: {}", s.id, v.specialty)));
        }
    }
    out
}

/// The file a table was read from: its CSV file, else its workbook (DESIGN §3 "Excel
/// workbooks").
fn table(root: &Path, rel: &str) -> String {
    let book = crate::load::xlsx::workbook_path(rel);
    if !root.join(rel).exists() && root.join(&book).exists() {
        book
    } else {
        rel.to_owned()
    }
}

/// One warning per kind: how many, the first [`NAMED`] named, where to add the English.
pub fn warnings(list: &[Untranslated]) -> Problems {
    let mut problems = Problems::new();
    for u in list {
        let named = u.items.named.join(", ");
        let items = match u.items.count - u.items.named.len() {
            0 => named,
            more => tr!("untranslated-more", items = named, count = more),
        };
        problems.push(u.kind.warning(u.items.count, &items, &u.file));
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_are_counted_and_only_the_first_kept() {
        let numbers: Vec<String> = (0..100_000).map(|i| format!("T-{i:06}")).collect();
        let items: Items = numbers.iter().map(String::as_str).collect();
        assert_eq!(items.count, 100_000);
        assert_eq!(items.named, ["T-000000", "T-000001", "T-000002", "T-000003", "T-000004"]);
    }

    #[test]
    fn a_setting_is_listed_when_its_azerbaijani_is_given_and_its_english_is_not() {
        let mut problems = Problems::new();
        let config = Config::parse(
            "base_url = \"https://x.example\"\ntitle = \"Reyestr\"\ntitle_en = \"Register\"\nlanguages = [\"az\", \"en\"]\n[issuer]\nname = \"Orqan\"\n[interviews]\naddress = \"Bakı\"\naddress_en = \" \"\n",
            &mut problems,
        )
        .unwrap();
        assert_eq!(settings(&config).named, ["[issuer] name_en", "[interviews] address_en"]);
    }
}

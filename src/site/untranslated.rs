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
    /// Every item, in input order.
    pub items: Vec<String>,
}

/// Everything of the site that the English pages will show in Azerbaijani, by kind (kinds
/// without items left out); nothing when the site is not published in English.
pub fn list(
    root: &Path,
    config: &Config,
    pages: &[Page],
    certificates: &Certificates,
    decisions: &[Decision],
    sessions: &[&Session],
) -> Vec<Untranslated> {
    if !config.languages.contains(&Lang::En) {
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
                Some(u) => u.items.push(item),
                None => by_kind.push(Untranslated { kind, file: crate::load::interviews::DIR.to_owned(), items: vec![item] }),
            }
        }
    }
    by_kind.sort_by_key(|u| u.kind);
    out.extend(by_kind);
    out.retain(|u| !u.items.is_empty());
    out
}

/// The content pages in the default language without an English translation: their files.
pub fn pages(pages: &[Page]) -> Vec<String> {
    let english = |path: &str| pages.iter().any(|t| t.path == path && t.lang == Some(Lang::En));
    pages.iter().filter(|p| p.lang != Some(Lang::En) && !english(&p.path)).map(|p| p.source.clone()).collect()
}

/// The settings of site.toml given in Azerbaijani without their English: the keys to add.
pub fn settings(config: &Config) -> Vec<String> {
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
    .map(|(key, _)| key.to_owned())
    .collect()
}

/// The certificates without `profession_en`, and those with a scope but no `scope_en`: their
/// numbers.
pub fn certificates(certificates: &Certificates) -> [(Kind, Vec<String>); 2] {
    let list = &certificates.list;
    [
        (Kind::Profession, list.iter().filter(|c| c.profession_en.is_none()).map(|c| c.number.clone()).collect()),
        (Kind::Scope, list.iter().filter(|c| !c.scope.is_empty() && c.scope_en.is_none()).map(|c| c.number.clone()).collect()),
    ]
}

/// The decisions without `reason_en`: their ids.
pub fn decisions(decisions: &[Decision]) -> Vec<String> {
    decisions.iter().filter(|d| d.reason_en.as_deref().is_none_or(|r| r.trim().is_empty())).map(|d| d.id.clone()).collect()
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
    // A session's title and place, and each vacancy's specialty, once they have an English
    // form, are each a line here: `(Kind::SessionTitle, file.clone())`,
    // `(Kind::Specialty, format!("{file}: {specialty}"))`.
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
        let named = u.items[..u.items.len().min(NAMED)].join(", ");
        let items = match u.items.len().saturating_sub(NAMED) {
            0 => named,
            more => tr!("untranslated-more", items = named, count = more),
        };
        problems.push(u.kind.warning(u.items.len(), &items, &u.file));
    }
    problems
}

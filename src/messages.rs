//! What staff read, in their language: every message of every command (errors, hints,
//! warnings, summaries, progress labels, `--help`, the preview's error box) comes from one
//! message catalogue in Project Fluent's syntax, `messages/<lang>/<area>.ftl`, in Azerbaijani
//! and English (DESIGN §2 "Language of messages"). The pages' own words are the site's, in
//! [`crate::render::i18n`].
//!
//! The language is chosen once, before anything is said: `--lang az|en`, else the locale of the
//! environment (`LC_ALL`, then `LC_MESSAGES`, then `LANG`, the first that is set and not
//! empty: one starting with `az` is Azerbaijani), else English. Code says a message with
//! [`tr!`]: `tr!("report-here")`, `tr!("errors-count", count = n)`. A test
//! holds the two catalogues to the same messages with the same variables, and every key the
//! code names to a message of the catalogue.

use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// A language staff messages are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// Azerbaijani.
    Az,
    /// English.
    En,
}

impl Lang {
    /// The language a locale name (`az_AZ.UTF-8`, `en_GB`, `C`) asks for: Azerbaijani for `az…`,
    /// else English.
    pub fn of_locale(locale: &str) -> Lang {
        if locale.get(..2).is_some_and(|l| l.eq_ignore_ascii_case("az")) {
            Lang::Az
        } else {
            Lang::En
        }
    }

    /// The language of the environment's locale: `LC_ALL`, else `LC_MESSAGES`, else `LANG`
    /// (the first that is set and not empty, as POSIX orders them), else English.
    pub fn from_env() -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|v| std::env::var(v).ok().filter(|l| !l.is_empty()))
            .map_or(Lang::En, |l| Lang::of_locale(&l))
    }

    /// `az` or `en`, as `--lang` takes it.
    pub fn parse(code: &str) -> Option<Lang> {
        match code {
            "az" => Some(Lang::Az),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The catalogue's folder name.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Az => "az",
            Lang::En => "en",
        }
    }
}

static CURRENT: AtomicU8 = AtomicU8::new(1);

/// Chooses the language of every message from now on (the command line does, first thing).
pub fn set(lang: Lang) {
    CURRENT.store(lang as u8, Ordering::Relaxed);
}

/// The language messages are written in.
pub fn lang() -> Lang {
    if CURRENT.load(Ordering::Relaxed) == Lang::Az as u8 {
        Lang::Az
    } else {
        Lang::En
    }
}

/// The catalogue's files: `(area, Azerbaijani, English)`, read into the binary.
macro_rules! catalogue {
    ($($area:literal),+ $(,)?) => {
        /// The catalogue's areas and their texts.
        pub const CATALOGUE: &[(&str, &str, &str)] = &[$((
            $area,
            include_str!(concat!("../messages/az/", $area, ".ftl")),
            include_str!(concat!("../messages/en/", $area, ".ftl")),
        )),+];
    };
}

catalogue![
    "common",
    "cli",
    "progress",
    "serve",
    "print",
    "publish",
    "rules",
    "config",
    "content",
    "interviews",
    "state",
    "verify",
    "write",
    "commands",
    "site",
    "load",
    "translation",
];

fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static BUNDLES: OnceLock<[FluentBundle<FluentResource>; 2]> = OnceLock::new();
    let bundles = BUNDLES.get_or_init(|| [make(Lang::Az), make(Lang::En)]);
    &bundles[lang as usize]
}

fn make(lang: Lang) -> FluentBundle<FluentResource> {
    let id: unic_langid::LanguageIdentifier = lang.code().parse().expect("a language identifier");
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Terminals and logs: no Unicode isolation marks around the values.
    bundle.set_use_isolating(false);
    for (area, az, en) in CATALOGUE {
        let text = match lang {
            Lang::Az => az,
            Lang::En => en,
        };
        // The catalogue is part of the binary: its tests parse every file.
        let resource = FluentResource::try_new((*text).to_owned()).unwrap_or_else(|(r, _)| r);
        if let Err(errors) = bundle.add_resource(resource) {
            debug_assert!(false, "messages/{}/{area}.ftl: {errors:?}", lang.code());
        }
    }
    bundle
}

/// A value given to a message.
#[derive(Debug, Clone)]
pub enum Arg {
    /// Text, shown as it is.
    Text(String),
    /// A number: it chooses the plural form (`{ $count -> [one] … *[other] … }`).
    Number(i64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_owned())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Text(s.clone())
    }
}

macro_rules! number_arg {
    ($($t:ty),+) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )+};
}
number_arg!(usize, u64, u32, u16, u8, i64, i32);

/// The message `key` of the catalogue in the current language, with `args`. A key that is not
/// in the catalogue (a test rules it out) gives the key itself.
pub fn text(key: &str, args: &[(&str, Arg)]) -> String {
    text_in(lang(), key, args)
}

/// [`text`] in `lang`.
pub fn text_in(lang: Lang, key: &str, args: &[(&str, Arg)]) -> String {
    lookup_in(lang, key, args).unwrap_or_else(|| key.to_owned())
}

/// The message `key` in the current language, if the catalogue has it (for keys made at run
/// time, such as the command line's: `cli-build-out`).
pub fn lookup(key: &str) -> Option<String> {
    lookup_in(lang(), key, &[])
}

fn lookup_in(lang: Lang, key: &str, args: &[(&str, Arg)]) -> Option<String> {
    let bundle = bundle(lang);
    let (id, attribute) = match key.split_once('.') {
        Some((id, attribute)) => (id, Some(attribute)),
        None => (key, None),
    };
    let message = bundle.get_message(id)?;
    let pattern = match attribute {
        Some(a) => message.get_attribute(a)?.value(),
        None => message.value()?,
    };
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        match value {
            Arg::Text(s) => fluent_args.set(*name, FluentValue::from(s.as_str())),
            Arg::Number(n) => fluent_args.set(*name, FluentValue::from(*n)),
        }
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
    debug_assert!(errors.is_empty(), "message {key}: {errors:?}");
    Some(text.into_owned())
}

/// A message of the catalogue in the current language: `tr!("key")`, or with values,
/// `tr!("key", name = value, count = n)` (text or a number; a number chooses the plural form).
#[macro_export]
macro_rules! tr {
    ($key:literal) => {
        $crate::messages::text($key, &[])
    };
    ($key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::messages::text($key, &[$((stringify!($name), $crate::messages::Arg::from($value))),+])
    };
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use fluent_syntax::ast;

    use super::*;

    /// Each message and term of a catalogue file (with `.attribute`s as `id.attribute`) and the
    /// variables it uses.
    fn messages(area: &str, lang: &str, text: &str) -> BTreeMap<String, BTreeSet<String>> {
        let resource = fluent_syntax::parser::parse(text).unwrap_or_else(|(_, e)| panic!("messages/{lang}/{area}.ftl: {e:?}"));
        let mut out = BTreeMap::new();
        for entry in resource.body {
            let (id, value, attributes) = match entry {
                ast::Entry::Message(m) => (m.id.name.to_owned(), m.value, m.attributes),
                ast::Entry::Term(t) => (format!("-{}", t.id.name), Some(t.value), t.attributes),
                ast::Entry::Junk { content } => panic!("messages/{lang}/{area}.ftl: cannot read {content:?}"),
                _ => continue,
            };
            let mut vars = BTreeSet::new();
            if let Some(v) = &value {
                variables(v, &mut vars);
            }
            assert!(out.insert(id.clone(), vars).is_none(), "messages/{lang}/{area}.ftl: {id} twice");
            for a in attributes {
                let mut vars = BTreeSet::new();
                variables(&a.value, &mut vars);
                out.insert(format!("{id}.{}", a.id.name), vars);
            }
        }
        out
    }

    fn variables(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
        for element in &pattern.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                expression_variables(expression, out);
            }
        }
    }

    fn expression_variables(expression: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
        match expression {
            ast::Expression::Select { selector, variants } => {
                inline_variables(selector, out);
                for v in variants {
                    variables(&v.value, out);
                }
            }
            ast::Expression::Inline(inline) => inline_variables(inline, out),
        }
    }

    fn inline_variables(inline: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
        match inline {
            ast::InlineExpression::VariableReference { id } => {
                out.insert(id.name.to_owned());
            }
            ast::InlineExpression::Placeable { expression } => expression_variables(expression, out),
            _ => {}
        }
    }

    #[test]
    fn the_two_catalogues_have_the_same_messages_with_the_same_variables() {
        for (area, az, en) in CATALOGUE {
            let (az, en) = (messages(area, "az", az), messages(area, "en", en));
            let only =
                |a: &BTreeMap<String, _>, b: &BTreeMap<String, _>| a.keys().filter(|k| !b.contains_key(*k)).cloned().collect::<Vec<_>>();
            assert!(only(&en, &az).is_empty(), "messages/az/{area}.ftl lacks {:?}", only(&en, &az));
            assert!(only(&az, &en).is_empty(), "messages/en/{area}.ftl lacks {:?}", only(&az, &en));
            for (id, vars) in &en {
                assert_eq!(&az[id], vars, "{area}: {id} takes other values in Azerbaijani than in English");
            }
        }
    }

    #[test]
    fn no_message_is_in_two_areas() {
        let mut seen = BTreeMap::new();
        for (area, _, en) in CATALOGUE {
            for id in messages(area, "en", en).into_keys() {
                if let Some(other) = seen.insert(id.clone(), *area) {
                    panic!("{id} is in {other}.ftl and {area}.ftl");
                }
            }
        }
    }

    /// The names given to a `tr!` whose text starts after its key (`, name = value, …)`): the
    /// identifiers before `=` at the macro's own depth, outside strings.
    fn names_given(rest: &str) -> BTreeSet<String> {
        let (mut depth, mut in_string, mut escaped, mut names, mut part) = (0usize, false, false, BTreeSet::new(), String::new());
        let take = |part: &mut String, names: &mut BTreeSet<String>| {
            if let Some((name, _)) = part.split_once('=') {
                let name = name.trim();
                if !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_') {
                    names.insert(name.to_owned());
                }
            }
            part.clear();
        };
        for c in rest.chars() {
            if in_string {
                match (escaped, c) {
                    (false, '\\') => escaped = true,
                    (false, '"') => in_string = false,
                    _ => escaped = false,
                }
                continue;
            }
            match c {
                '"' => in_string = true,
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' if depth == 0 => break,
                ')' | ']' | '}' => depth -= 1,
                ',' if depth == 0 => take(&mut part, &mut names),
                _ if depth == 0 => part.push(c),
                _ => {}
            }
        }
        take(&mut part, &mut names);
        names
    }

    /// Every `tr!("key", …)` of the sources names a message of the catalogue and gives it
    /// exactly the values it uses: a value missing would print as `{$name}`.
    #[test]
    fn every_key_the_code_names_is_in_the_catalogue_with_its_values() {
        let known: BTreeMap<String, BTreeSet<String>> = CATALOGUE.iter().flat_map(|(area, _, en)| messages(area, "en", en)).collect();
        let mut used = 0;
        for entry in walkdir::WalkDir::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")) {
            let entry = entry.unwrap();
            if entry.path().extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let source = std::fs::read_to_string(entry.path()).unwrap();
            for (i, _) in source.match_indices("tr!(\"") {
                if source[..i].ends_with(|c: char| c.is_alphanumeric() || c == '_') {
                    continue; // include_str!, …
                }
                let key = source[i + 5..].split('"').next().unwrap();
                if key == "key" {
                    continue; // this module's own documentation
                }
                used += 1;
                let path = entry.path().display();
                let Some(wanted) = known.get(key) else { panic!("{path}: tr!(\"{key}\") is not in the catalogue") };
                let given = names_given(&source[i + 5 + key.len() + 1..]);
                assert_eq!(&given, wanted, "{path}: tr!(\"{key}\") gives other values than the message uses");
            }
        }
        assert!(used > 100, "{used}");
    }

    #[test]
    fn the_locale_chooses_azerbaijani_for_az_and_english_else() {
        assert_eq!(Lang::of_locale("az_AZ.UTF-8"), Lang::Az);
        assert_eq!(Lang::of_locale("az"), Lang::Az);
        assert_eq!(Lang::of_locale("AZ_az"), Lang::Az);
        assert_eq!(Lang::of_locale("en_GB.UTF-8"), Lang::En);
        assert_eq!(Lang::of_locale("C"), Lang::En);
        assert_eq!(Lang::of_locale("ru_RU"), Lang::En);
    }

    #[test]
    fn plural_forms_and_values_are_filled_in() {
        let n = |count: usize| vec![("count", Arg::from(count))];
        assert_eq!(text_in(Lang::En, "errors-count", &n(1)), "1 error");
        assert_eq!(text_in(Lang::En, "errors-count", &n(3)), "3 errors");
        assert_eq!(text_in(Lang::Az, "errors-count", &n(3)), "3 xəta");
        assert_eq!(text_in(Lang::En, "no-such-message", &[]), "no-such-message");
    }
}

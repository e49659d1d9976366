//! Stage "load": Markdown pages from `content/**/*.md` (DESIGN §3), TOML front matter between
//! `+++` lines. `content/about.md` becomes `/about/`, `content/a/b.md` becomes `/a/b/`, and
//! `content/_index.md` (or `index.md`) gives the home page its text. Raw HTML in Markdown is
//! shown as text, never passed through: every byte of output is escaped, so a strict CSP holds.

use std::path::Path;
use std::sync::Arc;

use pulldown_cmark::{html, Event, Options, Parser};
use serde::Deserialize;
use walkdir::WalkDir;

use crate::config::toml_problem;
use crate::diag::{At, Problem, Problems};
use crate::routes::RESERVED;

/// The folder, relative to the site root.
pub const DIR: &str = "content";

/// Front matter keys (strict: an unknown key is an error with the nearest known one).
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct FrontMatter {
    title: String,
    description: Option<String>,
    weight: i64,
    template: Option<String>,
    organisation: Option<Organisation>,
}

/// Whose page a content page is (front matter `organisation`): the certification body's, the
/// site's owner (the default), or the university's, whose interview pages it joins (its menu,
/// header and footer).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Organisation {
    /// The certification body.
    #[default]
    Body,
    /// The university of `[interviews] institution`.
    University,
}

/// One rendered Markdown page.
#[derive(Debug, Clone)]
pub struct Page {
    /// The source file, relative to the site root (`content/about.md`).
    pub source: String,
    /// Path of the page below the site root, without slashes at either end (`about`, `a/b`);
    /// empty for the home page.
    pub path: String,
    /// Title from the front matter.
    pub title: String,
    /// Description for `<meta name="description">`.
    pub description: Option<String>,
    /// Menu order, smallest first.
    pub weight: i64,
    /// Template name (default `page.html`).
    pub template: String,
    /// The language of a translation (`about.en.md`); `None` for the default language.
    pub lang: Option<crate::config::Lang>,
    /// Whose page it is. A translation says it only to repeat its original's (it is its
    /// original's otherwise).
    pub organisation: Organisation,
    /// Whether the front matter says `organisation`.
    pub organisation_given: bool,
    /// The body as HTML.
    pub html: String,
}

/// Reads every page, reporting every problem; pages sorted by weight, then path.
pub fn load(root: &Path, problems: &mut Problems) -> Vec<Page> {
    let dir = root.join(DIR);
    if !dir.is_dir() {
        return Vec::new();
    }
    let mut pages = Vec::new();
    for entry in WalkDir::new(&dir).sort_by_file_name() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                problems.push(Problem::error(tr!("content-cannot-read-folder", error = e.to_string())).at(At::file(DIR)));
                continue;
            }
        };
        let path = entry.path();
        if !entry.file_type().is_file() || path.extension().is_none_or(|e| e != "md") {
            continue;
        }
        let rel = path.strip_prefix(root).unwrap_or(path).to_string_lossy().replace('\\', "/");
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                problems.push(Problem::error(tr!("content-cannot-read", path = &rel, error = e.to_string())).at(At::file(&rel)));
                continue;
            }
        };
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                problems.push(Problem::error(tr!("content-not-utf8", path = &rel, byte = e.utf8_error().valid_up_to())).at(At::file(&rel)));
                continue;
            }
        };
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let stem = path.strip_prefix(&dir).unwrap_or(path).with_extension("");
        let mut url_path = stem.to_string_lossy().replace('\\', "/");
        // `about.en.md` is the English version of `about.md`.
        let mut lang = None;
        for l in [crate::config::Lang::Az, crate::config::Lang::En] {
            if let Some(base) = url_path.strip_suffix(&format!(".{}", l.code())) {
                url_path = base.to_owned();
                lang = Some(l);
            }
        }
        if url_path == "_index" || url_path == "index" {
            url_path.clear();
        } else if let Some(parent) = url_path.strip_suffix("/_index").or(url_path.strip_suffix("/index")) {
            url_path = parent.to_owned();
        }
        let first = url_path.split('/').next().unwrap_or_default();
        if reserved(first) {
            let bad = first;
            problems.push(
                Problem::error(tr!("content-reserved", path = &rel, address = format!("/{url_path}/"), name = bad))
                    .at(At::file(&rel))
                    .help(tr!(
                        "content-reserved-help",
                        names = RESERVED[..RESERVED.len() - 1].join(", "),
                        last = RESERVED[RESERVED.len() - 1]
                    )),
            );
            continue;
        }
        if let Some(mut page) = parse(&rel, url_path, text, problems) {
            page.lang = lang;
            pages.push(page);
        }
    }
    pages.sort_by(|a, b| (a.weight, &a.path, a.lang.map(|l| l.code())).cmp(&(b.weight, &b.path, b.lang.map(|l| l.code()))));
    inherit_organisation(&mut pages, problems);
    // Two files for one address (`about.md` and `about/index.md`): one would overwrite the other.
    let mut seen: std::collections::HashMap<(&str, Option<&str>), &str> = std::collections::HashMap::new();
    for page in &pages {
        if let Some(first) = seen.insert((&page.path, page.lang.map(|l| l.code())), &page.source) {
            problems.push(
                Problem::error(tr!("content-same-address", path = &page.source, first = first, address = format!("/{}/", page.path)))
                    .at(At::file(&page.source))
                    .help(tr!("content-same-address-help")),
            );
        }
    }
    pages
}

/// A translation (`about.en.md`) is its original's organisation's page: it takes the
/// original's when it says none, and one that says another is an error (the two languages of a
/// page would sit in two menus).
fn inherit_organisation(pages: &mut [Page], problems: &mut Problems) {
    let originals: std::collections::HashMap<String, (Organisation, String)> =
        pages.iter().filter(|p| p.lang.is_none()).map(|p| (p.path.clone(), (p.organisation, p.source.clone()))).collect();
    for page in pages.iter_mut().filter(|p| p.lang.is_some()) {
        let Some((organisation, original)) = originals.get(&page.path) else { continue };
        if !page.organisation_given {
            page.organisation = *organisation;
        } else if page.organisation != *organisation {
            problems.push(
                Problem::error(tr!("content-organisation-differs", original = original.as_str(), organisation = organisation.code()))
                    .at(At::file(&page.source))
                    .help(tr!("content-organisation-differs-help", original = original.as_str())),
            );
        }
    }
}

impl Organisation {
    /// The front matter's value.
    pub fn code(self) -> &'static str {
        match self {
            Organisation::Body => "body",
            Organisation::University => "university",
        }
    }
}

/// Addresses certsite publishes itself: a page there would collide with them.
fn reserved(first: &str) -> bool {
    RESERVED.contains(&first)
}

/// Parses one page: front matter, then Markdown.
pub fn parse(rel: &str, path: String, text: &str, problems: &mut Problems) -> Option<Page> {
    let source: Arc<str> = Arc::from(text);
    let Some(rest) = text.strip_prefix("+++").filter(|r| r.starts_with('\n') || r.starts_with("\r\n")) else {
        problems.push(
            Problem::error(tr!("content-no-front-matter"))
                .at(At::offset(rel, text, 0, 0))
                .help(tr!("content-no-front-matter-help"))
                .with_source(source),
        );
        return None;
    };
    let Some(end) = rest.find("\n+++") else {
        problems.push(
            Problem::error(tr!("content-front-matter-not-closed"))
                .at(At::offset(rel, text, 0, 3))
                .help(tr!("content-front-matter-not-closed-help"))
                .with_source(source),
        );
        return None;
    };
    let front = &rest[..end + 1];
    let body_start = 3 + end + 4;
    let body = text[body_start..].trim_start_matches(['\r', '\n']);
    let front_matter: FrontMatter = match toml::from_str(front) {
        Ok(f) => f,
        Err(e) => {
            // Positions in the front matter are shifted by the opening "+++".
            let mut p = toml_problem(rel, &Arc::from(front), &e);
            if let Some(span) = e.span() {
                p.at = Some(At::offset(rel, text, span.start + 3, span.end - span.start));
            }
            problems.push(p.with_source(source));
            return None;
        }
    };
    if front_matter.title.trim().is_empty() {
        problems.push(
            Problem::error(tr!("content-no-title")).at(At::offset(rel, text, 0, 3)).help(tr!("content-no-title-help")).with_source(source),
        );
        return None;
    }
    Some(Page {
        source: rel.to_owned(),
        path,
        title: front_matter.title.trim().to_owned(),
        description: front_matter.description,
        weight: front_matter.weight,
        template: front_matter.template.unwrap_or_else(|| "page.html".to_owned()),
        lang: None,
        organisation: front_matter.organisation.unwrap_or_default(),
        organisation_given: front_matter.organisation.is_some(),
        html: markdown_to_html(body),
    })
}

/// Markdown to HTML with tables, footnotes and strikethrough; raw HTML becomes text.
pub fn markdown_to_html(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_HEADING_ATTRIBUTES;
    let events = Parser::new_ext(markdown, options).map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
        other => other,
    });
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, events);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_and_markdown() {
        let mut p = Problems::new();
        let page =
            parse("content/about.md", "about".into(), "+++\ntitle = \"Haqqımızda\"\nweight = 2\n+++\n# Başlıq\n\n*ə*\n", &mut p).unwrap();
        assert_eq!(page.title, "Haqqımızda");
        assert_eq!(page.html, "<h1>Başlıq</h1>\n<p><em>ə</em></p>\n");
    }

    #[test]
    fn raw_html_is_escaped() {
        let html = markdown_to_html("<script>alert(1)</script>\n\nx <img src=x onerror=alert(1)>");
        assert!(!html.contains("<script") && !html.contains("<img"), "{html}");
        assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"), "{html}");
    }

    #[test]
    fn organisation_is_the_body_unless_the_page_says_university_and_a_translation_follows_its_original() {
        let dir = tempfile::tempdir().unwrap();
        let content = dir.path().join(DIR);
        std::fs::create_dir_all(&content).unwrap();
        let page = |name: &str, front: &str| std::fs::write(content.join(name), format!("+++\ntitle = \"T\"\n{front}+++\nx\n")).unwrap();
        page("a.md", "");
        page("rules.md", "organisation = \"university\"\n");
        page("rules.en.md", "");
        let mut p = Problems::new();
        let pages = load(dir.path(), &mut p);
        assert!(!p.has_errors());
        let of = |source: &str| pages.iter().find(|x| x.source == source).unwrap().organisation;
        assert_eq!(of("content/a.md"), Organisation::Body);
        assert_eq!(of("content/rules.md"), Organisation::University);
        assert_eq!(of("content/rules.en.md"), Organisation::University, "a translation is its original's");

        // A translation that says another organisation; a value that is none.
        page("rules.en.md", "organisation = \"body\"\n");
        page("a.md", "organisation = \"universty\"\n");
        let mut p = Problems::new();
        load(dir.path(), &mut p);
        let msgs: Vec<String> = p.iter().map(|x| x.to_string()).collect();
        assert_eq!(msgs.len(), 2, "{msgs:?}");
        assert!(msgs.iter().any(|m| m.starts_with("content/a.md:3:") && m.contains("universty")), "{msgs:?}");
        assert!(
            msgs.iter().any(|m| m.starts_with("content/rules.en.md: this translation names another organisation than content/rules.md")),
            "{msgs:?}"
        );
    }

    #[test]
    fn unknown_front_matter_key_has_position() {
        let mut p = Problems::new();
        assert!(parse("content/a.md", "a".into(), "+++\ntitle = \"A\"\nwieght = 1\n+++\nx", &mut p).is_none());
        let msg = p.iter().next().unwrap().to_string();
        assert!(msg.starts_with("content/a.md:3:1: unknown key `wieght`") && msg.contains("`weight`"), "{msg}");
    }
}

//! Stage "render", templates: the default templates are compiled into the binary
//! (`include_str!`, so a site with no `templates/` folder builds), and a site's own
//! `templates/<name>.html` replaces the default of the same name. tera autoescapes every
//! `.html` template: a value is HTML-escaped unless a template marks it `| safe`, which the
//! defaults do only for Markdown already rendered by certsite.

use std::path::Path;

use sha2::{Digest, Sha256};
use tera::Tera;
use walkdir::WalkDir;

use crate::diag::{At, Problem, Problems};

/// The site folder whose files override the defaults.
pub const DIR: &str = "templates";

/// `(name, source)` of every default template.
pub const DEFAULTS: &[(&str, &str)] = &[
    ("base.html", include_str!("../../templates/base.html")),
    ("index.html", include_str!("../../templates/index.html")),
    ("page.html", include_str!("../../templates/page.html")),
    ("certificate.html", include_str!("../../templates/certificate.html")),
    ("verify.html", include_str!("../../templates/verify.html")),
    ("404.html", include_str!("../../templates/404.html")),
    ("notice.html", include_str!("../../templates/notice.html")),
    ("notices.html", include_str!("../../templates/notices.html")),
    ("session.html", include_str!("../../templates/session.html")),
    ("interviews.html", include_str!("../../templates/interviews.html")),
];

/// Builds the template engine: defaults, then the site's overrides. Every broken template is
/// reported with its file. Returns the engine and a digest of every template's source.
pub fn engine(root: &Path, problems: &mut Problems) -> Option<(Tera, [u8; 32])> {
    let mut sources: Vec<(String, String, String)> =
        DEFAULTS.iter().map(|(n, s)| ((*n).to_owned(), (*s).to_owned(), format!("(built-in) {n}"))).collect();
    let dir = root.join(DIR);
    if dir.is_dir() {
        for entry in WalkDir::new(&dir).sort_by_file_name().into_iter().flatten() {
            let path = entry.path();
            if !entry.file_type().is_file() || path.extension().is_none_or(|e| e != "html") {
                continue;
            }
            let name = path.strip_prefix(&dir).unwrap_or(path).to_string_lossy().replace('\\', "/");
            let rel = format!("{DIR}/{name}");
            match std::fs::read_to_string(path) {
                Ok(source) => match sources.iter_mut().find(|(n, _, _)| *n == name) {
                    Some(slot) => *slot = (name, source, rel),
                    None => sources.push((name, source, rel)),
                },
                Err(e) => problems.push(Problem::error(format!("cannot read {rel}: {e}")).at(At::file(rel))),
            }
        }
    }
    let mut tera = Tera::default();
    if let Err(e) = tera.add_raw_templates(sources.iter().map(|(n, s, _)| (n.as_str(), s.as_str()))) {
        let text = error_chain(&e);
        // tera names the template that failed: point at its file.
        let rel = sources.iter().find(|(n, _, _)| text.contains(&format!("'{n}'"))).map_or(DIR.to_owned(), |(_, _, r)| r.clone());
        problems.push(Problem::error(format!("template error: {text}")).at(At::file(rel)));
        return None;
    }
    tera.autoescape_on(vec![".html", ".xml"]);
    tera.set_escape_fn(escape_html);
    let mut digest = Sha256::new();
    for (name, source, _) in &sources {
        digest.update(name.as_bytes());
        digest.update([0]);
        digest.update(source.as_bytes());
        digest.update([0]);
    }
    Some((tera, digest.finalize().into()))
}

/// Escapes `& < > " '` (enough for text and double-quoted attributes). Unlike tera's default
/// it leaves `/` alone, so URLs in `href` stay readable.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A tera error with its causes, on one line.
pub fn error_chain(e: &tera::Error) -> String {
    let mut text = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

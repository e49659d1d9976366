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
    ("scan.html", include_str!("../../templates/scan.html")),
    ("404.html", include_str!("../../templates/404.html")),
    ("notice.html", include_str!("../../templates/notice.html")),
    ("notices.html", include_str!("../../templates/notices.html")),
    ("session.html", include_str!("../../templates/session.html")),
    ("interviews.html", include_str!("../../templates/interviews.html")),
    ("verify-form.html", include_str!("../../templates/verify-form.html")),
    ("notice-item.html", include_str!("../../templates/notice-item.html")),
];

/// The site's templates: the compiled engine, the sources it was compiled from, and their
/// digest (a page whose view and templates did not change did not change).
#[derive(Clone)]
pub struct Templates {
    /// The engine, as written.
    pub tera: Tera,
    /// `(name, source)` of every template, the site's overrides in place of the defaults.
    sources: Vec<(String, String)>,
    /// Digest of every template's name and source.
    pub digest: [u8; 32],
}

/// Builds the template engine: defaults, then the site's overrides. Every broken template is
/// reported with its file.
pub fn engine(root: &Path, problems: &mut Problems) -> Option<Templates> {
    let mut sources: Vec<(String, String, String)> =
        DEFAULTS.iter().map(|(n, s)| ((*n).to_owned(), (*s).to_owned(), tr!("config-template-built-in", name = *n))).collect();
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
                Err(e) => problems.push(Problem::error(tr!("config-cannot-read", path = &rel, error = e.to_string())).at(At::file(rel))),
            }
        }
    }
    let tera = match compile(sources.iter().map(|(n, s, _)| (n.as_str(), s.as_str()))) {
        Ok(tera) => tera,
        Err(e) => {
            let text = error_chain(&e);
            // tera names the template that failed: point at its file.
            let rel = sources.iter().find(|(n, _, _)| text.contains(&format!("'{n}'"))).map_or(DIR.to_owned(), |(_, _, r)| r.clone());
            problems.push(Problem::error(tr!("config-template-error", error = text)).at(At::file(rel)));
            return None;
        }
    };
    let mut digest = Sha256::new();
    for (name, source, _) in &sources {
        digest.update(name.as_bytes());
        digest.update([0]);
        digest.update(source.as_bytes());
        digest.update([0]);
    }
    Some(Templates { tera, sources: sources.into_iter().map(|(n, s, _)| (n, s)).collect(), digest: digest.finalize().into() })
}

fn compile<'s>(sources: impl IntoIterator<Item = (&'s str, &'s str)>) -> tera::Result<Tera> {
    let mut tera = Tera::default();
    tera.add_raw_templates(sources)?;
    tera.autoescape_on(vec![".html", ".xml"]);
    tera.set_escape_fn(escape_html);
    Ok(tera)
}

impl Templates {
    /// The engine with what is the same on every page of a language folded in: each
    /// `{{ t.… }}`, `{{ site.… }}` and `{{ lang }}` that names a string (or number) of
    /// `constants` (the context every page of the language shares) is replaced by the text
    /// tera would print for it, so rendering 100,000 pages does not look those up 100,000
    /// times. The output is byte for byte the same (a test renders every page both ways).
    /// When a template could rebind those names (`set`, `for`, a macro; in a parent or an
    /// included template that reaches the others), nothing is folded; nor is a template with a
    /// `raw` block, nor anything if the folded sources do not compile.
    ///
    /// The certificate's fields are also read from the top of the context rather than through
    /// `cert`: each `cert.<field>` in a tag becomes `__cert_<field>` ([`FLAT_CERT`]), which
    /// tera finds with one look-up instead of splitting the path and copying each part of it,
    /// about forty times a page. That is done only when every template names `cert` that way
    /// alone (never bare, bound, indexed or in a `raw` block); [`Folded::flat_cert`] says
    /// whether it was, and the caller then inserts the fields one by one.
    pub fn folded(&self, constants: &serde_json::Value) -> Folded {
        let as_written = || Folded { tera: self.tera.clone(), flat_cert: false };
        if !self.fold() {
            return as_written();
        }
        let folded: Vec<(String, String)> = self.sources.iter().map(|(n, s)| (n.clone(), fold_constants(s, constants))).collect();
        let flat: Option<Vec<(String, String)>> =
            folded.iter().map(|(n, s)| flatten_paths(s, "cert", FLAT_CERT).map(|s| (n.clone(), s))).collect();
        if let Some(Ok(tera)) = flat.map(|flat| compile(flat.iter().map(|(n, s)| (n.as_str(), s.as_str())))) {
            return Folded { tera, flat_cert: true };
        }
        compile(folded.iter().map(|(n, s)| (n.as_str(), s.as_str())))
            .map_or_else(|_| as_written(), |tera| Folded { tera, flat_cert: false })
    }
}

/// The prefix of a certificate's fields inserted one by one at the top of the context (see
/// [`Templates::folded`]): `cert.number` is read as `__cert_number`.
pub const FLAT_CERT: &str = "__cert_";

/// The folded engine ([`Templates::folded`]).
pub struct Folded {
    /// The engine.
    pub tera: Tera,
    /// The templates read the certificate's fields as `__cert_<field>`, not `cert.<field>`.
    pub flat_cert: bool,
}

impl Templates {
    /// Whether [`Templates::folded`] folds anything: no template could rebind the names.
    pub fn fold(&self) -> bool {
        !self.sources.iter().any(|(_, s)| may_rebind(s))
    }
}

/// Whether a template could give `t`, `site` or `lang` another value than the context's: a
/// `set`, `set_global` or `for` tag that binds one of them, or a macro.
fn may_rebind(source: &str) -> bool {
    let bound = |w: Option<&&str>| w.is_some_and(|w| ["t", "site", "lang"].contains(w));
    let mut rest = source;
    while let Some(start) = rest.find("{%") {
        let Some(len) = rest[start..].find("%}") else { break };
        let tag = &rest[start + 2..start + len];
        rest = &rest[start + len + 2..];
        let words: Vec<&str> = tag.split(|c: char| !(c.is_alphanumeric() || c == '_')).filter(|w| !w.is_empty()).collect();
        let rebinds = match words.first().copied() {
            Some("macro") => true,
            Some("set" | "set_global") => bound(words.get(1)),
            // `for v in …` or `for k, v in …`
            Some("for") => bound(words.get(1)) || (words.get(2) != Some(&"in") && bound(words.get(2))),
            _ => false,
        };
        if rebinds {
            return true;
        }
    }
    false
}

/// See [`Templates::folded`].
fn fold_constants(source: &str, constants: &serde_json::Value) -> String {
    if source.contains("{% raw") || source.contains("{%- raw") {
        return source.to_owned();
    }
    let mut out = String::with_capacity(source.len());
    let mut rest = source;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let Some(len) = rest[start..].find("}}") else { break };
        let tag = &rest[start..start + len + 2];
        rest = &rest[start + len + 2..];
        match constant_text(&tag[2..tag.len() - 2], constants) {
            Some(text) => out.push_str(&text),
            None => out.push_str(tag),
        }
    }
    out.push_str(rest);
    out
}

/// `source` with each `<name>.<field>` inside a tag (`{{ }}`, `{% %}`; not in a string) written
/// `<prefix><field>`; `None` when a tag names `name` in any other way (bare, as in `{% set x =
/// cert %}` or `{% for cert in … %}`, or indexed, `cert["x"]`) or the source has a `raw` block:
/// then the fields must stay under `name`.
fn flatten_paths(source: &str, name: &str, prefix: &str) -> Option<String> {
    if source.contains("{% raw") || source.contains("{%- raw") {
        return None;
    }
    let ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut out = String::with_capacity(source.len());
    let mut rest = source;
    while let Some(start) = [rest.find("{{"), rest.find("{%"), rest.find("{#")].into_iter().flatten().min() {
        let close = match &rest[start..start + 2] {
            "{{" => "}}",
            "{%" => "%}",
            _ => "#}",
        };
        let Some(len) = rest[start + 2..].find(close) else { break };
        let end = start + 2 + len + 2;
        out.push_str(&rest[..start]);
        let tag = &rest[start..end];
        rest = &rest[end..];
        if close == "#}" {
            // A comment, as it is.
            out.push_str(tag);
            continue;
        }
        let bytes = tag.as_bytes();
        let (mut i, mut from, mut quote) = (0, 0, None::<u8>);
        while i < bytes.len() {
            let b = bytes[i];
            match quote {
                Some(q) if b == q => quote = None,
                Some(_) => {}
                None if matches!(b, b'"' | b'\'' | b'`') => quote = Some(b),
                None if bytes[i..].starts_with(name.as_bytes()) && (i == 0 || !(ident(bytes[i - 1]) || bytes[i - 1] == b'.')) => {
                    let after = i + name.len();
                    if bytes.get(after).is_some_and(|&c| ident(c)) {
                        // A longer identifier (`certificate`).
                        while i < bytes.len() && ident(bytes[i]) {
                            i += 1;
                        }
                        continue;
                    }
                    if bytes.get(after) != Some(&b'.') || !bytes.get(after + 1).is_some_and(|&c| c.is_ascii_alphabetic() || c == b'_') {
                        return None;
                    }
                    out.push_str(&tag[from..i]);
                    out.push_str(prefix);
                    i = after + 1;
                    from = i;
                    continue;
                }
                None => {}
            }
            i += 1;
        }
        out.push_str(&tag[from..]);
    }
    out.push_str(rest);
    Some(out)
}

/// What tera prints for `{{ <inner> }}` when `inner` is a plain path (no filter, no
/// whitespace control) to a string or number of `constants`.
fn constant_text(inner: &str, constants: &serde_json::Value) -> Option<String> {
    if inner.starts_with('-') || inner.ends_with('-') {
        return None;
    }
    let path = inner.trim();
    let mut parts = path.split('.');
    let first = parts.next()?;
    if !["t", "site", "lang"].contains(&first) {
        return None;
    }
    let mut value = constants.get(first)?;
    for part in parts {
        if part.is_empty() || !part.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return None;
        }
        value = value.get(part)?;
    }
    let text = match value {
        serde_json::Value::String(s) => escape_html(s),
        serde_json::Value::Number(n) => n.to_string(),
        _ => return None,
    };
    // Never make new template syntax out of the inserted text.
    (!text.contains('{') && !text.contains('}')).then_some(text)
}

/// Escapes `& < > " '` (enough for text and double-quoted attributes). Unlike tera's default
/// it leaves `/` alone, so URLs in `href` stay readable. One pass over the bytes: the runs
/// between special characters are copied whole.
pub fn escape_html(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut from = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&text[from..i]);
        out.push_str(entity);
        from = i + 1;
    }
    out.push_str(&text[from..]);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_the_five_characters_only() {
        assert_eq!(escape_html(r#"<a href="/x?a=1&b='2'">Ə</a>"#), "&lt;a href=&quot;/x?a=1&amp;b=&#39;2&#39;&quot;&gt;Ə&lt;/a&gt;");
        assert_eq!(escape_html("plain / ğ"), "plain / ğ");
        assert_eq!(escape_html(""), "");
    }

    #[test]
    fn the_default_templates_fold() {
        let constants = serde_json::json!({"t": crate::render::i18n::table(crate::config::Lang::En), "lang": "en"});
        for name in ["base.html", "certificate.html"] {
            let source = DEFAULTS.iter().find(|(n, _)| *n == name).unwrap().1;
            let folded = fold_constants(source, &constants);
            assert!(folded != source && !folded.contains("{{ t."), "{name}:\n{folded}");
        }
    }

    #[test]
    fn flattens_the_fields_of_cert_only_where_it_is_never_named_otherwise() {
        let flat = |s: &str| flatten_paths(s, "cert", FLAT_CERT);
        assert_eq!(
            flat(r#"<p data-x="cert.x">{{ cert.number }}{%- if cert.since -%}{{cert.since|upper}}{% endif %}</p>"#).as_deref(),
            Some(r#"<p data-x="cert.x">{{ __cert_number }}{%- if __cert_since -%}{{__cert_since|upper}}{% endif %}</p>"#),
            "paths in tags only"
        );
        assert_eq!(
            flat(r#"{% for g in cert.decision.grounds %}{{ g.cert }}{{ certificate }}{{ "cert" ~ 'cert.x' }}{% endfor %}"#).as_deref(),
            Some(r#"{% for g in __cert_decision.grounds %}{{ g.cert }}{{ certificate }}{{ "cert" ~ 'cert.x' }}{% endfor %}"#),
            "nested paths keep their tail; other names and strings stay"
        );
        assert_eq!(
            flat("{# {{ cert #}<p>cert.x</p>{{ cert.y }}").as_deref(),
            Some("{# {{ cert #}<p>cert.x</p>{{ __cert_y }}"),
            "comments stay as they are"
        );
        for bare in [
            "{{ cert }}",
            "{% set c = cert %}",
            "{% for cert in x %}{% endfor %}",
            r#"{{ cert["number"] }}"#,
            "{{ cert.1 }}",
            "{% raw %}{% endraw %}",
        ] {
            assert_eq!(flat(bare), None, "{bare}");
        }
        let defaults: Vec<Option<String>> = DEFAULTS.iter().map(|(_, s)| flat(s)).collect();
        assert!(defaults.iter().all(Option::is_some), "the default templates flatten");
        assert!(!defaults.iter().flatten().any(|s| s.contains("cert.")), "and keep no cert.<field>");
    }

    #[test]
    fn folds_plain_constant_paths_only() {
        let c =
            serde_json::json!({"t": {"a": "<A & B>", "n": 3, "brace": "{x}"}, "site": {"base": "/p"}, "lang": "az", "cert": {"x": "y"}});
        let src = "{{ t.a }}|{{t.n}}|{{ site.base }}/c|{{ lang }}|{{ cert.x }}|{{ t.a | upper }}|{{- t.a }}|{{ t.missing }}|{{ t.brace }}";
        assert_eq!(
            fold_constants(src, &c),
            "&lt;A &amp; B&gt;|3|/p/c|az|{{ cert.x }}|{{ t.a | upper }}|{{- t.a }}|{{ t.missing }}|{{ t.brace }}"
        );
        assert_eq!(fold_constants("{% raw %}{{ t.a }}{% endraw %}", &c), "{% raw %}{{ t.a }}{% endraw %}", "left as written");
        for rebinding in [
            "{% set t = 1 %}",
            "{% set_global site = 1 %}",
            "{% for t in x %}{% endfor %}",
            "{% for k, lang in x %}{% endfor %}",
            "{% macro m(t) %}{% endmacro %}",
        ] {
            assert!(may_rebind(rebinding), "{rebinding}");
        }
        assert!(!may_rebind(r#"<label for="code">{{ t.x }}</label>{% for p in site.pages %}{% endfor %}{% set x = t %}"#));
        assert!(!may_rebind(&DEFAULTS.iter().map(|(_, s)| *s).collect::<String>()), "the defaults fold");
    }
}

//! Stage "render", feeds and indexes for machines: each language's Atom feed of notices, the
//! sitemap and `robots.txt` (DESIGN §4), every address from the site's [`Routes`].

use crate::config::Lang;
use crate::model::date;
use crate::render::i18n;
use crate::render::templates::escape_html;
use crate::render::views::NoticeView;
use crate::routes::{Page, Routes, SITEMAP};

/// The Atom feed of one language's notices, newest first (RFC 4287; DESIGN §4: a feed per
/// language, at `<root>/notices/atom.xml`): one entry per notice, linking to the language's
/// page, its reasoning in that language (else the Azerbaijani, marked so) as the summary. An
/// entry's `updated` is the day it was decided, or lifted (the title then says by which notice).
pub fn atom(routes: &Routes, lang: Lang, title: &str, notices: &[&NoticeView], updated: time::Date) -> Vec<u8> {
    let e = escape_html;
    let list = routes.page_url(lang, Page::Notices(1));
    let mut out =
        format!("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n", lang.code());
    let title = format!("{title} · {}", i18n::tr(lang, "notices"));
    out.push_str(&format!("<id>{}</id>\n", e(&list)));
    out.push_str(&format!("<title>{}</title>\n", e(&title)));
    out.push_str(&format!("<updated>{}T00:00:00Z</updated>\n", date::iso(updated)));
    out.push_str(&format!("<link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n", e(&routes.url(&routes.notices_feed(lang)))));
    out.push_str(&format!("<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n", e(&list)));
    out.push_str(&format!("<author><name>{}</name></author>\n", e(&title)));
    for n in notices {
        let url = routes.page_url(lang, Page::Notice(&n.id));
        out.push_str("<entry>\n");
        out.push_str(&format!("<id>{}</id>\n", e(&url)));
        let lifted = match &n.lifted_by {
            Some(l) => format!(" ({}: {})", i18n::tr(lang, "state_lifted"), l.id),
            None => String::new(),
        };
        out.push_str(&format!("<title>{} {}: {}{}</title>\n", e(n.title), e(&n.id), e(&n.number), e(&lifted)));
        out.push_str(&format!("<updated>{}T00:00:00Z</updated>\n", n.updated_iso()));
        out.push_str(&format!("<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n", e(&url)));
        match (lang, &n.reason_en) {
            (Lang::En, Some(en)) => out.push_str(&format!("<summary>{}</summary>\n", e(en))),
            (Lang::Az, _) => out.push_str(&format!("<summary>{}</summary>\n", e(&n.reason))),
            _ => out.push_str(&format!("<summary xml:lang=\"az\">{}</summary>\n", e(&n.reason))),
        }
        out.push_str("</entry>\n");
    }
    out.push_str("</feed>\n");
    out.into_bytes()
}

/// `sitemap.xml`: the listed pages (paths below the output's root, every language's; never
/// `/c/`, DESIGN §4).
pub fn sitemap(routes: &Routes, paths: &[&str]) -> Vec<u8> {
    let mut out =
        String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for path in paths {
        out.push_str("<url><loc>");
        out.push_str(&escape_html(&routes.url(path)));
        out.push_str("</loc></url>\n");
    }
    out.push_str("</urlset>\n");
    out.into_bytes()
}

/// `robots.txt`: certificate pages are not to be crawled (DESIGN §4), in any language.
pub fn robots(routes: &Routes) -> Vec<u8> {
    let mut out = String::from("User-agent: *\n");
    for path in routes.crawl_disallowed() {
        out.push_str(&format!("Disallow: {path}\n"));
    }
    out.push_str(&format!("Sitemap: {}\n", routes.url(SITEMAP)));
    out.into_bytes()
}

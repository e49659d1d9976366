//! Stage "render", pages: the [`Renderer`] of one language, which fills the views
//! ([`crate::render::views`]) from the data and renders each page through tera: the home,
//! content pages, /verify/, 404, certificate pages and notices (the interview pages are in
//! [`crate::render::interviews`]).

use std::sync::{Arc, OnceLock};

use tera::{Context, Tera};

use crate::config::{Config, Lang};
use crate::load::content::{Organisation, Page};
use crate::model::date;
use crate::model::decision::{Action, Decision};
use crate::model::notice::{self, NoticeState};
use crate::model::status::Status;
use crate::render::interviews::SessionView;
use crate::render::templates::{error_chain, Folded, Templates};
use crate::render::views::{
    AnnouncedView, CardDate, CertPage, CertView, DecisionView, GroundView, HistoryView, LangLink, NoticeLink, NoticePage, NoticeView,
    OwnedPageLink, PageLink, SiteView, TakeAway, UniversityView,
};
use crate::render::{i18n, linkedin};
use crate::routes::{Page as RoutePage, Routes};

/// How many result sets the home page lists.
pub const LATEST_RESULTS: usize = 3;
/// How many notices the home page lists.
pub const LATEST_NOTICES: usize = 5;

/// The template of certificate pages.
const CERTIFICATE: &str = "certificate.html";

/// Renders pages of one language.
pub struct Renderer {
    templates: Arc<Templates>,
    /// The templates with the language's constants folded in ([`Templates::folded`]), made on
    /// first use: certificate pages, rendered by the hundred thousand, use them.
    folded: OnceLock<Folded>,
    fold: Fold,
    pub(crate) base: Context,
    pub(crate) lang: Lang,
    /// The site's default language (the language of a page with no language of its own).
    default_lang: Lang,
    /// The issuer's name in the renderer's language.
    issuer_name: String,
    /// The university's header, menu and footer ([`Renderer::university`]).
    university: Option<UniversityView>,
}

/// The university of `[interviews]` in `lang` (its pages not yet filled in), when site.toml
/// names one.
fn university_view(settings: &crate::config::Interviews, lang: Lang) -> Option<UniversityView> {
    let az = settings.institution.as_deref()?;
    let english = lang == Lang::En;
    let in_lang = |az: Option<&str>, en: Option<&str>| match (english, en) {
        (true, Some(en)) => (Some(en.to_owned()), false),
        (true, None) => (az.map(str::to_owned), az.is_some()),
        (false, _) => (az.map(str::to_owned), false),
    };
    let (name, name_az) = in_lang(Some(az), settings.institution_en.as_deref());
    let (address, address_az) = in_lang(settings.address.as_deref(), settings.address_en.as_deref());
    let phone = settings.phone.clone();
    Some(UniversityView {
        name,
        name_az,
        address,
        address_az,
        email: settings.email.clone(),
        phone_uri: phone.as_deref().map(tel_uri).filter(|u| u.len() > "tel:".len()),
        phone,
        website: settings.website.clone(),
        pages: Vec::new(),
    })
}

/// A `tel:` URI of a telephone number as people write it (`+994 12 555 01 02`): its digits,
/// after a leading `+` (RFC 3966 global number).
fn tel_uri(phone: &str) -> String {
    let plus = phone.trim_start().starts_with('+');
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    format!("tel:{}{digits}", if plus { "+" } else { "" })
}

/// Which pages are rendered with the folded templates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fold {
    /// Certificate pages (a build); other pages use the templates as written.
    Certificates,
    /// No page (a check of the templates as written).
    Never,
    /// Every page: to compare with [`Fold::Never`] in tests.
    #[cfg(test)]
    Always,
}

fn notice_title_key(action: Action) -> &'static str {
    match action {
        Action::Suspend => "notice_suspend",
        Action::Revoke => "notice_revoke",
        Action::Reinstate => "notice_reinstate",
    }
}

fn status_key(status: Status) -> &'static str {
    match status {
        Status::Valid => "status_valid",
        Status::Suspended => "status_suspended",
        Status::Revoked => "status_revoked",
        Status::Expired => "status_expired",
        Status::Superseded => "status_superseded",
        Status::NotYetValid => "status_not_yet_valid",
    }
}

/// What a status means for whoever relies on the certificate (the card's second line).
fn status_lead_key(status: Status) -> &'static str {
    match status {
        Status::Valid => "verdict_valid_lead",
        Status::Suspended => "verdict_suspended_lead",
        Status::Revoked => "verdict_revoked_lead",
        Status::Expired => "verdict_expired_lead",
        Status::Superseded => "verdict_superseded_lead",
        Status::NotYetValid => "verdict_not_yet_valid_lead",
    }
}

impl Renderer {
    /// Prepares the context every page shares.
    /// Prepares the context every page shares. `pages` are the language's content pages of
    /// both organisations; `interviews`: the site publishes interview sessions.
    pub fn new(templates: &Arc<Templates>, config: &Config, routes: &Routes, pages: &[&Page], lang: Lang, interviews: bool) -> Renderer {
        // An untranslated page's title is in the default language (DESIGN §6).
        let title_lang = |p: &Page| {
            let page_lang = p.lang.unwrap_or(config.default_lang());
            (page_lang != lang).then(|| page_lang.code())
        };
        let of = |organisation: Organisation| pages.iter().filter(move |p| !p.path.is_empty() && p.organisation == organisation);
        let site = SiteView {
            title: config.title_in(lang),
            issuer_name: config.issuer.name_in(lang),
            logo: config.logo.as_ref().map(|l| routes.path(l.published_path())),
            base: routes.base_path(),
            root: routes.lang_root(lang),
            languages: routes
                .languages()
                .map(|l| LangLink { code: l.code(), label: i18n::tr(l, "language_name"), prefix: routes.lang_prefix(l).to_owned() })
                .collect(),
            base_url: &config.base_url,
            issuer: &config.issuer,
            pages: of(Organisation::Body)
                .map(|p| PageLink { path: &p.path, title: &p.title, description: p.description.as_deref(), lang: title_lang(p) })
                .collect(),
            interviews,
            did_document: routes.path(routes.did_document()),
        };
        let university = university_view(&config.interviews, lang).map(|mut u| {
            u.pages = of(Organisation::University)
                .map(|p| OwnedPageLink { path: p.path.clone(), title: p.title.clone(), lang: title_lang(p) })
                .collect();
            u
        });
        let mut base = Context::new();
        base.insert("site", &site);
        base.insert("lang", lang.code());
        base.insert("t", &i18n::table(lang));
        // The certification body's page unless a page says otherwise (`Renderer::university`).
        base.insert("university", &None::<UniversityView>);
        Renderer {
            templates: templates.clone(),
            folded: OnceLock::new(),
            fold: Fold::Certificates,
            base,
            lang,
            default_lang: config.default_lang(),
            issuer_name: config.issuer.name_in(lang).to_owned(),
            university,
        }
    }

    /// The university of site.toml's `[interviews]`, in this renderer's language, with its
    /// content pages: the header, menu and footer of its pages (none named: none).
    pub(super) fn university(&self) -> Option<&UniversityView> {
        self.university.as_ref()
    }

    /// The same renderer using the templates as written for every page.
    pub fn unfolded(mut self) -> Renderer {
        self.fold = Fold::Never;
        self
    }

    /// The same renderer using the folded templates for every page.
    #[cfg(test)]
    pub(crate) fn folded(mut self) -> Renderer {
        self.fold = Fold::Always;
        self
    }

    /// Whether certificate pages read the certificate's fields flattened (see
    /// [`Templates::folded`]).
    #[cfg(test)]
    pub(crate) fn reads_cert_flat(&self) -> bool {
        self.engine(true).1
    }

    /// The engine for a page (`certificate`: a certificate page), and whether it reads the
    /// certificate's fields flattened ([`Folded::flat_cert`]).
    fn engine(&self, certificate: bool) -> (&Tera, bool) {
        let fold = match self.fold {
            Fold::Certificates => certificate,
            Fold::Never => false,
            #[cfg(test)]
            Fold::Always => true,
        };
        if fold {
            let folded = self.folded.get_or_init(|| self.templates.folded(&self.base.clone().into_json()));
            (&folded.tera, folded.flat_cert)
        } else {
            (&self.templates.tera, false)
        }
    }

    /// Renders `template` for `page` (its path below the language root, e.g. `notices/`, is
    /// the template's `path`: the language switch links to the same path in the other
    /// languages).
    pub(crate) fn render(&self, template: &str, page: RoutePage<'_>, context: &mut Context) -> Result<Vec<u8>, String> {
        self.render_with(self.engine(template == CERTIFICATE).0, template, page, context)
    }

    fn render_with(&self, tera: &Tera, template: &str, page: RoutePage<'_>, context: &mut Context) -> Result<Vec<u8>, String> {
        context.insert("path", &page.path());
        // Into bytes directly: `Tera::render` would check the whole page is UTF-8 again to
        // make a String of it (tera writes only strings, so it is).
        let mut page = Vec::with_capacity(8192);
        tera.render_to(template, context, &mut page).map_err(|e| format!("{template}: {}", error_chain(&e)))?;
        Ok(page)
    }

    /// The home page, with the text of `content/_index.md` if there is one, the code field of
    /// /verify/, and the latest of what is published: the [`LATEST_RESULTS`] sessions whose
    /// results came out last and the [`LATEST_NOTICES`] newest of `notices` (newest first).
    pub fn index(&self, home: Option<&Page>, sessions: &[SessionView], notices: &[NoticeView]) -> Result<Vec<u8>, String> {
        let mut ctx = self.base.clone();
        ctx.insert("home", &home.map(|p| p.html.as_str()));
        ctx.insert("latest_results", &crate::render::interviews::latest_results(sessions, LATEST_RESULTS));
        ctx.insert("latest_notices", &notices[..notices.len().min(LATEST_NOTICES)]);
        self.render(
            home.map_or("index.html", |p| if p.template == "page.html" { "index.html" } else { &p.template }),
            RoutePage::Home,
            &mut ctx,
        )
    }

    /// A Markdown page: the university's header, menu and footer on a page of the university
    /// (front matter `organisation = "university"`).
    pub fn page(&self, page: &Page) -> Result<Vec<u8>, String> {
        let mut ctx = self.base.clone();
        if page.organisation == Organisation::University {
            ctx.insert("university", &self.university);
        }
        ctx.insert(
            "page",
            &serde_json::json!({
                "title": page.title, "description": page.description, "html": page.html, "path": page.path,
                "lang": page.lang.unwrap_or(self.default_lang).code(),
            }),
        );
        self.render(&page.template, RoutePage::Content(&page.path), &mut ctx)
    }

    /// A page from a template with no data of its own (`verify.html`).
    pub fn plain(&self, template: &str, page: RoutePage<'_>) -> Result<Vec<u8>, String> {
        self.render(template, page, &mut self.base.clone())
    }

    /// `404.html`: static hosts serve one page for every unknown address, whatever its
    /// language, so it holds this renderer's words and those of `others` (DESIGN §4); a script
    /// shows the visitor's language and, for a certificate address, echoes the code.
    pub fn not_found(&self, others: &[&Renderer]) -> Result<Vec<u8>, String> {
        let mut ctx = self.base.clone();
        let others: Vec<serde_json::Value> = others
            .iter()
            .filter(|r| r.lang != self.lang)
            .map(|r| {
                let site = r.base.get("site");
                serde_json::json!({
                    "lang": r.lang.code(),
                    "t": i18n::table(r.lang),
                    "root": site.and_then(|s| s.get("root")).cloned(),
                    "title": site.and_then(|s| s.get("title")).cloned(),
                })
            })
            .collect();
        ctx.insert("others", &others);
        self.render("404.html", RoutePage::Home, &mut ctx)
    }

    /// The page of a view made by [`Renderer::certificate_view`].
    pub fn certificate_page(&self, view: &CertView<'_>) -> Result<Vec<u8>, String> {
        self.certificate_page_in(&mut self.context(), view)
    }

    /// A copy of the context every page shares, for [`Renderer::certificate_page_in`].
    pub fn context(&self) -> Context {
        self.base.clone()
    }

    /// Like [`Renderer::certificate_page`], reusing `context` (from [`Renderer::context`]):
    /// each page replaces the previous page's `cert`, so the shared words and site are not
    /// copied again for each of 100,000 pages.
    pub fn certificate_page_in(&self, context: &mut Context, view: &CertView<'_>) -> Result<Vec<u8>, String> {
        let (tera, flat) = self.engine(true);
        if flat {
            view.insert_flat(context);
        } else {
            context.insert("cert", view);
        }
        self.render_with(tera, CERTIFICATE, RoutePage::Certificate(&view.code), context)
    }

    /// What a certificate page shows, in this renderer's language.
    pub fn certificate_view<'c>(&self, p: CertPage<'c>) -> CertView<'c> {
        let (c, lang) = (p.cert, self.lang);
        let day = |d: time::Date| i18n::date(lang, d);
        let decision = p.decision.map(|d| DecisionView {
            id: d.id.clone(),
            label: i18n::tr(lang, if d.action == Action::Revoke { "decision_revoke" } else { "decision_suspend" }),
            effective_on: day(d.effective_on),
            effective_on_iso: date::iso(d.effective_on),
            until: d.until.map(day),
            until_iso: d.until.map(date::iso),
            grounds: d.grounds.iter().map(|&g| GroundView::from(g)).collect(),
        });
        let announced = p.announced.map(|d| AnnouncedView {
            id: d.id.clone(),
            action: d.action.code(),
            text: i18n::tr_date(lang, &format!("announced_{}", d.action.code()), d.effective_on),
            effective_on_iso: date::iso(d.effective_on),
        });
        // English where the register gives it; otherwise the Azerbaijani, marked as such.
        let english = lang == Lang::En;
        let (profession, profession_lang) = match (english, c.profession_en.as_deref()) {
            (true, Some(en)) => (en, None),
            (true, None) => (&*c.profession, Some("az")),
            _ => (&*c.profession, None),
        };
        let (scope, scope_lang): (&[crate::model::certificate::Text], _) = match (english, c.scope_en.as_deref()) {
            (true, Some(en)) => (en, None),
            (true, None) => (&c.scope, Some("az")),
            _ => (&c.scope, None),
        };
        let status = p.derived.status;
        let card_dates = self.card_dates(&p);
        let history = p
            .history
            .iter()
            .map(|&(d, state)| HistoryView {
                id: d.id.clone(),
                action: d.action.code(),
                label: i18n::tr(lang, &format!("history_{}", d.action.code())),
                effective_on: day(d.effective_on),
                effective_on_iso: date::iso(d.effective_on),
                until: d.until.map(day),
                until_iso: d.until.map(date::iso),
                state,
                state_label: match state {
                    NoticeState::InEffect => None,
                    // True on any day it is read (the page is not rebuilt on the day it begins).
                    NoticeState::NotYetEffective => Some(i18n::tr(lang, "history_announced")),
                    NoticeState::Ended => Some(i18n::tr(lang, "history_ended")),
                    NoticeState::Lifted => Some(i18n::tr(lang, "history_lifted")),
                },
            })
            .collect();
        CertView {
            number: &c.number,
            holder: c.holder_name(),
            surname: &c.surname,
            given_name: &c.given_name,
            patronymic: c.patronymic.as_deref(),
            profession,
            profession_lang,
            scope,
            scope_lang,
            issued_on: day(c.issued_on),
            issued_on_iso: date::iso(c.issued_on),
            valid_until: day(c.valid_until),
            valid_until_iso: date::iso(c.valid_until),
            status: status.code(),
            status_label: i18n::tr(lang, status_key(status)),
            status_lead: i18n::tr(lang, status_lead_key(status)),
            since: p.derived.since.map(|d| i18n::tr_date(lang, "status_since", d)),
            code: p.code.to_string(),
            code_grouped: p.code.grouped(),
            url: p.url,
            qr_svg: p.qr_svg,
            decision,
            card_dates,
            history,
            announced,
            replaces: p.replaces,
            superseded_by: p.superseded_by,
            // Only a valid certificate: an expired, suspended or revoked one must not be used
            // (agreement §4 A¶10), nor a superseded or not yet valid one presented.
            take_away: (p.derived.status == Status::Valid).then(|| {
                let profession = match (self.lang, c.profession_en.as_deref()) {
                    (Lang::En, Some(en)) => en,
                    _ => &c.profession,
                };
                TakeAway {
                    linkedin: linkedin::add_to_profile(
                        &format!("{profession} ({})", i18n::tr(self.lang, "certificate")),
                        &self.issuer_name,
                        c.issued_on,
                        c.valid_until,
                        p.url,
                        &c.number,
                    ),
                    file: format!(
                        "certificate-{}.json",
                        c.number.chars().map(|ch| if ch.is_ascii_alphanumeric() { ch } else { '-' }).collect::<String>()
                    ),
                }
            }),
        }
    }

    /// The card's dates for the certificate's status (DESIGN §5): each says what it is for that
    /// status, so that no card of a certificate that is not valid says "valid until".
    fn card_dates(&self, p: &CertPage<'_>) -> Vec<CardDate> {
        let (c, lang) = (p.cert, self.lang);
        let at = |key: &'static str, d: time::Date| CardDate {
            key,
            label: i18n::tr(lang, key),
            date: Some(i18n::date(lang, d)),
            iso: Some(date::iso(d)),
            text: None,
        };
        match p.derived.status {
            Status::Valid => vec![at("valid_until", c.valid_until)],
            Status::NotYetValid => vec![at("status_from", c.issued_on), at("valid_until", c.valid_until)],
            Status::Expired => vec![at("card_last_day", c.valid_until)],
            // The day before the revocation took effect, if the certificate was valid then.
            Status::Revoked => p
                .decision
                .and_then(|d| d.effective_on.previous_day())
                .map(|d| d.min(c.valid_until))
                .filter(|&d| d >= c.issued_on)
                .map(|d| vec![at("card_last_valid_day", d)])
                .unwrap_or_default(),
            Status::Suspended => vec![match p.decision.and_then(|d| d.until) {
                Some(until) => at("card_suspended_until", until),
                None => CardDate {
                    key: "card_suspended_for",
                    label: i18n::tr(lang, "card_suspended_for"),
                    date: None,
                    iso: None,
                    text: Some(i18n::tr(lang, "card_suspended_open")),
                },
            }],
            // The successor is linked beside these dates (`superseded_by`).
            Status::Superseded => Vec::new(),
        }
    }

    /// What a notice page shows.
    pub fn notice_view(&self, p: &NoticePage<'_>) -> NoticeView {
        let d = p.decision;
        let day = |date: time::Date| i18n::date(self.lang, date);
        let link = |o: &Decision| NoticeLink {
            id: o.id.clone(),
            effective_on: day(o.effective_on),
            effective_on_iso: date::iso(o.effective_on),
            decided_on_iso: date::iso(o.decided_on),
        };
        // Where it stands (DESIGN §3): a suspension's `until` is inclusive.
        let state = notice::state(d, p.lifted_by, p.today);
        // A suspension that ended: its `until` was its last day.
        let ended = d.until.filter(|_| state == NoticeState::Ended);
        let ground_views = |d: &Decision| d.grounds.iter().map(|&g| GroundView::from(g)).collect();
        let updated = p.lifted_by.map_or(d.decided_on, |r| r.decided_on.max(d.decided_on));
        NoticeView {
            id: d.id.clone(),
            action: d.action.code(),
            title: i18n::tr(self.lang, notice_title_key(d.action)),
            number: p.cert.number.clone(),
            profession: p.cert.profession.to_string(),
            profession_en: p.cert.profession_en.as_deref().map(str::to_owned),
            holder: crate::model::decision::notice_holder_name(p.cert, p.holder_name),
            holder_initials: p.holder_name == crate::config::HolderName::Initials,
            decided_on: day(d.decided_on),
            decided_on_iso: date::iso(d.decided_on),
            effective_on: day(d.effective_on),
            effective_on_iso: date::iso(d.effective_on),
            not_yet_effective: d.effective_on > p.today,
            until: d.until.map(day),
            until_iso: d.until.map(date::iso),
            grounds: ground_views(d),
            reason: d.reason.clone(),
            reason_en: d.reason_en.clone(),
            objection_deadline: day(d.objection_deadline()),
            objection_deadline_iso: date::iso(d.objection_deadline()),
            lifted_by: p.lifted_by.map(link),
            lifts: p.lifts.map(link),
            lifted_grounds: p.lifts.map(ground_views).unwrap_or_default(),
            state,
            state_label: i18n::tr(
                self.lang,
                match state {
                    NoticeState::NotYetEffective => "state_not_yet_effective",
                    NoticeState::InEffect => "state_in_effect",
                    NoticeState::Ended => "state_ended",
                    NoticeState::Lifted => "state_lifted",
                },
            ),
            ended_on: ended.map(day),
            ended_on_iso: ended.map(date::iso),
            updated_iso: date::iso(updated),
        }
    }

    /// A notice page.
    pub fn notice(&self, view: &NoticeView) -> Result<Vec<u8>, String> {
        let mut ctx = self.base.clone();
        ctx.insert("notice", view);
        self.render("notice.html", RoutePage::Notice(&view.id), &mut ctx)
    }

    /// One page of the list of notices (`page` from 1 of `pages`), newest first.
    pub fn notice_list(&self, notices: &[&NoticeView], page: usize, pages: usize) -> Result<Vec<u8>, String> {
        let mut ctx = self.base.clone();
        ctx.insert("notices", notices);
        ctx.insert("page", &page);
        ctx.insert("pages", &pages);
        self.render("notices.html", RoutePage::Notices(page), &mut ctx)
    }

    /// A digest of everything every page shares (site, words, language) and of the templates:
    /// if it and a page's own view are unchanged, so is the page.
    pub fn fingerprint(&self, templates: &[u8; 32]) -> [u8; 32] {
        use sha2::{Digest, Sha256};
        let mut h = Sha256::new();
        h.update(templates);
        h.update(self.base.clone().into_json().to_string());
        h.finalize().into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_has_its_words_in_both_languages() {
        use Status::*;
        for status in [Valid, Suspended, Revoked, Expired, Superseded, NotYetValid] {
            for lang in [Lang::Az, Lang::En] {
                assert!(!i18n::tr(lang, status_key(status)).is_empty(), "{status:?}");
                assert!(!i18n::tr(lang, status_lead_key(status)).is_empty(), "{status:?}");
            }
        }
    }
}

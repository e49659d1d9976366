//! Stage "render", views: the template contexts of the pages (what a template sees as `site`,
//! `cert`, `notice`, ...) and what the renderer needs to fill them ([`CertPage`],
//! [`NoticePage`]); the [`crate::render::pages::Renderer`] fills them in its language (the
//! interview pages' views are in [`crate::render::interviews`]). Views hold only public fields
//! (DESIGN §3); tera escapes every value.

use serde::Serialize;
use tera::Context;

use crate::model::certificate::Certificate;
use crate::model::code::Code;
use crate::model::decision::{Decision, Ground};
use crate::model::notice::NoticeState;
use crate::model::status::Derived;

/// A link to a page in the menu.
#[derive(Debug, Serialize)]
pub(super) struct PageLink<'a> {
    pub(super) path: &'a str,
    pub(super) title: &'a str,
    pub(super) description: Option<&'a str>,
    /// The title's language when it is not the page's (an untranslated page).
    pub(super) lang: Option<&'static str>,
}

/// A content page in the university's menu (owned: the session pages adjust the view).
#[derive(Debug, Clone, Serialize)]
pub(super) struct OwnedPageLink {
    pub(super) path: String,
    pub(super) title: String,
    pub(super) lang: Option<&'static str>,
}

/// The university whose pages the interview pages and its content pages are (DESIGN §3
/// `[interviews]`): what a template sees as `university` on those pages (null on the
/// certification body's): its name for the header, its menu's content pages, and its contact
/// for the footer, in the page's language.
#[derive(Debug, Clone, Serialize)]
pub(super) struct UniversityView {
    /// Its name in the page's language (none: sessions of several universities, none named in
    /// site.toml).
    pub(super) name: Option<String>,
    /// Whether `name` is Azerbaijani on a page in another language (`lang="az"`).
    pub(super) name_az: bool,
    pub(super) address: Option<String>,
    pub(super) address_az: bool,
    pub(super) email: Option<String>,
    pub(super) phone: Option<String>,
    /// `tel:` address of `phone` (digits and a leading `+`).
    pub(super) phone_uri: Option<String>,
    pub(super) website: Option<String>,
    /// Its content pages (front matter `organisation = "university"`), for its menu.
    pub(super) pages: Vec<OwnedPageLink>,
}

impl UniversityView {
    /// A university known by its name only (no contact, no pages): a session's own
    /// institution that is not site.toml's, or the sessions' one when site.toml names none.
    pub(super) fn named(name: Option<String>, name_az: bool) -> UniversityView {
        UniversityView {
            name,
            name_az,
            address: None,
            address_az: false,
            email: None,
            phone: None,
            phone_uri: None,
            website: None,
            pages: Vec::new(),
        }
    }
}

/// Another language's version of the site, for the language switch.
#[derive(Debug, Serialize)]
pub(super) struct LangLink {
    pub(super) code: &'static str,
    pub(super) label: &'static str,
    /// The language's path prefix ("" for the default, "/en").
    pub(super) prefix: String,
}

/// What every template sees as `site`.
#[derive(Debug, Serialize)]
pub(super) struct SiteView<'a> {
    /// The title in the page's language.
    pub(super) title: &'a str,
    /// The issuer's name in the page's language.
    pub(super) issuer_name: &'a str,
    /// The issuer's logo (`[issuer] logo`, published as `/assets/logo.svg` or `.png`).
    pub(super) logo: Option<String>,
    /// Path prefix of the site ("" or "/portal"): assets, credentials, data files.
    pub(super) base: &'a str,
    /// Path prefix of this language's pages: `base`, then "/en" for English (DESIGN §4).
    pub(super) root: String,
    pub(super) languages: Vec<LangLink>,
    pub(super) base_url: &'a str,
    pub(super) issuer: &'a crate::config::Issuer,
    /// The certification body's content pages (its menu; the home page lists them).
    pub(super) pages: Vec<PageLink<'a>>,
    /// Whether the body's menu links the interview sessions (the site publishes some).
    pub(super) interviews: bool,
    pub(super) did_document: String,
}

/// A link to another certificate.
#[derive(Debug, Serialize)]
pub struct CertLink {
    /// The number.
    pub number: String,
    /// Its page.
    pub url: String,
}

/// A ground as shown.
#[derive(Debug, Serialize)]
pub(crate) struct GroundView {
    pub(super) az: &'static str,
    pub(super) en: &'static str,
    pub(super) cite: &'static str,
    pub(super) code: &'static str,
}

impl From<&Ground> for GroundView {
    fn from(g: &Ground) -> GroundView {
        GroundView { az: g.az, en: g.en, cite: g.cite, code: g.code }
    }
}

/// The decision in effect, as shown on a certificate page.
#[derive(Debug, Serialize)]
pub(super) struct DecisionView {
    pub(super) id: String,
    pub(super) label: &'static str,
    pub(super) effective_on: String,
    pub(super) effective_on_iso: String,
    pub(super) until: Option<String>,
    pub(super) until_iso: Option<String>,
    pub(super) grounds: Vec<GroundView>,
}

/// Another notice, as linked from a notice.
#[derive(Debug, Serialize)]
pub struct NoticeLink {
    /// Its id.
    pub id: String,
    /// When it takes effect (display form).
    pub effective_on: String,
    /// The same, `YYYY-MM-DD`.
    pub effective_on_iso: String,
    /// When it was decided (published), `YYYY-MM-DD`.
    pub decided_on_iso: String,
}

/// A notice page's `notice` (DESIGN §4 `/notices/<id>/`; agreement §4 B¶3).
#[derive(Debug, Serialize)]
pub struct NoticeView {
    pub(crate) id: String,
    pub(super) action: &'static str,
    pub(crate) title: &'static str,
    pub(crate) number: String,
    pub(super) profession: String,
    pub(super) profession_en: Option<String>,
    pub(super) holder: String,
    pub(super) holder_initials: bool,
    pub(super) decided_on: String,
    pub(super) decided_on_iso: String,
    pub(super) effective_on: String,
    pub(super) effective_on_iso: String,
    pub(super) not_yet_effective: bool,
    pub(super) until: Option<String>,
    pub(super) until_iso: Option<String>,
    pub(super) grounds: Vec<GroundView>,
    pub(crate) reason: String,
    pub(crate) reason_en: Option<String>,
    pub(super) objection_deadline: String,
    pub(super) objection_deadline_iso: String,
    pub(crate) lifted_by: Option<NoticeLink>,
    pub(super) lifts: Option<NoticeLink>,
    /// A reinstatement: the grounds of the suspension it lifts (not its own).
    pub(super) lifted_grounds: Vec<GroundView>,
    pub(super) state: NoticeState,
    pub(super) state_label: &'static str,
    /// A suspension that ended: its last day.
    pub(super) ended_on: Option<String>,
    pub(super) ended_on_iso: Option<String>,
    /// The last day the notice changed: decided, or lifted (the Atom entry's `updated`).
    pub(super) updated_iso: String,
}

impl NoticeView {
    /// The notice id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The last day it changed (decided, or lifted), `YYYY-MM-DD`.
    pub fn updated_iso(&self) -> &str {
        &self.updated_iso
    }
}

/// What a notice page needs besides the decision.
pub struct NoticePage<'a> {
    /// The decision.
    pub decision: &'a Decision,
    /// Its certificate.
    pub cert: &'a Certificate,
    /// How the holder is named.
    pub holder_name: crate::config::HolderName,
    /// The build date.
    pub today: time::Date,
    /// The reinstatement lifting this suspension, if published.
    pub lifted_by: Option<&'a Decision>,
    /// The suspension this reinstatement lifts.
    pub lifts: Option<&'a Decision>,
}

/// The certificate page's `cert`: everything the page shows of a certificate, in the page's
/// language (data without a translation keeps its Azerbaijani, marked by `*_lang`).
#[derive(Debug, Serialize)]
pub struct CertView<'a> {
    pub(super) number: &'a str,
    pub(super) holder: String,
    pub(super) surname: &'a str,
    pub(super) given_name: &'a str,
    pub(super) patronymic: Option<&'a str>,
    /// The profession in the page's language when the register has it, else in Azerbaijani.
    pub(super) profession: &'a str,
    /// `lang` of `profession` when it is not the page's language ("az"), else none.
    pub(super) profession_lang: Option<&'static str>,
    /// The approved scope, likewise.
    pub(super) scope: &'a [crate::model::certificate::Text],
    pub(super) scope_lang: Option<&'static str>,
    pub(super) issued_on: String,
    pub(super) issued_on_iso: String,
    pub(super) valid_until: String,
    pub(super) valid_until_iso: String,
    pub(super) status: &'static str,
    pub(super) status_label: &'static str,
    /// One sentence on what the status means for whoever relies on the certificate.
    pub(super) status_lead: &'static str,
    /// "since …": the day the current status began.
    pub(super) since: Option<String>,
    pub(super) code: String,
    pub(super) code_grouped: String,
    pub(super) url: &'a str,
    /// The QR code of `url`, an SVG drawn by certsite (shown inline, `| safe`).
    pub(super) qr_svg: &'a str,
    pub(super) decision: Option<DecisionView>,
    /// The card's dates, each labelled with what it is for the status shown (valid until,
    /// last day of validity, last valid day, valid from, suspended until, ...).
    pub(super) card_dates: Vec<CardDate>,
    /// Every published decision on the certificate, in the order they take effect.
    pub(super) history: Vec<HistoryView>,
    /// A decision published but not yet in effect.
    pub(super) announced: Option<AnnouncedView>,
    pub(super) replaces: Option<CertLink>,
    pub(super) superseded_by: Option<CertLink>,
    /// What the holder can take away (LinkedIn, the credential file): a valid certificate only.
    pub(super) take_away: Option<TakeAway>,
}

/// A date on the card, or words where there is no date ("until a decision lifts it").
#[derive(Debug, Serialize)]
pub(super) struct CardDate {
    /// The words' key: which date it is (`data-date`, for the in-browser check).
    pub(super) key: &'static str,
    pub(super) label: &'static str,
    pub(super) date: Option<String>,
    pub(super) iso: Option<String>,
    pub(super) text: Option<&'static str>,
}

/// One decision of a certificate's history.
#[derive(Debug, Serialize)]
pub(super) struct HistoryView {
    pub(super) id: String,
    pub(super) action: &'static str,
    pub(super) label: &'static str,
    pub(super) effective_on: String,
    pub(super) effective_on_iso: String,
    pub(super) until: Option<String>,
    pub(super) until_iso: Option<String>,
    pub(super) state: NoticeState,
    /// Where it stands, when that is more than "in effect" (lifted, ended, not yet in effect).
    pub(super) state_label: Option<&'static str>,
}

/// A decision published but not yet in effect, as announced on the certificate page.
#[derive(Debug, Serialize)]
pub(super) struct AnnouncedView {
    pub(super) id: String,
    pub(super) action: &'static str,
    /// "Suspension from …": words true on any day they are read (no future tense).
    pub(super) text: String,
    pub(super) effective_on_iso: String,
}

/// A valid certificate's ways out for its holder.
#[derive(Debug, Serialize)]
pub struct TakeAway {
    /// LinkedIn's documented "Add to Profile" link for a certification.
    pub(super) linkedin: String,
    /// The file name the credential downloads as.
    pub(super) file: String,
}

impl CertView<'_> {
    /// Inserts each field at the top of `context` as `__cert_<field>`
    /// ([`crate::render::templates::FLAT_CERT`]), for the folded templates that read them so.
    /// The destructuring names every field: one added later does not compile until it is
    /// inserted here too (and a test checks the names against the serialized `cert`).
    pub(crate) fn insert_flat(&self, context: &mut Context) {
        macro_rules! flat {
            ($($field:ident),* $(,)?) => {{
                let CertView { $($field),* } = self;
                $( context.insert(concat!("__cert_", stringify!($field)), $field); )*
            }};
        }
        flat!(
            number,
            holder,
            surname,
            given_name,
            patronymic,
            profession,
            profession_lang,
            scope,
            scope_lang,
            issued_on,
            issued_on_iso,
            valid_until,
            valid_until_iso,
            status,
            status_label,
            status_lead,
            since,
            code,
            code_grouped,
            url,
            qr_svg,
            decision,
            card_dates,
            history,
            announced,
            replaces,
            superseded_by,
            take_away,
        );
    }
}

/// Everything a certificate page needs beyond the certificate.
pub struct CertPage<'a> {
    /// The certificate.
    pub cert: &'a Certificate,
    /// Its derived status.
    pub derived: Derived,
    /// The decision in effect, if any.
    pub decision: Option<&'a Decision>,
    /// A decision published but not yet in effect, if any.
    pub announced: Option<&'a Decision>,
    /// Every published decision on it, in the order they take effect, with where each stands.
    pub history: Vec<(&'a Decision, NoticeState)>,
    /// Its code.
    pub code: Code,
    /// Its page URL.
    pub url: &'a str,
    /// The certificate it replaces.
    pub replaces: Option<CertLink>,
    /// The certificate that supersedes it.
    pub superseded_by: Option<CertLink>,
    /// The QR code of `url` (SVG).
    pub qr_svg: &'a str,
}

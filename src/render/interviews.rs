//! Stage "render", interviews: the session list, each session's page (the schedule before the
//! results date, the results from it on — never earlier than the build date), and the open
//! data `results.json` and `results.csv` (DESIGN §3 "data/interviews", §4). Only public fields:
//! member-by-member scores are not published, only the per-criterion averages.
//!
//! Before the results, the page gives the day they are due (interview day + 3 working days,
//! rule 2.11); each appeal is marked `data-appeal` with its state, `overdue` for one still
//! pending after its limit (filed_on + 7 working days, annex 2 §2.6), the limit as a `<time>`.
//! The pages are headed by the university, not the certification body; English pages write
//! dates with the month's name and scores with a decimal point, Azerbaijani pages with a
//! decimal comma (the open data keeps the point); English pages use `title_en`, `place_en` and
//! `specialty_en` where given and mark Azerbaijani data `lang="az"`. The results say how to
//! appeal and to whom (`[interviews]` contact of site.toml), and mark the rows whose order among
//! equal scores the commission decided (`tie_breaks`), with its date and protocol when given.
//! Every candidate row has an `id` from the candidate number, for a link to it.

use serde::Serialize;
use serde_json::{json, Value};
use time::Date;

use crate::config::{Interviews, Lang};
use crate::model::calendar::Calendar;
use crate::model::date;
use crate::model::interview::{two_decimals, two_decimals_with, AppealOutcome, Outcome, ReinterviewReason, Session, SpecialtyResult};
use crate::render::collate;
use crate::render::csvout;
use crate::render::i18n;
use crate::render::pages::Renderer;
use crate::render::views::UniversityView;

/// A schedule row as shown.
#[derive(Debug, Serialize)]
struct SlotView {
    candidate: String,
    /// The row's `id`, from the candidate number.
    anchor: String,
    name: String,
    specialty: String,
    /// Whether `specialty` is the Azerbaijani name on a page in another language.
    specialty_az: bool,
    starts_at: String,
}

/// An appeal as shown and in results.json.
#[derive(Debug, Serialize)]
struct AppealView {
    filed_on: String,
    decided_on: Option<String>,
    outcome: &'static str,
    /// The page's `data-appeal`: the outcome, or `overdue` for one still pending after its
    /// limit (annex 2 §2.6).
    state: &'static str,
    label: &'static str,
    /// While pending: the last day to decide it, as shown and as `YYYY-MM-DD`.
    limit: Option<String>,
    limit_iso: Option<String>,
}

/// A candidate's result as shown.
#[derive(Debug, Serialize)]
struct ResultView {
    candidate: String,
    /// The row's `id`, from the candidate number: a link to `#<anchor>` opens the page at it.
    anchor: String,
    name: String,
    rank: Option<u32>,
    /// The final score ×10, for the open data.
    #[serde(skip)]
    final_tenths: Option<u32>,
    /// As the page's language writes it: `40,00` or `40.00`.
    final_score: Option<String>,
    language: Option<String>,
    knowledge: Option<String>,
    outlook: Option<String>,
    outcome: &'static str,
    outcome_az: &'static str,
    outcome_en: &'static str,
    reason: Option<&'static str>,
    reason_cite: Option<String>,
    appeal: Option<AppealView>,
    /// Whether the commission decided this candidate's place among equal scores.
    tie: bool,
}

/// The commission's decision on the order of a tie, as shown.
#[derive(Debug, Serialize)]
struct TieView {
    /// The candidates in the order decided.
    order: Vec<String>,
    decided_on: Option<String>,
    decided_on_iso: Option<String>,
    protocol: Option<String>,
}

#[derive(Debug, Serialize)]
struct SpecialtyView {
    /// The specialty as in the data (Azerbaijani): the open data's.
    specialty: String,
    /// As shown: `specialty_en` on English pages when given.
    name: String,
    /// Whether `name` is the Azerbaijani name on a page in another language.
    name_az: bool,
    seats: u32,
    /// The commission's order of a tie in this specialty, if it recorded one.
    tie_break: Option<TieView>,
    candidates: Vec<ResultView>,
}

/// Where candidates file an appeal: the university's contact (`[interviews]` of site.toml).
#[derive(Debug, Serialize)]
struct ContactView {
    address: Option<String>,
    /// Whether `address` is the Azerbaijani one on a page in another language.
    address_az: bool,
    email: Option<String>,
    phone: Option<String>,
    website: Option<String>,
}

/// What a session page shows.
#[derive(Debug, Serialize)]
pub struct SessionView {
    id: String,
    /// The title as shown: `title_en` on English pages when given.
    title: String,
    /// Whether `title` is the Azerbaijani one on a page in another language.
    title_az: bool,
    /// The title as in the data, for the open data.
    #[serde(skip)]
    data_title: String,
    institution: String,
    /// Whether `institution` is the Azerbaijani name on a page in another language (marked
    /// `lang="az"`).
    institution_az: bool,
    place: String,
    /// Whether `place` is the Azerbaijani one on a page in another language.
    place_az: bool,
    /// The university's contact for appeals; `None` when site.toml gives none.
    contact: Option<ContactView>,
    interview_on: String,
    interview_on_iso: String,
    schedule_published_on: Option<String>,
    results_published: bool,
    results_published_on: Option<String>,
    results_published_on_iso: Option<String>,
    results_due: String,
    results_due_iso: String,
    appeal_deadline: Option<String>,
    appeal_deadline_iso: Option<String>,
    appeal_working_days: u32,
    schedule: Vec<SlotView>,
    specialties: Vec<SpecialtyView>,
}

impl SessionView {
    /// The session id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Whether the results are out on the build date.
    pub fn results_published(&self) -> bool {
        self.results_published
    }

    /// The day the results were published, `YYYY-MM-DD`, once they are.
    pub fn results_published_on_iso(&self) -> Option<&str> {
        self.results_published_on_iso.as_deref()
    }
}

/// The `n` sessions whose results came out last (on the build date: [`SessionView`]), newest
/// first (by the day the results were published, then the interview day and the id, latest
/// first).
pub fn latest_results(views: &[SessionView], n: usize) -> Vec<&SessionView> {
    let mut published: Vec<&SessionView> = views.iter().filter(|v| v.results_published).collect();
    published.sort_by(|a, b| {
        (&b.results_published_on_iso, &b.interview_on_iso, &b.id).cmp(&(&a.results_published_on_iso, &a.interview_on_iso, &a.id))
    });
    published.truncate(n);
    published
}

/// Outcome words: Azerbaijani as in the final protocol (rule 2.16), and English.
fn outcome_words(outcome: Outcome) -> (&'static str, &'static str) {
    match outcome {
        Outcome::Suitable => ("Uyğundur", "suitable"),
        Outcome::NotSuitable => ("Uyğun deyildir", "not suitable"),
        Outcome::ReInterview(_) => ("Yenidən müsahibə", "to be interviewed again"),
    }
}

/// A score ×10 as `lang` writes it: `40,00` in Azerbaijani, `40.00` in English.
fn score(lang: Lang, tenths: u32) -> String {
    two_decimals_with(tenths, if lang == Lang::Az { ',' } else { '.' })
}

/// The `id` of a candidate's row: the candidate number, whitespace made `-` (an id has none).
fn anchor(candidate: &str) -> String {
    candidate.chars().map(|c| if c.is_whitespace() { '-' } else { c }).collect()
}

/// A text in `lang`: the English one on English pages when given, else the Azerbaijani one,
/// with whether it is Azerbaijani on a page in another language (to be marked `lang="az"`).
fn in_lang(lang: Lang, az: &str, en: Option<&String>) -> (String, bool) {
    match (lang, en) {
        (Lang::En, Some(en)) => (en.clone(), false),
        (Lang::En, None) => (az.to_owned(), true),
        (Lang::Az, _) => (az.to_owned(), false),
    }
}

/// The university's contact for appeals, as `lang` shows it; `None` when it has none.
fn contact(lang: Lang, settings: &Interviews) -> Option<ContactView> {
    let given = |v: &Option<String>| v.as_deref().map(str::trim).filter(|v| !v.is_empty()).map(str::to_owned);
    let address = given(&settings.address).map(|az| in_lang(lang, &az, given(&settings.address_en).as_ref()));
    let view = ContactView {
        address_az: address.as_ref().is_some_and(|a| a.1),
        address: address.map(|a| a.0),
        email: given(&settings.email),
        phone: given(&settings.phone),
        website: given(&settings.website),
    };
    (view.address.is_some() || view.email.is_some() || view.phone.is_some()).then_some(view)
}

impl Renderer {
    /// The view of a session on `today`: results only once `results_published_on` ≤ `today`.
    pub fn session_view(
        &self,
        s: &Session,
        results: &[SpecialtyResult],
        calendar: &Calendar,
        settings: &Interviews,
        today: Date,
    ) -> SessionView {
        let appeal_days = settings.appeal_working_days;
        let published = s.results_published_on.is_some_and(|d| d <= today);
        let deadline = s.appeal_deadline(calendar, appeal_days);
        // The schedule is public from the day it is posted (rule 2.6).
        let posted = s.schedule_published_on.is_none_or(|d| d <= today);
        let mut schedule: Vec<SlotView> = s
            .schedule
            .iter()
            .filter(|_| posted)
            .map(|slot| {
                let en = s.vacancies.iter().find(|v| v.specialty == slot.specialty).and_then(|v| v.specialty_en.as_ref());
                let (specialty, specialty_az) = in_lang(self.lang, &slot.specialty, en);
                SlotView {
                    candidate: slot.candidate.clone(),
                    anchor: anchor(&slot.candidate),
                    name: slot.name.full(),
                    specialty,
                    specialty_az,
                    starts_at: slot.starts_at.clone(),
                }
            })
            .collect();
        schedule.sort_by(|a, b| a.starts_at.cmp(&b.starts_at).then_with(|| collate::compare(&a.name, &b.name)));
        let specialties = if published { results.iter().map(|r| self.specialty_view(s, r, calendar, today)).collect() } else { Vec::new() };
        let show = |d: Date| i18n::date(self.lang, d);
        let (institution, institution_az) = match (self.lang, &s.institution_en) {
            (Lang::En, Some(en)) => (en.clone(), false),
            (Lang::En, None) => (s.institution.clone(), true),
            (Lang::Az, _) => (s.institution.clone(), false),
        };
        let due = s.results_due(calendar);
        let (title, title_az) = in_lang(self.lang, &s.title, s.title_en.as_ref());
        let (place, place_az) = in_lang(self.lang, &s.place, s.place_en.as_ref());
        SessionView {
            id: s.id.clone(),
            title,
            title_az,
            data_title: s.title.clone(),
            institution,
            institution_az,
            place,
            place_az,
            contact: contact(self.lang, settings),
            interview_on: show(s.interview_on),
            interview_on_iso: date::iso(s.interview_on),
            schedule_published_on: s.schedule_published_on.map(show),
            results_published: published,
            results_published_on: s.results_published_on.filter(|_| published).map(show),
            results_published_on_iso: s.results_published_on.filter(|_| published).map(date::iso),
            results_due: show(due),
            results_due_iso: date::iso(due),
            appeal_deadline: deadline.filter(|_| published).map(show),
            appeal_deadline_iso: deadline.filter(|_| published).map(date::iso),
            appeal_working_days: appeal_days,
            schedule,
            specialties,
        }
    }

    fn specialty_view(&self, s: &Session, r: &SpecialtyResult, calendar: &Calendar, today: Date) -> SpecialtyView {
        let mut candidates: Vec<ResultView> = r
            .candidates
            .iter()
            .map(|c| {
                let cand = &s.candidates[c.candidate];
                let (az, en) = outcome_words(c.outcome);
                let (reason, reason_cite) = match c.outcome {
                    Outcome::ReInterview(ReinterviewReason::Spread) => {
                        (Some(i18n::tr(self.lang, "reinterview_spread")), Some(format!("{}, 2.14", i18n::tr(self.lang, "cite_rules"))))
                    }
                    Outcome::ReInterview(ReinterviewReason::AnnulledAppeal) => {
                        (Some(i18n::tr(self.lang, "reinterview_appeal")), Some(format!("{}, §3.3", i18n::tr(self.lang, "cite_annex"))))
                    }
                    _ => (None, None),
                };
                let sum = |f: fn(&crate::model::interview::MemberScore) -> u32| cand.scores.iter().map(|(_, m)| f(m)).sum::<u32>();
                let ranked = c.rank.is_some();
                // A criterion's average over the five members: its sum in halves / 10.
                let average = |f| score(self.lang, sum(f));
                ResultView {
                    candidate: cand.id.clone(),
                    anchor: anchor(&cand.id),
                    name: cand.name.full(),
                    rank: c.rank,
                    final_tenths: c.final_tenths,
                    final_score: c.final_tenths.map(|t| score(self.lang, t)),
                    language: ranked.then(|| average(|m| m.language)),
                    knowledge: ranked.then(|| average(|m| m.knowledge)),
                    outlook: ranked.then(|| average(|m| m.outlook)),
                    outcome: c.outcome.code(),
                    outcome_az: az,
                    outcome_en: en,
                    reason,
                    reason_cite,
                    appeal: c.appeal.map(|a| {
                        let a = &s.appeals[a];
                        let overdue = a.overdue(calendar, today);
                        let limit = (a.outcome == AppealOutcome::Pending).then(|| a.limit(calendar));
                        AppealView {
                            filed_on: date::iso(a.filed_on),
                            decided_on: a.decided_on.map(date::iso),
                            outcome: a.outcome.code(),
                            state: if overdue { "overdue" } else { a.outcome.code() },
                            label: i18n::tr(
                                self.lang,
                                match a.outcome {
                                    AppealOutcome::Pending if overdue => "appeal_overdue",
                                    AppealOutcome::Pending => "appeal_pending",
                                    AppealOutcome::Upheld => "appeal_upheld",
                                    AppealOutcome::Annulled => "appeal_annulled",
                                },
                            ),
                            limit: limit.map(|d| i18n::date(self.lang, d)),
                            limit_iso: limit.map(date::iso),
                        }
                    }),
                    tie: c.tie_ordered,
                }
            })
            .collect();
        // Those interviewed again are not ranked: alphabetical, by the Azerbaijani alphabet.
        let first_unranked = candidates.iter().position(|c| c.rank.is_none()).unwrap_or(candidates.len());
        candidates[first_unranked..].sort_by(|a, b| collate::compare(&a.name, &b.name));
        let en = s.vacancies.iter().find(|v| v.specialty == r.specialty).and_then(|v| v.specialty_en.as_ref());
        let (name, name_az) = in_lang(self.lang, &r.specialty, en);
        // Shown only where the order was needed: some rows are in a group the commission ordered.
        let tie_break = s.tie_breaks.get(&r.specialty).filter(|_| candidates.iter().any(|c| c.tie)).map(|t| TieView {
            order: t.order.clone(),
            decided_on: t.decided_on.map(|d| i18n::date(self.lang, d)),
            decided_on_iso: t.decided_on.map(date::iso),
            protocol: t.protocol.clone(),
        });
        SpecialtyView { specialty: r.specialty.clone(), name, name_az, seats: r.seats, tie_break, candidates }
    }

    /// A session's page, the university's: its header, menu and footer are the university's
    /// of site.toml when the session is that university's, else the session's university's
    /// name alone.
    pub fn session(&self, view: &SessionView) -> Result<Vec<u8>, String> {
        let university = match self.university() {
            Some(u) if u.name.as_deref() == Some(view.institution.as_str()) => u.clone(),
            _ => UniversityView::named(Some(view.institution.clone()), view.institution_az),
        };
        let mut ctx = self.base.clone();
        ctx.insert("session", view);
        ctx.insert("university", &university);
        self.render("session.html", crate::routes::Page::Session(&view.id), &mut ctx)
    }

    /// The list of sessions, newest first, the university's page: site.toml's `[interviews]
    /// institution`, else the one every session names (none when they differ).
    pub fn sessions(&self, views: &[&SessionView]) -> Result<Vec<u8>, String> {
        let university = match self.university() {
            Some(u) => u.clone(),
            None => {
                let shared = views.first().filter(|first| views.iter().all(|v| v.institution == first.institution));
                UniversityView::named(shared.map(|v| v.institution.clone()), shared.is_some_and(|v| v.institution_az))
            }
        };
        let mut ctx = self.base.clone();
        ctx.insert("sessions", views);
        ctx.insert("university", &university);
        self.render("interviews.html", crate::routes::Page::Sessions, &mut ctx)
    }
}

/// `results.json` of a session with published results (DESIGN §3).
pub fn results_json(view: &SessionView) -> Value {
    let specialties: Vec<Value> = view
        .specialties
        .iter()
        .map(|s| {
            let candidates: Vec<Value> = s
                .candidates
                .iter()
                .map(|c| {
                    json!({
                        "candidate": c.candidate,
                        "name": c.name,
                        "rank": c.rank,
                        "final_score": c.final_tenths.map(|t| two_decimals(t).parse::<f64>().map(Value::from).unwrap_or(Value::Null)),
                        "outcome": c.outcome,
                        "appeal": c.appeal.as_ref().map(|a| json!({"filed_on": a.filed_on, "decided_on": a.decided_on, "outcome": a.outcome})),
                    })
                })
                .collect();
            let tie_break = s.tie_break.as_ref().map(|t| json!({"order": t.order, "decided_on": t.decided_on_iso, "protocol": t.protocol}));
            json!({ "specialty": s.specialty, "seats": s.seats, "tie_break": tie_break, "candidates": candidates })
        })
        .collect();
    json!({
        "session": view.id,
        "title": view.data_title,
        "results_published_on": view.results_published_on_iso,
        "appeal_deadline": view.appeal_deadline_iso,
        "specialties": specialties,
    })
}

/// `results.csv`: the rows of results.json, flat, after a UTF-8 BOM (so that spreadsheet
/// programs read the names as UTF-8), every cell guarded against formulas
/// ([`csvout::guard`]; results.json keeps the exact text).
pub fn results_csv(view: &SessionView) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(csvout::BOM.as_bytes().to_vec());
    let _ = w.write_record([
        "session",
        "specialty",
        "seats",
        "candidate",
        "name",
        "rank",
        "final_score",
        "outcome",
        "appeal_filed_on",
        "appeal_decided_on",
        "appeal_outcome",
    ]);
    for s in &view.specialties {
        for c in &s.candidates {
            let seats = s.seats.to_string();
            let rank = c.rank.map(|r| r.to_string()).unwrap_or_default();
            let final_score = c.final_tenths.map(two_decimals).unwrap_or_default();
            let appeal = c.appeal.as_ref();
            let row = [
                view.id.as_str(),
                &s.specialty,
                &seats,
                &c.candidate,
                &c.name,
                &rank,
                &final_score,
                c.outcome,
                appeal.map_or("", |a| a.filed_on.as_str()),
                appeal.and_then(|a| a.decided_on.as_deref()).unwrap_or(""),
                appeal.map_or("", |a| a.outcome),
            ];
            let _ = w.write_record(row.map(csvout::guard).iter().map(|c| c.as_bytes()));
        }
    }
    w.into_inner().unwrap_or_default()
}

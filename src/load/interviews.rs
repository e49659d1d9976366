//! Stage "load": interview sessions (`data/interviews/<session>/`, DESIGN §3) and the
//! working-day calendar (`data/holidays.csv`). Every problem is reported with file and line:
//! scores out of range or not in half points (rule 2.13), a candidate without exactly five
//! members or with a member twice (rule 2.1), a specialty without vacancies, a candidate in two
//! specialties, an appeal for an unknown candidate, and a tie across the last seat without
//! `tie_breaks` (rule 2.3), given as `<specialty> = [ids]` or as the table
//! `[tie_breaks.<specialty>]` with `order`, `decided_on` and `protocol` (strict keys). Missed timings are warnings: a schedule posted fewer than 3 days
//! before (2.6), results later than 3 working days after (2.11), an appeal filed after its
//! deadline (2.17) or decided later than 7 working days after filing (annex 2 §2.6), and one
//! still pending on the build date after that limit (overdue, naming the candidate). Each
//! session belongs to a university: its own `institution`, else site.toml's `[interviews]
//! institution`; an empty one is an error at its line, none at all an error.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

use serde::Deserialize;
use time::Date;

use crate::config::{toml_problem, Interviews, Sheets};
use crate::diag::{At, Problem, Problems};
use crate::load::csvfile::{columns, Column, CsvText, Row};
use crate::load::xlsx;
use crate::model::calendar::{Calendar, DayKind};
use crate::model::date::{self, date_hint, parse_date};
use crate::model::interview::{
    two_decimals, Appeal, AppealOutcome, Candidate, Halves, MemberScore, Name, Session, Slot, TieBreak, Vacancy, MEMBERS,
};
use crate::text::normalize;

/// The holidays file.
pub const HOLIDAYS: &str = "data/holidays.csv";
/// The sessions folder.
pub const DIR: &str = "data/interviews";

/// Days before the interview by which the schedule is posted (rule 2.6).
pub const SCHEDULE_NOTICE_DAYS: i64 = 3;
pub use crate::model::interview::{APPEAL_DECISION_WORKING_DAYS, RESULTS_WORKING_DAYS};

/// The tables of a session folder, by their CSV names (each may be a workbook instead).
pub const TABLES: [&str; 3] = ["schedule.csv", "scores.csv", "appeals.csv"];

/// Reads `data/holidays.csv`, or the workbook given instead (optional).
pub fn load_calendar(root: &Path, sheets: &Sheets, problems: &mut Problems) -> Calendar {
    let Some(file) = xlsx::read_table(root, HOLIDAYS, sheets, problems) else { return Calendar::default() };
    parse_calendar(&file, problems)
}

columns! {
    /// The columns of `data/holidays.csv`.
    enum HolidayCol {
        Date: "date" required,
        Name: "name" optional,
        Type: "type" optional,
    }
}

/// The calendar of an already read `data/holidays.csv`.
pub fn parse_calendar(file: &CsvText, problems: &mut Problems) -> Calendar {
    let mut days = Vec::new();
    file.rows(problems, |row, problems| {
        let Some(day) = row.required(HolidayCol::Date, &date_hint(), problems).and(row.date(HolidayCol::Date, problems)) else {
            return;
        };
        let kind = match row.get(HolidayCol::Type).as_deref() {
            None | Some("holiday") => DayKind::Holiday,
            Some("workday") => DayKind::Workday,
            Some(other) => {
                problems.push(
                    row.error(HolidayCol::Type, tr!("interviews-holiday-type", value = other)).help(tr!("interviews-holiday-type-help")),
                );
                return;
            }
        };
        days.push((day, kind));
    });
    Calendar::new(days)
}

/// A date in a TOML file: a TOML local date or a string in the CSV forms (DESIGN §3).
#[derive(Debug, Clone)]
struct TomlDate(String);

impl<'de> Deserialize<'de> for TomlDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Either {
            Date(toml::value::Datetime),
            Text(String),
        }
        match Either::deserialize(d)? {
            Either::Date(dt) if dt.time.is_none() && dt.offset.is_none() => Ok(TomlDate(dt.to_string())),
            Either::Date(dt) => Err(serde::de::Error::custom(tr!("interviews-toml-date-with-time", value = dt.to_string()))),
            Either::Text(s) => Ok(TomlDate(s)),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawVacancy {
    specialty: String,
    specialty_en: Option<String>,
    seats: u32,
}

/// A tie break as written: `<specialty> = [ids]`, or the table `[tie_breaks.<specialty>]`
/// with `order`, `decided_on` and `protocol` (DESIGN §3).
#[derive(Debug)]
struct RawTieBreak {
    order: Vec<String>,
    decided_on: Option<TomlDate>,
    protocol: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTieBreakTable {
    order: Vec<String>,
    decided_on: Option<TomlDate>,
    protocol: Option<String>,
}

impl<'de> Deserialize<'de> for RawTieBreak {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = RawTieBreak;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a list of candidate ids, or a table with `order`, `decided_on` and `protocol`")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, seq: A) -> Result<RawTieBreak, A::Error> {
                let order = Vec::<String>::deserialize(serde::de::value::SeqAccessDeserializer::new(seq))?;
                Ok(RawTieBreak { order, decided_on: None, protocol: None })
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<RawTieBreak, A::Error> {
                let t = RawTieBreakTable::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                Ok(RawTieBreak { order: t.order, decided_on: t.decided_on, protocol: t.protocol })
            }
        }
        d.deserialize_any(Visitor)
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSession {
    title: String,
    title_en: Option<String>,
    institution: Option<String>,
    institution_en: Option<String>,
    interview_on: TomlDate,
    place: String,
    place_en: Option<String>,
    schedule_published_on: Option<TomlDate>,
    results_published_on: Option<TomlDate>,
    #[serde(default)]
    vacancies: Vec<RawVacancy>,
    #[serde(default)]
    tie_breaks: HashMap<String, RawTieBreak>,
}

/// Reads every session below `data/interviews/`, sorted by folder name, with its appeals as
/// they stand on `today` (see [`Session::appeals_on`]). `settings` is site.toml's
/// `[interviews]`, `None` when site.toml did not load (then a session without its own
/// institution is not reported: the settings' error is); `sheets` its `[sheets]`, for the
/// tables given as workbooks.
pub fn load(
    root: &Path,
    calendar: &Calendar,
    settings: Option<&Interviews>,
    sheets: &Sheets,
    today: Date,
    problems: &mut Problems,
) -> Vec<Session> {
    let dir = root.join(DIR);
    let Ok(entries) = std::fs::read_dir(&dir) else { return Vec::new() };
    let mut folders: Vec<String> =
        entries.flatten().filter(|e| e.path().is_dir()).filter_map(|e| e.file_name().to_str().map(str::to_owned)).collect();
    folders.sort();
    let mut sessions = Vec::new();
    for id in folders {
        let base = format!("{DIR}/{id}");
        if !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
            problems.push(
                Problem::error(tr!("interviews-folder-name", folder = &id)).at(At::file(&base)).help(tr!("interviews-folder-name-help")),
            );
            continue;
        }
        if let Some(s) = load_session(root, &id, calendar, settings, sheets, today, problems) {
            sessions.push(s);
        }
    }
    sessions
}

fn toml_date(value: &TomlDate, key: &str, rel: &str, text: &Arc<str>, problems: &mut Problems) -> Option<Date> {
    parse_date(&value.0)
        .map_err(|e| {
            let at = text
                .find(&format!("{key} "))
                .or_else(|| text.find(&format!("{key}=")))
                .map_or(At::file(rel), |o| At::offset(rel, text, o, key.len()));
            problems.push(Problem::error(format!("{key}: {e}")).at(at).help(date_hint()).with_source(text.clone()));
        })
        .ok()
}

/// Where `key = …` is in a TOML text (for a problem's position), else the whole file.
fn toml_key_at(rel: &str, text: &str, key: &str) -> At {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if trimmed.strip_prefix(key).is_some_and(|rest| rest.trim_start().starts_with('=')) {
            let lead = offset + line.len() - trimmed.len();
            return At::offset(rel, text, lead, trimmed.trim_end().len());
        }
        offset += line.len();
    }
    At::file(rel)
}

/// The session's university (DESIGN §3 `[interviews] institution`): its own `institution`
/// (and `institution_en`), else site.toml's. Empty is an error at its line; none at all is an
/// error when the settings are known.
fn institution(
    raw: &RawSession,
    settings: Option<&Interviews>,
    rel: &str,
    text: &Arc<str>,
    problems: &mut Problems,
) -> Option<(String, Option<String>)> {
    let mut bad = false;
    for (key, value) in [("institution", &raw.institution), ("institution_en", &raw.institution_en)] {
        if value.as_ref().is_some_and(|v| v.trim().is_empty()) {
            bad = true;
            problems.push(
                Problem::error(tr!("interviews-institution-empty", key = key))
                    .at(toml_key_at(rel, text, key))
                    .help(tr!("interviews-institution-empty-help"))
                    .with_source(text.clone()),
            );
        }
    }
    if bad {
        return None;
    }
    let clean = |n: &Option<String>| n.as_deref().map(|n| normalize(n).into_owned());
    match (&raw.institution, settings) {
        (Some(_), _) => Some((clean(&raw.institution)?, clean(&raw.institution_en))),
        (None, Some(Interviews { institution: Some(name), institution_en, .. })) => {
            Some((name.clone(), clean(&raw.institution_en).or_else(|| institution_en.clone())))
        }
        (None, Some(_)) => {
            problems.push(Problem::error(tr!("interviews-no-institution")).at(At::file(rel)).help(tr!("interviews-no-institution-help")));
            None
        }
        (None, None) => Some((String::new(), None)),
    }
}

fn load_session(
    root: &Path,
    id: &str,
    calendar: &Calendar,
    settings: Option<&Interviews>,
    sheets: &Sheets,
    today: Date,
    problems: &mut Problems,
) -> Option<Session> {
    let rel = format!("{DIR}/{id}/session.toml");
    let text = match std::fs::read_to_string(root.join(&rel)) {
        Ok(t) => t,
        Err(e) => {
            problems.push(
                Problem::error(tr!("interviews-cannot-read", path = &rel, error = e.to_string()))
                    .at(At::file(&rel))
                    .help(tr!("interviews-cannot-read-help")),
            );
            return None;
        }
    };
    let mut read = |rel: &str, problems: &mut Problems| xlsx::read_table(root, rel, sheets, problems);
    parse_session(id, &text, &mut read, calendar, settings, today, problems)
}

/// The session `id` from the text of its `session.toml`; `read` gives each of its tables by
/// its CSV file (`data/interviews/<id>/scores.csv`, `schedule.csv`, `appeals.csv`) when it
/// exists, as [`xlsx::read_table`] does from the site root.
pub fn parse_session(
    id: &str,
    text: &str,
    read: &mut dyn FnMut(&str, &mut Problems) -> Option<CsvText>,
    calendar: &Calendar,
    settings: Option<&Interviews>,
    today: Date,
    problems: &mut Problems,
) -> Option<Session> {
    let appeal_days = settings.map_or(Interviews::default().appeal_working_days, |s| s.appeal_working_days);
    let rel = format!("{DIR}/{id}/session.toml");
    let text: Arc<str> = Arc::from(text);
    let raw: RawSession = match toml::from_str(&text) {
        Ok(r) => r,
        Err(e) => {
            problems.push(toml_problem(&rel, &text, &e));
            return None;
        }
    };
    let before = problems.error_count();
    let institution = institution(&raw, settings, &rel, &text, problems);
    let interview_on = toml_date(&raw.interview_on, "interview_on", &rel, &text, problems);
    let schedule_published_on =
        raw.schedule_published_on.as_ref().and_then(|d| toml_date(d, "schedule_published_on", &rel, &text, problems));
    let results_published_on = raw.results_published_on.as_ref().and_then(|d| toml_date(d, "results_published_on", &rel, &text, problems));
    let mut vacancies: Vec<Vacancy> = Vec::new();
    for v in raw.vacancies {
        let specialty = normalize(&v.specialty).into_owned();
        if v.seats == 0 || vacancies.iter().any(|x| x.specialty == specialty) {
            problems.push(
                Problem::error(tr!("interviews-vacancy", specialty = &specialty, seats = v.seats))
                    .at(At::file(&rel))
                    .help(tr!("interviews-vacancy-help")),
            );
            continue;
        }
        let specialty_en = v.specialty_en.map(|e| normalize(&e).into_owned()).filter(|e| !e.is_empty());
        vacancies.push(Vacancy { specialty, specialty_en, seats: v.seats });
    }
    let folder = format!("{DIR}/{id}");
    let (candidates, scores) = load_scores(read, &folder, &vacancies, problems);
    let known: HashSet<&str> = candidates.iter().map(|c| c.id.as_str()).collect();
    let schedule = load_schedule(read, &folder, &vacancies, problems);
    let appeals = load_appeals(read, &folder, (&known, &scores), problems);
    let mut tie_breaks = HashMap::new();
    for (specialty, raw_tie) in raw.tie_breaks {
        let specialty = normalize(&specialty).into_owned();
        for c in &raw_tie.order {
            if !candidates.iter().any(|x| &x.id == c && x.specialty == specialty) {
                problems
                    .push(Problem::error(tr!("interviews-tie-breaks-unknown", specialty = &specialty, candidate = c)).at(At::file(&rel)));
            }
        }
        let decided_on = raw_tie.decided_on.as_ref().and_then(|d| toml_date(d, "decided_on", &rel, &text, problems));
        let protocol = raw_tie.protocol.map(|p| normalize(&p).into_owned()).filter(|p| !p.is_empty());
        tie_breaks.insert(specialty, TieBreak { order: raw_tie.order, decided_on, protocol });
    }
    if problems.error_count() > before {
        return None;
    }
    let mut session = Session {
        id: id.to_owned(),
        title: raw.title,
        title_en: raw.title_en.map(|t| normalize(&t).into_owned()).filter(|t| !t.is_empty()),
        institution: institution.as_ref()?.0.clone(),
        institution_en: institution?.1,
        interview_on: interview_on?,
        place: raw.place,
        place_en: raw.place_en.map(|p| normalize(&p).into_owned()).filter(|p| !p.is_empty()),
        schedule_published_on,
        results_published_on,
        vacancies,
        tie_breaks,
        schedule,
        candidates,
        appeals,
    };
    // Timings are checked against every recorded appeal; results use those of the build date.
    timing_warnings(&session, &rel, calendar, appeal_days, problems);
    session.appeals = session.appeals_on(today);
    overdue_warnings(&session, &rel, calendar, today, problems);
    if let Err(ties) = session.results() {
        for tie in ties {
            let ids = tie.candidates.iter().map(|c| format!("\"{c}\"")).collect::<Vec<_>>().join(", ");
            problems.push(
                Problem::error(tr!(
                    "interviews-tie",
                    candidates = tie.candidates.join(", "),
                    specialty = &tie.specialty,
                    score = two_decimals(tie.final_tenths)
                ))
                .at(At::file(&rel))
                .help(format!(
                    "{}\n[tie_breaks.\"{}\"]\norder = [{ids}]\ndecided_on = YYYY-MM-DD\nprotocol = \"…\"",
                    tr!("interviews-tie-help", path = &rel),
                    tie.specialty
                )),
            );
        }
        return None;
    }
    Some(session)
}

fn timing_warnings(s: &Session, rel: &str, calendar: &Calendar, appeal_days: u32, problems: &mut Problems) {
    if let Some(posted) = s.schedule_published_on {
        if (s.interview_on - posted).whole_days() < SCHEDULE_NOTICE_DAYS {
            problems.push(
                Problem::warning(tr!(
                    "interviews-schedule-late",
                    posted = date::iso(posted),
                    days = SCHEDULE_NOTICE_DAYS,
                    interview = date::iso(s.interview_on)
                ))
                .at(At::file(rel)),
            );
        }
    }
    if let Some(results) = s.results_published_on {
        let latest = s.results_due(calendar);
        if results > latest {
            problems.push(
                Problem::warning(tr!(
                    "interviews-results-late",
                    published = date::iso(results),
                    days = RESULTS_WORKING_DAYS,
                    due = date::iso(latest)
                ))
                .at(At::file(rel)),
            );
        }
    }
    let deadline = s.appeal_deadline(calendar, appeal_days);
    let appeals = format!("{}/appeals.csv", rel.trim_end_matches("/session.toml"));
    for a in &s.appeals {
        if let Some(deadline) = deadline.filter(|d| a.filed_on > *d) {
            problems.push(
                Problem::warning(tr!(
                    "interviews-appeal-filed-late",
                    candidate = &a.candidate,
                    filed = date::iso(a.filed_on),
                    deadline = date::iso(deadline)
                ))
                .at(a.at.clone().unwrap_or_else(|| At::file(&appeals))),
            );
        }
        if let Some(decided) = a.decided_on {
            let latest = a.limit(calendar);
            if decided > latest {
                problems.push(
                    Problem::warning(tr!(
                        "interviews-appeal-decided-late",
                        candidate = &a.candidate,
                        decided = date::iso(decided),
                        days = APPEAL_DECISION_WORKING_DAYS,
                        due = date::iso(latest)
                    ))
                    .at(a.at.clone().unwrap_or_else(|| At::file(&appeals))),
                );
            }
        }
    }
}

/// An appeal still pending on the build date after its limit (filed_on + 7 working days,
/// annex 2 §2.6) is overdue from the next day: a warning naming the candidate.
fn overdue_warnings(s: &Session, rel: &str, calendar: &Calendar, today: Date, problems: &mut Problems) {
    let appeals = format!("{}/appeals.csv", rel.trim_end_matches("/session.toml"));
    for a in s.appeals.iter().filter(|a| a.overdue(calendar, today)) {
        let name = s.candidates.iter().find(|c| c.id == a.candidate).map(|c| format!(" ({})", c.name.full())).unwrap_or_default();
        problems.push(
            Problem::warning(tr!(
                "interviews-appeal-overdue",
                candidate = &a.candidate,
                name = name,
                today = date::iso(today),
                due = date::iso(a.limit(calendar))
            ))
            .at(a.at.clone().unwrap_or_else(|| At::file(&appeals)))
            .help(tr!(
                "interviews-appeal-overdue-help",
                days = APPEAL_DECISION_WORKING_DAYS,
                filed = date::iso(a.filed_on),
                file = file_name(a.at.as_ref().map_or(Path::new(&appeals), |at| &at.path))
            )),
        );
    }
}

columns! {
    /// The columns of `scores.csv`: one row per candidate and commission member.
    enum ScoreCol {
        Candidate: "candidate" required,
        Surname: "surname" required text,
        GivenName: "given_name" required text,
        Patronymic: "patronymic" optional text,
        Specialty: "specialty" required,
        Member: "member" required,
        Language: "language" required,
        Knowledge: "knowledge" required,
        Outlook: "outlook" required,
    }
}

columns! {
    /// The columns of `schedule.csv`.
    enum ScheduleCol {
        Candidate: "candidate" required,
        Surname: "surname" required text,
        GivenName: "given_name" required text,
        Patronymic: "patronymic" optional text,
        Specialty: "specialty" required,
        StartsAt: "starts_at" required,
    }
}

columns! {
    /// The columns of `appeals.csv`.
    enum AppealCol {
        Candidate: "candidate" required,
        FiledOn: "filed_on" required,
        DecidedOn: "decided_on" optional,
        Outcome: "outcome" required,
    }
}

/// The columns that name a candidate and the specialty applied for, in `scores.csv` and in
/// `schedule.csv`.
trait Applicant: Column {
    const SURNAME: Self;
    const GIVEN_NAME: Self;
    const PATRONYMIC: Self;
    const SPECIALTY: Self;
}

impl Applicant for ScoreCol {
    const SURNAME: Self = Self::Surname;
    const GIVEN_NAME: Self = Self::GivenName;
    const PATRONYMIC: Self = Self::Patronymic;
    const SPECIALTY: Self = Self::Specialty;
}

impl Applicant for ScheduleCol {
    const SURNAME: Self = Self::Surname;
    const GIVEN_NAME: Self = Self::GivenName;
    const PATRONYMIC: Self = Self::Patronymic;
    const SPECIALTY: Self = Self::Specialty;
}

fn name<C: Applicant>(row: &Row<'_, C>, problems: &mut Problems) -> Option<Name> {
    let surname = row.required(C::SURNAME, &tr!("interviews-surname-help"), problems);
    let given_name = row.required(C::GIVEN_NAME, &tr!("interviews-given-name-help"), problems);
    Some(Name { surname: surname?, given_name: given_name?, patronymic: row.get(C::PATRONYMIC).map(|p| p.into_owned()) })
}

fn specialty<C: Applicant>(row: &Row<'_, C>, vacancies: &[Vacancy], problems: &mut Problems) -> Option<String> {
    let s = row.required(C::SPECIALTY, &tr!("interviews-specialty-help"), problems)?;
    if !vacancies.iter().any(|v| v.specialty == s) {
        let known: Vec<&str> = vacancies.iter().map(|v| v.specialty.as_str()).collect();
        problems.push(
            row.error(C::SPECIALTY, tr!("interviews-specialty-unknown", specialty = &s))
                .help(tr!("interviews-specialty-unknown-help", known = known.join(", "))),
        );
        return None;
    }
    Some(s)
}

/// A score in half points within 0..=max points.
fn score(row: &Row<'_, ScoreCol>, c: ScoreCol, max: u32, problems: &mut Problems) -> Option<Halves> {
    let column = c.name();
    let text = row.required(c, &tr!("interviews-score-help", max = max), problems)?;
    let value: Option<f64> = text.replace(',', ".").parse().ok().filter(|v: &f64| v.is_finite());
    let halves = value.map(|v| v * 2.0).filter(|h| h.fract() == 0.0 && *h >= 0.0 && *h <= f64::from(max * 2));
    if halves.is_none() {
        problems.push(row.error(c, tr!("interviews-score", column = column, value = &text, max = max)).help(tr!(
            "interviews-score-rule",
            column = column,
            max = max
        )));
    }
    halves.map(|h| h as Halves)
}

/// The name of the file at `path` (`scores.csv`, or the workbook `scores.xlsx`), for a message.
fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

/// The candidates of the session's scores, and the name of the file they were read from.
fn load_scores(
    read: &mut dyn FnMut(&str, &mut Problems) -> Option<CsvText>,
    folder: &str,
    vacancies: &[Vacancy],
    problems: &mut Problems,
) -> (Vec<Candidate>, String) {
    let rel = format!("{folder}/scores.csv");
    let Some(file) = read(&rel, problems) else { return (Vec::new(), file_name(Path::new(&rel))) };
    let mut candidates: Vec<(Candidate, Vec<String>)> = Vec::new();
    let mut first_line: HashMap<String, At> = HashMap::new();
    file.rows(problems, |row: &Row<'_, ScoreCol>, p| {
        let Some(id) = row.required(ScoreCol::Candidate, &tr!("interviews-candidate-help"), p) else { return };
        let name = name(row, p);
        let spec = specialty(row, vacancies, p);
        let member = row.required(ScoreCol::Member, &tr!("interviews-member-help"), p);
        let scores = (score(row, ScoreCol::Language, 20, p), score(row, ScoreCol::Knowledge, 20, p), score(row, ScoreCol::Outlook, 10, p));
        let (Some(name), Some(spec), Some(member)) = (name, spec, member) else { return };
        // A row with a bad score still counts as the member's row, so that it is not also
        // reported as a missing member.
        let entry = match scores {
            (Some(language), Some(knowledge), Some(outlook)) => Some(MemberScore { language, knowledge, outlook }),
            _ => None,
        };
        let index = match candidates.iter().position(|c| c.0.id == id) {
            Some(i) => i,
            None => {
                first_line.insert(id.clone(), row.at_row());
                candidates.push((Candidate { id: id.clone(), name, specialty: spec.clone(), scores: Vec::new() }, Vec::new()));
                candidates.len() - 1
            }
        };
        let (c, members) = &mut candidates[index];
        if c.specialty != spec {
            p.push(
                row.error(ScoreCol::Specialty, tr!("interviews-two-specialties", candidate = &id, first = &c.specialty, second = &spec))
                    .help(tr!("interviews-two-specialties-help", at = first_line[&id].to_string())),
            );
        } else if members.contains(&member) {
            p.push(
                row.error(ScoreCol::Member, tr!("interviews-member-twice", member = &member, candidate = &id))
                    .help(tr!("interviews-member-twice-help")),
            );
        } else {
            members.push(member.clone());
            if let Some(entry) = entry {
                c.scores.push((member, entry));
            }
        }
    });
    for (c, members) in &candidates {
        if members.len() != MEMBERS {
            problems.push(
                Problem::error(tr!("interviews-member-count", candidate = &c.id, count = members.len(), members = MEMBERS))
                    .at(first_line[&c.id].clone())
                    .help(tr!("interviews-member-count-help")),
            );
        }
    }
    (candidates.into_iter().map(|(c, _)| c).collect(), file_name(&file.path))
}

fn load_schedule(
    read: &mut dyn FnMut(&str, &mut Problems) -> Option<CsvText>,
    folder: &str,
    vacancies: &[Vacancy],
    problems: &mut Problems,
) -> Vec<Slot> {
    let rel = format!("{folder}/schedule.csv");
    let Some(file) = read(&rel, problems) else { return Vec::new() };
    let mut slots = Vec::new();
    file.rows(problems, |row: &Row<'_, ScheduleCol>, p| {
        let id = row.required(ScheduleCol::Candidate, &tr!("interviews-candidate-help"), p);
        let name = name(row, p);
        let spec = specialty(row, vacancies, p);
        let time = row.required(ScheduleCol::StartsAt, &tr!("interviews-starts-at-help"), p).filter(|t| {
            let ok = t.len() == 5
                && t.as_bytes()[2] == b':'
                && t[..2].parse::<u8>().is_ok_and(|h| h < 24)
                && t[3..].parse::<u8>().is_ok_and(|m| m < 60);
            if !ok {
                p.push(row.error(ScheduleCol::StartsAt, tr!("interviews-starts-at", value = t)).help(tr!("interviews-starts-at-example")));
            }
            ok
        });
        if let (Some(candidate), Some(name), Some(specialty), Some(starts_at)) = (id, name, spec, time) {
            slots.push(Slot { candidate, name, specialty, starts_at });
        }
    });
    slots
}

/// The session's appeals; `known` the candidates of its scores, read from the file `scores`.
fn load_appeals(
    read: &mut dyn FnMut(&str, &mut Problems) -> Option<CsvText>,
    folder: &str,
    (known, scores): (&HashSet<&str>, &str),
    problems: &mut Problems,
) -> Vec<Appeal> {
    let rel = format!("{folder}/appeals.csv");
    let Some(file) = read(&rel, problems) else { return Vec::new() };
    let mut appeals: Vec<Appeal> = Vec::new();
    file.rows(problems, |row: &Row<'_, AppealCol>, p| {
        let id = row.required(AppealCol::Candidate, &tr!("interviews-candidate-help"), p);
        if let Some(id) = &id {
            if !known.contains(id.as_str()) {
                p.push(
                    row.error(AppealCol::Candidate, tr!("interviews-appeal-unknown-candidate", candidate = id, scores = scores))
                        .help(tr!("interviews-appeal-unknown-candidate-help")),
                );
            } else if appeals.iter().any(|a| &a.candidate == id) {
                p.push(
                    row.error(AppealCol::Candidate, tr!("interviews-two-appeals", candidate = id)).help(tr!("interviews-two-appeals-help")),
                );
            }
        }
        let filed = row.required(AppealCol::FiledOn, &date_hint(), p).and(row.date(AppealCol::FiledOn, p));
        let decided = row.date(AppealCol::DecidedOn, p);
        let outcome = row.required(AppealCol::Outcome, &tr!("interviews-outcome-help"), p).and_then(|o| {
            let parsed = AppealOutcome::parse(&o);
            if parsed.is_none() {
                p.push(row.error(AppealCol::Outcome, tr!("interviews-outcome", value = &o)).help(tr!("interviews-outcome-expected")));
            }
            parsed
        });
        if outcome.is_some_and(|o| o != AppealOutcome::Pending) && decided.is_none() && row.get(AppealCol::DecidedOn).is_none() {
            p.push(row.error(AppealCol::DecidedOn, tr!("interviews-decided-on-empty")).help(tr!("interviews-decided-on-empty-help")));
            return;
        }
        if let (Some(candidate), Some(filed_on), Some(outcome)) = (id, filed, outcome) {
            if decided.is_some_and(|d| d < filed_on) {
                p.push(row.error(AppealCol::DecidedOn, tr!("interviews-decided-before-filed")));
                return;
            }
            appeals.push(Appeal { candidate, filed_on, decided_on: decided, outcome, at: Some(row.at_row()) });
        }
    });
    appeals
}

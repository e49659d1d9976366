//! Domain "interviews": a session of the university's interviews of foreign applicants, its
//! scoring and results (DESIGN §1 "The interview rules", §3 "data/interviews/<session>/").
//!
//! Scores are kept in half points as integers, so every sum, spread and comparison is exact:
//! a member's total is language + knowledge + outlook (rule 2.13: 0–20, 0–20, 0–10, at most
//! 50); the spread is the highest total minus the lowest, and a spread over 5 points makes the
//! evaluation invalid: the candidate is interviewed again (rule 2.14). The final score is the
//! mean of the five totals, a multiple of 0.1, shown with two decimals. The highest scorers
//! pass, up to the vacancies (rule 2.3); a tie across the last seat is never decided silently:
//! the commission's decision is recorded in `tie_breaks`. An appeal that is upheld leaves the
//! result as it is; one annulled means a new interview with a new commission (annex 2 §3.2,
//! §3.3).

use std::collections::HashMap;

use time::Date;

use crate::model::calendar::Calendar;

/// Points in halves: 17.5 is 35.
pub type Halves = u32;

/// The highest allowed spread between members' totals, in halves (rule 2.14: 5 points).
pub const MAX_SPREAD: Halves = 10;

/// Members in a commission (rule 2.1).
pub const MEMBERS: usize = 5;

/// Working days after the interview by which results are posted (rule 2.11).
pub const RESULTS_WORKING_DAYS: u32 = 3;

/// Working days in which an appeal is decided (annex 2 §2.6).
pub const APPEAL_DECISION_WORKING_DAYS: u32 = 7;

/// A person's name as published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    /// Family name.
    pub surname: String,
    /// Given name.
    pub given_name: String,
    /// Patronymic, if any.
    pub patronymic: Option<String>,
}

impl Name {
    /// "Surname Given Patronymic".
    pub fn full(&self) -> String {
        let mut s = format!("{} {}", self.surname, self.given_name);
        if let Some(p) = &self.patronymic {
            s.push(' ');
            s.push_str(p);
        }
        s
    }
}

/// One member's scores for one candidate, in halves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MemberScore {
    /// Language (Azerbaijani or English), 0–20 points.
    pub language: Halves,
    /// Knowledge, 0–20 points.
    pub knowledge: Halves,
    /// General outlook and personal qualities, 0–10 points.
    pub outlook: Halves,
}

impl MemberScore {
    /// The member's total (rule 2.13: at most 50 points).
    pub fn total(&self) -> Halves {
        self.language + self.knowledge + self.outlook
    }
}

/// A candidate with the five members' scores.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// The candidate's id (`N-001`).
    pub id: String,
    /// Name.
    pub name: Name,
    /// Specialty applied for.
    pub specialty: String,
    /// Member id → scores; exactly five after validation.
    pub scores: Vec<(String, MemberScore)>,
}

impl Candidate {
    /// Highest minus lowest member total, in halves (rule 2.14).
    pub fn spread(&self) -> Halves {
        let totals = self.scores.iter().map(|(_, s)| s.total());
        totals.clone().max().unwrap_or(0) - totals.min().unwrap_or(0)
    }

    /// The sum of the members' totals in halves: the final score is this / 10 (the mean of five
    /// totals, each in halves).
    pub fn sum(&self) -> Halves {
        self.scores.iter().map(|(_, s)| s.total()).sum()
    }
}

/// The state of an appeal (annex 2 §3.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AppealOutcome {
    /// Not yet decided.
    Pending,
    /// The result stands.
    Upheld,
    /// The result is annulled: interviewed again by a new commission (§3.3).
    Annulled,
}

impl AppealOutcome {
    /// Parses the `outcome` column.
    pub fn parse(s: &str) -> Option<AppealOutcome> {
        match s {
            "pending" => Some(AppealOutcome::Pending),
            "upheld" => Some(AppealOutcome::Upheld),
            "annulled" => Some(AppealOutcome::Annulled),
            _ => None,
        }
    }

    /// The code used in data files and results.json.
    pub fn code(self) -> &'static str {
        match self {
            AppealOutcome::Pending => "pending",
            AppealOutcome::Upheld => "upheld",
            AppealOutcome::Annulled => "annulled",
        }
    }
}

impl Appeal {
    /// The last day to decide it: filed_on + 7 working days (annex 2 §2.6).
    pub fn limit(&self, calendar: &Calendar) -> Date {
        calendar.add_working_days(self.filed_on, APPEAL_DECISION_WORKING_DAYS)
    }

    /// Still pending on `today` after its limit: overdue from the day after the limit.
    pub fn overdue(&self, calendar: &Calendar, today: Date) -> bool {
        self.outcome == AppealOutcome::Pending && today > self.limit(calendar)
    }
}

/// An appeal against a result (rule 2.17, annex 2).
#[derive(Debug, Clone)]
pub struct Appeal {
    /// The candidate's id.
    pub candidate: String,
    /// When it was filed.
    pub filed_on: Date,
    /// When it was decided.
    pub decided_on: Option<Date>,
    /// Its state.
    pub outcome: AppealOutcome,
    /// Its row in `appeals.csv`, for warnings about it.
    pub at: Option<crate::diag::At>,
}

/// Seats of a specialty (rule 2.3).
#[derive(Debug, Clone)]
pub struct Vacancy {
    /// The specialty.
    pub specialty: String,
    /// Its English name, for the `/en/` pages.
    pub specialty_en: Option<String>,
    /// Number of seats.
    pub seats: u32,
}

/// The commission's recorded order of candidates tied on a score (rule 2.3: a tie across the
/// last seat is never decided silently), with the day it was decided and its protocol, when
/// given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TieBreak {
    /// Candidate ids, in the order decided.
    pub order: Vec<String>,
    /// The day of the decision.
    pub decided_on: Option<Date>,
    /// The reference of the decision (its protocol's number).
    pub protocol: Option<String>,
}

impl TieBreak {
    /// An order without a date or reference (the short form `<specialty> = [ids]`).
    pub fn order(order: Vec<String>) -> TieBreak {
        TieBreak { order, decided_on: None, protocol: None }
    }
}

/// A candidate's place in the published schedule (rule 2.6).
#[derive(Debug, Clone)]
pub struct Slot {
    /// The candidate's id.
    pub candidate: String,
    /// Name.
    pub name: Name,
    /// Specialty.
    pub specialty: String,
    /// Start time, `HH:MM`.
    pub starts_at: String,
}

/// One session, checked.
#[derive(Debug, Clone)]
pub struct Session {
    /// The folder name: the session's address `/interviews/<id>/`.
    pub id: String,
    /// Title.
    pub title: String,
    /// The title in English, if given.
    pub title_en: Option<String>,
    /// The university holding the interviews (the session's own, else site.toml's
    /// `[interviews] institution`).
    pub institution: String,
    /// Its English name, if given.
    pub institution_en: Option<String>,
    /// Day of the interviews.
    pub interview_on: Date,
    /// Where.
    pub place: String,
    /// Where, in English, if given.
    pub place_en: Option<String>,
    /// When the schedule was posted.
    pub schedule_published_on: Option<Date>,
    /// When results are (or were) published; `None`: not yet.
    pub results_published_on: Option<Date>,
    /// Vacancies per specialty, in file order.
    pub vacancies: Vec<Vacancy>,
    /// The commission's recorded order for ties, by specialty.
    pub tie_breaks: HashMap<String, TieBreak>,
    /// The schedule, if posted.
    pub schedule: Vec<Slot>,
    /// Candidates with scores, in file order.
    pub candidates: Vec<Candidate>,
    /// Appeals.
    pub appeals: Vec<Appeal>,
}

/// Why a candidate is interviewed again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReinterviewReason {
    /// Members' totals differ by more than 5 points (rule 2.14).
    Spread,
    /// The appeal was annulled: a new commission (annex 2 §3.3).
    AnnulledAppeal,
}

/// A candidate's outcome (rule 2.16).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// "Uyğundur".
    Suitable,
    /// "Uyğun deyildir".
    NotSuitable,
    /// "Yenidən müsahibə".
    ReInterview(ReinterviewReason),
}

impl Outcome {
    /// The code in results.json.
    pub fn code(self) -> &'static str {
        match self {
            Outcome::Suitable => "suitable",
            Outcome::NotSuitable => "not-suitable",
            Outcome::ReInterview(_) => "re-interview",
        }
    }
}

/// A candidate's result.
#[derive(Debug, Clone)]
pub struct CandidateResult {
    /// Index into [`Session::candidates`].
    pub candidate: usize,
    /// Rank among the ranked candidates of the specialty (1 = best); `None` when not ranked.
    pub rank: Option<u32>,
    /// The final score ×10 (an integer: 412 is 41.20), `None` when not ranked.
    pub final_tenths: Option<u32>,
    /// The outcome.
    pub outcome: Outcome,
    /// The candidate's appeal, index into [`Session::appeals`].
    pub appeal: Option<usize>,
    /// Whether the candidate's place among others of the same score is the commission's
    /// recorded order (`tie_breaks`), not a shared rank.
    pub tie_ordered: bool,
}

/// The results of one specialty, ranked first, then those interviewed again.
#[derive(Debug, Clone)]
pub struct SpecialtyResult {
    /// The specialty.
    pub specialty: String,
    /// Seats.
    pub seats: u32,
    /// Candidates.
    pub candidates: Vec<CandidateResult>,
}

/// A tie across the last seat that `tie_breaks` does not settle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnbrokenTie {
    /// The specialty.
    pub specialty: String,
    /// The tied candidates' ids.
    pub candidates: Vec<String>,
    /// Their final score ×10.
    pub final_tenths: u32,
}

/// Formats a score ×10 with two decimals: 412 → "41.20".
pub fn two_decimals(tenths: u32) -> String {
    two_decimals_with(tenths, '.')
}

/// Formats a score ×10 with two decimals and the given decimal sign: 412, ',' → "41,20"
/// (Azerbaijani writes a decimal comma).
pub fn two_decimals_with(tenths: u32, sign: char) -> String {
    format!("{}{sign}{}0", tenths / 10, tenths % 10)
}

impl Session {
    /// The last day to appeal: results date + `n` working days (rule 2.17; the window is a
    /// setting because annex 2 §2.4 says 5).
    pub fn appeal_deadline(&self, calendar: &Calendar, n: u32) -> Option<Date> {
        self.results_published_on.map(|d| calendar.add_working_days(d, n))
    }

    /// The day results are due: the interview day + 3 working days (rule 2.11).
    pub fn results_due(&self, calendar: &Calendar) -> Date {
        calendar.add_working_days(self.interview_on, RESULTS_WORKING_DAYS)
    }

    /// The appeals as they stand on `today`: one not yet filed does not exist, and one not yet
    /// decided is pending (an outcome recorded ahead of its `decided_on` is not published).
    pub fn appeals_on(&self, today: Date) -> Vec<Appeal> {
        self.appeals
            .iter()
            .filter(|a| a.filed_on <= today)
            .map(|a| match a.decided_on {
                Some(d) if d > today => Appeal { decided_on: None, outcome: AppealOutcome::Pending, ..a.clone() },
                _ => a.clone(),
            })
            .collect()
    }

    fn appeal_of(&self, candidate: &str) -> Option<usize> {
        self.appeals.iter().position(|a| a.candidate == candidate)
    }

    /// Ranks every specialty. Errors are the ties across the last seat that `tie_breaks`
    /// does not order.
    pub fn results(&self) -> Result<Vec<SpecialtyResult>, Vec<UnbrokenTie>> {
        let mut ties = Vec::new();
        let mut out = Vec::new();
        for vacancy in &self.vacancies {
            let members: Vec<usize> = (0..self.candidates.len()).filter(|&i| self.candidates[i].specialty == vacancy.specialty).collect();
            let mut ranked = Vec::new();
            let mut again = Vec::new();
            for &i in &members {
                let c = &self.candidates[i];
                let appeal = self.appeal_of(&c.id);
                let annulled = appeal.is_some_and(|a| self.appeals[a].outcome == AppealOutcome::Annulled);
                if c.spread() > MAX_SPREAD {
                    again.push((i, ReinterviewReason::Spread, appeal));
                } else if annulled {
                    again.push((i, ReinterviewReason::AnnulledAppeal, appeal));
                } else {
                    ranked.push(i);
                }
            }
            let order = self.tie_breaks.get(&vacancy.specialty).map(|t| &t.order);
            let position = |id: &str| order.and_then(|o| o.iter().position(|x| x == id));
            // Best first; among equal scores the commission's order, the others after them by id
            // (a total order: the seat question below looks only at fully ordered groups).
            ranked.sort_by(|&a, &b| {
                let (ca, cb) = (&self.candidates[a], &self.candidates[b]);
                cb.sum()
                    .cmp(&ca.sum())
                    .then_with(|| position(&ca.id).unwrap_or(usize::MAX).cmp(&position(&cb.id).unwrap_or(usize::MAX)))
                    .then_with(|| ca.id.cmp(&cb.id))
            });
            // Groups of equal scores: shared rank unless the commission ordered them.
            let seats = vacancy.seats as usize;
            let mut results = Vec::new();
            let mut start = 0;
            while start < ranked.len() {
                let sum = self.candidates[ranked[start]].sum();
                let end = start + ranked[start..].iter().take_while(|&&i| self.candidates[i].sum() == sum).count();
                let group = &ranked[start..end];
                let ordered = group.len() > 1 && group.iter().all(|&i| position(&self.candidates[i].id).is_some());
                if group.len() > 1 && start < seats && end > seats && !ordered {
                    ties.push(UnbrokenTie {
                        specialty: vacancy.specialty.clone(),
                        candidates: group.iter().map(|&i| self.candidates[i].id.clone()).collect(),
                        final_tenths: sum,
                    });
                }
                for (k, &i) in group.iter().enumerate() {
                    let place = start + if ordered { k } else { 0 };
                    let position = start + k;
                    results.push(CandidateResult {
                        candidate: i,
                        rank: Some(place as u32 + 1),
                        final_tenths: Some(sum),
                        outcome: if position < seats { Outcome::Suitable } else { Outcome::NotSuitable },
                        appeal: self.appeal_of(&self.candidates[i].id),
                        tie_ordered: ordered,
                    });
                }
                start = end;
            }
            for (i, reason, appeal) in again {
                results.push(CandidateResult {
                    candidate: i,
                    rank: None,
                    final_tenths: None,
                    outcome: Outcome::ReInterview(reason),
                    appeal,
                    tie_ordered: false,
                });
            }
            out.push(SpecialtyResult { specialty: vacancy.specialty.clone(), seats: vacancy.seats, candidates: results });
        }
        if ties.is_empty() {
            Ok(out)
        } else {
            Err(ties)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn name(s: &str) -> Name {
        Name { surname: s.into(), given_name: "A".into(), patronymic: None }
    }

    /// A candidate whose five members give these totals (in points, may end in .5), split as
    /// language = total - outlook - knowledge with knowledge 15 and outlook up to 10.
    fn candidate(id: &str, specialty: &str, totals: [f64; 5]) -> Candidate {
        let scores = totals
            .iter()
            .enumerate()
            .map(|(m, t)| {
                let h = (t * 2.0) as Halves;
                let outlook = h.min(20);
                let knowledge = (h - outlook).min(40);
                (format!("M{}", m + 1), MemberScore { language: h - outlook - knowledge, knowledge, outlook })
            })
            .collect();
        Candidate { id: id.into(), name: name(id), specialty: specialty.into(), scores }
    }

    fn session(candidates: Vec<Candidate>, seats: u32) -> Session {
        Session {
            id: "s".into(),
            title: "t".into(),
            title_en: None,
            institution: "u".into(),
            institution_en: None,
            interview_on: date!(2026 - 03 - 19),
            place: "p".into(),
            place_en: None,
            schedule_published_on: None,
            results_published_on: Some(date!(2026 - 03 - 23)),
            vacancies: vec![Vacancy { specialty: "S".into(), specialty_en: None, seats }],
            tie_breaks: HashMap::new(),
            schedule: vec![],
            candidates,
            appeals: vec![],
        }
    }

    fn outcomes(s: &Session) -> Vec<(String, Option<u32>, Option<String>, &'static str)> {
        s.results().unwrap()[0]
            .candidates
            .iter()
            .map(|r| (s.candidates[r.candidate].id.clone(), r.rank, r.final_tenths.map(two_decimals), r.outcome.code()))
            .collect()
    }

    #[test]
    fn spread_exactly_5_is_ranked_5_5_is_interviewed_again() {
        let s = session(vec![candidate("A", "S", [40.0, 42.0, 45.0, 41.0, 43.0]), candidate("B", "S", [40.0, 42.0, 45.5, 41.0, 43.0])], 2);
        assert_eq!(s.candidates[0].spread(), 10);
        assert_eq!(s.candidates[1].spread(), 11);
        let o = outcomes(&s);
        assert_eq!(o[0], ("A".into(), Some(1), Some("42.20".into()), "suitable"));
        assert_eq!(o[1], ("B".into(), None, None, "re-interview"));
    }

    #[test]
    fn scores_print_with_either_decimal_sign() {
        assert_eq!(two_decimals(400), "40.00");
        assert_eq!(two_decimals_with(412, ','), "41,20");
    }

    #[test]
    fn half_points_make_tenths_exactly() {
        let s = session(vec![candidate("A", "S", [40.5, 40.5, 40.5, 40.5, 40.0])], 1);
        assert_eq!(outcomes(&s)[0].2.as_deref(), Some("40.40"));
    }

    #[test]
    fn a_tie_inside_the_seats_shares_a_rank() {
        let s = session(vec![candidate("A", "S", [40.0; 5]), candidate("B", "S", [40.0; 5]), candidate("C", "S", [30.0; 5])], 2);
        let o = outcomes(&s);
        assert_eq!((o[0].1, o[0].3, o[1].1, o[1].3), (Some(1), "suitable", Some(1), "suitable"));
        assert_eq!((o[2].1, o[2].3), (Some(3), "not-suitable"));
    }

    #[test]
    fn a_tie_across_the_last_seat_is_an_error_unless_ordered() {
        let mut s = session(vec![candidate("A", "S", [45.0; 5]), candidate("B", "S", [40.0; 5]), candidate("C", "S", [40.0; 5])], 2);
        let ties = s.results().unwrap_err();
        assert_eq!(ties, vec![UnbrokenTie { specialty: "S".into(), candidates: vec!["B".into(), "C".into()], final_tenths: 400 }]);
        s.tie_breaks.insert("S".into(), TieBreak::order(vec!["C".into(), "B".into()]));
        let o = outcomes(&s);
        let tied: Vec<bool> = s.results().unwrap()[0].candidates.iter().map(|r| r.tie_ordered).collect();
        assert_eq!(tied, [false, true, true], "the commission's order is marked on the tied rows only");
        assert_eq!(o[1], ("C".into(), Some(2), Some("40.00".into()), "suitable"));
        assert_eq!(o[2], ("B".into(), Some(3), Some("40.00".into()), "not-suitable"));
    }

    #[test]
    fn a_partly_ordered_group_sorts_without_panicking() {
        let mut candidates: Vec<Candidate> = (0..60).map(|i| candidate(&format!("C{i:02}"), "S", [40.0; 5])).collect();
        candidates.push(candidate("TOP", "S", [45.0; 5]));
        let mut s = session(candidates, 100);
        s.tie_breaks.insert("S".into(), TieBreak::order((0..30).rev().map(|i| format!("C{i:02}")).collect()));
        let o = outcomes(&s);
        assert_eq!(o.len(), 61);
        assert_eq!(o[0].0, "TOP");
        assert!(o.iter().all(|r| r.3 == "suitable"));
    }

    /// A's appeal, filed 24 March and annulled 30 March.
    fn annulled_appeal_of_a() -> Appeal {
        Appeal {
            candidate: "A".into(),
            filed_on: date!(2026 - 03 - 24),
            decided_on: Some(date!(2026 - 03 - 30)),
            outcome: AppealOutcome::Annulled,
            at: None,
        }
    }

    #[test]
    fn appeals_count_from_the_day_they_are_filed_and_decided() {
        let mut s = session(vec![candidate("A", "S", [45.0; 5]), candidate("B", "S", [40.0; 5])], 1);
        s.appeals.push(annulled_appeal_of_a());
        assert!(s.appeals_on(date!(2026 - 03 - 23)).is_empty());
        let pending = s.appeals_on(date!(2026 - 03 - 25));
        assert_eq!((pending[0].outcome, pending[0].decided_on), (AppealOutcome::Pending, None));
        assert_eq!(s.appeals_on(date!(2026 - 03 - 30))[0].outcome, AppealOutcome::Annulled);
    }

    #[test]
    fn an_annulled_appeal_gives_the_seat_to_the_next() {
        let mut s = session(vec![candidate("A", "S", [45.0; 5]), candidate("B", "S", [40.0; 5])], 1);
        s.appeals.push(annulled_appeal_of_a());
        let o = outcomes(&s);
        assert_eq!(o[0], ("B".into(), Some(1), Some("40.00".into()), "suitable"));
        assert_eq!(o[1], ("A".into(), None, None, "re-interview"));
        s.appeals[0].outcome = AppealOutcome::Upheld;
        assert_eq!(outcomes(&s)[0].0, "A");
    }
}

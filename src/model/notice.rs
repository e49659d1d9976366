//! Stage "derive", notices: where a published decision's notice stands on the build date
//! (DESIGN §3 "Certificate status on the build date": a decision counts from its
//! `effective_on`, a suspension's `until` is inclusive, a reinstatement lifts the suspension
//! it names), and the notice's public document, `/notices/<id>/notice.json` (DESIGN §4),
//! which the stage "sign" signs (§5).
//!
//! Every decision, `reinstate` included, is a public notice (DESIGN §3, §4 `/notices/<id>/`;
//! agreement §4 B¶3); the pages and the feed that show it are rendered from this.

use serde::{Serialize, Serializer};
use time::Date;

use crate::model::certificate::Certificate;
use crate::model::date;
use crate::model::decision::{Action, Decision, Ground};

/// Where a notice stands on the build date, as `/notices/` and the notice show it (templates
/// read it as `not-yet-effective`, `in-effect`, `ended`, `lifted`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NoticeState {
    /// Decided, not yet effective.
    NotYetEffective,
    /// In effect (a revocation for good; a reinstatement once it applies).
    InEffect,
    /// A suspension past its `until`.
    Ended,
    /// A suspension lifted by a reinstatement (DESIGN §3).
    Lifted,
}

/// Where `decision`'s notice stands on `today`, `lifted_by` the reinstatement that lifts it,
/// if one is published (DESIGN §3): not yet effective before `effective_on`; lifted from the
/// day the reinstatement takes effect; a suspension ended once past its `until` (inclusive:
/// in effect on that day still); otherwise in effect.
pub fn state(decision: &Decision, lifted_by: Option<&Decision>, today: Date) -> NoticeState {
    if decision.effective_on > today {
        NoticeState::NotYetEffective
    } else if lifted_by.is_some_and(|r| r.effective_on <= today) {
        NoticeState::Lifted
    } else if decision.action == Action::Suspend && decision.until.is_some_and(|until| until < today) {
        NoticeState::Ended
    } else {
        NoticeState::InEffect
    }
}

/// What a notice says, as data: the body of `notice.json` (DESIGN §4), signed by the caller
/// (§5). Its fields serialize in this order, each always present (`null` when there is none);
/// dates are `YYYY-MM-DD`. It holds both languages, so it is the same whatever page shows it.
#[derive(Debug, Serialize)]
pub struct NoticeDocument<'a> {
    /// The notice id.
    notice: &'a str,
    /// `suspend`, `revoke` or `reinstate`.
    #[serde(serialize_with = "action_code")]
    action: Action,
    /// The certificate's number.
    certificate: &'a str,
    /// The holder as notices name them ([`crate::model::decision::notice_holder_name`]).
    holder: String,
    profession: &'a str,
    profession_en: Option<&'a str>,
    #[serde(serialize_with = "iso")]
    decided_on: Date,
    #[serde(serialize_with = "iso")]
    effective_on: Date,
    /// A suspension's last day, if fixed.
    #[serde(serialize_with = "iso_opt")]
    until: Option<Date>,
    /// The grounds cited, with their clauses (none for a reinstatement).
    grounds: Vec<GroundEntry>,
    /// A reinstatement: the grounds of the suspension it lifts.
    lifted_grounds: Vec<GroundEntry>,
    /// The reasoning, and its English if given.
    reason: &'a str,
    reason_en: Option<&'a str>,
    /// The holder's last day to object (agreement §4 A¶17).
    #[serde(serialize_with = "iso")]
    objection_deadline: Date,
    /// A reinstatement: the suspension it lifts.
    lifts: Option<&'a str>,
    /// A suspension: the published reinstatement that lifts it.
    lifted_by: Option<&'a str>,
}

/// A ground as `notice.json` cites it: its code, the agreement's clause and wording.
#[derive(Debug, Serialize)]
struct GroundEntry {
    code: &'static str,
    cite: &'static str,
    az: &'static str,
    en: &'static str,
}

impl From<&Ground> for GroundEntry {
    fn from(g: &Ground) -> GroundEntry {
        GroundEntry { code: g.code, cite: g.cite, az: g.az, en: g.en }
    }
}

impl<'a> NoticeDocument<'a> {
    /// The document of `decision`'s notice: its certificate `cert`, the holder named as the
    /// notice publishes them (`holder`), the suspension it lifts (`lifts`, a reinstatement)
    /// and the published reinstatement that lifts it (`lifted_by`, a suspension).
    pub fn new(
        decision: &'a Decision,
        cert: &'a Certificate,
        holder: String,
        lifts: Option<&'a Decision>,
        lifted_by: Option<&'a Decision>,
    ) -> NoticeDocument<'a> {
        let entries = |d: &Decision| d.grounds.iter().map(|&g| GroundEntry::from(g)).collect::<Vec<_>>();
        // A reinstatement has no grounds of its own: those of the suspension it lifts are
        // `lifted_grounds`, as on its page (DESIGN §3).
        let grounds = if decision.action == Action::Reinstate { Vec::new() } else { entries(decision) };
        NoticeDocument {
            notice: &decision.id,
            action: decision.action,
            certificate: &cert.number,
            holder,
            profession: &cert.profession,
            profession_en: cert.profession_en.as_deref(),
            decided_on: decision.decided_on,
            effective_on: decision.effective_on,
            until: decision.until,
            grounds,
            lifted_grounds: lifts.map(entries).unwrap_or_default(),
            reason: &decision.reason,
            reason_en: decision.reason_en.as_deref(),
            objection_deadline: decision.objection_deadline(),
            lifts: lifts.map(|l| l.id.as_str()),
            lifted_by: lifted_by.map(|l| l.id.as_str()),
        }
    }
}

fn action_code<S: Serializer>(action: &Action, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(action.code())
}

fn iso<S: Serializer>(day: &Date, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&date::iso(*day))
}

fn iso_opt<S: Serializer>(day: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
    match day {
        Some(day) => s.serialize_some(&date::iso(*day)),
        None => s.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::HolderName;
    use crate::diag::At;
    use crate::model::decision::{ground, notice_holder_name};
    use serde_json::json;
    use time::macros::date;

    fn decision(id: &str, action: Action, effective_on: Date, until: Option<Date>, grounds: &[&str]) -> Decision {
        Decision {
            id: id.into(),
            certificate: 0,
            action,
            decided_on: date!(2026 - 03 - 02),
            effective_on,
            until,
            grounds: grounds.iter().map(|g| ground(g).expect("a known ground")).collect(),
            reason: "Səbəb".into(),
            reason_en: None,
            at: At::file("data/decisions.csv"),
        }
    }

    #[test]
    fn not_yet_effective_until_its_effective_day() {
        let revoke = decision("D-1", Action::Revoke, date!(2026 - 03 - 10), None, &["altered"]);
        assert_eq!(state(&revoke, None, date!(2026 - 03 - 09)), NoticeState::NotYetEffective);
        assert_eq!(state(&revoke, None, date!(2026 - 03 - 10)), NoticeState::InEffect);
        assert_eq!(state(&revoke, None, date!(2030 - 01 - 01)), NoticeState::InEffect, "a revocation is for good");
    }

    #[test]
    fn a_suspension_ends_the_day_after_its_until() {
        let suspend = decision("D-1", Action::Suspend, date!(2026 - 03 - 10), Some(date!(2026 - 04 - 10)), &["altered"]);
        assert_eq!(state(&suspend, None, date!(2026 - 03 - 09)), NoticeState::NotYetEffective);
        assert_eq!(state(&suspend, None, date!(2026 - 03 - 10)), NoticeState::InEffect);
        assert_eq!(state(&suspend, None, date!(2026 - 04 - 10)), NoticeState::InEffect, "until is inclusive");
        assert_eq!(state(&suspend, None, date!(2026 - 04 - 11)), NoticeState::Ended);
        let open = decision("D-2", Action::Suspend, date!(2026 - 03 - 10), None, &["altered"]);
        assert_eq!(state(&open, None, date!(2030 - 01 - 01)), NoticeState::InEffect, "no until: until lifted");
    }

    #[test]
    fn lifted_once_the_reinstatement_is_effective() {
        let suspend = decision("D-1", Action::Suspend, date!(2026 - 03 - 10), Some(date!(2026 - 06 - 30)), &["altered"]);
        let reinstate = decision("D-2", Action::Reinstate, date!(2026 - 04 - 01), None, &[]);
        assert_eq!(state(&suspend, Some(&reinstate), date!(2026 - 03 - 31)), NoticeState::InEffect);
        assert_eq!(state(&suspend, Some(&reinstate), date!(2026 - 04 - 01)), NoticeState::Lifted);
        assert_eq!(state(&suspend, Some(&reinstate), date!(2026 - 07 - 01)), NoticeState::Lifted, "lifted, not ended");
        assert_eq!(state(&suspend, Some(&reinstate), date!(2026 - 03 - 09)), NoticeState::NotYetEffective);
        assert_eq!(state(&reinstate, None, date!(2026 - 03 - 31)), NoticeState::NotYetEffective);
        assert_eq!(state(&reinstate, None, date!(2026 - 04 - 01)), NoticeState::InEffect);
    }

    fn cert() -> Certificate {
        Certificate {
            number: "PSM-2024-0029".into(),
            surname: "Məmmədova".into(),
            given_name: "Günay".into(),
            patronymic: Some("Rəşid qızı".into()),
            profession: "Mühasib".into(),
            profession_en: Some("Accountant".into()),
            scope: Vec::new().into(),
            scope_en: None,
            issued_on: date!(2024 - 01 - 15),
            valid_until: date!(2027 - 01 - 14),
            replaces: None,
            line: 2,
        }
    }

    /// The keys of `document` as it serializes, in order.
    fn keys(document: &NoticeDocument<'_>) -> Vec<String> {
        match serde_json::to_value(document).expect("serializes") {
            serde_json::Value::Object(map) => map.keys().cloned().collect(),
            other => panic!("not an object: {other}"),
        }
    }

    const KEYS: [&str; 16] = [
        "notice",
        "action",
        "certificate",
        "holder",
        "profession",
        "profession_en",
        "decided_on",
        "effective_on",
        "until",
        "grounds",
        "lifted_grounds",
        "reason",
        "reason_en",
        "objection_deadline",
        "lifts",
        "lifted_by",
    ];

    fn cited(code: &str) -> serde_json::Value {
        let g = ground(code).expect("a known ground");
        json!({"code": g.code, "cite": g.cite, "az": g.az, "en": g.en})
    }

    #[test]
    fn a_suspension_document() {
        let cert = cert();
        let suspend =
            decision("D-2026-001", Action::Suspend, date!(2026 - 03 - 10), Some(date!(2026 - 06 - 30)), &["surveillance", "fitness"]);
        let mut reinstate = decision("D-2026-003", Action::Reinstate, date!(2026 - 04 - 08), None, &["surveillance"]);
        reinstate.decided_on = date!(2026 - 04 - 08);
        let holder = notice_holder_name(&cert, HolderName::Initials);
        let document = NoticeDocument::new(&suspend, &cert, holder, None, Some(&reinstate));
        assert_eq!(keys(&document), KEYS);
        let expected = json!({
            "notice": "D-2026-001",
            "action": "suspend",
            "certificate": "PSM-2024-0029",
            "holder": "G. R. M.",
            "profession": "Mühasib",
            "profession_en": "Accountant",
            "decided_on": "2026-03-02",
            "effective_on": "2026-03-10",
            "until": "2026-06-30",
            "grounds": [cited("surveillance"), cited("fitness")],
            "lifted_grounds": [],
            "reason": "Səbəb",
            "reason_en": null,
            "objection_deadline": "2026-03-12",
            "lifts": null,
            "lifted_by": "D-2026-003",
        });
        // Compared as text: the order of the keys counts.
        assert_eq!(serde_json::to_string(&document).expect("serializes"), expected.to_string());
    }

    #[test]
    fn a_reinstatement_document_cites_the_grounds_it_lifts_not_its_own() {
        let mut cert = cert();
        cert.profession_en = None;
        let suspend = decision("D-2026-001", Action::Suspend, date!(2026 - 03 - 10), None, &["surveillance"]);
        let mut reinstate = decision("D-2026-003", Action::Reinstate, date!(2026 - 04 - 08), None, &["fitness"]);
        reinstate.decided_on = date!(2026 - 04 - 08);
        reinstate.reason_en = Some("Reason".into());
        let holder = notice_holder_name(&cert, HolderName::Full);
        let document = NoticeDocument::new(&reinstate, &cert, holder, Some(&suspend), None);
        assert_eq!(keys(&document), KEYS);
        let expected = json!({
            "notice": "D-2026-003",
            "action": "reinstate",
            "certificate": "PSM-2024-0029",
            "holder": "Məmmədova Günay Rəşid qızı",
            "profession": "Mühasib",
            "profession_en": null,
            "decided_on": "2026-04-08",
            "effective_on": "2026-04-08",
            "until": null,
            "grounds": [],
            "lifted_grounds": [cited("surveillance")],
            "reason": "Səbəb",
            "reason_en": "Reason",
            "objection_deadline": "2026-04-18",
            "lifts": "D-2026-001",
            "lifted_by": null,
        });
        assert_eq!(serde_json::to_string(&document).expect("serializes"), expected.to_string());
    }

    #[test]
    fn templates_read_the_state_in_kebab_case() {
        let names = [NoticeState::NotYetEffective, NoticeState::InEffect, NoticeState::Ended, NoticeState::Lifted]
            .map(|s| serde_json::to_value(s).expect("serializes"));
        assert_eq!(names, ["not-yet-effective", "in-effect", "ended", "lifted"].map(serde_json::Value::from));
    }
}

//! Stage "derive", notices: where a published decision's notice stands on the build date
//! (DESIGN §3 "Certificate status on the build date": a decision counts from its
//! `effective_on`, a suspension's `until` is inclusive, a reinstatement lifts the suspension
//! it names).
//!
//! Every decision, `reinstate` included, is a public notice (DESIGN §3, §4 `/notices/<id>/`;
//! agreement §4 B¶3); the pages and the feed that show it are rendered from this.

use serde::Serialize;
use time::Date;

use crate::model::decision::{Action, Decision};

/// Where a notice stands on the build date, as `/notices/` and the notice show it (templates
/// read it as `not-yet-effective`, `in-effect`, `ended`, `lifted`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::At;
    use crate::model::decision::ground;
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

    #[test]
    fn templates_read_the_state_in_kebab_case() {
        let names = [NoticeState::NotYetEffective, NoticeState::InEffect, NoticeState::Ended, NoticeState::Lifted]
            .map(|s| serde_json::to_value(s).expect("serializes"));
        assert_eq!(names, ["not-yet-effective", "in-effect", "ended", "lifted"].map(serde_json::Value::from));
    }
}

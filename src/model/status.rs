//! Stage "derive": a certificate's status on the build date (DESIGN §3 "Certificate status").
//!
//! `revoked` > `suspended` > `superseded` > `expired` > `not-yet-valid` > `valid`: the first
//! that applies wins. A decision counts once it is both decided and effective on the date.
//! `valid_until` and a suspension's `until` are inclusive.

use time::Date;

use crate::model::certificate::Certificates;
use crate::model::decision::{Action, Decisions};

/// What a certificate is on a given date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    /// Within its validity period, no decision in effect.
    Valid,
    /// A suspension is in effect (agreement §4 A¶13; the holder stops using it, §4 A¶10).
    Suspended,
    /// Revoked (final).
    Revoked,
    /// Past its last valid day.
    Expired,
    /// Another certificate replaces it and has started.
    Superseded,
    /// Its validity has not begun.
    NotYetValid,
}

impl Status {
    /// The token used in `data-status` and in data files.
    pub fn code(self) -> &'static str {
        match self {
            Status::Valid => "valid",
            Status::Suspended => "suspended",
            Status::Revoked => "revoked",
            Status::Expired => "expired",
            Status::Superseded => "superseded",
            Status::NotYetValid => "not-yet-valid",
        }
    }

    /// The status in words of the staff's language ("valid", "etibarlıdır"), for messages.
    pub fn word(self) -> String {
        match self {
            Status::Valid => tr!("status-valid"),
            Status::Suspended => tr!("status-suspended"),
            Status::Revoked => tr!("status-revoked"),
            Status::Expired => tr!("status-expired"),
            Status::Superseded => tr!("status-superseded"),
            Status::NotYetValid => tr!("status-not-yet-valid"),
        }
    }
}

/// A status with what caused it. A build holds one per certificate: indexes are `u32`
/// (36 bytes, not 56).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Derived {
    /// The status.
    pub status: Status,
    /// The day the status began, when known (effective date, expiry, replacement's start).
    pub since: Option<Date>,
    /// The decision in effect (for suspended and revoked), index into [`Decisions::list`].
    pub decision: Option<u32>,
    /// The replacing certificate (for superseded), index into [`Certificates::list`].
    pub superseded_by: Option<u32>,
    /// A decision published (decided) but not yet in effect, the first to take effect: the
    /// page announces it ("will be suspended from …"), index into [`Decisions::list`].
    pub announced: Option<u32>,
}

const _: () = assert!(std::mem::size_of::<Derived>() <= 36, "a build holds a million of them");

/// An index into a list, as [`Derived`] keeps it (a register or decision list of 4 billion
/// entries is refused long before).
fn small(i: usize) -> u32 {
    u32::try_from(i).expect("fewer than 4 billion entries")
}

/// Derives the status of certificate `i` on `today`.
pub fn status_of(i: usize, certificates: &Certificates, decisions: &Decisions, today: Date) -> Derived {
    let own = decisions.by_certificate.get(&i).map(Vec::as_slice).unwrap_or_default();
    // Published, not yet in effect (DESIGN §3: a notice is published from `decided_on`, the
    // decision takes effect on `effective_on`): the first of them to take effect.
    let announced =
        own.iter().copied().find(|&d| decisions.list[d].decided_on <= today && today < decisions.list[d].effective_on).map(small);
    let plain = |status, since| Derived { status, since, decision: None, superseded_by: None, announced };
    // Suspensions in effect: they may overlap; a reinstatement lifts those it lifts. `ended`:
    // the last day a suspension stopped being in effect (lifted, or past its `until`), from
    // which a valid certificate is valid again.
    let mut suspensions: Vec<usize> = Vec::new();
    let mut ended: Option<Date> = None;
    for &d in own {
        let decision = &decisions.list[d];
        if decision.effective_on > today || decision.decided_on > today {
            continue;
        }
        match decision.action {
            Action::Revoke => {
                return Derived { decision: Some(small(d)), ..plain(Status::Revoked, Some(decision.effective_on)) };
            }
            Action::Suspend => suspensions.push(d),
            Action::Reinstate => {
                let before = suspensions.len();
                suspensions.retain(|s| decisions.lifted_by.get(s) != Some(&d));
                if suspensions.len() < before {
                    ended = ended.max(Some(decision.effective_on));
                }
            }
        }
    }
    suspensions.retain(|&s| match decisions.list[s].until {
        Some(until) if until < today => {
            ended = ended.max(until.next_day());
            false
        }
        _ => true,
    });
    if let Some(&latest) = suspensions.last() {
        let since = suspensions.iter().map(|&s| decisions.list[s].effective_on).min();
        return Derived { decision: Some(small(latest)), ..plain(Status::Suspended, since) };
    }
    let cert = &certificates.list[i];
    let replacement = certificates
        .replaced_by
        .get(&i)
        .into_iter()
        .flatten()
        .copied()
        .filter(|&j| certificates.list[j].issued_on <= today)
        .min_by_key(|&j| certificates.list[j].issued_on);
    if let Some(j) = replacement {
        return Derived { superseded_by: Some(small(j)), ..plain(Status::Superseded, Some(certificates.list[j].issued_on)) };
    }
    if today > cert.valid_until {
        return plain(Status::Expired, cert.valid_until.next_day());
    }
    if today < cert.issued_on {
        return plain(Status::NotYetValid, None);
    }
    // Valid since its first day, or since the day a suspension last ended (agreement §4 A¶10:
    // usable again once reinstated).
    plain(Status::Valid, Some(ended.map_or(cert.issued_on, |e| e.max(cert.issued_on))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::{At, Problems};
    use crate::model::certificate::Certificate;
    use crate::model::decision::{Decision, DecisionRow, GROUNDS};
    use time::macros::date;

    fn cert(number: &str, from: Date, until: Date, replaces: Option<&str>) -> Certificate {
        Certificate {
            number: number.into(),
            surname: "Əliyeva".into(),
            given_name: "Aygün".into(),
            patronymic: None,
            profession: "Mühasib".into(),
            profession_en: None,
            scope: Vec::new().into(),
            scope_en: None,
            issued_on: from,
            valid_until: until,
            replaces: replaces.map(Into::into),
            line: 1,
        }
    }

    fn decision(id: &str, number: &str, action: Action, on: Date, until: Option<Date>) -> DecisionRow {
        DecisionRow {
            decision: Some(Decision {
                id: id.into(),
                certificate: 0,
                action,
                decided_on: on,
                effective_on: on,
                until,
                grounds: vec![&GROUNDS[0]],
                reason: "r".into(),
                reason_en: None,
                at: At::file("d.csv"),
            }),
            number: number.into(),
            number_at: At::file("d.csv"),
        }
    }

    fn setup(rows: Vec<DecisionRow>) -> (Certificates, Decisions, Problems) {
        let mut problems = Problems::new();
        let certs = Certificates::new(
            vec![
                cert("A", date!(2024 - 01 - 01), date!(2026 - 12 - 31), None),
                cert("B", date!(2026 - 06 - 01), date!(2029 - 05 - 31), Some("A")),
            ],
            &mut problems,
        );
        let decisions = Decisions::new(rows, &certs, &mut problems);
        (certs, decisions, problems)
    }

    fn at(c: &Certificates, d: &Decisions, i: usize, day: Date) -> Status {
        status_of(i, c, d, day).status
    }

    #[test]
    fn validity_is_inclusive_at_both_ends() {
        let (c, d, p) = setup(vec![]);
        assert!(!p.has_errors());
        assert_eq!(at(&c, &d, 1, date!(2026 - 05 - 31)), Status::NotYetValid);
        assert_eq!(at(&c, &d, 1, date!(2026 - 06 - 01)), Status::Valid);
        assert_eq!(at(&c, &d, 1, date!(2029 - 05 - 31)), Status::Valid);
        assert_eq!(at(&c, &d, 1, date!(2029 - 06 - 01)), Status::Expired);
    }

    #[test]
    fn superseded_once_the_replacement_starts() {
        let (c, d, _) = setup(vec![]);
        assert_eq!(at(&c, &d, 0, date!(2026 - 05 - 31)), Status::Valid);
        let s = status_of(0, &c, &d, date!(2026 - 06 - 01));
        assert_eq!((s.status, s.superseded_by), (Status::Superseded, Some(1)));
    }

    #[test]
    fn suspension_until_is_inclusive_and_reinstate_lifts() {
        let (c, d, p) = setup(vec![
            decision("D1", "B", Action::Suspend, date!(2026 - 07 - 01), Some(date!(2026 - 07 - 10))),
            decision("D2", "B", Action::Suspend, date!(2026 - 08 - 01), None),
            decision("D3", "b", Action::Reinstate, date!(2026 - 08 - 15), None),
        ]);
        assert!(!p.has_errors(), "{p:?}");
        assert_eq!(at(&c, &d, 1, date!(2026 - 07 - 10)), Status::Suspended);
        assert_eq!(at(&c, &d, 1, date!(2026 - 07 - 11)), Status::Valid);
        assert_eq!(at(&c, &d, 1, date!(2026 - 08 - 14)), Status::Suspended);
        assert_eq!(at(&c, &d, 1, date!(2026 - 08 - 15)), Status::Valid);
        assert_eq!(d.lifted_by.get(&1), Some(&2));
        // "Since": the day the current status began.
        assert_eq!(status_of(1, &c, &d, date!(2026 - 07 - 20)).since, Some(date!(2026 - 07 - 11)), "after `until`");
        assert_eq!(status_of(1, &c, &d, date!(2026 - 08 - 20)).since, Some(date!(2026 - 08 - 15)), "after the reinstatement");
        assert_eq!(status_of(1, &c, &d, date!(2026 - 06 - 20)).since, Some(date!(2026 - 06 - 01)), "never suspended yet");
    }

    #[test]
    fn a_decision_published_before_it_takes_effect_is_announced() {
        let mut row = decision("D1", "B", Action::Suspend, date!(2026 - 11 - 18), None);
        row.decision.as_mut().unwrap().effective_on = date!(2026 - 12 - 01);
        let (c, d, p) = setup(vec![row]);
        assert!(!p.has_errors(), "{p:?}");
        let before = status_of(1, &c, &d, date!(2026 - 11 - 17));
        assert_eq!((before.status, before.announced), (Status::Valid, None), "not yet published");
        let published = status_of(1, &c, &d, date!(2026 - 11 - 30));
        assert_eq!((published.status, published.announced), (Status::Valid, Some(0)));
        let effective = status_of(1, &c, &d, date!(2026 - 12 - 01));
        assert_eq!((effective.status, effective.announced), (Status::Suspended, None));
    }

    #[test]
    fn a_shorter_later_suspension_does_not_cut_an_earlier_one_short() {
        let (c, d, p) = setup(vec![
            decision("D1", "B", Action::Suspend, date!(2026 - 07 - 01), Some(date!(2026 - 07 - 31))),
            decision("D2", "B", Action::Suspend, date!(2026 - 07 - 05), Some(date!(2026 - 07 - 10))),
        ]);
        assert!(!p.has_errors(), "{p:?}");
        let s = status_of(1, &c, &d, date!(2026 - 07 - 15));
        assert_eq!((s.status, s.decision, s.since), (Status::Suspended, Some(0), Some(date!(2026 - 07 - 01))));
        assert_eq!(at(&c, &d, 1, date!(2026 - 08 - 01)), Status::Valid);
    }

    #[test]
    fn a_reinstatement_lifts_every_overlapping_suspension() {
        let (c, d, p) = setup(vec![
            decision("D1", "B", Action::Suspend, date!(2026 - 07 - 01), None),
            decision("D2", "B", Action::Suspend, date!(2026 - 07 - 05), None),
            decision("D3", "B", Action::Reinstate, date!(2026 - 07 - 10), None),
        ]);
        assert!(!p.has_errors(), "{p:?}");
        assert_eq!(at(&c, &d, 1, date!(2026 - 07 - 09)), Status::Suspended);
        assert_eq!(at(&c, &d, 1, date!(2026 - 07 - 10)), Status::Valid);
        assert_eq!((d.lifted_by.get(&0), d.lifted_by.get(&1), d.lifts.get(&2)), (Some(&2), Some(&2), Some(&1)));
    }

    #[test]
    fn revoked_beats_everything_and_is_final() {
        let (c, d, p) = setup(vec![
            decision("D1", "A", Action::Suspend, date!(2025 - 01 - 01), None),
            decision("D2", "A", Action::Revoke, date!(2025 - 02 - 01), None),
            decision("D3", "A", Action::Reinstate, date!(2025 - 03 - 01), None),
        ]);
        assert_eq!(p.error_count(), 1);
        assert!(p.iter().next().unwrap().message.contains("after revocation D2"));
        assert_eq!(at(&c, &d, 0, date!(2030 - 01 - 01)), Status::Revoked);
    }

    #[test]
    fn decided_later_is_not_yet_in_effect() {
        let mut row = decision("D1", "B", Action::Suspend, date!(2026 - 07 - 01), None);
        row.decision.as_mut().unwrap().effective_on = date!(2026 - 07 - 05);
        let (c, d, _) = setup(vec![row]);
        assert_eq!(at(&c, &d, 1, date!(2026 - 07 - 04)), Status::Valid);
        assert_eq!(at(&c, &d, 1, date!(2026 - 07 - 05)), Status::Suspended);
    }

    #[test]
    fn cross_row_errors() {
        let (_, _, p) = setup(vec![
            decision("D1", "Z", Action::Suspend, date!(2026 - 07 - 01), None),
            decision("D2", "A", Action::Reinstate, date!(2026 - 07 - 01), None),
            decision("D2", "A", Action::Suspend, date!(2026 - 07 - 01), None),
        ]);
        let messages: Vec<String> = p.iter().map(|p| p.message.clone()).collect();
        assert_eq!(messages.len(), 3, "{messages:?}");
        assert!(messages[0].contains("\"Z\" is not in"));
        assert!(messages[1].contains("appears twice"));
        assert!(messages[2].contains("no suspension"));
    }
}

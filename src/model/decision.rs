//! Domain "decisions": suspensions, revocations and reinstatements of certificates (DESIGN §3
//! "data/decisions.csv", agreement §4 A¶13 and B¶3), the grounds a decision may cite, and the
//! rules that span rows: unique ids, a known certificate, `until` not before `effective_on`, a
//! reinstatement that lifts a suspension in effect, nothing after a revocation.

use std::collections::HashMap;

use time::Date;

use crate::diag::{At, Problem, Problems};
use crate::model::certificate::Certificates;
use crate::model::date;

/// What a decision does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Suspends the certificate (until `until`, or until a reinstatement).
    Suspend,
    /// Revokes the certificate; final.
    Revoke,
    /// Lifts a suspension.
    Reinstate,
}

impl Action {
    /// Parses the `action` column.
    pub fn parse(text: &str) -> Option<Action> {
        match text {
            "suspend" => Some(Action::Suspend),
            "revoke" => Some(Action::Revoke),
            "reinstate" => Some(Action::Reinstate),
            _ => None,
        }
    }

    /// The code used in data files.
    pub fn code(self) -> &'static str {
        match self {
            Action::Suspend => "suspend",
            Action::Revoke => "revoke",
            Action::Reinstate => "reinstate",
        }
    }
}

/// A ground for suspension or revocation, with the agreement's clause and wording
/// (DESIGN §1, the table of grounds codes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ground {
    /// The code in `decisions.csv`.
    pub code: &'static str,
    /// The clause of the agreement it rests on.
    pub cite: &'static str,
    /// The agreement's own wording (Azerbaijani).
    pub az: &'static str,
    /// The same in English.
    pub en: &'static str,
}

/// Every ground a decision may cite (DESIGN §1).
pub const GROUNDS: &[Ground] = &[
    Ground {
        code: "out-of-scope",
        cite: "§4 A¶5, A¶13",
        az: "sertifikatın əhatə dairəsindən kənar fəaliyyətlərdə istifadə edilməsi",
        en: "use of the certificate outside its approved scope",
    },
    Ground {
        code: "altered",
        cite: "§4 A¶13, A¶15",
        az: "sertifikatın üzərində hər hansısa bir dəyişiklik edilməsi",
        en: "the certificate was altered",
    },
    Ground {
        code: "misleading-use",
        cite: "§4 A¶13",
        az: "sertifikatın aldadıcı və qeyri-qanuni şəkildə istifadə edilməsi",
        en: "misleading or unlawful use of the certificate",
    },
    Ground {
        code: "logo-misuse",
        cite: "§4 A¶13",
        az: "loqo/nişanların istifadə qaydalarına uyğun istifadə edilməməsi",
        en: "the logo or marks were used against their rules of use",
    },
    Ground {
        code: "damaged-in-use",
        cite: "§4 A¶9, A¶13",
        az: "sertifikat üzərində cırılma, zədələnmə və s. halları olduqda onun istifadəsinə davam edilməsi",
        en: "a torn or damaged certificate was kept in use",
    },
    Ground {
        code: "exam-misconduct",
        cite: "§4 A¶16, B¶8",
        az: "imtahan materiallarının məxfiliyinə riayət edilməməsi və ya imtahanda saxtakarlıq cəhdlərində iştirak",
        en: "exam confidentiality was breached or cheating was attempted",
    },
    Ground {
        code: "reputation",
        cite: "§4 A¶12",
        az: "sertifikatın Sertifikatlaşdırma Orqanının nüfuzuna zərər verəcək şəkildə istifadə edilməsi",
        en: "the certificate was used so as to harm the certification body's reputation",
    },
    Ground {
        code: "fitness",
        cite: "§4 A¶8",
        az: "peşəni icra etməyə mane olan sağlamlıq problemləri, peşədən xaric edilmə və ya rəsmi xəbərdarlıq halları",
        en: "circumstances affecting fitness to practise: health, exclusion from the profession or an official warning",
    },
    Ground {
        code: "surveillance",
        cite: "§4 A¶6",
        az: "Sertifikatlaşdırma Orqanının qiymətləndirməsindən, yoxlamasından keçilməməsi və ya iştirak edilməməsi",
        en: "the two-yearly or complaint-driven assessment was not passed or not attended",
    },
    Ground {
        code: "accreditation-annulled",
        cite: "§4 B¶9",
        az: "imtahanların Azərbaycan Akreditasiya Mərkəzi (AzAK) tərəfindən ləğv olunması; növbəti imtahanda əlavə ödəniş etmədən yenidən iştirak",
        en: "the exam was annulled by the Azerbaijan Accreditation Centre (AzAK); it is retaken free of charge",
    },
];

/// Days the holder has to object to a decision (agreement §4 A¶17: "10 (on) gün ərzində
/// etiraz etmək hüququ").
pub const OBJECTION_DAYS: i64 = 10;

impl Decision {
    /// The last day to object, counted in calendar days from the decision (§4 A¶17).
    pub fn objection_deadline(&self) -> Date {
        self.decided_on.saturating_add(time::Duration::days(OBJECTION_DAYS))
    }
}

/// The holder as a notice names them (DESIGN §3 `[notices] holder_name`; agreement §4 B¶3
/// publishes "keeping to the privacy policy", §4 B¶6 shares no holder data without consent):
/// `initials` gives "G. R. M." (given name, patronymic, surname), `full` the name as printed.
pub fn notice_holder_name(cert: &crate::model::certificate::Certificate, mode: crate::config::HolderName) -> String {
    match mode {
        crate::config::HolderName::Full => cert.holder_name(),
        crate::config::HolderName::Initials => {
            let mut parts: Vec<&str> = vec![&cert.given_name];
            parts.extend(cert.patronymic.as_deref());
            parts.push(&cert.surname);
            parts
                .iter()
                .filter_map(|p| p.chars().find(|c| c.is_alphabetic()))
                .map(|c| format!("{}.", c.to_uppercase()))
                .collect::<Vec<_>>()
                .join(" ")
        }
    }
}

/// Finds a ground by its code.
pub fn ground(code: &str) -> Option<&'static Ground> {
    GROUNDS.iter().find(|g| g.code == code)
}

/// One decision, checked.
#[derive(Debug, Clone)]
pub struct Decision {
    /// The public notice id, e.g. `D-2026-007`.
    pub id: String,
    /// Index of the certificate in [`Certificates::list`].
    pub certificate: usize,
    /// What it does.
    pub action: Action,
    /// When it was decided; its notice is published from this day.
    pub decided_on: Date,
    /// When it takes effect (defaults to `decided_on`).
    pub effective_on: Date,
    /// Last day of a suspension, if fixed.
    pub until: Option<Date>,
    /// Grounds cited.
    pub grounds: Vec<&'static Ground>,
    /// Published reasoning (Azerbaijani).
    pub reason: String,
    /// Published reasoning in English, if given.
    pub reason_en: Option<String>,
    /// Where the row is.
    pub at: At,
}

/// A decision as read from its row, before the certificate is looked up.
#[derive(Debug, Clone)]
pub struct DecisionRow {
    /// The decision, with `certificate` not yet set; `None` when the row has errors (its
    /// certificate is still looked up, so that error is reported too).
    pub decision: Option<Decision>,
    /// The certificate number as written.
    pub number: String,
    /// Where the `certificate` field is.
    pub number_at: At,
}

/// All decisions, with the links derived between them.
#[derive(Debug, Default)]
pub struct Decisions {
    /// In file order.
    pub list: Vec<Decision>,
    /// Certificate index → its decisions' indexes, in the order they take effect.
    pub by_certificate: HashMap<usize, Vec<usize>>,
    /// Suspension index → the reinstatement that lifts it.
    pub lifted_by: HashMap<usize, usize>,
    /// Reinstatement index → the (latest) suspension it lifts.
    pub lifts: HashMap<usize, usize>,
}

impl Decisions {
    /// Resolves certificates and checks the rules that span rows, pushing every problem.
    pub fn new(rows: Vec<DecisionRow>, certificates: &Certificates, problems: &mut Problems) -> Decisions {
        let mut list = Vec::with_capacity(rows.len());
        let mut ids: HashMap<String, At> = HashMap::new();
        // Certificates with a decision row that had errors (reported there): their other
        // decisions are not checked against it (a reinstatement is not reported as lifting
        // nothing when the suspension's row has a bad date).
        let mut unread_decision: std::collections::HashSet<usize> = std::collections::HashSet::new();
        for row in rows {
            let Some(mut d) = row.decision else {
                match certificates.find(&row.number) {
                    Some(i) => {
                        unread_decision.insert(i);
                    }
                    None if certificates.unread(&row.number) => {}
                    None => problems.push(unknown_certificate(certificates, &row.number, row.number_at)),
                }
                continue;
            };
            if let Some(first) = ids.get(&d.id) {
                problems.push(
                    Problem::error(tr!("rules-decision-twice", id = &d.id))
                        .at(d.at.clone())
                        .help(tr!("rules-decision-twice-help", first = first.to_string())),
                );
                continue;
            }
            ids.insert(d.id.clone(), d.at.clone());
            match certificates.find(&row.number) {
                Some(i) => d.certificate = i,
                // The certificate's row has an error of its own: reported there.
                None if certificates.unread(&row.number) => continue,
                None => {
                    problems.push(unknown_certificate(certificates, &row.number, row.number_at));
                    continue;
                }
            }
            list.push(d);
        }
        let mut by_certificate: HashMap<usize, Vec<usize>> = HashMap::new();
        for (i, d) in list.iter().enumerate() {
            by_certificate.entry(d.certificate).or_default().push(i);
        }
        let mut lifted_by = HashMap::new();
        let mut lifts = HashMap::new();
        for (certificate, indexes) in by_certificate.iter_mut() {
            indexes.sort_by_key(|&i| (list[i].effective_on, list[i].decided_on, list[i].at.line));
            let mut revoked: Option<usize> = None;
            // Suspensions in effect; several may overlap, and a reinstatement lifts them all.
            let mut active: Vec<usize> = Vec::new();
            for &i in indexes.iter() {
                let d = &list[i];
                if let Some(r) = revoked {
                    problems.push(
                        Problem::error(tr!(
                            "rules-after-revocation",
                            id = &d.id,
                            revocation = &list[r].id,
                            number = &certificates.list[d.certificate].number
                        ))
                        .at(d.at.clone())
                        .help(tr!("rules-after-revocation-help")),
                    );
                    continue;
                }
                // A suspension with a fixed end is over by the time this decision takes effect.
                active.retain(|&s| list[s].until.is_none_or(|until| until >= d.effective_on));
                match d.action {
                    Action::Revoke => revoked = Some(i),
                    Action::Suspend => active.push(i),
                    // The suspension may be the row with errors.
                    Action::Reinstate if active.is_empty() && unread_decision.contains(certificate) => {}
                    Action::Reinstate if active.is_empty() => problems.push(
                        Problem::error(tr!(
                            "rules-reinstatement-nothing-to-lift",
                            id = &d.id,
                            number = &certificates.list[d.certificate].number,
                            date = date::iso(d.effective_on)
                        ))
                        .at(d.at.clone())
                        .help(tr!("rules-reinstatement-nothing-to-lift-help")),
                    ),
                    Action::Reinstate => {
                        lifts.insert(i, *active.last().expect("not empty"));
                        for s in active.drain(..) {
                            lifted_by.insert(s, i);
                        }
                    }
                }
            }
        }
        Decisions { list, by_certificate, lifted_by, lifts }
    }
}

fn unknown_certificate(certificates: &Certificates, number: &str, at: At) -> Problem {
    let help = match certificates.nearest(number) {
        Some(near) => tr!("rules-certificate-unknown-did-you-mean", near = near),
        None => tr!("rules-certificate-unknown-help"),
    };
    Problem::error(tr!("rules-certificate-unknown", number = number, file = certificates.place.path.display().to_string()))
        .at(at)
        .help(help)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_hide_the_name() {
        let cert = crate::model::certificate::Certificate {
            surname: "Məmmədova".into(),
            given_name: "günay".into(),
            patronymic: Some("Rəşid qızı".into()),
            ..crate::model::certificate::example("A", 1)
        };
        assert_eq!(notice_holder_name(&cert, crate::config::HolderName::Initials), "G. R. M.");
        assert_eq!(notice_holder_name(&cert, crate::config::HolderName::Full), "Məmmədova günay Rəşid qızı");
    }

    #[test]
    fn every_ground_of_design_is_known_with_a_clause() {
        let codes = [
            "out-of-scope",
            "altered",
            "misleading-use",
            "logo-misuse",
            "damaged-in-use",
            "exam-misconduct",
            "reputation",
            "fitness",
            "surveillance",
            "accreditation-annulled",
        ];
        for code in codes {
            let g = ground(code).unwrap();
            assert!(g.cite.starts_with("§4 "), "{code}");
        }
        assert_eq!(GROUNDS.len(), codes.len());
        assert!(ground("Altered").is_none());
    }
}

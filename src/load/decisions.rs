//! Stage "load": `data/decisions.csv` rows (DESIGN §3 "data/decisions.csv"). Row-level checks
//! here (dates, action, grounds, a non-empty reason, `until`); checks across rows are in
//! [`crate::model::decision::Decisions::new`].

use std::borrow::Cow;
use std::path::Path;

use crate::config::Sheets;
use crate::diag::Problems;
use crate::load::csvfile::{columns, CsvText, Row};
use crate::load::xlsx;
use crate::model::date::date_hint;
use crate::model::decision::{ground, Action, Decision, DecisionRow, GROUNDS};

/// The file, relative to the site root.
pub const PATH: &str = "data/decisions.csv";

columns! {
    /// The columns read.
    pub enum Col {
        Id: "id" required,
        Certificate: "certificate" required,
        Action: "action" required,
        DecidedOn: "decided_on" required,
        EffectiveOn: "effective_on" optional,
        Until: "until" optional,
        Grounds: "grounds" required,
        Reason: "reason" required text,
        ReasonEn: "reason_en" optional text,
    }
}

/// Reads the file, or the workbook given instead ([`xlsx::read_table`]), if it exists.
pub fn load(root: &Path, sheets: &Sheets, problems: &mut Problems) -> Vec<DecisionRow> {
    xlsx::read_table(root, PATH, sheets, problems).map(|file| parse(&file, problems)).unwrap_or_default()
}

/// Parses every row of an already read file.
pub fn parse(file: &CsvText, problems: &mut Problems) -> Vec<DecisionRow> {
    let mut rows = Vec::new();
    file.rows(problems, |row, problems| {
        if let Some(d) = decision(row, problems) {
            rows.push(d);
        }
    });
    rows
}

/// The text of column `c`; when it is empty, an error with the hint `help` (made only then).
fn required(row: &Row<'_, Col>, c: Col, help: impl FnOnce() -> String, problems: &mut Problems) -> Option<String> {
    row.required_text(c, help, problems).map(Cow::into_owned)
}

fn decision(row: &Row<'_, Col>, problems: &mut Problems) -> Option<DecisionRow> {
    let before = problems.error_count();
    let id = required(row, Col::Id, || tr!("load-decision-id-empty-help"), problems);
    if let Some(id) = &id {
        if !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
            problems.push(row.error(Col::Id, tr!("load-decision-id", id = id)).help(tr!("load-decision-id-help")));
        }
    }
    let number = required(row, Col::Certificate, || tr!("load-decision-certificate-empty-help"), problems);
    let action = required(row, Col::Action, || tr!("load-decision-action-empty-help"), problems).and_then(|a| {
        let parsed = Action::parse(&a);
        if parsed.is_none() {
            problems.push(row.error(Col::Action, tr!("load-decision-action", action = &a)).help(tr!("load-decision-action-help")));
        }
        parsed
    });
    let decided_on = required(row, Col::DecidedOn, date_hint, problems).and(row.date(Col::DecidedOn, problems));
    let effective_on = row.date(Col::EffectiveOn, problems);
    let until = row.date(Col::Until, problems);
    let mut grounds = Vec::new();
    let before_grounds = problems.error_count();
    if let Some(codes) = required(row, Col::Grounds, || tr!("load-decision-grounds-empty-help"), problems) {
        for code in codes.split(';').map(str::trim).filter(|c| !c.is_empty()) {
            match ground(code) {
                Some(g) if !grounds.contains(&g) => grounds.push(g),
                Some(_) => {}
                None => {
                    let known: Vec<&str> = GROUNDS.iter().map(|g| g.code).collect();
                    problems.push(
                        row.error(Col::Grounds, tr!("load-decision-ground", code = code))
                            .help(tr!("load-decision-ground-help", known = known.join(", "))),
                    );
                }
            }
        }
        if grounds.is_empty() && problems.error_count() == before_grounds {
            problems
                .push(row.error(Col::Grounds, tr!("load-decision-no-ground", grounds = &codes)).help(tr!("load-decision-no-ground-help")));
        }
    }
    let reason = required(row, Col::Reason, || tr!("load-decision-reason-empty-help"), problems);
    let invalid = |number: Option<String>| number.map(|number| DecisionRow { decision: None, number, number_at: row.at(Col::Certificate) });
    if problems.error_count() > before {
        return invalid(number);
    }
    let (action, decided_on) = (action?, decided_on?);
    let effective_on = effective_on.unwrap_or(decided_on);
    if let Some(until) = until {
        if action != Action::Suspend {
            problems.push(
                row.error(Col::Until, tr!("load-decision-until-not-suspension")).help(tr!("load-decision-until-not-suspension-help")),
            );
            return invalid(number);
        }
        if until < effective_on {
            problems.push(
                row.error(Col::Until, tr!("load-decision-until-before", until = until.to_string(), effective = effective_on.to_string()))
                    .help(tr!("load-decision-until-before-help")),
            );
            return invalid(number);
        }
    }
    Some(DecisionRow {
        decision: Some(Decision {
            id: id?,
            certificate: usize::MAX,
            action,
            decided_on,
            effective_on,
            until,
            grounds,
            reason: reason?,
            reason_en: row.get(Col::ReasonEn).map(|v| v.into_owned()),
            at: row.at_row(),
        }),
        number: number?,
        number_at: row.at(Col::Certificate),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn row_errors_all_at_once() {
        let text = "id,certificate,action,decided_on,effective_on,until,grounds,reason\n\
                    D-1,A,suspend,2026-01-10,,2026-01-01,altered,Səbəb\n\
                    D-2,A,pause,2026-01-10,,,forgery;altered,\n\
                    D-3,A,revoke,2026-01-10,,, ; ,Səbəb\n";
        let file = CsvText::from_bytes(PATH, text.as_bytes().to_vec()).unwrap();
        let mut p = Problems::new();
        let rows = parse(&file, &mut p);
        assert!(rows.iter().all(|r| r.decision.is_none()) && rows.len() == 3);
        let msgs: Vec<String> = p.iter().map(ToString::to_string).collect();
        assert_eq!(msgs.len(), 5, "{msgs:#?}");
        assert!(msgs[4].contains("grounds \";\" lists no code"), "{}", msgs[4]);
        assert!(msgs[0].starts_with("data/decisions.csv:2:") && msgs[0].contains("until 2026-01-01 is before effective_on 2026-01-10"));
        assert!(msgs[1].contains("action \"pause\""));
        assert!(msgs[2].contains("ground \"forgery\""));
        assert!(msgs[3].contains("reason is empty"));
    }
}

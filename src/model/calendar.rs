//! Domain "calendar": working days (DESIGN §3 "data/holidays.csv"): Monday to Friday, minus
//! listed holidays, plus listed workdays (a weekend day that is worked). Deadlines in working
//! days (interview rules 2.11 and 2.17, appeal rules annex 2 §2.6) are counted with it.

use std::collections::HashMap;

use time::{Date, Weekday};

/// What a listed day is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayKind {
    /// A day off (the default type).
    Holiday,
    /// A weekend day that is worked.
    Workday,
}

/// The working-day calendar.
#[derive(Debug, Clone, Default)]
pub struct Calendar {
    days: HashMap<Date, DayKind>,
}

impl Calendar {
    /// A calendar with these listed days.
    pub fn new(days: impl IntoIterator<Item = (Date, DayKind)>) -> Calendar {
        Calendar { days: days.into_iter().collect() }
    }

    /// Whether `date` is a working day.
    pub fn is_working_day(&self, date: Date) -> bool {
        match self.days.get(&date) {
            Some(DayKind::Holiday) => false,
            Some(DayKind::Workday) => true,
            None => !matches!(date.weekday(), Weekday::Saturday | Weekday::Sunday),
        }
    }

    /// The `n`-th working day after `date` (`date` itself does not count): "within N working
    /// days of publication" ends on this day, inclusive.
    pub fn add_working_days(&self, date: Date, n: u32) -> Date {
        let mut day = date;
        let mut left = n;
        while left > 0 {
            day = day.next_day().expect("dates are checked to lie in 1900-2999 and windows to be at most 60 days");
            if self.is_working_day(day) {
                left -= 1;
            }
        }
        day
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn across_a_weekend_a_holiday_and_a_worked_saturday() {
        let cal = Calendar::new([
            (date!(2026 - 03 - 20), DayKind::Holiday), // Friday: Novruz
            (date!(2026 - 03 - 23), DayKind::Holiday), // Monday: Novruz
            (date!(2026 - 03 - 28), DayKind::Workday), // a Saturday that is worked
        ]);
        // Thursday 19 March + 1 working day: Friday and Monday are holidays, the weekend is off.
        assert_eq!(cal.add_working_days(date!(2026 - 03 - 19), 1), date!(2026 - 03 - 24));
        // Wednesday 25 March + 3: Thursday, Friday, then the worked Saturday.
        assert_eq!(cal.add_working_days(date!(2026 - 03 - 25), 3), date!(2026 - 03 - 28));
        // Plain weekend: Friday + 1 = Monday.
        assert_eq!(Calendar::default().add_working_days(date!(2026 - 11 - 20), 1), date!(2026 - 11 - 23));
        assert_eq!(cal.add_working_days(date!(2026 - 03 - 19), 0), date!(2026 - 03 - 19));
        assert!(cal.is_working_day(date!(2026 - 03 - 28)));
        assert!(!cal.is_working_day(date!(2026 - 03 - 29)));
    }
}

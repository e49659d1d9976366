//! An interview session: `session.toml`, then after NUL bytes its `scores.csv`,
//! `schedule.csv` and `appeals.csv`, and `data/holidays.csv` (a part left out is a file that
//! does not exist). Read as a build reads them, with the ranking, ties, appeal deadlines and
//! timing warnings, on a fixed build date, and the report. Problems are expected; a panic is a
//! bug.
#![no_main]

#[path = "../drivers.rs"]
mod drivers;

libfuzzer_sys::fuzz_target!(|data: &[u8]| drivers::session::run(data));

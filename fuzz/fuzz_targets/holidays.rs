//! `data/holidays.csv`: the calendar read, then working days counted from a few days (the
//! deadlines of the interview and appeal rules are counted so, up to 60 working days).
#![no_main]

#[path = "../drivers.rs"]
mod drivers;

libfuzzer_sys::fuzz_target!(|data: &[u8]| drivers::holidays::run(data));

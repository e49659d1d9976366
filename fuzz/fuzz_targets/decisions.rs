//! `data/decisions.csv` against the register of `tests/fixtures/minimal` (so that certificate
//! numbers match and the rules across rows are reached): the rows, the decisions checked, each
//! certificate's status on a few days, and the report. Problems are expected; a panic is a bug.
#![no_main]

#[path = "../drivers.rs"]
mod drivers;

libfuzzer_sys::fuzz_target!(|data: &[u8]| drivers::decisions::run(data));

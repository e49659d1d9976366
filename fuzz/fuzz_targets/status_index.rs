//! `.certsite/status-index.csv` for the register of `tests/fixtures/minimal`: read, every
//! certificate given its index as a build gives it, and the file written and read again: no
//! index may move. A damaged file is an error naming its line; a panic is a bug.
#![no_main]

#[path = "../drivers.rs"]
mod drivers;

libfuzzer_sys::fuzz_target!(|data: &[u8]| drivers::status_index::run(data));

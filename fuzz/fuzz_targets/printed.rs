//! `.certsite/printed.csv`, the record of what was printed: read, and its own text read back to
//! the same record. A line that is not a record is an error naming it; a panic is a bug.
#![no_main]

#[path = "../drivers.rs"]
mod drivers;

libfuzzer_sys::fuzz_target!(|data: &[u8]| drivers::printed::run(data));

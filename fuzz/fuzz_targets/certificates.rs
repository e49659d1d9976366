//! `data/certificates.csv`, and after a NUL byte `data/decisions.csv`, read as a build reads
//! them: every row, the register (numbers unique, `replaces` known), the page codes checked
//! unique, the decisions checked against the register, each certificate's status on a few
//! days, and the report of every problem. Problems are expected; a panic is a bug. The rows are
//! also read in pieces of a few bytes, which must give what one pass gives.
#![no_main]

#[path = "../drivers.rs"]
mod drivers;

libfuzzer_sys::fuzz_target!(|data: &[u8]| drivers::certificates::run(data));

//! `data/certificates.xlsx`: a workbook read as a build reads it, or the cells of a sheet given
//! as text, read into the register (see `drivers::workbook`). Problems are expected; a panic is
//! a bug.
#![no_main]

#[path = "../drivers.rs"]
mod drivers;

libfuzzer_sys::fuzz_target!(|data: &[u8]| drivers::workbook::run(data));

//! `.certsite/outputs/<id>/journal`: read, applied to a manifest as the next build applies a
//! killed build's journal, and its own text read back. A damaged journal is an error naming its
//! line; a panic is a bug.
#![no_main]

#[path = "../drivers.rs"]
mod drivers;

libfuzzer_sys::fuzz_target!(|data: &[u8]| drivers::journal::run(data));

//! `.certsite/outputs/<id>/manifest`: read for the output folder it names (and for another),
//! then what a build and `certsite verify` ask of it, and its own text read back. A damaged
//! manifest is an error naming its line; a panic is a bug.
#![no_main]

#[path = "../drivers.rs"]
mod drivers;

libfuzzer_sys::fuzz_target!(|data: &[u8]| drivers::manifest::run(data));

//! `.certsite/publish/<name>/record`: read for the target it names (and for another), and its
//! own text read back. A damaged record is an error naming its line; a panic is a bug.
#![no_main]

#[path = "../drivers.rs"]
mod drivers;

libfuzzer_sys::fuzz_target!(|data: &[u8]| drivers::publish_record::run(data));

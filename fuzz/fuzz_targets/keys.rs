//! `.certsite/keys.txt`, the key ring: read, and its own text read back to the same ring. A
//! line that is not a key is an error naming it; a panic is a bug.
#![no_main]

#[path = "../drivers.rs"]
mod drivers;

libfuzzer_sys::fuzz_target!(|data: &[u8]| drivers::keys::run(data));

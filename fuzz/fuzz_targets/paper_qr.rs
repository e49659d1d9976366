//! A paper QR code's text, read to a verdict (DESIGN §5): any text gets one; a panic is a bug.
#![no_main]

#[path = "../drivers.rs"]
mod drivers;

libfuzzer_sys::fuzz_target!(|data: &[u8]| drivers::paper_qr::run(data));

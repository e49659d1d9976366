//! `data/site.toml`: the settings parsed and checked, the did:web identifier and a page's
//! address (in a QR code) derived from `base_url`, and the report. Problems are expected; a
//! panic is a bug.
#![no_main]

#[path = "../drivers.rs"]
mod drivers;

libfuzzer_sys::fuzz_target!(|data: &[u8]| drivers::site_toml::run(data));

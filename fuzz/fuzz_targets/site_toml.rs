//! `data/site.toml`: the settings parsed and checked, the did:web identifier and the page
//! addresses derived from `base_url`, and the report. Problems are expected; a panic is a bug.
#![no_main]

#[path = "../drivers.rs"]
mod drivers;

libfuzzer_sys::fuzz_target!(|data: &[u8]| drivers::site_toml::run(data));

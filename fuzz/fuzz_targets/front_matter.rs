//! A content page (`content/*.md`): the TOML front matter between `+++` lines and the Markdown
//! after it, as the loader reads a page's text (a BOM removed), and the report. Problems are
//! expected; a panic is a bug.
#![no_main]

#[path = "../drivers.rs"]
mod drivers;

libfuzzer_sys::fuzz_target!(|data: &[u8]| drivers::front_matter::run(data));

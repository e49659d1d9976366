//! Prints the JCS (RFC 8785) canonical form of each JSON file named on the command line, one
//! per line, with certsite's own canonicaliser (`certsite::sign::jcs::canonicalize`, the form
//! eddsa-jcs-2022 signs). The browser tests compare `assets/jcs.js` against it.
//!
//! ```text
//! cargo run --example jcs -- public/c/*/credential.json public/status/*.json
//! ```

use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() {
        eprintln!("usage: jcs FILE…  (prints the JCS canonical form of each JSON file, one per line)");
        return ExitCode::from(2);
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for file in &files {
        let value: serde_json::Value = match std::fs::read(file)
            .map_err(|e| e.to_string())
            .and_then(|bytes| serde_json::from_slice(&bytes).map_err(|e| e.to_string()))
        {
            Ok(value) => value,
            Err(e) => {
                eprintln!("error: {file}: {e}");
                return ExitCode::FAILURE;
            }
        };
        if writeln!(out, "{}", certsite::sign::jcs::canonicalize(&value)).is_err() {
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}

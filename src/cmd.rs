//! One function per command of the CLI (DESIGN §2). `main.rs` parses arguments and calls
//! these; they print, and return the exit code: 0 success, 1 the data has errors (every error
//! printed, nothing published), 2 wrong usage.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::Instant;

use time::{Date, OffsetDateTime};

use crate::diag::Problems;
use crate::sign::{keys, multibase};
use crate::site::{BuildOptions, Site};

/// Success.
pub const OK: u8 = 0;
/// The data or content has errors.
pub const DATA_ERROR: u8 = 1;
/// Wrong usage.
pub const USAGE: u8 = 2;

/// The build date: `--build-date`, else `SOURCE_DATE_EPOCH`, else today (UTC).
pub fn build_date(flag: Option<Date>) -> Result<Date, String> {
    if let Some(d) = flag {
        return Ok(d);
    }
    if let Ok(epoch) = std::env::var("SOURCE_DATE_EPOCH") {
        let seconds: i64 = epoch.trim().parse().map_err(|_| format!("SOURCE_DATE_EPOCH=\"{epoch}\" is not a number of seconds"))?;
        return OffsetDateTime::from_unix_timestamp(seconds).map(|t| t.date()).map_err(|e| format!("SOURCE_DATE_EPOCH: {e}"));
    }
    Ok(OffsetDateTime::now_utc().date())
}

fn print_problems(problems: &Problems) {
    if problems.iter().next().is_none() {
        return;
    }
    eprint!("{}", problems.render(std::io::stderr().is_terminal()));
}

fn load(root: &Path, date: Date) -> Result<Site, u8> {
    match Site::load(root, date) {
        Ok(site) => {
            print_problems(&site.warnings);
            Ok(site)
        }
        Err(problems) => {
            print_problems(&problems);
            eprintln!(
                "error: {} error(s){}; nothing was written",
                problems.error_count(),
                match problems.warning_count() {
                    0 => String::new(),
                    n => format!(", {n} warning(s)"),
                }
            );
            Err(DATA_ERROR)
        }
    }
}

/// `certsite check`: validate everything, write nothing.
pub fn check(root: &Path, date: Date) -> u8 {
    match load(root, date) {
        Ok(site) => {
            eprintln!(
                "ok: {} certificates, {} decisions, {} interview sessions, {} pages checked for {date}{}",
                site.certificates.list.len(),
                site.decisions.list.len(),
                site.sessions.len(),
                site.pages.len(),
                match site.warnings.warning_count() {
                    0 => String::new(),
                    n => format!(" ({n} warning(s))"),
                }
            );
            OK
        }
        Err(code) => code,
    }
}

/// Where the key is: `--key`, else `$CERTSITE_KEY`, else `<root>/.certsite/signing.key`
/// (created on first use). The bool says whether it may be created.
pub fn key_path(root: &Path, flag: Option<PathBuf>) -> (PathBuf, bool) {
    match flag.or_else(|| std::env::var_os("CERTSITE_KEY").filter(|v| !v.is_empty()).map(PathBuf::from)) {
        Some(path) => (path, false),
        None => (root.join(keys::DEFAULT_KEY), true),
    }
}

/// `certsite build`.
pub fn build(root: &Path, out: Option<PathBuf>, key: Option<PathBuf>, date: Date, force: bool) -> u8 {
    let started = Instant::now();
    let out = out.unwrap_or_else(|| root.join("public"));
    let (key, create_key) = key_path(root, key);
    if let Err(e) = crate::write::check_output_location(root, &out) {
        eprintln!("error: {e}; choose another --out (the default is <root>/public)");
        return USAGE;
    }
    if let Err(e) = keys::check_key_outside(&key, &out) {
        eprintln!("error: {e}; keep the key outside the output (the default is {})", keys::DEFAULT_KEY);
        return USAGE;
    }
    let site = match load(root, date) {
        Ok(site) => site,
        Err(code) => return code,
    };
    match site.build(&BuildOptions { out: out.clone(), key, create_key, force }) {
        Ok(report) => {
            for note in &report.notes {
                eprintln!("warning: {note}");
            }
            eprintln!(
                "built {} for {date}: {} certificates; {} files written, {} unchanged, {} removed in {:.2?}",
                out.display(),
                report.certificates,
                report.written,
                report.unchanged,
                report.removed,
                started.elapsed()
            );
            OK
        }
        Err(e) => {
            eprintln!("error: {e:#}");
            DATA_ERROR
        }
    }
}

/// `certsite verify`.
pub fn verify(root: &Path, site: Option<PathBuf>, files: &[PathBuf]) -> u8 {
    let site = site.unwrap_or_else(|| root.join("public"));
    // The data is compared with the status lists when the root has any.
    let data_root = root.join(crate::config::SITE_TOML).is_file().then_some(root);
    match crate::verify::verify(&site, files, data_root) {
        Ok(v) => {
            for f in &v.failures {
                eprintln!("FAIL {}: {}", f.path.display(), f.reason);
            }
            if v.failures.is_empty() {
                eprintln!("ok: {} credentials verified against {}", v.passed, site.display());
                OK
            } else {
                eprintln!("error: {} problem(s); {} credentials verified", v.failures.len(), v.passed);
                DATA_ERROR
            }
        }
        Err(e) => {
            eprintln!("error: {e}");
            DATA_ERROR
        }
    }
}

/// `certsite keygen`: a new key, mode 0600, never overwriting; prints the public key.
pub fn keygen(out: Option<PathBuf>) -> u8 {
    let path = out.unwrap_or_else(|| PathBuf::from(keys::DEFAULT_KEY));
    if path.exists() {
        eprintln!("error: {} exists; certsite never overwrites a key (move it away first)", path.display());
        return DATA_ERROR;
    }
    match keys::create_key(&path) {
        Ok(key) => {
            println!("{}", multibase::encode_public_key(&key.verifying_key()));
            eprintln!("wrote {} (mode 0600): back it up and keep it secret", path.display());
            OK
        }
        Err(e) => {
            eprintln!("error: {e}");
            DATA_ERROR
        }
    }
}

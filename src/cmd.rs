//! One function per command of the CLI (DESIGN §2). `main.rs` parses arguments and calls
//! these; they print, and return the exit code: 0 success, 1 the data has errors (every error
//! printed, nothing published), 2 wrong usage.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use time::{Date, OffsetDateTime};

use crate::diag::Problems;
use crate::model::status::Status;
use crate::print::{PrintReport, Reason, Selection};
use crate::progress::{timings_table, Progress};
use crate::sign::multibase;
use crate::site::{BuildOptions, Site};
use crate::state::public::Changes;
use crate::state::{keys, lock, State};

/// Success.
pub const OK: u8 = 0;
/// The data or content has errors.
pub const DATA_ERROR: u8 = 1;
/// Wrong usage.
pub const USAGE: u8 = 2;
/// `verify --lists-expire-within`: everything verified, but the status lists expire within the
/// days given, or have expired (DESIGN §2).
pub const LISTS_EXPIRE: u8 = 3;

/// The build date: `--build-date`, else `SOURCE_DATE_EPOCH`, else today (UTC).
pub fn build_date(flag: Option<Date>) -> Result<Date, String> {
    if let Some(d) = flag {
        return Ok(d);
    }
    if let Ok(epoch) = std::env::var("SOURCE_DATE_EPOCH") {
        let seconds: i64 = epoch.trim().parse().map_err(|_| tr!("cmd-epoch-not-seconds", value = epoch.as_str()))?;
        return OffsetDateTime::from_unix_timestamp(seconds)
            .map(|t| t.date())
            .map_err(|e| tr!("cmd-epoch-out-of-range", why = e.to_string()));
    }
    Ok(OffsetDateTime::now_utc().date())
}

fn print_problems(problems: &Problems, progress: &Progress) {
    if problems.iter().next().is_some() {
        progress.println(problems.render(std::io::stderr().is_terminal()).trim_end());
    }
    let blank: Vec<String> =
        problems.blank_rows().map(|(path, n)| tr!("cmd-blank-rows-in", count = n, path = path.display().to_string())).collect();
    if !blank.is_empty() {
        progress.println(&tr!("cmd-blank-rows-skipped", files = blank.join(", ")));
    }
}

/// The problems with each path as the user would type it: below `--root` as given (a path
/// relative to the site root would be wrong from the current folder), unchanged for the
/// default root `.`.
fn rooted(root: &Path, problems: &Problems) -> Problems {
    if root == Path::new(".") || root.as_os_str().is_empty() {
        return problems.clone();
    }
    let mut out = Problems::new();
    for (path, n) in problems.blank_rows() {
        for _ in 0..n {
            out.skip_blank_row(&root.join(path));
        }
    }
    for problem in problems.iter() {
        let mut problem = problem.clone();
        if let Some(at) = problem.at.as_mut() {
            at.path = root.join(&at.path);
        }
        out.push(problem);
    }
    out
}

/// Why a load or build failed: its exit code, and the errors as printed (without colour).
#[derive(Debug)]
struct Failed {
    code: u8,
    text: String,
}

/// Loads and checks the site, printing every problem (on failure, with a count).
fn load(root: &Path, date: Date, progress: &Progress) -> Result<Site, Failed> {
    let stage = progress.stage("read", 0);
    let loaded = Site::load(root, date);
    stage.finish(loaded.as_ref().map_or(0, |s| s.certificates.list.len() as u64));
    match loaded {
        Ok(site) => {
            print_problems(&rooted(root, &site.warnings), progress);
            Ok(site)
        }
        Err(problems) => {
            let problems = rooted(root, &problems);
            print_problems(&problems, progress);
            let summary = tr!("build-refused", errors = problems.error_count(), warnings = problems.warning_count());
            eprintln!("{summary}");
            Err(Failed { code: DATA_ERROR, text: format!("{}\n{summary}", problems.render(false).trim_end()) })
        }
    }
}

/// Takes the site's lock: at once (a second build stops with [`USAGE`] and says who holds
/// the site) or, with `wait`, when the other build is through.
fn lock(root: &Path, wait: bool) -> Result<lock::Lock, u8> {
    lock_or_fail(root, wait).map_err(|f| f.code)
}

fn lock_or_fail(root: &Path, wait: bool) -> Result<lock::Lock, Failed> {
    let state = State::new(root);
    match state.lock(wait) {
        Ok(Ok(lock)) => Ok(lock),
        Ok(Err(held)) => Err(fail(USAGE, tr!("cmd-lock-held", held = held.to_string()))),
        Err(e) => Err(fail(DATA_ERROR, tr!("cmd-lock-failed", path = state.lock_path().display().to_string(), why = e.to_string()))),
    }
}

/// Prints `text` on stderr and returns it as a failure with `code`.
fn fail(code: u8, text: String) -> Failed {
    eprintln!("{text}");
    Failed { code, text }
}

/// `certsite init [DIR]`: a new site root in `dir` (created if missing), which checks and
/// builds as it is. Refuses a folder that is not empty ([`USAGE`]); never overwrites a file;
/// prints each file written and the next steps.
pub fn init(dir: &Path) -> u8 {
    match crate::init::init(dir) {
        Ok(written) => {
            for path in &written {
                eprintln!("{}", tr!("cmd-wrote", path = path.display().to_string()));
            }
            let cd = if dir == Path::new(".") { String::new() } else { format!("  cd {}\n", dir.display()) };
            eprintln!("\n{}", tr!("cmd-init-next", cd = cd));
            OK
        }
        Err(e @ (crate::init::InitError::NotEmpty(..) | crate::init::InitError::NotAFolder(_))) => {
            eprintln!("{}", tr!("cmd-init-not-empty", why = e.to_string()));
            USAGE
        }
        Err(e) => {
            if let crate::init::InitError::Io { written, .. } = &e {
                for path in written {
                    eprintln!("{}", tr!("cmd-wrote", path = path.display().to_string()));
                }
            }
            eprintln!("{}", tr!("cmd-init-incomplete", why = e.to_string()));
            DATA_ERROR
        }
    }
}

/// `certsite check`: validate everything, write nothing, and end with what a build into `out`
/// (default `<root>/public`) would change for the public ([`check_summary`]). No lock, no key,
/// no url secret: a site that was never built checks too, and nothing is created.
pub fn check(root: &Path, out: Option<PathBuf>, date: Date) -> u8 {
    let out = out.unwrap_or_else(|| root.join("public"));
    // The output a build would refuse, refused as build does (before anything is read).
    if let Err(e) = crate::write::check_output_location(root, &out) {
        eprintln!("{}: {}", tr!("error"), crate::site::OptionsError::Output(e));
        return USAGE;
    }
    match load(root, date, &Progress::hidden()).map_err(|f| f.code) {
        Ok(site) => {
            eprintln!(
                "{}",
                tr!(
                    "cmd-check-ok",
                    certificates = site.certificates.list.len(),
                    decisions = site.decisions.list.len(),
                    sessions = site.sessions.len(),
                    pages = site.pages.len(),
                    date = date.to_string(),
                    warnings = site.warnings.warning_count()
                )
            );
            let mut read: Vec<(String, String)> =
                crate::load::csvfile::formats(root).into_iter().map(|(rel, format)| (rel, format.describe())).collect();
            read.extend(crate::load::xlsx::sheets_read(root, &site.config.sheets));
            read.sort();
            for (rel, described) in read {
                eprintln!("  {}", tr!("cmd-check-read", file = rel, format = described));
            }
            match site.public_update(&out, &site.statuses()) {
                Ok(update) => eprint!("{}", check_summary(&update.changes, &out)),
                Err(e) => eprintln!("{}", tr!("cmd-check-no-preview", why = format!("{e:#}"))),
            }
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
        None => (State::new(root).default_key(), true),
    }
}

/// What `certsite build` was asked.
#[derive(Debug, Clone)]
pub struct BuildArgs {
    /// The site root.
    pub root: PathBuf,
    /// `--out` [default: `<root>/public`].
    pub out: Option<PathBuf>,
    /// `--key`.
    pub key: Option<PathBuf>,
    /// The build date.
    pub date: Date,
    /// `--clean`: rewrite every file, remove every file the build does not write.
    pub clean: bool,
    /// `--quiet`: no progress bars.
    pub quiet: bool,
    /// `--timings`: print the cost of each stage.
    pub timings: bool,
    /// Wait for another build of the site to finish instead of stopping (`serve`).
    pub wait: bool,
}

/// `certsite build`.
pub fn build(args: &BuildArgs) -> u8 {
    build_outcome(args).map_or_else(|f| f.0, |_| OK)
}

/// What a failed build printed as its error, without colour (`serve` shows it in the page),
/// with the exit code.
#[derive(Debug)]
pub struct BuildFailed(pub u8, pub String);

/// `certsite build`, telling a failure's text: what `serve` shows in the browser.
pub fn build_outcome(args: &BuildArgs) -> Result<(), BuildFailed> {
    build_inner(args).map_err(|f| BuildFailed(f.code, f.text))
}

fn build_inner(args: &BuildArgs) -> Result<(), Failed> {
    let root = &args.root;
    let out = args.out.clone().unwrap_or_else(|| root.join("public"));
    let (key, create_key) = key_path(root, args.key.clone());
    let options = BuildOptions::new(root, out, key, create_key, args.clean).map_err(|e| fail(USAGE, format!("{}: {e}", tr!("error"))))?;
    let _lock = lock_or_fail(root, args.wait)?;
    build_locked(args, &options)
}

/// The build of `args` with `options` (its `out` and `key` are not read), the site's lock held.
fn build_locked(args: &BuildArgs, options: &BuildOptions) -> Result<(), Failed> {
    let started = Instant::now();
    let (root, out) = (&args.root, options.out());
    let progress = Progress::new(!args.quiet && std::io::stderr().is_terminal());
    let site = load(root, args.date, &progress)?;
    let lists_until = site.status_lists_until();
    let result = site.build(options, &progress);
    let timings = progress.timings();
    drop(progress);
    match result {
        Ok(report) => {
            for note in &report.notes {
                eprintln!("{}: {note}", tr!("warning"));
            }
            eprintln!(
                "{}",
                tr!(
                    "cmd-built",
                    out = out.display().to_string(),
                    date = args.date.to_string(),
                    certificates = report.certificates,
                    changed = report.changed,
                    written = report.written,
                    unchanged = report.unchanged,
                    removed = report.removed,
                    time = format!("{:.2?}", started.elapsed())
                )
            );
            eprintln!("{}", tr!("cmd-built-lists-until", until = lists_until.to_string()));
            eprint!("{}", public_summary(&report.public));
            if args.timings {
                eprint!("{}", timings_table(&timings, report.certificates));
            }
            Ok(())
        }
        Err(e) => Err(fail(DATA_ERROR, format!("{}: {e:#}", tr!("error")))),
    }
}

/// What one build of the preview (`certsite serve`) did: into which folder, whether with a
/// throwaway key and url secret (the site has none of its own yet), and how it went.
#[derive(Debug)]
pub struct Previewed {
    /// The folder it built (or would have built) into: the one to serve.
    pub out: PathBuf,
    /// Signed with a throwaway key and url secret ([`BuildOptions::preview`]).
    pub throwaway: bool,
    /// Its failure, as printed.
    pub result: Result<(), BuildFailed>,
}

/// One build of the preview (`certsite serve`) of the site at `root` for `date` (else as
/// `build` takes it, again at each call): the site's lock is taken first (waiting for a build
/// that holds it), then the site's signing key (`$CERTSITE_KEY` or the default) and url secret
/// are looked for ([`BuildOptions::preview`]): with them the preview is built with them, and
/// the throwaway state of an earlier preview is removed; without them it is built with
/// throwaway ones, and the site's own are not made. Prints as `build` does, without bars.
pub fn preview(root: &Path, date: Option<Date>) -> Previewed {
    let lock = lock_or_fail(root, true);
    let options = BuildOptions::preview(root, key_path(root, None).0).map_err(|e| fail(USAGE, format!("{}: {e}", tr!("error"))));
    let (out, throwaway) = match &options {
        Ok(options) => (options.out().to_owned(), options.throwaway()),
        Err(_) => (State::new(root).serve_dir(), false),
    };
    let result = (|| {
        let (_lock, options) = (lock?, options?);
        let date = build_date(date).map_err(|e| fail(USAGE, format!("{}: {e}", tr!("error"))))?;
        if !options.throwaway() {
            let state = State::new(root);
            match state.remove_preview() {
                Ok(true) => eprintln!("{}", tr!("cmd-preview-removed", path = state.preview().dir().display().to_string())),
                Ok(false) => {}
                Err(e) => {
                    eprintln!("{}", tr!("cmd-preview-not-removed", path = state.preview().dir().display().to_string(), why = e.to_string()))
                }
            }
        }
        let args = BuildArgs { root: root.to_owned(), out: None, key: None, date, clean: false, quiet: true, timings: false, wait: true };
        build_locked(&args, &options)
    })();
    Previewed { out, throwaway, result: result.map_err(|f| BuildFailed(f.code, f.text)) }
}

/// The end of a build's report: what changed for the public since the last build into the
/// same output (statuses, notices, result sets, certificates), or that nothing did.
pub fn public_summary(changes: &Changes) -> String {
    let lines = changes.lines();
    if lines.is_empty() {
        return format!("{}\n", tr!("cmd-public-nothing"));
    }
    let head = if changes.first { tr!("cmd-public-first") } else { tr!("cmd-public-since") };
    with_lines(&head, &lines)
}

/// The end of `check`'s report: what a build into `out` would change for the public since the
/// last build into it, in the lines a build prints after the fact ([`public_summary`]); that it
/// would change nothing; or, with no earlier build into `out` recorded, what a first build
/// would publish, in one line.
pub fn check_summary(changes: &Changes, out: &Path) -> String {
    let out = out.display();
    if changes.first {
        return format!(
            "{}\n",
            tr!(
                "cmd-check-first",
                out = out.to_string(),
                certificates = changes.added.len(),
                notices = changes.notices.len(),
                results = changes.results.len()
            )
        );
    }
    let lines = changes.lines();
    if lines.is_empty() {
        return format!("{}\n", tr!("cmd-check-nothing", out = out.to_string()));
    }
    with_lines(&tr!("cmd-check-changes", out = out.to_string()), &lines)
}

/// `head`, then each line indented by two spaces.
fn with_lines(head: &str, lines: &[String]) -> String {
    let mut text = format!("{head}\n");
    for line in lines {
        text.push_str("  ");
        text.push_str(line);
        text.push('\n');
    }
    text
}

/// `certsite verify`.
pub fn verify(root: &Path, site: Option<PathBuf>, files: &[PathBuf], expiry: Option<(u32, Date)>) -> u8 {
    let site = site.unwrap_or_else(|| root.join("public"));
    // The data is compared with the status lists when the root has any.
    let data_root = root.join(crate::config::SITE_TOML).is_file().then_some(root);
    match crate::verify::verify(&site, files, data_root) {
        Ok(v) => {
            for f in &v.failures {
                eprintln!("{}", tr!("cmd-verify-fail", path = f.path.display().to_string(), why = &f.reason));
            }
            if let Some(out) = &v.manifest {
                eprintln!("{}", tr!("cmd-verify-manifest", out = out.display().to_string()));
            }
            if v.failures.is_empty() {
                if v.documents > 0 {
                    eprintln!("{}", tr!("cmd-verify-documents", count = v.documents));
                }
                eprintln!("{}", tr!("cmd-verify-ok", count = v.passed, site = site.display().to_string()));
                match expiry {
                    Some((within, today)) => lists_expiry(v.lists_until, within, today),
                    None => OK,
                }
            } else {
                eprintln!("{}", tr!("cmd-verify-failed", problems = v.failures.len(), passed = v.passed));
                DATA_ERROR
            }
        }
        Err(e) => {
            eprintln!("{}: {e}", tr!("error"));
            DATA_ERROR
        }
    }
}

/// Where `verify` reads a paper QR code from.
pub enum QrInput {
    /// Its text (`--qr`).
    Text(String),
    /// A photo or scan of it, PNG or JPEG (`--qr-image`): of the QR codes in it, the one whose
    /// text starts with `VC1-R`.
    Image(PathBuf),
}

/// The text of the paper QR code in the image at `path`.
fn qr_in_image(path: &Path) -> Result<String, String> {
    let reader = image::ImageReader::open(path)
        .and_then(|r| r.with_guessed_format())
        .map_err(|e| tr!("cmd-verify-qr-image-unreadable", path = path.display().to_string(), why = e.to_string()))?;
    if !matches!(reader.format(), Some(image::ImageFormat::Png | image::ImageFormat::Jpeg)) {
        return Err(tr!("cmd-verify-qr-image-format", path = path.display().to_string()));
    }
    let picture =
        reader.decode().map_err(|e| tr!("cmd-verify-qr-image-unreadable", path = path.display().to_string(), why = e.to_string()))?;
    let mut prepared = rqrr::PreparedImage::prepare(picture.to_luma8());
    let texts: Vec<String> = prepared.detect_grids().iter().filter_map(|g| g.decode().ok().map(|(_, text)| text)).collect();
    texts
        .into_iter()
        .find(|t| t.starts_with(crate::sign::base45::QR_PREFIX))
        .ok_or_else(|| tr!("cmd-verify-qr-image-none", path = path.display().to_string()))
}

/// `certsite verify --qr TEXT` / `--qr-image FILE` (DESIGN §2, §5): reads a paper QR code
/// offline against the built site `site` (default `<root>/public`): its DID document, its
/// paper table and its message status list. Prints the verdict and what the credential says;
/// exits 0 when it is authentic and valid (its status "not checked" when there is no status
/// list that verifies), 1 otherwise.
pub fn verify_qr(root: &Path, site: Option<PathBuf>, input: QrInput, today: Date) -> u8 {
    use crate::sign::paper::Verdict;
    let site = site.unwrap_or_else(|| root.join("public"));
    let (did_document, paper, list) = match crate::verify::paper_reader(&site) {
        Ok(reader) => reader,
        Err(e) => {
            eprintln!("{}: {e}", tr!("error"));
            return DATA_ERROR;
        }
    };
    let text = match input {
        QrInput::Text(text) => text,
        QrInput::Image(path) => match qr_in_image(&path) {
            Ok(text) => text,
            Err(why) => {
                println!("{}", tr!("cmd-verify-qr-unreadable", why = why));
                return DATA_ERROR;
            }
        },
    };
    let reading = paper.read(&text, &did_document, list.as_ref(), today);
    let why = reading.why.clone().unwrap_or_default();
    println!("{}", tr!("cmd-verify-qr-verdict", verdict = reading.verdict.code()));
    match reading.verdict {
        Verdict::Unreadable => println!("{}", tr!("cmd-verify-qr-unreadable", why = why)),
        Verdict::UnknownKey => println!("{}", tr!("cmd-verify-qr-unknown-key")),
        Verdict::NotAuthentic => println!("{}", tr!("cmd-verify-qr-not-authentic")),
        _ => println!("{}", tr!("cmd-verify-qr-authentic")),
    }
    if let Some(f) = &reading.fields {
        println!("{}", tr!("cmd-verify-qr-holder", holder = f.holder.as_str()));
        println!("{}", tr!("cmd-verify-qr-profession", profession = f.profession.as_str()));
        println!("{}", tr!("cmd-verify-qr-number", number = f.number.as_str()));
        println!("{}", tr!("cmd-verify-qr-dates", from = f.valid_from.to_string(), until = f.valid_until.to_string()));
    }
    if reading.verdict.authentic() {
        match (reading.checked, reading.as_of) {
            (true, Some(day)) => println!("{}", tr!("cmd-verify-qr-status", status = reading.verdict.code(), day = day.to_string())),
            (true, None) => println!("{}", tr!("cmd-verify-qr-status-undated", status = reading.verdict.code())),
            (false, _) => println!("{}", tr!("cmd-verify-qr-status-unchecked", status = reading.verdict.code())),
        }
    }
    if reading.verdict == Verdict::Valid {
        OK
    } else {
        DATA_ERROR
    }
}

/// `verify --lists-expire-within DAYS`: whether the status lists valid until `until` (their
/// last day) expire within `within` days of `today` (valid through `today + within - 1` at
/// most: 0 days asks only whether they have expired), said either way.
fn lists_expiry(until: Option<Date>, within: u32, today: Date) -> u8 {
    let Some(until) = until else {
        eprintln!("{}", tr!("cmd-verify-lists-unknown"));
        return DATA_ERROR;
    };
    let days = (until - today).whole_days() + 1;
    let until_text = until.to_string();
    if days <= 0 {
        eprintln!("{}", tr!("cmd-verify-lists-expired", until = until_text.as_str()));
        LISTS_EXPIRE
    } else if days <= i64::from(within) {
        eprintln!("{}", tr!("cmd-verify-lists-expire", until = until_text.as_str(), days = days, within = within));
        LISTS_EXPIRE
    } else {
        eprintln!("{}", tr!("cmd-verify-lists-ok", until = until_text.as_str(), days = days));
        OK
    }
}

/// `certsite keygen`: a new key, mode 0600, never overwriting; prints the public key.
pub fn keygen(path: PathBuf) -> u8 {
    if path.exists() {
        eprintln!("{}", tr!("cmd-keygen-exists", path = path.display().to_string()));
        return DATA_ERROR;
    }
    match keys::create_key(&path) {
        Ok(key) => {
            println!("{}", multibase::encode_public_key(&key.verifying_key()));
            eprintln!("{}", tr!("cmd-keygen-wrote", path = path.display().to_string()));
            OK
        }
        Err(e) => {
            eprintln!("{}: {e}", tr!("error"));
            DATA_ERROR
        }
    }
}

/// `certsite keygen --rotate`: a new current key at `key`; the old one is kept in the key ring
/// (did.json goes on listing it) and its file moved aside. The next build signs everything
/// with the new key.
pub fn rotate_key(root: &Path, key: &Path) -> u8 {
    let _lock = match lock(root, false) {
        Ok(lock) => lock,
        Err(code) => return code,
    };
    match State::new(root).rotate_key(key) {
        Ok(rotation) => {
            println!("{}", multibase::encode_public_key(&rotation.new));
            eprintln!("{}", tr!("cmd-rotated", key = crate::sign::did::key_id(&rotation.new), path = key.display().to_string()));
            eprintln!("{}", tr!("cmd-rotated-old", key = crate::sign::did::key_id(&rotation.old)));
            eprintln!("{}", tr!("cmd-rotated-old-file", path = rotation.old_file.display().to_string()));
            OK
        }
        Err(e) => {
            eprintln!("{}: {e:#}", tr!("error"));
            DATA_ERROR
        }
    }
}

/// `certsite keygen --retire KEY_ID`: removes a key that no longer signs (a leaked one) from
/// the key ring; the next build drops it from did.json.
pub fn retire_key(root: &Path, key: &Path, id: &str) -> u8 {
    let _lock = match lock(root, false) {
        Ok(lock) => lock,
        Err(code) => return code,
    };
    match State::new(root).retire_key(key, id) {
        Ok(retired) => {
            eprintln!("{}", tr!("cmd-retired", key = crate::sign::did::key_id(&retired)));
            OK
        }
        Err(e) => {
            eprintln!("{}: {e:#}", tr!("error"));
            DATA_ERROR
        }
    }
}

/// `certsite print`: QR codes (and a list, and with `pdf` the printable certificates) of the
/// certificates asked, for the printing office.
pub fn print(root: &Path, out: Option<PathBuf>, selection: &Selection, force: bool, pdf: bool, date: Date) -> u8 {
    let _lock = match lock(root, false) {
        Ok(lock) => lock,
        Err(code) => return code,
    };
    let site = match load(root, date, &Progress::hidden()) {
        Ok(site) => site,
        Err(failed) => return failed.code,
    };
    match crate::print::print(&site, out.as_deref(), selection, force, pdf) {
        Ok(report) => print_report(&report, pdf),
        Err(e) => {
            eprintln!("{}: {e:#}", tr!("error"));
            DATA_ERROR
        }
    }
}

fn print_report(report: &PrintReport, pdf_asked: bool) -> u8 {
    for number in &report.unknown {
        eprintln!("{}", tr!("cmd-print-unknown", number = number, file = crate::model::certificate::PATH));
    }
    for (number, status) in &report.refused {
        eprintln!("{}", tr!("cmd-print-refused", number = number, status = status.word()));
    }
    if report.is_refused() {
        eprintln!("{}", tr!("cmd-print-nothing"));
        return DATA_ERROR;
    }
    for (number, reason) in &report.reasons {
        match reason {
            Reason::NotPrinted => eprintln!("{}", tr!("cmd-print-not-printed", number = number)),
            Reason::Changed { parts, printed_on } => {
                let parts: Vec<String> = parts.iter().map(|p| p.describe()).collect();
                eprintln!(
                    "{}",
                    tr!("cmd-print-changed", number = number, parts = parts.join(", "), date = crate::model::date::iso(*printed_on))
                );
            }
        }
    }
    for (number, status) in &report.left_out {
        match status {
            Status::Suspended | Status::Revoked => eprintln!("{}", tr!("cmd-print-left-out", number = number, status = status.word())),
            _ => eprintln!("{}", tr!("cmd-print-left-out-unused", number = number, status = status.word())),
        }
    }
    if report.fingerprinted > 0 {
        eprintln!("{}", tr!("cmd-print-fingerprinted", count = report.fingerprinted));
    }
    eprintln!("{}", tr!("cmd-printed", count = report.printed.len(), out = report.out.display().to_string()));
    match &report.pdf {
        Some(pdf) => eprintln!("{}", tr!("cmd-printed-pdf", path = pdf.display().to_string(), count = report.printed.len())),
        None if pdf_asked && report.printed.is_empty() => eprintln!("{}", tr!("cmd-printed-no-pdf", file = crate::state::PRINT_PDF)),
        None => {}
    }
    OK
}

/// `certsite publish`: sends the last build into `<root>/public` to the target `target` of
/// `[publish.<name>]`, else to each in name order (DESIGN §2). Exit 0 when every target holds
/// the build; 1 settings with errors, no finished build, a target refused or failed; 2 no such
/// target, or another build or publish holds the site.
pub fn publish(root: &Path, target: Option<&str>, dry_run: bool, force: bool) -> u8 {
    use crate::publish::{self, Group, Options, Plan, Ssh, Stop, Transport, S3};
    let mut problems = Problems::default();
    let Some(config) = crate::config::Config::load(root, &mut problems) else {
        print_problems(&rooted(root, &problems), &Progress::hidden());
        return DATA_ERROR;
    };
    if config.publish.is_empty() {
        eprintln!("{}\n{}", tr!("publish-no-targets", file = crate::config::SITE_TOML), tr!("publish-no-targets.help"));
        return USAGE;
    }
    let names: Vec<&String> = match target {
        Some(name) => match config.publish.get_key_value(name) {
            Some((name, _)) => vec![name],
            None => {
                let known: Vec<&str> = config.publish.keys().map(String::as_str).collect();
                eprintln!("{}", tr!("publish-unknown-target", name = name, known = known.join(", ")));
                return USAGE;
            }
        },
        None => config.publish.keys().collect(),
    };
    let state = State::new(root);
    let _publish_lock = match state.publish_lock() {
        Ok(Ok(lock)) => lock,
        Ok(Err(held)) => {
            match (held.pid, held.started) {
                (Some(pid), Some(started)) => eprintln!("{}", tr!("publish-lock-held-by", pid = pid.to_string(), started = started)),
                _ => eprintln!("{}", tr!("publish-lock-held")),
            }
            return USAGE;
        }
        Err(e) => {
            eprintln!("{}", tr!("cmd-lock-failed", path = state.publish_lock_path().display().to_string(), why = e.to_string()));
            return DATA_ERROR;
        }
    };
    let _build_lock = match lock(root, false) {
        Ok(lock) => lock,
        Err(code) => return code,
    };
    let out = publish::output(root);
    let store = state.output(&out);
    let manifest = match (store.load(), store.journal()) {
        (Ok(Some(m)), Ok(None)) if !m.has_unknown() => m,
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("{}: {e:#}", tr!("error"));
            return DATA_ERROR;
        }
        (Ok(None), _) => {
            eprintln!("{}", tr!("publish-no-build", out = out.display().to_string()));
            return DATA_ERROR;
        }
        (Ok(Some(_)), _) => {
            eprintln!("{}", tr!("publish-unfinished-build", out = out.display().to_string()));
            return DATA_ERROR;
        }
    };
    let options = Options {
        force,
        backoff: match std::env::var("CERTSITE_PUBLISH_BACKOFF_MS").ok().and_then(|v| v.parse::<u64>().ok()) {
            Some(ms) => vec![Duration::from_millis(ms); 3],
            None => [1, 2, 4].map(Duration::from_secs).to_vec(),
        },
        stop_after: std::env::var("CERTSITE_PUBLISH_STOP_AFTER").ok().and_then(|v| v.parse().ok()),
        batch: std::env::var("CERTSITE_PUBLISH_BATCH").ok().and_then(|v| v.parse().ok()),
    };
    let shell = std::env::var("CERTSITE_SSH").ok().filter(|s| !s.trim().is_empty()).unwrap_or_else(|| "ssh".to_owned());
    let mut code = OK;
    for name in names {
        let settings = &config.publish[name];
        let destination = settings.destination();
        let target_store = state.published(name, &destination);
        if dry_run {
            let record = match target_store.load(manifest.layout()) {
                Ok(r) => r,
                Err(e) => {
                    eprintln!("{}: {e:#}", tr!("error"));
                    code = DATA_ERROR;
                    continue;
                }
            };
            let plan = Plan::new(&manifest, &record);
            println!(
                "{}",
                tr!(
                    "publish-plan",
                    name = name.as_str(),
                    target = &destination,
                    files = plan.send_count(),
                    deletions = plan.deletion_count()
                )
            );
            for (group, files) in plan.groups() {
                println!("  {}: {}", group.word(), files);
            }
            if plan.deletion_count() > settings.max_deletions && !force {
                println!("{}", tr!("publish-too-many-deletions", count = plan.deletion_count(), max = settings.max_deletions));
            }
            continue;
        }
        let transport: anyhow::Result<Box<dyn Transport>> = if settings.bucket.is_some() {
            let routes = crate::routes::Routes::new(&config, crate::sign::did::did_web(&config.url).document_path);
            S3::new(settings, routes).map(|s3| Box::new(s3) as Box<dyn Transport>)
        } else {
            Ssh::new(settings, &shell, target_store.dir()).map(|ssh| Box::new(ssh) as Box<dyn Transport>)
        };
        let transport = match transport {
            Ok(transport) => transport,
            Err(e) => {
                eprintln!("{}: {e:#}", tr!("error"));
                code = DATA_ERROR;
                continue;
            }
        };
        let mut say = |line: String| eprintln!("{name}: {line}");
        match publish::publish(&out, &manifest, &target_store, transport.as_ref(), settings.max_deletions, &options, &mut say) {
            Ok(sent) if sent.files == 0 && sent.deleted == 0 => {
                println!("{}", tr!("publish-up-to-date", name = name.as_str(), target = &destination))
            }
            Ok(sent) => {
                println!(
                    "{}",
                    tr!("publish-done", name = name.as_str(), target = &destination, files = sent.files, deleted = sent.deleted)
                );
                if sent.requests > 0 {
                    eprintln!("{name}: {}", tr!("publish-requests", count = sent.requests));
                }
            }
            Err(Stop::Refused(why)) => {
                eprintln!("{name}: {why}");
                code = DATA_ERROR;
            }
            Err(Stop::Failed { published, not_published, error }) => {
                let words = |groups: &[Group]| groups.iter().map(|g| g.word()).collect::<Vec<_>>().join(", ");
                let published = if published.is_empty() { tr!("publish-none") } else { words(&published) };
                eprintln!(
                    "{}",
                    tr!(
                        "publish-failed",
                        name = name.as_str(),
                        target = &destination,
                        error = error,
                        published = published,
                        missing = words(&not_published)
                    )
                );
                code = DATA_ERROR;
            }
        }
    }
    code
}

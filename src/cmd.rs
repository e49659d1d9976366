//! One function per command of the CLI (DESIGN §2). `main.rs` parses arguments and calls
//! these; they print, and return the exit code: 0 success, 1 the data has errors (every error
//! printed, nothing published), 2 wrong usage.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::Instant;

use time::{Date, OffsetDateTime};

use crate::diag::Problems;
use crate::model::status::Status;
use crate::print::{PrintReport, Reason, Selection};
use crate::progress::{timings_table, Progress};
use crate::sign::multibase;
use crate::site::{BuildOptions, Site};
use crate::state::public::{count, Changes};
use crate::state::{keys, lock, State};

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

fn print_problems(problems: &Problems, progress: &Progress) {
    if problems.iter().next().is_some() {
        progress.println(problems.render(std::io::stderr().is_terminal()).trim_end());
    }
    let blank: Vec<String> =
        problems.blank_rows().map(|(path, n)| format!("{} in {}", count(n, "blank row", "blank rows"), path.display())).collect();
    if !blank.is_empty() {
        progress.println(&format!("skipped {}", blank.join(", ")));
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
        Ok(Err(held)) => Err(fail(USAGE, format!("error: {held}; wait for it to finish, then run this again"))),
        Err(e) => Err(fail(DATA_ERROR, format!("error: cannot lock {}: {e}", state.lock_path().display()))),
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
                eprintln!("wrote {}", path.display());
            }
            let cd = if dir == Path::new(".") { String::new() } else { format!("  cd {}\n", dir.display()) };
            eprintln!(
                "\nnext steps (the example site checks and builds as it is):\n{cd}  \
                 certsite check    # validate everything, write nothing\n  \
                 certsite build    # write public/; the first build creates the signing key in .certsite/: back it up\n  \
                 certsite serve    # preview at http://127.0.0.1:8080/\n\
                 then make it yours: the lines marked CHANGE in data/site.toml (base_url before printing any certificate), \
                 your rows in data/certificates.csv and data/decisions.csv in place of the examples, your pages in content/"
            );
            OK
        }
        Err(e @ (crate::init::InitError::NotEmpty(..) | crate::init::InitError::NotAFolder(_))) => {
            eprintln!("error: {e}; certsite init writes a new site only into an empty or new folder and never overwrites a file: give a new one, e.g. certsite init my-site");
            USAGE
        }
        Err(e) => {
            if let crate::init::InitError::Io { written, .. } = &e {
                for path in written {
                    eprintln!("wrote {}", path.display());
                }
            }
            eprintln!("error: {e}; the site is incomplete: remove what was written and run certsite init again");
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
        eprintln!("error: {}", crate::site::OptionsError::Output(e));
        return USAGE;
    }
    match load(root, date, &Progress::hidden()).map_err(|f| f.code) {
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
            let mut read: Vec<(String, String)> =
                crate::load::csvfile::formats(root).into_iter().map(|(rel, format)| (rel, format.describe())).collect();
            read.extend(crate::load::xlsx::sheets_read(root, &site.config.sheets));
            read.sort();
            for (rel, described) in read {
                eprintln!("  read {rel}: {described}");
            }
            match site.public_update(&out, &site.statuses()) {
                Ok(update) => eprint!("{}", check_summary(&update.changes, &out)),
                Err(e) => eprintln!("warning: cannot tell what a build would change for the public: {e:#}"),
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
    let options = BuildOptions::new(root, out, key, create_key, args.clean).map_err(|e| fail(USAGE, format!("error: {e}")))?;
    let _lock = lock_or_fail(root, args.wait)?;
    build_locked(args, &options)
}

/// The build of `args` with `options` (its `out` and `key` are not read), the site's lock held.
fn build_locked(args: &BuildArgs, options: &BuildOptions) -> Result<(), Failed> {
    let started = Instant::now();
    let (root, out) = (&args.root, options.out());
    let progress = Progress::new(!args.quiet && std::io::stderr().is_terminal());
    let site = load(root, args.date, &progress)?;
    let result = site.build(options, &progress);
    let timings = progress.timings();
    drop(progress);
    match result {
        Ok(report) => {
            for note in &report.notes {
                eprintln!("warning: {note}");
            }
            eprintln!(
                "built {} for {}: {} certificates ({} signed and rendered); {} written, {} unchanged, {} removed in {:.2?}",
                out.display(),
                args.date,
                report.certificates,
                report.changed,
                count(report.written, "file", "files"),
                report.unchanged,
                report.removed,
                started.elapsed()
            );
            eprint!("{}", public_summary(&report.public));
            if args.timings {
                eprint!("{}", timings_table(&timings, report.certificates));
            }
            Ok(())
        }
        Err(e) => Err(fail(DATA_ERROR, format!("error: {e:#}"))),
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
    let options = BuildOptions::preview(root, key_path(root, None).0).map_err(|e| fail(USAGE, format!("error: {e}")));
    let (out, throwaway) = match &options {
        Ok(options) => (options.out().to_owned(), options.throwaway()),
        Err(_) => (State::new(root).serve_dir(), false),
    };
    let result = (|| {
        let (_lock, options) = (lock?, options?);
        let date = build_date(date).map_err(|e| fail(USAGE, format!("error: {e}")))?;
        if !options.throwaway() {
            let state = State::new(root);
            match state.remove_preview() {
                Ok(true) => eprintln!(
                    "removed {}: the throwaway signing key, URL secret and build of the preview; it uses the site's own now",
                    state.preview().dir().display()
                ),
                Ok(false) => {}
                Err(e) => eprintln!("warning: cannot remove {}: {e}", state.preview().dir().display()),
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
        return "for the public: nothing changed since the last build\n".to_owned();
    }
    let head = if changes.first { "for the public (first build into this folder):" } else { "for the public, since the last build:" };
    with_lines(head, &lines)
}

/// The end of `check`'s report: what a build into `out` would change for the public since the
/// last build into it, in the lines a build prints after the fact ([`public_summary`]); that it
/// would change nothing; or, with no earlier build into `out` recorded, what a first build
/// would publish, in one line.
pub fn check_summary(changes: &Changes, out: &Path) -> String {
    let out = out.display();
    if changes.first {
        return format!(
            "no earlier build into {out}: a build would publish {}, {} and {}\n",
            count(changes.added.len(), "certificate", "certificates"),
            count(changes.notices.len(), "notice", "notices"),
            count(changes.results.len(), "result set", "result sets")
        );
    }
    let lines = changes.lines();
    if lines.is_empty() {
        return format!("a build would change nothing for the public since the last build into {out}\n");
    }
    with_lines(&format!("a build would change for the public, since the last build into {out}:"), &lines)
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
pub fn verify(root: &Path, site: Option<PathBuf>, files: &[PathBuf]) -> u8 {
    let site = site.unwrap_or_else(|| root.join("public"));
    // The data is compared with the status lists when the root has any.
    let data_root = root.join(crate::config::SITE_TOML).is_file().then_some(root);
    match crate::verify::verify(&site, files, data_root) {
        Ok(v) => {
            for f in &v.failures {
                eprintln!("FAIL {}: {}", f.path.display(), f.reason);
            }
            if let Some(out) = &v.manifest {
                eprintln!("files held against the manifest of the build into {}", out.display());
            }
            if v.failures.is_empty() {
                if v.documents > 0 {
                    eprintln!("ok: {} signed documents (results.json, notice.json) verified", v.documents);
                }
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
pub fn keygen(path: PathBuf) -> u8 {
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
            eprintln!(
                "rotated: {} is the current key, written to {} (mode 0600): back it up and keep it secret",
                crate::sign::did::key_id(&rotation.new),
                key.display()
            );
            eprintln!(
                "{} stays in did.json, so everything it signed still verifies; the next build signs everything with the new key",
                crate::sign::did::key_id(&rotation.old)
            );
            eprintln!("the old private key is now {}: keep it offline, or delete it", rotation.old_file.display());
            OK
        }
        Err(e) => {
            eprintln!("error: {e:#}");
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
            eprintln!(
                "retired {}: the next build removes it from did.json; what it signed no longer verifies, and the build signs everything with the current key",
                crate::sign::did::key_id(&retired)
            );
            OK
        }
        Err(e) => {
            eprintln!("error: {e:#}");
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
            eprintln!("error: {e:#}");
            DATA_ERROR
        }
    }
}

fn print_report(report: &PrintReport, pdf_asked: bool) -> u8 {
    for number in &report.unknown {
        eprintln!("error: certificate {number} is not in data/certificates.csv");
    }
    for (number, status) in &report.refused {
        eprintln!(
            "error: certificate {number} is {}: it must not be handed out (agreement §4 A¶10); add --force to print it anyway",
            status.code()
        );
    }
    if report.is_refused() {
        eprintln!("error: nothing was printed");
        return DATA_ERROR;
    }
    for (number, reason) in &report.reasons {
        match reason {
            Reason::NotPrinted => eprintln!("{number}: not printed yet"),
            Reason::Changed { parts, printed_on } => {
                let parts: Vec<&str> = parts.iter().map(|p| p.describe()).collect();
                eprintln!("{number}: {} changed since it was printed on {}", parts.join(", "), crate::model::date::iso(*printed_on));
            }
        }
    }
    for (number, status) in &report.left_out {
        match status {
            Status::Suspended | Status::Revoked => eprintln!("left out {number}: {} (agreement §4 A¶10)", status.code()),
            _ => eprintln!("left out {number}: {}, no longer in use (name its number to print it all the same)", status.code()),
        }
    }
    if report.fingerprinted > 0 {
        eprintln!(
            "{} certificate(s) printed by an earlier version of certsite had no record of what was printed: taken as printed unchanged, their content is recorded now, so that --new prints them when it changes",
            report.fingerprinted
        );
    }
    eprintln!("printed {} certificate(s) into {}", report.printed.len(), report.out.display());
    match &report.pdf {
        Some(pdf) => eprintln!("wrote {} ({} page(s), A4)", pdf.display(), report.printed.len()),
        None if pdf_asked && report.printed.is_empty() => eprintln!("no certificate to print: {} was not written", crate::state::PRINT_PDF),
        None => {}
    }
    OK
}

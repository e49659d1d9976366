//! The `certsite` command: parses the command line (DESIGN §2) and calls the library.
//! Wrong usage exits 2 (clap's own code for usage errors).

mod serve;

use std::path::PathBuf;
use std::process::ExitCode;

use certsite::cmd;
use certsite::print::Selection;
use clap::{Parser, Subcommand};

/// A command's `--help` epilogue: its examples, then its exit codes (DESIGN §2): those of
/// `verify` and `keygen` are their own, the others' the common three.
macro_rules! epilogue {
    (codes: [$($code:literal),+ $(,)?]; $($example:literal),+ $(,)?) => {
        concat!("Examples:\n", $("  ", $example, "\n",)+ "\nExit codes:", $("\n  ", $code,)+)
    };
    ($($example:literal),+ $(,)?) => {
        epilogue!(codes: [
            "0  success",
            "1  the data or content has errors (each printed with file:line:column); nothing is published",
            "2  wrong usage, or another build holds the site",
        ]; $($example),+)
    };
}

#[derive(Parser)]
#[command(
    name = "certsite",
    version,
    about = "Publishes verifiable certificates, interview results and reasoned notices as a static site",
    after_help = epilogue!("certsite init my-site   # a new site to start from", "certsite check && certsite build", "certsite serve", "certsite <command> --help   # each command's examples")
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

fn parse_date(text: &str) -> Result<time::Date, String> {
    certsite::model::date::parse_date(text)
}

#[derive(Subcommand)]
enum Command {
    /// Write a new site root: a commented data/site.toml, an example certificate, decision
    /// and page, and a .gitignore; it checks and builds as it is.
    ///
    /// DIR is created if missing and must otherwise be empty: init never overwrites a file.
    #[command(after_help = epilogue!(codes: [
        "0  the site was written",
        "1  a file could not be written (those written before it are named)",
        "2  wrong usage: DIR is not empty, or is not a folder",
    ]; "certsite init my-site && cd my-site && certsite check && certsite build", "certsite init                            # into the current folder, if empty"))]
    Init {
        /// Where to write the site: a new or empty folder.
        #[arg(default_value = ".")]
        dir: PathBuf,
    },
    /// Check the data, then sign, render and write the site.
    #[command(after_help = epilogue!("certsite build", "certsite build --root site --build-date 2026-12-01", "certsite build --out /srv/www --key /media/usb/signing.key", "certsite build --clean --timings"))]
    Build {
        /// The site root.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The output folder [default: <root>/public].
        #[arg(long)]
        out: Option<PathBuf>,
        /// The signing key [default: $CERTSITE_KEY, else <root>/.certsite/signing.key].
        #[arg(long)]
        key: Option<PathBuf>,
        /// The day statuses and deadlines are computed for [default: $SOURCE_DATE_EPOCH, else today, UTC].
        #[arg(long, value_parser = parse_date)]
        build_date: Option<time::Date>,
        /// Rewrite every file, even those whose bytes are already right, and remove every file
        /// of the output that the build does not write (undoes hand edits).
        #[arg(long)]
        clean: bool,
        /// No progress bars (there are none either when stderr is not a terminal).
        #[arg(long, short)]
        quiet: bool,
        /// Print the wall and CPU time of each stage.
        #[arg(long)]
        timings: bool,
    },
    /// Validate everything and write nothing; end with what a build would change for the public.
    ///
    /// Compares with what the last build into the output showed (statuses, notices, result
    /// sets, certificates), as build's own summary does after the fact.
    #[command(after_help = epilogue!("certsite check", "certsite check --root site --build-date 2026-12-01   # as of another day", "certsite check --out /srv/www             # against the last build into /srv/www"))]
    Check {
        /// The site root.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The output whose last build to compare with [default: <root>/public].
        #[arg(long)]
        out: Option<PathBuf>,
        /// The day statuses and deadlines are computed for [default: $SOURCE_DATE_EPOCH, else today, UTC].
        #[arg(long, value_parser = parse_date)]
        build_date: Option<time::Date>,
    },
    /// Verify a built site or credential files, offline.
    #[command(after_help = epilogue!(codes: [
        "0  every credential, signed document and status list verified",
        "1  something did not verify (each failure printed as FAIL, with its file and why), or the folder is not a built site",
        "2  wrong usage",
    ]; "certsite verify                          # ./public against ./data", "certsite verify --site /srv/www", "certsite verify credential.json           # a holder's copy, offline"))]
    Verify {
        /// The site root.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The built site [default: <root>/public].
        #[arg(long)]
        site: Option<PathBuf>,
        /// Credential files to verify instead of the whole site.
        files: Vec<PathBuf>,
    },
    /// Create a new Ed25519 signing key (mode 0600) and print its public key; or rotate the
    /// site's key, or retire a leaked one.
    ///
    /// --rotate makes a new current key; the old one stays in did.json, so that everything it
    /// signed still verifies, and the next build signs with the new one. --retire KEY_ID (a
    /// leaked key, as did.json names it: key-…) drops a key that no longer signs from did.json
    /// at the next build.
    #[command(after_help = epilogue!(codes: [
        "0  the key was written, rotated or retired",
        "1  nothing changed: the key file exists (a key is never overwritten), the key cannot be retired, or a file could not be written",
        "2  wrong usage, or another build holds the site",
    ]; "certsite keygen                          # .certsite/signing.key", "certsite keygen --rotate", "certsite keygen --retire key-6Mkq3P"))]
    Keygen {
        /// The site root (its .certsite/ holds the key ring).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The key file [default: <root>/.certsite/signing.key].
        #[arg(long)]
        out: Option<PathBuf>,
        /// Replace the current key with a new one, keeping the old one in did.json.
        #[arg(long, conflicts_with = "retire")]
        rotate: bool,
        /// Remove a key from did.json (a leaked one): key-…, or its full id did:web:…#key-….
        #[arg(long, value_name = "KEY_ID")]
        retire: Option<String>,
    },
    /// Write QR codes, and with --pdf the printable certificates, for the printing office.
    ///
    /// Writes qr/<number>.svg for each certificate asked, and batch.csv listing them, into
    /// .certsite/print/ (or --out), and records them as printed. With --pdf also
    /// certificates.pdf: an A4 portrait page per certificate with the issuer (and its logo,
    /// [issuer] logo in site.toml), holder, number, profession, approved scope, dates and the
    /// QR code of its verification page with the code under it, in Azerbaijani and English.
    /// Suspended and revoked certificates are left out of --all and --new (named on stderr);
    /// asked by number they are refused (exit 1) unless --force. Expired, superseded and
    /// not-yet-valid certificates print.
    #[command(group = clap::ArgGroup::new("which").required(true).args(["all", "new", "numbers"]))]
    #[command(after_help = epilogue!("certsite print --new", "certsite print --new --pdf              # certificates.pdf, an A4 page each", "certsite print --all --out /media/usb/print", "certsite print PSM-2024-0029 PSM-2025-0063", "certsite print --force PSM-2024-0088   # a revoked one, knowingly"))]
    Print {
        /// The site root.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where to write [default: <root>/.certsite/print].
        #[arg(long)]
        out: Option<PathBuf>,
        /// Every certificate (but suspended and revoked ones).
        #[arg(long)]
        all: bool,
        /// The certificates never printed before (but suspended and revoked ones).
        #[arg(long)]
        new: bool,
        /// Print suspended or revoked certificates asked by number.
        #[arg(long)]
        force: bool,
        /// Also write certificates.pdf: an A4 page per certificate, ready to print.
        #[arg(long)]
        pdf: bool,
        /// The day statuses are computed for [default: $SOURCE_DATE_EPOCH, else today, UTC].
        #[arg(long, value_parser = parse_date)]
        build_date: Option<time::Date>,
        /// Certificate numbers.
        numbers: Vec<String>,
    },
    /// Preview the site locally; rebuilds and reloads on change.
    ///
    /// A build error shows on every page (and on stderr) until it is fixed. Links to base_url
    /// stay in the preview; the output in .certsite/serve/ is the real build's.
    /// It listens on 127.0.0.1, answers only to Host 127.0.0.1, localhost or [::1] (else 421),
    /// and serves only files inside .certsite/serve/.
    #[command(after_help = epilogue!("certsite serve                           # http://127.0.0.1:8080/", "certsite serve --root site --port 8000", "certsite serve --build-date 2027-01-15    # the site as of that day"))]
    Serve {
        /// The site root.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The port on 127.0.0.1.
        #[arg(long, default_value_t = 8080)]
        port: u16,
        /// Preview the site as of this day: statuses, schedules, results [default:
        /// $SOURCE_DATE_EPOCH, else today, UTC, taken again at each rebuild].
        #[arg(long, value_parser = parse_date)]
        build_date: Option<time::Date>,
    },
}

/// jemalloc: the certificate passes allocate many small short-lived values on two threads;
/// measured at 100,000 certificates, 8 % less user CPU than the system allocator at the same
/// peak memory (mimalloc: 7 % less user CPU, but 8 % more system time and 2.4× the memory).
#[cfg(feature = "jemalloc")]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let date = |flag| match cmd::build_date(flag) {
        Ok(d) => Ok(d),
        Err(e) => {
            eprintln!("error: {e}");
            Err(cmd::USAGE)
        }
    };
    let code = match cli.command {
        Command::Init { dir } => cmd::init(&dir),
        Command::Build { root, out, key, build_date, clean, quiet, timings } => match date(build_date) {
            Ok(date) => cmd::build(&cmd::BuildArgs { root, out, key, date, clean, quiet, timings, wait: false }),
            Err(c) => c,
        },
        Command::Check { root, out, build_date } => match date(build_date) {
            Ok(d) => cmd::check(&root, out, d),
            Err(c) => c,
        },
        Command::Verify { root, site, files } => cmd::verify(&root, site, &files),
        Command::Keygen { root, out, rotate, retire } => {
            let key = out.unwrap_or_else(|| certsite::state::State::new(&root).default_key());
            match (rotate, retire) {
                (true, _) => cmd::rotate_key(&root, &key),
                (false, Some(id)) => cmd::retire_key(&root, &key, &id),
                (false, None) => cmd::keygen(key),
            }
        }
        Command::Print { root, out, all, new, force, pdf, build_date, numbers } => match date(build_date) {
            Ok(d) => {
                let selection = if all {
                    Selection::All
                } else if new {
                    Selection::New
                } else {
                    Selection::Numbers(numbers)
                };
                cmd::print(&root, out, &selection, force, pdf, d)
            }
            Err(c) => c,
        },
        Command::Serve { root, port, build_date } => serve::serve(&root, port, build_date),
    };
    ExitCode::from(code)
}

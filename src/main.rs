//! The `certsite` command: parses the command line (DESIGN §2) and calls the library.
//! Wrong usage exits 2 (clap's own code for usage errors).

mod serve;

use std::path::PathBuf;
use std::process::ExitCode;

use certsite::cmd;
use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "certsite", version, about = "Publishes verifiable certificates, interview results and reasoned notices as a static site")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

fn parse_date(text: &str) -> Result<time::Date, String> {
    certsite::model::date::parse_date(text)
}

#[derive(Subcommand)]
enum Command {
    /// Check the data, then sign, render and write the site.
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
        /// Rewrite every file, even those whose bytes are already right.
        #[arg(long)]
        clean: bool,
    },
    /// Validate everything and write nothing.
    Check {
        /// The site root.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The day statuses and deadlines are computed for.
        #[arg(long, value_parser = parse_date)]
        build_date: Option<time::Date>,
    },
    /// Verify a built site or credential files, offline.
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
    /// Create a new Ed25519 signing key (mode 0600) and print its public key.
    Keygen {
        /// Where to write it [default: .certsite/signing.key].
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Preview the site locally; rebuilds and reloads on change.
    Serve {
        /// The site root.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The port on 127.0.0.1.
        #[arg(long, default_value_t = 8080)]
        port: u16,
    },
}

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
        Command::Build { root, out, key, build_date, clean } => match date(build_date) {
            Ok(d) => cmd::build(&root, out, key, d, clean),
            Err(c) => c,
        },
        Command::Check { root, build_date } => match date(build_date) {
            Ok(d) => cmd::check(&root, d),
            Err(c) => c,
        },
        Command::Verify { root, site, files } => cmd::verify(&root, site, &files),
        Command::Keygen { out } => cmd::keygen(out),
        Command::Serve { root, port } => serve::serve(&root, port),
    };
    ExitCode::from(code)
}

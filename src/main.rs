//! The `certsite` command: parses the command line (DESIGN §2) and calls the library.
//! Wrong usage exits 2 (clap's own code for usage errors).

mod serve;

use std::path::PathBuf;
use std::process::ExitCode;

use certsite::cmd;
use certsite::print::Selection;
use certsite::{messages, tr};
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

#[derive(Parser)]
#[command(name = "certsite", version, disable_help_flag = true, disable_version_flag = true, disable_help_subcommand = true)]
struct Cli {
    /// The language of messages: az or en [default: the locale's, else en]; read before the
    /// rest of the command line (see `lang_asked`), so that `--help` is in it too.
    #[arg(long, global = true, value_parser = ["az", "en"])]
    lang: Option<String>,
    #[command(subcommand)]
    command: Command,
}

fn parse_date(text: &str) -> Result<time::Date, String> {
    certsite::model::date::parse_date(text)
}

/// The commands and their options. Their help is the message catalogue's (`messages/*/cli.ftl`:
/// `cli-<command>` with `.more` and `.examples`, `cli-<command>-<option>`), put in by
/// [`localized`].
#[derive(Subcommand)]
enum Command {
    Init {
        #[arg(default_value = ".")]
        dir: PathBuf,
    },
    Build {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[arg(long)]
        out: Option<PathBuf>,
        #[arg(long)]
        key: Option<PathBuf>,
        #[arg(long, value_parser = parse_date)]
        build_date: Option<time::Date>,
        #[arg(long)]
        clean: bool,
        #[arg(long, short)]
        quiet: bool,
        #[arg(long)]
        timings: bool,
    },
    Check {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[arg(long)]
        out: Option<PathBuf>,
        #[arg(long, value_parser = parse_date)]
        build_date: Option<time::Date>,
    },
    #[command(group(clap::ArgGroup::new("dated").args(["lists_expire_within", "qr", "qr_image"]).multiple(true)))]
    Verify {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[arg(long)]
        site: Option<PathBuf>,
        #[arg(long, value_name = "DAYS", num_args = 0..=1, default_missing_value = "7")]
        lists_expire_within: Option<u32>,
        #[arg(long, value_parser = parse_date, requires = "dated")]
        today: Option<time::Date>,
        #[arg(long, value_name = "TEXT", conflicts_with_all = ["qr_image", "lists_expire_within", "files"])]
        qr: Option<String>,
        #[arg(long, value_name = "FILE", conflicts_with_all = ["lists_expire_within", "files"])]
        qr_image: Option<PathBuf>,
        files: Vec<PathBuf>,
    },
    Keygen {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[arg(long)]
        out: Option<PathBuf>,
        #[arg(long, conflicts_with = "retire")]
        rotate: bool,
        #[arg(long, value_name = "KEY_ID")]
        retire: Option<String>,
    },
    #[command(group = clap::ArgGroup::new("which").required(true).args(["all", "new", "numbers"]))]
    Print {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[arg(long)]
        out: Option<PathBuf>,
        #[arg(long)]
        all: bool,
        #[arg(long)]
        new: bool,
        #[arg(long)]
        force: bool,
        #[arg(long)]
        pdf: bool,
        #[arg(long, value_parser = parse_date)]
        build_date: Option<time::Date>,
        numbers: Vec<String>,
    },
    Publish {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[arg(long, value_name = "NAME")]
        target: Option<String>,
        #[arg(long)]
        dry_run: bool,
        #[arg(long)]
        force: bool,
    },
    Serve {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[arg(long, default_value_t = 8080)]
        port: u16,
        #[arg(long, value_parser = parse_date)]
        build_date: Option<time::Date>,
    },
}

/// The language `--lang` asks for, read before clap parses the rest (the help and clap's
/// errors are written in it).
fn lang_asked(args: &[std::ffi::OsString]) -> Option<messages::Lang> {
    let mut args = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(arg) = args.next() {
        if arg == "--" {
            break;
        }
        if let Some(code) = arg.strip_prefix("--lang=") {
            return messages::Lang::parse(code);
        }
        if arg == "--lang" {
            return args.next().and_then(|code| messages::Lang::parse(&code));
        }
    }
    None
}

/// The command line with every help text from the catalogue, in the current language:
/// about, description, examples and exit codes of each command, each option's help, and the
/// headings clap writes ("Usage:", "Options:", …).
fn localized(mut cli: clap::Command) -> clap::Command {
    use clap::{Arg, ArgAction};
    let template = format!("{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}\n", tr!("cli-usage"));
    let args = |cmd: clap::Command, key: &str| {
        let ids: Vec<String> = cmd.get_arguments().map(|a| a.get_id().to_string()).collect();
        let mut cmd = cmd
            .help_template(&template)
            .arg(Arg::new("help").short('h').long("help").action(ArgAction::Help).help(tr!("cli-help")).help_heading(tr!("cli-options")));
        for id in ids {
            let help = messages::lookup(&format!("{key}-{}", id.replace('_', "-")));
            cmd = cmd.mut_arg(&id, |a| {
                let heading = if a.is_positional() { tr!("cli-arguments") } else { tr!("cli-options") };
                // The defaults and choices are said in the help, in its language.
                let takes_values = a.get_action().takes_values();
                let a = a.help_heading(heading).hide_default_value(takes_values).hide_possible_values(takes_values);
                match &help {
                    Some(h) => a.help(h.clone()),
                    None => a,
                }
            });
        }
        cmd
    };
    cli = args(cli, "cli")
        .about(tr!("cli-about"))
        .after_help(format!("{}\n\n{}", tr!("cli-about.examples"), tr!("cli-codes")))
        .subcommand_help_heading(tr!("cli-commands"))
        .subcommand_value_name(tr!("cli-command"))
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(tr!("cli-version"))
                .help_heading(tr!("cli-options")),
        );
    let names: Vec<String> = cli.get_subcommands().map(|c| c.get_name().to_owned()).collect();
    for name in names {
        cli = cli.mut_subcommand(&name, |sub| {
            let key = format!("cli-{name}");
            let mut sub = args(sub.disable_help_flag(true), &key);
            if let Some(about) = messages::lookup(&key) {
                sub = sub.about(about);
            }
            if let Some(more) = messages::lookup(&format!("{key}.more")) {
                sub = sub.long_about(format!("{}\n\n{more}", messages::lookup(&key).unwrap_or_default()));
            }
            let codes = messages::lookup(&format!("{key}.codes")).unwrap_or_else(|| tr!("cli-codes"));
            sub.after_help(format!("{}\n\n{codes}", messages::lookup(&format!("{key}.examples")).unwrap_or_default()))
        });
    }
    cli
}

/// Prints what clap found wrong with the command line, in the current language (its help and
/// version are printed as they are), and returns the exit code: 0 for `--help` and
/// `--version`, else 2 ([`cmd::USAGE`]).
fn usage_error(e: &clap::Error) -> ExitCode {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            return ExitCode::from(cmd::USAGE);
        }
        _ => {}
    }
    let context = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(list)) => list.join(", "),
        Some(ContextValue::StyledStr(s)) => s.to_string(),
        Some(ContextValue::Number(n)) => n.to_string(),
        _ => String::new(),
    };
    let arg = context(ContextKind::InvalidArg);
    let message = match e.kind() {
        ErrorKind::UnknownArgument => tr!("cli-error-unknown-argument", arg = arg),
        ErrorKind::InvalidSubcommand => tr!("cli-error-unknown-command", command = context(ContextKind::InvalidSubcommand)),
        ErrorKind::InvalidValue => {
            tr!("cli-error-invalid-value", value = context(ContextKind::InvalidValue), arg = arg, valid = context(ContextKind::ValidValue))
        }
        ErrorKind::ValueValidation => tr!(
            "cli-error-value",
            value = context(ContextKind::InvalidValue),
            arg = arg,
            why = std::error::Error::source(e).map(ToString::to_string).unwrap_or_default()
        ),
        ErrorKind::MissingRequiredArgument => tr!("cli-error-missing", arg = arg),
        ErrorKind::MissingSubcommand => tr!("cli-error-no-command"),
        ErrorKind::ArgumentConflict => tr!("cli-error-conflict", arg = arg, other = context(ContextKind::PriorArg)),
        _ => {
            // Kinds certsite's command line cannot give: clap's own words.
            let _ = e.print();
            return ExitCode::from(cmd::USAGE);
        }
    };
    eprintln!("{}: {message}", tr!("error"));
    for kind in [ContextKind::SuggestedArg, ContextKind::SuggestedSubcommand, ContextKind::SuggestedValue] {
        let suggested = context(kind);
        if !suggested.is_empty() {
            eprintln!("  {}", tr!("cli-error-did-you-mean", suggested = suggested));
        }
    }
    let usage = context(ContextKind::Usage);
    if !usage.is_empty() {
        eprintln!("\n{}", usage.replacen("Usage:", &tr!("cli-usage"), 1));
    }
    eprintln!("\n{}", tr!("cli-error-more"));
    ExitCode::from(cmd::USAGE)
}

/// jemalloc: the certificate passes allocate many small short-lived values on two threads;
/// measured at 100,000 certificates, 8 % less user CPU than the system allocator at the same
/// peak memory (mimalloc: 7 % less user CPU, but 8 % more system time and 2.4× the memory).
#[cfg(feature = "jemalloc")]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    messages::set(lang_asked(&args).unwrap_or_else(messages::Lang::from_env));
    let matches = match localized(Cli::command()).try_get_matches_from(&args) {
        Ok(m) => m,
        Err(e) => {
            return usage_error(&e);
        }
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => return usage_error(&e),
    };
    let date = |flag| match cmd::build_date(flag) {
        Ok(d) => Ok(d),
        Err(e) => {
            eprintln!("{}: {e}", tr!("error"));
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
        Command::Verify { root, site, today, qr: Some(text), .. } => match date(today) {
            Ok(today) => cmd::verify_qr(&root, site, cmd::QrInput::Text(text), today),
            Err(c) => c,
        },
        Command::Verify { root, site, today, qr_image: Some(file), .. } => match date(today) {
            Ok(today) => cmd::verify_qr(&root, site, cmd::QrInput::Image(file), today),
            Err(c) => c,
        },
        Command::Verify { root, site, lists_expire_within, today, files, .. } => match lists_expire_within {
            Some(days) => match date(today) {
                Ok(today) => cmd::verify(&root, site, &files, Some((days, today))),
                Err(c) => c,
            },
            None => cmd::verify(&root, site, &files, None),
        },
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
        Command::Publish { root, target, dry_run, force } => cmd::publish(&root, target.as_deref(), dry_run, force),
        Command::Serve { root, port, build_date } => serve::serve(&root, port, build_date),
    };
    ExitCode::from(code)
}

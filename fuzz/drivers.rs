//! What each fuzz target does with its input, as plain functions: the targets of
//! `fuzz_targets/` call them, and `tests/fuzz_regressions.rs` replays the inputs that once
//! crashed a target through them (`cargo test`, on the stable toolchain, without libFuzzer).
//! Every function reads its input as certsite reads the file and asserts what must hold;
//! problems in the input are expected and reported, a panic is a bug.
#![allow(dead_code)]

/// What a target does with an input.
pub type Driver = fn(&[u8]);

/// Every target, by name, with its function.
pub const ALL: [(&str, Driver); 14] = [
    ("certificates", certificates::run),
    ("workbook", workbook::run),
    ("decisions", decisions::run),
    ("holidays", holidays::run),
    ("session", session::run),
    ("site_toml", site_toml::run),
    ("front_matter", front_matter::run),
    ("manifest", manifest::run),
    ("journal", journal::run),
    ("status_index", status_index::run),
    ("keys", keys::run),
    ("printed", printed::run),
    ("publish_record", publish_record::run),
    ("paper_qr", paper_qr::run),
];

pub mod certificates {
    //! `data/certificates.csv`, and after a NUL byte `data/decisions.csv`, read as a build reads
    //! them: every row, the register (numbers unique, `replaces` known), the page codes checked
    //! unique, the decisions checked against the register, each certificate's status on a few
    //! days, and the report of every problem. Problems are expected; a panic is a bug. The rows are
    //! also read in pieces of a few bytes, which must give what one pass gives.

    use certsite::diag::Problems;
    use certsite::load::csvfile::{Column, CsvText, Row};
    use certsite::load::{certificates, decisions};
    use certsite::model::code::{check_unique, Code, Coder};
    use certsite::model::decision::{notice_holder_name, Decisions};
    use certsite::model::status::status_of;
    use time::macros::date;

    /// Reads `data` (see the module).
    pub fn run(data: &[u8]) {
        let mut parts = data.splitn(2, |&b| b == 0);
        let register_bytes = parts.next().unwrap_or_default();
        let mut problems = Problems::new();
        let register = match CsvText::from_bytes(certificates::PATH, register_bytes.to_vec()) {
            Ok(file) => {
                same_in_pieces(&file);
                let register = certificates::register(&file, &mut problems);
                let coder = Coder::new(b"fuzz");
                let codes: Vec<Code> = register.list.iter().map(|c| coder.code(&c.number)).collect();
                let cells = certificates::number_cells(&file);
                check_unique(&register, &codes, |c| cells.at(c.line), &mut problems);
                register
            }
            Err(problem) => {
                problems.push(*problem);
                Default::default()
            }
        };
        let rows = match parts.next().map(|d| CsvText::from_bytes(decisions::PATH, d.to_vec())) {
            Some(Ok(file)) => decisions::parse(&file, &mut problems),
            Some(Err(problem)) => {
                problems.push(*problem);
                Vec::new()
            }
            None => Vec::new(),
        };
        let decisions = Decisions::new(rows, &register, &mut problems);
        for day in [date!(1900 - 01 - 01), date!(2026 - 03 - 01), date!(2026 - 11 - 23), date!(2999 - 12 - 31)] {
            for i in 0..register.list.len() {
                status_of(i, &register, &decisions, day);
            }
        }
        for d in &decisions.list {
            notice_holder_name(&register.list[d.certificate], certsite::config::HolderName::Initials);
            d.objection_deadline();
        }
        problems.sort();
        problems.render_width(false, 80);
    }

    /// The rows and problems of one pass, and of pieces of 1 and 64 bytes: the same.
    pub fn same_in_pieces(file: &CsvText) {
        let row = |r: &Row<'_, certificates::Col>| {
            (r.line, certificates::Col::ALL.iter().map(|&c| r.get(c).map(|v| v.into_owned())).collect::<Vec<_>>())
        };
        let mut one = Problems::new();
        let mut rows = Vec::new();
        file.rows(&mut one, |r, _| rows.push(row(r)));
        let messages = |p: &Problems| p.iter().map(|p| (p.to_string(), p.excerpt.clone())).collect::<Vec<_>>();
        for piece in [1, 64] {
            let mut found = Problems::new();
            let pieces = file.rows_in_pieces(piece, &mut found, || (), |_, r, _| Some(row(r)));
            assert_eq!(pieces, rows, "pieces of {piece} bytes");
            assert_eq!(messages(&found), messages(&one), "pieces of {piece} bytes");
        }
    }
}

pub mod workbook {
    //! `data/certificates.xlsx`: a workbook (an input that starts as a zip file does, "PK") read
    //! as a build reads it; or else the cells of a sheet, given as text, one row a line (an
    //! empty line a blank row), cells separated by `,`, `\n` in a cell a line break. The sheet
    //! is read into its table as a build reads a workbook's, then the register as the
    //! `certificates` target reads it: the rows read in pieces give what one pass gives, each
    //! row is the sheet's row of its cells, no cell keeps the stand-in of a line break, and
    //! every problem about the register names the sheet. Problems are expected; a panic is a
    //! bug.

    use certsite::diag::Problems;
    use certsite::load::csvfile::{Column, CsvText, Row, SHEET_CR, SHEET_LF};
    use certsite::load::{certificates, xlsx};

    /// The workbook's path.
    const PATH: &str = "data/certificates.xlsx";

    /// Reads `data` (see the module).
    pub fn run(data: &[u8]) {
        let mut problems = Problems::new();
        if data.starts_with(b"PK") {
            match xlsx::from_bytes(PATH, data.to_vec(), None) {
                Ok(file) => read(&file, &[]),
                Err(problem) => problems.push(*problem),
            }
            problems.render_width(false, 80);
            return;
        }
        let text = String::from_utf8_lossy(data);
        let rows: Vec<Vec<String>> = text.split('\n').map(|l| l.split(',').map(|c| c.replace("\\n", "\n")).collect()).collect();
        let cells = rows.iter().zip(0u32..).flat_map(|(cells, r)| cells.iter().zip(0u32..).map(move |(text, c)| (r, c, text.as_str())));
        let file = xlsx::from_text_cells(PATH, "Sheet1", cells).expect("cells given in order");
        read(&file, &rows);
    }

    /// The register of `file`, and what must hold of it (`rows`: the sheet's cells, when known).
    fn read(file: &CsvText, rows: &[Vec<String>]) {
        super::certificates::same_in_pieces(file);
        let mut problems = Problems::new();
        file.rows(&mut problems, |r: &Row<'_, certificates::Col>, _| {
            let row = usize::try_from(r.line - 1).unwrap();
            if !rows.is_empty() {
                assert!(rows[row].iter().any(|c| !c.trim().is_empty()), "row {} is blank in the sheet", r.line);
            }
            for &c in certificates::Col::ALL {
                assert!(!r.get(c).is_some_and(|v| v.contains([SHEET_LF, SHEET_CR])), "row {}: a stand-in kept", r.line);
            }
        });
        let mut found = Problems::new();
        certificates::register(file, &mut found);
        assert!(found.iter().all(|p| p.at.as_ref().is_none_or(|at| at.sheet.is_some())), "{found:?}");
        problems.extend(found);
        problems.sort();
        problems.render_width(false, 80);
    }
}

pub mod decisions {
    //! `data/decisions.csv` against the register of `tests/fixtures/minimal` (so that certificate
    //! numbers match and the rules across rows are reached): the rows, the decisions checked, each
    //! certificate's status on a few days, and the report. Problems are expected; a panic is a bug.

    use std::sync::OnceLock;

    use certsite::diag::Problems;
    use certsite::load::csvfile::CsvText;
    use certsite::load::{certificates, decisions};
    use certsite::model::certificate::Certificates;
    use certsite::model::decision::{notice_holder_name, Decisions};
    use certsite::model::status::status_of;
    use time::macros::date;

    static REGISTER: OnceLock<Certificates> = OnceLock::new();

    /// Reads `data` (see the module).
    pub fn run(data: &[u8]) {
        let register = REGISTER.get_or_init(|| {
            let text = include_bytes!("../tests/fixtures/minimal/data/certificates.csv");
            let file = CsvText::from_bytes(certificates::PATH, text.to_vec()).expect("UTF-8");
            certificates::register(&file, &mut Problems::new())
        });
        let mut problems = Problems::new();
        let rows = match CsvText::from_bytes(decisions::PATH, data.to_vec()) {
            Ok(file) => decisions::parse(&file, &mut problems),
            Err(problem) => {
                problems.push(*problem);
                return;
            }
        };
        let decisions = Decisions::new(rows, register, &mut problems);
        for day in [date!(1900 - 01 - 01), date!(2026 - 03 - 01), date!(2026 - 03 - 02), date!(2026 - 11 - 23), date!(2999 - 12 - 31)] {
            for i in 0..register.list.len() {
                status_of(i, register, &decisions, day);
            }
        }
        for d in &decisions.list {
            notice_holder_name(&register.list[d.certificate], certsite::config::HolderName::Initials);
            d.objection_deadline();
        }
        problems.sort();
        problems.render_width(false, 80);
    }
}

pub mod holidays {
    //! `data/holidays.csv`: the calendar read, then working days counted from a few days (the
    //! deadlines of the interview and appeal rules are counted so, up to 60 working days).

    use certsite::diag::Problems;
    use certsite::load::csvfile::CsvText;
    use certsite::load::interviews::{parse_calendar, HOLIDAYS};
    use time::macros::date;

    /// Reads `data` (see the module).
    pub fn run(data: &[u8]) {
        let mut problems = Problems::new();
        let calendar = match CsvText::from_bytes(HOLIDAYS, data.to_vec()) {
            Ok(file) => parse_calendar(&file, &mut problems),
            Err(problem) => {
                problems.push(*problem);
                return;
            }
        };
        for day in [date!(1900 - 01 - 01), date!(2026 - 05 - 27), date!(2999 - 11 - 01)] {
            calendar.is_working_day(day);
            calendar.add_working_days(day, 60);
        }
        problems.render_width(false, 80);
    }
}

pub mod session {
    //! An interview session: `session.toml`, then after NUL bytes its `scores.csv`,
    //! `schedule.csv` and `appeals.csv`, and `data/holidays.csv` (a part left out is a file that
    //! does not exist). Read as a build reads them, with the ranking, ties, appeal deadlines and
    //! timing warnings, on a fixed build date, and the report. Problems are expected; a panic is a
    //! bug.

    use certsite::config::Interviews;
    use certsite::diag::Problems;
    use certsite::load::csvfile::CsvText;
    use certsite::load::interviews::{parse_calendar, parse_session, DIR, HOLIDAYS};
    use certsite::model::calendar::Calendar;
    use time::macros::date;

    /// Reads `data` (see the module).
    pub fn run(data: &[u8]) {
        let parts: Vec<&[u8]> = data.splitn(5, |&b| b == 0).collect();
        let Ok(toml) = std::str::from_utf8(parts[0]) else { return };
        let mut problems = Problems::new();
        let calendar = match parts.get(4).map(|h| CsvText::from_bytes(HOLIDAYS, h.to_vec())) {
            Some(Ok(file)) => parse_calendar(&file, &mut problems),
            Some(Err(problem)) => {
                problems.push(*problem);
                Calendar::default()
            }
            None => Calendar::default(),
        };
        let mut read = |rel: &str, problems: &mut Problems| {
            let k = ["scores.csv", "schedule.csv", "appeals.csv"].iter().position(|name| rel == format!("{DIR}/s/{name}"))?;
            CsvText::from_bytes(rel, parts.get(k + 1)?.to_vec()).map_err(|p| problems.push(*p)).ok()
        };
        let settings = Interviews { institution: Some("Universitet".into()), ..Interviews::default() };
        let today = date!(2026 - 06 - 10);
        if let Some(session) = parse_session("s", toml, &mut read, &calendar, Some(&settings), today, &mut problems) {
            let _ = session.results();
            session.appeal_deadline(&calendar, settings.appeal_working_days);
            session.results_due(&calendar);
            for appeal in session.appeals_on(today) {
                appeal.overdue(&calendar, today);
            }
        }
        problems.sort();
        problems.render_width(false, 80);
    }
}

pub mod site_toml {
    //! `data/site.toml`: the settings parsed and checked, the did:web identifier and a page's
    //! address (in a QR code) derived from `base_url`, and the report. Problems are expected; a
    //! panic is a bug.

    use certsite::config::{Config, Lang};
    use certsite::diag::Problems;

    /// Reads `data` (see the module).
    pub fn run(data: &[u8]) {
        let Ok(text) = std::str::from_utf8(data) else { return };
        let mut problems = Problems::new();
        if let Some(config) = Config::parse(text, &mut problems) {
            let did = certsite::sign::did::did_web(&config.url);
            let routes = certsite::routes::Routes::new(&config, did.document_path);
            // A page's address, in a QR code (the build checks first that it fits in one).
            let _ = certsite::render::qr::qr_svg(&routes.cert_url("000000000000"));
            for lang in [Lang::Az, Lang::En] {
                config.title_in(lang);
                routes.lang_root(lang);
                routes.page_url(lang, certsite::routes::Page::Notice("D-1"));
                config.issuer.name_in(lang);
            }
            config.issuer.has_contact();
        }
        problems.render_width(false, 80);
    }
}

pub mod front_matter {
    //! A content page (`content/*.md`): the TOML front matter between `+++` lines and the Markdown
    //! after it, as the loader reads a page's text (a BOM removed), and the report. Problems are
    //! expected; a panic is a bug.

    use certsite::diag::Problems;
    use certsite::load::content::parse;

    /// Reads `data` (see the module).
    pub fn run(data: &[u8]) {
        let Ok(text) = std::str::from_utf8(data) else { return };
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut problems = Problems::new();
        parse("content/page.md", "page".into(), text, &mut problems);
        problems.render_width(false, 80);
    }
}

pub mod manifest {
    //! `.certsite/outputs/<id>/manifest`: read for the output folder it names (and for another),
    //! then what a build and `certsite verify` ask of it, and its own text read back. A damaged
    //! manifest is an error naming its line; a panic is a bug.

    use std::path::Path;

    use certsite::state::manifest::{Journal, Manifest};

    /// Reads `data` (see the module).
    pub fn run(data: &[u8]) {
        // The file is read as UTF-8 text (`read_to_string`: anything else is an I/O error).
        let Ok(text) = std::str::from_utf8(data) else { return };
        let out = Path::new(text.lines().nth(1).and_then(|l| l.strip_prefix("output ")).unwrap_or("/srv/site/public"));
        let _ = Manifest::parse(text, Path::new("/another/folder"));
        let Ok(Some(mut manifest)) = Manifest::parse(text, out) else { return };
        let layout = manifest.layout().clone();
        for (i, &code) in manifest.codes().iter().enumerate() {
            manifest.cert_at(code, i);
            for k in 0..layout.len() {
                layout.classify(&layout.path(k, code));
                layout.dir(k, code);
            }
        }
        for (rel, _) in manifest.files() {
            layout.classify(rel);
        }
        manifest.file_count();
        let again = manifest.to_text(out);
        let back = Manifest::parse(&again, out).expect("certsite reads the manifest it writes").expect("for its folder");
        assert_eq!((back.codes(), back.file_count()), (manifest.codes(), manifest.file_count()));
        // A killed build's journal makes its files unknown; those are not saved.
        let journal = Journal { certs: manifest.codes().iter().take(2).copied().collect(), files: vec!["index.html".into()] };
        manifest.apply(&journal);
        manifest.has_unknown();
        Manifest::parse(&manifest.to_text(out), out).expect("certsite reads the manifest it writes");
    }
}

pub mod journal {
    //! `.certsite/outputs/<id>/journal`: read, applied to a manifest as the next build applies a
    //! killed build's journal, and its own text read back. A damaged journal is an error naming its
    //! line; a panic is a bug.

    use std::path::Path;

    use certsite::state::manifest::{Journal, Layout, Manifest};

    /// Reads `data` (see the module).
    pub fn run(data: &[u8]) {
        let Ok(text) = std::str::from_utf8(data) else { return };
        let Ok(journal) = Journal::parse(text) else { return };
        let back = Journal::parse(&journal.to_text()).expect("certsite reads the journal it writes");
        assert_eq!(back.certs, journal.certs);
        let mut merged = Journal::default();
        merged.extend(&journal);
        merged.extend(&back);
        let layout = Layout::new(vec!["c/*/index.html".into(), "en/c/*/index.html".into(), "c/*/credential.json".into()]);
        let mut manifest = Manifest::unknown(layout, ["index.html".to_owned(), "c/0123456789AB/index.html".to_owned()]);
        manifest.apply(&merged);
        let out = Path::new("/srv/site/public");
        Manifest::parse(&manifest.to_text(out), out).expect("certsite reads the manifest it writes");
    }
}

pub mod status_index {
    //! `.certsite/status-index.csv` for the register of `tests/fixtures/minimal`: read, every
    //! certificate given its index as a build gives it, and the file written and read again: no
    //! index may move. A damaged file is an error naming its line; a panic is a bug.

    use std::sync::OnceLock;

    use certsite::diag::Problems;
    use certsite::load::certificates;
    use certsite::load::csvfile::CsvText;
    use certsite::model::certificate::Certificates;
    use certsite::model::status_index::StatusIndex;

    static REGISTER: OnceLock<Certificates> = OnceLock::new();

    /// Reads `data` (see the module).
    pub fn run(data: &[u8]) {
        let register = REGISTER.get_or_init(|| {
            let text = include_bytes!("../tests/fixtures/minimal/data/certificates.csv");
            let file = CsvText::from_bytes(certificates::PATH, text.to_vec()).expect("UTF-8");
            certificates::register(&file, &mut Problems::new())
        });
        let Ok(text) = std::str::from_utf8(data) else { return };
        let Ok(mut index) = StatusIndex::parse(text, register) else { return };
        index.assign(register, b"fuzz");
        let len = index.len();
        let assigned: Vec<u32> = (0..register.list.len()).map(|c| index.get(c)).collect();
        assert!(assigned.iter().all(|&i| (i as usize) < len));
        let written = index.to_text(register);
        let back = StatusIndex::parse(&written, register).expect("certsite reads the file it writes");
        assert_eq!((0..register.list.len()).map(|c| back.get(c)).collect::<Vec<_>>(), assigned, "an index moved");
        assert!(!back.changed());
    }
}

pub mod keys {
    //! `.certsite/keys.txt`, the key ring: read, and its own text read back to the same ring. A
    //! line that is not a key is an error naming it; a panic is a bug.

    use std::path::Path;

    use certsite::state::Ring;

    /// Reads `data` (see the module).
    pub fn run(data: &[u8]) {
        let Ok(text) = std::str::from_utf8(data) else { return };
        let path = Path::new(".certsite/keys.txt");
        let Ok(ring) = Ring::parse(text, path) else { return };
        assert!(ring.active.iter().all(|k| !ring.retired.contains(k)), "a retired key is never active");
        assert_eq!(Ring::parse(&ring.to_text(), path).expect("certsite reads the key ring it writes"), ring);
    }
}

pub mod printed {
    //! `.certsite/printed.csv`, the record of what `certsite print` printed (with a fingerprint
    //! of each certificate's printed content, or without, as an earlier version wrote it): read,
    //! and its own text read back to the same record. A line that is not a record is an error
    //! naming it; a panic is a bug.

    use std::path::Path;

    use certsite::state::Printed;

    /// Reads `data` (see the module).
    pub fn run(data: &[u8]) {
        let Ok(text) = std::str::from_utf8(data) else { return };
        let path = Path::new(".certsite/printed.csv");
        let Ok(printed) = Printed::parse(text, path) else { return };
        assert_eq!(Printed::parse(&printed.to_text(), path).expect("certsite reads the record it writes"), printed);
    }
}

pub mod publish_record {
    //! `.certsite/publish/<name>/record` and its `log`, what a publish target holds: read for
    //! the target it names (and for another, which reads as empty), its own text read back to
    //! the same text, and the same bytes applied as a log, then moved to another layout. A
    //! damaged record or log is an error naming its line; a panic is a bug.

    use certsite::state::manifest::Layout;
    use certsite::state::published::Record;

    /// Reads `data` (see the module).
    pub fn run(data: &[u8]) {
        let Ok(text) = std::str::from_utf8(data) else { return };
        let _ = Record::parse(text, "other.example:/srv");
        let layout = Layout::new(vec!["c/*/index.html".into(), "en/c/*/index.html".into(), "c/*/credential.json".into()]);
        let mut record = match Record::parse(text, "web.example:/srv/www") {
            Ok(Some(record)) => {
                let written = record.to_text("web.example:/srv/www");
                let again = Record::parse(&written, "web.example:/srv/www").expect("certsite reads the record it writes");
                assert_eq!(again.expect("for its target").to_text("web.example:/srv/www"), written);
                record
            }
            _ => Record::empty(layout.clone()),
        };
        if record.apply_log(text).is_ok() {
            let written = record.to_text("web.example:/srv/www");
            Record::parse(&written, "web.example:/srv/www").expect("certsite reads the record it writes");
        }
        let moved = record.into_layout(&Layout::new(vec!["c/*/index.html".into(), "c/*/qr.svg".into()]));
        let written = moved.to_text("web.example:/srv/www");
        Record::parse(&written, "web.example:/srv/www").expect("certsite reads the record it writes");
    }
}

pub mod paper_qr {
    //! A paper QR code's text (`certsite verify --qr`, what a phone scans): `VC1-R`, base45,
    //! CBOR-LD 1.0 of the site's table, a signed credential, read to a verdict against a DID
    //! document and a status list. Any text gets a verdict; a panic is a bug. What decodes
    //! encodes again, and the bytes' registry id is read, without a panic.

    use certsite::sign::paper::{MessageList, Paper, Verdict};
    use certsite::sign::status_list::Bitstring;
    use certsite::sign::{base45, cborld, did, multibase};

    /// The public key of the reference vectors' first site (seed of 32 bytes 7).
    const KEY: &str = "z6MkvDqGT54cXesYGvABpF1UapVNwjCqRcafi4Px6Thv5T3Z";

    /// Reads `data` (see the module).
    pub fn run(data: &[u8]) {
        let key = multibase::decode_public_key(KEY).expect("a Multikey");
        let (id, base) = ("did:web:sertifikat.example.az", "https://sertifikat.example.az/");
        let paper = Paper::new(id, base, &[key]);
        let list = MessageList { url: format!("{base}status/status.json"), bits: Bitstring::new(8), date: None };
        let text = String::from_utf8_lossy(data);
        let reading = paper.read(&text, &did::document(id, &[key]).into(), Some(&list), time::macros::date!(2026 - 11 - 23));
        if !text.trim().starts_with(base45::QR_PREFIX) {
            assert_eq!(reading.verdict, Verdict::Unreadable, "only VC1-R… is read");
        }
        assert_eq!(reading.fields.is_some(), reading.verdict != Verdict::Unreadable);
        if let Ok(decoded) = paper.decode(&text) {
            let _ = paper.encode(&decoded);
        }
        let _ = cborld::registry_entry_id(data);
    }
}

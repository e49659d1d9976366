//! `certsite print`: files for the printing office (DESIGN §2, §4). For the certificates asked
//! (every one, those never printed before, or by number) it writes the QR code of each
//! verification page, `qr/<number>.svg` (`/` in a number becomes `_`), and `batch.csv` listing
//! them (number, code, URL, status), into `.certsite/print/` or another folder; and records in
//! `.certsite/printed.csv` that they were printed, for `--new`. With `--pdf` it also writes
//! `certificates.pdf`, a printable A4 page per certificate ([`pdf`]). It makes the files; the
//! state writes them ([`crate::state::PrintFolder`]).
//!
//! A suspended or revoked certificate must not be handed out (agreement §4 A¶10: a suspended
//! or revoked certificate is not to be used): `--all` and `--new` leave them out and name them;
//! asking for one by number is refused unless forced. Expired, superseded and not-yet-valid
//! certificates print (a replacement copy of an old certificate is the holder's right).

pub mod pdf;

use std::path::{Path, PathBuf};

use anyhow::anyhow;

use crate::model::code::Code;
use crate::model::status::Status;
use crate::render::qr;
use crate::site::Site;
use crate::state::State;

/// Which certificates to print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selection {
    /// Every certificate (but suspended and revoked ones).
    All,
    /// Those never printed before (but suspended and revoked ones).
    New,
    /// These numbers (matched without regard to case).
    Numbers(Vec<String>),
}

/// What `print` did, or why it would not.
#[derive(Debug, Default)]
pub struct PrintReport {
    /// Numbers printed.
    pub printed: Vec<String>,
    /// Numbers left out, with their status (suspended, revoked).
    pub left_out: Vec<(String, Status)>,
    /// Numbers asked for that are suspended or revoked (refused without `force`).
    pub refused: Vec<(String, Status)>,
    /// Numbers asked for that are not in `data/certificates.csv`.
    pub unknown: Vec<String>,
    /// The folder written.
    pub out: PathBuf,
    /// The PDF written (`--pdf`, and at least one certificate printed).
    pub pdf: Option<PathBuf>,
}

impl PrintReport {
    /// True when the request could not be honoured (nothing was written).
    pub fn is_refused(&self) -> bool {
        !self.refused.is_empty() || !self.unknown.is_empty()
    }
}

/// Writes the print files of `selection` into `out` (default `.certsite/print/`); statuses
/// are those of `site`'s build date. With `force`, suspended and revoked certificates asked by
/// number print too; with `pdf`, `certificates.pdf` is written beside the QR codes. Every file
/// is made in memory first, so an error (a logo that does not decode) writes nothing. The
/// caller holds the site's lock.
pub fn print(site: &Site, out: Option<&Path>, selection: &Selection, force: bool, pdf: bool) -> anyhow::Result<PrintReport> {
    let state = State::new(&site.root);
    let folder = state.print_folder(out);
    let mut report = PrintReport { out: folder.dir().to_owned(), ..PrintReport::default() };
    let secret = state.existing_url_secret()?.ok_or_else(|| {
        anyhow!(
            "{} does not exist: certificate addresses are made by the first build; run `certsite build` first",
            state.url_secret_path().display()
        )
    })?;
    let mut printed = state.printed()?;
    let blocked = |s: Status| matches!(s, Status::Suspended | Status::Revoked);
    let mut chosen = Vec::new();
    match selection {
        Selection::All | Selection::New => {
            for (i, cert) in site.certificates.list.iter().enumerate() {
                if *selection == Selection::New && printed.on.contains_key(&cert.number) {
                    continue;
                }
                let status = site.status(i).status;
                if blocked(status) {
                    report.left_out.push((cert.number.clone(), status));
                } else {
                    chosen.push(i);
                }
            }
        }
        Selection::Numbers(numbers) => {
            for number in numbers {
                match site.certificates.find(number) {
                    None => report.unknown.push(number.clone()),
                    Some(i) => {
                        let status = site.status(i).status;
                        if blocked(status) && !force {
                            report.refused.push((site.certificates.list[i].number.clone(), status));
                        } else if !chosen.contains(&i) {
                            chosen.push(i);
                        }
                    }
                }
            }
        }
    }
    if report.is_refused() {
        return Ok(report);
    }
    let coder = crate::model::code::Coder::new(&secret);
    let mut batch = String::from("number,code,url,status\n");
    let mut qr_codes = Vec::new();
    let mut sheets = Vec::new();
    for &i in &chosen {
        let cert = &site.certificates.list[i];
        let code: Code = coder.code(&cert.number);
        let url = site.routes.cert_url(code);
        let svg = qr::qr_svg(&url).map_err(|e| anyhow!("{}: QR code: {e}", cert.number))?;
        qr_codes.push((cert.file_stem(), svg));
        crate::render::csvout::push_row(&mut batch, &[&cert.number, code.as_str(), &url, site.status(i).status.code()]);
        sheets.push(pdf::Sheet { cert, at: site.certificates.at(cert), code, url });
    }
    let mut document = None;
    if pdf && !sheets.is_empty() {
        let logo = match &site.config.logo {
            Some(logo) => Some(pdf::LogoImage::load(&site.root, logo).map_err(|problem| anyhow!("{problem}"))?),
            None => None,
        };
        document = Some(pdf::document(&site.config, logo.as_ref(), &sheets)?);
        report.pdf = Some(folder.pdf_path());
    }
    folder.save_batch(&qr_codes, document.as_deref(), batch.as_bytes())?;
    for sheet in &sheets {
        printed.on.insert(sheet.cert.number.clone(), site.build_date);
        report.printed.push(sheet.cert.number.clone());
    }
    state.save_printed(&printed)?;
    Ok(report)
}

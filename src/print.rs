//! `certsite print`: files for the printing office (DESIGN §2, §4). For the certificates asked
//! (those in use, those not printed yet or changed since they were printed, or by number) it
//! writes the QR code of each verification page, `qr/<number>.svg` (`/` in a number becomes
//! `_`), and `batch.csv` listing them (number, code, URL, status, and the code as printed under the QR
//! code, with its check character: `7K2M-9QWX-4RTB-E`), into `print/` at the site
//! root or another folder; and records in `.certsite/printed.csv` that they were printed, when,
//! and a fingerprint of what was printed ([`fingerprint`]), for `--new`. With `--pdf` it also
//! writes `certificates.pdf`, a printable A4 page per certificate ([`pdf`]). It makes the
//! files; the state writes them ([`crate::state::PrintFolder`]).
//!
//! `--all` and `--new` print the certificates in use: valid or not yet valid. A suspended or
//! revoked certificate must not be handed out (agreement §4 A¶10: a suspended or revoked
//! certificate is not to be used): they are left out and named, and asking for one by number
//! is refused unless forced. Expired and superseded certificates are no longer in use: they
//! are left out and named too, and print when asked for by number (a copy of an old
//! certificate is the holder's right).
//!
//! `--new` prints a certificate that was never printed, or whose printed content changed since
//! it last was: the holder's name, the profession, the approved scope, the validity dates, or
//! the address in its QR code ([`Part`]), each in Azerbaijani and English. What every page
//! shares (the issuer, its logo, the signatory) is not part of it: a new signatory does not
//! make the certificates already handed out wrong.

pub mod pdf;

use std::path::{Path, PathBuf};

use anyhow::anyhow;
use rayon::prelude::*;
use sha2::{Digest, Sha256};
use time::Date;

use crate::model::certificate::Certificate;
use crate::model::code::{Code, Coder};
use crate::model::status::Status;
use crate::render::qr;
use crate::site::Site;
use crate::state::printed::{Fingerprint, Record};
use crate::state::State;

/// Which certificates to print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selection {
    /// Every certificate in use (valid or not yet valid).
    All,
    /// Those in use not printed yet, or whose printed content changed since they were printed.
    New,
    /// These numbers (matched without regard to case).
    Numbers(Vec<String>),
}

/// A part of a certificate's printed content: a change to one makes a printed copy out of date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// Surname, given name and patronymic.
    Holder,
    /// The profession and its English.
    Profession,
    /// The approved scope and its English.
    Scope,
    /// The issue and valid-until dates.
    Validity,
    /// The address of the verification page, which the QR code holds and whose code is printed
    /// under it.
    Qr,
}

impl Part {
    /// Every part, in the order of the page.
    pub const ALL: [Part; 5] = [Part::Holder, Part::Profession, Part::Scope, Part::Validity, Part::Qr];

    /// Its name in `.certsite/printed.csv`.
    pub fn key(self) -> &'static str {
        match self {
            Part::Holder => "holder",
            Part::Profession => "profession",
            Part::Scope => "scope",
            Part::Validity => "validity",
            Part::Qr => "qr",
        }
    }

    /// What it is, for people.
    pub fn describe(self) -> String {
        match self {
            Part::Holder => tr!("print-part-holder"),
            Part::Profession => tr!("print-part-profession"),
            Part::Scope => tr!("print-part-scope"),
            Part::Validity => tr!("print-part-validity"),
            Part::Qr => tr!("print-part-qr"),
        }
    }
}

/// Why `--new` prints a certificate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// It was never printed.
    NotPrinted,
    /// These parts of its printed content changed since it was last printed, on `printed_on`.
    Changed {
        /// What changed.
        parts: Vec<Part>,
        /// When it was last printed.
        printed_on: Date,
    },
}

/// What `print` did, or why it would not.
#[derive(Debug, Default)]
pub struct PrintReport {
    /// Numbers printed.
    pub printed: Vec<String>,
    /// With `--new`: why each was printed, in the same order.
    pub reasons: Vec<(String, Reason)>,
    /// Numbers left out of `--all` or `--new`, with their status (not in use).
    pub left_out: Vec<(String, Status)>,
    /// Numbers asked for that are suspended or revoked (refused without `force`).
    pub refused: Vec<(String, Status)>,
    /// Numbers asked for that are not in `data/certificates.csv`.
    pub unknown: Vec<String>,
    /// The folder written.
    pub out: PathBuf,
    /// The PDF written (`--pdf`, and at least one certificate printed).
    pub pdf: Option<PathBuf>,
    /// Certificates that an earlier version of certsite recorded as printed, without a
    /// fingerprint: taken as printed unchanged, their content as it is now is recorded.
    pub fingerprinted: usize,
}

impl PrintReport {
    /// True when the request could not be honoured (nothing was written).
    pub fn is_refused(&self) -> bool {
        !self.refused.is_empty() || !self.unknown.is_empty()
    }
}

/// Whether a certificate of this status is in use, for `--all` and `--new`: valid, or not yet
/// valid (printed ahead of its first day).
pub fn in_use(status: Status) -> bool {
    matches!(status, Status::Valid | Status::NotYetValid)
}

/// The fingerprint of what is printed of `cert`, whose verification page is `url`: a digest of
/// each [`Part`]. The number is not a part: it is what the record is kept under.
pub fn fingerprint(cert: &Certificate, url: &str) -> Fingerprint {
    // Every field named: a field added to the register does not compile until it is set in a
    // part or set aside here.
    let Certificate {
        number: _,
        surname,
        given_name,
        patronymic,
        profession,
        profession_en,
        scope,
        scope_en,
        issued_on,
        valid_until,
        replaces: _, // not printed
        line: _,
    } = cert;
    let list = |items: &[crate::model::certificate::Text]| {
        std::iter::once(Some(items.len().to_string())).chain(items.iter().map(|t| Some(t.to_string()))).collect::<Vec<_>>()
    };
    let mut content = Fingerprint::default();
    for part in Part::ALL {
        let fields: Vec<Option<String>> = match part {
            Part::Holder => vec![Some(surname.to_string()), Some(given_name.to_string()), patronymic.as_deref().map(str::to_owned)],
            Part::Profession => vec![Some(profession.to_string()), profession_en.as_deref().map(str::to_owned)],
            Part::Scope => {
                let mut fields = list(scope);
                match scope_en {
                    Some(en) => fields.extend(list(en)),
                    None => fields.push(None),
                }
                fields
            }
            Part::Validity => vec![Some(crate::model::date::iso(*issued_on)), Some(crate::model::date::iso(*valid_until))],
            Part::Qr => vec![Some(url.to_owned())],
        };
        content.insert(part.key(), digest(&fields));
    }
    content
}

/// The first 64 bits of the SHA-256 of `fields`, each marked present or absent and its length
/// given, so that no two lists of fields give the same bytes.
fn digest(fields: &[Option<String>]) -> u64 {
    let mut h = Sha256::new();
    for field in fields {
        match field {
            Some(text) => {
                h.update([1]);
                h.update((text.len() as u64).to_le_bytes());
                h.update(text.as_bytes());
            }
            None => h.update([0]),
        }
    }
    let hash = h.finalize();
    u64::from_be_bytes(hash[..8].try_into().expect("SHA-256 has 32 bytes"))
}

/// The parts whose digest in `now` differs from `then`'s (a part `then` has no digest of is
/// taken as unchanged).
fn changed(then: &Fingerprint, now: &Fingerprint) -> Vec<Part> {
    Part::ALL.into_iter().filter(|p| then.get(p.key()).is_some_and(|d| Some(d) != now.get(p.key()))).collect()
}

/// Writes the print files of `selection` into `out` (default `print/` at the site root);
/// statuses are those of `site`'s build date. With `force`, suspended and revoked certificates
/// asked by number print too; with `pdf`, `certificates.pdf` is written beside the QR codes.
/// Every file is made in memory first, so an error (a logo that does not decode) writes
/// nothing. The caller holds the site's lock.
pub fn print(site: &Site, out: Option<&Path>, selection: &Selection, force: bool, pdf: bool) -> anyhow::Result<PrintReport> {
    let state = State::new(&site.root);
    let folder = state.print_folder(out);
    let mut report = PrintReport { out: folder.dir().to_owned(), ..PrintReport::default() };
    let secret = state
        .existing_url_secret()?
        .ok_or_else(|| anyhow!("{}", tr!("print-no-secret", path = state.url_secret_path().display().to_string())))?;
    let coder = Coder::new(&secret);
    let address = |cert: &Certificate| -> (Code, String) {
        let code = coder.code(&cert.number);
        (code, site.routes.cert_url(code))
    };
    let mut printed = state.printed()?;
    let blocked = |s: Status| matches!(s, Status::Suspended | Status::Revoked);
    let mut chosen = Vec::new();
    match selection {
        Selection::All | Selection::New => {
            for (i, cert) in site.certificates.list.iter().enumerate() {
                let reason = match (selection, printed.records.get(&cert.number)) {
                    (Selection::New, None) => Some(Reason::NotPrinted),
                    (Selection::New, Some(Record { on, content: Some(then) })) => {
                        let parts = changed(then, &fingerprint(cert, &address(cert).1));
                        if parts.is_empty() {
                            continue;
                        }
                        Some(Reason::Changed { parts, printed_on: *on })
                    }
                    // Printed by an earlier version, which kept no fingerprint: unchanged.
                    (Selection::New, Some(Record { content: None, .. })) => continue,
                    _ => None,
                };
                let status = site.status(i).status;
                if !in_use(status) {
                    report.left_out.push((cert.number.clone(), status));
                    continue;
                }
                chosen.push(i);
                if let Some(reason) = reason {
                    report.reasons.push((cert.number.clone(), reason));
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
    let mut batch = String::from("number,code,url,status,printed_code,paper_qr\n");
    let mut qr_codes = Vec::new();
    let mut sheets = Vec::new();
    let paper = if chosen.is_empty() { None } else { Some(PaperSigner::new(site, &state, &secret)?) };
    // Each certificate's two QR codes, made in parallel (choosing a QR code's mask is most of
    // the cost, the paper QR code's above all), in the order chosen.
    let made = chosen
        .par_iter()
        .map(|&i| {
            let cert = &site.certificates.list[i];
            let (code, url) = address(cert);
            let qr_failed = |e: qr::QrError| anyhow!("{}", tr!("print-qr-failed", number = &cert.number, why = e.to_string()));
            let svg = qr::qr_svg(&url).map_err(qr_failed)?;
            let paper_qr = paper.as_ref().expect("made when a certificate is chosen").qr_text(site, i)?;
            let paper_svg = qr::qr_svg(&paper_qr).map_err(qr_failed)?;
            Ok((i, code, url, svg, paper_qr, paper_svg))
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    for (i, code, url, svg, paper_qr, paper_svg) in made {
        let cert = &site.certificates.list[i];
        qr_codes.push((cert.file_stem(), svg));
        qr_codes.push((format!("{}-paper", cert.file_stem()), paper_svg));
        crate::render::csvout::push_row(
            &mut batch,
            &[&cert.number, code.as_str(), &url, site.status(i).status.code(), &code.grouped(), &paper_qr],
        );
        sheets.push(pdf::Sheet { cert, at: site.certificates.at(cert), code, url, paper_qr });
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
        let content = fingerprint(sheet.cert, &sheet.url);
        printed.records.insert(sheet.cert.number.clone(), Record { on: site.build_date, content: Some(content) });
        report.printed.push(sheet.cert.number.clone());
    }
    // Records of an earlier version have no fingerprint: the content as it is now is taken as
    // what was printed, so that a change from now on is found.
    for cert in &site.certificates.list {
        if let Some(record) = printed.records.get_mut(&cert.number).filter(|r| r.content.is_none()) {
            record.content = Some(fingerprint(cert, &address(cert).1));
            report.fingerprinted += 1;
        }
    }
    state.save_printed(&printed)?;
    Ok(report)
}

/// What signs the paper credentials of a print run (DESIGN §5): the site's signing key
/// (`$CERTSITE_KEY` or `.certsite/signing.key`, as `build` finds it), its paper table and each
/// certificate's status list slot.
pub struct PaperSigner {
    signer: crate::sign::credential::Signer,
    paper: crate::sign::paper::Paper,
    index: crate::model::status_index::StatusIndex,
}

impl PaperSigner {
    /// Reads the key, the key ring and the status index of `site`'s state. The key must be one
    /// the site publishes: a build has run with it.
    pub fn new(site: &Site, state: &State, secret: &[u8]) -> anyhow::Result<PaperSigner> {
        let (path, _) = crate::cmd::key_path(&site.root, None);
        let key = crate::state::keys::read_key(&path)
            .map_err(|e| anyhow!("{}", tr!("print-paper-no-key", path = path.display().to_string(), why = e.to_string())))?;
        let ring = state.keyring()?;
        if !ring.active.contains(&key.verifying_key()) {
            anyhow::bail!("{}", tr!("print-paper-key-not-published", path = path.display().to_string()));
        }
        let signer =
            crate::sign::credential::Signer::new(site.did.did.clone(), site.config.issuer.name.clone(), site.config.base_url.clone(), key);
        Ok(PaperSigner { signer, paper: site.paper(&ring), index: state.status_index(&site.certificates, secret)? })
    }

    /// The paper QR text of the `i`-th certificate, signed on the site's build date.
    pub fn qr_text(&self, site: &Site, i: usize) -> anyhow::Result<String> {
        let cert = &site.certificates.list[i];
        self.paper
            .qr_text(cert, &self.signer, self.index.get(i), site.build_date)
            .map_err(|e| anyhow!("{}", tr!("print-qr-failed", number = &cert.number, why = e.to_string())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_part_of_the_printed_content_has_its_own_digest() {
        let cert = crate::model::certificate::example("T-1", 2);
        let url = "https://cert.example.org/c/ABCD/";
        let before = fingerprint(&cert, url);
        assert_eq!(changed(&before, &fingerprint(&cert, url)), []);
        let edit = |f: &dyn Fn(&mut Certificate)| {
            let mut c = cert.clone();
            f(&mut c);
            changed(&before, &fingerprint(&c, url))
        };
        assert_eq!(edit(&|c| c.given_name = "Şəbnam".into()), [Part::Holder]);
        assert_eq!(edit(&|c| c.patronymic = Some("İlqar qızı".into())), [Part::Holder]);
        assert_eq!(edit(&|c| c.profession_en = Some("Cook".into())), [Part::Profession]);
        assert_eq!(edit(&|c| c.scope = vec!["Uçot".into()].into()), [Part::Scope]);
        assert_eq!(edit(&|c| c.valid_until = time::macros::date!(2030 - 01 - 01)), [Part::Validity]);
        assert_eq!(edit(&|c| c.replaces = Some("T-0".into())), [], "not printed");
        assert_eq!(changed(&before, &fingerprint(&cert, "https://new.example.org/c/ABCD/")), [Part::Qr]);
        // Two fields that run into each other are not the same content.
        let a = edit(&|c| {
            c.surname = "Ab".into();
            c.given_name = "c".into();
        });
        let b = edit(&|c| {
            c.surname = "A".into();
            c.given_name = "bc".into();
        });
        assert_eq!((a, b), (vec![Part::Holder], vec![Part::Holder]));
        let (x, y) = (digest(&[Some("Ab".into()), Some("c".into())]), digest(&[Some("A".into()), Some("bc".into())]));
        assert_ne!(x, y);
        assert_ne!(digest(&[None]), digest(&[Some(String::new())]));
        // A part a record has no digest of (one written before the part existed) is unchanged.
        let mut partial = Fingerprint::default();
        partial.insert("holder", before.get("holder").unwrap());
        assert_eq!(changed(&partial, &fingerprint(&cert, "https://new.example.org/")), []);
    }
}

//! `certsite verify`: checks a built site, or credential files, offline (DESIGN §5). Each
//! session's `results.json` and each notice's `notice.json` must carry an eddsa-jcs-2022 proof
//! by a key of the site's DID document. Every
//! `c/<code>/credential.json` is verified against the site's DID document (eddsa-jcs-2022,
//! the issuer is the DID, the key is listed under `assertionMethod`), its page must exist and
//! show its QR code, the status lists must be signed and large enough and each credential must
//! point into them (its one message entry, or the two one-bit entries of a credential signed
//! before), the lists must agree with each other and, given the site root, with the data; and
//! every file is held against the manifest of the last build. Each failure is named. Nothing is fetched from the
//! network.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde_json::Value;

use crate::config::Lang;
use crate::model::date::parse_date;
use crate::model::status::Status;
use crate::routes::{self, Page, Routes};
use crate::sign::credential::certificate_number;
use crate::sign::did;
use crate::sign::proof::{self, Cryptosuite};
use crate::sign::rdf::Shapes;
use crate::sign::status_list::{message_index, slot_of, Bitstring, Purpose, Standing, MIN_ENTRIES, STATUS_MESSAGES};
use crate::site::Site;

/// One file that failed, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// The file.
    pub path: PathBuf,
    /// What is wrong.
    pub reason: String,
}

/// The result of verifying.
#[derive(Debug, Default)]
pub struct Verification {
    /// Credentials that verified.
    pub passed: usize,
    /// Signed public documents (`results.json`, `notice.json`) that verified.
    pub documents: usize,
    /// Everything that did not.
    pub failures: Vec<Failure>,
    /// The output whose build manifest the files were held against, if there was one.
    pub manifest: Option<PathBuf>,
    /// The last day the status lists are valid (the earliest `validUntil` of those read), when
    /// the whole site was verified.
    pub lists_until: Option<time::Date>,
}

/// Finds the DID document of a built site: `.well-known/did.json` or `did.json`.
pub fn find_did_document(site: &Path) -> Option<PathBuf> {
    [".well-known/did.json", "did.json"].iter().map(|p| site.join(p)).find(|p| p.is_file())
}

pub(crate) fn read_json(path: &Path) -> Result<Value, String> {
    let bytes = std::fs::read(path).map_err(|e| tr!("verify-cannot-read", error = e.to_string()))?;
    serde_json::from_slice(&bytes).map_err(|e| tr!("verify-not-json", error = e.to_string()))
}

/// Verifies one credential (or status list) against a DID document: its issuer is the DID, and
/// it carries a proof of each cryptosuite certsite signs with (eddsa-jcs-2022 and
/// eddsa-rdfc-2022), each by a key the document lists, each verifying.
pub fn verify_credential(credential: &Value, did_document: &Value, shapes: &Shapes) -> Result<(), String> {
    let map = credential.as_object().ok_or_else(|| tr!("verify-not-object"))?;
    let did = did_document["id"].as_str().ok_or_else(|| tr!("verify-did-no-id"))?;
    let issuer = match &map.get("issuer") {
        Some(Value::String(s)) => s.as_str(),
        Some(Value::Object(o)) => o.get("id").and_then(Value::as_str).unwrap_or_default(),
        _ => "",
    };
    if issuer != did {
        return Err(tr!("verify-wrong-issuer", issuer = issuer, did = did));
    }
    check_proofs(map, did, did_document, shapes, &Cryptosuite::ALL)
}

/// Verifies every proof of `map` by a key of the DID document `did` (and only of it), and that
/// there is one of each suite in `required`.
fn check_proofs(
    map: &serde_json::Map<String, Value>,
    did: &str,
    did_document: &Value,
    shapes: &Shapes,
    required: &[Cryptosuite],
) -> Result<(), String> {
    let resolve = |method: &str| if method.split('#').next() == Some(did) { did::resolve(did_document, method) } else { None };
    let verified = proof::verify(map, resolve, shapes).map_err(|e| e.to_string())?;
    match required.iter().find(|suite| !verified.iter().any(|p| p.cryptosuite == **suite)) {
        Some(missing) => Err(tr!("verify-no-proof-of-suite", suite = missing.name())),
        None => Ok(()),
    }
}

/// Verifies a signed public document that is not a credential (`results.json`, `notice.json`,
/// DESIGN §5): an `eddsa-jcs-2022` proof by a key the DID document lists.
pub fn verify_document(document: &Value, did_document: &Value, shapes: &Shapes) -> Result<(), String> {
    let map = document.as_object().ok_or_else(|| tr!("verify-not-object"))?;
    let did = did_document["id"].as_str().ok_or_else(|| tr!("verify-did-no-id"))?;
    check_proofs(map, did, did_document, shapes, &[Cryptosuite::Jcs])
}

/// The signed public documents of a built site: each session's `results.json` and each
/// notice's `notice.json`.
fn signed_documents(site: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for pattern in [Routes::results_json("*"), Routes::notice_json("*")] {
        let (dir, file) = pattern.split_once("/*/").expect("a folder per document");
        if let Ok(entries) = std::fs::read_dir(site.join(dir)) {
            found.extend(entries.flatten().map(|e| e.path().join(file)).filter(|p| p.is_file()));
        }
    }
    found.sort();
    found
}

/// A status list read from a built site.
pub(crate) struct List {
    purpose: Purpose,
    path: PathBuf,
    pub(crate) url: String,
    pub(crate) bits: Bitstring,
    /// The day the list speaks for (its `validFrom`).
    pub(crate) date: Option<time::Date>,
    /// Its last valid day (its `validUntil`).
    until: Option<time::Date>,
}

/// Checks one status list: signature, type, purpose, size (DESIGN §5; Bitstring Status List
/// v1.0: at least 131,072 entries).
pub(crate) fn read_list(site: &Path, purpose: Purpose, did_document: &Value, shapes: &Shapes) -> Result<List, Failure> {
    let path = site.join(Routes::status_list(purpose));
    let fail = |reason: String| Failure { path: path.clone(), reason };
    let list = read_json(&path).map_err(fail)?;
    verify_credential(&list, did_document, shapes).map_err(fail)?;
    if !list["type"].as_array().is_some_and(|t| t.iter().any(|t| t == "BitstringStatusListCredential")) {
        return Err(fail(tr!("verify-not-status-list")));
    }
    let subject = &list["credentialSubject"];
    if subject["statusPurpose"] != purpose.code() {
        return Err(fail(tr!("verify-wrong-purpose", found = subject["statusPurpose"].to_string(), expected = purpose.code())));
    }
    let bits = Bitstring::decode(subject["encodedList"].as_str().unwrap_or_default()).map_err(fail)?;
    let entries = bits.len() / purpose.status_size();
    if entries < MIN_ENTRIES {
        return Err(fail(tr!("verify-too-few-entries", count = entries, min = MIN_ENTRIES)));
    }
    let day = |field: &str| list[field].as_str().and_then(|d| d.get(..10)).and_then(|d| parse_date(d).ok());
    let (date, until) = (day("validFrom"), day("validUntil"));
    Ok(List { purpose, url: list["id"].as_str().unwrap_or_default().to_owned(), path, bits, date, until })
}

/// Verifies every credential of a built site (and that each has its page and QR code) and
/// both status lists, or only `files` when given. With `data_root`, the bits of the status
/// lists are compared with the statuses derived from that site root's data on the lists' date.
pub fn verify(site: &Path, files: &[PathBuf], data_root: Option<&Path>) -> Result<Verification, String> {
    let did_path = find_did_document(site).ok_or_else(|| tr!("verify-no-did-document", path = site.display().to_string()))?;
    let did_document = read_json(&did_path).map_err(|e| format!("{}: {e}", did_path.display()))?;
    let whole_site = files.is_empty();
    let shapes = Shapes::default();
    let mut verification = Verification::default();
    let mut lists = Vec::new();
    if whole_site {
        for purpose in Purpose::ALL {
            match read_list(site, purpose, &did_document, &shapes) {
                Ok(list) => lists.push(list),
                Err(failure) => verification.failures.push(failure),
            }
        }
    }
    let credentials: Vec<PathBuf> = if whole_site {
        let mut list: Vec<PathBuf> = match std::fs::read_dir(site.join(routes::CERTIFICATES)) {
            Ok(entries) => entries.flatten().map(|e| site.join(Routes::credential_file(e.file_name().to_string_lossy()))).collect(),
            Err(_) => Vec::new(),
        };
        list.sort();
        list
    } else {
        files.to_vec()
    };
    // Per credential: its failures, and (number, index) for the status check.
    type Checked = (Vec<Failure>, Option<(String, usize)>);
    let results: Vec<Checked> = credentials
        .par_iter()
        .map(|path| {
            let mut failures = Vec::new();
            let fail = |reason: String| Failure { path: path.clone(), reason };
            let credential = match read_json(path).and_then(|v| verify_credential(&v, &did_document, &shapes).map(|()| v)) {
                Ok(c) => c,
                Err(reason) => return (vec![fail(reason)], None),
            };
            let number = certificate_number(&credential).unwrap_or_default().to_owned();
            let index = match status_slot(&credential["credentialStatus"]) {
                Ok(Some(slot)) => Some(slot),
                Ok(None) => None,
                Err(reason) => {
                    failures.push(fail(reason));
                    None
                }
            };
            if let Some(slot) = index {
                if let Some(reason) = lists.iter().find_map(|list| list.misses(&credential["credentialStatus"], slot)) {
                    failures.push(fail(reason));
                }
            }
            if whole_site {
                let dir = path.parent().unwrap_or(Path::new("."));
                let code = dir.file_name().and_then(|n| n.to_str()).unwrap_or_default();
                let expected_id = format!("/{}", Page::Certificate(code).path());
                if !credential["id"].as_str().is_some_and(|id| id.ends_with(&expected_id)) {
                    failures.push(fail(tr!("verify-id-not-folder", expected = expected_id)));
                }
                // What the lists say of this certificate, to hold each page's status against.
                let bits = index
                    .and_then(|slot| standing(&lists, slot, &mut failures, &fail))
                    .map(|s| (s == Standing::Revoked, s == Standing::Suspended));
                // The page beside it, and its mirror in another language, where there is one.
                let page = |lang_dir: &str| site.join(format!("{lang_dir}{}index.html", Page::Certificate(code).path()));
                let mut pages = vec![page("")];
                pages.extend(Lang::ALL.map(|l| page(&routes::mirror_dir(l))).into_iter().filter(|p| p.is_file()));
                for page in pages {
                    if let Some(reason) = check_page(&page, &number, bits) {
                        failures.push(Failure { path: page, reason });
                    }
                }
            }
            (failures, index.map(|i| (number, i as usize)))
        })
        .collect();
    if whole_site {
        for path in signed_documents(site) {
            match read_json(&path).and_then(|d| verify_document(&d, &did_document, &shapes)) {
                Ok(()) => verification.documents += 1,
                Err(reason) => verification.failures.push(Failure { path, reason }),
            }
        }
    }
    if whole_site {
        verification.failures.extend(check_paper(site, &did_document));
    }
    verification.lists_until = lists.iter().filter_map(|l| l.until).min();
    let mut indexes = Vec::new();
    for (failures, index) in results {
        if failures.is_empty() {
            verification.passed += 1;
        }
        verification.failures.extend(failures);
        indexes.extend(index);
    }
    if let (Some(root), false) = (data_root, lists.is_empty()) {
        compare_with_data(root, &lists, &indexes, &mut verification.failures)?;
    }
    if let (Some(root), true) = (data_root, whole_site) {
        verification.manifest = check_manifest(root, site, &mut verification.failures)?;
    }
    Ok(verification)
}

/// What `verify --qr` reads a paper QR code with: the site's DID document, its paper table and,
/// when the site has one that verifies, its message status list (DESIGN §5).
pub fn paper_reader(site: &Path) -> Result<(Value, crate::sign::paper::Paper, Option<crate::sign::paper::MessageList>), String> {
    let did_path = find_did_document(site).ok_or_else(|| tr!("verify-no-did-document", path = site.display().to_string()))?;
    let did_document = read_json(&did_path).map_err(|e| format!("{}: {e}", did_path.display()))?;
    let table_path = site.join(crate::sign::paper::TYPE_TABLE_FILE);
    let table = read_json(&table_path).map_err(|e| format!("{}: {e}", table_path.display()))?;
    let did = did_document["id"].as_str().unwrap_or_default();
    let paper = crate::sign::paper::Paper::from_published(did, &table)
        .ok_or_else(|| format!("{}: {}", table_path.display(), tr!("verify-paper-table", did = did)))?;
    let list = read_list(site, Purpose::Message, &did_document, &Shapes::default()).ok().map(|l| crate::sign::paper::MessageList {
        url: l.url,
        bits: l.bits,
        date: l.date,
    });
    Ok((did_document, paper, list))
}

/// Checks what the site publishes for paper credentials (DESIGN §4, §5): the paper context and
/// the copy of the VC 2.0 context as certsite writes them, and a type table that is the one the
/// site's DID and the keys of its DID document give (a retired key may be in it too).
fn check_paper(site: &Path, did_document: &Value) -> Vec<Failure> {
    use crate::sign::{contexts, paper};
    let mut failures = Vec::new();
    let mut fail = |rel: &str, reason: String| failures.push(Failure { path: site.join(rel), reason });
    for (rel, expected) in [(paper::CONTEXT_FILE, contexts::PAPER_CONTEXT), (paper::VC_CONTEXT_FILE, contexts::BUNDLED[0].1)] {
        match std::fs::read(site.join(rel)) {
            Ok(bytes) if bytes == expected.as_bytes() => {}
            Ok(_) => fail(rel, tr!("verify-paper-changed")),
            Err(e) => fail(rel, tr!("verify-cannot-read", error = e.to_string())),
        }
    }
    let rel = paper::TYPE_TABLE_FILE;
    let table = match read_json(&site.join(rel)) {
        Ok(t) => t,
        Err(reason) => {
            fail(rel, reason);
            return failures;
        }
    };
    let did = did_document["id"].as_str().unwrap_or_default();
    let keys: Vec<ed25519_dalek::VerifyingKey> = did_document["assertionMethod"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|m| m.as_str().and_then(|m| did::resolve(did_document, m)))
        .collect();
    let base = table["contexts"]
        .as_object()
        .and_then(|c| c.keys().find_map(|k| k.strip_suffix(paper::CONTEXT_FILE)))
        .unwrap_or_default()
        .to_owned();
    let expected = paper::Paper::new(did, &base, &keys);
    let expected = expected.table_json();
    let url = &table["typeTable"]["url"];
    let keys_agree = keys.iter().all(|k| {
        let n = paper::key_number(k);
        match url.get(did::verification_method(did, k)) {
            Some(found) => found.as_u64() == Some(n),
            None => url.as_object().is_some_and(|u| u.values().any(|v| v.as_u64() == Some(n))),
        }
    });
    let same = |field: &str| table["typeTable"][field] == expected["typeTable"][field];
    let fixed_urls = url.get(did).and_then(Value::as_u64) == Some(1)
        && url.get(format!("{base}{}", Routes::status_list(Purpose::Message))).and_then(Value::as_u64) == Some(2);
    if table["registryEntryId"] != expected["registryEntryId"]
        || table["contexts"] != expected["contexts"]
        || !["context", "none", "https://w3id.org/security#cryptosuiteString"].into_iter().all(same)
        || !fixed_urls
        || !keys_agree
    {
        fail(rel, tr!("verify-paper-table", did = did));
    }
    failures
}

/// The status list slot a credential's `credentialStatus` points at: one message entry
/// (statusSize 2) of the message list, or, in a credential signed before it, two one-bit entries
/// (revocation, suspension) at one index. `None` when it has no status at all.
fn status_slot(status: &Value) -> Result<Option<u32>, String> {
    let index = |entry: &Value| entry["statusListIndex"].as_str().and_then(|i| i.parse::<u64>().ok());
    match status {
        Value::Null => Ok(None),
        Value::Object(_) => {
            if status["type"] != "BitstringStatusListEntry" || status["statusPurpose"] != Purpose::Message.code() {
                return Err(tr!("verify-status-not-entry"));
            }
            if status["statusSize"].as_u64() != Some(2) {
                return Err(tr!("verify-status-size", size = status["statusSize"].to_string()));
            }
            let messages = status["statusMessage"]
                .as_array()
                .map(|m| m.iter().map(|m| (m["status"].as_str(), m["message"].as_str())).collect::<Vec<_>>());
            let expected: Vec<_> = STATUS_MESSAGES.iter().map(|&(s, m)| (Some(s), Some(m))).collect();
            if messages.as_ref() != Some(&expected) {
                return Err(tr!("verify-status-messages"));
            }
            index(status)
                .and_then(slot_of)
                .map(Some)
                .ok_or_else(|| tr!("verify-status-index", index = status["statusListIndex"].to_string()))
        }
        Value::Array(entries) => {
            let mut slot = None;
            for purpose in Purpose::EARLIER {
                let entry = entries
                    .iter()
                    .find(|e| e["statusPurpose"] == purpose.code())
                    .ok_or_else(|| tr!("verify-no-status-entry", purpose = purpose.code()))?;
                let i = index(entry)
                    .and_then(|i| u32::try_from(i).ok())
                    .ok_or_else(|| tr!("verify-index-not-number", purpose = purpose.code()))?;
                if slot.is_some_and(|s| s != i) {
                    return Err(tr!("verify-indexes-differ"));
                }
                slot = Some(i);
            }
            Ok(slot)
        }
        _ => Err(tr!("verify-status-not-entry-or-list")),
    }
}

impl List {
    /// Why the credential's `status` does not point into this list (or one it does not use),
    /// at `slot`: `None` when it does.
    fn misses(&self, status: &Value, slot: u32) -> Option<String> {
        let (entry, index) = match (self.purpose, status) {
            (Purpose::Message, Value::Object(_)) => (status, message_index(slot)),
            (Purpose::Revocation | Purpose::Suspension, Value::Array(entries)) => {
                (entries.iter().find(|e| e["statusPurpose"] == self.purpose.code())?, u64::from(slot))
            }
            _ => return None,
        };
        if entry["type"] != "BitstringStatusListEntry" || entry["statusListCredential"] != self.url.as_str() {
            Some(tr!("verify-entry-elsewhere", purpose = self.purpose.code(), url = &self.url))
        } else if index >= (self.bits.len() / self.purpose.status_size()) as u64 {
            Some(tr!("verify-index-outside", purpose = self.purpose.code()))
        } else {
            None
        }
    }
}

/// The standing the lists give the certificate at `slot`, when they agree: the message list's
/// two bits, its one-bit reading, and the two one-bit lists. A disagreement is a failure.
fn standing(lists: &[List], slot: u32, failures: &mut Vec<Failure>, fail: &dyn Fn(String) -> Failure) -> Option<Standing> {
    let bit = |purpose: Purpose| lists.iter().find(|l| l.purpose == purpose).map(|l| l.bits.value(slot.into(), 1) == 1);
    let (revoked, suspended) = (bit(Purpose::Revocation), bit(Purpose::Suspension));
    let Some(list) = lists.iter().find(|l| l.purpose == Purpose::Message) else {
        // A site built before the message list: the one-bit lists alone.
        return Some(if revoked == Some(true) {
            Standing::Revoked
        } else if suspended == Some(true) {
            Standing::Suspended
        } else {
            Standing::Clear
        });
    };
    let j = message_index(slot);
    let Some(standing) = Standing::from_value(list.bits.value(j, 2)) else {
        failures.push(Failure { path: list.path.clone(), reason: tr!("verify-entry-holds-3", entry = j) });
        return None;
    };
    if (standing != Standing::Clear) != (list.bits.value(j, 1) == 1) {
        failures.push(Failure { path: list.path.clone(), reason: tr!("verify-one-bit-disagrees", entry = j) });
        return None;
    }
    if revoked.is_some_and(|r| r != (standing == Standing::Revoked)) || suspended.is_some_and(|s| s != (standing == Standing::Suspended)) {
        failures.push(fail(tr!("verify-lists-disagree", list = Routes::status_list(list.purpose), status = standing.code())));
        return None;
    }
    Some(standing)
}

/// Holds the files of `site` against the manifest of the last build (DESIGN §6): every file it
/// lists must be there with the bytes the build wrote, and no other file may be (a hand edit, a
/// half-copied upload, a file put there by something else). The manifest is the one of `site`
/// itself, else that of `<root>/public` (`site` is then a copy of it). Returns the output
/// whose manifest was used, or `None` when there is none.
fn check_manifest(root: &Path, site: &Path, failures: &mut Vec<Failure>) -> Result<Option<PathBuf>, String> {
    use crate::state::manifest::{file_hash, CertKnown, Known};
    let state = crate::state::State::new(root);
    let mut found = None;
    for out in [site.to_owned(), root.join("public")] {
        let store = state.output(&out);
        if let Some(m) = store.load().map_err(|e| format!("{e:#}"))? {
            found = Some((store.out().to_owned(), m));
            break;
        }
    }
    let Some((out, manifest)) = found else { return Ok(None) };
    let mut expected: Vec<(String, u64)> = manifest
        .files()
        .filter_map(|(rel, known)| match known {
            Known::Hash(h) => Some((rel.to_owned(), h)),
            _ => None,
        })
        .collect();
    let layout = manifest.layout();
    for &code in manifest.codes() {
        if let CertKnown::Known { files, .. } = manifest.cert(code) {
            expected.extend(files.iter().enumerate().map(|(k, &h)| (layout.path(k, code), h)));
        }
    }
    let mismatched: Vec<Failure> = expected
        .par_iter()
        .filter_map(|(rel, hash)| {
            let reason = match std::fs::read(site.join(rel)) {
                Ok(bytes) if file_hash(&bytes) == *hash => return None,
                Ok(_) => tr!("verify-file-differs"),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => tr!("verify-file-missing"),
                Err(e) => tr!("verify-cannot-read", error = e.to_string()),
            };
            Some(Failure { path: site.join(rel), reason })
        })
        .collect();
    failures.extend(mismatched);
    let listed: std::collections::HashSet<&str> = expected.iter().map(|(rel, _)| rel.as_str()).collect();
    for rel in crate::write::walk(site).map_err(|e| format!("{}: {e}", site.display()))? {
        if !listed.contains(rel.as_str()) {
            failures.push(Failure { path: site.join(&rel), reason: tr!("verify-file-stray") });
        }
    }
    Ok(Some(out))
}

/// Checks a verification page: it shows the credential's certificate, and a status that the
/// signed status lists bear out (revoked if the revocation bit is set, suspended if the
/// suspension bit is, neither otherwise).
fn check_page(path: &Path, number: &str, bits: Option<(bool, bool)>) -> Option<String> {
    let page = match std::fs::read_to_string(path) {
        Ok(p) => p,
        Err(e) => return Some(tr!("verify-cannot-read", error = e.to_string())),
    };
    if attribute(&page, "data-number").is_none_or(|n| n != number) {
        return Some(tr!("verify-page-not-certificate", number = number));
    }
    if !page.split_once(" data-qr").is_some_and(|(_, rest)| rest.contains("<svg")) {
        return Some(tr!("verify-page-no-qr"));
    }
    let status = attribute(&page, "data-status").unwrap_or_default();
    let (revoked, suspended) = bits?;
    let expected = if revoked {
        Some("revoked")
    } else if suspended {
        Some("suspended")
    } else {
        None
    };
    match expected {
        Some(e) if status != e => Some(tr!("verify-page-status", found = status, expected = e)),
        None if status == "revoked" || status == "suspended" => Some(tr!("verify-page-status-none", found = status)),
        _ => None,
    }
}

/// Compares each list's bits with the statuses derived from the data on the list's date.
fn compare_with_data(root: &Path, lists: &[List], indexes: &[(String, usize)], failures: &mut Vec<Failure>) -> Result<(), String> {
    for list in lists {
        let Some(date) = list.date else {
            failures.push(Failure { path: list.path.clone(), reason: tr!("verify-valid-from") });
            continue;
        };
        let site =
            Site::load(root, date).map_err(|p| tr!("verify-data-errors", path = root.display().to_string(), errors = p.render(false)))?;
        for (number, index) in indexes {
            let Some(i) = site.certificates.find(number) else {
                failures.push(Failure { path: list.path.clone(), reason: tr!("verify-not-in-data", number = number) });
                continue;
            };
            let status = site.status(i).status;
            let (at, found, expected) = match list.purpose {
                Purpose::Message => {
                    let j = message_index(*index as u32);
                    let wanted = match status {
                        Status::Revoked => Standing::Revoked,
                        Status::Suspended => Standing::Suspended,
                        _ => Standing::Clear,
                    };
                    (j, list.bits.value(j, 2), wanted as u8)
                }
                Purpose::Revocation => (*index as u64, list.bits.value(*index as u64, 1), u8::from(status == Status::Revoked)),
                Purpose::Suspension => (*index as u64, list.bits.value(*index as u64, 1), u8::from(status == Status::Suspended)),
            };
            if found != expected {
                failures.push(Failure {
                    path: list.path.clone(),
                    reason: tr!(
                        "verify-bits-differ",
                        entry = at,
                        number = number,
                        found = found.to_string(),
                        status = status.code(),
                        date = crate::model::date::iso(date)
                    ),
                });
            }
        }
    }
    Ok(())
}

/// The unescaped value of the first `name="…"` attribute in `html`.
fn attribute(html: &str, name: &str) -> Option<String> {
    let start = html.find(&format!("{name}=\""))? + name.len() + 2;
    let raw = &html[start..start + html[start..].find('"')?];
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let end = rest[amp..].find(';')? + amp;
        let entity = &rest[amp + 1..end];
        let c = match entity {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            e if e.starts_with("#x") || e.starts_with("#X") => char::from_u32(u32::from_str_radix(&e[2..], 16).ok()?)?,
            e if e.starts_with('#') => char::from_u32(e[1..].parse().ok()?)?,
            _ => return None,
        };
        out.push(c);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attribute_unescapes() {
        let html = r#"<article data-number="PSM&#x2F;2023&#x2F;01 &amp; &lt;x&gt;" data-x="y">"#;
        assert_eq!(attribute(html, "data-number").as_deref(), Some("PSM/2023/01 & <x>"));
        assert_eq!(attribute(html, "data-none"), None);
    }
}

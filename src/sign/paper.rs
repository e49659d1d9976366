//! The paper credential (DESIGN §5): the second QR code of a printed certificate. A minimal
//! W3C VC 2.0 credential of the certificate (holder, profession, number, validity, the same
//! status entry index as its page's credential), signed with `eddsa-jcs-2022`, compressed with
//! CBOR-LD 1.0 ([`cborld`]) and written `VC1-R` + base45 ([`base45`]), all QR alphanumeric.
//!
//! The site publishes what a verifier with no network needs beside the DID document and the
//! status lists: the paper context (`paper/v1.jsonld`), the issuer's CBOR-LD type table
//! (`paper/type-table.json`) and a copy of the VC 2.0 context (`paper/credentials-v2.jsonld`).
//!
//! Reading a paper QR code gives a [`Reading`]: its verdict, in this order: `unreadable`,
//! `unknown-key`, `not-authentic`, then the status of an authentic one.

use ed25519_dalek::VerifyingKey;
use serde_json::{json, Map, Value};
use sha2::{Digest, Sha256};
use time::Date;

use crate::model::certificate::Certificate;
use crate::model::date::parse_date;
use crate::sign::cborld::{self, TypeTable};
use crate::sign::contexts::{self, VC_CONTEXT};
use crate::sign::credential::{day_end, day_start, proof_date, Signer};
use crate::sign::status_list::{message_index, Bitstring, Purpose, Standing, STATUS_MESSAGES};
use crate::sign::{base45, did, proof};

/// The paper context, below the output.
pub const CONTEXT_FILE: &str = contexts::PAPER_CONTEXT_PATH;
/// The issuer's CBOR-LD type table, below the output.
pub const TYPE_TABLE_FILE: &str = "paper/type-table.json";
/// The copy of the VC 2.0 context, below the output.
pub const VC_CONTEXT_FILE: &str = "paper/credentials-v2.jsonld";

const CRYPTOSUITES: [&str; 5] = ["ecdsa-rdfc-2019", "ecdsa-sd-2023", "eddsa-rdfc-2022", "ecdsa-xi-2023", "eddsa-jcs-2022"];
const CRYPTOSUITE_TYPE: &str = "https://w3id.org/security#cryptosuiteString";

/// The CBOR-LD registry entry id of the issuer `did`: 65,536 + the first three bytes of
/// SHA-256 of the DID, big-endian.
pub fn registry_entry_id(did: &str) -> u64 {
    let h = Sha256::digest(did.as_bytes());
    65_536 + (u64::from(h[0]) << 16 | u64::from(h[1]) << 8 | u64::from(h[2]))
}

/// The `url` table's number of a key: 256 + (the first two bytes of SHA-256 of its 32 bytes,
/// big-endian) % 65,000.
pub fn key_number(key: &VerifyingKey) -> u64 {
    let h = Sha256::digest(key.as_bytes());
    256 + u64::from(u16::from_be_bytes([h[0], h[1]])) % 65_000
}

/// The paper credentials of one site: its DID, its base URL and its type table.
#[derive(Debug, Clone)]
pub struct Paper {
    did: String,
    context_url: String,
    status_url: String,
    table: TypeTable,
    table_json: Value,
    /// The documents of the two contexts, read once.
    documents: std::sync::Arc<[Value; 2]>,
}

/// The documents of the VC 2.0 context and of the paper context.
fn documents() -> std::sync::Arc<[Value; 2]> {
    let read = |text: &str| serde_json::from_str(text).expect("the bundled contexts are JSON");
    std::sync::Arc::new([read(contexts::BUNDLED[0].1), read(contexts::PAPER_CONTEXT)])
}

impl Paper {
    /// The paper credentials of the site `did` whose base URL is `base` (ending with `/`),
    /// with its keys in `keys.txt` order, active before retired.
    pub fn new(did: &str, base: &str, keys: &[VerifyingKey]) -> Paper {
        let context_url = format!("{base}{CONTEXT_FILE}");
        let status_url = format!("{base}{}", crate::routes::Routes::status_list(Purpose::Message));
        let mut url = vec![(did.to_owned(), 1), (status_url.clone(), 2)];
        for key in keys {
            let (method, n) = (did::verification_method(did, key), key_number(key));
            if !url.iter().any(|(m, k)| *m == method || *k == n) {
                url.push((method, n));
            }
        }
        let mut none = vec![("message".to_owned(), 1)];
        none.extend(STATUS_MESSAGES.iter().enumerate().map(|(i, (s, _))| (s.to_string(), 2 + i as u64)));
        none.extend(STATUS_MESSAGES.iter().enumerate().map(|(i, (_, m))| (m.to_string(), 6 + i as u64)));
        let subtables = vec![
            ("context".to_owned(), vec![(VC_CONTEXT.to_owned(), 1), (context_url.clone(), 2)]),
            ("url".to_owned(), url),
            ("none".to_owned(), none),
            (CRYPTOSUITE_TYPE.to_owned(), CRYPTOSUITES.iter().enumerate().map(|(i, c)| (c.to_string(), 1 + i as u64)).collect()),
        ];
        let id = registry_entry_id(did);
        let table = TypeTable::new(id, &subtables).expect("the paper table is an application table of allowed types");
        let object = |entries: &Vec<(String, u64)>| Value::Object(entries.iter().map(|(k, v)| (k.clone(), json!(v))).collect());
        let table_json = json!({
            "registryEntryId": id,
            "typeTable": Value::Object(subtables.iter().map(|(k, e)| (k.clone(), object(e))).collect()),
            "contexts": { VC_CONTEXT: format!("{base}{VC_CONTEXT_FILE}"), context_url.clone(): context_url.clone() },
        });
        Paper { did: did.to_owned(), context_url, status_url, table, table_json, documents: documents() }
    }

    /// The paper credentials of the site `did` as its published type table (`table`, the
    /// content of `paper/type-table.json`) describes them; `None` when it is not such a table.
    pub fn from_published(did: &str, table: &Value) -> Option<Paper> {
        let id = table["registryEntryId"].as_u64()?;
        let mut subtables = Vec::new();
        for (kind, entries) in table["typeTable"].as_object()? {
            let entries: Option<Vec<(String, u64)>> = entries.as_object()?.iter().map(|(k, v)| Some((k.clone(), v.as_u64()?))).collect();
            subtables.push((kind.clone(), entries?));
        }
        let context_url = table["typeTable"]["context"].as_object()?.iter().find(|(_, n)| **n == 2)?.0.clone();
        let base = context_url.strip_suffix(CONTEXT_FILE)?;
        let status_url = format!("{base}{}", crate::routes::Routes::status_list(Purpose::Message));
        let table_json = table.clone();
        let table = TypeTable::new(id, &subtables).ok()?;
        Some(Paper { did: did.to_owned(), context_url, status_url, table, table_json, documents: documents() })
    }

    /// The published type table (`paper/type-table.json`).
    pub fn table_json(&self) -> &Value {
        &self.table_json
    }

    /// The paper context's URL.
    pub fn context_url(&self) -> &str {
        &self.context_url
    }

    /// The three files the site publishes for paper credentials: (path below the output,
    /// bytes).
    pub fn files(&self) -> [(&'static str, Vec<u8>); 3] {
        [
            (CONTEXT_FILE, contexts::PAPER_CONTEXT.as_bytes().to_vec()),
            (TYPE_TABLE_FILE, crate::site::json_bytes(&self.table_json)),
            (VC_CONTEXT_FILE, contexts::BUNDLED[0].1.as_bytes().to_vec()),
        ]
    }

    fn load(&self, url: &str) -> Option<Value> {
        if url == VC_CONTEXT {
            Some(self.documents[0].clone())
        } else if url == self.context_url {
            Some(self.documents[1].clone())
        } else {
            None
        }
    }

    /// The unsigned paper credential of `cert`, whose status is at slot `slot` of the message
    /// list (the same entry as its page's credential).
    pub fn credential(&self, cert: &Certificate, slot: u32) -> Map<String, Value> {
        let credential = json!({
            "@context": [VC_CONTEXT, self.context_url],
            "type": ["VerifiableCredential"],
            "issuer": self.did,
            "validFrom": day_start(cert.issued_on),
            "validUntil": day_end(cert.valid_until),
            "credentialSubject": {
                "name": cert.holder_name(),
                "profession": &*cert.profession,
                "certificateNumber": cert.number,
            },
            "credentialStatus": {
                "type": "BitstringStatusListEntry",
                "statusPurpose": Purpose::Message.code(),
                "statusListIndex": message_index(slot).to_string(),
                "statusListCredential": self.status_url,
                "statusSize": Purpose::Message.status_size(),
                "statusMessage": STATUS_MESSAGES.iter().map(|(status, message)| json!({ "status": status, "message": message })).collect::<Vec<_>>(),
            },
        });
        match credential {
            Value::Object(map) => map,
            _ => unreachable!("json! of an object literal is an object"),
        }
    }

    /// The signed paper credential of `cert`: one eddsa-jcs-2022 proof dated as its page's
    /// credential's ([`proof_date`] on `build_date`), made as the certificate's own (the proof
    /// carries the document's `@context`, as the cryptosuite's "Create Proof" says, so that
    /// verifiers that hash the proof as published and those that add the document's `@context`
    /// read the same bytes).
    pub fn sign(&self, cert: &Certificate, signer: &Signer, slot: u32, build_date: Date) -> Map<String, Value> {
        signer.sign_jcs(self.credential(cert, slot), &day_start(proof_date(cert, build_date)))
    }

    /// The QR text of a signed paper credential.
    pub fn encode(&self, signed: &Map<String, Value>) -> Result<String, cborld::Error> {
        let bytes = cborld::encode(&Value::Object(signed.clone()), &self.table, &|u| self.load(u))?;
        Ok(base45::qr_text(&bytes))
    }

    /// The QR text of `cert`'s paper credential.
    pub fn qr_text(&self, cert: &Certificate, signer: &Signer, slot: u32, build_date: Date) -> Result<String, cborld::Error> {
        self.encode(&self.sign(cert, signer, slot, build_date))
    }

    /// The credential a QR text holds, or why it cannot be read.
    pub fn decode(&self, text: &str) -> Result<Map<String, Value>, String> {
        let text = text.trim();
        if !text.starts_with(base45::QR_PREFIX) {
            return Err("not VC1-R…".into());
        }
        let bytes = base45::from_qr_text(text).ok_or("not base45")?;
        match cborld::decode(&bytes, &self.table, &|u| self.load(u)).map_err(|e| e.to_string())? {
            Value::Object(map) => Ok(map),
            _ => Err("not a JSON-LD object".into()),
        }
    }

    /// Reads a paper QR text: decodes it, checks its proof against `did_document` (the site's)
    /// and its status against the message list (`list`, if there is a copy) on `today`.
    pub fn read(&self, text: &str, did_document: &Value, list: Option<&MessageList>, today: Date) -> Reading {
        let credential = match self.decode(text).and_then(|c| Fields::of(&c).map(|f| (c, f))) {
            Ok(c) => c,
            Err(why) => return Reading { verdict: Verdict::Unreadable, why: Some(why), fields: None, as_of: None, checked: false },
        };
        let (credential, fields) = credential;
        let reading =
            |verdict: Verdict, as_of: Option<Date>| Reading { verdict, why: None, fields: Some(fields.clone()), as_of, checked: false };
        let did = did_document["id"].as_str().unwrap_or_default();
        // `get`, not indexing: a map indexed by a key it lacks panics, and a code may lack any.
        let method = credential.get("proof").and_then(|p| p["verificationMethod"].as_str()).unwrap_or_default().to_owned();
        let listed = method.split('#').next() == Some(did) && did::resolve(did_document, &method).is_some();
        if credential.get("issuer").and_then(Value::as_str) != Some(did) || !listed {
            return reading(Verdict::UnknownKey, None);
        }
        let resolve = |m: &str| if m == method { did::resolve(did_document, m) } else { None };
        let verified = proof::verify(&credential, resolve, &Default::default());
        if !matches!(verified, Ok(p) if p.len() == 1 && p[0].cryptosuite == proof::Cryptosuite::Jcs) {
            return reading(Verdict::NotAuthentic, None);
        }
        let standing = list.filter(|l| l.url == self.status_url).and_then(|l| l.standing(fields.index));
        let verdict = match standing {
            Some(Standing::Revoked) => Verdict::Revoked,
            Some(Standing::Suspended) => Verdict::Suspended,
            _ if today > fields.valid_until => Verdict::Expired,
            _ if today < fields.valid_from => Verdict::NotYetValid,
            _ => Verdict::Valid,
        };
        let mut read = reading(verdict, standing.and(list).and_then(|l| l.date));
        read.checked = standing.is_some();
        read
    }
}

/// The message status list as a verifier has it: its URL (`id`), bits and date (`validFrom`).
#[derive(Debug, Clone)]
pub struct MessageList {
    /// Its `id`.
    pub url: String,
    /// Its bits.
    pub bits: Bitstring,
    /// The day it speaks for.
    pub date: Option<Date>,
}

impl MessageList {
    /// The standing at message index `index` (`None` beyond the list, or `0x3`).
    pub fn standing(&self, index: u64) -> Option<Standing> {
        let size = Purpose::Message.status_size();
        if index >= (self.bits.len() / size) as u64 {
            return None;
        }
        Standing::from_value(self.bits.value(index, size))
    }
}

/// What a paper QR code says, as its reader shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Not `VC1-R…`, bad base45, not CBOR-LD 1.0 of this site's table, or not decodable.
    Unreadable,
    /// Signed by a key the site's DID document does not list for assertions, or issued by
    /// another.
    UnknownKey,
    /// The signature does not verify.
    NotAuthentic,
    /// Authentic; revoked by the status list.
    Revoked,
    /// Authentic; suspended by the status list.
    Suspended,
    /// Authentic; past its last valid day.
    Expired,
    /// Authentic; before its first valid day.
    NotYetValid,
    /// Authentic, within its dates, and not revoked or suspended (as far as the status list,
    /// if any, tells: see [`Reading::checked`]).
    Valid,
}

impl Verdict {
    /// The word for it (the same on `/scan/`).
    pub fn code(self) -> &'static str {
        match self {
            Verdict::Unreadable => "unreadable",
            Verdict::UnknownKey => "unknown-key",
            Verdict::NotAuthentic => "not-authentic",
            Verdict::Revoked => "revoked",
            Verdict::Suspended => "suspended",
            Verdict::Expired => "expired",
            Verdict::NotYetValid => "not-yet-valid",
            Verdict::Valid => "valid",
        }
    }

    /// Whether the credential is authentic (whatever its status).
    pub fn authentic(self) -> bool {
        !matches!(self, Verdict::Unreadable | Verdict::UnknownKey | Verdict::NotAuthentic)
    }
}

/// The certificate a paper credential describes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fields {
    /// The holder's full name.
    pub holder: String,
    /// The profession (Azerbaijani).
    pub profession: String,
    /// The certificate number.
    pub number: String,
    /// First valid day.
    pub valid_from: Date,
    /// Last valid day.
    pub valid_until: Date,
    /// Its message list index.
    pub index: u64,
}

impl Fields {
    fn of(c: &Map<String, Value>) -> Result<Fields, String> {
        let text = |v: &Value, name: &str| v.as_str().map(str::to_owned).ok_or_else(|| format!("no {name}"));
        let day = |v: &Value, name: &str| {
            v.as_str().and_then(|d| d.get(..10)).and_then(|d| parse_date(d).ok()).ok_or_else(|| format!("no {name}"))
        };
        let subject = &c["credentialSubject"];
        let status = &c["credentialStatus"];
        if status["statusPurpose"] != Purpose::Message.code() || status["statusSize"] != 2 {
            return Err("no message status entry".into());
        }
        Ok(Fields {
            holder: text(&subject["name"], "name")?,
            profession: text(&subject["profession"], "profession")?,
            number: text(&subject["certificateNumber"], "certificateNumber")?,
            valid_from: day(&c["validFrom"], "validFrom")?,
            valid_until: day(&c["validUntil"], "validUntil")?,
            index: status["statusListIndex"].as_str().and_then(|i| i.parse().ok()).ok_or("no statusListIndex")?,
        })
    }
}

/// A paper QR code read: its verdict, why it was unreadable, the certificate it describes
/// (when readable) and the date of the status list its status comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    /// The verdict.
    pub verdict: Verdict,
    /// Why it was unreadable.
    pub why: Option<String>,
    /// What it says, when readable.
    pub fields: Option<Fields>,
    /// The status list's date, when the status comes from one.
    pub as_of: Option<Date>,
    /// Whether a status list was read for it: without one, revocation and suspension are not
    /// checked ("not checked", beside the verdict).
    pub checked: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use ed25519_dalek::SigningKey;

    const BASE: &str = "https://sertifikat.example.az/";
    const DID: &str = "did:web:sertifikat.example.az";

    fn vector(n: usize) -> Value {
        let text = [
            include_str!("../../tests/vectors/cborld/paper-1.json"),
            include_str!("../../tests/vectors/cborld/paper-2.json"),
            include_str!("../../tests/vectors/cborld/paper-3.json"),
        ][n];
        serde_json::from_str(text).unwrap()
    }

    fn key(seed: u8) -> SigningKey {
        SigningKey::from_bytes(&[seed; 32])
    }

    #[test]
    fn the_table_and_the_vectors_agree() {
        let paper = Paper::new(DID, BASE, &[key(7).verifying_key()]);
        let v = vector(0);
        assert_eq!(paper.table_json()["typeTable"], v["typeTable"]);
        assert_eq!(paper.table_json()["registryEntryId"], v["registryEntryId"]);
        let signed = v["credential"].as_object().unwrap().clone();
        assert_eq!(paper.encode(&signed).unwrap(), v["qrText"].as_str().unwrap());
        assert_eq!(paper.decode(v["qrText"].as_str().unwrap()).unwrap(), signed);
        assert_eq!(
            paper.table_json()["contexts"],
            json!({ VC_CONTEXT: format!("{BASE}paper/credentials-v2.jsonld"), format!("{BASE}paper/v1.jsonld"): format!("{BASE}paper/v1.jsonld") })
        );
    }

    #[test]
    fn a_certificate_signs_as_the_reference_does() {
        let v = vector(0);
        let mut cert = crate::model::certificate::example("PSM/2023/0118", 1);
        cert.surname = "Əliyev".into();
        cert.given_name = "Tural".into();
        cert.patronymic = Some("Elçin oğlu".into());
        cert.profession = "Elektrik montajçısı".into();
        cert.issued_on = time::macros::date!(2023 - 04 - 05);
        cert.valid_until = time::macros::date!(2026 - 04 - 04);
        assert_eq!(cert.holder_name(), v["credential"]["credentialSubject"]["name"]);
        let signer = Signer::new(DID.into(), "X".into(), BASE.into(), key(7));
        let paper = Paper::new(DID, BASE, &[signer.verifying_key()]);
        let slot = crate::sign::status_list::slot_of(1_234_567).unwrap();
        let signed = paper.sign(&cert, &signer, slot, time::macros::date!(2024 - 01 - 01));
        // Byte for byte the reference's, signature included (Ed25519 is deterministic): the
        // proof carries the document's @context, as Node signed it.
        assert_eq!(Value::Object(signed.clone()), v["credential"]);
        let keys: Vec<&String> = signed["proof"].as_object().unwrap().keys().collect();
        assert_eq!(keys, ["type", "cryptosuite", "created", "verificationMethod", "proofPurpose", "@context", "proofValue"]);
        assert_eq!(paper.encode(&signed).unwrap(), v["qrText"].as_str().unwrap());
        let k = signer.verifying_key();
        assert!(proof::verify(&signed, |_| Some(k), &Default::default()).is_ok());
        let doc = Value::Object(did::document(DID, &[k]));
        let today = time::macros::date!(2025 - 01 - 01);
        for text in [paper.encode(&signed).unwrap(), v["qrText"].as_str().unwrap().to_owned()] {
            let r = paper.read(&text, &doc, None, today);
            assert_eq!((r.verdict, r.checked), (Verdict::Valid, false));
        }
    }

    #[test]
    fn verdicts() {
        let v = vector(0);
        let text = v["qrText"].as_str().unwrap();
        let k = key(7).verifying_key();
        let paper = Paper::new(DID, BASE, &[k]);
        let doc = Value::Object(did::document(DID, &[k]));
        let today = time::macros::date!(2025 - 01 - 01);
        let read = |t: &str, d: &Value, l: Option<&MessageList>, day| paper.read(t, d, l, day).verdict;
        assert_eq!(read(text, &doc, None, today), Verdict::Valid);
        assert!(!paper.read(text, &doc, None, today).checked);
        assert_eq!(read(text, &doc, None, time::macros::date!(2026 - 04 - 05)), Verdict::Expired);
        assert_eq!(read(text, &doc, None, time::macros::date!(2023 - 04 - 04)), Verdict::NotYetValid);
        let mut bits = Bitstring::new(2 * 2_000_000);
        let mut list = MessageList { url: format!("{BASE}status/status.json"), bits: bits.clone(), date: Some(today) };
        assert_eq!(read(text, &doc, Some(&list), today), Verdict::Valid);
        assert!(paper.read(text, &doc, Some(&list), today).checked);
        bits.set_standing(1_234_567, Standing::Revoked);
        list.bits = bits;
        let r = paper.read(text, &doc, Some(&list), today);
        assert_eq!((r.verdict, r.as_of), (Verdict::Revoked, Some(today)));
        assert_eq!(r.fields.unwrap().number, "PSM/2023/0118");
        // Another key's DID document; another issuer's.
        let other = Value::Object(did::document(DID, &[key(8).verifying_key()]));
        assert_eq!(read(text, &other, None, today), Verdict::UnknownKey);
        let elsewhere = Value::Object(did::document("did:web:other.example", &[k]));
        assert_eq!(read(text, &elsewhere, None, today), Verdict::UnknownKey);
        assert_eq!(read("VC1-Q", &doc, None, today), Verdict::Unreadable);
        assert_eq!(read(&text[..text.len() - 3], &doc, None, today), Verdict::Unreadable);
        assert_eq!(read("https://sertifikat.example.az/c/X/", &doc, None, today), Verdict::Unreadable);
    }

    #[test]
    fn a_changed_letter_is_not_authentic() {
        let v = vector(0);
        let k = key(7).verifying_key();
        let paper = Paper::new(DID, BASE, &[k]);
        let doc = Value::Object(did::document(DID, &[k]));
        let mut signed = v["credential"].as_object().unwrap().clone();
        signed["credentialSubject"]["name"] = "Əliyev Tural Elçin oğlv".into();
        let text = paper.encode(&signed).unwrap();
        assert_eq!(paper.read(&text, &doc, None, time::macros::date!(2025 - 01 - 01)).verdict, Verdict::NotAuthentic);
    }

    /// The CPU cost of a certificate's paper QR code (sign, CBOR-LD, base45, QR symbol), by
    /// hand in an optimised build: `cargo test --release --lib paper_qr_cost -- --ignored
    /// --nocapture`.
    #[test]
    #[ignore = "a timing, run by hand in a release build"]
    fn paper_qr_cost() {
        let signer = Signer::new(DID.into(), "X".into(), BASE.into(), key(7));
        let paper = Paper::new(DID, BASE, &[signer.verifying_key()]);
        let cert = crate::model::certificate::example("PSM/2023/0118", 1);
        let day = time::macros::date!(2026 - 11 - 23);
        let n = 2000u32;
        let timed = |f: &dyn Fn(u32)| {
            let start = std::time::Instant::now();
            (0..n).for_each(f);
            start.elapsed().as_secs_f64() * 1e6 / f64::from(n)
        };
        let signed = paper.sign(&cert, &signer, 5, day);
        let text = paper.encode(&signed).unwrap();
        let sign = timed(&|slot| drop(std::hint::black_box(paper.sign(&cert, &signer, slot, day))));
        let encode = timed(&|_| drop(std::hint::black_box(paper.encode(&signed).unwrap())));
        let qr = timed(&|_| drop(std::hint::black_box(crate::render::qr::qr_svg(&text).unwrap())));
        println!(
            "µs a certificate: sign {sign:.0}, CBOR-LD + base45 {encode:.0}, QR symbol (SVG) {qr:.0}, total {:.0}",
            sign + encode + qr
        );
    }

    #[test]
    fn keys_whose_numbers_collide_leave_the_later_out() {
        let keys: Vec<VerifyingKey> = (1..=255).map(|s| key(s).verifying_key()).collect();
        let paper = Paper::new(DID, BASE, &keys);
        let url = paper.table_json()["typeTable"]["url"].as_object().unwrap();
        let numbers: std::collections::HashSet<u64> = url.values().map(|n| n.as_u64().unwrap()).collect();
        assert_eq!(numbers.len(), url.len());
        assert_eq!(url[&did::verification_method(DID, &keys[0])], key_number(&keys[0]));
    }
}

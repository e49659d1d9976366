//! Stage "sign", credentials: a certificate as a W3C Verifiable Credential 2.0 secured with a
//! `DataIntegrityProof` (eddsa-jcs-2022) by the issuer's did:web key (DESIGN §5).
//!
//! Only public fields are put in (DESIGN §3). Once a certificate is valid its credential no
//! longer depends on the build date: the proof's `created` is the first valid day and Ed25519
//! signatures are deterministic, so rebuilding on another day gives the same bytes and
//! rewrites nothing.
//! Status (suspended, revoked) is not in the credential: it changes after issue, so the
//! credential points into the two signed status lists instead (`credentialStatus`).

use ed25519_dalek::SigningKey;
use serde_json::{json, Map, Value};

use crate::model::certificate::Certificate;
use crate::model::date;
use crate::sign::proof::{self, ProofOptions};
use crate::sign::status_list;

/// The W3C VC 2.0 base context.
pub const VC_CONTEXT: &str = "https://www.w3.org/ns/credentials/v2";

/// The W3C context for issuer-dependent terms. VC 2.0 requires it last in `@context` when the
/// contexts do not define every term used: the certificate's own terms (`certificate`,
/// `profession`, `scope`, …) are defined nowhere else, and JSON-LD processors in safe mode
/// (e.g. Digital Bazaar's, tests/interop/) reject the credential without it.
pub const UNDEFINED_TERMS_CONTEXT: &str = "https://www.w3.org/ns/credentials/undefined-terms/v2";

/// Signs documents for one issuer.
pub struct Signer {
    /// The issuer's DID.
    pub did: String,
    /// `did#key-…` of the signing key.
    pub verification_method: String,
    /// The issuer's display name.
    pub issuer_name: String,
    key: SigningKey,
}

impl Signer {
    /// A signer for `did` with `key`.
    pub fn new(did: String, issuer_name: String, key: SigningKey) -> Signer {
        let verification_method = crate::sign::did::verification_method(&did, &key.verifying_key());
        Signer { did, verification_method, issuer_name, key }
    }

    /// Adds a `proof` to `document`, dated `created` (an XML Schema dateTime).
    pub fn sign(&self, mut document: Map<String, Value>, created: &str) -> Map<String, Value> {
        let options = ProofOptions { verification_method: &self.verification_method, created, proof_purpose: "assertionMethod" };
        let proof = proof::sign(&document, &self.key, &options);
        document.insert("proof".to_owned(), Value::Object(proof));
        document
    }

    /// The public key.
    pub fn verifying_key(&self) -> ed25519_dalek::VerifyingKey {
        self.key.verifying_key()
    }
}

/// Start of a day, UTC.
pub fn day_start(d: time::Date) -> String {
    format!("{}T00:00:00Z", date::iso(d))
}

/// End of a day, UTC (valid_until is inclusive: valid through the whole day, DESIGN §3).
pub fn day_end(d: time::Date) -> String {
    format!("{}T23:59:59Z", date::iso(d))
}

/// The unsigned credential of a certificate published at `page_url`, whose status is at
/// `status_index` of the site's two status lists (`base_url` is the site's).
pub fn certificate_credential(
    cert: &Certificate,
    page_url: &str,
    signer: &Signer,
    base_url: &str,
    status_index: u32,
) -> Map<String, Value> {
    let mut certificate = Map::new();
    certificate.insert("number".into(), cert.number.clone().into());
    certificate.insert("profession".into(), (*cert.profession).into());
    if let Some(en) = &cert.profession_en {
        certificate.insert("professionEn".into(), (**en).into());
    }
    certificate.insert("scope".into(), cert.scope.iter().map(|f| Value::from(&**f)).collect());
    if let Some(old) = &cert.replaces {
        certificate.insert("replaces".into(), old.clone().into());
    }
    let mut subject = Map::new();
    subject.insert("name".into(), cert.holder_name().into());
    subject.insert("familyName".into(), (*cert.surname).into());
    subject.insert("givenName".into(), (*cert.given_name).into());
    if let Some(p) = &cert.patronymic {
        subject.insert("patronymic".into(), (**p).into());
    }
    subject.insert("certificate".into(), Value::Object(certificate));
    let credential = json!({
        "@context": [VC_CONTEXT, UNDEFINED_TERMS_CONTEXT],
        "id": page_url,
        "type": ["VerifiableCredential", "ProfessionalCompetenceCertificate"],
        "name": "Peşə səriştəlilik sertifikatı",
        "issuer": { "id": signer.did, "name": signer.issuer_name },
        "validFrom": day_start(cert.issued_on),
        "validUntil": day_end(cert.valid_until),
        "credentialSubject": subject,
        "credentialStatus": status_list::entries(base_url, status_index),
    });
    match credential {
        Value::Object(map) => map,
        _ => unreachable!("json! of an object literal is an object"),
    }
}

/// The proof date of a certificate's credential: its first valid day, or the build date for
/// a certificate not yet valid (a proof is never dated in the future). It stays the same from
/// one build to the next once the certificate is valid.
pub fn proof_created(cert: &Certificate, build_date: time::Date) -> String {
    day_start(cert.issued_on.min(build_date))
}

/// Signs an unsigned credential and returns the bytes of `credential.json`.
pub fn credential_json(credential: Map<String, Value>, signer: &Signer, created: &str) -> Vec<u8> {
    let signed = signer.sign(credential, created);
    let mut bytes = serde_json::to_vec_pretty(&Value::Object(signed)).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

/// The signed credential of a certificate, as the bytes of `credential.json`.
pub fn signed_certificate_json(
    cert: &Certificate,
    page_url: &str,
    signer: &Signer,
    base_url: &str,
    status_index: u32,
    build_date: time::Date,
) -> Vec<u8> {
    let credential = certificate_credential(cert, page_url, signer, base_url, status_index);
    credential_json(credential, signer, &proof_created(cert, build_date))
}

//! Stage "sign", credentials: a certificate as a W3C Verifiable Credential 2.0 and a 1EdTech
//! Open Badges 3.0 `OpenBadgeCredential`, secured with a proof set of two `DataIntegrityProof`s
//! by the issuer's did:web key, `eddsa-jcs-2022` and `eddsa-rdfc-2022` (DESIGN §5): verifiers
//! of either kind (Digital Bazaar's, the Digital Credentials Consortium's, wallets) check it.
//!
//! Where the certificate goes in Open Badges 3.0: the issuer is a `Profile` (the DID, the
//! body's name, its site); `credentialSubject` is an `AchievementSubject` named by the holder's
//! full name (also its `identifier`, an `IdentityObject` of type `name`: a holder has no DID), whose `achievement` is an `Achievement` named by the profession, with the approved
//! scope as its `description` and its `criteria.narrative` and the certificate number as an
//! `otherIdentifier`; `validFrom`/`validUntil` are the validity; `credentialStatus` one status
//! list entry that tells revoked from suspended ([`crate::sign::status_list`]). Each passes
//! 1EdTech's JSON Schema of an `AchievementCredential` (`tests/ob3_schema.rs`). Every term is defined by the VC 2.0 or the Open Badges 3.0 context
//! (JSON-LD safe mode; checked when the RDF is made, [`crate::sign::rdf`]).
//!
//! Only public fields are put in (DESIGN §3). Once a certificate is valid its credential no
//! longer depends on the build date: the proofs' `created` is the first valid day and Ed25519
//! signatures are deterministic, so rebuilding on another day gives the same bytes and
//! rewrites nothing.
//! Status (suspended, revoked) is not in the credential: it changes after issue, so the
//! credential points into the signed status list instead (`credentialStatus`).

use ed25519_dalek::SigningKey;
use serde_json::{json, Map, Value};

use crate::model::certificate::Certificate;
use crate::model::date;
use crate::sign::contexts::{OB_CONTEXT, VC_CONTEXT};
use crate::sign::proof::{self, Cryptosuite, ProofOptions};
use crate::sign::rdf::{RdfError, Shapes};
use crate::sign::status_list;

/// The credential's name, before the certificate number.
pub const CREDENTIAL_NAME: &str = "Peşə səriştəlilik sertifikatı";

/// Signs documents for one issuer.
pub struct Signer {
    /// The issuer's DID.
    pub did: String,
    /// `did#key-…` of the signing key.
    pub verification_method: String,
    /// The issuer's display name.
    pub issuer_name: String,
    /// The issuer's web site.
    pub issuer_url: String,
    key: SigningKey,
    /// The compiled RDF shapes of what it signs (eddsa-rdfc-2022).
    shapes: Shapes,
}

impl Signer {
    /// A signer for `did` (named `issuer_name`, at `issuer_url`) with `key`.
    pub fn new(did: String, issuer_name: String, issuer_url: String, key: SigningKey) -> Signer {
        let verification_method = crate::sign::did::verification_method(&did, &key.verifying_key());
        Signer { did, verification_method, issuer_name, issuer_url, key, shapes: Shapes::default() }
    }

    /// Adds the proof set (eddsa-jcs-2022, then eddsa-rdfc-2022) to `document`, dated
    /// `created` (an XML Schema dateTime).
    pub fn sign(&self, mut document: Map<String, Value>, created: &str) -> Result<Map<String, Value>, RdfError> {
        let options = ProofOptions { verification_method: &self.verification_method, created, proof_purpose: proof::ASSERTION_METHOD };
        let proofs = Cryptosuite::ALL
            .into_iter()
            .map(|suite| proof::sign(&document, &self.key, &options, suite, &self.shapes).map(Value::Object))
            .collect::<Result<Vec<_>, _>>()?;
        document.insert("proof".to_owned(), Value::Array(proofs));
        Ok(document)
    }

    /// Adds one `eddsa-jcs-2022` proof to `document`, dated `created`: for the public documents
    /// that are plain JSON rather than credentials (`results.json`, `notice.json`, DESIGN §5).
    pub fn sign_jcs(&self, mut document: Map<String, Value>, created: &str) -> Map<String, Value> {
        let options = ProofOptions { verification_method: &self.verification_method, created, proof_purpose: proof::ASSERTION_METHOD };
        let proof = proof::sign(&document, &self.key, &options, Cryptosuite::Jcs, &self.shapes)
            .expect("eddsa-jcs-2022 needs no RDF and cannot fail");
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
/// slot `status_index` of the message list published at `status_list`. See the [module
/// docs](self) for where each field goes.
pub fn certificate_credential(
    cert: &Certificate,
    page_url: &str,
    signer: &Signer,
    status_list: &str,
    status_index: u32,
) -> Map<String, Value> {
    let scope =
        if cert.scope.is_empty() { cert.profession.to_string() } else { cert.scope.iter().map(|s| &**s).collect::<Vec<&str>>().join("; ") };
    let holder = cert.holder_name();
    let credential = json!({
        "@context": [VC_CONTEXT, OB_CONTEXT],
        "id": page_url,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": format!("{CREDENTIAL_NAME} {}", cert.number),
        "issuer": { "id": signer.did, "type": ["Profile"], "name": signer.issuer_name, "url": signer.issuer_url },
        "validFrom": day_start(cert.issued_on),
        "validUntil": day_end(cert.valid_until),
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "name": holder,
            // OB 3.0, AchievementSubject: "Either id or at least one identifier MUST be supplied"; a holder
            // has no DID, so the identifier is the name the page shows (public, unhashed).
            "identifier": [{ "type": "IdentityObject", "identityHash": holder, "identityType": "name", "hashed": false }],
            "achievement": {
                "id": format!("{page_url}#achievement"),
                "type": ["Achievement"],
                "name": &*cert.profession,
                "description": scope,
                "criteria": { "narrative": scope },
                "otherIdentifier": [{ "type": "IdentifierEntry", "identifier": cert.number, "identifierType": "identifier" }],
            },
        },
        "credentialStatus": status_list::entry(status_list, status_index),
    });
    match credential {
        Value::Object(map) => map,
        _ => unreachable!("json! of an object literal is an object"),
    }
}

/// The certificate number a credential made by [`certificate_credential`] carries.
pub fn certificate_number(credential: &Value) -> Option<&str> {
    credential["credentialSubject"]["achievement"]["otherIdentifier"][0]["identifier"].as_str()
}

/// The proof date of a certificate's credential: its first valid day, or the build date for
/// a certificate not yet valid (a proof is never dated in the future). It stays the same from
/// one build to the next once the certificate is valid.
pub fn proof_date(cert: &Certificate, build_date: time::Date) -> time::Date {
    cert.issued_on.min(build_date)
}

/// Signs an unsigned credential and returns the bytes of `credential.json`.
pub fn credential_json(credential: Map<String, Value>, signer: &Signer, created: &str) -> Result<Vec<u8>, RdfError> {
    let signed = signer.sign(credential, created)?;
    let mut bytes = serde_json::to_vec_pretty(&Value::Object(signed)).unwrap_or_default();
    bytes.push(b'\n');
    Ok(bytes)
}

/// The signed credential of a fixed sample certificate: any change in how certsite makes or
/// signs a credential (a member, the status entry, a proof) changes these bytes. A
/// certificate's fingerprint covers them, so that a new version of certsite that signs
/// credentials otherwise signs every certificate again, though its data did not change.
/// (`page_url`: a page of the site; `status_list`: its message list.)
pub fn sample_signed(signer: &Signer, page_url: &str, status_list: &str) -> Result<Vec<u8>, RdfError> {
    let sample = Certificate {
        number: "0".to_owned(),
        surname: "S".into(),
        given_name: "G".into(),
        patronymic: Some("P".into()),
        profession: "P".into(),
        profession_en: None,
        scope: vec!["A".into(), "B".into()].into(),
        scope_en: None,
        issued_on: time::macros::date!(2000 - 01 - 01),
        valid_until: time::macros::date!(2000 - 12 - 31),
        replaces: None,
        line: 0,
    };
    let credential = certificate_credential(&sample, page_url, signer, status_list, 0);
    credential_json(credential, signer, &day_start(proof_date(&sample, sample.issued_on)))
}

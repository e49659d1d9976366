//! Data Integrity proofs with the `eddsa-jcs-2022` and `eddsa-rdfc-2022` cryptosuites, alone or
//! as a proof set (DESIGN §5).
//!
//! Owns the algorithms of W3C "Data Integrity EdDSA Cryptosuites v1.0" §3.3 (eddsa-rdfc-2022)
//! and §3.4 (eddsa-jcs-2022): Create Proof, Verify Proof, Transformation, Hashing, Proof
//! Configuration, Proof Serialization and Proof Verification. In short: the proof configuration
//! (the proof without `proofValue`, with the document's `@context`) and the unsecured document
//! (without `proof`) are each canonicalized — with JCS (RFC 8785) for eddsa-jcs-2022, as
//! JSON-LD turned into RDF and canonicalized with RDFC-1.0 for eddsa-rdfc-2022 ([`rdf`]) — and
//! hashed with SHA-256; Ed25519 signs the 64 bytes `proofHash || documentHash`; `proofValue` is
//! the base58btc multibase of the signature. In a proof set (`proof` an array, Data Integrity
//! §2.1.2), each proof signs the document without any proof, on its own.
//!
//! With JCS the canonical text streams straight into SHA-256, leaving out `proof` and
//! `proofValue` on the way, without a copy of the document.

use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use super::jcs;
use super::multibase;
use super::rdf::{RdfError, Shapes};

/// The proof `type` of every Data Integrity proof made here.
pub const PROOF_TYPE: &str = "DataIntegrityProof";
/// The only proof purpose [`verify`] accepts: the issuer asserts the credential.
pub const ASSERTION_METHOD: &str = "assertionMethod";

/// A cryptosuite (W3C Data Integrity EdDSA Cryptosuites v1.0).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cryptosuite {
    /// `eddsa-jcs-2022`: the JSON canonicalized by JCS.
    Jcs,
    /// `eddsa-rdfc-2022`: the RDF of the JSON-LD canonicalized by RDFC-1.0.
    Rdfc,
}

impl Cryptosuite {
    /// Both, in the order a proof set of certsite lists them.
    pub const ALL: [Cryptosuite; 2] = [Cryptosuite::Jcs, Cryptosuite::Rdfc];

    /// The `cryptosuite` identifier.
    pub fn name(self) -> &'static str {
        match self {
            Cryptosuite::Jcs => "eddsa-jcs-2022",
            Cryptosuite::Rdfc => "eddsa-rdfc-2022",
        }
    }

    fn from_name(name: &str) -> Option<Cryptosuite> {
        Cryptosuite::ALL.into_iter().find(|c| c.name() == name)
    }
}

/// The options of a new proof (the "proof options" of the specification).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProofOptions<'a> {
    /// The verification method: the absolute URL of the key, `did:web:host#key-…`.
    pub verification_method: &'a str,
    /// When the proof was made: an XML Schema `dateTimeStamp` such as `2026-03-01T00:00:00Z`.
    pub created: &'a str,
    /// The proof purpose, `assertionMethod` for credentials.
    pub proof_purpose: &'a str,
}

/// What a successful [`verify`] learned about a proof.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifiedProof {
    /// Its cryptosuite.
    pub cryptosuite: Cryptosuite,
    /// The `verificationMethod` whose key verified the signature.
    pub verification_method: String,
    /// The proof's `created`, if it has one.
    pub created: Option<String>,
}

/// Why a secured document did not verify.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProofError {
    /// The document has no `proof` member.
    MissingProof,
    /// The proof is not an object, or a member has the wrong form.
    MalformedProof(String),
    /// The proof's `type` is not `DataIntegrityProof`.
    WrongType,
    /// The proof's `cryptosuite` is neither `eddsa-jcs-2022` nor `eddsa-rdfc-2022`.
    WrongCryptosuite,
    /// The proof's `proofPurpose` is not `assertionMethod`.
    WrongPurpose,
    /// The document's `@context` does not start with the proof's `@context`.
    ContextMismatch,
    /// The resolver knows no key for the proof's `verificationMethod`.
    UnknownVerificationMethod(String),
    /// `proofValue` is missing or is not the base58btc multibase of 64 bytes.
    BadProofValue,
    /// The signature does not verify: the document or its proof was changed, or another key
    /// signed it.
    BadSignature,
    /// The document cannot be turned into RDF (eddsa-rdfc-2022).
    NotJsonLd(String),
}

impl std::fmt::Display for ProofError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            ProofError::MissingProof => tr!("write-proof-missing"),
            ProofError::MalformedProof(why) => tr!("write-proof-malformed", error = why),
            ProofError::WrongType => tr!("write-proof-wrong-type"),
            ProofError::WrongCryptosuite => tr!("write-proof-wrong-cryptosuite"),
            ProofError::WrongPurpose => tr!("write-proof-wrong-purpose"),
            ProofError::ContextMismatch => tr!("write-proof-context-mismatch"),
            ProofError::UnknownVerificationMethod(method) => tr!("write-proof-unknown-method", method = format!("{method:?}")),
            ProofError::BadProofValue => tr!("write-proof-bad-value"),
            ProofError::BadSignature => tr!("write-proof-bad-signature"),
            ProofError::NotJsonLd(e) => tr!("write-proof-not-json-ld", error = e),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for ProofError {}

impl From<RdfError> for ProofError {
    fn from(e: RdfError) -> ProofError {
        ProofError::NotJsonLd(e.to_string())
    }
}

/// Creates a proof of `document` with `suite`, signed with `key` (specification §3.3.1 and
/// §3.4.1, "Create Proof"); `shapes` serves eddsa-rdfc-2022.
///
/// Returns the proof object, members in this order: `type`, `cryptosuite`, `created`,
/// `verificationMethod`, `proofPurpose`, for eddsa-jcs-2022 `@context` (a copy of the
/// document's, when it has one), `proofValue`. The caller puts it under the document's `proof`
/// (alone, or in a proof set). A `proof` member already in `document` is left out of what is
/// signed, as [`verify`] leaves it out.
///
/// `opts.created` must be an XML Schema `dateTimeStamp` (checked in debug builds).
pub fn sign(
    document: &Map<String, Value>,
    key: &SigningKey,
    opts: &ProofOptions,
    suite: Cryptosuite,
    shapes: &Shapes,
) -> Result<Map<String, Value>, RdfError> {
    debug_assert!(is_xsd_date_time(opts.created), "created {:?} is not an XML Schema dateTime", opts.created);
    let mut proof = Map::new();
    proof.insert("type".into(), PROOF_TYPE.into());
    proof.insert("cryptosuite".into(), suite.name().into());
    proof.insert("created".into(), opts.created.into());
    proof.insert("verificationMethod".into(), opts.verification_method.into());
    proof.insert("proofPurpose".into(), opts.proof_purpose.into());
    if let (Cryptosuite::Jcs, Some(context)) = (suite, document.get("@context")) {
        proof.insert("@context".into(), context.clone());
    }
    let signature = key.sign(&hash_data(document, &proof, suite, shapes)?);
    proof.insert("proofValue".into(), multibase::encode_base58btc(&signature.to_bytes()).into());
    Ok(proof)
}

/// The 64 bytes Ed25519 signs (specification §3.3.4 and §3.4.4, "Hashing"): SHA-256 of the
/// canonical form of `proof_config`, then SHA-256 of the canonical form of `document`.
///
/// A `proof` member of `document` and a `proofValue` member of `proof_config` are left out,
/// so a secured document and its proof can be passed as they are. For eddsa-rdfc-2022 the
/// configuration is read with the document's `@context` (§3.3.5).
pub fn hash_data(
    document: &Map<String, Value>,
    proof_config: &Map<String, Value>,
    suite: Cryptosuite,
    shapes: &Shapes,
) -> Result<[u8; 64], RdfError> {
    let mut out = [0u8; 64];
    match suite {
        Cryptosuite::Jcs => {
            out[..32].copy_from_slice(&jcs_sha256_excluding(proof_config, "proofValue"));
            out[32..].copy_from_slice(&jcs_sha256_excluding(document, "proof"));
        }
        Cryptosuite::Rdfc => {
            let mut config = proof_config.clone();
            config.remove("proofValue");
            config.shift_remove("@context");
            let mut with_context = Map::new();
            if let Some(context) = document.get("@context") {
                with_context.insert("@context".into(), context.clone());
            }
            with_context.extend(config);
            out[..32].copy_from_slice(&shapes.recurring_sha256(&Value::Object(with_context))?);
            out[32..].copy_from_slice(&Sha256::digest(shapes.canonical_nquads_without(document, Some("proof"))?));
        }
    }
    Ok(out)
}

fn jcs_sha256_excluding(map: &Map<String, Value>, exclude: &str) -> [u8; 32] {
    let mut hasher = Sha256::new();
    jcs::write_object_excluding(map, exclude, &mut hasher);
    hasher.finalize().into()
}

/// Verifies the proof, or every proof of the proof set, of a secured document
/// (specification §3.3.2 and §3.4.2, "Verify Proof"); returns what each proof says, in order.
///
/// Checks that each proof is a `DataIntegrityProof` of cryptosuite `eddsa-jcs-2022` or
/// `eddsa-rdfc-2022` with purpose `assertionMethod`, that `created` (if present) is an XML
/// Schema dateTime, for eddsa-jcs-2022 that the document's `@context` starts with the proof's
/// `@context` (if the proof has one: step 4.1, after which the proof's `@context` is the one
/// hashed, step 4.2), then resolves `verificationMethod` with `resolve` and checks the
/// signature with Ed25519 in its strict form (no small-order keys, no non-canonical
/// signatures). Whether that key may assert for the issuer is the resolver's business: it
/// should return only keys listed under the issuer's `assertionMethod`.
pub fn verify(
    secured: &Map<String, Value>,
    resolve: impl Fn(&str) -> Option<VerifyingKey>,
    shapes: &Shapes,
) -> Result<Vec<VerifiedProof>, ProofError> {
    let proofs: Vec<&Map<String, Value>> = match secured.get("proof") {
        None => return Err(ProofError::MissingProof),
        Some(Value::Object(proof)) => vec![proof],
        Some(Value::Array(set)) if !set.is_empty() => set
            .iter()
            .map(|p| p.as_object().ok_or_else(|| ProofError::MalformedProof(tr!("write-proof-set-member-not-object"))))
            .collect::<Result<_, _>>()?,
        Some(Value::Array(_)) => return Err(ProofError::MissingProof),
        Some(_) => return Err(ProofError::MalformedProof(tr!("write-proof-not-object"))),
    };
    proofs.into_iter().map(|proof| verify_one(secured, proof, &resolve, shapes)).collect()
}

fn verify_one(
    secured: &Map<String, Value>,
    proof: &Map<String, Value>,
    resolve: &impl Fn(&str) -> Option<VerifyingKey>,
    shapes: &Shapes,
) -> Result<VerifiedProof, ProofError> {
    if str_member(proof, "type") != Some(PROOF_TYPE) {
        return Err(ProofError::WrongType);
    }
    let suite = str_member(proof, "cryptosuite").and_then(Cryptosuite::from_name).ok_or(ProofError::WrongCryptosuite)?;
    if str_member(proof, "proofPurpose") != Some(ASSERTION_METHOD) {
        return Err(ProofError::WrongPurpose);
    }
    let created = match proof.get("created") {
        None => None,
        Some(Value::String(created)) if is_xsd_date_time(created) => Some(created.clone()),
        Some(other) => return Err(ProofError::MalformedProof(tr!("write-proof-bad-created", value = other.to_string()))),
    };
    let Some(verification_method) = str_member(proof, "verificationMethod") else {
        return Err(ProofError::MalformedProof(tr!("write-proof-no-method")));
    };

    // eddsa-jcs-2022 step 4: the document's @context must start with the proof's; the proof's
    // is hashed.
    let proof_context = proof.get("@context").filter(|_| suite == Cryptosuite::Jcs);
    let document_context = secured.get("@context");
    if let Some(proof_context) = proof_context {
        let document_list = document_context.map_or(&[][..], as_list);
        if !document_list.starts_with(as_list(proof_context)) {
            return Err(ProofError::ContextMismatch);
        }
    }

    let signature = str_member(proof, "proofValue")
        .and_then(|text| multibase::decode_base58btc(text).ok())
        .and_then(|bytes| <[u8; 64]>::try_from(bytes).ok())
        .map(|bytes| Signature::from_bytes(&bytes))
        .ok_or(ProofError::BadProofValue)?;
    let key = resolve(verification_method).ok_or_else(|| ProofError::UnknownVerificationMethod(verification_method.to_owned()))?;

    let hash = match proof_context {
        Some(context) if document_context != Some(context) => {
            // Step 4.2 (the document's @context extends the proof's): hash the proof's.
            let mut document = secured.clone();
            document.insert("@context".into(), context.clone());
            hash_data(&document, proof, suite, shapes)?
        }
        _ => hash_data(secured, proof, suite, shapes)?,
    };
    key.verify_strict(&hash, &signature).map_err(|_| ProofError::BadSignature)?;
    Ok(VerifiedProof { cryptosuite: suite, verification_method: verification_method.to_owned(), created })
}

fn str_member<'a>(map: &'a Map<String, Value>, name: &str) -> Option<&'a str> {
    map.get(name).and_then(Value::as_str)
}

/// An `@context` as the list of its entries: a single entry is a list of one.
fn as_list(context: &Value) -> &[Value] {
    match context {
        Value::Array(items) => items,
        single => std::slice::from_ref(single),
    }
}

/// Whether `s` is an XML Schema 1.1 `dateTime` (the form `created` must have):
/// `-?YYYY-MM-DDThh:mm:ss(.s+)?(Z|(+|-)hh:mm)?`, with real month days (29 February in leap
/// years only), `24:00:00` only as the end of a day, and offsets up to ±14:00.
fn is_xsd_date_time(s: &str) -> bool {
    let b = s.as_bytes();
    let start = usize::from(b.first() == Some(&b'-'));
    let year_len = b[start..].iter().take_while(|c| c.is_ascii_digit()).count();
    let year = &b[start..start + year_len];
    if year.len() < 4 || (year.len() > 4 && year[0] == b'0') {
        return false;
    }
    let rest = &b[start + year_len..];
    let two = |i: usize| -> Option<u32> {
        match rest.get(i..i + 2) {
            Some([a, b]) if a.is_ascii_digit() && b.is_ascii_digit() => Some(u32::from(a - b'0') * 10 + u32::from(b - b'0')),
            _ => None,
        }
    };
    let shape = rest.len() >= 15 && rest[0] == b'-' && rest[3] == b'-' && rest[6] == b'T' && rest[9] == b':' && rest[12] == b':';
    let (Some(month), Some(day), Some(hour), Some(minute), Some(second)) = (two(1), two(4), two(7), two(10), two(13)) else {
        return false;
    };
    if !shape || !(1..=12).contains(&month) || hour > 24 || minute > 59 || second > 59 {
        return false;
    }
    // Leap years repeat every 400 years, and 400 divides 10,000: the last four digits decide.
    let last4 = year[year.len() - 4..].iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0'));
    let leap = last4 % 400 == 0 || (last4 % 4 == 0 && last4 % 100 != 0);
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    if day == 0 || day > days {
        return false;
    }
    let mut i = 15;
    let mut fraction_zero = true;
    if rest.get(i) == Some(&b'.') {
        let digits = rest[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
        if digits == 0 {
            return false;
        }
        fraction_zero = rest[i + 1..i + 1 + digits].iter().all(|&c| c == b'0');
        i += 1 + digits;
    }
    if hour == 24 && !(minute == 0 && second == 0 && fraction_zero) {
        return false;
    }
    match &rest[i..] {
        [] | [b'Z'] => true,
        [sign, _, _, b':', _, _] if *sign == b'+' || *sign == b'-' => {
            matches!((two(i + 1), two(i + 4)), (Some(h), Some(m)) if (h <= 13 && m <= 59) || (h == 14 && m == 0))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/vectors/vc-di-eddsa");

    fn read(name: &str) -> String {
        std::fs::read_to_string(format!("{DIR}/{name}")).unwrap()
    }

    fn text(name: &str) -> String {
        read(name).trim_end().to_owned()
    }

    fn object(name: &str) -> Map<String, Value> {
        serde_json::from_str(&read(name)).unwrap()
    }

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// Shapes that know the vectors' example context.
    fn shapes() -> Shapes {
        let examples =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/vectors/contexts/credentials-examples-v2.jsonld")).unwrap();
        Shapes::with_contexts(&[("https://www.w3.org/ns/credentials/examples/v2", &examples)])
    }

    fn key_pair() -> (SigningKey, VerifyingKey) {
        let pair = object("keyPair.json");
        let secret = multibase::decode_secret_key(pair["privateKeyMultibase"].as_str().unwrap());
        let public = multibase::decode_public_key(pair["publicKeyMultibase"].as_str().unwrap());
        (secret.unwrap(), public.unwrap())
    }

    /// The signed vector of a suite.
    fn signed(suite: Cryptosuite) -> Map<String, Value> {
        match suite {
            Cryptosuite::Jcs => object("eddsa-jcs-2022/signedJCS.json"),
            Cryptosuite::Rdfc => object("eddsa-rdfc-2022/signedDataInt.json"),
        }
    }

    fn vector_proof(suite: Cryptosuite) -> Map<String, Value> {
        signed(suite)["proof"].as_object().unwrap().clone()
    }

    fn options(proof: &Map<String, Value>) -> ProofOptions<'_> {
        ProofOptions {
            verification_method: proof["verificationMethod"].as_str().unwrap(),
            created: proof["created"].as_str().unwrap(),
            proof_purpose: proof["proofPurpose"].as_str().unwrap(),
        }
    }

    /// Resolves only the vectors' verification method, to the vectors' key.
    fn resolver(vm: &str) -> Option<VerifyingKey> {
        let expected = vector_proof(Cryptosuite::Jcs)["verificationMethod"].as_str().unwrap().to_owned();
        (vm == expected).then(|| key_pair().1)
    }

    #[test]
    fn every_intermediate_of_the_jcs_vector() {
        let unsigned = object("unsigned.json");
        let proof = vector_proof(Cryptosuite::Jcs);
        let mut config = proof.clone();
        config.remove("proofValue");
        assert_eq!(Value::Object(config.clone()), serde_json::from_str::<Value>(&read("eddsa-jcs-2022/proofConfigJCS.json")).unwrap());

        let canon_proof = jcs::canonicalize(&Value::Object(config.clone()));
        let canon_doc = jcs::canonicalize(&Value::Object(unsigned.clone()));
        assert_eq!(canon_proof, text("eddsa-jcs-2022/proofCanonJCS.txt"));
        assert_eq!(canon_doc, text("eddsa-jcs-2022/canonDocJCS.txt"));
        assert_eq!(hex(&Sha256::digest(&canon_proof)), text("eddsa-jcs-2022/proofHashJCS.txt"));
        assert_eq!(hex(&Sha256::digest(&canon_doc)), text("eddsa-jcs-2022/docHashJCS.txt"));

        let shapes = shapes();
        let hash = hash_data(&unsigned, &config, Cryptosuite::Jcs, &shapes).unwrap();
        assert_eq!(hex(&hash), text("eddsa-jcs-2022/combinedHashJCS.txt"));
        // The secured document and the full proof hash the same.
        assert_eq!(hash_data(&signed(Cryptosuite::Jcs), &proof, Cryptosuite::Jcs, &shapes).unwrap(), hash);

        let (secret, _) = key_pair();
        let signature = secret.sign(&hash);
        assert_eq!(hex(&signature.to_bytes()), text("eddsa-jcs-2022/sigHexJCS.txt"));
        assert_eq!(multibase::encode_base58btc(&signature.to_bytes()), text("eddsa-jcs-2022/sigBTC58JCS.txt"));
    }

    #[test]
    fn every_intermediate_of_the_rdfc_vector() {
        let shapes = shapes();
        let unsigned = Value::Object(object("unsigned.json"));
        let config: Value = serde_json::from_str(&read("eddsa-rdfc-2022/proofConfigDataInt.json")).unwrap();
        assert_eq!(shapes.canonical_nquads(&unsigned).unwrap(), read("eddsa-rdfc-2022/canonDocDataInt.txt"));
        assert_eq!(shapes.canonical_nquads(&config).unwrap(), read("eddsa-rdfc-2022/proofCanonDataInt.txt"));
        assert_eq!(hex(&Sha256::digest(shapes.canonical_nquads(&config).unwrap())), text("eddsa-rdfc-2022/proofHashDataInt.txt"));
        assert_eq!(hex(&Sha256::digest(shapes.canonical_nquads(&unsigned).unwrap())), text("eddsa-rdfc-2022/docHashDataInt.txt"));
        let proof = vector_proof(Cryptosuite::Rdfc);
        let hash = hash_data(unsigned.as_object().unwrap(), &proof, Cryptosuite::Rdfc, &shapes).unwrap();
        assert_eq!(hex(&hash), text("eddsa-rdfc-2022/combinedHashDataInt.txt"));
        let signature = key_pair().0.sign(&hash);
        assert_eq!(hex(&signature.to_bytes()), text("eddsa-rdfc-2022/sigHexDataInt.txt"));
        assert_eq!(multibase::encode_base58btc(&signature.to_bytes()), text("eddsa-rdfc-2022/sigBTC58DataInt.txt"));
    }

    #[test]
    fn signing_the_vectors_reproduces_their_proofs() {
        let shapes = shapes();
        for suite in Cryptosuite::ALL {
            let unsigned = object("unsigned.json");
            let expected = vector_proof(suite);
            let (secret, _) = key_pair();
            let proof = sign(&unsigned, &secret, &options(&expected), suite, &shapes).unwrap();
            assert_eq!(proof, expected);
            // Same members in the same order, so the same bytes when serialized.
            assert_eq!(serde_json::to_string(&proof).unwrap(), serde_json::to_string(&expected).unwrap(), "{suite:?}");
            let mut secured = unsigned.clone();
            secured.insert("proof".into(), Value::Object(proof));
            assert_eq!(serde_json::to_string(&secured).unwrap(), serde_json::to_string(&signed(suite)).unwrap());
        }
        let keys: Vec<String> = vector_proof(Cryptosuite::Jcs).keys().cloned().collect();
        assert_eq!(keys, ["type", "cryptosuite", "created", "verificationMethod", "proofPurpose", "@context", "proofValue"]);
    }

    #[test]
    fn verify_accepts_the_vectors_and_a_proof_set_of_both() {
        let shapes = shapes();
        for suite in Cryptosuite::ALL {
            let verified = verify(&signed(suite), resolver, &shapes).unwrap();
            assert_eq!(verified.len(), 1);
            assert_eq!(verified[0].cryptosuite, suite);
            assert_eq!(verified[0].created.as_deref(), Some("2023-02-24T23:36:38Z"));
        }
        let mut set = object("unsigned.json");
        set.insert("proof".into(), json!([vector_proof(Cryptosuite::Jcs), vector_proof(Cryptosuite::Rdfc)]));
        let verified = verify(&set, resolver, &shapes).unwrap();
        assert_eq!(verified.iter().map(|v| v.cryptosuite).collect::<Vec<_>>(), Cryptosuite::ALL);
        // Each proof of the set signs the document alone: a change breaks both.
        set["credentialSubject"]["alumniOf"] = json!("The School of Forgeries");
        assert_eq!(verify(&set, resolver, &shapes), Err(ProofError::BadSignature));
        let mut rdfc = signed(Cryptosuite::Rdfc);
        rdfc["credentialSubject"]["alumniOf"] = json!("The School of Forgeries");
        assert_eq!(verify(&rdfc, resolver, &shapes), Err(ProofError::BadSignature));
    }

    fn proof_mut(doc: &mut Map<String, Value>) -> &mut Map<String, Value> {
        doc.get_mut("proof").unwrap().as_object_mut().unwrap()
    }

    fn jcs_signed() -> Map<String, Value> {
        signed(Cryptosuite::Jcs)
    }

    fn check(doc: &Map<String, Value>) -> Result<Vec<VerifiedProof>, ProofError> {
        verify(doc, resolver, &shapes())
    }

    #[test]
    fn verify_rejects_a_changed_subject() {
        let mut doc = jcs_signed();
        doc["credentialSubject"]["alumniOf"] = json!("The School of Forgeries");
        assert_eq!(check(&doc), Err(ProofError::BadSignature));
    }

    #[test]
    fn verify_rejects_a_changed_created() {
        let mut doc = jcs_signed();
        proof_mut(&mut doc)["created"] = json!("2023-02-24T23:36:39Z");
        assert_eq!(check(&doc), Err(ProofError::BadSignature));
        proof_mut(&mut doc)["created"] = json!("yesterday");
        assert!(matches!(check(&doc), Err(ProofError::MalformedProof(_))));
    }

    #[test]
    fn verify_rejects_a_removed_proof() {
        let mut doc = jcs_signed();
        doc.remove("proof");
        assert_eq!(check(&doc), Err(ProofError::MissingProof));
        doc.insert("proof".into(), json!("z123"));
        assert!(matches!(check(&doc), Err(ProofError::MalformedProof(_))));
        doc.insert("proof".into(), json!([]));
        assert_eq!(check(&doc), Err(ProofError::MissingProof));
        doc.insert("proof".into(), json!([vector_proof(Cryptosuite::Jcs), "z123"]));
        assert!(matches!(check(&doc), Err(ProofError::MalformedProof(_))));
    }

    #[test]
    fn verify_rejects_a_changed_proof_value() {
        let mut doc = jcs_signed();
        let value = vector_proof(Cryptosuite::Jcs)["proofValue"].as_str().unwrap().to_owned();
        // Another valid 64-byte signature: flip one byte.
        let mut bytes = multibase::decode_base58btc(&value).unwrap();
        bytes[10] ^= 1;
        proof_mut(&mut doc)["proofValue"] = json!(multibase::encode_base58btc(&bytes));
        assert_eq!(check(&doc), Err(ProofError::BadSignature));
        // Not base58btc, wrong length, missing.
        proof_mut(&mut doc)["proofValue"] = json!(value.replacen('z', "u", 1));
        assert_eq!(check(&doc), Err(ProofError::BadProofValue));
        proof_mut(&mut doc)["proofValue"] = json!(&value[..value.len() - 2]);
        assert_eq!(check(&doc), Err(ProofError::BadProofValue));
        proof_mut(&mut doc).remove("proofValue");
        assert_eq!(check(&doc), Err(ProofError::BadProofValue));
    }

    #[test]
    fn verify_rejects_a_wrong_key() {
        let other = SigningKey::from_bytes(&[7; 32]).verifying_key();
        assert_eq!(verify(&jcs_signed(), |_| Some(other), &shapes()), Err(ProofError::BadSignature));
        let vm = vector_proof(Cryptosuite::Jcs)["verificationMethod"].as_str().unwrap().to_owned();
        assert_eq!(verify(&jcs_signed(), |_| None, &shapes()), Err(ProofError::UnknownVerificationMethod(vm)));
    }

    #[test]
    fn verify_rejects_a_different_proof_context() {
        let mut doc = jcs_signed();
        proof_mut(&mut doc)["@context"] = json!(["https://www.w3.org/ns/credentials/v2"]);
        // A prefix of the document's @context passes step 4.1, but then the proof's
        // @context is the one hashed (step 4.2), which is not what was signed.
        assert_eq!(check(&doc), Err(ProofError::BadSignature));
        proof_mut(&mut doc)["@context"] = json!(["https://www.w3.org/ns/credentials/examples/v2", "https://www.w3.org/ns/credentials/v2"]);
        assert_eq!(check(&doc), Err(ProofError::ContextMismatch));
        proof_mut(&mut doc)["@context"] = json!("https://example.org/other");
        assert_eq!(check(&doc), Err(ProofError::ContextMismatch));
        let mut doc = jcs_signed();
        doc["@context"] = json!(["https://www.w3.org/ns/credentials/v2"]);
        assert_eq!(check(&doc), Err(ProofError::ContextMismatch));
        doc.remove("@context");
        assert_eq!(check(&doc), Err(ProofError::ContextMismatch));
    }

    #[test]
    fn verify_follows_step_4_2_for_an_extended_context() {
        // Spec step 4: a document whose @context starts with the proof's, and goes on,
        // verifies with the proof's @context in place of its own.
        let mut doc = jcs_signed();
        doc["@context"].as_array_mut().unwrap().push(json!("https://example.org/added-later"));
        assert!(check(&doc).is_ok());
    }

    #[test]
    fn verify_checks_type_suite_and_purpose() {
        for (member, value, error) in [
            ("type", json!("Ed25519Signature2020"), ProofError::WrongType),
            ("cryptosuite", json!("ecdsa-rdfc-2019"), ProofError::WrongCryptosuite),
            ("proofPurpose", json!("authentication"), ProofError::WrongPurpose),
        ] {
            let mut doc = jcs_signed();
            proof_mut(&mut doc)[member] = value;
            assert_eq!(check(&doc), Err(error.clone()), "{member}");
            proof_mut(&mut doc).remove(member);
            assert_eq!(check(&doc), Err(error), "{member} missing");
        }
        let mut doc = jcs_signed();
        proof_mut(&mut doc).remove("verificationMethod");
        assert!(matches!(check(&doc), Err(ProofError::MalformedProof(_))));
        // A proof of one suite does not pass as the other.
        let mut doc = jcs_signed();
        proof_mut(&mut doc)["cryptosuite"] = json!("eddsa-rdfc-2022");
        assert_eq!(check(&doc), Err(ProofError::BadSignature));
    }

    #[test]
    fn round_trip_without_context() {
        let key = SigningKey::from_bytes(&[42; 32]);
        let public = key.verifying_key();
        let mut doc = Map::new();
        doc.insert("name".into(), json!("Əliyev Ülvi"));
        doc.insert("score".into(), json!(47.5));
        let opts = ProofOptions {
            verification_method: "did:web:example.az#key-1",
            created: "2026-03-01T00:00:00Z",
            proof_purpose: ASSERTION_METHOD,
        };
        let shapes = Shapes::default();
        let proof = sign(&doc, &key, &opts, Cryptosuite::Jcs, &shapes).unwrap();
        assert!(!proof.contains_key("@context"));
        doc.insert("proof".into(), Value::Object(proof));
        let verified = verify(&doc, |vm| (vm == "did:web:example.az#key-1").then_some(public), &shapes);
        assert_eq!(verified.unwrap()[0].verification_method, "did:web:example.az#key-1");
        doc["score"] = json!(48);
        assert_eq!(verify(&doc, |_| Some(public), &shapes), Err(ProofError::BadSignature));
    }

    #[test]
    fn xsd_date_times() {
        for ok in [
            "2023-02-24T23:36:38Z",
            "2026-03-01T00:00:00",
            "2024-02-29T12:00:00.5+04:00",
            "2000-02-29T00:00:00-14:00",
            "0000-02-29T00:00:00Z",
            "-0001-01-01T00:00:00Z",
            "12024-12-31T24:00:00.000Z",
            "2023-01-01T00:00:59.123456789+13:59",
        ] {
            assert!(is_xsd_date_time(ok), "{ok}");
        }
        for bad in [
            "",
            "2023-02-24",
            "2023-02-24 23:36:38Z",
            "2023-02-24T23:36Z",
            "2023-02-29T00:00:00Z",
            "1900-02-29T00:00:00Z",
            "2023-04-31T00:00:00Z",
            "2023-13-01T00:00:00Z",
            "2023-00-01T00:00:00Z",
            "2023-01-00T00:00:00Z",
            "2023-01-01T24:00:01Z",
            "2023-01-01T24:00:00.1Z",
            "2023-01-01T23:60:00Z",
            "2023-01-01T23:59:60Z",
            "2023-01-01T00:00:00.Z",
            "2023-01-01T00:00:00+14:01",
            "2023-01-01T00:00:00+0400",
            "2023-01-01T00:00:00z",
            "2023-01-01T00:00:00ZZ",
            "023-01-01T00:00:00Z",
            "02023-01-01T00:00:00Z",
            "+2023-01-01T00:00:00Z",
            "２０２３-01-01T00:00:00Z",
        ] {
            assert!(!is_xsd_date_time(bad), "{bad}");
        }
    }

    #[test]
    fn error_messages_are_sentences() {
        let errors = [
            ProofError::MissingProof,
            ProofError::MalformedProof("x".into()),
            ProofError::WrongType,
            ProofError::WrongCryptosuite,
            ProofError::WrongPurpose,
            ProofError::ContextMismatch,
            ProofError::UnknownVerificationMethod("did:web:x#k".into()),
            ProofError::BadProofValue,
            ProofError::BadSignature,
            ProofError::NotJsonLd("x".into()),
        ];
        for error in errors {
            let message = error.to_string();
            assert!(message.starts_with("the ") || message.starts_with("unknown "), "{message}");
        }
    }
}

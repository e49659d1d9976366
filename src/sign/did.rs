//! Stage "sign", identity: the issuer's `did:web` derived from `base_url` exactly as the
//! did:web method resolves it, and its DID document (DESIGN §5): every id absolute, each key a
//! `Multikey` controlled by the DID and listed under `assertionMethod`. Retired keys stay
//! listed so copies of credentials signed before a key change still verify.

use ed25519_dalek::VerifyingKey;
use serde_json::{json, Map, Value};
use sha2::{Digest, Sha256};

use crate::sign::multibase;

/// The issuer's DID and where its document is published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DidWeb {
    /// `did:web:host` or `did:web:host:seg1:seg2`.
    pub did: String,
    /// Path of did.json below the output directory: `.well-known/did.json` for a bare host,
    /// `did.json` when `base_url` has a path (the site's root is then that path).
    pub document_path: &'static str,
}

/// Derives the DID of a site from its `base_url` (did:web spec §3.2: the port's `:` is
/// percent-encoded, path segments are joined with `:`).
pub fn did_web(base_url: &url::Url) -> DidWeb {
    let mut did = String::from("did:web:");
    did.push_str(&base_url.host_str().unwrap_or_default().to_ascii_lowercase());
    if let Some(port) = base_url.port() {
        did.push_str(&format!("%3A{port}"));
    }
    let segments: Vec<&str> = base_url.path_segments().into_iter().flatten().filter(|s| !s.is_empty()).collect();
    for s in &segments {
        did.push(':');
        did.push_str(s);
    }
    DidWeb { did, document_path: if segments.is_empty() { ".well-known/did.json" } else { "did.json" } }
}

/// The key's fragment: `key-` and 16 hex digits of SHA-256 of the public key, stable for a key.
pub fn key_id(key: &VerifyingKey) -> String {
    let digest = Sha256::digest(key.as_bytes());
    let hex: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
    format!("key-{hex}")
}

/// `did:web:host#key-…`, the verification method of a key.
pub fn verification_method(did: &str, key: &VerifyingKey) -> String {
    format!("{did}#{}", key_id(key))
}

/// The DID document listing `keys` (current first, then retired ones).
pub fn document(did: &str, keys: &[VerifyingKey]) -> Map<String, Value> {
    let methods: Vec<Value> = keys
        .iter()
        .map(|k| {
            json!({
                "id": verification_method(did, k),
                "type": "Multikey",
                "controller": did,
                "publicKeyMultibase": multibase::encode_public_key(k),
            })
        })
        .collect();
    let refs: Vec<Value> = keys.iter().map(|k| Value::String(verification_method(did, k))).collect();
    let doc = json!({
        "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
        "id": did,
        "verificationMethod": methods,
        "assertionMethod": refs,
    });
    match doc {
        Value::Object(map) => map,
        _ => unreachable!("json! of an object literal is an object"),
    }
}

/// Finds the key a verification method id names in a DID document (only methods listed
/// under `assertionMethod` count: proofs use `proofPurpose: assertionMethod`).
pub fn resolve(document: &Value, method: &str) -> Option<VerifyingKey> {
    let listed = document["assertionMethod"].as_array()?.iter().any(|m| m.as_str() == Some(method) || m["id"].as_str() == Some(method));
    if !listed {
        return None;
    }
    document["verificationMethod"]
        .as_array()?
        .iter()
        .find(|m| m["id"].as_str() == Some(method) && m["type"].as_str() == Some("Multikey"))
        .and_then(|m| multibase::decode_public_key(m["publicKeyMultibase"].as_str()?).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(s: &str) -> url::Url {
        url::Url::parse(s).unwrap()
    }

    #[test]
    fn did_web_follows_the_method_spec() {
        assert_eq!(
            did_web(&url("https://Example.org")),
            DidWeb { did: "did:web:example.org".into(), document_path: ".well-known/did.json" }
        );
        assert_eq!(did_web(&url("https://example.org/portal/certs/")).did, "did:web:example.org:portal:certs");
        assert_eq!(did_web(&url("https://example.org/portal")).document_path, "did.json");
        assert_eq!(did_web(&url("https://localhost:8443")).did, "did:web:localhost%3A8443");
    }

    #[test]
    fn document_ids_are_absolute_and_resolve() {
        let key = ed25519_dalek::SigningKey::from_bytes(&[7; 32]).verifying_key();
        let doc = Value::Object(document("did:web:example.org", &[key]));
        let vm = verification_method("did:web:example.org", &key);
        assert!(vm.starts_with("did:web:example.org#key-"));
        assert_eq!(doc["verificationMethod"][0]["controller"], "did:web:example.org");
        assert_eq!(doc["assertionMethod"][0], vm.as_str());
        assert_eq!(resolve(&doc, &vm), Some(key));
        assert_eq!(resolve(&doc, "did:web:example.org#key-0"), None);
    }
}

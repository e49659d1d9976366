//! Stage "sign", status: W3C Bitstring Status List v1.0 (DESIGN §5). Two lists,
//! `/status/revocation.json` and `/status/suspension.json`, each a credential signed like the
//! certificates, whose `encodedList` is the bitstring GZIP-compressed and multibase
//! base64url-encoded (`u…`), index 0 at the left-most bit. Each certificate credential points
//! into both with a `BitstringStatusListEntry`. Whoever hosts the files cannot flip a bit
//! without breaking the list's signature.

use std::io::{Read, Write};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use serde_json::{json, Map, Value};

pub use crate::model::status_index::MIN_ENTRIES;

/// What a list says about a certificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Set: the certificate is revoked (final).
    Revocation,
    /// Set: the certificate is suspended on the list's date.
    Suspension,
}

impl Purpose {
    /// Both lists.
    pub const ALL: [Purpose; 2] = [Purpose::Revocation, Purpose::Suspension];

    /// `statusPurpose`.
    pub fn code(self) -> &'static str {
        match self {
            Purpose::Revocation => "revocation",
            Purpose::Suspension => "suspension",
        }
    }

    /// Path of the list below the output.
    pub fn path(self) -> &'static str {
        match self {
            Purpose::Revocation => "status/revocation.json",
            Purpose::Suspension => "status/suspension.json",
        }
    }
}

/// A bitstring of `len` entries, index 0 at the most significant bit of byte 0.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bitstring {
    bytes: Vec<u8>,
}

impl Bitstring {
    /// All zero, `len` entries rounded up to whole bytes.
    pub fn new(len: usize) -> Bitstring {
        Bitstring { bytes: vec![0; len.div_ceil(8)] }
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.bytes.len() * 8
    }

    /// True when it has no entries.
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// Sets entry `i`.
    pub fn set(&mut self, i: usize) {
        self.bytes[i / 8] |= 0x80 >> (i % 8);
    }

    /// Entry `i` (false past the end).
    pub fn get(&self, i: usize) -> bool {
        self.bytes.get(i / 8).is_some_and(|b| b & (0x80 >> (i % 8)) != 0)
    }

    /// The `encodedList` form: GZIP, then multibase base64url without padding (`u…`).
    pub fn encode(&self) -> String {
        // A fixed header (no mtime, OS "Unix") keeps the output byte-identical between builds.
        let mut gz = flate2::GzBuilder::new().operating_system(3).write(Vec::new(), flate2::Compression::best());
        gz.write_all(&self.bytes).expect("writing to memory");
        let compressed = gz.finish().expect("writing to memory");
        format!("u{}", URL_SAFE_NO_PAD.encode(compressed))
    }

    /// Reads an `encodedList` (the multibase `u` prefix is required by the spec).
    pub fn decode(encoded: &str) -> Result<Bitstring, String> {
        let b64 = encoded.strip_prefix('u').ok_or("encodedList is not multibase base64url (no 'u' prefix)")?;
        let compressed = URL_SAFE_NO_PAD.decode(b64).map_err(|e| format!("encodedList is not base64url: {e}"))?;
        let mut bytes = Vec::new();
        flate2::read::GzDecoder::new(&compressed[..])
            .take(64 << 20)
            .read_to_end(&mut bytes)
            .map_err(|e| format!("encodedList is not GZIP: {e}"))?;
        Ok(Bitstring { bytes })
    }
}

/// The unsigned status list credential for `purpose`, published at `url`, valid from
/// `valid_from` (the build) until `valid_until` (DESIGN §5: build date + `max_age_days`).
pub fn list_credential(
    url: &str,
    purpose: Purpose,
    bits: &Bitstring,
    issuer: &str,
    valid_from: &str,
    valid_until: &str,
) -> Map<String, Value> {
    let value = json!({
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer,
        "validFrom": valid_from,
        "validUntil": valid_until,
        "credentialSubject": {
            "id": format!("{url}#list"),
            "type": "BitstringStatusList",
            "statusPurpose": purpose.code(),
            "encodedList": bits.encode(),
        },
    });
    match value {
        Value::Object(map) => map,
        _ => unreachable!("json! of an object literal is an object"),
    }
}

/// The `credentialStatus` entries of a certificate with status list index `index`.
pub fn entries(base_url: &str, index: u32) -> Value {
    Value::Array(
        Purpose::ALL
            .iter()
            .map(|p| {
                let list = format!("{base_url}/{}", p.path());
                json!({
                    "id": format!("{list}#{index}"),
                    "type": "BitstringStatusListEntry",
                    "statusPurpose": p.code(),
                    "statusListIndex": index.to_string(),
                    "statusListCredential": list,
                })
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vector(name: &str) -> Value {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/vectors/bitstring-status-list/");
        serde_json::from_slice(&std::fs::read(format!("{path}{name}")).unwrap()).unwrap()
    }

    #[test]
    fn decodes_the_spec_example() {
        let v = vector("spec-example-encodedList.json");
        let bits = Bitstring::decode(v["encodedList"].as_str().unwrap()).unwrap();
        assert_eq!(bits.len() / 8, v["expected_bytes"].as_u64().unwrap() as usize);
        assert_eq!(bits.len(), MIN_ENTRIES);
        assert!((0..bits.len()).all(|i| !bits.get(i)));
    }

    #[test]
    fn bit_order_matches_digital_bazaar() {
        let v = vector("digitalbazaar-bitstring.json");
        let bits = Bitstring::decode(&format!("u{}", v["encoded"].as_str().unwrap())).unwrap();
        let set: Vec<usize> = v["set_bits"].as_array().unwrap().iter().map(|b| b.as_u64().unwrap() as usize).collect();
        assert_eq!((0..8).filter(|&i| bits.get(i)).collect::<Vec<_>>(), set);
        let mut ours = Bitstring::new(8);
        for i in set {
            ours.set(i);
        }
        assert_eq!(format!("{:02x}", ours.bytes[0]), v["uncompressed_hex"].as_str().unwrap());
        assert_eq!(Bitstring::decode(&ours.encode()).unwrap(), ours);
    }

    #[test]
    fn round_trip_is_deterministic() {
        let mut bits = Bitstring::new(MIN_ENTRIES);
        bits.set(0);
        bits.set(131_071);
        let a = bits.encode();
        assert_eq!(a, bits.encode());
        assert!(a.starts_with("uH4sI"));
        let back = Bitstring::decode(&a).unwrap();
        assert!(back.get(0) && back.get(131_071) && !back.get(1));
        assert!(Bitstring::decode("H4sI").is_err());
    }
}

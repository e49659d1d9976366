//! Multibase and Multikey encodings of Ed25519 keys and signatures (DESIGN §5).
//!
//! Owns the text forms defined by W3C "Controlled Identifiers v1.0" §2.2.2 "Multikey" and
//! used by "Data Integrity EdDSA Cryptosuites v1.0": base58btc multibase (the `z` prefix,
//! Bitcoin alphabet), an Ed25519 public key as multicodec `ed25519-pub` (0xed, varint bytes
//! `0xed 0x01`) followed by its 32 bytes (`z6Mk…`), an Ed25519 secret key as multicodec
//! `ed25519-priv` (0x1300, varint bytes `0x80 0x26`) followed by its 32-byte seed (`z3u2…`),
//! and a `proofValue` as the base58btc multibase of the 64 signature bytes.

use ed25519_dalek::{SigningKey, VerifyingKey};

/// The multibase prefix of base58btc.
const BASE58BTC: char = 'z';
/// Varint of multicodec `ed25519-pub` (0xed).
const ED25519_PUB: [u8; 2] = [0xed, 0x01];
/// Varint of multicodec `ed25519-priv` (0x1300).
const ED25519_PRIV: [u8; 2] = [0x80, 0x26];

/// Why a multibase value or Multikey could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyError {
    /// The value does not start with `z`, the multibase prefix of base58btc.
    NotBase58btc(Option<char>),
    /// A character outside the base58btc (Bitcoin) alphabet.
    InvalidBase58(String),
    /// The Multikey header names another kind of key than the one expected.
    WrongKeyType {
        /// What was wanted, e.g. "an Ed25519 public key (Multikey header 0xed01, z6Mk…)".
        expected: String,
        /// What the header says instead.
        found: String,
    },
    /// The decoded bytes have the wrong length.
    WrongLength {
        /// What was being decoded: [`PUBLIC_KEY`] or [`SECRET_KEY`].
        what: &'static str,
        /// The length it must have.
        expected: usize,
        /// The length it has.
        found: usize,
    },
    /// The 32 bytes are not a point of the Ed25519 curve.
    InvalidPublicKey,
    /// The key is one of the small-order points, for which any signature could verify.
    WeakPublicKey,
}

/// What [`decode_public_key`] decodes, as [`KeyError::WrongLength`] names it.
const PUBLIC_KEY: &str = "Ed25519 public key";
/// What [`decode_secret_key`] decodes, as [`KeyError::WrongLength`] names it.
const SECRET_KEY: &str = "Ed25519 secret key";

impl std::fmt::Display for KeyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            KeyError::NotBase58btc(Some(c)) => tr!("write-key-not-base58btc", found = format!("{c:?}")),
            KeyError::NotBase58btc(None) => tr!("write-key-not-base58btc-empty"),
            KeyError::InvalidBase58(e) => tr!("write-key-invalid-base58", error = e),
            KeyError::WrongKeyType { expected, found } => tr!("write-key-wrong-kind", expected = expected, found = found),
            KeyError::WrongLength { what, expected, found } if *what == SECRET_KEY => {
                tr!("write-key-secret-wrong-length", expected = *expected, found = *found)
            }
            KeyError::WrongLength { expected, found, .. } => tr!("write-key-public-wrong-length", expected = *expected, found = *found),
            KeyError::InvalidPublicKey => tr!("write-key-not-a-point"),
            KeyError::WeakPublicKey => tr!("write-key-weak"),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for KeyError {}

/// Encodes bytes as a base58btc multibase value: `z` followed by base58 (Bitcoin alphabet).
///
/// This is the form of a Data Integrity `proofValue`.
pub fn encode_base58btc(bytes: &[u8]) -> String {
    // base58 needs log(256)/log(58) ≈ 1.37 characters per byte.
    let mut out = String::with_capacity(1 + bytes.len() * 138 / 100 + 1);
    out.push(BASE58BTC);
    match <&[u8; 64]>::try_from(bytes) {
        // A signature, once per credential: `five8`'s fixed-size encoding is some 20 times
        // faster than the general one (the same text; a test compares them).
        Ok(signature) => {
            let mut text = [0u8; 88];
            let len = five8::encode_64(signature, &mut text);
            out.push_str(std::str::from_utf8(&text[..usize::from(len)]).expect("base58 is ASCII"));
        }
        Err(_) => out.push_str(&bs58::encode(bytes).into_string()),
    }
    out
}

/// Decodes a base58btc multibase value (`z…`) into its bytes.
pub fn decode_base58btc(text: &str) -> Result<Vec<u8>, KeyError> {
    let rest = text.strip_prefix(BASE58BTC).ok_or_else(|| KeyError::NotBase58btc(text.chars().next()))?;
    bs58::decode(rest).into_vec().map_err(|e| KeyError::InvalidBase58(e.to_string()))
}

/// Encodes an Ed25519 public key as a Multikey `publicKeyMultibase` (`z6Mk…`).
pub fn encode_public_key(key: &VerifyingKey) -> String {
    encode_with_header(ED25519_PUB, key.as_bytes())
}

/// Decodes a Multikey `publicKeyMultibase` (`z6Mk…`) into an Ed25519 public key.
///
/// Refuses anything but the `ed25519-pub` header followed by exactly 32 bytes, bytes that are
/// not a curve point, and the small-order ("weak") points.
pub fn decode_public_key(text: &str) -> Result<VerifyingKey, KeyError> {
    let bytes = decode_with_header(text, ED25519_PUB, PUBLIC_KEY)?;
    let key = VerifyingKey::from_bytes(&bytes).map_err(|_| KeyError::InvalidPublicKey)?;
    if key.is_weak() {
        return Err(KeyError::WeakPublicKey);
    }
    Ok(key)
}

/// Encodes an Ed25519 secret key (its 32-byte seed) as a Multikey `secretKeyMultibase`
/// (`z3u2…`).
pub fn encode_secret_key(key: &SigningKey) -> String {
    encode_with_header(ED25519_PRIV, key.as_bytes())
}

/// Decodes a Multikey `secretKeyMultibase` (`z3u2…`) into an Ed25519 signing key.
pub fn decode_secret_key(text: &str) -> Result<SigningKey, KeyError> {
    let seed = decode_with_header(text, ED25519_PRIV, SECRET_KEY)?;
    Ok(SigningKey::from_bytes(&seed))
}

fn encode_with_header(header: [u8; 2], key: &[u8; 32]) -> String {
    let mut bytes = [0u8; 34];
    bytes[..2].copy_from_slice(&header);
    bytes[2..].copy_from_slice(key);
    encode_base58btc(&bytes)
}

fn decode_with_header(text: &str, header: [u8; 2], what: &'static str) -> Result<[u8; 32], KeyError> {
    let bytes = decode_base58btc(text)?;
    let Some(body) = bytes.strip_prefix(&header[..]) else {
        let expected =
            if header == ED25519_PRIV { tr!("write-key-expected-ed25519-secret") } else { tr!("write-key-expected-ed25519-public") };
        return Err(KeyError::WrongKeyType { expected, found: describe_header(&bytes) });
    };
    body.try_into().map_err(|_| KeyError::WrongLength { what, expected: 32, found: body.len() })
}

/// Names what a Multikey header announces, for error messages.
fn describe_header(bytes: &[u8]) -> String {
    match bytes {
        [0xed, 0x01, ..] => tr!("write-key-found-ed25519-public"),
        [0x80, 0x26, ..] => tr!("write-key-found-ed25519-secret"),
        [0xec, 0x01, ..] => tr!("write-key-found-x25519-public"),
        [0xe7, 0x01, ..] => tr!("write-key-found-secp256k1-public"),
        [0x80, 0x24, ..] => tr!("write-key-found-p256-public"),
        [0x81, 0x24, ..] => tr!("write-key-found-p384-public"),
        [] => tr!("write-key-found-nothing"),
        [a] => tr!("write-key-found-byte", byte = format!("0x{a:02x}")),
        [a, b, ..] => tr!("write-key-found-unknown", header = format!("0x{a:02x}{b:02x}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_encode_as_the_general_base58_does() {
        for seed in 0u8..=255 {
            let mut bytes = [0u8; 64];
            for (i, b) in bytes.iter_mut().enumerate() {
                *b = seed.wrapping_mul(31).wrapping_add(i as u8).wrapping_mul(u8::from(i % 7 != 0 || seed > 128));
            }
            let general = format!("z{}", bs58::encode(&bytes).into_string());
            assert_eq!(encode_base58btc(&bytes), general, "seed {seed}");
            assert_eq!(decode_base58btc(&general).unwrap(), bytes);
        }
    }

    const KEY_PAIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/vectors/vc-di-eddsa/keyPair.json");

    fn key_pair() -> (String, String) {
        let text = std::fs::read_to_string(KEY_PAIR).unwrap();
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        (value["publicKeyMultibase"].as_str().unwrap().to_owned(), value["privateKeyMultibase"].as_str().unwrap().to_owned())
    }

    #[test]
    fn vector_key_pair_round_trips() {
        let (public, secret) = key_pair();
        assert!(public.starts_with("z6Mk"));
        assert!(secret.starts_with("z3u2"));
        let signing = decode_secret_key(&secret).unwrap();
        assert_eq!(encode_public_key(&signing.verifying_key()), public);
        assert_eq!(encode_secret_key(&signing), secret);
        let verifying = decode_public_key(&public).unwrap();
        assert_eq!(verifying, signing.verifying_key());
        assert_eq!(encode_public_key(&verifying), public);
    }

    #[test]
    fn base58btc_round_trips() {
        for bytes in [&[][..], &[0], &[0, 0, 1], &[255; 64], b"hello world"] {
            let text = encode_base58btc(bytes);
            assert!(text.starts_with('z'));
            assert_eq!(decode_base58btc(&text).unwrap(), bytes);
        }
        // Leading zero bytes are kept as leading '1's.
        assert_eq!(encode_base58btc(&[0, 0, 1]), "z112");
        assert_eq!(encode_base58btc(b"hello world"), "zStV1DL6CwTryKyV");
    }

    #[test]
    fn errors_say_what_is_wrong() {
        let (public, secret) = key_pair();
        assert_eq!(decode_base58btc("f00ff"), Err(KeyError::NotBase58btc(Some('f'))));
        assert_eq!(decode_base58btc(""), Err(KeyError::NotBase58btc(None)));
        assert!(matches!(decode_base58btc("z0OIl"), Err(KeyError::InvalidBase58(_))));
        let err = decode_public_key(&secret).unwrap_err();
        assert!(matches!(err, KeyError::WrongKeyType { .. }), "{err:?}");
        assert!(err.to_string().contains("found an Ed25519 secret key"), "{err}");
        let err = decode_secret_key(&public).unwrap_err();
        assert!(err.to_string().contains("found an Ed25519 public key"), "{err}");

        let mut short = ED25519_PUB.to_vec();
        short.extend_from_slice(&[1; 31]);
        assert_eq!(
            decode_public_key(&encode_base58btc(&short)),
            Err(KeyError::WrongLength { what: "Ed25519 public key", expected: 32, found: 31 })
        );
        // The identity point (y = 1) has small order.
        let mut identity = [0u8; 32];
        identity[0] = 1;
        let text = encode_with_header(ED25519_PUB, &identity);
        assert_eq!(decode_public_key(&text), Err(KeyError::WeakPublicKey));
        // Some y coordinate has no x on the curve.
        let off_curve = (2u8..=255)
            .map(|y| {
                let mut bytes = [0u8; 32];
                bytes[0] = y;
                bytes
            })
            .find(|bytes| VerifyingKey::from_bytes(bytes).is_err())
            .unwrap();
        let text = encode_with_header(ED25519_PUB, &off_curve);
        assert_eq!(decode_public_key(&text), Err(KeyError::InvalidPublicKey));
        for err in [KeyError::NotBase58btc(Some('f')), KeyError::InvalidPublicKey, KeyError::WeakPublicKey] {
            assert!(!err.to_string().is_empty());
        }
    }
}

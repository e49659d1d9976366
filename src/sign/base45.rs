//! RFC 9285 base45, and the text of a paper QR code: `VC1-R` + base45 (W3C "Verifiable
//! Credential Barcodes", "Encode VC to QR Code"; `R` is the multibase prefix of base45).
//! Every character is in the QR alphanumeric set, so the QR code is made in that mode.

/// The base45 alphabet (RFC 9285 §4.2), the 45 QR alphanumeric characters.
pub const ALPHABET: &[u8; 45] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

/// What starts the text of a paper QR code.
pub const QR_PREFIX: &str = "VC1-R";

/// Base45 of `bytes` (RFC 9285 §4).
pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(2) * 3);
    for pair in bytes.chunks(2) {
        let (mut n, digits) = match pair {
            [a, b] => (usize::from(*a) * 256 + usize::from(*b), 3),
            [a] => (usize::from(*a), 2),
            _ => unreachable!("chunks of two"),
        };
        for _ in 0..digits {
            out.push(char::from(ALPHABET[n % 45]));
            n /= 45;
        }
    }
    out
}

/// The bytes of base45 `text`, or `None` when it is not base45: a character outside the
/// alphabet, a lone last character, or a group whose value is too large (RFC 9285 §4.3).
pub fn decode(text: &str) -> Option<Vec<u8>> {
    let values: Vec<usize> = text.bytes().map(|c| ALPHABET.iter().position(|&a| a == c)).collect::<Option<_>>()?;
    let mut out = Vec::with_capacity(values.len() / 3 * 2 + 1);
    for group in values.chunks(3) {
        match *group {
            [c, d, e] => {
                let n = c + d * 45 + e * 45 * 45;
                let n = u16::try_from(n).ok()?;
                out.extend_from_slice(&n.to_be_bytes());
            }
            [c, d] => out.push(u8::try_from(c + d * 45).ok()?),
            _ => return None,
        }
    }
    Some(out)
}

/// The text of a paper QR code holding CBOR-LD `bytes`.
pub fn qr_text(bytes: &[u8]) -> String {
    format!("{QR_PREFIX}{}", encode(bytes))
}

/// The CBOR-LD bytes of a paper QR code's text, or `None` when it does not start with
/// `VC1-R` or is not base45.
pub fn from_qr_text(text: &str) -> Option<Vec<u8>> {
    decode(text.strip_prefix(QR_PREFIX)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc_9285_examples() {
        // RFC 9285 §4.3 and §4.4.
        for (plain, encoded) in [("AB", "BB8"), ("Hello!!", "%69 VD92EX0"), ("base-45", "UJCLQE7W581"), ("ietf!", "QED8WEX0")] {
            assert_eq!(encode(plain.as_bytes()), encoded);
            assert_eq!(decode(encoded).unwrap(), plain.as_bytes());
        }
        assert_eq!(encode(b""), "");
        // §4.4: "GGW" is 65536, too large; a lone character; a character outside the alphabet.
        assert_eq!(decode("GGW"), None);
        assert_eq!(decode("QED8WEX"), None);
        assert_eq!(decode("qed8wex0"), None);
        assert_eq!(decode(":::"), None);
        assert_eq!(decode("FGW"), Some(vec![0xff, 0xff]));
    }

    #[test]
    fn qr_text_of_the_reference_vectors() {
        for text in [include_str!("../../tests/vectors/cborld/paper-1.json"), include_str!("../../tests/vectors/cborld/paper-2.json")] {
            let v: serde_json::Value = serde_json::from_str(text).unwrap();
            let hex = v["cborldHex"].as_str().unwrap();
            let bytes: Vec<u8> = (0..hex.len()).step_by(2).map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap()).collect();
            assert_eq!(qr_text(&bytes), v["qrText"].as_str().unwrap());
            assert_eq!(from_qr_text(v["qrText"].as_str().unwrap()).unwrap(), bytes);
        }
        assert_eq!(from_qr_text("VC1-Q0OR"), None);
    }
}

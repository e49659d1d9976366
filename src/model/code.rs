//! Stage "derive": the unguessable `<code>` of a certificate's address (DESIGN §4): 12
//! characters of Crockford base32 of HMAC-SHA256(url secret, number). The secret lives in
//! `.certsite/url.secret`, so nobody can enumerate certificate pages from their numbers.

use hmac::{Hmac, Mac};
use sha2::Sha256;

/// Length of a code in characters (60 bits).
pub const CODE_LEN: usize = 12;

/// A keyed code generator; cloning the prepared HMAC state saves re-keying per certificate.
#[derive(Clone)]
pub struct Coder {
    mac: Hmac<Sha256>,
}

impl Coder {
    /// Prepares the HMAC with the url secret.
    pub fn new(secret: &[u8]) -> Coder {
        Coder { mac: Hmac::<Sha256>::new_from_slice(secret).expect("HMAC takes keys of any length") }
    }

    /// The code of an (upper-case) certificate number: upper-case Crockford base32.
    pub fn code(&self, number: &str) -> String {
        let mut mac = self.mac.clone();
        mac.update(number.as_bytes());
        let digest = mac.finalize().into_bytes();
        let mut code = base32::encode(base32::Alphabet::Crockford, &digest[..8]);
        code.truncate(CODE_LEN);
        code
    }
}

/// The code grouped for print: `7K2M-9QWX-4RTB`.
pub fn grouped(code: &str) -> String {
    code.as_bytes().chunks(4).map(|c| std::str::from_utf8(c).unwrap_or_default()).collect::<Vec<_>>().join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_keyed_stable_and_crockford() {
        let a = Coder::new(b"secret one");
        let b = Coder::new(b"secret two");
        let code = a.code("PSM-2024-0001");
        assert_eq!(code.len(), CODE_LEN);
        assert!(code.chars().all(|c| "0123456789ABCDEFGHJKMNPQRSTVWXYZ".contains(c)), "{code}");
        assert_eq!(code, a.code("PSM-2024-0001"));
        assert_ne!(code, b.code("PSM-2024-0001"));
        assert_ne!(code, a.code("PSM-2024-0002"));
    }

    #[test]
    fn known_hmac_value() {
        // HMAC-SHA256(key = "key", "The quick brown fox jumps over the lazy dog") starts
        // f7bc83f430538424 (RFC 4231 style published example); its first 60 bits in Crockford:
        let code = Coder::new(b"key").code("The quick brown fox jumps over the lazy dog");
        assert_eq!(code, base32::encode(base32::Alphabet::Crockford, &[0xf7, 0xbc, 0x83, 0xf4, 0x30, 0x53, 0x84, 0x24])[..12]);
        assert_eq!(code, "YYY87X1GAE22");
    }

    #[test]
    fn grouped_for_print() {
        assert_eq!(grouped("7K2M9QWX4RTB"), "7K2M-9QWX-4RTB");
    }
}

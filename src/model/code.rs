//! Stage "derive": the unguessable `<code>` of a certificate's address (DESIGN §4): 12
//! characters of Crockford base32 of HMAC-SHA256(url secret, number). The secret lives in
//! `.certsite/url.secret`, so nobody can enumerate certificate pages from their numbers.
//!
//! People see the code with a check character after it ([`check_char`], [`Code::grouped`]:
//! `7K2M-9QWX-4RTB-K`), so that /verify/ tells a typing mistake from an unknown code without
//! publishing the codes; the address, the QR code and file names keep the 12 characters.

use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::diag::{At, Problem, Problems};
use crate::model::certificate::{Certificate, Certificates};

/// Length of a code in characters (60 bits).
pub const CODE_LEN: usize = 12;

/// A certificate's code: 12 upper-case Crockford base32 characters, kept inline (a million
/// certificates need no million small strings).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Code([u8; CODE_LEN]);

impl Code {
    /// Reads a code as written in a path or a state file: exactly 12 characters of the
    /// Crockford alphabet, upper case.
    pub fn parse(text: &str) -> Option<Code> {
        let bytes: [u8; CODE_LEN] = text.as_bytes().try_into().ok()?;
        bytes
            .iter()
            .all(|&b| matches!(b, b'0'..=b'9' | b'A'..=b'H' | b'J' | b'K' | b'M' | b'N' | b'P'..=b'T' | b'V'..=b'Z'))
            .then_some(Code(bytes))
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).expect("a code is ASCII")
    }

    /// The code as people see it (the page's caption under the QR code, the printed
    /// certificate, `batch.csv`): four groups, the last one the check character,
    /// `7K2M-9QWX-4RTB-K`.
    pub fn grouped(&self) -> String {
        let s = self.as_str();
        format!("{}-{}-{}-{}", &s[..4], &s[4..8], &s[8..], check_char(&self.0) as char)
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::fmt::Debug for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Code({})", self.as_str())
    }
}

/// The Crockford base32 alphabet (no I, L, O, U).
const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// The value of a Crockford character (upper case), if it is one.
fn value(c: u8) -> Option<u8> {
    CROCKFORD.iter().position(|&a| a == c).map(|v| v as u8)
}

/// Multiplies `v` by x in GF(32) = GF(2)[x] / (x⁵ + x² + 1).
fn times_x(v: u8) -> u8 {
    let v = v << 1;
    if v & 32 != 0 {
        (v ^ 0b10_0101) & 31
    } else {
        v
    }
}

/// The check character of a code's characters (upper-case Crockford): read as elements of
/// GF(32), the characters followed by the check character `c` satisfy
/// `v₁·x¹² + v₂·x¹¹ + … + v₁₂·x + c = 0` (Horner's rule below; the same in `assets/verify.js`).
/// As x has order 31, any one character changed, and any two characters swapped (adjacent or
/// not: xⁱ ≠ xʲ for i ≠ j < 31), check character included, changes the sum: every such
/// typing mistake is found. (Luhn mod 32 misses the swap of `0` and `Z`, as Luhn mod 10 misses
/// that of 09 and 90.) Characters outside the alphabet count as `0`: callers pass a code.
pub fn check_char(chars: &[u8]) -> u8 {
    let sum = chars.iter().fold(0u8, |s, &c| times_x(s) ^ value(c).unwrap_or(0));
    CROCKFORD[times_x(sum) as usize]
}

/// Whether the last of `chars` (upper-case Crockford) is the check character of the others.
pub fn check_passes(chars: &[u8]) -> bool {
    chars.split_last().is_some_and(|(&last, rest)| check_char(rest) == last)
}

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

    /// The code of an (upper-case) certificate number: the first 60 bits of the HMAC in
    /// upper-case Crockford base32.
    pub fn code(&self, number: &str) -> Code {
        let mut mac = self.mac.clone();
        mac.update(number.as_bytes());
        let digest = mac.finalize().into_bytes();
        let bits = u64::from_be_bytes(digest[..8].try_into().expect("8 bytes"));
        let mut code = [0u8; CODE_LEN];
        for (i, c) in code.iter_mut().enumerate() {
            *c = CROCKFORD[((bits >> (59 - 5 * i)) & 31) as usize];
        }
        Code(code)
    }
}

/// Refuses two certificates with one code (DESIGN §4: a code is a certificate's address, and
/// two pages cannot have one address). A code is 60 bits of an HMAC, so two numbers share one
/// only by an extraordinary chance or with a url secret chosen for it; either way it is an
/// error in the data, at the second certificate's number (`number_at` says where a number is
/// written), naming the first. Certificates whose numbers are the same are left out: that is
/// reported as a number that appears twice ([`Certificates::new`]). Repeats are found with a
/// set of the codes (about a millisecond for 100,000 certificates), their certificates only
/// when there are some; the code itself is never printed (it is the unguessable part of an
/// address).
pub fn check_unique(certificates: &Certificates, codes: &[Code], number_at: impl Fn(&Certificate) -> At, problems: &mut Problems) {
    let mut seen = rustc_hash::FxHashSet::with_capacity_and_hasher(codes.len(), Default::default());
    let mut repeated: Vec<Code> = codes.iter().filter(|&&code| !seen.insert(code)).copied().collect();
    drop(seen);
    if repeated.is_empty() {
        return;
    }
    repeated.sort_unstable();
    repeated.dedup();
    let mut groups: Vec<Vec<usize>> = vec![Vec::new(); repeated.len()];
    for (i, code) in codes.iter().enumerate() {
        if let Ok(g) = repeated.binary_search(code) {
            groups[g].push(i);
        }
    }
    let list = &certificates.list;
    for group in groups {
        for (k, &later) in group.iter().enumerate() {
            let Some(&first) = group[..k].iter().find(|&&j| list[j].number != list[later].number) else { continue };
            let (a, b) = (&list[first], &list[later]);
            problems.push(Problem::error(tr!("rules-same-page-code", first = &a.number, second = &b.number)).at(number_at(b)).help(tr!(
                "rules-same-page-code-help",
                first = &a.number,
                at = number_at(a).to_string()
            )));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::certificate::example;

    #[test]
    fn codes_are_keyed_stable_and_crockford() {
        let a = Coder::new(b"secret one");
        let b = Coder::new(b"secret two");
        let code = a.code("PSM-2024-0001");
        assert_eq!(code.as_str().len(), CODE_LEN);
        assert!(code.as_str().chars().all(|c| "0123456789ABCDEFGHJKMNPQRSTVWXYZ".contains(c)), "{code}");
        assert_eq!(Code::parse(code.as_str()), Some(code));
        assert_eq!(Code::parse("0123456789AI"), None, "I is not Crockford");
        assert_eq!(Code::parse("0123456789A"), None);
        assert_eq!(code, a.code("PSM-2024-0001"));
        assert_ne!(code, b.code("PSM-2024-0001"));
        assert_ne!(code, a.code("PSM-2024-0002"));
    }

    #[test]
    fn known_hmac_value() {
        // HMAC-SHA256(key = "key", "The quick brown fox jumps over the lazy dog") starts
        // f7bc83f430538424 (RFC 4231 style published example); its first 60 bits in Crockford:
        let code = Coder::new(b"key").code("The quick brown fox jumps over the lazy dog");
        assert_eq!(code.as_str(), &base32::encode(base32::Alphabet::Crockford, &[0xf7, 0xbc, 0x83, 0xf4, 0x30, 0x53, 0x84, 0x24])[..12]);
        assert_eq!(code.as_str(), "YYY87X1GAE22");
    }

    #[test]
    fn two_certificates_with_one_code_are_an_error_naming_both() {
        let mut problems = Problems::new();
        let list = ["A-1", "B-2", "A-1", "C-3", "D-4"].iter().zip(2..).map(|(n, line)| example(n, line)).collect();
        let certificates = Certificates::new(list, &mut problems);
        assert_eq!(problems.error_count(), 1, "A-1 appears twice");
        let coder = Coder::new(b"k");
        let mut codes: Vec<Code> = certificates.list.iter().map(|c| coder.code(&c.number)).collect();
        let mut fine = Problems::new();
        check_unique(&certificates, &codes, |c| certificates.at(c), &mut fine);
        assert!(!fine.has_errors(), "the same number is not reported again: {fine:?}");
        // A crafted collision: C-3 and D-4 given B-2's code.
        codes[3] = codes[1];
        codes[4] = codes[1];
        let mut found = Problems::new();
        check_unique(&certificates, &codes, |c| At { column: 7, ..certificates.at(c) }, &mut found);
        let messages: Vec<String> = found.iter().map(|p| format!("{p} | {}", p.help.as_deref().unwrap_or(""))).collect();
        assert_eq!(messages.len(), 2, "{messages:#?}");
        assert!(
            messages[0].starts_with("data/certificates.csv:5:7: certificates \"B-2\" and \"C-3\" have the same page code"),
            "{}",
            messages[0]
        );
        assert!(messages[0].contains("\"B-2\" is at data/certificates.csv:3:7"), "{}", messages[0]);
        assert!(messages[1].starts_with("data/certificates.csv:6:7: certificates \"B-2\" and \"D-4\""), "{}", messages[1]);
        assert!(!messages.iter().any(|m| m.contains(codes[1].as_str())), "the code itself is never printed");
    }

    #[test]
    fn grouped_for_print_with_the_check_character() {
        let code = Code::parse("7K2M9QWX4RTB").unwrap();
        let check = check_char(code.as_str().as_bytes()) as char;
        assert_eq!(code.grouped(), format!("7K2M-9QWX-4RTB-{check}"));
        assert!(check_passes(format!("7K2M9QWX4RTB{check}").as_bytes()));
    }

    /// Codes of many numbers, and the corner cases (all `0`, all `Z`, alternating).
    fn many_codes() -> Vec<Vec<u8>> {
        let coder = Coder::new(b"check");
        let mut codes: Vec<Vec<u8>> = (0..2000).map(|i| coder.code(&format!("T-{i:04}")).as_str().as_bytes().to_vec()).collect();
        codes.push(b"000000000000".to_vec());
        codes.push(b"ZZZZZZZZZZZZ".to_vec());
        codes.push(b"0Z0Z0Z0Z0Z0Z".to_vec());
        codes.push(b"7K2M9QWX4RTB".to_vec());
        codes
    }

    #[test]
    fn the_check_character_is_crockford_and_passes() {
        for code in many_codes() {
            let c = check_char(&code);
            assert!(CROCKFORD.contains(&c));
            let mut typed = code.clone();
            typed.push(c);
            assert!(check_passes(&typed), "{}", String::from_utf8_lossy(&typed));
        }
        // Every check character occurs.
        let seen: std::collections::HashSet<u8> = many_codes().iter().map(|c| check_char(c)).collect();
        assert_eq!(seen.len(), 32);
    }

    #[test]
    fn every_single_substitution_is_caught() {
        for code in many_codes() {
            let mut typed = code.clone();
            typed.push(check_char(&code));
            for i in 0..typed.len() {
                for &other in CROCKFORD.iter().filter(|&&o| o != typed[i]) {
                    let mut wrong = typed.clone();
                    wrong[i] = other;
                    assert!(!check_passes(&wrong), "{} passes", String::from_utf8_lossy(&wrong));
                }
            }
        }
    }

    #[test]
    fn every_transposition_is_caught() {
        for code in many_codes() {
            let mut typed = code.clone();
            typed.push(check_char(&code));
            for i in 0..typed.len() {
                for j in i + 1..typed.len() {
                    if typed[i] == typed[j] {
                        continue;
                    }
                    let mut wrong = typed.clone();
                    wrong.swap(i, j);
                    assert!(!check_passes(&wrong), "{} passes ({i}, {j} swapped)", String::from_utf8_lossy(&wrong));
                }
            }
        }
    }

    #[test]
    fn luhn_mod_32_would_miss_a_swap_of_0_and_z() {
        // Why the check is not Luhn mod N: over this alphabet it lets "0Z" typed "Z0" pass.
        fn luhn(chars: &[u8]) -> u8 {
            let mut factor = 2;
            let mut sum = 0;
            for &c in chars.iter().rev() {
                let addend = factor * u32::from(value(c).unwrap());
                factor = 3 - factor;
                sum += addend / 32 + addend % 32;
            }
            CROCKFORD[((32 - sum % 32) % 32) as usize]
        }
        let (right, swapped) = (b"7K2M9QWX4R0Z", b"7K2M9QWX4RZ0");
        assert_eq!(luhn(right), luhn(swapped));
        assert_ne!(check_char(right), check_char(swapped));
    }
}

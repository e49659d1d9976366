//! Stage "sign", status: W3C Bitstring Status List v1.0 (DESIGN §5). Each list is a credential
//! signed like the certificates, whose `encodedList` is the bitstring GZIP-compressed and
//! multibase base64url-encoded (`u…`), index 0 at the left-most bit. Whoever hosts the files
//! cannot flip a bit without breaking the list's signature.
//!
//! A certificate's credential carries one status entry (1EdTech's Open Badges 3.0 schema allows
//! one `credentialStatus`), into `/status/status.json`: `statusPurpose` `message`, `statusSize`
//! 2, so that one entry tells revoked from suspended ([`Standing`]). The entry's index `j` is
//! [`message_index`] of the certificate's slot (`.certsite/status-index.csv`), and the list is laid
//! out so that a verifier that ignores `statusSize` and reads the one bit at `j` (Digital Bazaar's
//! `vc-bitstring-status-list` 2.0 and the DCC's fork of it, behind verifier-core, do) still reads
//! the truth: that bit is set exactly when the certificate is suspended or revoked. The entry's
//! two bits are `2j` and `2j + 1`; every `j` has an odd number of binary digits, so bit `j`
//! belongs to entry `j / 2`, whose number has an even one: no credential points there, and no
//! entry's bits are ever another's flag.
//!
//! Credentials signed before point into two one-bit lists, `/status/revocation.json` and
//! `/status/suspension.json`, at the slot itself; they are still published, current, with
//! every build, so a holder's earlier copy keeps verifying and keeps telling its status.

use std::io::{Read, Write};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use serde_json::{json, Map, Value};

pub use crate::model::status_index::MIN_ENTRIES;

/// A published status list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// `/status/status.json`: two bits an entry, a [`Standing`]; every credential points here.
    Message,
    /// `/status/revocation.json`, one bit an entry: set, the certificate is revoked (final).
    /// Only credentials signed before the message list point here.
    Revocation,
    /// `/status/suspension.json`, one bit an entry: set, the certificate is suspended on the
    /// list's date. Only credentials signed before the message list point here.
    Suspension,
}

impl Purpose {
    /// Every list published.
    pub const ALL: [Purpose; 3] = [Purpose::Message, Purpose::Revocation, Purpose::Suspension];

    /// The two one-bit lists of credentials signed before the message list.
    pub const EARLIER: [Purpose; 2] = [Purpose::Revocation, Purpose::Suspension];

    /// `statusPurpose`.
    pub fn code(self) -> &'static str {
        match self {
            Purpose::Message => "message",
            Purpose::Revocation => "revocation",
            Purpose::Suspension => "suspension",
        }
    }

    /// Bits an entry (`statusSize`).
    pub fn status_size(self) -> usize {
        match self {
            Purpose::Message => 2,
            Purpose::Revocation | Purpose::Suspension => 1,
        }
    }

    /// The number of entries of the list for a register whose slots are below `slots` (see
    /// [`crate::model::status_index::StatusIndex::len`]): the one-bit lists have an entry a slot;
    /// the message list reaches the largest [`message_index`], a power of two, at least
    /// [`MIN_ENTRIES`].
    pub fn entries(self, slots: usize) -> usize {
        match self {
            Purpose::Message => {
                let last = slots.checked_sub(1).map_or(0, |s| message_index(s as u32) + 1);
                (last as usize).max(MIN_ENTRIES).next_power_of_two()
            }
            Purpose::Revocation | Purpose::Suspension => slots,
        }
    }
}

/// A certificate's standing in the message list: its entry's two bits (DESIGN §3: a
/// revocation wins over a suspension).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// `0x0`: neither suspended nor revoked.
    Clear = 0,
    /// `0x1`: suspended.
    Suspended = 1,
    /// `0x2`: revoked.
    Revoked = 2,
}

/// The entry's `statusMessage`: one message for each of the four values two bits can hold, as
/// the specification requires (`0x3` is never written).
pub const STATUS_MESSAGES: [(&str, &str); 4] =
    [("0x0", "neither suspended nor revoked"), ("0x1", "suspended"), ("0x2", "revoked"), ("0x3", "not used")];

impl Standing {
    /// The word for it (the entry's `statusMessage`, shortened).
    pub fn code(self) -> &'static str {
        match self {
            Standing::Clear => "clear",
            Standing::Suspended => "suspended",
            Standing::Revoked => "revoked",
        }
    }

    /// The standing a two-bit value means (`0x3`, never written, is none).
    pub fn from_value(value: u8) -> Option<Standing> {
        match value {
            0 => Some(Standing::Clear),
            1 => Some(Standing::Suspended),
            2 => Some(Standing::Revoked),
            _ => None,
        }
    }
}

/// The message list index of the certificate at status list slot `slot`: the `slot`-th
/// number (from 0) whose binary form has an odd number of digits (1, 4–7, 16–31, 64–127, …).
/// For such a `j`, `j / 2` has an even number of digits, so it is never another certificate's
/// index: bit `j`, inside entry `j / 2`, is free to carry the one-bit reading (see the [module
/// docs](self)). A fixed function of the slot: an index never moves as the list grows.
pub fn message_index(slot: u32) -> u64 {
    let mut rest = u64::from(slot);
    // Numbers of 2m + 1 binary digits: 4^m of them, from 4^m.
    let mut start = 1u64;
    while rest >= start {
        rest -= start;
        start *= 4;
    }
    start + rest
}

/// The slot whose [`message_index`] is `index`, if any.
pub fn slot_of(index: u64) -> Option<u32> {
    if index == 0 || (64 - index.leading_zeros()).is_multiple_of(2) {
        return None;
    }
    // Below 4^m (the start of `index`'s run) there are (4^m - 1) / 3 indexes.
    let start = 1u64 << (63 - index.leading_zeros());
    u32::try_from((start - 1) / 3 + (index - start)).ok()
}

/// The entry of a certificate at slot `slot` of the message list published at `list`: one
/// `BitstringStatusListEntry` that tells revoked from suspended (see the [module docs](self)).
pub fn entry(list: &str, slot: u32) -> Value {
    let index = message_index(slot);
    json!({
        "id": format!("{list}#{index}"),
        "type": "BitstringStatusListEntry",
        "statusPurpose": Purpose::Message.code(),
        "statusListIndex": index.to_string(),
        "statusListCredential": list,
        "statusSize": Purpose::Message.status_size(),
        "statusMessage": STATUS_MESSAGES.iter().map(|(status, message)| json!({ "status": status, "message": message })).collect::<Vec<_>>(),
    })
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

    /// The `size`-bit value of entry `index` (left-most bit the most significant; 0 past the
    /// end), as Bitstring Status List v1.0 reads a `statusSize` of `size`.
    pub fn value(&self, index: u64, size: usize) -> u8 {
        let first = index.saturating_mul(size as u64);
        (0..size as u64)
            .fold(0, |v, k| v << 1 | u8::from(first.checked_add(k).and_then(|b| usize::try_from(b).ok()).is_some_and(|b| self.get(b))))
    }

    /// Sets the message list entry `index` to `standing` (two bits), and the one-bit reading of
    /// `index` to whether it is anything but [`Standing::Clear`] (see the [module docs](self)).
    pub fn set_standing(&mut self, index: u64, standing: Standing) {
        let index = index as usize;
        for k in 0..2 {
            if (standing as u8) >> (1 - k) & 1 == 1 {
                self.set(2 * index + k);
            }
        }
        if standing != Standing::Clear {
            self.set(index);
        }
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
        let b64 = encoded.strip_prefix('u').ok_or_else(|| tr!("write-status-list-no-prefix"))?;
        let compressed = URL_SAFE_NO_PAD.decode(b64).map_err(|e| tr!("write-status-list-not-base64url", error = e.to_string()))?;
        let mut bytes = Vec::new();
        flate2::read::GzDecoder::new(&compressed[..])
            .take(64 << 20)
            .read_to_end(&mut bytes)
            .map_err(|e| tr!("write-status-list-not-gzip", error = e.to_string()))?;
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
    fn message_indexes_are_fixed_and_never_another_s_one_bit_reading() {
        assert_eq!((0..7).map(message_index).collect::<Vec<_>>(), [1, 4, 5, 6, 7, 16, 17]);
        assert_eq!((message_index(20), message_index(21)), (31, 64));
        let mut last = 0;
        for slot in (0..2_000_000).chain([u32::MAX - 1, u32::MAX]) {
            let j = message_index(slot);
            assert!(j > last || slot == 0, "increasing");
            last = j;
            assert_eq!(slot_of(j), Some(slot), "{j} is the index of {slot}");
            // Bit j lies in entry j / 2, which is nobody's.
            assert_eq!(slot_of(j / 2), None, "{j}");
        }
        assert_eq!(slot_of(0), None);
        assert_eq!(slot_of(2), None);
        assert_eq!(slot_of(8), None);
    }

    #[test]
    fn a_standing_reads_right_with_two_bits_and_with_one() {
        let slots = MIN_ENTRIES;
        let entries = Purpose::Message.entries(slots);
        assert_eq!(entries, 524_288, "the largest index of 131,072 slots is {}", message_index(slots as u32 - 1));
        assert!(message_index(slots as u32 - 1) < entries as u64);
        assert_eq!(Purpose::Message.entries(0), MIN_ENTRIES);
        let mut bits = Bitstring::new(entries * 2);
        let standings = [
            (0, Standing::Suspended),
            (1, Standing::Revoked),
            (2, Standing::Clear),
            (131_071, Standing::Revoked),
            (77, Standing::Suspended),
        ];
        for (slot, standing) in standings {
            bits.set_standing(message_index(slot), standing);
        }
        let bits = Bitstring::decode(&bits.encode()).unwrap();
        for (slot, standing) in standings {
            let j = message_index(slot);
            assert_eq!(Standing::from_value(bits.value(j, 2)), Some(standing), "slot {slot}");
            assert_eq!(bits.get(j as usize), standing != Standing::Clear, "one bit at {j}");
        }
        for slot in [3, 4, 5, 76, 78, 131_070] {
            let j = message_index(slot);
            assert_eq!((bits.value(j, 2), bits.get(j as usize)), (0, false), "slot {slot}");
        }
        assert_eq!(bits.value(u64::MAX, 2), 0, "past the end");
    }

    #[test]
    fn the_entry_says_how_to_read_it() {
        let e = entry("https://x.example/status/status.json", 1);
        assert_eq!(e["statusListCredential"], "https://x.example/status/status.json");
        assert_eq!(e["id"], "https://x.example/status/status.json#4");
        assert_eq!(
            (e["statusPurpose"].as_str(), e["statusListIndex"].as_str(), e["statusSize"].as_u64()),
            (Some("message"), Some("4"), Some(2))
        );
        let messages = e["statusMessage"].as_array().unwrap();
        assert_eq!(messages.len(), 4, "one for each value of two bits");
        assert_eq!(messages[2], json!({"status": "0x2", "message": "revoked"}));
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

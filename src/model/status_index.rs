//! Stage "derive": each certificate's place in the status lists (DESIGN §5; Bitstring Status
//! List v1.0). Indexes must never move: a credential signed and copied yesterday points at
//! its index forever. They are kept in `.certsite/status-index.csv` (`number,index`), and a
//! new certificate gets a free slot chosen from HMAC(url secret, number) — so indexes do not
//! reveal issue order — probing forward on a collision. Deriving indexes from the number alone,
//! without the file, would either collide or need a list as large as the hash space; the file
//! is small and is backed up with the key. A removed certificate keeps its slot: it is never
//! handed to another certificate.

use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::model::certificate::Certificates;

/// The smallest status list (Bitstring Status List v1.0, for herd privacy: 16 KiB of bits).
pub const MIN_ENTRIES: usize = 131_072;

/// Not given an index yet.
const NONE: u32 = u32::MAX;

/// A line of the file that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadLine {
    /// Its number, from 1.
    pub line: usize,
    /// What is wrong with it.
    pub what: String,
}

impl std::fmt::Display for BadLine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.line, self.what)
    }
}

/// The status list index of each certificate of a register, and the list length.
#[derive(Debug, Default, Clone)]
pub struct StatusIndex {
    /// By position in the certificate list; [`NONE`] until assigned.
    of: Vec<u32>,
    /// Numbers of the file that are no longer in the register, with their indexes: kept, so
    /// that an index is never handed to another certificate.
    others: Vec<(String, u32)>,
    /// The indexes in use, one bit each.
    used: Vec<u64>,
    /// Number of indexes in use.
    count: usize,
    /// One past the largest index in use.
    end: usize,
    /// Whether anything was assigned since loading.
    changed: bool,
}

impl StatusIndex {
    /// Reads the file's text (`number,index` per line, a header first) for the register
    /// `certificates`. The file lists the certificates in register order (see
    /// [`StatusIndex::to_text`]), so each line is first held against the next certificate: a
    /// register that keeps its order is read without a lookup per line.
    pub fn parse(text: &str, certificates: &Certificates) -> Result<StatusIndex, BadLine> {
        let list = &certificates.list;
        let mut index = StatusIndex { of: vec![NONE; list.len()], ..StatusIndex::default() };
        let mut next = 0;
        for (n, line) in text.lines().enumerate().skip(1).filter(|(_, l)| !l.trim().is_empty()) {
            let bad = |what: String| BadLine { line: n + 1, what };
            let (number, i) = line.rsplit_once(',').ok_or_else(|| bad(tr!("rules-status-index-expected")))?;
            let i: u32 =
                i.trim().parse().ok().filter(|&i| i != NONE).ok_or_else(|| bad(tr!("rules-status-index-not-an-index", value = i)))?;
            let twice = || bad(tr!("rules-status-index-twice", number = number, index = i));
            if index.is_used(i) {
                return Err(twice());
            }
            let position = if list.get(next).is_some_and(|c| c.number == number) { Some(next) } else { certificates.index(number) };
            next = position.map_or(next, |c| c + 1);
            match position {
                Some(c) if index.of[c] != NONE => return Err(twice()),
                Some(c) => index.of[c] = i,
                None if index.others.iter().any(|(o, _)| o == number) => return Err(twice()),
                None => index.others.push((number.to_owned(), i)),
            }
            index.mark_used(i);
        }
        Ok(index)
    }

    fn is_used(&self, i: u32) -> bool {
        self.used.get(i as usize / 64).is_some_and(|w| w & (1 << (i % 64)) != 0)
    }

    fn mark_used(&mut self, i: u32) {
        let word = i as usize / 64;
        if word >= self.used.len() {
            self.used.resize(word + 1, 0);
        }
        self.used[word] |= 1 << (i % 64);
        self.count += 1;
        self.end = self.end.max(i as usize + 1);
    }

    /// The file's text: the register's certificates in its order, then the numbers no longer
    /// in it.
    pub fn to_text(&self, certificates: &Certificates) -> String {
        let mut rows: Vec<(&str, u32)> =
            certificates.list.iter().zip(&self.of).filter(|(_, &i)| i != NONE).map(|(c, &i)| (c.number.as_str(), i)).collect();
        rows.extend(self.others.iter().map(|(n, i)| (n.as_str(), *i)));
        let mut text = String::with_capacity(16 + rows.len() * 24);
        text.push_str("number,index\n");
        for (number, i) in rows {
            text.push_str(number);
            text.push(',');
            text.push_str(&i.to_string());
            text.push('\n');
        }
        text
    }

    /// Gives every certificate without an index one, in list order, keeping the ones given.
    pub fn assign(&mut self, certificates: &Certificates, secret: &[u8]) {
        let mac = Hmac::<Sha256>::new_from_slice(secret).expect("HMAC takes keys of any length");
        self.of.resize(certificates.list.len(), NONE);
        for (c, cert) in certificates.list.iter().enumerate() {
            if self.of[c] != NONE {
                continue;
            }
            let len = self.len() as u64;
            let mut m = mac.clone();
            m.update(b"status-list-index\0");
            m.update(cert.number.as_bytes());
            let digest = m.finalize().into_bytes();
            let start = u64::from_be_bytes(digest[..8].try_into().expect("8 bytes")) % len;
            let mut i = start as u32;
            while self.is_used(i) {
                i = ((u64::from(i) + 1) % len) as u32;
            }
            self.mark_used(i);
            self.of[c] = i;
            self.changed = true;
        }
    }

    /// The index of the certificate at position `c` of the register (after [`assign`]).
    ///
    /// [`assign`]: StatusIndex::assign
    pub fn get(&self, c: usize) -> u32 {
        assert_ne!(self.of[c], NONE, "every certificate is given an index before it is used");
        self.of[c]
    }

    /// Whether anything was assigned since loading.
    pub fn changed(&self) -> bool {
        self.changed
    }

    /// The list length: at least the spec's 131,072, and at least four times the entries in
    /// use (so probing stays short and the herd large); a power of two, so it only ever grows
    /// and existing indexes stay inside it.
    pub fn len(&self) -> usize {
        let needed = (self.count + 1) * 4;
        needed.max(self.end).max(MIN_ENTRIES).next_power_of_two()
    }

    /// True when no index is assigned.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Problems;
    use crate::model::certificate::example;
    use std::collections::HashSet;

    fn register(numbers: &[&str]) -> Certificates {
        Certificates::new(numbers.iter().map(|n| example(n, 2)).collect(), &mut Problems::new())
    }

    #[test]
    fn indexes_are_stable_unique_and_survive_the_file() {
        let first = register(&["A-1", "A-2", "A-3"]);
        let mut a = StatusIndex::default();
        a.assign(&first, b"secret");
        let before: Vec<u32> = (0..3).map(|c| a.get(c)).collect();
        // A new register: one certificate before them, one after, and A-2 gone.
        let second = register(&["A-0", "A-1", "A-3", "A-4"]);
        let mut b = StatusIndex::parse(&a.to_text(&first), &second).unwrap();
        assert!(!b.changed());
        b.assign(&second, b"secret");
        assert!(b.changed());
        assert_eq!([b.get(1), b.get(2)], [before[0], before[2]], "adding certificates never moves existing ones");
        let all: HashSet<u32> = (0..4).map(|c| b.get(c)).chain([before[1]]).collect();
        assert_eq!(all.len(), 5, "A-2's index is kept, never handed out again");
        assert!(b.to_text(&second).contains(&format!("A-2,{}\n", before[1])));
        assert!(all.iter().all(|&i| (i as usize) < b.len()));
        assert_eq!(b.len(), MIN_ENTRIES);
    }

    #[test]
    fn the_same_indexes_as_assigned_one_by_one() {
        // Assigning over a register in one go gives each number the index it gets when the
        // numbers arrive one build at a time.
        let numbers: Vec<String> = (0..50).map(|i| format!("N-{i}")).collect();
        let names: Vec<&str> = numbers.iter().map(String::as_str).collect();
        let mut all = StatusIndex::default();
        all.assign(&register(&names), b"k");
        let mut text = String::from("number,index\n");
        for k in 1..=names.len() {
            let register = register(&names[..k]);
            let mut step = StatusIndex::parse(&text, &register).unwrap();
            step.assign(&register, b"k");
            text = step.to_text(&register);
        }
        let register = register(&names);
        assert_eq!(StatusIndex::parse(&text, &register).unwrap().to_text(&register), all.to_text(&register));
    }

    #[test]
    fn grows_by_doubling_for_big_registers() {
        let numbers: Vec<String> = (0..40_000).map(|i| format!("N-{i}")).collect();
        let register = register(&numbers.iter().map(String::as_str).collect::<Vec<_>>());
        let mut s = StatusIndex::default();
        s.assign(&register, b"k");
        assert_eq!(s.len(), 262_144);
        assert!((0..numbers.len()).all(|c| (s.get(c) as usize) < s.len()));
    }

    #[test]
    fn a_broken_file_is_an_error() {
        let r = register(&["A", "B"]);
        assert!(StatusIndex::parse("number,index\nA,1\nB,1\n", &r).is_err());
        assert!(StatusIndex::parse("number,index\nA,1\nA,2\n", &r).is_err());
        assert!(StatusIndex::parse("number,index\nGONE,1\nGONE,2\n", &r).is_err());
        assert!(StatusIndex::parse("number,index\nA,x\n", &r).is_err());
    }
}

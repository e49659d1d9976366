//! Stage "derive": each certificate's place in the status lists (DESIGN §5; Bitstring Status
//! List v1.0). Indexes must never move: a credential signed and copied yesterday points at
//! its index forever. They are kept in `.certsite/status-index.csv` (`number,index`), and a
//! new certificate gets a free slot chosen from HMAC(url secret, number) — so indexes do not
//! reveal issue order — probing forward on a collision. Deriving indexes from the number alone,
//! without the file, would either collide or need a list as large as the hash space; the file
//! is small and is backed up with the key. A removed certificate keeps its slot: it is never
//! handed to another certificate.

use rustc_hash::{FxHashMap, FxHashSet};

use hmac::{Hmac, Mac};
use sha2::Sha256;

/// The smallest status list (Bitstring Status List v1.0, for herd privacy: 16 KiB of bits).
pub const MIN_ENTRIES: usize = 131_072;

/// Number → index, and the list length.
#[derive(Debug, Default, Clone)]
pub struct StatusIndex {
    by_number: FxHashMap<String, u32>,
    used: FxHashSet<u32>,
    /// One past the largest index in use.
    end: usize,
    /// New entries since loading, in assignment order (appended to the file).
    added: Vec<(String, u32)>,
}

impl StatusIndex {
    /// Parses the file's text (`number,index` per line, a header first).
    pub fn parse(text: &str) -> Result<StatusIndex, String> {
        let mut index = StatusIndex::default();
        let lines = text.bytes().filter(|&b| b == b'\n').count();
        index.by_number.reserve(lines);
        index.used.reserve(lines);
        for (n, line) in text.lines().enumerate().skip(1).filter(|(_, l)| !l.trim().is_empty()) {
            let (number, i) = line.rsplit_once(',').ok_or_else(|| format!("line {}: expected number,index", n + 1))?;
            let i: u32 = i.trim().parse().map_err(|_| format!("line {}: \"{i}\" is not an index", n + 1))?;
            if !index.used.insert(i) || index.by_number.insert(number.to_owned(), i).is_some() {
                return Err(format!("line {}: {number} or index {i} appears twice", n + 1));
            }
            index.end = index.end.max(i as usize + 1);
        }
        Ok(index)
    }

    /// The file's text.
    pub fn to_text(&self) -> String {
        let mut rows: Vec<(&String, &u32)> = self.by_number.iter().collect();
        rows.sort_by_key(|(_, i)| **i);
        let mut text = String::from("number,index\n");
        for (number, i) in rows {
            text.push_str(&format!("{number},{i}\n"));
        }
        text
    }

    /// Gives every number in `numbers` an index, keeping the ones already given.
    pub fn assign<'a>(&mut self, numbers: impl Iterator<Item = &'a str>, secret: &[u8]) {
        let mac = Hmac::<Sha256>::new_from_slice(secret).expect("HMAC takes keys of any length");
        for number in numbers {
            if self.by_number.contains_key(number) {
                continue;
            }
            let len = self.len() as u64;
            let mut m = mac.clone();
            m.update(b"status-list-index\0");
            m.update(number.as_bytes());
            let digest = m.finalize().into_bytes();
            let start = u64::from_be_bytes(digest[..8].try_into().expect("8 bytes")) % len;
            let mut i = start as u32;
            while self.used.contains(&i) {
                i = ((u64::from(i) + 1) % len) as u32;
            }
            self.used.insert(i);
            self.end = self.end.max(i as usize + 1);
            self.by_number.insert(number.to_owned(), i);
            self.added.push((number.to_owned(), i));
        }
    }

    /// The index of a number.
    pub fn get(&self, number: &str) -> Option<u32> {
        self.by_number.get(number).copied()
    }

    /// Whether anything was assigned since loading.
    pub fn changed(&self) -> bool {
        !self.added.is_empty()
    }

    /// The list length: at least the spec's 131,072, and at least four times the entries in
    /// use (so probing stays short and the herd large); a power of two, so it only ever grows
    /// and existing indexes stay inside it.
    pub fn len(&self) -> usize {
        let needed = (self.used.len() + 1) * 4;
        needed.max(self.end).max(MIN_ENTRIES).next_power_of_two()
    }

    /// True when no index is assigned.
    pub fn is_empty(&self) -> bool {
        self.by_number.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indexes_are_stable_unique_and_survive_the_file() {
        let mut a = StatusIndex::default();
        a.assign(["A-1", "A-2", "A-3"].into_iter(), b"secret");
        let before: Vec<u32> = ["A-1", "A-2", "A-3"].iter().map(|n| a.get(n).unwrap()).collect();
        let mut b = StatusIndex::parse(&a.to_text()).unwrap();
        b.assign(["A-0", "A-1", "A-2", "A-3", "A-4"].into_iter(), b"secret");
        let after: Vec<u32> = ["A-1", "A-2", "A-3"].iter().map(|n| b.get(n).unwrap()).collect();
        assert_eq!(before, after, "adding certificates never moves existing ones");
        let all: std::collections::HashSet<u32> = ["A-0", "A-1", "A-2", "A-3", "A-4"].iter().map(|n| b.get(n).unwrap()).collect();
        assert_eq!(all.len(), 5);
        assert!(all.iter().all(|&i| (i as usize) < b.len()));
        assert_eq!(b.len(), MIN_ENTRIES);
    }

    #[test]
    fn grows_by_doubling_for_big_registers() {
        let mut s = StatusIndex::default();
        let numbers: Vec<String> = (0..40_000).map(|i| format!("N-{i}")).collect();
        s.assign(numbers.iter().map(String::as_str), b"k");
        assert_eq!(s.len(), 262_144);
        assert!(numbers.iter().all(|n| (s.get(n).unwrap() as usize) < s.len()));
    }

    #[test]
    fn a_broken_file_is_an_error() {
        assert!(StatusIndex::parse("number,index\nA,1\nB,1\n").is_err());
        assert!(StatusIndex::parse("number,index\nA,x\n").is_err());
    }
}

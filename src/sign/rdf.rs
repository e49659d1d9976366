//! Stage "sign", RDF: a JSON-LD document as an RDF dataset and its canonical N-Quads, for
//! `eddsa-rdfc-2022` (DESIGN §5; W3C Data Integrity EdDSA Cryptosuites v1.0 §3.3). JSON-LD 1.1
//! to RDF is Sophia's (`sophia_jsonld`, on the `json-ld` crate), with the contexts bundled in
//! the binary: nothing is ever fetched. RDF Dataset Canonicalization (RDFC-1.0) is Sophia's too
//! (`sophia_c14n`).
//!
//! Turning a credential into RDF takes about a millisecond, most of it processing the
//! contexts; a register of 100,000 certificates cannot pay that each. But every certificate's
//! credential has the same shape (the same members, nesting and types; only the text values
//! differ), and JSON-LD maps a text value to its RDF term without looking at it (a literal, or
//! an absolute IRI kept as it is). So a [`Shape`] is compiled once: the document with each
//! text value replaced by a distinct placeholder IRI goes through JSON-LD, and the placeholders
//! in the resulting quads mark where each value goes. Every document of that shape then only
//! fills in its values. Safeguards: a value that lands where an IRI goes must be an absolute
//! IRI (else JSON-LD would resolve or drop it); the first document of each shape is also run
//! through JSON-LD as it is and must give the same dataset; and a placeholder that does not
//! come out of JSON-LD means a member no context defines (JSON-LD would drop it silently), which
//! is an error: safe mode.

use std::collections::{BTreeSet, HashMap};
use std::sync::atomic::Ordering;
use std::sync::{Arc, RwLock};

use serde_json::{Map, Value};
use sophia_api::prelude::*;
use sophia_api::quad::Spog;
use sophia_api::term::{BnodeId, IriRef, SimpleTerm};
use sophia_api::MownStr;
use sophia_jsonld::loader::{ClosureLoader, FutureExt};
use sophia_jsonld::{JsonLdOptions, JsonLdParser};

use crate::sign::contexts::BUNDLED;

/// An RDF quad.
pub type Quad = Spog<SimpleTerm<'static>>;

/// An RDF dataset.
pub type Dataset = BTreeSet<Quad>;

/// Why a document cannot be turned into RDF.
#[derive(Debug)]
pub enum RdfError {
    /// JSON-LD processing failed (a context that is not bundled, an invalid document, …).
    JsonLd(String),
    /// A member of the document is defined by no context (JSON-LD would drop it).
    Undefined(String),
    /// Canonicalization failed.
    Canonical(String),
    /// The compiled form of a document disagrees with JSON-LD: a bug, never signed.
    Mismatch,
}

impl std::fmt::Display for RdfError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            RdfError::JsonLd(e) => tr!("write-rdf-json-ld", error = e),
            RdfError::Undefined(member) => tr!("write-rdf-undefined", member = member),
            RdfError::Canonical(e) => tr!("write-rdf-canonical", error = e),
            RdfError::Mismatch => tr!("write-rdf-mismatch"),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for RdfError {}

/// The RDF dataset of `document` by JSON-LD processing, with the bundled contexts and
/// `extra` ones (`(url, json)`).
pub fn to_dataset(document: &Value, extra: &[(&str, &str)]) -> Result<Dataset, RdfError> {
    let documents: Arc<Vec<(String, String)>> =
        Arc::new(BUNDLED.iter().chain(extra).map(|(u, j)| ((*u).to_owned(), (*j).to_owned())).collect());
    let options = JsonLdOptions::new().with_document_loader_closure(move || {
        let documents = documents.clone();
        ClosureLoader::new(move |url: sophia_api::prelude::Iri<String>| {
            let found = documents.iter().find(|(u, _)| u == url.as_str()).map(|(_, j)| j.clone());
            async move { found.ok_or_else(|| tr!("write-rdf-context-not-bundled", url = url.as_str())) }.boxed()
        })
    });
    let parser = JsonLdParser::new_with_options(options);
    let text = serde_json::to_string(document).map_err(|e| RdfError::JsonLd(e.to_string()))?;
    parser.parse_str(&text).collect_quads().map_err(|e| RdfError::JsonLd(e.to_string()))
}

/// The canonical N-Quads of a dataset (RDFC-1.0, SHA-256), one quad a line.
pub fn canonical_nquads(dataset: &Dataset) -> Result<String, RdfError> {
    String::from_utf8(normalize(dataset)?).map_err(|e| RdfError::Canonical(e.to_string()))
}

/// [`canonical_nquads`] as bytes, of any set of quads.
fn normalize<D: sophia_api::dataset::SetDataset>(dataset: &D) -> Result<Vec<u8>, RdfError> {
    let mut out = Vec::with_capacity(4096);
    sophia_c14n::rdfc10::normalize(dataset, &mut out).map_err(|e| RdfError::Canonical(e.to_string()))?;
    Ok(out)
}

/// Where the text values of a document go in its RDF: the quads of one document shape with
/// holes (see the [module docs](self)).
#[derive(Debug)]
pub struct Shape {
    quads: Vec<[TermPart; 4]>,
    /// The pairs of `quads` that some values could make the same quad (a set holds it once).
    may_clash: Vec<(usize, usize)>,
    /// The document itself was checked against JSON-LD once.
    checked: std::sync::atomic::AtomicBool,
}

/// A term of a quad with holes.
#[derive(Debug, Clone)]
enum TermPart {
    /// No term (the default graph).
    None,
    /// An IRI, fixed.
    Iri(String),
    /// An IRI from the `n`-th text value.
    IriSlot(usize),
    /// A blank node.
    Blank(String),
    /// A literal with a fixed text.
    Literal(String, Datatype),
    /// A literal from the `n`-th text value.
    LiteralSlot(usize, Datatype),
}

/// A literal's datatype or language.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Datatype {
    Iri(String),
    Language(String),
}

impl TermPart {
    /// Whether some values could make the two the same term.
    fn may_equal(&self, other: &TermPart) -> bool {
        use TermPart::*;
        match (self, other) {
            (None, None) => true,
            (Iri(a), Iri(b)) | (Blank(a), Blank(b)) => a == b,
            (Iri(_) | IriSlot(_), Iri(_) | IriSlot(_)) => true,
            (Literal(a, x), Literal(b, y)) => a == b && x == y,
            (Literal(_, x) | LiteralSlot(_, x), Literal(_, y) | LiteralSlot(_, y)) => x == y,
            _ => false,
        }
    }
}

/// The placeholder of the `n`-th text value: an absolute IRI that no document holds.
fn placeholder(n: usize) -> String {
    format!("urn:x-certsite-value:{n}")
}

fn slot_of(text: &str) -> Option<usize> {
    text.strip_prefix("urn:x-certsite-value:")?.parse().ok()
}

/// Whether a member's text values belong to the shape rather than being values: `@context`
/// entries and types (JSON-LD expands those by the context).
fn is_structural(key: &str) -> bool {
    matches!(key, "@context" | "type" | "@type")
}

/// One pass over a document: its shape (its structure, with each text value replaced by a
/// marker) into `h`, and its text values that are not structural into `values`, in document
/// order.
fn walk<'v>(value: &'v Value, h: &mut xxhash_rust::xxh3::Xxh3, values: &mut Vec<&'v str>) {
    match value {
        Value::String(s) => {
            h.update(b"$");
            values.push(s);
        }
        Value::Array(items) => {
            h.update(b"[");
            for v in items {
                walk(v, h, values);
                h.update(b",");
            }
            h.update(b"]");
        }
        Value::Object(map) => {
            h.update(b"{");
            walk_members(map, None, h, values);
            h.update(b"}");
        }
        other => hash_value(other, h),
    }
}

/// [`walk`] over the members of an object, but the member named `exclude` (a secured
/// document's `proof`).
fn walk_members<'v>(map: &'v Map<String, Value>, exclude: Option<&str>, h: &mut xxhash_rust::xxh3::Xxh3, values: &mut Vec<&'v str>) {
    for (k, v) in map {
        if exclude == Some(k.as_str()) {
            continue;
        }
        h.update(&(k.len() as u64).to_le_bytes());
        h.update(k.as_bytes());
        if is_structural(k) {
            hash_value(v, h);
        } else {
            walk(v, h, values);
        }
        h.update(b",");
    }
}

/// A JSON value, all of it, into `h` (unambiguously: each text is preceded by its length).
fn hash_value(value: &Value, h: &mut xxhash_rust::xxh3::Xxh3) {
    match value {
        Value::Null => h.update(b"n"),
        Value::Bool(b) => h.update(if *b { b"t" } else { b"f" }),
        Value::Number(n) => {
            h.update(b"#");
            h.update(n.to_string().as_bytes());
            h.update(b";");
        }
        Value::String(s) => {
            h.update(b"$");
            h.update(&(s.len() as u64).to_le_bytes());
            h.update(s.as_bytes());
        }
        Value::Array(items) => {
            h.update(b"[");
            items.iter().for_each(|v| hash_value(v, h));
            h.update(b"]");
        }
        Value::Object(map) => {
            h.update(b"{");
            for (k, v) in map {
                h.update(&(k.len() as u64).to_le_bytes());
                h.update(k.as_bytes());
                hash_value(v, h);
            }
            h.update(b"}");
        }
    }
}

/// `value` with its text values replaced by placeholders but for those numbered in `keep`,
/// and the names of the members they are in (to name an undefined member).
fn with_placeholders(value: &Value, key: &str, keep: &[usize], n: &mut usize, members: &mut Vec<String>) -> Value {
    match value {
        Value::String(text) => {
            let k = *n;
            *n += 1;
            members.push(key.to_owned());
            Value::String(if keep.contains(&k) { text.clone() } else { placeholder(k) })
        }
        Value::Array(items) => Value::Array(items.iter().map(|v| with_placeholders(v, key, keep, n, members)).collect()),
        Value::Object(map) => {
            let mut out = Map::new();
            for (k, v) in map {
                let v = if is_structural(k) { v.clone() } else { with_placeholders(v, k, keep, n, members) };
                out.insert(k.clone(), v);
            }
            Value::Object(out)
        }
        other => other.clone(),
    }
}

impl Shape {
    /// Compiles the shape of `document` (see the [module docs](self)), its text values
    /// numbered in `keep` kept as they are (values a context expands, such as `proofPurpose`).
    fn compile(document: &Value, keep: &[usize], to_dataset: impl Fn(&Value) -> Result<Dataset, RdfError>) -> Result<Shape, RdfError> {
        let (mut n, mut members) = (0, Vec::new());
        let template = with_placeholders(document, "", keep, &mut n, &mut members);
        let dataset = to_dataset(&template)?;
        let mut used = vec![false; n];
        let mut part = |t: Option<&SimpleTerm<'static>>| -> TermPart {
            match t {
                None => TermPart::None,
                Some(SimpleTerm::Iri(iri)) => match slot_of(iri.as_str()) {
                    Some(k) => {
                        used[k] = true;
                        TermPart::IriSlot(k)
                    }
                    None => TermPart::Iri(iri.as_str().to_owned()),
                },
                Some(SimpleTerm::BlankNode(b)) => TermPart::Blank(b.as_str().to_owned()),
                Some(SimpleTerm::LiteralDatatype(lex, dt)) => {
                    let datatype = Datatype::Iri(dt.as_str().to_owned());
                    match slot_of(lex) {
                        Some(k) => {
                            used[k] = true;
                            TermPart::LiteralSlot(k, datatype)
                        }
                        None => TermPart::Literal(lex.to_string(), datatype),
                    }
                }
                Some(SimpleTerm::LiteralLanguage(lex, tag, _)) => {
                    let datatype = Datatype::Language(tag.as_str().to_owned());
                    match slot_of(lex) {
                        Some(k) => {
                            used[k] = true;
                            TermPart::LiteralSlot(k, datatype)
                        }
                        None => TermPart::Literal(lex.to_string(), datatype),
                    }
                }
                Some(other) => TermPart::Literal(format!("{other:?}"), Datatype::Iri(String::new())),
            }
        };
        let quads: Vec<[TermPart; 4]> =
            dataset.iter().map(|([s, p, o], g)| [part(Some(s)), part(Some(p)), part(Some(o)), part(g.as_ref())]).collect();
        if let Some(k) = (0..n).find(|k| !used[*k] && !keep.contains(k)) {
            return Err(RdfError::Undefined(members[k].clone()));
        }
        let may_clash = (0..quads.len())
            .flat_map(|i| (i + 1..quads.len()).map(move |j| (i, j)))
            .filter(|&(i, j)| quads[i].iter().zip(&quads[j]).all(|(a, b)| a.may_equal(b)))
            .collect();
        Ok(Shape { quads, may_clash, checked: std::sync::atomic::AtomicBool::new(false) })
    }

    /// The text values (by number) that go where an IRI goes but are not absolute IRIs in
    /// `values`: JSON-LD expands them by the context, so they are part of the shape.
    fn expanded(&self, values: &[&str]) -> Vec<usize> {
        let mut found: Vec<usize> = self
            .quads
            .iter()
            .flatten()
            .filter_map(|t| match t {
                TermPart::IriSlot(k) if values.get(*k).is_some_and(|v| !is_absolute(v)) => Some(*k),
                _ => None,
            })
            .collect();
        found.sort_unstable();
        found.dedup();
        found
    }

    /// The dataset of a document of this shape with text `values` (borrowing them), `None`
    /// when a value that goes where an IRI goes is not an absolute IRI (the caller then
    /// processes the document as it is).
    fn fill<'a>(&'a self, values: &[&'a str]) -> Option<Distinct<'a>> {
        let term = |t: &'a TermPart| -> Option<Option<SimpleTerm<'a>>> {
            Some(Some(match t {
                TermPart::None => return Some(None),
                TermPart::Iri(i) => SimpleTerm::Iri(IriRef::new_unchecked(MownStr::from(i.as_str()))),
                TermPart::IriSlot(k) => {
                    let value = *values.get(*k)?;
                    if !is_absolute(value) {
                        return None;
                    }
                    SimpleTerm::Iri(IriRef::new_unchecked(MownStr::from(value)))
                }
                TermPart::Blank(b) => SimpleTerm::BlankNode(BnodeId::new_unchecked(MownStr::from(b.as_str()))),
                TermPart::Literal(text, dt) => literal(text, dt),
                TermPart::LiteralSlot(k, dt) => literal(values.get(*k)?, dt),
            }))
        };
        let mut quads = Vec::with_capacity(self.quads.len());
        for [s, p, o, g] in &self.quads {
            quads.push(([term(s)??, term(p)??, term(o)??], term(g)?));
        }
        // A set: the second of two equal quads goes (rare: the pairs that could clash were
        // found when the shape was compiled).
        let mut gone = Vec::new();
        for &(i, j) in &self.may_clash {
            if quads[i] == quads[j] {
                gone.push(j);
            }
        }
        if !gone.is_empty() {
            gone.sort_unstable();
            gone.dedup();
            for j in gone.into_iter().rev() {
                quads.remove(j);
            }
        }
        Some(Distinct(quads))
    }
}

/// A term of [`canonical_first_degree`]: written out as canonical N-Quads (a range of its
/// buffer), or a blank node (by number).
#[derive(Clone, Copy)]
enum Written {
    Text(u32, u32),
    Blank(u32),
}

/// RDFC-1.0 (W3C RDF Dataset Canonicalization) of a set of quads whose blank nodes each have a
/// hash of their own after the first degree (§4.6), as a credential's have: each blank node's
/// canonical label follows from the order of those hashes, and the N-Quads are written and
/// sorted. `None` when two blank nodes share a hash (the n-degree steps decide then: Sophia's
/// [`normalize`] does all of RDFC-1.0) or a term is one certsite never makes. Each term is
/// written once into one buffer, lines are sorted as ranges of another, and a blank node's
/// quads are found by number rather than by comparing terms: the same bytes as the general
/// algorithm (held against it for the first document of each shape, and in the tests) for a
/// fraction of its allocations.
fn canonical_first_degree(quads: &[Spog<SimpleTerm<'_>>]) -> Option<Vec<u8>> {
    use sha2::{Digest, Sha256};
    let mut terms = String::with_capacity(quads.len() * 64);
    let mut blanks: Vec<&str> = Vec::with_capacity(16);
    let mut written: Vec<([Written; 4], usize)> = Vec::with_capacity(quads.len());
    for ([s, p, o], g) in quads {
        let mut quad = [Written::Blank(0); 4];
        let parts = [Some(s), Some(p), Some(o), g.as_ref()];
        let mut n = 0;
        for term in parts.into_iter().flatten() {
            quad[n] = match term {
                SimpleTerm::BlankNode(id) => {
                    let id = id.as_str();
                    let b = blanks.iter().position(|x| *x == id).unwrap_or_else(|| {
                        blanks.push(id);
                        blanks.len() - 1
                    });
                    Written::Blank(b as u32)
                }
                other => {
                    let start = terms.len() as u32;
                    write_nquads_term(other, &mut terms)?;
                    Written::Text(start, terms.len() as u32)
                }
            };
            n += 1;
        }
        written.push((quad, n));
    }
    // The quads as lines in `buffer` (ranges in `lines`), blank node `b` named `names[b]`,
    // sorted (Unicode code point order is the order of UTF-8 bytes).
    let lines_of =
        |which: &mut dyn Iterator<Item = &([Written; 4], usize)>, names: &[&str], buffer: &mut String, lines: &mut Vec<(u32, u32)>| {
            buffer.clear();
            lines.clear();
            for (quad, n) in which {
                let start = buffer.len() as u32;
                for term in &quad[..*n] {
                    match *term {
                        Written::Text(a, b) => buffer.push_str(&terms[a as usize..b as usize]),
                        Written::Blank(b) => buffer.push_str(names[b as usize]),
                    }
                    buffer.push(' ');
                }
                buffer.push_str(".\n");
                lines.push((start, buffer.len() as u32));
            }
            let bytes = buffer.as_bytes();
            lines.sort_unstable_by(|x, y| bytes[x.0 as usize..x.1 as usize].cmp(&bytes[y.0 as usize..y.1 as usize]));
        };
    let mut buffer = String::with_capacity(terms.len() * 2);
    let mut lines = Vec::with_capacity(quads.len());
    // Hash First Degree Quads: the quads that mention the blank node, itself `_:a`, any other
    // `_:z`, sorted.
    let mut hashes: Vec<([u8; 32], usize)> = Vec::with_capacity(blanks.len());
    let mut names = vec!["_:z"; blanks.len()];
    for b in 0..blanks.len() {
        names[b] = "_:a";
        let mentions = |(quad, n): &&([Written; 4], usize)| quad[..*n].iter().any(|t| matches!(t, Written::Blank(x) if *x as usize == b));
        lines_of(&mut written.iter().filter(mentions), &names, &mut buffer, &mut lines);
        names[b] = "_:z";
        let mut h = Sha256::new();
        lines.iter().for_each(|&(x, y)| h.update(&buffer.as_bytes()[x as usize..y as usize]));
        hashes.push((h.finalize().into(), b));
    }
    hashes.sort_unstable();
    if hashes.windows(2).any(|w| w[0].0 == w[1].0) {
        return None;
    }
    let mut label = vec![String::new(); blanks.len()];
    for (rank, (_, b)) in hashes.iter().enumerate() {
        label[*b] = format!("_:c14n{rank}");
    }
    let names: Vec<&str> = label.iter().map(String::as_str).collect();
    lines_of(&mut written.iter(), &names, &mut buffer, &mut lines);
    let mut out = Vec::with_capacity(buffer.len());
    lines.iter().for_each(|&(x, y)| out.extend_from_slice(&buffer.as_bytes()[x as usize..y as usize]));
    Some(out)
}

/// Writes a term other than a blank node in canonical N-Quads as RDFC-1.0 writes them (`\"`,
/// `\\`, `\n`, `\r`, `\t`, `\b`, `\f` escaped, the other control characters as `\uXXXX`);
/// `None` for a kind of term certsite never makes (a literal with a base direction, a triple, a
/// variable).
fn write_nquads_term(term: &SimpleTerm<'_>, out: &mut String) -> Option<()> {
    let quoted = |text: &str, out: &mut String| {
        out.push('"');
        let mut rest = text;
        // Runs of characters that need no escape are copied whole.
        while let Some(i) = rest.bytes().position(|c| c < 0x20 || c == b'"' || c == b'\\' || c == 0x7f) {
            out.push_str(&rest[..i]);
            match rest.as_bytes()[i] {
                b'"' => out.push_str("\\\""),
                b'\\' => out.push_str("\\\\"),
                b'\n' => out.push_str("\\n"),
                b'\r' => out.push_str("\\r"),
                b'\t' => out.push_str("\\t"),
                0x08 => out.push_str("\\b"),
                0x0c => out.push_str("\\f"),
                c => {
                    use std::fmt::Write as _;
                    let _ = write!(out, "\\u{:04X}", c);
                }
            }
            rest = &rest[i + 1..];
        }
        out.push_str(rest);
        out.push('"');
    };
    match term {
        SimpleTerm::Iri(iri) => {
            out.push('<');
            out.push_str(iri.as_str());
            out.push('>');
        }
        SimpleTerm::LiteralDatatype(text, datatype) => {
            quoted(text, out);
            if datatype.as_str() != "http://www.w3.org/2001/XMLSchema#string" {
                out.push_str("^^<");
                out.push_str(datatype.as_str());
                out.push('>');
            }
        }
        SimpleTerm::LiteralLanguage(text, tag, None) => {
            quoted(text, out);
            out.push('@');
            out.push_str(&tag.as_str().to_ascii_lowercase());
        }
        _ => return None,
    }
    Some(())
}

/// Quads with no two the same: a set, for RDFC-1.0, without a tree built of them.
struct Distinct<'a>(Vec<Spog<SimpleTerm<'a>>>);

impl<'a> sophia_api::dataset::Dataset for Distinct<'a> {
    type Error = std::convert::Infallible;
    type Quad<'x>
        = &'x Spog<SimpleTerm<'a>>
    where
        Self: 'x;

    fn quads(&self) -> impl Iterator<Item = sophia_api::dataset::DResult<Self, Self::Quad<'_>>> + '_ {
        self.0.iter().map(Ok)
    }
}

impl sophia_api::dataset::SetDataset for Distinct<'_> {}

impl Distinct<'_> {
    /// The quads as a [`Dataset`] that owns its terms.
    fn owned(&self) -> Dataset {
        let own = |t: &SimpleTerm<'_>| -> SimpleTerm<'static> { t.into_term() };
        self.0.iter().map(|([s, p, o], g)| ([own(s), own(p), own(o)], g.as_ref().map(own))).collect()
    }
}

/// Whether `text` is an absolute IRI that JSON-LD keeps unchanged: a scheme that no bundled
/// context defines as a term (else JSON-LD would read a compact IRI: `http`, `https`, `did`,
/// `urn`), a colon, then only characters an IRI may hold (RFC 3987: unreserved, reserved and
/// `%` in ASCII, anything beyond ASCII). Any other value is processed by JSON-LD as it is.
fn is_absolute(text: &str) -> bool {
    let bytes = text.as_bytes();
    let Some(colon) = memchr::memchr(b':', bytes) else { return false };
    let (scheme, rest) = bytes.split_at(colon);
    matches!(scheme, b"https" | b"http" | b"did" | b"urn") && rest.iter().all(|&c| IRI_BYTE[c as usize])
}

/// The bytes an IRI may hold ([`is_absolute`]), as a table: it is asked of every byte of
/// every IRI of every credential.
const IRI_BYTE: [bool; 256] = {
    let mut table = [false; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        table[c] = b >= 0x80 || b.is_ascii_alphanumeric();
        c += 1;
    }
    let punctuation = b"-._~:/?#[]@!$&'()*+,;=%";
    let mut i = 0;
    while i < punctuation.len() {
        table[punctuation[i] as usize] = true;
        i += 1;
    }
    table
};

fn literal<'a>(text: &'a str, datatype: &'a Datatype) -> SimpleTerm<'a> {
    match datatype {
        Datatype::Iri(dt) => SimpleTerm::LiteralDatatype(MownStr::from(text), IriRef::new_unchecked(MownStr::from(dt.as_str()))),
        Datatype::Language(tag) => SimpleTerm::LiteralLanguage(
            MownStr::from(text),
            sophia_api::term::LanguageTag::new_unchecked(MownStr::from(tag.as_str())),
            None,
        ),
    }
}

/// Compiled shapes, shared by the threads of a build: by the structure of a document, the text
/// values that are part of its shape (those a context expands), and by those values, the shape.
#[derive(Debug, Default)]
pub struct Shapes {
    /// Contexts beside the bundled ones, `(url, json)` (the test vectors').
    extra: Vec<(String, String)>,
    compiled: RwLock<HashMap<u128, Family>>,
    /// SHA-256 of the canonical N-Quads of small documents that recur (proof configurations:
    /// one per proof date), by the document's hash.
    recurring: RwLock<HashMap<u128, [u8; 32]>>,
}

/// The shapes of one document structure.
#[derive(Debug, Default)]
struct Family {
    /// Text values (by number) that are part of the shape.
    expanded: Vec<usize>,
    /// The compiled shape for each set of those values (by their hash).
    shapes: HashMap<u128, Arc<Shape>>,
}

/// A hash of the text values numbered in `expanded`.
fn expanded_key(expanded: &[usize], values: &[&str]) -> u128 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    for &k in expanded {
        let v = values.get(k).copied().unwrap_or_default();
        h.update(&(v.len() as u64).to_le_bytes());
        h.update(v.as_bytes());
    }
    h.digest128()
}

/// `document` without its top-level member `exclude`.
fn without(document: &Map<String, Value>, exclude: Option<&str>) -> Value {
    Value::Object(document.iter().filter(|(k, _)| Some(k.as_str()) != exclude).map(|(k, v)| (k.clone(), v.clone())).collect())
}

impl Shapes {
    /// Shapes of documents that may also use the contexts `extra` (`(url, json)`).
    pub fn with_contexts(extra: &[(&str, &str)]) -> Shapes {
        Shapes { extra: extra.iter().map(|(u, j)| ((*u).to_owned(), (*j).to_owned())).collect(), ..Shapes::default() }
    }

    fn to_dataset(&self, document: &Value) -> Result<Dataset, RdfError> {
        let extra: Vec<(&str, &str)> = self.extra.iter().map(|(u, j)| (u.as_str(), j.as_str())).collect();
        to_dataset(document, &extra)
    }

    /// The shape of `document` (without its member `exclude`), compiled on first use, and its
    /// text values.
    fn shape<'d>(&self, document: &'d Map<String, Value>, exclude: Option<&str>) -> Result<(Arc<Shape>, Vec<&'d str>), RdfError> {
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        let mut values = Vec::with_capacity(32);
        walk_members(document, exclude, &mut h, &mut values);
        let key = h.digest128();
        {
            let compiled = self.compiled.read().unwrap_or_else(|p| p.into_inner());
            if let Some(family) = compiled.get(&key) {
                if let Some(shape) = family.shapes.get(&expanded_key(&family.expanded, &values)) {
                    return Ok((shape.clone(), values));
                }
            }
        }
        // First of its structure, or of its expanded values: compiled under the write lock.
        let whole = without(document, exclude);
        let mut compiled = self.compiled.write().unwrap_or_else(|p| p.into_inner());
        let family = match compiled.entry(key) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(e) => {
                // Which values does the context expand?
                let probe = Shape::compile(&whole, &[], |d| self.to_dataset(d))?;
                e.insert(Family { expanded: probe.expanded(&values), shapes: HashMap::new() })
            }
        };
        let fixed = expanded_key(&family.expanded, &values);
        let shape = match family.shapes.get(&fixed) {
            Some(shape) => shape.clone(),
            None => {
                let shape = Arc::new(Shape::compile(&whole, &family.expanded, |d| self.to_dataset(d))?);
                family.shapes.insert(fixed, shape.clone());
                shape
            }
        };
        Ok((shape, values))
    }

    /// The canonical N-Quads (RDFC-1.0) of `document`'s RDF: from its compiled shape (the
    /// first document of each shape is checked against JSON-LD processing).
    pub fn canonical_nquads(&self, document: &Value) -> Result<String, RdfError> {
        match document {
            Value::Object(map) => {
                String::from_utf8(self.canonical_nquads_without(map, None)?).map_err(|e| RdfError::Canonical(e.to_string()))
            }
            other => canonical_nquads(&self.to_dataset(other)?),
        }
    }

    /// [`Shapes::canonical_nquads`] of `document` without its top-level member `exclude` (a
    /// secured document's `proof`), without copying it.
    pub fn canonical_nquads_without(&self, document: &Map<String, Value>, exclude: Option<&str>) -> Result<Vec<u8>, RdfError> {
        let (shape, values) = self.shape(document, exclude)?;
        let Some(dataset) = shape.fill(&values) else {
            return Ok(canonical_nquads(&self.to_dataset(&without(document, exclude))?)?.into_bytes());
        };
        let canonical = match canonical_first_degree(&dataset.0) {
            Some(nquads) => nquads,
            None => normalize(&dataset)?,
        };
        if !shape.checked.load(Ordering::Acquire) {
            // The first document of each shape: its RDF is JSON-LD's, and its canonical form
            // Sophia's RDFC-1.0.
            if dataset.owned() != self.to_dataset(&without(document, exclude))? || canonical != normalize(&dataset)? {
                return Err(RdfError::Mismatch);
            }
            shape.checked.store(true, Ordering::Release);
        }
        Ok(canonical)
    }

    /// SHA-256 of [`Shapes::canonical_nquads`] for a document that recurs (the proof
    /// configuration of many credentials of one day): made once, then remembered.
    pub fn recurring_sha256(&self, document: &Value) -> Result<[u8; 32], RdfError> {
        use sha2::{Digest, Sha256};
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        hash_value(document, &mut h);
        let key = h.digest128();
        if let Some(hash) = self.recurring.read().unwrap_or_else(|p| p.into_inner()).get(&key) {
            return Ok(*hash);
        }
        let hash: [u8; 32] = Sha256::digest(self.canonical_nquads(document)?).into();
        self.recurring.write().unwrap_or_else(|p| p.into_inner()).insert(key, hash);
        Ok(hash)
    }

    /// The RDF dataset of `document`, as [`Shapes::canonical_nquads`] makes it (tests compare it
    /// with JSON-LD's).
    #[cfg(test)]
    fn dataset(&self, document: &Value) -> Result<Dataset, RdfError> {
        let Value::Object(map) = document else { return self.to_dataset(document) };
        let (shape, values) = self.shape(map, None)?;
        let dataset = shape.fill(&values).map(|d| d.owned());
        match dataset {
            Some(dataset) => Ok(dataset),
            None => self.to_dataset(document),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sign::contexts::{OB_CONTEXT, VC_CONTEXT};

    const VECTORS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/vectors");

    fn read(path: &str) -> String {
        std::fs::read_to_string(format!("{VECTORS}/{path}")).unwrap()
    }

    fn examples() -> (&'static str, String) {
        ("https://www.w3.org/ns/credentials/examples/v2", read("contexts/credentials-examples-v2.jsonld"))
    }

    #[test]
    fn the_w3c_documents_canonicalize_as_published() {
        let (url, json) = examples();
        // (employmentAuth.json, the other vector, names a citizenship context that is not
        // vendored.)
        let value: Value = serde_json::from_str(&read("vc-di-eddsa/unsigned.json")).unwrap();
        let dataset = to_dataset(&value, &[(url, &json)]).unwrap();
        assert_eq!(canonical_nquads(&dataset).unwrap(), read("vc-di-eddsa/eddsa-rdfc-2022/canonDocDataInt.txt"));
    }

    #[test]
    fn a_compiled_shape_gives_what_json_ld_gives() {
        let credential = |name: &str, scope: &str| {
            serde_json::json!({
                "@context": [VC_CONTEXT, OB_CONTEXT],
                "id": format!("https://cert.example.org/c/{}/", name.len()),
                "type": ["VerifiableCredential", "OpenBadgeCredential"],
                "name": "Sertifikat",
                "issuer": {"id": "did:web:cert.example.org", "type": ["Profile"], "name": "Orqan \"Ə\"", "url": "https://cert.example.org"},
                "validFrom": "2025-01-01T00:00:00Z",
                "credentialSubject": {
                    "type": ["AchievementSubject"],
                    "name": name,
                    "achievement": {
                        "id": "https://cert.example.org/c/X/#achievement",
                        "type": ["Achievement"],
                        "name": "Aşpaz",
                        "description": scope,
                        "criteria": {"narrative": scope}
                    }
                }
            })
        };
        let shapes = Shapes::default();
        for (name, scope) in [("Əliyeva Şəbnəm", "Uçot; Audit"), ("<b>\"x\"\n</b>", ""), ("Ad", "a\\b")] {
            let document = credential(name, scope);
            let fast = shapes.dataset(&document).unwrap();
            assert_eq!(fast, to_dataset(&document, &[]).unwrap(), "{name}");
            assert_eq!(canonical_nquads(&fast).unwrap(), canonical_nquads(&to_dataset(&document, &[]).unwrap()).unwrap());
        }
        assert_eq!(shapes.compiled.read().unwrap().len(), 1, "one shape");
        // A value the context expands (proofPurpose is a term of the vocabulary) is part of
        // the shape.
        let config = |purpose: &str, created: &str| {
            serde_json::json!({"@context": [VC_CONTEXT], "type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022",
                "created": created, "verificationMethod": "did:web:x#key-1", "proofPurpose": purpose})
        };
        for (purpose, created) in [
            ("assertionMethod", "2025-01-01T00:00:00Z"),
            ("assertionMethod", "2026-01-01T00:00:00Z"),
            ("authentication", "2025-01-01T00:00:00Z"),
        ] {
            let document = config(purpose, created);
            assert_eq!(shapes.dataset(&document).unwrap(), to_dataset(&document, &[]).unwrap(), "{purpose}");
        }
        let families = shapes.compiled.read().unwrap();
        assert_eq!(families.len(), 2);
        assert!(families.values().any(|f| !f.expanded.is_empty() && f.shapes.len() == 2), "{families:?}");
        drop(families);
        // Values that make two quads the same make one quad, as in a set.
        for names in [["Ad", "Soyad"], ["Ad", "Ad"]] {
            let mut document = credential("Ad", "x");
            document["credentialSubject"]["achievement"]["name"] = serde_json::json!(names);
            let expected = canonical_nquads(&to_dataset(&document, &[]).unwrap()).unwrap();
            assert_eq!(shapes.canonical_nquads(&document).unwrap(), expected, "{names:?}");
        }
        // A value where an IRI goes that is not an absolute IRI is processed as it is.
        let mut odd = credential("Ad", "x");
        odd["id"] = "relative/path".into();
        assert_eq!(shapes.dataset(&odd).unwrap(), to_dataset(&odd, &[]).unwrap());
    }

    #[test]
    fn the_first_degree_canonical_form_is_sophia_s_rdfc_1_0() {
        // Credentials as certsite makes them (the one status entry's four blank nodes among
        // them), with values that test every escape, and a document whose blank nodes tie
        // after the first degree (left to Sophia).
        let cert = |number: &str, name: &str, scope: Vec<&str>| crate::model::certificate::Certificate {
            number: number.to_owned(),
            surname: name.into(),
            given_name: "G".into(),
            patronymic: None,
            profession: "Aşpaz".into(),
            profession_en: None,
            scope: scope.into_iter().map(Into::into).collect::<Vec<_>>().into(),
            scope_en: None,
            issued_on: time::macros::date!(2025 - 01 - 01),
            valid_until: time::macros::date!(2027 - 12 - 31),
            replaces: None,
            line: 2,
        };
        let key = ed25519_dalek::SigningKey::from_bytes(&[7; 32]);
        let signer = crate::sign::credential::Signer::new("did:web:x.example".into(), "Orqan".into(), "https://x.example".into(), key);
        let shapes = Shapes::default();
        let tricky = ["Əliyeva \"Ş\" \\ ə", "tab\tnew\nline\rcr\u{8}\u{c}", "\u{1}\u{1f}\u{7f}\u{80}\u{2028}😀", "<b>&amp;</b>", ""];
        let mut checked = 0;
        for (k, name) in tricky.iter().enumerate() {
            for scope in [vec![], vec!["Uçot", *name], vec![*name, *name]] {
                let c = cert(&format!("N-{k}"), name, scope);
                let credential = crate::sign::credential::certificate_credential(
                    &c,
                    "https://x.example/c/A/",
                    &signer,
                    "https://x.example/status/status.json",
                    k as u32,
                );
                let (shape, values) = shapes.shape(&credential, None).unwrap();
                let dataset = shape.fill(&values).unwrap();
                let fast = canonical_first_degree(&dataset.0).expect("a credential's blank nodes differ at the first degree");
                assert_eq!(String::from_utf8(fast).unwrap(), String::from_utf8(normalize(&dataset).unwrap()).unwrap(), "{name:?}");
                checked += 1;
            }
        }
        assert_eq!(checked, 15);
        // Two blank nodes alike at the first degree: not decided here.
        let twins = serde_json::json!({"@context": [VC_CONTEXT], "type": "VerifiableCredential", "issuer": "did:web:x",
            "credentialSubject": [{"name": "A"}, {"name": "A"}]});
        let (shape, values) = shapes.shape(twins.as_object().unwrap(), None).unwrap();
        let dataset = shape.fill(&values).unwrap();
        assert!(canonical_first_degree(&dataset.0).is_none());
        assert_eq!(shapes.canonical_nquads(&twins).unwrap(), canonical_nquads(&to_dataset(&twins, &[]).unwrap()).unwrap());
    }

    #[test]
    fn absolute_iris_are_told_from_other_text() {
        for c in 0..=255u8 {
            let allowed = c >= 0x80 || c.is_ascii_alphanumeric() || b"-._~:/?#[]@!$&'()*+,;=%".contains(&c);
            assert_eq!(IRI_BYTE[c as usize], allowed, "{c:#x}");
        }
        for iri in ["https://x.example/c/AB12/#achievement", "did:web:x.example", "urn:uuid:1", "http://x/ə"] {
            assert!(is_absolute(iri), "{iri}");
        }
        for text in ["relative/path", "ftp://x", "https://x/a b", "https://x/\"<>", "schema:name", ""] {
            assert!(!is_absolute(text), "{text}");
        }
    }

    #[test]
    fn a_member_no_context_defines_is_an_error() {
        let document = serde_json::json!({
            "@context": [VC_CONTEXT, OB_CONTEXT],
            "type": ["VerifiableCredential"],
            "credentialSubject": {"type": ["AchievementSubject"], "favouriteColour": "blue"}
        });
        let err = Shape::compile(&document, &[], |d| to_dataset(d, &[])).unwrap_err();
        assert!(matches!(&err, RdfError::Undefined(m) if m == "favouriteColour"), "{err}");
    }
}

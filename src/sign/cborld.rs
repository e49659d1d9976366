//! CBOR-LD 1.0 (W3C CCG draft): JSON-LD documents compressed to CBOR with the terms of their
//! contexts and an application type table, as `@digitalbazaar/cborld` 8.1.0 does it with
//! `format: 'cbor-ld-1.0'` (DESIGN §5, the paper credential). A port of what that library
//! does, so that both give the same bytes:
//!
//! - the bytes are tag 0xcb1d (`d9 cb 1d`) around `[registryEntryId, payload]`;
//! - term ids are given as contexts load: the keywords' own table, then 100, 102, … for each
//!   new term of each context (its keys sorted) in the order contexts are first loaded
//!   (embedded, then type-scoped, then property-scoped as the walk meets them); a key whose
//!   value is an array takes its term's id + 1;
//! - values go through the type table (`context`, `url`, `none` and typed subtables), the
//!   term ids (for `@id`/`@type`-typed values), `https://`/`http://` URLs as `[2|1, rest]`,
//!   multibase as bytes, `xsd:dateTime`/`xsd:date` as seconds when nothing is lost; anything
//!   else passes through;
//! - maps are written as `cborg` writes them: keys by CBOR major type, integers by value,
//!   strings by length then bytes; integers in their shortest form.
//!
//! What the port does not support (URL schemes other than http(s), floats, inline type
//! tables of the legacy formats, an uncompressed payload…) is an [`Error`], never a guess.

use std::cmp::Ordering;
use std::collections::HashMap;
use std::rc::Rc;

use ciborium::value::{Integer, Value as Cbor};
use serde_json::{Map, Value as Json};

/// The CBOR tag of CBOR-LD 1.0.
pub const TAG: u64 = 0xcb1d;

const KEYWORDS: [(&str, u64); 28] = [
    ("@context", 0),
    ("@type", 2),
    ("@id", 4),
    ("@value", 6),
    ("@direction", 8),
    ("@graph", 10),
    ("@included", 12),
    ("@index", 14),
    ("@json", 16),
    ("@language", 18),
    ("@list", 20),
    ("@nest", 22),
    ("@reverse", 24),
    ("@base", 26),
    ("@container", 28),
    ("@default", 30),
    ("@embed", 32),
    ("@explicit", 34),
    ("@none", 36),
    ("@omitDefault", 38),
    ("@prefix", 40),
    ("@preserve", 42),
    ("@protected", 44),
    ("@requireAll", 46),
    ("@set", 48),
    ("@version", 50),
    ("@vocab", 52),
    ("@propagate", 54),
];
const FIRST_CUSTOM_TERM_ID: u64 = 100;
/// Subtables whose integers are written as bytes (CBOR-LD 1.0, not legacy).
const ENCODED_AS_BYTES: [&str; 4] = ["none", "http://www.w3.org/2001/XMLSchema#date", "http://www.w3.org/2001/XMLSchema#dateTime", "url"];
const MULTIBASE: &str = "https://w3id.org/security#multibase";
const XSD_DATE: &str = "http://www.w3.org/2001/XMLSchema#date";
const XSD_DATE_TIME: &str = "http://www.w3.org/2001/XMLSchema#dateTime";
const MAX_SAFE_INTEGER: i128 = (1 << 53) - 1;
/// How deep CBOR items may nest in bytes to decode.
const MAX_DEPTH: usize = 32;

/// Why a document could not be encoded or bytes decoded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{code}: {message}")]
pub struct Error {
    /// The library's error code where it has one (`ERR_…`), else `ERR_UNSUPPORTED`.
    pub code: &'static str,
    /// What was wrong.
    pub message: String,
}

fn err<T>(code: &'static str, message: impl Into<String>) -> Result<T, Error> {
    Err(Error { code, message: message.into() })
}

fn unsupported<T>(message: impl Into<String>) -> Result<T, Error> {
    err("ERR_UNSUPPORTED", message)
}

/// An application type table: for each type (`context`, `url`, `none`, or a JSON-LD type
/// IRI), values and their integers.
#[derive(Debug, Clone)]
pub struct TypeTable {
    /// The CBOR-LD registry entry id the table is known by.
    pub registry_entry_id: u64,
    forward: HashMap<String, HashMap<String, u64>>,
    reverse: HashMap<String, HashMap<u64, String>>,
}

impl TypeTable {
    /// A table from its subtables, each a list of (value, integer).
    pub fn new(registry_entry_id: u64, subtables: &[(String, Vec<(String, u64)>)]) -> Result<TypeTable, Error> {
        if registry_entry_id < 2 {
            return unsupported("registry entry ids 0 and 1 (uncompressed, default table)");
        }
        let mut forward: HashMap<String, HashMap<String, u64>> = HashMap::new();
        let mut reverse: HashMap<String, HashMap<u64, String>> = HashMap::new();
        for (kind, entries) in subtables {
            if ["integer", "double", "boolean"].iter().any(|t| *kind == format!("http://www.w3.org/2001/XMLSchema#{t}")) {
                return err("ERR_UNSUPPORTED_LITERAL_TYPE", "\"typeTable\" must not contain XSD integers, doubles, or booleans.");
            }
            let f = forward.entry(kind.clone()).or_default();
            let r = reverse.entry(kind.clone()).or_default();
            for (value, n) in entries {
                f.insert(value.clone(), *n);
                r.insert(*n, value.clone());
            }
        }
        for core in ["context", "url", "none"] {
            forward.entry(core.into()).or_default();
            reverse.entry(core.into()).or_default();
        }
        Ok(TypeTable { registry_entry_id, forward, reverse })
    }
}

/// Where contexts come from: the document (with its `@context` member) of a context URL.
pub type DocumentLoader<'a> = &'a dyn Fn(&str) -> Option<Json>;

/// JavaScript's `<` on strings: UTF-16 code units.
fn js_cmp(a: &str, b: &str) -> Ordering {
    a.encode_utf16().cmp(b.encode_utf16())
}

/// A term id, or the term itself when no context defines it.
#[derive(Debug, Clone, PartialEq)]
enum TermId {
    Id(u64),
    Term(String),
}

struct Entry {
    context: Map<String, Json>,
    term_map: Map<String, Json>,
}

struct ContextLoader<'a> {
    loader: DocumentLoader<'a>,
    contexts: HashMap<String, Rc<Entry>>,
    next_term_id: u64,
    term_to_id: HashMap<String, u64>,
    id_to_term: HashMap<u64, String>,
}

impl<'a> ContextLoader<'a> {
    fn new(loader: DocumentLoader<'a>) -> Self {
        ContextLoader {
            loader,
            contexts: HashMap::new(),
            next_term_id: FIRST_CUSTOM_TERM_ID,
            term_to_id: KEYWORDS.iter().map(|(k, v)| (k.to_string(), *v)).collect(),
            id_to_term: KEYWORDS.iter().map(|(k, v)| (*v, k.to_string())).collect(),
        }
    }

    fn id_for_term(&self, term: &str, plural: bool) -> TermId {
        match self.term_to_id.get(term) {
            Some(id) => TermId::Id(id + u64::from(plural)),
            None => TermId::Term(term.to_owned()),
        }
    }

    fn term_for_id(&self, id: &TermId) -> Result<(String, bool), Error> {
        match id {
            TermId::Term(t) => Ok((t.clone(), false)),
            TermId::Id(id) => {
                let plural = id & 1 == 1;
                match self.id_to_term.get(&(id - u64::from(plural))) {
                    Some(term) => Ok((term.clone(), plural)),
                    None => err("ERR_UNKNOWN_CBORLD_TERM_ID", format!("Unknown term ID \"{id}\" was detected in the CBOR-LD input.")),
                }
            }
        }
    }

    fn document(&self, url: &str) -> Result<Map<String, Json>, Error> {
        match (self.loader)(url) {
            Some(Json::Object(mut doc)) => match doc.remove("@context") {
                Some(Json::Object(ctx)) => Ok(ctx),
                _ => unsupported(format!("the document of context {url} has no @context object")),
            },
            _ => err("ERR_CONTEXT_NOT_FOUND", format!("no document for context {url}")),
        }
    }

    fn load(&mut self, context: &Json) -> Result<Rc<Entry>, Error> {
        let key = match context {
            Json::String(url) => url.clone(),
            Json::Object(_) => context.to_string(),
            other => return unsupported(format!("a context that is neither a URL nor an object: {other}")),
        };
        if let Some(entry) = self.contexts.get(&key) {
            return Ok(entry.clone());
        }
        match context {
            Json::String(url) => {
                let ctx = self.document(url)?;
                self.add_context(ctx, Some(url))
            }
            Json::Object(ctx) => self.add_context(ctx.clone(), None),
            _ => unreachable!("checked above"),
        }
    }

    fn add_context(&mut self, mut context: Map<String, Json>, url: Option<&str>) -> Result<Rc<Entry>, Error> {
        if let Some(import) = context.get("@import").filter(|v| js_truthy(v)) {
            let Json::String(import) = import else { return unsupported("@import that is not a URL") };
            let import = import.clone();
            let entry = match self.contexts.get(&import) {
                Some(e) => e.clone(),
                None => {
                    let ctx = self.document(&import)?;
                    self.add_context(ctx, Some(&import))?
                }
            };
            let mut merged = entry.context.clone();
            for (k, v) in context {
                merged.insert(k, v);
            }
            context = merged;
        }
        let mut keys: Vec<&String> = context.keys().collect();
        keys.sort_by(|a, b| js_cmp(a, b));
        let protected = context.get("@protected").is_some_and(js_truthy);
        let mut term_map = Map::new();
        for key in keys {
            if KEYWORDS.iter().any(|(k, _)| k == key) {
                continue;
            }
            let mut def = match &context[key] {
                Json::Null => continue,
                Json::String(id) => {
                    let mut m = Map::new();
                    m.insert("@id".into(), Json::String(id.clone()));
                    m
                }
                Json::Object(m) => m.clone(),
                _ => {
                    return err(
                        "ERR_INVALID_TERM_DEFINITION",
                        format!("Invalid JSON-LD term definition for \"{key}\"; it must be a string or an object."),
                    )
                }
            };
            def.insert("protected".into(), Json::Bool(protected));
            term_map.insert(key.clone(), Json::Object(def));
            if !self.term_to_id.contains_key(key) {
                let id = self.next_term_id;
                self.next_term_id += 2;
                self.term_to_id.insert(key.clone(), id);
                self.id_to_term.insert(id, key.clone());
            }
        }
        let key = url.map_or_else(|| Json::Object(context.clone()).to_string(), str::to_owned);
        let entry = Rc::new(Entry { context, term_map });
        self.contexts.insert(key, entry.clone());
        Ok(entry)
    }
}

fn js_truthy(v: &Json) -> bool {
    match v {
        Json::Null => false,
        Json::Bool(b) => *b,
        Json::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        Json::String(s) => !s.is_empty(),
        _ => true,
    }
}

struct ActiveContext {
    term_map: Map<String, Json>,
    previous: Option<Rc<ActiveContext>>,
    type_terms: Vec<String>,
}

impl ActiveContext {
    fn new(term_map: Map<String, Json>, previous: Option<Rc<ActiveContext>>) -> Rc<ActiveContext> {
        let mut type_terms = vec!["@type".to_owned()];
        type_terms.extend(term_map.iter().filter(|(_, d)| d["@id"] == "@type").map(|(t, _)| t.clone()));
        Rc::new(ActiveContext { term_map, previous, type_terms })
    }

    fn definition(&self, term: &str) -> Map<String, Json> {
        self.term_map.get(term).and_then(Json::as_object).cloned().unwrap_or_default()
    }
}

fn flag(def: &Json, name: &str) -> bool {
    def.get(name).is_some_and(js_truthy)
}

/// `_deepEqual(a, b, true)`: equal but for the top-level `protected` and `propagate`.
fn same_definition(a: &Json, b: &Json) -> bool {
    let strip = |d: &Json| -> Map<String, Json> {
        let mut m = d.as_object().cloned().unwrap_or_default();
        m.remove("protected");
        m.remove("propagate");
        m
    };
    strip(a) == strip(b)
}

fn resolve_curie(active: &Map<String, Json>, context: &Map<String, Json>, value: &str, depth: usize) -> Result<String, Error> {
    if !value.contains(':') {
        return Ok(value.to_owned());
    }
    if depth > 32 {
        return unsupported(format!("CURIE {value} does not resolve"));
    }
    let (prefix, suffix) = value.split_once(':').expect("contains ':'");
    let def = match context.get(prefix) {
        Some(d) if !d.is_null() => Some(d),
        _ => active.get(prefix),
    };
    let id = match def {
        None => return Ok(value.to_owned()),
        Some(Json::String(id)) => id,
        Some(d) => match d.get("@id") {
            Some(Json::String(id)) => id,
            _ => return unsupported(format!("prefix {prefix} has no @id")),
        },
    };
    resolve_curie(active, context, &format!("{id}{suffix}"), depth + 1)
}

fn resolve_curies(active: &Map<String, Json>, context: &Map<String, Json>, new: &mut Map<String, Json>) -> Result<(), Error> {
    for (key, def) in new.iter_mut() {
        let def = def.as_object_mut().expect("definitions are objects");
        match def.get("@id") {
            Some(Json::String(id)) => {
                let id = resolve_curie(active, context, id, 0)?;
                def.insert("@id".into(), Json::String(id));
            }
            Some(_) => {}
            None => {
                let resolved = resolve_curie(active, context, key, 0)?;
                if resolved.contains(':') {
                    def.insert("@id".into(), Json::String(resolved));
                }
            }
        }
        match def.get("@type") {
            Some(Json::String(t)) => {
                let t = resolve_curie(active, context, t, 0)?;
                def.insert("@type".into(), Json::String(t));
            }
            Some(other) => return unsupported(format!("@type {other} of term {key}")),
            None => {}
        }
        if !def.get("@id").is_some_and(Json::is_string) {
            return err(
                "ERR_INVALID_TERM_DEFINITION",
                format!("Invalid JSON-LD term definition for \"{key}\"; the \"@id\" value could not be determined."),
            );
        }
    }
    Ok(())
}

fn revert_term_map(active: &ActiveContext) -> Result<Map<String, Json>, Error> {
    let mut new = Map::new();
    let mut non_propagating = vec![];
    for (term, def) in &active.term_map {
        if flag(def, "propagate") {
            new.insert(term.clone(), def.clone());
        } else {
            non_propagating.push(term);
        }
    }
    for term in non_propagating {
        let mut current = active;
        let def = loop {
            let Some(previous) = current.previous.as_deref() else {
                return unsupported(format!("term {term} has no earlier definition"));
            };
            current = previous;
            match current.term_map.get(term) {
                Some(def) if !flag(def, "propagate") => continue,
                other => break other,
            }
        };
        if let Some(def) = def {
            new.insert(term.clone(), def.clone());
        }
    }
    Ok(new)
}

impl ContextLoader<'_> {
    fn update_term_map(
        &mut self,
        mut active: Map<String, Json>,
        contexts: Option<&Json>,
        property_scope: bool,
        type_scope: bool,
    ) -> Result<Map<String, Json>, Error> {
        let empty = Json::Object(Map::new());
        let list: Vec<&Json> = match contexts {
            None => vec![&empty],
            Some(Json::Array(items)) => items.iter().collect(),
            Some(one) => vec![one],
        };
        for context in list {
            let entry = self.load(context)?;
            let context = &entry.context;
            let propagate = match context.get("@propagate") {
                Some(Json::Null) | None => !type_scope,
                Some(p) => js_truthy(p),
            };
            let mut new: Map<String, Json> = entry
                .term_map
                .iter()
                .map(|(k, v)| {
                    let mut d = v.clone();
                    d.as_object_mut().expect("definitions are objects").insert("propagate".into(), Json::Bool(propagate));
                    (k.clone(), d)
                })
                .collect();
            resolve_curies(&active, context, &mut new)?;
            for (term, active_def) in &active {
                match new.get(term) {
                    Some(def) => {
                        if flag(active_def, "protected") && !property_scope && !same_definition(def, active_def) {
                            return err(
                                "ERR_PROTECTED_TERM_REDEFINITION",
                                format!("Unexpected redefinition of protected term \"{term}\"."),
                            );
                        }
                    }
                    None => {
                        if !context.get(term).is_some_and(Json::is_null) {
                            new.insert(term.clone(), active_def.clone());
                        }
                    }
                }
            }
            active = new;
        }
        Ok(active)
    }

    fn apply_embedded(&mut self, ctx: &Rc<ActiveContext>, contexts: Option<&Json>) -> Result<Rc<ActiveContext>, Error> {
        let map = self.update_term_map(ctx.term_map.clone(), contexts, false, false)?;
        Ok(ActiveContext::new(map, Some(ctx.clone())))
    }

    fn apply_property_scoped(&mut self, ctx: &Rc<ActiveContext>, term: &str) -> Result<Rc<ActiveContext>, Error> {
        let reverted = revert_term_map(ctx)?;
        let scoped = ctx.term_map.get(term).and_then(|d| d.get("@context")).cloned();
        let map = self.update_term_map(reverted, scoped.as_ref(), true, false)?;
        Ok(ActiveContext::new(map, Some(ctx.clone())))
    }

    fn apply_type_scoped(&mut self, ctx: &Rc<ActiveContext>, mut types: Vec<String>) -> Result<Rc<ActiveContext>, Error> {
        types.sort_by(|a, b| js_cmp(a, b));
        types.dedup();
        let mut map = ctx.term_map.clone();
        for t in types {
            let scoped = map.get(&t).and_then(|d| d.get("@context")).cloned();
            map = self.update_term_map(map, scoped.as_ref(), false, true)?;
        }
        Ok(ActiveContext::new(map, Some(ctx.clone())))
    }
}

/// The subtable a value of `term` (defined by `def`, typed `term_type`) is looked up in.
fn table_type(term: &str, def: &Map<String, Json>, term_type: Option<&str>) -> String {
    let id = def.get("@id").and_then(Json::as_str);
    if term == "@id" || id == Some("@id") || term == "@type" || id == Some("@type") || matches!(term_type, Some("@id" | "@vocab")) {
        return "url".into();
    }
    term_type.unwrap_or("none").to_owned()
}

fn term_type(def: &Map<String, Json>) -> Result<Option<String>, Error> {
    match def.get("@type") {
        None => Ok(None),
        Some(Json::String(t)) => Ok(Some(t.clone())),
        Some(other) => unsupported(format!("@type {other}")),
    }
}

fn bytes_from_uint(v: u64) -> Result<Vec<u8>, Error> {
    Ok(if v < 0xff {
        vec![v as u8]
    } else if v < 0xffff {
        (v as u16).to_be_bytes().to_vec()
    } else if v < 0xffff_ffff {
        (v as u32).to_be_bytes().to_vec()
    } else if i128::from(v) < MAX_SAFE_INTEGER {
        v.to_be_bytes().to_vec()
    } else {
        return err("ERR_COMPRESSION_VALUE_TOO_LARGE", format!("Compression value \"{v}\" too large."));
    })
}

fn bytes_from_int(v: i64) -> Result<Vec<u8>, Error> {
    // The library writes with setInt8/16/32, which wrap values below the range: refuse those.
    let bytes = if v < 0x7f {
        i8::try_from(v).map(|x| x.to_be_bytes().to_vec()).ok()
    } else if v < 0x7fff {
        i16::try_from(v).map(|x| x.to_be_bytes().to_vec()).ok()
    } else if v < 0x7fff_ffff {
        i32::try_from(v).map(|x| x.to_be_bytes().to_vec()).ok()
    } else if i128::from(v) < MAX_SAFE_INTEGER {
        Some(v.to_be_bytes().to_vec())
    } else {
        return err("ERR_COMPRESSION_VALUE_TOO_LARGE", format!("Compression value \"{v}\" too large."));
    };
    bytes.map_or_else(|| unsupported(format!("integer {v} in a typed value")), Ok)
}

fn uint_from_bytes(b: &[u8]) -> Result<u64, Error> {
    Ok(match b.len() {
        1 => u64::from(b[0]),
        2 => u64::from(u16::from_be_bytes([b[0], b[1]])),
        4 => u64::from(u32::from_be_bytes([b[0], b[1], b[2], b[3]])),
        _ => return err("ERR_UNRECOGNIZED_BYTES", "Improperly formatted bytes found."),
    })
}

fn int_from_bytes(b: &[u8]) -> Result<i64, Error> {
    Ok(match b.len() {
        1 => i64::from(b[0] as i8),
        2 => i64::from(i16::from_be_bytes([b[0], b[1]])),
        4 => i64::from(i32::from_be_bytes([b[0], b[1], b[2], b[3]])),
        8 => {
            let v = i64::from_be_bytes(b.try_into().expect("8 bytes"));
            if i128::from(v) > MAX_SAFE_INTEGER {
                return err("ERR_COMPRESSION_VALUE_TOO_LARGE", format!("Compression value \"{v}\" too large."));
            }
            v
        }
        _ => return err("ERR_UNRECOGNIZED_BYTES", "Improperly formatted bytes found."),
    })
}

/// A JSON number as JavaScript's integer, if it is one (within ±2^53).
fn js_integer(n: &serde_json::Number) -> Result<Option<i64>, Error> {
    if let Some(i) = n.as_i64() {
        if i128::from(i).abs() > MAX_SAFE_INTEGER {
            return unsupported(format!("integer {n} beyond 2^53"));
        }
        return Ok(Some(i));
    }
    if n.is_u64() {
        return unsupported(format!("integer {n} beyond 2^53"));
    }
    unsupported(format!("the number {n} (only integers are supported)"))
}

fn int(v: i64) -> Cbor {
    Cbor::Integer(Integer::from(v))
}

fn uint(v: u64) -> Cbor {
    Cbor::Integer(Integer::from(v))
}

/// A JSON value passed through as it is.
fn plain(value: &Json) -> Result<Cbor, Error> {
    Ok(match value {
        Json::Null => Cbor::Null,
        Json::Bool(b) => Cbor::Bool(*b),
        Json::Number(n) => int(js_integer(n)?.expect("js_integer errs on non-integers")),
        Json::String(s) => Cbor::Text(s.clone()),
        Json::Array(items) => Cbor::Array(items.iter().map(plain).collect::<Result<_, _>>()?),
        Json::Object(m) => Cbor::Map(m.iter().map(|(k, v)| Ok((Cbor::Text(k.clone()), plain(v)?))).collect::<Result<_, Error>>()?),
    })
}

/// Seconds since the epoch and milliseconds of `value` when it is exactly what JavaScript's
/// `toISOString` writes for that instant (`YYYY-MM-DDThh:mm:ss[.sss]Z`, years 0000–9999).
fn iso_instant(value: &str) -> Option<(i64, Option<u16>)> {
    let b = value.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let s = value.get(r)?;
        s.bytes().all(|c| c.is_ascii_digit()).then(|| s.parse().ok())?
    };
    let (len, ms) = match b.len() {
        20 => (20, None),
        24 if b[19] == b'.' => (24, Some(digits(20..23)? as u16)),
        _ => return None,
    };
    if b[4] != b'-' || b[7] != b'-' || b[10] != b'T' || b[13] != b':' || b[16] != b':' || b[len - 1] != b'Z' {
        return None;
    }
    let month = time::Month::try_from(digits(5..7)? as u8).ok()?;
    let date = time::Date::from_calendar_date(digits(0..4)? as i32, month, digits(8..10)? as u8).ok()?;
    let t = time::Time::from_hms(digits(11..13)? as u8, digits(14..16)? as u8, digits(17..19)? as u8).ok()?;
    Some((date.with_time(t).assume_utc().unix_timestamp(), ms))
}

fn iso_date(value: &str) -> Option<i64> {
    let (secs, _) = iso_instant(&format!("{value}T00:00:00Z"))?;
    Some(secs)
}

fn instant_text(secs: i64, ms: Option<i64>) -> Result<String, Error> {
    let total = i128::from(secs) * 1000 + i128::from(ms.unwrap_or(0));
    let t = time::OffsetDateTime::from_unix_timestamp_nanos(total * 1_000_000)
        .ok()
        .filter(|t| (0..=9999).contains(&t.year()))
        .map_or_else(|| unsupported(format!("date {secs} out of range")), Ok)?;
    let base = format!("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", t.year(), u8::from(t.month()), t.day(), t.hour(), t.minute(), t.second());
    Ok(match ms {
        None => format!("{base}Z"),
        Some(_) => format!("{base}.{:03}Z", t.millisecond()),
    })
}

fn encode_url(value: &str, loader: &ContextLoader) -> Result<Option<Cbor>, Error> {
    if let TermId::Id(id) = loader.id_for_term(value, false) {
        return Ok(Some(uint(id)));
    }
    if url::Url::parse(value).is_err() {
        return Ok(None);
    }
    let mut parts: Vec<&str> = value.split(':').collect();
    parts.pop();
    let scheme = parts.join(":");
    match scheme.as_str() {
        "http" | "https" => Ok(if let Some(rest) = value.strip_prefix("https://") {
            Some(Cbor::Array(vec![uint(2), Cbor::Text(rest.into())]))
        } else {
            value.strip_prefix("http://").map(|rest| Cbor::Array(vec![uint(1), Cbor::Text(rest.into())]))
        }),
        "urn:uuid" | "data" | "did:v1:nym" | "did:key" => unsupported(format!("compression of {scheme}: URLs")),
        _ => Ok(None),
    }
}

fn encode_value(value: &Json, term: &str, def: &Map<String, Json>, table: &TypeTable, loader: &ContextLoader) -> Result<Cbor, Error> {
    let tt = term_type(def)?;
    let kind = table_type(term, def, tt.as_deref());
    if kind == "url" && !value.is_string() {
        return err("ERR_UNSUPPORTED_JSON_TYPE", format!("Invalid value type for URL {value}; expected \"string\"."));
    }
    if let Some(sub) = table.forward.get(&kind) {
        if let Some(n) = value.as_str().and_then(|s| sub.get(s)) {
            return Ok(if ENCODED_AS_BYTES.contains(&kind.as_str()) { Cbor::Bytes(bytes_from_uint(*n)?) } else { uint(*n) });
        }
        if kind != "none" {
            if let Json::Number(n) = value {
                return Ok(Cbor::Bytes(bytes_from_int(js_integer(n)?.expect("integer"))?));
            }
        }
    }
    let text = value.as_str();
    match kind.as_str() {
        "url" => {
            if let Some(c) = encode_url(text.expect("checked"), loader)? {
                return Ok(c);
            }
        }
        MULTIBASE => {
            if let Some(t) = text {
                match t.chars().next() {
                    Some('z') => {
                        let Ok(bytes) = bs58::decode(&t[1..]).into_vec() else {
                            return unsupported(format!("bad base58btc multibase {t}"));
                        };
                        return Ok(Cbor::Bytes([&[0x7a], &bytes[..]].concat()));
                    }
                    Some('u' | 'M') => return unsupported("multibase other than base58btc"),
                    _ => {}
                }
            }
        }
        XSD_DATE_TIME => {
            let Some(t) = text else { return unsupported("a dateTime that is not a string") };
            if let Some((secs, ms)) = iso_instant(t) {
                return Ok(match ms {
                    None => int(secs),
                    Some(ms) => Cbor::Array(vec![int(secs), uint(u64::from(ms))]),
                });
            }
            // Anything else (not read by Date.parse, or not in toISOString's form) stays text.
        }
        XSD_DATE => {
            let Some(t) = text else { return unsupported("a date that is not a string") };
            if !t.contains('T') {
                if let Some(secs) = iso_date(t) {
                    return Ok(int(secs));
                }
            }
        }
        _ => {}
    }
    plain(value)
}

struct Codec<'a, 'b> {
    table: &'b TypeTable,
    loader: ContextLoader<'a>,
}

impl Codec<'_, '_> {
    fn object_types(ctx: &ActiveContext, input: &Map<String, Json>) -> Vec<String> {
        let mut types = vec![];
        for term in &ctx.type_terms {
            match input.get(term) {
                Some(Json::Array(items)) => types.extend(items.iter().filter_map(Json::as_str).map(str::to_owned)),
                Some(Json::String(t)) => types.push(t.clone()),
                _ => {}
            }
        }
        types
    }

    fn compress(&mut self, ctx: &Rc<ActiveContext>, input: &Map<String, Json>) -> Result<Cbor, Error> {
        let mut out = vec![];
        let ctx = self.loader.apply_embedded(ctx, input.get("@context"))?;
        if let Some(context) = input.get("@context").filter(|c| js_truthy(c)) {
            let encode_one = |v: &Json| -> Result<Cbor, Error> {
                match v {
                    Json::String(url) => Ok(match self.table.forward["context"].get(url) {
                        Some(n) => uint(*n),
                        None => Cbor::Text(url.clone()),
                    }),
                    other => plain(other),
                }
            };
            let (id, value) = match context {
                Json::Array(items) => (1, Cbor::Array(items.iter().map(encode_one).collect::<Result<_, _>>()?)),
                one => (0, encode_one(one)?),
            };
            out.push((uint(id), value));
        }
        let types = Self::object_types(&ctx, input);
        let ctx = self.loader.apply_type_scoped(&ctx, types)?;
        let mut keys: Vec<&String> = input.keys().filter(|k| *k != "@context").collect();
        keys.sort_by(|a, b| js_cmp(a, b));
        let entries: Vec<(&String, TermId, bool, Map<String, Json>)> = keys
            .into_iter()
            .map(|k| {
                let plural = input[k].is_array();
                (k, self.loader.id_for_term(k, plural), plural, ctx.definition(k))
            })
            .collect();
        for (term, id, plural, def) in entries {
            let value_ctx = self.loader.apply_property_scoped(&ctx, term)?;
            let value = &input[term];
            let converted = if plural {
                let items = value.as_array().expect("plural");
                Cbor::Array(items.iter().map(|v| self.compress_value(&value_ctx, v, term, &def)).collect::<Result<_, _>>()?)
            } else {
                self.compress_value(&value_ctx, value, term, &def)?
            };
            let key = match id {
                TermId::Id(n) => uint(n),
                TermId::Term(t) => Cbor::Text(t),
            };
            out.push((key, converted));
        }
        Ok(Cbor::Map(out))
    }

    fn compress_value(&mut self, ctx: &Rc<ActiveContext>, value: &Json, term: &str, def: &Map<String, Json>) -> Result<Cbor, Error> {
        match value {
            Json::Null => Ok(Cbor::Null),
            Json::Array(items) => Ok(Cbor::Array(items.iter().map(|v| self.compress_value(ctx, v, term, def)).collect::<Result<_, _>>()?)),
            Json::Object(m) => self.compress(ctx, m),
            scalar => encode_value(scalar, term, def, self.table, &self.loader),
        }
    }

    fn term_info(&self, ctx: &ActiveContext, key: &Cbor) -> Result<(String, bool, Map<String, Json>), Error> {
        let id = match key {
            Cbor::Text(t) => TermId::Term(t.clone()),
            Cbor::Integer(i) => match u64::try_from(*i) {
                Ok(n) => TermId::Id(n),
                Err(_) => return unsupported("a negative term id"),
            },
            _ => return unsupported("a map key that is neither a term id nor a term"),
        };
        let (term, plural) = self.loader.term_for_id(&id)?;
        let def = ctx.definition(&term);
        Ok((term, plural, def))
    }

    fn decompress(&mut self, ctx: &Rc<ActiveContext>, input: &[(Cbor, Cbor)]) -> Result<Json, Error> {
        let mut out = Map::new();
        let get = |k: u64| input.iter().find(|(key, _)| *key == uint(k)).map(|(_, v)| v);
        let decode_context = |v: &Cbor| -> Result<Json, Error> {
            match v {
                Cbor::Integer(i) => match u64::try_from(*i).ok().and_then(|n| self.table.reverse["context"].get(&n)) {
                    Some(url) => Ok(Json::String(url.clone())),
                    None => err("ERR_UNDEFINED_COMPRESSED_CONTEXT", "Undefined compressed context."),
                },
                other => to_json(other),
            }
        };
        match (get(0), get(1)) {
            (Some(_), Some(_)) => {
                return err("ERR_INVALID_ENCODED_CONTEXT", "Both singular and plural context IDs were found in the CBOR-LD input.")
            }
            (Some(one), None) => {
                out.insert("@context".into(), decode_context(one)?);
            }
            (None, Some(Cbor::Array(items))) => {
                out.insert("@context".into(), Json::Array(items.iter().map(decode_context).collect::<Result<_, _>>()?));
            }
            (None, Some(_)) => return err("ERR_INVALID_ENCODED_CONTEXT", "Encoded plural context value must be an array."),
            (None, None) => {}
        }
        if out.get("@context").is_some_and(|c| !js_truthy(c)) {
            return unsupported("an empty @context");
        }
        let ctx = self.loader.apply_embedded(ctx, out.get("@context"))?;

        let mut types = vec![];
        for type_term in &ctx.type_terms {
            let id = self.loader.id_for_term(type_term, false);
            let (single, plural) = match &id {
                TermId::Id(n) => (uint(*n), uint(n + 1)),
                TermId::Term(t) => (Cbor::Text(t.clone()), Cbor::Text(format!("{t}1"))),
            };
            let find = |k: &Cbor| input.iter().find(|(key, v)| key == k && !v.is_null()).map(|(_, v)| v);
            let Some(value) = find(&single).or_else(|| find(&plural)) else { continue };
            let key = match id {
                TermId::Id(n) => uint(n),
                TermId::Term(t) => Cbor::Text(t),
            };
            let (term, _, def) = self.term_info(&ctx, &key)?;
            let values = match value {
                Cbor::Array(items) => items.iter().collect(),
                one => vec![one],
            };
            for v in values {
                if let Some(Json::String(t)) = self.decode_value(v, &term, &def, Some("@vocab"))? {
                    types.push(t);
                }
            }
        }
        let ctx = self.loader.apply_type_scoped(&ctx, types)?;

        let mut entries = vec![];
        for (key, value) in input {
            if *key == uint(0) || *key == uint(1) {
                continue;
            }
            let (term, plural, def) = self.term_info(&ctx, key)?;
            entries.push((term, plural, def, value));
        }
        entries.sort_by(|a, b| js_cmp(&a.0, &b.0));
        for (term, plural, def, value) in entries {
            let value_ctx = self.loader.apply_property_scoped(&ctx, &term)?;
            let tt = term_type(&def)?;
            let converted = if plural {
                let Cbor::Array(items) = value else { return unsupported(format!("plural term {term} without an array")) };
                Json::Array(
                    items.iter().map(|v| self.decompress_value(&value_ctx, v, &term, &def, tt.as_deref())).collect::<Result<_, _>>()?,
                )
            } else {
                self.decompress_value(&value_ctx, value, &term, &def, tt.as_deref())?
            };
            out.insert(term, converted);
        }
        Ok(Json::Object(out))
    }

    fn decompress_value(
        &mut self,
        ctx: &Rc<ActiveContext>,
        value: &Cbor,
        term: &str,
        def: &Map<String, Json>,
        tt: Option<&str>,
    ) -> Result<Json, Error> {
        match value {
            Cbor::Null => Ok(Json::Null),
            Cbor::Map(m) => self.decompress(ctx, m),
            other => match self.decode_value(other, term, def, tt)? {
                Some(j) => Ok(j),
                None => match other {
                    Cbor::Array(items) => {
                        Ok(Json::Array(items.iter().map(|v| self.decompress_value(ctx, v, term, def, tt)).collect::<Result<_, _>>()?))
                    }
                    _ => unreachable!("decode_value decodes every non-array"),
                },
            },
        }
    }

    /// `ValueDecoder`: `None` for an array no codec takes (its items are then decoded).
    fn decode_value(&self, value: &Cbor, term: &str, def: &Map<String, Json>, tt: Option<&str>) -> Result<Option<Json>, Error> {
        let kind = table_type(term, def, tt);
        if let Some(sub) = self.table.reverse.get(&kind) {
            let uses_bytes = ENCODED_AS_BYTES.contains(&kind.as_str());
            let n = match value {
                Cbor::Bytes(b) if uses_bytes => Some(uint_from_bytes(b)?),
                Cbor::Integer(i) if !uses_bytes => Some(safe_uint(*i)?),
                _ => None,
            };
            if let Some(n) = n {
                return match sub.get(&n) {
                    Some(v) => Ok(Some(Json::String(v.clone()))),
                    None => err("ERR_UNKNOWN_COMPRESSED_VALUE", format!("Compressed value \"{n}\" not found")),
                };
            }
            if let (Cbor::Bytes(b), false) = (value, kind == "none") {
                return Ok(Some(Json::from(int_from_bytes(b)?)));
            }
        }
        match (kind.as_str(), value) {
            ("url", Cbor::Text(_)) => {}
            ("url", Cbor::Array(items)) => {
                return match items.as_slice() {
                    [Cbor::Integer(scheme), Cbor::Text(rest)] => match safe_int(*scheme)? {
                        1 => Ok(Some(Json::String(format!("http://{rest}")))),
                        2 => Ok(Some(Json::String(format!("https://{rest}")))),
                        3 | 4 | 1024 | 1025 => unsupported("compressed URLs other than http(s)"),
                        _ => err("ERR_UNKNOWN_COMPRESSED_VALUE", "Unknown compressed URL."),
                    },
                    _ => err("ERR_UNKNOWN_COMPRESSED_VALUE", "Unknown compressed URL."),
                };
            }
            ("url", Cbor::Integer(i)) => {
                let (term, _) = self.loader.term_for_id(&TermId::Id(safe_uint(*i)?))?;
                return Ok(Some(Json::String(term)));
            }
            ("url", _) => return unsupported("a URL that is neither text, a term id nor a compressed URL"),
            (MULTIBASE, Cbor::Bytes(b)) => {
                return match b.first() {
                    Some(0x7a) => Ok(Some(Json::String(format!("z{}", bs58::encode(&b[1..]).into_string())))),
                    Some(0x75 | 0x4d) => unsupported("multibase other than base58btc"),
                    _ => unsupported("bytes of an unknown multibase"),
                };
            }
            (XSD_DATE_TIME, Cbor::Integer(i)) => return Ok(Some(Json::String(instant_text(safe_int(*i)?, None)?))),
            (XSD_DATE_TIME, Cbor::Array(items)) if items.len() == 2 => {
                return match (&items[0], &items[1]) {
                    (Cbor::Integer(s), Cbor::Integer(ms)) => Ok(Some(Json::String(instant_text(safe_int(*s)?, Some(safe_int(*ms)?))?))),
                    _ => unsupported("a compressed dateTime that is not two integers"),
                };
            }
            (XSD_DATE, Cbor::Integer(i)) => {
                let text = instant_text(safe_int(*i)?, None)?;
                return Ok(Some(Json::String(text[..10].to_owned())));
            }
            _ => {}
        }
        match value {
            Cbor::Array(_) => Ok(None),
            other => to_json(other).map(Some),
        }
    }
}

fn safe_uint(i: Integer) -> Result<u64, Error> {
    u64::try_from(safe_int(i)?).map_or_else(|_| unsupported("a negative id"), Ok)
}

fn safe_int(i: Integer) -> Result<i64, Error> {
    let v = i128::from(i);
    if v.abs() > MAX_SAFE_INTEGER {
        return unsupported(format!("integer {v} beyond 2^53"));
    }
    Ok(v as i64)
}

/// A CBOR value as JSON, for values passed through.
fn to_json(value: &Cbor) -> Result<Json, Error> {
    Ok(match value {
        Cbor::Null => Json::Null,
        Cbor::Bool(b) => Json::Bool(*b),
        Cbor::Integer(i) => Json::from(safe_int(*i)?),
        Cbor::Text(t) => Json::String(t.clone()),
        Cbor::Array(items) => Json::Array(items.iter().map(to_json).collect::<Result<_, _>>()?),
        Cbor::Map(entries) => {
            let mut m = Map::new();
            for (k, v) in entries {
                let Cbor::Text(k) = k else { return unsupported("an object key that is not text") };
                m.insert(k.clone(), to_json(v)?);
            }
            Json::Object(m)
        }
        Cbor::Bytes(_) => return unsupported("bytes where JSON has no place for them"),
        Cbor::Float(_) => return unsupported("floating-point numbers"),
        Cbor::Tag(t, _) => return unsupported(format!("CBOR tag {t}")),
        _ => return unsupported("an unknown CBOR value"),
    })
}

/// `cborg`'s default map order: by major type, integers by value, text by length then bytes.
fn key_order(a: &Cbor, b: &Cbor) -> Ordering {
    fn rank(v: &Cbor) -> (u8, i128, &[u8]) {
        match v {
            Cbor::Integer(i) if i128::from(*i) >= 0 => (0, i128::from(*i), &[]),
            Cbor::Integer(i) => (1, i128::from(*i), &[]),
            Cbor::Bytes(b) => (2, b.len() as i128, b),
            Cbor::Text(t) => (3, t.len() as i128, t.as_bytes()),
            _ => (9, 0, &[]),
        }
    }
    rank(a).cmp(&rank(b))
}

fn sort_maps(value: &mut Cbor) -> Result<(), Error> {
    match value {
        Cbor::Array(items) => items.iter_mut().try_for_each(sort_maps),
        Cbor::Map(entries) => {
            if entries.iter().any(|(k, _)| !matches!(k, Cbor::Integer(_) | Cbor::Text(_) | Cbor::Bytes(_))) {
                return unsupported("map keys other than integers and text");
            }
            entries.sort_by(|a, b| key_order(&a.0, &b.0));
            entries.iter_mut().try_for_each(|(_, v)| sort_maps(v))
        }
        Cbor::Tag(_, inner) => sort_maps(inner),
        _ => Ok(()),
    }
}

/// Compresses `document` (a JSON-LD object) to CBOR-LD 1.0 bytes with `table`; contexts come
/// from `loader`.
pub fn encode(document: &Json, table: &TypeTable, loader: DocumentLoader) -> Result<Vec<u8>, Error> {
    let Json::Object(input) = document else { return unsupported("a document that is not a JSON object") };
    let mut codec = Codec { table, loader: ContextLoader::new(loader) };
    let root = ActiveContext::new(Map::new(), None);
    let payload = codec.compress(&root, input)?;
    let mut whole = Cbor::Tag(TAG, Box::new(Cbor::Array(vec![uint(table.registry_entry_id), payload])));
    sort_maps(&mut whole)?;
    let mut bytes = vec![];
    ciborium::ser::into_writer(&whole, &mut bytes).map_err(|e| Error { code: "ERR_UNSUPPORTED", message: e.to_string() })?;
    Ok(bytes)
}

/// The registry entry id of CBOR-LD 1.0 bytes, without decoding the rest.
pub fn registry_entry_id(bytes: &[u8]) -> Result<u64, Error> {
    let (id, _) = parse(bytes)?;
    Ok(id)
}

fn parse(bytes: &[u8]) -> Result<(u64, Vec<(Cbor, Cbor)>), Error> {
    if bytes.len() < 3 || bytes[..3] != [0xd9, 0xcb, 0x1d] {
        return err("ERR_NOT_CBORLD", "not CBOR-LD 1.0 (tag 0xcb1d)");
    }
    let mut rest = bytes;
    // A JSON-LD document is not deep; a bound keeps a crafted one from exhausting the stack.
    let value: Cbor = ciborium::de::from_reader_with_recursion_limit(&mut rest, MAX_DEPTH)
        .map_err(|e| Error { code: "ERR_NOT_CBORLD", message: e.to_string() })?;
    if !rest.is_empty() {
        return err("ERR_NOT_CBORLD", "bytes after the CBOR-LD item");
    }
    let Cbor::Tag(TAG, inner) = value else { return err("ERR_NOT_CBORLD", "not CBOR-LD 1.0 (tag 0xcb1d)") };
    let Cbor::Array(items) = *inner else { return err("ERR_NOT_CBORLD", "expecting an array after the tag") };
    let mut items = items.into_iter();
    let (Some(Cbor::Integer(id)), Some(payload), None) = (items.next(), items.next(), items.next()) else {
        return err("ERR_NOT_CBORLD", "expecting [registryEntryId, payload]");
    };
    let Ok(id) = u64::try_from(id) else { return err("ERR_NOT_CBORLD", "negative registry entry id") };
    let Cbor::Map(payload) = payload else { return unsupported("a payload that is not one map") };
    Ok((id, payload))
}

/// Decompresses CBOR-LD 1.0 `bytes` made with `table` back to JSON-LD.
pub fn decode(bytes: &[u8], table: &TypeTable, loader: DocumentLoader) -> Result<Json, Error> {
    let (id, payload) = parse(bytes)?;
    if id != table.registry_entry_id {
        return err("ERR_NO_TYPETABLE", format!("\"typeTable\" not found for \"registryEntryId\" \"{id}\"."));
    }
    let mut codec = Codec { table, loader: ContextLoader::new(loader) };
    let root = ActiveContext::new(Map::new(), None);
    codec.decompress(&root, &payload)
}

#[cfg(test)]
mod tests {
    use super::*;

    const VECTORS: [&str; 3] = [
        include_str!("../../tests/vectors/cborld/paper-1.json"),
        include_str!("../../tests/vectors/cborld/paper-2.json"),
        include_str!("../../tests/vectors/cborld/paper-3.json"),
    ];
    const EXTRA: &str = include_str!("../../tests/vectors/cborld/extra.json");

    fn table(v: &Json) -> TypeTable {
        let subtables: Vec<(String, Vec<(String, u64)>)> = v["typeTable"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, t)| (k.clone(), t.as_object().unwrap().iter().map(|(v, n)| (v.clone(), n.as_u64().unwrap())).collect()))
            .collect();
        TypeTable::new(v["registryEntryId"].as_u64().unwrap(), &subtables).unwrap()
    }

    fn loader(v: &Json) -> impl Fn(&str) -> Option<Json> + '_ {
        move |url| {
            if url == crate::sign::contexts::VC_CONTEXT {
                return serde_json::from_str(crate::sign::contexts::BUNDLED[0].1).ok();
            }
            v["contexts"].get(url).cloned()
        }
    }

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    fn unhex(s: &str) -> Vec<u8> {
        (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap()).collect()
    }

    #[test]
    fn reference_vectors_encode_to_their_bytes_and_decode_back() {
        for text in VECTORS.into_iter().chain([EXTRA]) {
            let v: Json = serde_json::from_str(text).unwrap();
            let (t, l) = (table(&v), loader(&v));
            let bytes = encode(&v["credential"], &t, &l).unwrap();
            assert_eq!(hex(&bytes), v["cborldHex"].as_str().unwrap());
            let back = decode(&bytes, &t, &l).unwrap();
            assert_eq!(back, v["credential"], "decoded: {back}");
            if let Some(decoded) = v.get("decoded") {
                assert_eq!(&back, decoded);
            }
        }
    }

    #[test]
    fn a_term_no_context_defines_travels_as_text() {
        let v: Json = serde_json::from_str(EXTRA).unwrap();
        let bytes = unhex(v["cborldHex"].as_str().unwrap());
        let needle = b"dnotewno context defines this";
        assert!(bytes.windows(needle.len()).any(|w| w == needle));
        assert_eq!(decode(&bytes, &table(&v), &loader(&v)).unwrap()["note"], "no context defines this");
    }

    #[test]
    fn truncated_or_changed_bytes_are_errors() {
        let v: Json = serde_json::from_str(VECTORS[0]).unwrap();
        let (t, l) = (table(&v), loader(&v));
        let bytes = unhex(v["cborldHex"].as_str().unwrap());
        for n in [0, 2, 3, 10, bytes.len() / 2, bytes.len() - 1] {
            assert!(decode(&bytes[..n], &t, &l).is_err(), "truncated to {n}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(decode(&longer, &t, &l).is_err());
        // The tag, the registry entry id, a context id, a term id no context gives.
        for (at, byte) in [(1, 0xcc), (5, 0x89), (9, 0x09), (12, 0x62)] {
            let mut changed = bytes.clone();
            changed[at] = byte;
            let e = decode(&changed, &t, &l);
            assert!(e.is_err(), "byte {at} changed to {byte:02x}: {e:?}");
        }
    }

    #[test]
    fn deeply_nested_bytes_are_an_error_not_a_stack_overflow() {
        let v: Json = serde_json::from_str(VECTORS[0]).unwrap();
        let mut bytes = vec![0xd9, 0xcb, 0x1d, 0x82, 0x1a, 0x00, 0x88, 0xd9, 0x32];
        for _ in 0..100_000 {
            bytes.extend([0xa1, 0x18, 0x64]);
        }
        bytes.push(0xf6);
        assert!(decode(&bytes, &table(&v), &loader(&v)).is_err());
    }

    #[test]
    fn what_the_port_does_not_support_is_an_error() {
        let v: Json = serde_json::from_str(VECTORS[0]).unwrap();
        let (t, l) = (table(&v), loader(&v));
        let mut doc = v["credential"].clone();
        doc["credentialSubject"]["id"] = "urn:uuid:188e8450-269e-11eb-b545-d3692cf35398".into();
        assert_eq!(encode(&doc, &t, &l).unwrap_err().code, "ERR_UNSUPPORTED");
        let mut doc = v["credential"].clone();
        doc["credentialSubject"]["score"] = serde_json::json!(1.5);
        assert!(encode(&doc, &t, &l).is_err());
        let mut doc = v["credential"].clone();
        doc["@context"] = serde_json::json!(["https://www.w3.org/ns/credentials/v2", "https://unknown.example/ctx"]);
        assert!(encode(&doc, &t, &l).is_err());
    }
}

//! JSON Canonicalization Scheme (JCS, RFC 8785) over [`serde_json::Value`].
//!
//! This module owns the canonical byte form that eddsa-jcs-2022 hashes (DESIGN §5): object
//! members sorted by the UTF-16 code units of their names (RFC 8785 §3.2.3), strings escaped
//! exactly as ECMAScript `JSON.stringify` does (§3.2.2.2), numbers in ECMAScript
//! `Number.prototype.toString` form (§3.2.2.3, via `ryu-js`), no whitespace.
//!
//! It runs once or twice per credential per build, so it neither formats through `fmt` nor
//! allocates per member: small objects are sorted in a stack buffer, and the output goes to a
//! sink that is either a `String` or, for hashing, the SHA-256 state itself.

use std::cmp::Ordering;

use serde_json::{Map, Number, Value};

/// Returns the RFC 8785 canonical form of `value`.
pub fn canonicalize(value: &Value) -> String {
    let mut out = String::new();
    canonicalize_into(value, &mut out);
    out
}

/// Appends the RFC 8785 canonical form of `value` to `out`.
///
/// `out` is not cleared first: a caller that reuses one buffer across many values clears it
/// itself, and pays for no allocation once the buffer has grown to the largest value.
pub fn canonicalize_into(value: &Value, out: &mut String) {
    write_value(value, out);
}

/// Where canonical JSON text goes: a `String`, or a hash state so nothing is buffered.
pub(crate) trait Sink {
    /// Appends `s`.
    fn put(&mut self, s: &str);
}

impl Sink for String {
    #[inline]
    fn put(&mut self, s: &str) {
        self.push_str(s);
    }
}

impl Sink for sha2::Sha256 {
    #[inline]
    fn put(&mut self, s: &str) {
        sha2::Digest::update(self, s.as_bytes());
    }
}

/// Writes the canonical form of the object `map` without its member `exclude` (if any).
///
/// This is how eddsa-jcs-2022 canonicalizes "the document without `proof`" and "the proof
/// without `proofValue`" without copying either.
pub(crate) fn write_object_excluding<S: Sink>(map: &Map<String, Value>, exclude: &str, out: &mut S) {
    write_object(map, Some(exclude), out);
}

fn write_value<S: Sink>(value: &Value, out: &mut S) {
    match value {
        Value::Null => out.put("null"),
        Value::Bool(true) => out.put("true"),
        Value::Bool(false) => out.put("false"),
        Value::Number(n) => write_number(n, out),
        Value::String(s) => write_string(s, out),
        Value::Array(items) => {
            out.put("[");
            let mut first = true;
            for item in items {
                if !first {
                    out.put(",");
                }
                first = false;
                write_value(item, out);
            }
            out.put("]");
        }
        Value::Object(map) => write_object(map, None, out),
    }
}

/// Objects up to this many members are sorted on the stack.
const STACK_MEMBERS: usize = 24;

static NULL: Value = Value::Null;

fn write_object<S: Sink>(map: &Map<String, Value>, exclude: Option<&str>, out: &mut S) {
    let members = map.iter().filter(|(k, _)| Some(k.as_str()) != exclude).map(|(k, v)| (k.as_str(), v));
    if map.len() <= STACK_MEMBERS {
        let mut buf: [(&str, &Value); STACK_MEMBERS] = [("", &NULL); STACK_MEMBERS];
        let mut n = 0;
        for member in members {
            // Insertion sort: members are few, and often already in order.
            let mut i = n;
            while i > 0 && cmp_utf16(buf[i - 1].0, member.0) == Ordering::Greater {
                buf[i] = buf[i - 1];
                i -= 1;
            }
            buf[i] = member;
            n += 1;
        }
        write_members(&buf[..n], out);
    } else {
        let mut sorted: Vec<(&str, &Value)> = members.collect();
        sorted.sort_unstable_by(|a, b| cmp_utf16(a.0, b.0));
        write_members(&sorted, out);
    }
}

fn write_members<S: Sink>(members: &[(&str, &Value)], out: &mut S) {
    out.put("{");
    for (i, (key, value)) in members.iter().enumerate() {
        if i > 0 {
            out.put(",");
        }
        write_string(key, out);
        out.put(":");
        write_value(value, out);
    }
    out.put("}");
}

/// Compares two strings by their UTF-16 code units (RFC 8785 §3.2.3).
///
/// UTF-8 byte order is code point order, and that equals UTF-16 order except for one case:
/// U+E000..=U+FFFF (UTF-8 lead byte 0xEE or 0xEF) sort *after* the supplementary characters
/// (lead byte 0xF0..=0xF4) in UTF-16, whose high surrogates are 0xD800..=0xDBFF. Since the
/// strings agree up to the first differing byte, that byte sits at the same position of the
/// same character in both, so looking at it alone is enough.
fn cmp_utf16(a: &str, b: &str) -> Ordering {
    let (x, y) = (a.as_bytes(), b.as_bytes());
    match x.iter().zip(y).position(|(p, q)| p != q) {
        None => x.len().cmp(&y.len()),
        Some(i) => {
            let (p, q) = (x[i], y[i]);
            if p >= 0xEE && q >= 0xEE && (p >= 0xF0) != (q >= 0xF0) {
                q.cmp(&p)
            } else {
                p.cmp(&q)
            }
        }
    }
}

/// The JSON.stringify escapes of U+0000..=U+001F.
#[rustfmt::skip]
const CONTROL_ESCAPES: [&str; 32] = [
    "\\u0000", "\\u0001", "\\u0002", "\\u0003", "\\u0004", "\\u0005", "\\u0006", "\\u0007",
    "\\b",     "\\t",     "\\n",     "\\u000b", "\\f",     "\\r",     "\\u000e", "\\u000f",
    "\\u0010", "\\u0011", "\\u0012", "\\u0013", "\\u0014", "\\u0015", "\\u0016", "\\u0017",
    "\\u0018", "\\u0019", "\\u001a", "\\u001b", "\\u001c", "\\u001d", "\\u001e", "\\u001f",
];

fn write_string<S: Sink>(s: &str, out: &mut S) {
    out.put("\"");
    let mut start = 0;
    for (i, &b) in s.as_bytes().iter().enumerate() {
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            0x00..=0x1f => CONTROL_ESCAPES[usize::from(b)],
            _ => continue,
        };
        // `i` is an ASCII byte, hence a character boundary.
        if start < i {
            out.put(&s[start..i]);
        }
        out.put(escape);
        start = i + 1;
    }
    if start < s.len() {
        out.put(&s[start..]);
    }
    out.put("\"");
}

/// Writes a number as ECMAScript's `Number.prototype.toString` would.
///
/// Integers that serde_json kept as `u64`/`i64` become the nearest `f64` first, as a
/// JavaScript parser would make them: exact below 2^53, rounded to even above.
fn write_number<S: Sink>(n: &Number, out: &mut S) {
    match n.as_f64() {
        Some(f) if f.is_finite() => {
            let mut buf = ryu_js::Buffer::new();
            out.put(buf.format_finite(f));
        }
        // serde_json holds only finite numbers; this arm is for completeness.
        _ => out.put("null"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const VECTORS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/vectors/jcs");

    fn rfc_vector(name: &str) {
        let input = std::fs::read_to_string(format!("{VECTORS}/input/{name}")).unwrap();
        let expected = std::fs::read_to_string(format!("{VECTORS}/output/{name}")).unwrap();
        let value: Value = serde_json::from_str(&input).unwrap();
        assert_eq!(canonicalize(&value), expected, "{name}");
    }

    /// serde_json without its `float_roundtrip` feature parses decimals with a fast method
    /// that can be one unit in the last place off: it reads `333333333.33333329` (from
    /// values.json) as 333333333.33333325. The vector is about canonicalizing the *number*, so
    /// this test gives it the correctly rounded doubles (Rust's `str::parse`), and also runs
    /// the plain serde_json path whenever serde_json parses that input exactly.
    #[test]
    fn rfc_vector_values() {
        let input = std::fs::read_to_string(format!("{VECTORS}/input/values.json")).unwrap();
        let expected = std::fs::read_to_string(format!("{VECTORS}/output/values.json")).unwrap();
        let mut value: Value = serde_json::from_str(&input).unwrap();
        let start = input.find("\"numbers\"").unwrap();
        let open = start + input[start..].find('[').unwrap();
        let close = open + input[open..].find(']').unwrap();
        let exact: Vec<Value> = input[open + 1..close].split(',').map(|token| json!(token.trim().parse::<f64>().unwrap())).collect();
        if value["numbers"] == Value::Array(exact.clone()) {
            assert_eq!(canonicalize(&value), expected, "values.json, parsed by serde_json");
        }
        value["numbers"] = Value::Array(exact);
        assert_eq!(canonicalize(&value), expected, "values.json");
    }

    #[test]
    fn rfc_vector_weird() {
        rfc_vector("weird.json");
    }

    #[test]
    fn rfc_vector_unicode() {
        rfc_vector("unicode.json");
    }

    #[test]
    fn rfc8785_appendix_b_numbers() {
        let cases: &[(u64, &str)] = &[
            (0x0000000000000000, "0"),
            (0x8000000000000000, "0"),
            (0x0000000000000001, "5e-324"),
            (0x8000000000000001, "-5e-324"),
            (0x7fefffffffffffff, "1.7976931348623157e+308"),
            (0xffefffffffffffff, "-1.7976931348623157e+308"),
            (0x4340000000000000, "9007199254740992"),
            (0xc340000000000000, "-9007199254740992"),
            (0x4430000000000000, "295147905179352830000"),
            (0x44b52d02c7e14af5, "9.999999999999997e+22"),
            (0x44b52d02c7e14af6, "1e+23"),
            (0x44b52d02c7e14af7, "1.0000000000000001e+23"),
            (0x444b1ae4d6e2ef4e, "999999999999999700000"),
            (0x444b1ae4d6e2ef4f, "999999999999999900000"),
            (0x444b1ae4d6e2ef50, "1e+21"),
            (0x3eb0c6f7a0b5ed8c, "9.999999999999997e-7"),
            (0x3eb0c6f7a0b5ed8d, "0.000001"),
            (0x41b3de4355555553, "333333333.3333332"),
            (0x41b3de4355555554, "333333333.33333325"),
            (0x41b3de4355555555, "333333333.3333333"),
            (0x41b3de4355555556, "333333333.3333334"),
            (0x41b3de4355555557, "333333333.33333343"),
            (0xbecbf647612f3696, "-0.0000033333333333333333"),
            (0x43143ff3c1cb0959, "1424953923781206.2"),
        ];
        for &(bits, expected) in cases {
            let value = json!(f64::from_bits(bits));
            assert_eq!(canonicalize(&value), expected, "{bits:#018x}");
        }
    }

    #[test]
    fn integers_follow_javascript() {
        let cases: &[(&str, &str)] = &[
            ("0", "0"),
            ("-0", "0"),
            ("7", "7"),
            ("-42", "-42"),
            ("9007199254740991", "9007199254740991"),
            ("-9007199254740991", "-9007199254740991"),
            ("9007199254740992", "9007199254740992"),
            // Above 2^53 a JavaScript parser rounds to the nearest double, ties to even.
            ("9007199254740993", "9007199254740992"),
            ("9007199254740995", "9007199254740996"),
            ("18446744073709551615", "18446744073709552000"),
            ("-9223372036854775808", "-9223372036854776000"),
            ("100000000000000000000", "100000000000000000000"),
            ("1000000000000000000000", "1e+21"),
            ("1.0", "1"),
            ("1e2", "100"),
            ("1E-7", "1e-7"),
            ("0.1", "0.1"),
        ];
        for &(input, expected) in cases {
            let value: Value = serde_json::from_str(input).unwrap();
            assert_eq!(canonicalize(&value), expected, "{input}");
        }
    }

    #[test]
    fn strings_escape_like_json_stringify() {
        let all_controls: String = (0u8..0x20).map(char::from).collect();
        let expected = concat!(
            "\"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007",
            "\\b\\t\\n\\u000b\\f\\r\\u000e\\u000f\\u0010\\u0011\\u0012\\u0013",
            "\\u0014\\u0015\\u0016\\u0017\\u0018\\u0019\\u001a\\u001b\\u001c",
            "\\u001d\\u001e\\u001f\""
        );
        assert_eq!(canonicalize(&json!(all_controls)), expected);
        assert_eq!(canonicalize(&json!("a\"b\\c/d")), r#""a\"b\\c/d""#);
        // No escaping of DEL, non-ASCII, U+2028/U+2029 or astral characters.
        let raw = "\u{7f}ə\u{2028}\u{2029}😂İ";
        assert_eq!(canonicalize(&json!(raw)), format!("\"{raw}\""));
        assert_eq!(canonicalize(&json!("")), "\"\"");
    }

    #[test]
    fn keys_sort_by_utf16_code_units() {
        // Code point order would put U+FB33 before U+1F602; UTF-16 order puts the
        // surrogate pair (0xD83D…) first.
        assert_eq!(cmp_utf16("\u{1F602}", "\u{FB33}"), Ordering::Less);
        assert_eq!(cmp_utf16("\u{FB33}", "\u{1F602}"), Ordering::Greater);
        assert_eq!(cmp_utf16("\u{E000}", "\u{10000}"), Ordering::Greater);
        assert_eq!(cmp_utf16("\u{D7FF}", "\u{10000}"), Ordering::Less);
        assert_eq!(cmp_utf16("\u{10000}", "\u{10FFFF}"), Ordering::Less);
        assert_eq!(cmp_utf16("a", "ab"), Ordering::Less);
        assert_eq!(cmp_utf16("ab", "ab"), Ordering::Equal);
        assert_eq!(cmp_utf16("B", "a"), Ordering::Less);
        assert_eq!(cmp_utf16("ab\u{FFFF}", "ab\u{1F600}"), Ordering::Greater);
        // Cross-check against encode_utf16 on a set of awkward strings.
        let words = [
            "",
            "a",
            "A",
            "ab",
            "é",
            "ə",
            "\u{7f}",
            "\u{80}",
            "\u{7ff}",
            "\u{800}",
            "\u{D7FF}",
            "\u{E000}",
            "\u{FB33}",
            "\u{FFFF}",
            "\u{10000}",
            "\u{1F602}",
            "\u{10FFFF}",
            "a\u{FFFF}",
            "a\u{10000}",
            "\u{FFFF}a",
            "\u{10000}a",
        ];
        for a in words {
            for b in words {
                assert_eq!(cmp_utf16(a, b), a.encode_utf16().cmp(b.encode_utf16()), "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn nested_and_large_objects() {
        let value = json!({
            "z": [1, {"b": null, "a": true}, []],
            "a": {},
            "m": {"y": false, "x": "s"},
        });
        assert_eq!(canonicalize(&value), r#"{"a":{},"m":{"x":"s","y":false},"z":[1,{"a":true,"b":null},[]]}"#);
        // More members than the stack buffer holds: the heap path sorts the same way.
        let mut big = Map::new();
        for i in (0..100).rev() {
            big.insert(format!("k{i:03}"), json!(i));
        }
        let text = canonicalize(&Value::Object(big));
        let expected: Vec<String> = (0..100).map(|i| format!("\"k{i:03}\":{i}")).collect();
        assert_eq!(text, format!("{{{}}}", expected.join(",")));
    }

    #[test]
    fn canonicalize_into_appends() {
        let mut out = String::from("x");
        canonicalize_into(&json!([1, "a"]), &mut out);
        assert_eq!(out, "x[1,\"a\"]");
    }

    #[test]
    fn object_excluding_a_member() {
        let value = json!({"b": 1, "proof": {"x": 1}, "a": 2});
        let mut out = String::new();
        write_object_excluding(value.as_object().unwrap(), "proof", &mut out);
        assert_eq!(out, r#"{"a":2,"b":1}"#);
    }
}

//! RFC 4180 as the `csv` reader reads it, for finding places in a file's text beside the
//! reader: where records start near a byte (to cut a file into pieces read in parallel), the
//! fields of one record (for an excerpt) and one field (to point at it in a report).
//!
//! The quoting rules are written here once: a quote opens a quoted field only at the start of
//! a field; inside, a doubled quote is a quote and a single one ends the quotes, after which
//! the field goes on unquoted (a quote there is a plain character); outside quotes, `,` ends a
//! field and `\r` or `\n` a record. Stretches are crossed with `memchr`, not byte by byte.
//! The separator is the file's own (`,`, `;` or tab: [`super::Format`]); `,` in these docs.

/// A CSV text, lexed from a record start.
#[derive(Clone, Copy)]
pub(super) struct Lexer<'a> {
    bytes: &'a [u8],
    /// The separator of the cells.
    delimiter: u8,
}

impl<'a> Lexer<'a> {
    /// A lexer of `text` whose cells are separated by `delimiter`.
    pub(super) fn new(text: &'a str, delimiter: u8) -> Self {
        Lexer { bytes: text.as_bytes(), delimiter }
    }

    /// Whether the quote at `q`, outside quotes, opens a quoted field (it starts a field).
    fn opens(self, q: usize) -> bool {
        q == 0 || matches!(self.bytes[q - 1], b'\n' | b'\r') || self.bytes[q - 1] == self.delimiter
    }

    /// Just past the quote that ends the quotes opened at `open`; `None` when no quote ends
    /// them (they run to the end of the text).
    fn close(self, open: usize) -> Option<usize> {
        let mut p = open + 1;
        loop {
            let c = p + memchr::memchr(b'"', &self.bytes[p..])?;
            if self.bytes.get(c + 1) == Some(&b'"') {
                p = c + 2;
            } else {
                return Some(c + 1);
            }
        }
    }

    /// Where the field that starts at `start` ends: at the `,`, `\r` or `\n` after it outside
    /// quotes, or at the end of the text.
    fn field_end(self, start: usize) -> usize {
        let len = self.bytes.len();
        let unquoted = match self.bytes.get(start) {
            Some(b'"') => match self.close(start) {
                Some(c) => c,
                None => return len,
            },
            Some(_) => start,
            None => return start,
        };
        memchr::memchr3(self.delimiter, b'\r', b'\n', &self.bytes[unquoted..]).map_or(len, |n| unquoted + n)
    }

    /// The fields of the record that starts at `start`, as byte spans (quotes included).
    pub(super) fn fields(self, start: usize) -> Fields<'a> {
        Fields { lexer: self, next: Some(start), end: start }
    }

    /// The record that starts at `start`: the byte spans of its fields (quotes included), where
    /// it ends, and where the next one starts (past one `\r`, `\n` or `\r\n`).
    pub(super) fn record(self, start: usize) -> (Vec<(usize, usize)>, usize, usize) {
        let mut fields = self.fields(start);
        let spans = fields.by_ref().collect();
        let end = fields.end;
        let mut next = end;
        if self.bytes.get(next) == Some(&b'\r') {
            next += 1;
        }
        if self.bytes.get(next) == Some(&b'\n') {
            next += 1;
        }
        (spans, end, next)
    }

    /// Start and length of field `n` of the record that starts at `start`; for a record with
    /// fewer fields, the start of its last field and length 0.
    pub(super) fn field(self, start: usize, n: usize) -> (usize, usize) {
        let mut last = start;
        for (k, (a, b)) in self.fields(start).enumerate() {
            if k == n {
                return (a, b - a);
            }
            last = a;
        }
        (last, 0)
    }

    /// The first byte at or after `i` that is not a line break.
    pub(super) fn skip_breaks(self, mut i: usize) -> usize {
        while matches!(self.bytes.get(i), Some(b'\r' | b'\n')) {
            i += 1;
        }
        i
    }

    /// The record starts that follow a `\n` outside quotes, found forward from the record
    /// start `from` (see [`LineStarts::at_or_after`]).
    pub(super) fn line_starts(self, from: usize) -> LineStarts<'a> {
        LineStarts { lexer: self, pos: from, quote: None }
    }
}

/// The fields of one record (see [`Lexer::fields`]).
pub(super) struct Fields<'a> {
    lexer: Lexer<'a>,
    /// Where the next field starts; `None` after the last.
    next: Option<usize>,
    /// Where the last field given ends.
    end: usize,
}

impl Iterator for Fields<'_> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        let start = self.next?;
        let end = self.lexer.field_end(start);
        self.end = end;
        self.next = (self.lexer.bytes.get(end) == Some(&self.lexer.delimiter)).then_some(end + 1);
        Some((start, end))
    }
}

/// Record starts after a `\n` outside quotes, in text order (see [`Lexer::line_starts`]).
pub(super) struct LineStarts<'a> {
    lexer: Lexer<'a>,
    /// Where the scan is: outside quotes.
    pos: usize,
    /// The first quote at or after `pos` once looked for (`Some(None)`: there is none).
    quote: Option<Option<usize>>,
}

impl LineStarts<'_> {
    /// The first record start after a `\n` at or after byte `at`, at or after the last one
    /// given; `None` when there is none before the end of the text. Only quotes are looked
    /// for on the way (a quoted field is crossed whole), and newlines only from `at` on, in
    /// the stretch outside quotes that holds it.
    pub(super) fn at_or_after(&mut self, at: usize) -> Option<usize> {
        let bytes = self.lexer.bytes;
        loop {
            let pos = self.pos;
            let quote = *self.quote.get_or_insert_with(|| memchr::memchr(b'"', &bytes[pos..]).map(|q| pos + q));
            let stretch = quote.unwrap_or(bytes.len());
            if at < stretch {
                let search = at.saturating_sub(1).max(pos);
                if let Some(n) = memchr::memchr(b'\n', &bytes[search..stretch]) {
                    let start = search + n + 1;
                    if start >= bytes.len() {
                        return None;
                    }
                    self.pos = start;
                    return Some(start);
                }
            }
            let q = quote?;
            self.quote = None;
            self.pos = if self.lexer.opens(q) { self.lexer.close(q)? } else { q + 1 };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_fields_and_line_starts_follow_the_quotes() {
        // A quoted newline, doubled quotes, text after a closing quote, a quote inside an
        // unquoted field, a lone CR, and quotes left open to the end.
        let text = "a,\"b\nc\",\"d\"\"e\"f\r\n\"g,\"\"h\"\"\"\ni\"j,k\r\"open\n,";
        let lexer = Lexer::new(text, b',');
        let (fields, end, next) = lexer.record(0);
        assert_eq!(fields.iter().map(|&(a, b)| &text[a..b]).collect::<Vec<_>>(), ["a", "\"b\nc\"", "\"d\"\"e\"f"]);
        assert_eq!(&text[end..next], "\r\n");
        let (fields, _, next) = lexer.record(next);
        assert_eq!(fields.iter().map(|&(a, b)| &text[a..b]).collect::<Vec<_>>(), ["\"g,\"\"h\"\"\""]);
        let (fields, _, next) = lexer.record(next);
        assert_eq!(fields.iter().map(|&(a, b)| &text[a..b]).collect::<Vec<_>>(), ["i\"j", "k"]);
        let (fields, end, _) = lexer.record(next);
        assert_eq!(fields.iter().map(|&(a, b)| &text[a..b]).collect::<Vec<_>>(), ["\"open\n,"]);
        assert_eq!(end, text.len());
        let (start, len) = lexer.field(0, 2);
        assert_eq!(&text[start..start + len], "\"d\"\"e\"f");
        assert_eq!(lexer.field(0, 9), (start, 0), "past the last field: its start");
        let mut starts = lexer.line_starts(0);
        let found: Vec<usize> = std::iter::from_fn(|| starts.at_or_after(1)).collect();
        assert_eq!(found, [text.find("\"g").unwrap(), text.find("i\"").unwrap()]);
    }
}

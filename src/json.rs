//! The data contract as JSON text, written directly.
//!
//! The browser build hands its result to JavaScript as one JSON string, and the command-line
//! tool prints the same text. Writing it here, rather than through `serde_json`, keeps the
//! serializer and its error machinery out of the WebAssembly file and makes one pass over the
//! result with a single growing buffer. The output is byte for byte what `serde_json` writes for
//! the same value with the `Serialize` derives of [`crate::model`] (a test holds the two
//! together), so Rust users who serialize an [`Extraction`] themselves get the same text.

use crate::calendar::Date;
use crate::model::{Attribution, Check, Claim, CoSource, Extraction, Mention, NodeSpan, Source, Value};

impl Extraction {
    /// The extraction as compact JSON text, in the contract's field names (camelCase).
    ///
    /// ```
    /// let found = claimlens::extract("Some 40 people were hurt.", &claimlens::Options::new());
    /// assert!(found.to_json().starts_with(r#"{"version":1,"referenceDate":null,"claims":[{"id":0,"#));
    /// ```
    pub fn to_json(&self) -> String {
        // Claims repeat their sentence and values; a few hundred bytes each is a fair first guess.
        let mut w = Writer(String::with_capacity(256 + self.claims.len() * 640));
        w.extraction(self);
        w.0
    }
}

struct Writer(String);

/// The first byte at or after `from` that a JSON string escapes (a control character, `"` or
/// `\\`), or `bytes.len()`: eight bytes at a time, as [`crate::text::scan`] does, since text is
/// nearly all plain.
fn next_escape(bytes: &[u8], from: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut at = from;
    while let Some(eight) = bytes.get(at..).and_then(|rest| rest.first_chunk::<8>()) {
        let x = u64::from_le_bytes(*eight);
        let quote = x ^ (u64::from(b'"') * ONES);
        let backslash = x ^ (u64::from(b'\\') * ONES);
        // A byte's high bit is set where it is below 0x20 or equal to one of the two; the lowest
        // flagged byte is always a true one (a borrow only flags bytes above it).
        let hits = (x.wrapping_sub(0x20 * ONES) & !x
            | quote.wrapping_sub(ONES) & !quote
            | backslash.wrapping_sub(ONES) & !backslash)
            & HIGH;
        if hits != 0 {
            return at + (hits.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    bytes
        .get(at..)
        .and_then(|rest| rest.iter().position(|&b| b < 0x20 || b == b'"' || b == b'\\'))
        .map_or(bytes.len(), |k| at + k)
}

impl Writer {
    fn raw(&mut self, s: &str) {
        self.0.push_str(s);
    }

    fn string(&mut self, s: &str) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        self.0.push('"');
        let bytes = s.as_bytes();
        let mut run = 0;
        let mut i = next_escape(bytes, 0);
        while i < bytes.len() {
            let b = bytes[i];
            // Bytes before `i` are whole characters: only ASCII is ever escaped.
            self.0.push_str(&s[run..i]);
            match b {
                b'"' => self.raw("\\\""),
                b'\\' => self.raw("\\\\"),
                b'\n' => self.raw("\\n"),
                b'\r' => self.raw("\\r"),
                b'\t' => self.raw("\\t"),
                0x08 => self.raw("\\b"),
                0x0c => self.raw("\\f"),
                _ => {
                    self.0.push_str("\\u00");
                    self.0.push(char::from(HEX[usize::from(b >> 4)]));
                    self.0.push(char::from(HEX[usize::from(b & 0xf)]));
                }
            }
            run = i + 1;
            i = next_escape(bytes, run);
        }
        self.0.push_str(&s[run..]);
        self.0.push('"');
    }

    fn uint(&mut self, n: usize) {
        self.u64(n as u64);
    }

    fn u64(&mut self, n: u64) {
        let mut digits = [0u8; 20];
        let mut k = digits.len();
        let mut n = n;
        loop {
            k -= 1;
            digits[k] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        self.0.push_str(std::str::from_utf8(&digits[k..]).unwrap_or_default());
    }

    /// A float as `serde_json` writes it (shortest round-trip form; `0.0` for zero).
    fn float(&mut self, x: f64) {
        if x.is_finite() {
            self.0.push_str(zmij::Buffer::new().format_finite(x));
        } else {
            self.0.push_str("null");
        }
    }

    /// A figure: whole numbers as integers (358000, not 358000.0), others as floats.
    fn figure(&mut self, v: Option<f64>) {
        match v {
            Some(x) if x.fract() == 0.0 && x.abs() < 9.007_199_254_740_992e15 => {
                if x < 0.0 {
                    self.0.push('-');
                }
                // u64, not usize: usize is 32 bits in WebAssembly, and figures reach billions.
                self.u64(x.abs() as u64);
            }
            Some(x) => self.float(x),
            None => self.raw("null"),
        }
    }

    fn opt_str(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.string(s),
            None => self.raw("null"),
        }
    }

    fn date(&mut self, d: Option<Date>) {
        match d {
            Some(d) => {
                let text = d.to_string();
                self.string(&text);
            }
            None => self.raw("null"),
        }
    }

    fn uints(&mut self, ns: &[usize]) {
        self.0.push('[');
        for (i, &n) in ns.iter().enumerate() {
            if i > 0 {
                self.0.push(',');
            }
            self.uint(n);
        }
        self.0.push(']');
    }

    fn list<T>(&mut self, items: &[T], mut each: impl FnMut(&mut Self, &T)) {
        self.0.push('[');
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.0.push(',');
            }
            each(self, item);
        }
        self.0.push(']');
    }

    /// The fields every span has: start, end and, from DOM text nodes, the node positions.
    fn span(&mut self, start: usize, end: usize, nodes: Option<NodeSpan>) {
        self.raw(",\"start\":");
        self.uint(start);
        self.raw(",\"end\":");
        self.uint(end);
        if let Some(n) = nodes {
            self.raw(",\"startNode\":");
            self.uint(n.start_node);
            self.raw(",\"startOffset\":");
            self.uint(n.start_offset);
            self.raw(",\"endNode\":");
            self.uint(n.end_node);
            self.raw(",\"endOffset\":");
            self.uint(n.end_offset);
        }
    }

    fn extraction(&mut self, x: &Extraction) {
        self.raw("{\"version\":");
        self.uint(x.version as usize);
        self.raw(",\"referenceDate\":");
        self.date(x.reference_date);
        self.raw(",\"claims\":");
        self.list(&x.claims, Self::claim);
        self.raw(",\"sources\":");
        self.list(&x.sources, Self::source);
        self.raw("}");
    }

    fn claim(&mut self, c: &Claim) {
        self.raw("{\"id\":");
        self.uint(c.id);
        self.raw(",\"text\":");
        self.string(&c.text);
        self.span(c.start, c.end, c.nodes);
        self.raw(",\"values\":");
        self.list(&c.values, Self::value);
        self.raw(",\"attribution\":");
        match &c.attribution {
            Some(a) => self.attribution(a),
            None => self.raw("null"),
        }
        self.raw(",\"score\":");
        self.float(c.score);
        self.raw(",\"reasons\":");
        self.list(&c.reasons, |w, r| w.string(r));
        self.raw(",\"checks\":");
        self.list(&c.checks, Self::check);
        self.raw("}");
    }

    fn value(&mut self, v: &Value) {
        self.raw("{\"kind\":");
        self.string(v.kind.as_str());
        self.raw(",\"text\":");
        self.string(&v.text);
        self.span(v.start, v.end, v.nodes);
        self.raw(",\"value\":");
        self.figure(v.value);
        self.raw(",\"min\":");
        self.figure(v.min);
        self.raw(",\"max\":");
        self.figure(v.max);
        self.raw(",\"hedge\":");
        self.opt_str(v.hedge.map(|h| h.as_str()));
        self.raw(",\"unit\":");
        self.opt_str(v.unit);
        self.raw(",\"counted\":");
        self.opt_str(v.counted.as_deref());
        self.raw(",\"from\":");
        self.date(v.from);
        self.raw(",\"to\":");
        self.date(v.to);
        self.raw(",\"grain\":");
        self.opt_str(v.grain.map(|g| g.as_str()));
        self.raw(",\"partOf\":");
        match v.part_of {
            Some(p) => {
                self.raw("{\"claim\":");
                self.uint(p.claim);
                self.raw(",\"value\":");
                self.uint(p.value);
                self.raw("}");
            }
            None => self.raw("null"),
        }
        self.raw(",\"resolved\":");
        self.figure(v.resolved);
        if let Some(t) = &v.topic {
            self.raw(",\"topic\":{\"thing\":");
            self.string(&t.thing);
            self.raw(",\"event\":");
            self.string(t.event);
            self.raw(",\"low\":");
            self.figure(Some(t.low));
            self.raw(",\"high\":");
            self.figure(Some(t.high));
            self.raw(",\"from\":");
            self.date(t.from);
            self.raw(",\"to\":");
            self.date(t.to);
            self.raw("}");
        }
        self.raw("}");
    }

    fn attribution(&mut self, a: &Attribution) {
        self.raw("{\"source\":");
        self.string(&a.source);
        self.raw(",\"canonical\":");
        self.string(&a.canonical);
        self.span(a.start, a.end, a.nodes);
        self.raw(",\"cue\":");
        self.string(&a.cue);
        self.raw(",\"type\":");
        self.string(a.source_type);
        self.raw(",\"affiliation\":");
        self.opt_str(a.affiliation.as_deref());
        self.raw(",\"quote\":");
        self.raw(if a.quote { "true" } else { "false" });
        self.raw(",\"inherited\":");
        self.raw(if a.inherited { "true" } else { "false" });
        self.raw(",\"also\":");
        self.list(&a.also, Self::co_source);
        self.raw("}");
    }

    fn co_source(&mut self, c: &CoSource) {
        self.raw("{\"source\":");
        self.string(&c.source);
        self.raw(",\"canonical\":");
        self.string(&c.canonical);
        self.span(c.start, c.end, c.nodes);
        self.raw("}");
    }

    fn check(&mut self, c: &Check) {
        self.raw("{\"kind\":");
        self.string(c.kind);
        self.raw(",\"message\":");
        self.string(&c.message);
        self.raw(",\"claims\":");
        self.uints(&c.claims);
        self.raw("}");
    }

    fn source(&mut self, s: &Source) {
        self.raw("{\"canonical\":");
        self.string(&s.canonical);
        self.raw(",\"type\":");
        self.string(s.source_type);
        self.raw(",\"mentions\":");
        self.list(&s.mentions, Self::mention);
        self.raw(",\"claims\":");
        self.uints(&s.claims);
        self.raw("}");
    }

    fn mention(&mut self, m: &Mention) {
        self.raw("{\"text\":");
        self.string(&m.text);
        self.span(m.start, m.end, m.nodes);
        self.raw("}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Hedge, Kind, PartOf, Topic};

    fn value() -> Value {
        Value {
            kind: Kind::Count,
            text: "some 358,000 \"Syrians\"\n\u{1}\\ é".into(),
            start: 3,
            end: 30,
            nodes: Some(NodeSpan { start_node: 1, start_offset: 2, end_node: 3, end_offset: 4 }),
            value: Some(358_000.0),
            min: Some(-212_000_000_000.0),
            max: Some(1e300),
            hedge: Some(Hedge::Approximate),
            unit: None,
            counted: Some("Syrians".into()),
            from: Date::parse("2019-12-01").ok(),
            to: None,
            grain: None,
            part_of: Some(PartOf { claim: 0, value: 1 }),
            resolved: Some(5_000_000_000.5),
            topic: Some(Topic {
                thing: "people".into(),
                event: "displacement",
                low: 322_200.0,
                high: 393_800.000_000_1,
                from: Date::parse("2019-12-01").ok(),
                to: None,
            }),
        }
    }

    #[test]
    fn escapes_and_numbers_match_serde_json() {
        let claim = Claim {
            id: 7,
            text: "tab\there \u{1f} \u{8}\u{c}\r".into(),
            start: 0,
            end: 12,
            nodes: None,
            values: vec![value()],
            attribution: None,
            score: 0.0,
            reasons: vec!["count"],
            checks: vec![Check { kind: "share_over_100", message: "x".into(), claims: vec![1, 2] }],
        };
        let x = Extraction {
            version: 1,
            reference_date: Date::parse("2020-01-27").ok(),
            claims: vec![claim],
            sources: vec![],
        };
        assert_eq!(x.to_json(), serde_json::to_string(&x).unwrap());
    }

    #[test]
    fn strings_escape_as_serde_json_does_at_every_position() {
        // Each character that needs escaping, and some that do not, at every offset of a run long
        // enough to be read eight bytes at a time.
        let pieces = ["\"", "\\", "\n", "\u{0}", "\u{1f}", "\u{7f}", " ", "é", "—", "😀", "/", "a"];
        for piece in pieces {
            for at in 0..20 {
                for len in [at, at + 1, 24, 40] {
                    let text: String = "x".repeat(at) + piece + &"y".repeat(len.saturating_sub(at));
                    let mut w = Writer(String::new());
                    w.string(&text);
                    assert_eq!(w.0, serde_json::to_string(&text).unwrap(), "{text:?}");
                }
            }
        }
        let mixed = "say \"hi\"\tto\\them\u{1}—\u{8}ok\r\n";
        let mut w = Writer(String::new());
        w.string(mixed);
        assert_eq!(w.0, serde_json::to_string(mixed).unwrap());
    }
}

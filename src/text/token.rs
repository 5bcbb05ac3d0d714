//! A small tokenizer: words, digit runs, punctuation, and opaque runs (URLs, e-mail addresses,
//! hashtags, handles) that no rule may look inside.
//!
//! Tokens carry byte offsets into the whole text and whether white space precedes them, which
//! is how rules tell "M5" (glued) from "M 5", or "10,000-strong" from "10,000 - strong".

use std::ops::Range;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokKind {
    /// Letters (any script), without apostrophes or hyphens.
    Word,
    /// ASCII digits, with `,` or `.` between digits ("358,000", "3.5", "3.2.1").
    Num,
    /// Any other single character that is not white space.
    Punct,
    /// A URL, e-mail address, hashtag or @handle, taken whole.
    Opaque,
}

/// One token: its kind, byte range and whether white space comes before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// What it is.
    pub kind: TokKind,
    /// Whether white space separates it from the token before (true for the first token).
    pub space_before: bool,
}

/// Appends the tokens of `text[range]` to `out`.
pub fn tokenize(text: &str, range: Range<usize>, out: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    let mut i = range.start;
    let end = range.end;
    let mut space = true;
    // An opaque run needs a '/', '@' or '#', or starts with "www.": one scan of the range for
    // those bytes spares each word a second scan of its own.
    let marked = bytes[range].iter().any(|&b| matches!(b, b'/' | b'@' | b'#'));
    while i < end {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            space = true;
            i += 1;
            continue;
        }
        let c = if b < 0x80 { b as char } else { text[i..].chars().next().expect("char boundary") };
        if super::segment::is_blank(c) {
            space = true;
            i += c.len_utf8();
            continue;
        }
        if space && (marked || bytes.get(i..i + 4).is_some_and(|w| w.eq_ignore_ascii_case(b"www."))) {
            if let Some(stop) = opaque_run(text, i, end) {
                out.push(Token { start: i, end: stop, kind: TokKind::Opaque, space_before: true });
                i = stop;
                space = false;
                continue;
            }
        }
        let start = i;
        let kind = if b.is_ascii_digit() {
            i += 1;
            while i < end {
                if bytes[i].is_ascii_digit() {
                    i += 1;
                } else if matches!(bytes[i], b',' | b'.') && i + 1 < end && bytes[i + 1].is_ascii_digit() {
                    i += 2;
                } else {
                    break;
                }
            }
            TokKind::Num
        } else if c.is_alphabetic() {
            i += c.len_utf8();
            while i < end {
                let b = bytes[i];
                if b < 0x80 {
                    if b.is_ascii_alphabetic() {
                        i += 1;
                        continue;
                    }
                    break;
                }
                let c = text[i..].chars().next().expect("char boundary");
                if c.is_alphabetic() || is_combining(c) {
                    i += c.len_utf8();
                } else {
                    break;
                }
            }
            TokKind::Word
        } else {
            i += c.len_utf8();
            TokKind::Punct
        };
        out.push(Token { start, end: i, kind, space_before: space });
        space = false;
    }
}

fn is_combining(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}')
}

/// If a URL, e-mail address, hashtag or handle starts at `i`, where it ends.
fn opaque_run(text: &str, i: usize, end: usize) -> Option<usize> {
    // Most runs are plain words: one byte scan rules them out before any string search.
    let bytes = text.as_bytes();
    let mut stop = i;
    let mut marked = matches!(bytes[i], b'#' | b'@');
    while stop < end {
        let b = bytes[stop];
        if b < 0x80 {
            if (b as char).is_whitespace() {
                break;
            }
            marked |= matches!(b, b'/' | b'@');
            stop += 1;
        } else {
            let c = text[stop..].chars().next().expect("char boundary");
            if c.is_whitespace() {
                break;
            }
            stop += c.len_utf8();
        }
    }
    let run = &text[i..stop];
    let b = run.as_bytes();
    if !(marked || b.len() > 4 && b[..4].eq_ignore_ascii_case(b"www.")) {
        return None;
    }
    let lower_starts = |p: &str| b.len() >= p.len() && b[..p.len()].eq_ignore_ascii_case(p.as_bytes());
    let tagged = (b[0] == b'#' || b[0] == b'@') && b.len() > 1 && b[1].is_ascii_alphanumeric();
    let url = run.contains("://") || lower_starts("www.");
    let email = run.find('@').is_some_and(|at| at > 0 && run[at..].contains('.'));
    let path = run.contains('/') && run.contains('.') && b.iter().any(u8::is_ascii_alphabetic) && {
        // "example.org/page": a dot between letters before the first slash.
        let head = &run[..run.find('/').unwrap_or(0)];
        head.split('.').count() > 1
            && head.split('.').all(|p| !p.is_empty() && p.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-'))
    };
    if !(tagged || url || email || path) {
        return None;
    }
    let trimmed = run.trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']', '"', '\'', '”', '’']);
    Some(i + trimmed.len().max(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<(&str, TokKind, bool)> {
        let mut out = Vec::new();
        tokenize(text, 0..text.len(), &mut out);
        out.iter().map(|t| (&text[t.start..t.end], t.kind, t.space_before)).collect()
    }

    #[test]
    fn numbers_keep_separators_between_digits() {
        let t = toks("some 358,000 Syrians, 3.5m and 2019-12-01.");
        let texts: Vec<_> = t.iter().map(|x| x.0).collect();
        assert_eq!(texts, ["some", "358,000", "Syrians", ",", "3.5", "m", "and", "2019", "-", "12", "-", "01", "."]);
        assert!(!t[5].2, "m is glued to 3.5");
    }

    #[test]
    fn urls_and_addresses_are_opaque() {
        let t = toks("See https://example.org/a/2020 or mail press@example.org, #Flood2020 and @agency1.");
        let opaque: Vec<_> = t.iter().filter(|x| x.1 == TokKind::Opaque).map(|x| x.0).collect();
        assert_eq!(opaque, ["https://example.org/a/2020", "press@example.org", "#Flood2020", "@agency1"]);
    }

    #[test]
    fn unicode_words_and_spaces() {
        let t = toks("Maaret\u{a0}al-Numan café “18”");
        let texts: Vec<_> = t.iter().map(|x| x.0).collect();
        assert_eq!(texts, ["Maaret", "al", "-", "Numan", "café", "“", "18", "”"]);
        assert!(t[1].2, "a no-break space is white space");
    }
}

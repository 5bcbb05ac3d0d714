//! Paragraphs and sentences, with exact byte offsets.
//!
//! Paragraphs: a blank line always ends one; a single line break ends one too, unless the next
//! line plainly continues the sentence (the line does not end in final punctuation and the next
//! one starts in lower case), so headlines and one-paragraph-per-line text split where a reader
//! would, and hard-wrapped text stays whole.
//!
//! Sentences end at `.`, `!`, `?` or an ellipsis, with any closing quotes and brackets, followed by
//! white space and something that can start a sentence. Abbreviations ("Dr.", "U.S.", "Jan. 5",
//! "No. 5", "a.m."), initials, decimals and an ellipsis inside an open quotation do not end one.

use std::ops::Range;

use super::scan::ByteSet;

/// A sentence: its byte range (without surrounding white space) and its paragraph's index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Index of the paragraph (from [`paragraphs`]) that holds it.
    pub paragraph: usize,
}

/// White space, and the invisible characters that behave like it at the edges of a sentence
/// (a byte-order mark, zero-width spaces).
pub(crate) fn is_blank(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{feff}' | '\u{200b}' | '\u{2060}')
}

fn trim_range(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start_matches(is_blank).len();
    let trail = s.len() - s.trim_end_matches(is_blank).len();
    if lead == s.len() {
        return r.start..r.start;
    }
    r.start + lead..r.end - trail
}

fn ends_sentence(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | ':' | ';' | '"' | '”' | '’' | '\'' | ')' | ']')
}

/// Splits `text` into paragraphs (byte ranges without surrounding white space).
pub fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut open = false;
    let mut line_start = 0;
    let push_line = |line: Range<usize>, out: &mut Vec<Range<usize>>, open: &mut bool| {
        let line = trim_range(text, line);
        if line.is_empty() {
            *open = false;
            return;
        }
        if *open {
            let last = out.last_mut().expect("an open paragraph exists");
            let prev_end = text[..last.end].chars().next_back().unwrap_or('.');
            let next_start = text[line.start..].chars().next().unwrap_or('A');
            if !ends_sentence(prev_end) && next_start.is_lowercase() {
                last.end = line.end;
                return;
            }
        }
        out.push(line);
        *open = true;
    };
    // Line breaks by their bytes: "\n", U+0085 (C2 85), U+2028 and U+2029 (E2 80 A8/A9). A
    // continuation byte never equals a leading one, so a match is always a whole character.
    const BREAKS: ByteSet = ByteSet::of(b"\n\xC2\xE2");
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        i = BREAKS.find(bytes, i);
        let Some(&b) = bytes.get(i) else { break };
        let len = match b {
            b'\n' => 1,
            0xC2 if bytes.get(i + 1) == Some(&0x85) => 2,
            0xE2 if bytes.get(i + 1) == Some(&0x80) && matches!(bytes.get(i + 2), Some(0xA8 | 0xA9)) => 3,
            _ => {
                i += 1;
                continue;
            }
        };
        push_line(line_start..i, &mut out, &mut open);
        i += len;
        line_start = i;
    }
    push_line(line_start..text.len(), &mut out, &mut open);
    out
}

/// Splits all of `text` into sentences.
pub fn sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (p, range) in paragraphs(text).into_iter().enumerate() {
        split_sentences(text, range, p, &mut out);
    }
    out
}

/// Splits one paragraph (a byte range of `text`) into sentences, appended to `out`.
pub fn split_sentences(text: &str, para: Range<usize>, paragraph: usize, out: &mut Vec<Sentence>) {
    let s = &text[para.clone()];
    let base = para.start;
    let bytes = s.as_bytes();
    let push = |r: Range<usize>, out: &mut Vec<Sentence>| {
        let r = trim_range(text, base + r.start..base + r.end);
        if !r.is_empty() {
            out.push(Sentence { start: r.start, end: r.end, paragraph });
        }
    };
    let mut sent_start = 0;
    let mut curly = 0u32;
    let mut straight_open = false;
    let mut i = 0;
    while i < s.len() {
        // Only quotation marks and sentence ends matter here: a straight quote or . ! ? (ASCII),
        // and “ ” … (three bytes each, led by 0xE2). Every other byte is stepped over without
        // decoding it; 0xE2 is never a continuation byte, so `i` is a boundary when it matters.
        const MARKS: ByteSet = ByteSet::of(b"\".!?\xE2");
        i = MARKS.find(bytes, i);
        if i == bytes.len() {
            break;
        }
        let c = s[i..].chars().next().expect("i is a char boundary");
        match c {
            '“' => curly += 1,
            '”' => curly = curly.saturating_sub(1),
            '"' => {
                // The character before it (a sentence starts after white space).
                let prev = s[..i].chars().next_back().unwrap_or(' ');
                if straight_open {
                    straight_open = false;
                } else if prev.is_whitespace() || matches!(prev, '(' | '[' | '-' | '—' | '–' | '‘') || i == 0 {
                    straight_open = true;
                }
            }
            '.' | '!' | '?' | '…' => {
                let mut j = i;
                loop {
                    if j < s.len() && matches!(bytes[j], b'.' | b'!' | b'?') {
                        j += 1;
                    } else if s[j..].starts_with('…') {
                        j += '…'.len_utf8();
                    } else {
                        break;
                    }
                }
                let run = &s[i..j];
                let mut k = j;
                while let Some(cl) = s[k..].chars().next() {
                    match cl {
                        '"' => straight_open = false,
                        '”' => curly = curly.saturating_sub(1),
                        '’' | '\'' | ')' | ']' => {}
                        _ => break,
                    }
                    k += cl.len_utf8();
                }
                let rest = &s[k..];
                let ws = rest.len() - rest.trim_start().len();
                if k == s.len() || ws == 0 {
                    i = k.max(i + 1);
                    continue;
                }
                let m = k + ws;
                let next = s[m..].chars().next().unwrap_or(' ');
                let ellipsis = run.contains('…') || run.contains("..");
                let boundary = is_opener(next)
                    && !(ellipsis && (curly > 0 || straight_open))
                    && (run != "." || !abbreviation_holds(s, sent_start, i, &s[m..]));
                if boundary {
                    push(sent_start..k, out);
                    sent_start = m;
                    i = m;
                    continue;
                }
                i = k;
                continue;
            }
            _ => {}
        }
        i += c.len_utf8();
    }
    push(sent_start..s.len(), out);
}

/// Whether a character can begin a sentence.
fn is_opener(c: char) -> bool {
    c.is_uppercase()
        || c.is_ascii_digit()
        || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[' | '¿' | '¡' | '$' | '€' | '£' | '-' | '—')
        || (c.is_alphabetic() && !c.is_lowercase())
}

/// Words after which a period does not end the sentence: titles before a name.
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "sgt", "capt", "maj", "cmdr", "adm", "gov", "sen", "rep",
    "rev", "hon", "pres", "st", "mt", "fr", "supt", "insp", "cpl", "pvt", "brig",
];

/// Abbreviations that end a sentence only when a typical sentence opener follows.
const SOFT: &[&str] = &[
    "inc", "ltd", "co", "corp", "bros", "etc", "vs", "approx", "est", "dept", "univ", "al", "jr", "sr", "plc", "llc",
    "ave", "blvd", "rd", "cf", "fig", "ca", "govt", "ext", "tel", "vol", "pp", "para", "art", "sec", "ref",
];

const MONTHS_ABBR: &[&str] = &["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"];

/// Words that typically open a sentence: after a soft abbreviation they mean the sentence ended.
const OPENERS: &[&str] = &[
    "the",
    "a",
    "an",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "in",
    "but",
    "this",
    "that",
    "these",
    "those",
    "there",
    "his",
    "her",
    "their",
    "its",
    "on",
    "at",
    "as",
    "after",
    "when",
    "while",
    "if",
    "many",
    "most",
    "however",
    "meanwhile",
    "our",
    "my",
    "you",
    "what",
    "why",
    "how",
    "no",
    "some",
    "officials",
    "since",
    "during",
    "for",
];

/// Whether the period at `dot` (inside `s`) belongs to an abbreviation, a number or an initial
/// rather than ending the sentence; `after` is the text after the white space that follows.
fn abbreviation_holds(s: &str, sent_start: usize, dot: usize, after: &str) -> bool {
    let before = &s[sent_start..dot];
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '‘' | '[' | '—'))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    let next_word: String = after.chars().take_while(|c| c.is_alphabetic()).map(|c| c.to_ascii_lowercase()).collect();
    let next_is_digit = after.starts_with(|c: char| c.is_ascii_digit());
    let opener_follows = OPENERS.contains(&next_word.as_str());
    if word.bytes().all(|b| b.is_ascii_digit()) {
        // "1. Introduction": a list number opening the sentence.
        return word_start == 0 && word.len() <= 2;
    }
    let lower = word.to_ascii_lowercase();
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        // An initial ("John F. Kennedy"); a lone capital ending a sentence is rare.
        return c.is_uppercase() && !opener_follows;
    }
    if TITLES.contains(&lower.as_str()) {
        return true;
    }
    if lower == "no" || lower == "nos" {
        return next_is_digit;
    }
    if MONTHS_ABBR.contains(&lower.as_str()) {
        return next_is_digit || !opener_follows;
    }
    let dotted = word.contains('.')
        && word.split('.').all(|p| (1..=2).contains(&p.chars().count()) && p.chars().all(char::is_alphabetic));
    if dotted || SOFT.contains(&lower.as_str()) {
        return !opener_follows;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_break_ends_a_paragraph() {
        let text = "One.\nTwo.\u{85}Three.\u{2028}Four.\u{2029}Five é.";
        let got: Vec<&str> = paragraphs(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(got, ["One.", "Two.", "Three.", "Four.", "Five é."]);
    }

    fn split(text: &str) -> Vec<&str> {
        sentences(text).iter().map(|s| &text[s.start..s.end]).collect()
    }

    #[test]
    fn splits_plain_sentences() {
        assert_eq!(
            split("It rained. Then it stopped! Why? Nobody knows."),
            ["It rained.", "Then it stopped!", "Why?", "Nobody knows."]
        );
    }

    #[test]
    fn abbreviations_and_initials_do_not_split() {
        let t = "Dr. Amal Haddad met U.S. envoys on Jan. 5 at 10 a.m. near No. 5 Main St. in the capital. John F. Kennedy was not there.";
        assert_eq!(split(t).len(), 2, "{:?}", split(t));
    }

    #[test]
    fn soft_abbreviation_before_an_opener_splits() {
        assert_eq!(split("The deal went to Acme Inc. The board agreed.").len(), 2);
        assert_eq!(split("He moved to the U.S. The move was quick.").len(), 2);
    }

    #[test]
    fn decimals_do_not_split() {
        assert_eq!(
            split("Growth was 3.5 percent. Prices rose 1.2 percent."),
            ["Growth was 3.5 percent.", "Prices rose 1.2 percent."]
        );
    }

    #[test]
    fn ellipsis_inside_a_quote_does_not_split() {
        let t = "\"I have lost my home... Even my daughter's home\" said the farmer. He wept.";
        assert_eq!(split(t).len(), 2, "{:?}", split(t));
        let t = "“We waited… Nobody came,” she said.";
        assert_eq!(split(t).len(), 1, "{:?}", split(t));
    }

    #[test]
    fn question_inside_quote_before_lowercase_does_not_split() {
        assert_eq!(split("\"Where will we go?\" asked a farmer. Nobody answered.").len(), 2);
    }

    #[test]
    fn headline_lines_are_their_own_sentences() {
        let t = "Floods cut off northern valley\nRescuers reached the village on Monday. They found 40 families.";
        assert_eq!(
            split(t),
            ["Floods cut off northern valley", "Rescuers reached the village on Monday.", "They found 40 families."]
        );
    }

    #[test]
    fn hard_wrapped_lines_join() {
        let t = "The agency said the river\nrose overnight.\n\nA second paragraph.";
        assert_eq!(paragraphs(t).len(), 2);
        assert_eq!(split(t), ["The agency said the river\nrose overnight.", "A second paragraph."]);
    }

    #[test]
    fn dashes_do_not_split() {
        let t = "Home to some three million people -- half of them displaced — the province is full.";
        assert_eq!(split(t).len(), 1);
    }

    #[test]
    fn list_numbers_stay_with_their_item() {
        assert_eq!(split("1. Introduction of the plan"), ["1. Introduction of the plan"]);
    }

    #[test]
    fn closing_quotes_stay_with_the_sentence() {
        assert_eq!(split("He said: \"It is over.\" Then he left."), ["He said: \"It is over.\"", "Then he left."]);
    }
}

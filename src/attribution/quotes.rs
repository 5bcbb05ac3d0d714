//! Quotations: where they are, including a quotation that runs over several paragraphs (each
//! continuing paragraph opens with a quote mark and the one before it leaves its quote open).
//!
//! An unclosed quotation ends with its paragraph unless the next paragraph opens with a quote
//! mark, so a stray mark never swallows the rest of the page.

use std::ops::Range;

use crate::text::scan::ByteSet;

/// A quoted stretch of text (quote marks included) and the quotation it belongs to: the parts of
/// one quotation split over paragraphs share a `group`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Quote {
    pub start: usize,
    pub end: usize,
    pub group: usize,
}

fn opens(c: char) -> bool {
    matches!(c, '“' | '«' | '„')
}

fn closes(c: char) -> bool {
    matches!(c, '”' | '»')
}

/// The quotations of `text`, paragraph by paragraph, in order.
pub(crate) fn quotations(text: &str, paragraphs: &[Range<usize>]) -> Vec<Quote> {
    let mut out: Vec<Quote> = Vec::new();
    let mut group = 0;
    let mut carried: Option<usize> = None;
    for (p, para) in paragraphs.iter().enumerate() {
        let s = &text[para.clone()];
        let mut open: Option<usize> = None;
        let bytes = s.as_bytes();
        let mut i = 0;
        loop {
            // Every quote mark is '"' or led by 0xC2 (« ») or 0xE2 (“ ” „); other characters are
            // stepped over without decoding them.
            const MARKS: ByteSet = ByteSet::of(b"\"\xC2\xE2");
            i = MARKS.find(bytes, i);
            let Some(c) = s[i..].chars().next() else { break };
            let straight_opens = c == '"' && {
                let prev = s[..i].chars().next_back().unwrap_or(' ');
                prev.is_whitespace() || matches!(prev, '(' | '[' | '-' | '—' | '–' | ':')
            };
            if open.is_none() && (opens(c) || straight_opens) {
                open = Some(i);
            } else if open.is_some() && (closes(c) || c == '"') {
                let start = open.take().expect("open");
                let g = match carried.take() {
                    Some(g) if start == 0 => g,
                    _ => {
                        group += 1;
                        group
                    }
                };
                out.push(Quote { start: para.start + start, end: para.start + i + c.len_utf8(), group: g });
            }
            i += c.len_utf8();
        }
        carried = None;
        if let Some(start) = open {
            // Left open: it continues only if the next paragraph opens with a quote mark.
            let next_opens = paragraphs
                .get(p + 1)
                .and_then(|n| text[n.clone()].chars().next())
                .is_some_and(|c| opens(c) || c == '"');
            let g = match out.last() {
                Some(q) if start == 0 && q.end == para.start => q.group,
                _ => {
                    group += 1;
                    group
                }
            };
            out.push(Quote { start: para.start + start, end: para.end, group: g });
            if next_opens {
                carried = Some(g);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::paragraphs;

    fn quotes(text: &str) -> Vec<(&str, usize)> {
        quotations(text, &paragraphs(text)).into_iter().map(|q| (&text[q.start..q.end], q.group)).collect()
    }

    #[test]
    fn straight_and_curly() {
        let t = "\"We left,\" she said. He replied: “Nobody came.”";
        assert_eq!(quotes(t), [("\"We left,\"", 1), ("“Nobody came.”", 2)]);
    }

    #[test]
    fn a_quote_split_by_its_cue_is_two_parts() {
        let t = "“The water came at night,” she said, “and took everything.”";
        assert_eq!(quotes(t).len(), 2);
    }

    #[test]
    fn a_quote_over_two_paragraphs_is_one_group() {
        let t = "“We had no warning. The river rose in an hour.\n\n“By morning the school was gone,” the mayor said.";
        let q = quotes(t);
        assert_eq!(q.len(), 2);
        assert_eq!(q[0].1, q[1].1);
    }

    #[test]
    fn an_unclosed_quote_ends_with_its_paragraph() {
        let t = "He said \"we will return.\nThe next paragraph is plain narration with 40 people.";
        let q = quotes(t);
        assert_eq!(q, [("\"we will return.", 1)]);
    }
}

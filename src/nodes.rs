//! Extraction over DOM text nodes: the texts are joined (with a paragraph break wherever the
//! block changes, so a sentence never runs across a block element), extracted as one text, and
//! every span is mapped back to (node index, UTF-16 offset inside the node).

use crate::model::{Extraction, NodeSpan};
use crate::{Error, Options};

/// What separates two blocks in the joined text: a paragraph break.
const BLOCK_BREAK: &str = "\n\n";

/// The joined text and where each node starts in it.
struct Joined {
    text: String,
    /// UTF-16 offset of each node's start in the joined text.
    starts: Vec<usize>,
    /// UTF-16 length of each node.
    lens: Vec<usize>,
}

fn join<S: AsRef<str>>(texts: &[S], blocks: &[u32]) -> Joined {
    let total: usize = texts.iter().map(|t| t.as_ref().len()).sum();
    let mut text = String::with_capacity(total + 2 * texts.len());
    let mut starts = Vec::with_capacity(texts.len());
    let mut lens = Vec::with_capacity(texts.len());
    let mut units = 0;
    for (i, t) in texts.iter().enumerate() {
        if i > 0 && blocks[i] != blocks[i - 1] {
            text.push_str(BLOCK_BREAK);
            units += BLOCK_BREAK.len();
        }
        starts.push(units);
        let mut len = 0;
        // Line breaks inside a text node are white space in a rendered page, not paragraph
        // breaks: they become spaces (same length, so offsets hold).
        for c in t.as_ref().chars() {
            text.push(if matches!(c, '\n' | '\r') { ' ' } else { c });
            len += c.len_utf16();
        }
        lens.push(len);
        units += len;
    }
    Joined { text, starts, lens }
}

impl Joined {
    /// The node holding UTF-16 offset `at` as a start (the next node when `at` falls on a block
    /// break), and the offset inside it.
    fn start(&self, at: usize) -> (usize, usize) {
        let i = self.starts.partition_point(|&s| s <= at).saturating_sub(1);
        if at >= self.starts[i] + self.lens[i] && i + 1 < self.starts.len() {
            return (i + 1, 0);
        }
        (i, at.saturating_sub(self.starts[i]).min(self.lens[i]))
    }

    /// The node holding UTF-16 offset `at` as an (exclusive) end.
    fn end(&self, at: usize) -> (usize, usize) {
        let i = self.starts.partition_point(|&s| s < at).saturating_sub(1);
        (i, at.saturating_sub(self.starts[i]).min(self.lens[i]))
    }

    fn span(&self, start: usize, end: usize) -> Option<NodeSpan> {
        if self.starts.is_empty() {
            return None;
        }
        let (start_node, start_offset) = self.start(start);
        let (end_node, end_offset) = self.end(end.max(start));
        Some(NodeSpan { start_node, start_offset, end_node, end_offset })
    }
}

/// Finds the claims in a page's text nodes.
///
/// `texts[i]` is a text node's content and `blocks[i]` the index of the block element holding
/// it; a sentence never crosses a change of block. Every claim, value, attribution and mention
/// gets its `nodes` span; `start`/`end` are offsets in the joined text (nodes of one block
/// concatenated, blocks separated by a paragraph break).
///
/// ```
/// use claimlens::{extract_nodes, Options};
/// let texts = ["Some ", "358,000", " people fled.", "A new block."];
/// let found = extract_nodes(&texts, &[0, 0, 0, 1], &Options::new()).unwrap();
/// let v = &found.claims[0].values[0];
/// let n = v.nodes.unwrap();
/// assert_eq!((n.start_node, n.start_offset, n.end_node, n.end_offset), (0, 0, 2, 7));
/// ```
pub fn extract_nodes<S: AsRef<str>>(texts: &[S], blocks: &[u32], options: &Options) -> Result<Extraction, Error> {
    extract_nodes_with_progress(texts, blocks, options, &mut |_| {})
}

/// [`extract_nodes`], telling `progress` the share of the text read so far (0 to 1) as it goes.
pub(crate) fn extract_nodes_with_progress<S: AsRef<str>>(
    texts: &[S],
    blocks: &[u32],
    options: &Options,
    progress: &mut dyn FnMut(f64),
) -> Result<Extraction, Error> {
    if texts.len() != blocks.len() {
        return Err(Error::mismatched_nodes(texts.len(), blocks.len()));
    }
    let joined = join(texts, blocks);
    let mut found = crate::claims::extract(&joined.text, options, progress);
    for c in &mut found.claims {
        c.nodes = joined.span(c.start, c.end);
        for v in &mut c.values {
            v.nodes = joined.span(v.start, v.end);
        }
        if let Some(a) = &mut c.attribution {
            a.nodes = joined.span(a.start, a.end);
            for co in &mut a.also {
                co.nodes = joined.span(co.start, co.end);
            }
        }
    }
    for s in &mut found.sources {
        for m in &mut s.mentions {
            m.nodes = joined.span(m.start, m.end);
        }
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node_text(texts: &[&str], n: NodeSpan) -> String {
        let mut out = String::new();
        for (i, t) in texts.iter().enumerate().take(n.end_node + 1).skip(n.start_node) {
            let units: Vec<u16> = t.encode_utf16().collect();
            let a = if i == n.start_node { n.start_offset } else { 0 };
            let b = if i == n.end_node { n.end_offset } else { units.len() };
            out.push_str(&String::from_utf16(&units[a..b]).unwrap());
        }
        out
    }

    #[test]
    fn spans_map_back_to_the_nodes() {
        let texts =
            ["Floods: “some ", "358,000 😀 people", "” fled, the agency said. ", "Since Friday, €40m", " was sent."];
        let blocks = [0, 0, 0, 1, 1];
        let found = extract_nodes(&texts, &blocks, &Options::new()).unwrap();
        for c in &found.claims {
            for v in &c.values {
                assert_eq!(node_text(&texts, v.nodes.unwrap()), v.text, "{v:?}");
            }
            assert_eq!(node_text(&texts, c.nodes.unwrap()), c.text);
        }
        assert_eq!(found.claims.len(), 2, "the block change ends the sentence");
    }

    #[test]
    fn line_breaks_inside_a_node_do_not_split_sentences() {
        let texts = ["Some 40\n   people left", " on Monday."];
        let found = extract_nodes(&texts, &[0, 0], &Options::new()).unwrap();
        assert_eq!(found.claims.len(), 1);
        assert_eq!(found.claims[0].values[0].text, "Some 40\n   people".replace('\n', " "));
    }

    #[test]
    fn progress_is_reported_in_order_on_long_texts() {
        let paragraph = "Some 40 people left on Monday, the mayor said.";
        let texts: Vec<&str> = std::iter::repeat(paragraph).take(8000).collect();
        let blocks: Vec<u32> = (0..texts.len() as u32).collect();
        let mut shares = Vec::new();
        let found = extract_nodes_with_progress(&texts, &blocks, &Options::new(), &mut |s| shares.push(s)).unwrap();
        assert_eq!(found.claims.len(), 8000);
        // About 370 KB of text: a report every 64 KB.
        assert!(shares.len() >= 4, "{shares:?}");
        assert!(shares.windows(2).all(|w| w[0] < w[1]) && shares.iter().all(|&s| s > 0.0 && s < 1.0), "{shares:?}");
    }

    #[test]
    fn mismatched_lists_are_an_error() {
        let err = extract_nodes(&["a", "b"], &[0], &Options::new()).unwrap_err();
        assert_eq!(err.to_string(), "texts and blocks differ in length (2 texts, 1 blocks)");
    }
}

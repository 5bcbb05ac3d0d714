//! Word lists: what a rule needs to know about English words (reporting verbs, role nouns,
//! designators …), written as plain space-separated text so a reviewer reads them as lists, and
//! looked up in a set built on first use.

use std::collections::HashSet;
use std::sync::OnceLock;

/// A set of lower-case words, given as one space-separated string.
pub(crate) struct Lexicon {
    words: &'static str,
    set: OnceLock<HashSet<&'static str>>,
}

impl Lexicon {
    pub(crate) const fn new(words: &'static str) -> Lexicon {
        Lexicon { words, set: OnceLock::new() }
    }

    /// Whether `word` (lower case) is in the list.
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.set.get_or_init(|| self.words.split_whitespace().collect()).contains(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static COLOURS: Lexicon = Lexicon::new(
        "red green \
         blue",
    );

    #[test]
    fn words_across_line_continuations() {
        assert!(COLOURS.contains("red") && COLOURS.contains("green") && COLOURS.contains("blue"));
        assert!(!COLOURS.contains("gre") && !COLOURS.contains(""));
    }
}

//! In-page alias chains: one source, however the page names it. "the Observatory" is the Syrian
//! Observatory for Human Rights named before it; "Abdel Rahman" is Rami Abdel Rahman; an acronym
//! is the name whose initials it spells, or the name it was introduced after in parentheses
//! ("Hayat Tahrir al-Sham (HTS)"); "the UN" and "United Nations" are one source whichever comes
//! first. The canonical name is the fullest form the page gives.

use super::sources::SourceType;

/// Acronyms so common that news uses them before (or without) the full name.
const KNOWN: &[(&str, &str)] = &[
    ("UN", "United Nations"),
    ("U.N.", "United Nations"),
    ("EU", "European Union"),
    ("WHO", "World Health Organization"),
    ("IMF", "International Monetary Fund"),
    ("NATO", "North Atlantic Treaty Organization"),
    ("UNICEF", "United Nations Children's Fund"),
    ("UNHCR", "UN refugee agency"),
    ("ICRC", "International Committee of the Red Cross"),
    ("MSF", "Doctors Without Borders"),
];

/// One source the page names.
#[derive(Clone, Debug)]
pub(crate) struct Entry {
    pub canonical: String,
    pub kind: SourceType,
    /// Other spellings seen for it ("UN", "the Observatory").
    pub aliases: Vec<String>,
    /// A person's organisation, once the page has named it (registry index).
    pub affiliation: Option<usize>,
    /// When it was last named (a counter), so "the ministry" means the one named last.
    seen: usize,
    /// The canonical name and the aliases as lower-case words, kept with them for lookups.
    key: Vec<String>,
    alias_keys: Vec<Vec<String>>,
}

impl Entry {
    fn new(canonical: String, kind: SourceType, seen: usize) -> Entry {
        let key = words(&canonical);
        Entry { canonical, kind, aliases: Vec::new(), affiliation: None, seen, key, alias_keys: Vec::new() }
    }

    fn add_alias(&mut self, alias: String) {
        self.alias_keys.push(words(&alias));
        self.aliases.push(alias);
    }

    /// Gives the entry a new canonical name, the old one becoming an alias.
    fn rename(&mut self, canonical: String) {
        self.key = words(&canonical);
        let old = std::mem::replace(&mut self.canonical, canonical);
        self.add_alias(old);
    }
}

/// The page's sources, in the order they were first named.
#[derive(Debug, Default)]
pub(crate) struct Registry {
    pub entries: Vec<Entry>,
    /// Acronyms introduced in parentheses: ("HTS", "Hayat Tahrir al-Sham").
    defined: Vec<(String, String)>,
    clock: usize,
    /// Every canonical name and alias seen, as lower-case words joined by spaces: the fast path
    /// for names met before.
    exact: std::collections::HashMap<String, usize>,
}

/// The words of a name as [`words`] gives them, joined by single spaces: the exact-name index's
/// key, written into one string.
fn key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for w in name.split(|c: char| c.is_whitespace()) {
        let w = w.trim_matches(|c: char| !crate::text::is_word_char(c));
        if w.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        let from = out.len();
        out.push_str(w);
        out[from..].make_ascii_lowercase();
    }
    out
}

fn words(name: &str) -> Vec<String> {
    name.split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_matches(|c: char| !crate::text::is_word_char(c)).to_ascii_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

/// A run of capitalised words among a text's `words` whose initials spell `acr` ("World Food
/// Programme" for "WFP"); small words inside a name ("of", "for", "and", "the") are allowed.
fn spelled_out(words: &[&str], acr: &str) -> Option<String> {
    let first = acr.chars().next()?;
    for i in 0..words.len() {
        let w0 = words[i].trim_matches(|c: char| !crate::text::is_word_char(c));
        if !w0.starts_with(first) || w0.len() < 2 || w0.chars().all(|c| c.is_uppercase()) {
            continue;
        }
        let mut run: Vec<&str> = Vec::new();
        for w in &words[i..(i + 10).min(words.len())] {
            let clean = w.trim_matches(|c: char| !crate::text::is_word_char(c));
            let small = matches!(clean, "of" | "for" | "and" | "the" | "de" | "du" | "des");
            if clean.starts_with(char::is_uppercase) || small && !run.is_empty() {
                run.push(clean);
                let name = run.join(" ");
                if initials(&name) == acr && !small {
                    return Some(name);
                }
                if w.ends_with([',', '.', ';', ':']) {
                    break;
                }
            } else {
                break;
            }
        }
    }
    None
}

fn is_subsequence(short: &[String], long: &[String]) -> bool {
    let mut it = long.iter();
    short.iter().all(|w| it.any(|x| x == w))
}

/// The initials of a name's significant words: "International Rescue Committee" → "IRC".
fn initials(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| w.starts_with(char::is_uppercase))
        .filter_map(|w| w.chars().next())
        .collect()
}

fn is_acronym(name: &str) -> bool {
    let b = name.as_bytes();
    let letters = b.iter().filter(|&&c| c != b'.').count();
    (2..=7).contains(&letters) && b.iter().all(|&c| c == b'.' || c.is_ascii_uppercase())
}

impl Registry {
    /// Reads acronym definitions ("Hayat Tahrir al-Sham (HTS)") from the whole text first, so an
    /// acronym used before its definition still resolves.
    pub fn new(text: &str) -> Registry {
        let mut defined = Vec::new();
        let mut rest = text;
        let mut base = 0;
        while let Some(open) = rest.find('(') {
            let after = &rest[open + 1..];
            // An acronym is a few letters: its ')' is near, and looking no further keeps a page of
            // unclosed brackets linear.
            if let Some(close) = after.bytes().take(16).position(|b| b == b')') {
                let acr = &after[..close];
                if is_acronym(acr) {
                    let before = &text[..base + open];
                    let name: Vec<&str> =
                        before.trim_end().rsplit(' ').take(12).collect::<Vec<_>>().into_iter().rev().collect();
                    // The shortest run of words just before whose initials spell the acronym, or
                    // the capitalised run just before it.
                    let mut best = None;
                    for k in (0..name.len()).rev() {
                        let cand = name[k..].join(" ");
                        if initials(&cand).eq_ignore_ascii_case(&acr.replace('.', "")) {
                            best = Some(cand);
                            break;
                        }
                    }
                    if best.is_none() {
                        let caps: Vec<&str> = name
                            .iter()
                            .rev()
                            .take_while(|w| {
                                w.starts_with(char::is_uppercase) || matches!(**w, "al" | "of" | "for" | "the" | "and")
                            })
                            .copied()
                            .collect();
                        let caps: Vec<&str> =
                            caps.into_iter().rev().skip_while(|w| !w.starts_with(char::is_uppercase)).collect();
                        if !caps.is_empty() {
                            best = Some(caps.join(" "));
                        }
                    }
                    if let Some(b) = best {
                        defined.push((
                            acr.replace('.', ""),
                            b.trim_matches(|c: char| !crate::text::is_word_char(c)).to_string(),
                        ));
                    }
                }
            }
            base += open + 1;
            rest = &text[base..];
        }
        Registry { entries: Vec::new(), defined, clock: 0, exact: std::collections::HashMap::new() }
    }

    /// Gives acronyms their full name when the page spells it somewhere, even outside a source
    /// phrase ("the WFP" … "a World Food Programme convoy").
    pub fn finish(&mut self, text: &str) {
        // The page's words, split once for all its acronyms (once per acronym was a pass over
        // the whole page for each).
        let mut page_words: Option<Vec<&str>> = None;
        for e in &mut self.entries {
            if !is_acronym(&e.canonical) {
                continue;
            }
            let acr = e.canonical.replace('.', "");
            let page_words = page_words.get_or_insert_with(|| text.split_whitespace().collect());
            if let Some(full) = spelled_out(page_words, &acr) {
                e.rename(full);
            }
        }
        // Canonical names changed: rebuild the fast path.
        self.exact.clear();
        for (i, e) in self.entries.iter().enumerate() {
            for name in std::iter::once(&e.canonical).chain(e.aliases.iter().filter(|a| is_acronym(a))) {
                let key = key(name);
                if !key.is_empty() {
                    self.exact.insert(key, i);
                }
            }
        }
    }

    /// The full name an acronym stands for on this page, if known.
    fn expand(&self, name: &str) -> Option<String> {
        let bare = name.replace('.', "");
        self.defined
            .iter()
            .find(|(a, _)| *a == bare)
            .map(|(_, n)| n.clone())
            .or_else(|| KNOWN.iter().find(|(a, _)| a.replace('.', "") == bare).map(|(_, n)| n.to_string()))
    }

    /// Finds the entry a mention refers to, registering a new source when none matches. Returns
    /// its index.
    pub fn resolve(&mut self, name: &str, kind: SourceType) -> usize {
        self.clock += 1;
        let found = self.lookup(name);
        if let Some(i) = found {
            // A fuller name replaces a short one ("UN" → "United Nations").
            let fuller = is_acronym(&self.entries[i].canonical)
                && !is_acronym(name)
                && self.expand(&self.entries[i].canonical).is_some_and(|x| words(&x) == words(name));
            let e = &mut self.entries[i];
            e.seen = self.clock;
            if fuller {
                e.rename(name.to_string());
            } else if !e.aliases.iter().any(|a| a == name) && e.canonical != name {
                e.add_alias(name.to_string());
            }
            // Partial names ("the ministry") are not remembered: they mean the entry named last.
            let canonical = e.canonical.clone();
            if is_acronym(name) {
                self.remember(name, i);
            }
            self.remember(&canonical, i);
            return i;
        }
        // An acronym the page spells out elsewhere is registered under the full name.
        let spelled = if is_acronym(name) {
            self.defined.iter().find(|(a, _)| *a == name.replace('.', "")).map(|(_, n)| n.clone())
        } else {
            None
        };
        let i = self.entries.len();
        let entry = match spelled {
            Some(full) => {
                let mut e = Entry::new(full, kind, self.clock);
                e.add_alias(name.to_string());
                self.remember(name, i);
                e
            }
            None => Entry::new(name.to_string(), kind, self.clock),
        };
        self.remember(&entry.canonical.clone(), i);
        self.entries.push(entry);
        i
    }

    /// Registers `name` as a new source even when one of that name exists (the name then means
    /// the new one). Returns its index.
    pub fn add(&mut self, name: &str, kind: SourceType) -> usize {
        self.clock += 1;
        let i = self.entries.len();
        self.entries.push(Entry::new(name.to_string(), kind, self.clock));
        self.remember(name, i);
        i
    }

    fn remember(&mut self, name: &str, i: usize) {
        let key = key(name);
        if !key.is_empty() {
            self.exact.insert(key, i);
        }
    }

    /// The entry a mention names, without registering anything.
    pub fn lookup(&self, name: &str) -> Option<usize> {
        let k = key(name);
        if k.is_empty() {
            return None;
        }
        if let Some(&i) = self.exact.get(&k) {
            return Some(i);
        }
        let w = words(name);
        // Exact name or alias.
        if let Some(i) = self.entries.iter().rposition(|e| e.key == w || e.alias_keys.contains(&w)) {
            return Some(i);
        }
        // An acronym and its expansion, either way round.
        if is_acronym(name) {
            if let Some(full) = self.expand(name) {
                let fw = words(&full);
                // The expansion may have kept or dropped a leading word ("The").
                if let Some(i) = self.entries.iter().rposition(|e| {
                    let ew = &e.key;
                    *ew == fw || ew.ends_with(&fw) || fw.ends_with(ew) && ew.len() > 1
                }) {
                    return Some(i);
                }
            }
            if let Some(i) =
                self.entries.iter().rposition(|e| e.key.len() > 1 && initials(&e.canonical) == name.replace('.', ""))
            {
                return Some(i);
            }
        } else if let Some(i) = self
            .entries
            .iter()
            .rposition(|e| is_acronym(&e.canonical) && self.expand(&e.canonical).is_some_and(|x| words(&x) == w))
        {
            return Some(i);
        }
        // A part of a name given before: "the Observatory", "Abdel Rahman", "the ministry" (the
        // one named last).
        let small = w.iter().all(|x| matches!(x.as_str(), "of" | "the" | "for" | "and"));
        self.entries
            .iter()
            .enumerate()
            .filter(|(_, e)| {
                let ew = &e.key;
                let contiguous = ew.windows(w.len()).any(|win| win == w.as_slice());
                // "the fire service" for "Brannock County Fire and Rescue Service": the same
                // head noun, the other words in order.
                let spread = w.len() > 1 && ew.last() == w.last() && is_subsequence(&w, ew);
                ew.len() > w.len() && (contiguous || spread) && !small
            })
            .max_by_key(|(_, e)| e.seen)
            .map(|(i, _)| i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_the_words_joined() {
        for name in [
            "",
            " ",
            "UN",
            "the  United Nations'",
            "“Médecins Sans Frontières”",
            "A.F.P. (Paris)",
            "- — -",
            "O'Neil\tJr.",
        ] {
            assert_eq!(key(name), words(name).join(" "), "{name:?}");
        }
    }

    #[test]
    fn short_forms_and_surnames_join_the_full_name() {
        let mut r = Registry::new("");
        let soh = r.resolve("Syrian Observatory for Human Rights", SourceType::Organization);
        assert_eq!(r.resolve("Observatory", SourceType::Organization), soh);
        let person = r.resolve("Rami Abdel Rahman", SourceType::Person);
        assert_eq!(r.resolve("Abdel Rahman", SourceType::Person), person);
        assert_ne!(soh, person);
    }

    #[test]
    fn acronyms_both_ways() {
        let text = "fighters of Hayat Tahrir al-Sham (HTS) advanced";
        let mut r = Registry::new(text);
        let hts = r.resolve("HTS", SourceType::Organization);
        assert_eq!(r.resolve("Hayat Tahrir al-Sham", SourceType::Organization), hts);
        let un = r.resolve("UN", SourceType::Organization);
        assert_eq!(r.resolve("United Nations", SourceType::Organization), un);
        assert_eq!(r.entries[un].canonical, "United Nations");
        let irc = r.resolve("International Rescue Committee", SourceType::Organization);
        assert_eq!(r.resolve("IRC", SourceType::Organization), irc);
    }

    #[test]
    fn different_names_stay_apart() {
        let mut r = Registry::new("");
        let a = r.resolve("Health Ministry", SourceType::Official);
        let b = r.resolve("Finance Ministry", SourceType::Official);
        assert_ne!(a, b);
        assert_eq!(r.resolve("ministry", SourceType::Official), b, "the latest one");
    }
}

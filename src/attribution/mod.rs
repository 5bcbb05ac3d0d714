//! Attribution: who the page says each claim comes from.
//!
//! Per sentence, [`cues::find`] finds the reporting cues and [`sources::read`] reads their source
//! phrases; [`aliases::Registry`] joins every name of one source; pronouns ("she added") take the
//! last speaker; quotations ([`quotes`]) carry their speaker to every sentence they span. What a
//! sentence without a cue inherits is decided when claims are built (`claims.rs`).

pub(crate) mod aliases;
pub(crate) mod cues;
pub(crate) mod quotes;
pub(crate) mod sources;

use std::ops::Range;

use self::aliases::Registry;
use self::quotes::Quote;
use self::sources::SourceType;
use crate::lexicon::Lexicon;
use crate::values::Sent;

/// A source mention resolved for the page.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Mention {
    /// Byte span of the mention as written.
    pub start: usize,
    pub end: usize,
    /// Index of the source in the page's registry.
    pub source: usize,
}

/// A cue resolved for the page: who, by which words, for which part of the sentence.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Said {
    pub mention: Mention,
    pub also: Vec<Mention>,
    /// The cue as written ("said", "according to").
    pub cue: String,
    /// The source's organisation, when the phrase names one (registry index).
    pub affiliation: Option<usize>,
    /// Byte offset where the clause this cue governs starts (the sentence start for most).
    pub clause_start: usize,
}

/// "Viktor Darrow" for "Darrow": a capitalised first name right before the surname, earlier in the
/// text, with the organisation named right after it ("Owen Price of Brannock County Police").
fn full_name(text: &str, before: usize, surname: &str) -> Option<(String, Option<String>)> {
    if surname.len() < 3 || !surname.starts_with(char::is_uppercase) || surname.chars().all(|c| c.is_uppercase()) {
        return None;
    }
    // Names are introduced within a story: looking back a bounded distance keeps a long page
    // linear (a surname never introduced would otherwise send each mention to the page's start).
    const LOOK_BACK: usize = 32 * 1024;
    let mut from = before.saturating_sub(LOOK_BACK);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let head = &text[..before];
    let mut end = head.len();
    while let Some(i) = head[from..end].rfind(surname).map(|i| i + from) {
        end = i;
        let after_ok = !head[i + surname.len()..].starts_with(crate::text::is_word_char);
        let lead = &head[..i];
        if !after_ok || !lead.ends_with(' ') {
            continue;
        }
        let first = lead.trim_end().rsplit(|c: char| c.is_whitespace()).next().unwrap_or("");
        let first = first.trim_start_matches(|c: char| !crate::text::is_word_char(c));
        let is_name = first.len() > 1
            && first.starts_with(char::is_uppercase)
            && first.chars().skip(1).all(|c| c.is_lowercase() || c == '-')
            && !NOT_NAMES.contains(first);
        if is_name {
            let rest = &head[i + surname.len()..];
            let org = rest.strip_prefix(" of ").map(|r| {
                r.split_whitespace()
                    .take_while(|w| w.starts_with(char::is_uppercase) || matches!(*w, "of" | "and" | "for"))
                    .map(|w| w.trim_end_matches(|c: char| !crate::text::is_word_char(c)))
                    .collect::<Vec<_>>()
                    .join(" ")
            });
            return Some((format!("{first} {surname}"), org.filter(|o| !o.is_empty())));
        }
    }
    None
}

/// What the attribution pass knows about the page so far.
pub(crate) struct Attributor {
    pub registry: Registry,
    pub quotes: Vec<Quote>,
    /// The last named speaker: (mention, affiliation), for "she added".
    last_person: Option<(Mention, Option<usize>)>,
    last_any: Option<(Mention, Option<usize>)>,
    last_org: Option<(Mention, Option<usize>)>,
    /// A person named as the subject of a sentence without a cue, before any person spoke
    /// ("Prime Minister Erik Solvang needs 85 seats."): who "he said" in the next two sentences
    /// means when no one else has been quoted yet. (name, mention start, end, sentence number)
    named_subject: Option<(String, usize, usize, usize)>,
    /// Sentences read so far.
    sentences: usize,
}

impl Attributor {
    pub fn new(text: &str, paragraphs: &[Range<usize>]) -> Attributor {
        Attributor {
            registry: Registry::new(text),
            quotes: quotes::quotations(text, paragraphs),
            last_person: None,
            last_any: None,
            last_org: None,
            named_subject: None,
            sentences: 0,
        }
    }

    /// The quotations overlapping a byte range.
    pub fn quotes_in(&self, start: usize, end: usize) -> impl Iterator<Item = &Quote> {
        let first = self.quotes.partition_point(|q| q.end <= start);
        self.quotes[first..].iter().take_while(move |q| q.start < end)
    }

    /// The cues of one sentence, resolved against the page's sources.
    pub fn sentence(&mut self, s: &Sent<'_>, range: Range<usize>) -> Vec<Said> {
        self.sentences += 1;
        let regions: Vec<(usize, usize)> = self.quotes_in(range.start, range.end).map(|q| (q.start, q.end)).collect();
        // Quotations never overlap and come in order: a binary search finds the one a token may
        // be in (a scan of all of them per token is quadratic in a long sentence full of quotes).
        let quoted = |i: usize| {
            let t = s.toks[i].start;
            let k = regions.partition_point(|&(_, b)| b <= t);
            regions.get(k).is_some_and(|&(a, _)| a <= t)
        };
        let found = cues::find(s, &quoted);
        let mut out = Vec::with_capacity(found.len());
        for c in found {
            let (vs, ve) = s.bytes(c.verb.0, c.verb.1);
            let cue = s.text[vs..ve].to_string();
            let (ms, me) = s.bytes(c.source.start, c.source.end);
            let clause_start = if c.clause_start == 0 { range.start } else { s.toks[c.clause_start].start };
            let (source, affiliation) = if c.source.pronoun {
                let w = s.lw(c.source.start);
                let prior = match w {
                    // ("I" in a quotation is its speaker; outside one, the writer.)
                    "i" => self.last_person.clone(),
                    "he" | "she" => self.last_person.clone().or_else(|| {
                        let (name, a, b, at) = self.named_subject.clone()?;
                        if self.sentences > at + 2 {
                            return None;
                        }
                        let source = self.registry.resolve(&name, SourceType::Person);
                        Some((Mention { start: a, end: b, source }, None))
                    }),
                    "it" => self.last_org.clone(),
                    _ => self.last_any.clone(),
                };
                match prior {
                    Some((m, aff)) => (m.source, aff),
                    None => continue,
                }
            } else {
                let affiliation =
                    c.source.affiliation.as_deref().map(|a| self.registry.resolve(a, SourceType::Organization));
                // "Darrow wrote …" after "former mayor Viktor Darrow": the full name named before.
                let mut canonical = c.source.canonical.clone();
                let mut kind = c.source.kind;
                let mut named_with = None;
                if !canonical.contains(' ') && self.registry.lookup(&canonical).is_none() {
                    if let Some((full, org)) = full_name(s.text, ms, &canonical) {
                        canonical = full;
                        kind = SourceType::Person;
                        named_with = org.map(|o| self.registry.resolve(&o, SourceType::Organization));
                    }
                }
                let affiliation = affiliation.or(named_with);
                let mut idx = self.registry.resolve(&canonical, kind);
                // Unnamed officials of two bodies are two sources ("a senior official at the State
                // Department", "a senior official at Sudan's foreign ministry").
                let other_body = self.registry.entries[idx].affiliation.is_some_and(|x| Some(x) != affiliation);
                if matches!(kind, SourceType::Official | SourceType::Unnamed) && affiliation.is_some() && other_body {
                    // The one of this body named before, else a new source.
                    let same = self
                        .registry
                        .entries
                        .iter()
                        .rposition(|e| e.canonical == canonical && e.affiliation == affiliation);
                    idx = match same {
                        Some(k) => k,
                        None => self.registry.add(&canonical, kind),
                    };
                }
                // "Abdel Rahman said": the organisation named with him before still holds.
                let entry = &mut self.registry.entries[idx];
                match affiliation {
                    Some(a) if entry.affiliation.is_none() => entry.affiliation = Some(a),
                    _ => {}
                }
                (idx, affiliation.or(entry.affiliation))
            };
            let mention = Mention { start: ms, end: me, source };
            let also = c
                .also
                .iter()
                .map(|p| {
                    let (a, b) = s.bytes(p.start, p.end);
                    Mention { start: a, end: b, source: self.registry.resolve(&p.canonical, p.kind) }
                })
                .collect();
            if !c.source.pronoun {
                let kind = self.registry.entries[source].kind;
                let remembered = Some((mention.clone(), affiliation));
                if kind == SourceType::Person {
                    self.last_person = remembered.clone();
                }
                if kind == SourceType::Organization {
                    self.last_org = remembered.clone();
                }
                self.last_any = remembered;
            }
            out.push(Said { mention, also, cue, affiliation, clause_start });
        }
        if out.is_empty() && self.last_person.is_none() {
            if let Some((name, a, b)) = named_subject(s) {
                self.named_subject = Some((name, a, b, self.sentences));
            }
        }
        out
    }
}

/// A person's full name as a sentence's subject ("Prime Minister Erik Solvang needs …"): the
/// name, with its byte range.
fn named_subject(s: &Sent<'_>) -> Option<(String, usize, usize)> {
    let start = (0..s.len()).find(|&k| s.is_word(k))?;
    let end = (start..s.len()).find(|&k| !(s.is_word(k) && s.cap(k) || s.p(k, '.') && s.glued(k)))?;
    // A verb follows the name.
    if end == start || !s.is_word(end) || s.cap(end) {
        return None;
    }
    let phrase = sources::read(s, start, end);
    let words = phrase.canonical.split_whitespace().count();
    if phrase.kind != SourceType::Person || phrase.pronoun || words < 2 {
        return None;
    }
    let (a, b) = s.bytes(phrase.name_start, phrase.name_end);
    Some((phrase.canonical, a, b))
}

/// Capitalised words that start a sentence without being a name.
static NOT_NAMES: Lexicon = Lexicon::new(
    "The Mr Mrs Ms Dr Mayor President Minister Judge Former General Prime Chief Senator \
     Governor Professor Justice Prosecutor Lawyer Inspector",
);

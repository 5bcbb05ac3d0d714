//! Source phrases: the words that name who says something, read whole with their descriptors
//! ("the Britain-based Syrian Observatory for Human Rights", "Observatory head Rami Abdel Rahman",
//! "an AFP correspondent in the region"), and their canonical name, type and affiliation.
//!
//! The canonical name drops determiners, descriptive modifiers ("Britain-based",
//! "pro-government"), trailing prepositional phrases ("in the region") and generic media nouns
//! ("newspaper"), and keeps what identifies the source. A person named with an organisation
//! ("the International Rescue Committee's Misty Buswell", "Observatory head Rami Abdel Rahman")
//! keeps the organisation as `affiliation`.

use crate::lexicon::Lexicon;
use crate::values::Sent;

/// person, organization, media, official, group or unnamed (the contract's names).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SourceType {
    Person,
    Organization,
    Media,
    Official,
    Group,
    Unnamed,
}

impl SourceType {
    /// Every type, for reading the contract's names back.
    pub(crate) const ALL: [SourceType; 6] = [
        SourceType::Person,
        SourceType::Organization,
        SourceType::Media,
        SourceType::Official,
        SourceType::Group,
        SourceType::Unnamed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SourceType::Person => "person",
            SourceType::Organization => "organization",
            SourceType::Media => "media",
            SourceType::Official => "official",
            SourceType::Group => "group",
            SourceType::Unnamed => "unnamed",
        }
    }
}

/// A source phrase as found: its tokens and what it names.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Phrase {
    /// First token of the phrase as written.
    pub start: usize,
    /// One past its last token.
    pub end: usize,
    pub canonical: String,
    pub kind: SourceType,
    /// A person's organisation, as written in the phrase (resolved later).
    pub affiliation: Option<String>,
    /// "he", "she", "they": the speaker is someone named before.
    pub pronoun: bool,
    /// Tokens of the canonical name, for alias matching.
    pub name_start: usize,
    pub name_end: usize,
}

pub(crate) fn is_pronoun(w: &str) -> bool {
    matches!(w, "he" | "she" | "they" | "it" | "we" | "i")
}

fn is_determiner(w: &str) -> bool {
    DETERMINERS.contains(w)
}

/// Role words between an organisation and a person's name ("Observatory head Rami Abdel Rahman").
pub(crate) fn is_role(w: &str) -> bool {
    ROLE_WORDS.contains(w)
}

static ROLE_WORDS: Lexicon = Lexicon::new(
    "head chief spokesman spokeswoman spokesperson director president minister official leader \
     founder chairman chairwoman chair secretary general commissioner governor mayor economist \
     analyst researcher professor author coordinator representative envoy ambassador commander \
     chairperson ceo manager editor correspondent reporter officer adviser advisor deputy lead \
     senior country regional executive campaigner lawyer attorney prosecutor judge surgeon doctor \
     epidemiologist scientist virologist statistician strategist pollster expert inspector \
     superintendent captain colonel sergeant lieutenant paramedic nurse witness resident farmer \
     maker manufacturer owner operator developer producer insurer historian writer novelist \
     activist blogger columnist commentator academic lecturer biographer curator architect \
     engineer pastor priest imam rabbi coach",
);

/// Generic nouns after a media name that are not part of it ("the Al-Watan newspaper").
fn is_media_noun(w: &str) -> bool {
    MEDIA_NOUNS.contains(w)
}

fn is_media_word(w: &str) -> bool {
    is_media_noun(w) || MEDIA_WORDS.contains(w)
}

fn is_official_word(w: &str) -> bool {
    OFFICIAL_WORD_WORDS.contains(w)
}

static OFFICIAL_WORD_WORDS: Lexicon = Lexicon::new(
    "official officials spokesman spokeswoman spokesperson minister ministry ministers government \
     police army military authorities prosecutor prosecutors governor mayor president presidency \
     diplomat diplomats officer officers embassy spokespeople cabinet ombudsman",
);

fn is_org_word(w: &str) -> bool {
    ORG_WORD_WORDS.contains(w)
}

static ORG_WORD_WORDS: Lexicon = Lexicon::new(
    "observatory organization organisation committee nations agency ministry office council bank \
     fund commission union institute university cross crescent group movement party service \
     department network association federation programme program front forces alliance coalition \
     society foundation authority board court parliament assembly company corporation inc ltd \
     bureau centre center hospital clinic school trust watch amnesty frontieres frontières \
     doctors unicef unhcr who imf ocha wfp nato un eu irc msf statistics brigade police tribunal \
     secretariat directorate regulator watchdog inspectorate club team carmaker \
     automaker airline carrier insurer lender retailer bank manufacturer firm operator utility \
     charity agency",
);

/// Documents that speak for whoever made them ("a poll by …", "an LSO estimate").
fn is_document_noun(w: &str) -> bool {
    DOCUMENT_NOUN_WORDS.contains(w)
}

static DOCUMENT_NOUN_WORDS: Lexicon = Lexicon::new(
    "poll polls survey study report analysis estimate estimates figures data census audit \
     statement review assessment tally count projection projections forecast bulletin release",
);

/// Whether word `k` can end a source's name: an organisation or media head noun, or an acronym.
pub(crate) fn head_word(s: &Sent<'_>, k: usize) -> bool {
    let w = s.lw(k);
    is_org_word(w) && !matches!(w, "cross" | "crescent")
        || is_media_word(w)
        || s.raw(k).len() >= 2 && s.raw(k).chars().all(|c| c.is_uppercase())
}

/// Whether `[a, b)` is a document or an institution, which can "find" or "show".
pub(crate) fn documentary(s: &Sent<'_>, a: usize, b: usize) -> bool {
    (a..b).any(|k| s.is_word(k) && (is_document_noun(s.lw(k)) || is_org_word(s.lw(k)) || INQUIRERS.contains(s.lw(k))))
        || s.raw(a).chars().all(|c| c.is_uppercase()) && s.raw(a).len() >= 2
}

/// Nouns that can head an unnamed person or group source.
pub(crate) fn is_source_noun(w: &str) -> bool {
    SOURCE_NOUN_WORDS.contains(w)
}

static SOURCE_NOUN_WORDS: Lexicon = Lexicon::new(
    "residents resident witnesses witness activists activist agencies groups analysts analyst \
     experts expert doctors doctor medics medic rescuers volunteers survivors survivor villagers \
     farmers farmer woman man women men mother father girl boy driver teacher nurse nurses source \
     sources observers monitors economists economist researchers researcher scientists scientist \
     campaigners lawyers lawyer relatives neighbours neighbors parents workers worker officials \
     official traders shopkeeper owner owners pilot soldier soldiers fighters rebels protesters \
     organisers organizers authorities police investigators firefighters paramedics employees \
     staff student students pupils patients people locals elder elders citizens voters leaders \
     diplomats diplomat spokesman spokeswoman spokesperson correspondent reporter journalist \
     photographer eyewitness eyewitnesses bystander bystanders victim victims aid relief \
     charities charity ngos unions minister ministry government army military manager director \
     official's chief head commander mayor governor president author authors study report survey \
     poll statement pollsters forecasters opposition critics supporters lawmakers legislators \
     deputies senators mps ministers regulators prosecutors negotiators mediators unionists \
     investors bankers executives officers inspectors auditors judges court",
);

fn capital_word(s: &Sent<'_>, i: usize) -> bool {
    s.is_word(i) && s.name_like(i)
}

/// Whether tokens `[a, b)` can name a source: a name, a pronoun, or a noun that sources are.
pub(crate) fn plausible(s: &Sent<'_>, a: usize, b: usize) -> bool {
    if a >= b {
        return false;
    }
    if b == a + 1 && is_pronoun(s.lw(a)) {
        return true;
    }
    // "Nobody has explained …" names no one.
    if (a..b).any(|k| matches!(s.lw(k), "nobody" | "none" | "nothing" | "neither" | "noone")) || s.w(a, "no") {
        return false;
    }
    let mut any = false;
    for k in a..b {
        if !(s.is_word(k) || s.dash(k) || s.p_any(k, "'’.&()") || s.is_num(k) && s.glued(k)) {
            return false;
        }
        let w = s.lw(k);
        if VERB_STOPS.contains(w) {
            return false;
        }
        // A capitalised function word opening the sentence ("In a video …") names nobody.
        let opener = k == a && s.sentence_initial(k) && (is_determiner(w) || crate::values::counts::is_stop(w));
        any |= capital_word(s, k) && !opener || is_source_noun(w) || is_org_word(w) || is_official_word(w);
    }
    any
}

/// Reads the source phrase in tokens `[a, b)`: canonical name, type, affiliation.
pub(crate) fn read(s: &Sent<'_>, a: usize, b: usize) -> Phrase {
    let mut p = Phrase {
        start: a,
        end: b,
        canonical: String::new(),
        kind: SourceType::Organization,
        affiliation: None,
        pronoun: false,
        name_start: a,
        name_end: b,
    };
    if b == a + 1 && is_pronoun(s.lw(a)) {
        p.pronoun = true;
        p.kind = SourceType::Person;
        p.canonical = s.raw(a).to_string();
        return p;
    }
    // "the International Rescue Committee's Misty Buswell": organisation 's person.
    if let Some(q) = (a..b).find(|&k| (s.p(k, '\'') || s.p(k, '’')) && s.glued(k) && s.w(k + 1, "s")) {
        // "the commission's figures": a document speaks for its owner.
        if q + 3 == b && is_document_noun(s.lw(q + 2)) {
            let (na, nb) = trim(s, a, q);
            p.name_start = na;
            p.name_end = nb;
            p.canonical = join(s, na, nb);
            p.kind = classify(s, na, nb);
            return p;
        }
        let (na, nb) = trim(s, q + 2, b);
        if let Some((pa, pb)) = trailing_name(s, na, nb) {
            let (oa, ob) = trim(s, a, q);
            p.affiliation = (oa < ob && org_like(s, oa, ob)).then(|| join(s, oa, ob));
            return person(s, p, pa, pb);
        }
    }
    // "Carmaker Vollmann", "sportswear maker Adidas", "the investment bank Goldman Sachs": a
    // company named after what it is.
    if let Some(k) = (a..b.saturating_sub(1)).rev().find(|&k| s.is_word(k) && COMPANY_NOUNS.contains(s.lw(k))) {
        let named = (k + 1..b).all(|m| capital_word(s, m) || s.dash(m) && s.glued(m)) && capital_word(s, k + 1);
        if named && (!s.cap(k) || s.sentence_initial(k)) {
            p.name_start = k + 1;
            p.name_end = b;
            p.canonical = join(s, k + 1, b);
            p.kind = SourceType::Organization;
            return p;
        }
    }
    // "Observatory head Rami Abdel Rahman", "Health Minister Ana Lopes".
    if let Some(r) = (a..b).rev().find(|&k| is_role(s.lw(k)) && s.is_word(k)) {
        // "Economist Marieke Blom of ING": the organisation after the name.
        let cut = cut_pp(s, r + 1, b);
        let of = (r + 2..cut).find(|&k| s.w(k, "of") && !s.cap(k)).filter(|&k| {
            let (oa, ob) = trim(s, k + 1, cut);
            // A name of capitalised words, small words inside it ("the Bank of England").
            let inside = |m: usize| capital_word(s, m) || s.dash(m) || matches!(s.lw(m), "of" | "for" | "and" | "the");
            oa < ob
                && capital_word(s, oa)
                && capital_word(s, ob - 1)
                && (oa..ob).all(inside)
                && trailing_name(s, r + 1, k).is_some()
        });
        if let Some(k) = of {
            if let Some((pa, pb)) = trailing_name(s, r + 1, k).filter(|&(pa, pb)| pa == r + 1 && pb - pa >= 2) {
                let (oa, ob) = trim(s, k + 1, cut);
                p.affiliation = Some(join(s, oa, ob));
                return person(s, p, pa, pb);
            }
        }
        if let Some((pa, pb)) = trailing_name(s, r + 1, cut) {
            if pa == r + 1 {
                let (oa, ob) = trim(s, a, r);
                let org_end = (oa..ob).take_while(|&k| capital_word(s, k) || s.dash(k)).last().map_or(oa, |k| k + 1);
                let lower_org = (oa..ob).any(|k| is_org_word(s.lw(k)) || is_official_word(s.lw(k)));
                // "Health Minister Ana Silva": a government title's first words are its portfolio,
                // not an organisation.
                let portfolio = matches!(s.lw(r), "minister" | "secretary" | "commissioner" | "chancellor")
                    && !org_like(s, oa, org_end);
                if oa < org_end && !is_role(s.lw(oa)) && !portfolio {
                    p.affiliation = Some(join(s, oa, org_end));
                } else if lower_org && !is_role(s.lw(oa)) {
                    p.affiliation = Some(join(s, oa, ob));
                }
                return person(s, p, pa, pb);
            }
        }
    }
    // "a poll by the Civitas Institute": the maker of a document is the source.
    if let Some(d) = (a..b).find(|&k| s.is_word(k) && is_document_noun(s.lw(k))) {
        // "an exit poll conducted by …": a participle may come between.
        let by = if s.lw(d + 1).ends_with("ed") && s.w(d + 2, "by") { d + 2 } else { d + 1 };
        if matches!(s.lw(by), "by" | "from" | "of") && (by + 1..b).any(|k| capital_word(s, k)) {
            let (na, nb) = trim(s, by + 1, cut_pp(s, by + 1, b));
            if na < nb {
                p.name_start = na;
                p.name_end = nb;
                p.canonical = join(s, na, nb);
                p.kind = classify(s, na, nb);
                return p;
            }
        }
    }
    let cut = cut_pp(s, a, b);
    let (na, nb) = trim(s, a, cut);
    p.name_start = na;
    p.name_end = nb;
    p.canonical = join(s, na, nb);
    // "a senior official at the State Department": the body an unnamed role speaks for.
    if cut + 1 < b && s.is_word(cut) && matches!(s.lw(cut), "at" | "from" | "with" | "in") {
        let (oa, ob) = trim(s, cut + 1, b);
        let role = (na..nb).any(|k| is_official_word(s.lw(k)) || is_role(s.lw(k)));
        if role && oa < ob && org_like(s, oa, ob) && (oa..ob).any(|k| capital_word(s, k)) {
            p.affiliation = Some(join(s, oa, ob));
        }
    }
    // "the state-run Ostland Courier daily": the stripped noun still says what it is.
    p.kind = if (a..b).any(|k| s.is_word(k) && !s.cap(k) && is_media_noun(s.lw(k))) {
        SourceType::Media
    } else {
        classify(s, na, nb)
    };
    p
}

/// The organisation a role phrase names: "the HLF's spokesman" → "HLF", "the interior ministry's
/// spokesman" → "interior ministry", "IFRC country director" → "IFRC".
pub(crate) fn org_in(s: &Sent<'_>, a: usize, b: usize) -> Option<String> {
    let end = (a..b).find(|&k| (s.p(k, '\'') || s.p(k, '’')) && s.glued(k) && s.w(k + 1, "s")).unwrap_or(b);
    let (oa, ob) = trim(s, a, end);
    let ob = if end == b { (oa..ob).find(|&k| is_role(s.lw(k))).unwrap_or(ob) } else { ob };
    (oa < ob && org_like(s, oa, ob)).then(|| join(s, oa, ob))
}

/// Whether `[a, b)` names an organisation rather than a person: an acronym, or an
/// organisation word.
pub(crate) fn org_like(s: &Sent<'_>, a: usize, b: usize) -> bool {
    (a..b).any(|k| {
        let w = s.lw(k);
        is_org_word(w)
            || is_official_word(w)
            || is_media_word(w)
            || s.raw(k).len() >= 2 && s.raw(k).chars().all(|c| c.is_uppercase())
    })
}

fn person(s: &Sent<'_>, mut p: Phrase, a: usize, b: usize) -> Phrase {
    p.name_start = a;
    p.name_end = b;
    p.canonical = join(s, a, b);
    p.kind = SourceType::Person;
    p
}

/// A capitalised name at the end of `[a, b)` (one to four words).
fn trailing_name(s: &Sent<'_>, a: usize, b: usize) -> Option<(usize, usize)> {
    if a >= b || !capital_word(s, b - 1) {
        return None;
    }
    let mut k = b - 1;
    while k > a
        && (capital_word(s, k - 1)
            || s.dash(k - 1) && s.glued(k)
            || matches!(s.lw(k - 1), "al" | "bin" | "ibn" | "de" | "van" | "von" | "da" | "el" | "abu"))
    {
        k -= 1;
    }
    let words = (k..b).filter(|&i| s.is_word(i)).count();
    if words > 5 || (k..b).any(|i| is_org_word(s.lw(i))) {
        return None;
    }
    Some((k, b))
}

/// Drops a trailing prepositional phrase ("an AFP correspondent [in the region]") or an acronym
/// in parentheses ("the National Disaster Management Agency [(NDMA)]").
fn cut_pp(s: &Sent<'_>, a: usize, b: usize) -> usize {
    for k in a + 1..b {
        if s.p(k, '(') {
            return k;
        }
        // "economists polled by …", "an estimate published on Tuesday".
        let w = s.lw(k);
        let participle = w.ends_with("ed") && w.len() > 4 || w.ends_with("ing") && w.len() > 5;
        // Before its noun a participle is an adjective ("the returning officer", "the ruling
        // party"); after it, the start of what follows ("economists polled by …").
        let before_noun = s.is_word(k + 1) && k + 1 < b && !AFTER_PARTICIPLE.contains(s.lw(k + 1));
        if s.is_word(k) && !s.glued(k) && !s.cap(k) && participle && !is_role(w) && !before_noun {
            return k;
        }
        if matches!(s.lw(k), "in" | "at" | "from" | "on" | "near" | "inside" | "outside" | "who" | "which" | "with")
            && s.is_word(k)
        {
            // "Doctors Without Borders"-style names keep capitalised prepositions.
            if !s.cap(k) {
                return k;
            }
        }
    }
    b
}

/// Drops determiners and descriptors at the front ("the Britain-based", "the pro-government"),
/// generic media nouns at the end ("newspaper"), and a leading figure word ("one elderly woman").
fn trim(s: &Sent<'_>, mut a: usize, mut b: usize) -> (usize, usize) {
    loop {
        if a >= b {
            break;
        }
        let w = s.lw(a);
        if s.is_word(a) && is_determiner(w) && a + 1 < b {
            a += 1;
            continue;
        }
        // A hyphenated descriptor: "Britain-based", "pro-government", "state-run".
        if a + 2 < b && s.dash(a + 1) && s.glued(a + 1) && s.glued(a + 2) {
            let tail = s.lw(a + 2);
            let descriptor =
                DESCRIPTOR_TAILS.contains(tail) || matches!(w, "pro" | "anti" | "non" | "state" | "government");
            if descriptor {
                a += 3;
                continue;
            }
        }
        // Lower-case adjectives before a name: "the pro-government Al-Watan", "leading rights group".
        // "the state-run daily Ostland Courier": a generic media noun before the name.
        if s.is_word(a) && !s.cap(a) && is_media_noun(w) && capital_word(s, a + 1) {
            a += 1;
            continue;
        }
        if s.is_word(a)
            && !s.name_like(a)
            && (a + 1..b).any(|k| capital_word(s, k))
            && !is_source_noun(w)
            && !is_media_word(w)
            && !is_official_word(w)
            && !is_role(w)
        {
            let next_cap = capital_word(s, a + 1);
            if next_cap {
                a += 1;
                continue;
            }
        }
        break;
    }
    while b > a + 1
        && s.is_word(b - 1)
        && !s.cap(b - 1)
        && (is_media_noun(s.lw(b - 1)) || is_document_noun(s.lw(b - 1)))
        && capital_word(s, b - 2)
    {
        b -= 1;
    }
    // "The government now expects": an adverb after the name is not part of it.
    while b > a + 1 && s.is_word(b - 1) && !s.cap(b - 1) && TRAILING_ADVERBS.contains(s.lw(b - 1)) {
        b -= 1;
    }
    while b > a + 1 && !s.is_word(b - 1) {
        // "the U.N.": the period after an initial belongs to the name.
        let initial = s.p(b - 1, '.') && s.glued(b - 1) && s.raw(b - 2).len() == 1 && s.cap(b - 2);
        if initial && b >= a + 4 && s.p(b - 3, '.') {
            break;
        }
        b -= 1;
    }
    (a, b)
}

/// Nouns for a kind of company, before its name ("Carmaker Vollmann").
static COMPANY_NOUNS: Lexicon = Lexicon::new(
    "maker carmaker automaker drugmaker chipmaker manufacturer operator developer producer insurer \
     airline carrier line retailer firm company group giant lender bank conglomerate supplier \
     distributor miner broker",
);

/// Adverbs that may stand between a source and its cue ("the government now expects").
static TRAILING_ADVERBS: Lexicon =
    Lexicon::new("now also still too again already previously earlier later meanwhile however alone itself themselves");

/// The phrase's words as written, single-spaced.
pub(crate) fn join(s: &Sent<'_>, a: usize, b: usize) -> String {
    let mut out = String::new();
    for k in a..b {
        if k > a && !s.glued(k) {
            out.push(' ');
        }
        out.push_str(s.raw(k));
    }
    out
}

fn classify(s: &Sent<'_>, a: usize, b: usize) -> SourceType {
    let words: Vec<&str> = (a..b).filter(|&k| s.is_word(k)).map(|k| s.lw(k)).collect();
    let head = words.last().copied().unwrap_or("");
    if words.iter().any(|w| matches!(*w, "source" | "sources")) {
        return SourceType::Unnamed;
    }
    if words.iter().any(|w| is_media_word(w)) {
        return SourceType::Media;
    }
    // "Residents said", "Aid agencies said": a capital that only opens the sentence names nobody.
    let named = (a..b).any(|k| {
        let opener = s.sentence_initial(k) || k > 0 && (s.p(k - 1, '"') || s.p(k - 1, '“'));
        capital_word(s, k)
            && !(opener
                && (is_source_noun(s.lw(k))
                    || crate::values::counts::is_plural(s, k)
                    || !s.raw(k).chars().skip(1).any(char::is_uppercase) && k + 1 < b && !capital_word(s, k + 1)))
    });
    if named && words.iter().any(|w| is_org_word(w)) {
        return SourceType::Organization;
    }
    // "the U.N.", "the E.U.": initials with periods name an organisation.
    if words.len() >= 2 && (a..b).filter(|&k| s.is_word(k)).all(|k| s.raw(k).len() == 1 && s.cap(k)) {
        return SourceType::Organization;
    }
    if words.iter().any(|w| is_official_word(w)) {
        return SourceType::Official;
    }
    if named {
        let caps = (a..b).filter(|&k| capital_word(s, k)).count();
        let acronym = b == a + 1 && s.raw(a).len() <= 6 && s.raw(a).chars().all(|c| c.is_uppercase());
        return if acronym || caps == 1 && b == a + 1 { SourceType::Organization } else { SourceType::Person };
    }
    if crate::values::counts::is_plural(s, b - 1) || head == "aid" {
        return SourceType::Group;
    }
    // "the agency", "the commission": an organisation named by what it is; "the annual report", a
    // document, speaks for one.
    if is_org_word(head) || is_document_noun(head) {
        return SourceType::Organization;
    }
    SourceType::Person
}

/// Generic nouns after a media name (see [`is_media_noun`]).
static MEDIA_NOUNS: Lexicon = Lexicon::new(
    "newspaper daily weekly tabloid broadcaster channel website magazine outlet radio \
     television tv",
);

/// Words of media names and newsroom roles (see [`is_media_word`]).
static MEDIA_WORDS: Lexicon = Lexicon::new(
    "afp reuters ap bbc cnn correspondent correspondents reporter reporters journalist \
     journalists photographer cameraman news times post herald tribune gazette journal",
);

/// People and work that "find" or "show" (see [`documentary`]).
static INQUIRERS: Lexicon = Lexicon::new(
    "researchers scientists investigators auditors inspectors experts analysis records \
     research inquiry investigation trial test tests",
);

/// The second half of a hyphenated descriptor ("Britain-based", "state-run").
static DESCRIPTOR_TAILS: Lexicon = Lexicon::new(
    "based run owned backed funded led linked affiliated aligned controlled allied leaning \
     wing",
);

/// Determiners (see [`is_determiner`]).
static DETERMINERS: Lexicon = Lexicon::new("the a an one another its their our his her this that");

/// Verbs that end a source phrase.
static VERB_STOPS: Lexicon = Lexicon::new("is was were are be has have had will would not");

/// Words after a participle that show it starts what follows, not an adjective.
static AFTER_PARTICIPLE: Lexicon = Lexicon::new("by on in at from for to with of during last this over");

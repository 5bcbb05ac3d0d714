//! The data contract: what [`extract`](crate::extract) returns.
//!
//! Field names and shapes are fixed (see `docs/contract.md`): the CLI's JSON output, the wasm API and the
//! extension's messages all serialise these types, in camelCase, and serde reads that JSON back.
//! Offsets are UTF-16 code units into the input, so they can index a JavaScript string directly.

use std::fmt;
use std::marker::PhantomData;
use std::str::FromStr;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use crate::calendar::Date;
use crate::error::ParseNameError;

/// The version of the data contract written in [`Extraction::version`].
pub const CONTRACT_VERSION: u32 = 1;

/// Everything found in one text.
///
/// It serializes with serde as the contract's JSON ([`Extraction::to_json`] writes the same text)
/// and deserializes from it, into an equal `Extraction`:
///
/// ```
/// use claimlens::{extract, Extraction, Options};
/// let found = extract("Some 40 km of road were flooded, officials said.", &Options::new());
/// let back: Extraction = serde_json::from_str(&found.to_json()).unwrap();
/// assert_eq!(back, found);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Extraction {
    /// The data contract's version, [`CONTRACT_VERSION`].
    pub version: u32,
    /// The date relative dates were resolved against; `None` leaves them unresolved.
    pub reference_date: Option<Date>,
    /// The claims, in text order; a claim's `id` is its index here.
    pub claims: Vec<Claim>,
    /// Each source the text names, once, with its mentions and claims.
    pub sources: Vec<Source>,
}

/// A sentence (or a clause of one) that carries values or an attributed statement.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Claim {
    /// The claim's index in [`Extraction::claims`].
    pub id: usize,
    /// The claim's text, exactly the input between `start` and `end`.
    pub text: String,
    /// Start offset (UTF-16 code units).
    pub start: usize,
    /// End offset (UTF-16 code units, exclusive).
    pub end: usize,
    /// Where the span starts and ends among DOM text nodes, when extracted with
    /// [`extract_nodes`](crate::extract_nodes).
    #[serde(flatten)]
    pub nodes: Option<NodeSpan>,
    /// The values the claim carries, in text order.
    pub values: Vec<Value>,
    /// Who the text attributes the claim to; `None` when it gives no source.
    pub attribution: Option<Attribution>,
    /// Check-worthiness from 0 to 1 (see `docs/reasons.md`).
    pub score: f64,
    /// Short codes that explain the score (see `docs/reasons.md`).
    #[serde(deserialize_with = "names::reasons")]
    pub reasons: Vec<&'static str>,
    /// Consistency problems found between this claim's values and others.
    pub checks: Vec<Check>,
}

/// What a value is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Kind {
    /// A number of things, named (`counted`) or referred to ("38,000 of those").
    Count,
    /// A bare figure that counts nothing named.
    Number,
    /// A share: 70 for "70 percent"; unit `percent` or `percentage points`.
    Percent,
    /// An amount of money, in the currency as written (unit: ISO code).
    Money,
    /// A quantity with a unit of measure, the value as written.
    Measure,
    /// A fraction of something: 0.5 for "half of them".
    Ratio,
    /// A rank: 2 for "second biggest".
    Ordinal,
    /// A day, a period or an interval.
    Date,
    /// A length of time.
    Duration,
}

impl Kind {
    /// Every kind, in declaration order.
    const ALL: [Kind; 9] = [
        Kind::Count,
        Kind::Number,
        Kind::Percent,
        Kind::Money,
        Kind::Measure,
        Kind::Ratio,
        Kind::Ordinal,
        Kind::Date,
        Kind::Duration,
    ];

    /// The kind's name in the data contract ("count", "percent", …), which [`str::parse`] reads
    /// back.
    ///
    /// ```
    /// use claimlens::Kind;
    /// assert_eq!(Kind::Percent.as_str(), "percent");
    /// assert_eq!("percent".parse::<Kind>(), Ok(Kind::Percent));
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Count => "count",
            Kind::Number => "number",
            Kind::Percent => "percent",
            Kind::Money => "money",
            Kind::Measure => "measure",
            Kind::Ratio => "ratio",
            Kind::Ordinal => "ordinal",
            Kind::Date => "date",
            Kind::Duration => "duration",
        }
    }
}

/// How precisely a figure is stated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Hedge {
    /// No hedge: "358,000".
    Exact,
    /// some, around, about, roughly, approximately, an estimated.
    Approximate,
    /// nearly, almost, up to, as many as, at most, no more than, just under.
    AtMost,
    /// fewer than, less than, under, below.
    LessThan,
    /// at least, no fewer than.
    AtLeast,
    /// more than, over, above, upwards of.
    MoreThan,
    /// An order of magnitude only ("hundreds of thousands"), with `min`/`max`.
    Vague,
    /// An explicit range ("between 20 and 30"), with `min`/`max`.
    Range,
}

impl Hedge {
    /// Every hedge, in declaration order.
    const ALL: [Hedge; 8] = [
        Hedge::Exact,
        Hedge::Approximate,
        Hedge::AtMost,
        Hedge::LessThan,
        Hedge::AtLeast,
        Hedge::MoreThan,
        Hedge::Vague,
        Hedge::Range,
    ];

    /// The hedge's name in the data contract ("approximate", "at_most", …), which [`str::parse`]
    /// reads back.
    ///
    /// ```
    /// use claimlens::Hedge;
    /// assert_eq!(Hedge::AtMost.as_str(), "at_most");
    /// assert_eq!("at_most".parse::<Hedge>(), Ok(Hedge::AtMost));
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Hedge::Exact => "exact",
            Hedge::Approximate => "approximate",
            Hedge::AtMost => "at_most",
            Hedge::LessThan => "less_than",
            Hedge::AtLeast => "at_least",
            Hedge::MoreThan => "more_than",
            Hedge::Vague => "vague",
            Hedge::Range => "range",
        }
    }
}

/// The precision of a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Grain {
    /// A day or days.
    Day,
    /// A Monday-to-Sunday week.
    Week,
    /// A calendar month.
    Month,
    /// A calendar quarter.
    Quarter,
    /// A calendar year.
    Year,
    /// A decade ("the 1990s").
    Decade,
}

impl Grain {
    /// Every grain, in declaration order.
    const ALL: [Grain; 6] = [Grain::Day, Grain::Week, Grain::Month, Grain::Quarter, Grain::Year, Grain::Decade];

    /// The grain's name in the data contract ("day", "quarter", …), which [`str::parse`] reads
    /// back.
    ///
    /// ```
    /// use claimlens::Grain;
    /// assert_eq!(Grain::Quarter.as_str(), "quarter");
    /// assert_eq!("quarter".parse::<Grain>(), Ok(Grain::Quarter));
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Grain::Day => "day",
            Grain::Week => "week",
            Grain::Month => "month",
            Grain::Quarter => "quarter",
            Grain::Year => "year",
            Grain::Decade => "decade",
        }
    }
}

// The enums of the contract as strings: written with `as_str` (here and by the JSON writer in
// `json.rs`), read with `FromStr`, so each has one table of names.

impl FromStr for Kind {
    type Err = ParseNameError;

    /// Reads a kind's name in the data contract; any other string is an error that names it and
    /// the names allowed.
    fn from_str(s: &str) -> Result<Kind, ParseNameError> {
        from_name("kind", s, Kind::ALL, Kind::as_str)
    }
}

impl FromStr for Hedge {
    type Err = ParseNameError;

    /// Reads a hedge's name in the data contract; any other string is an error that names it and
    /// the names allowed.
    fn from_str(s: &str) -> Result<Hedge, ParseNameError> {
        from_name("hedge", s, Hedge::ALL, Hedge::as_str)
    }
}

impl FromStr for Grain {
    type Err = ParseNameError;

    /// Reads a grain's name in the data contract; any other string is an error that names it and
    /// the names allowed.
    fn from_str(s: &str) -> Result<Grain, ParseNameError> {
        from_name("grain", s, Grain::ALL, Grain::as_str)
    }
}

/// The one of `all` whose name is `s`.
fn from_name<T: Copy, const N: usize>(
    what: &'static str,
    s: &str,
    all: [T; N],
    name: fn(T) -> &'static str,
) -> Result<T, ParseNameError> {
    all.into_iter().find(|&x| name(x) == s).ok_or_else(|| ParseNameError::new(what, s, all.into_iter().map(name)))
}

impl Serialize for Kind {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl Serialize for Hedge {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl Serialize for Grain {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Kind {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Kind, D::Error> {
        d.deserialize_str(Parsed(PhantomData))
    }
}

impl<'de> Deserialize<'de> for Hedge {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Hedge, D::Error> {
        d.deserialize_str(Parsed(PhantomData))
    }
}

impl<'de> Deserialize<'de> for Grain {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Grain, D::Error> {
        d.deserialize_str(Parsed(PhantomData))
    }
}

/// A value found in a claim.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Value {
    /// What the value is.
    pub kind: Kind,
    /// The value as written, with its hedge and counted noun; exactly the input between `start`
    /// and `end`.
    pub text: String,
    /// Start offset (UTF-16 code units).
    pub start: usize,
    /// End offset (UTF-16 code units, exclusive).
    pub end: usize,
    /// Where the span starts and ends among DOM text nodes, when extracted with
    /// [`extract_nodes`](crate::extract_nodes).
    #[serde(flatten)]
    pub nodes: Option<NodeSpan>,
    /// The figure as written; `None` for vague amounts, ranges and dates.
    #[serde(serialize_with = "as_json_number")]
    pub value: Option<f64>,
    /// The lower bound of a range or vague amount.
    #[serde(serialize_with = "as_json_number")]
    pub min: Option<f64>,
    /// The upper bound of a range or vague amount.
    #[serde(serialize_with = "as_json_number")]
    pub max: Option<f64>,
    /// How precisely the figure is stated; `None` for dates, ordinals and unhedged ratios.
    pub hedge: Option<Hedge>,
    /// The written unit's canonical symbol ("percent", "USD", "km", "hour").
    #[serde(deserialize_with = "names::unit")]
    pub unit: Option<&'static core::primitive::str>,
    /// The noun phrase counted, when the text names it.
    pub counted: Option<String>,
    /// First day of a date or anchored duration (inclusive).
    pub from: Option<Date>,
    /// Last day of a date or anchored duration (inclusive).
    pub to: Option<Date>,
    /// The precision of a date.
    pub grain: Option<Grain>,
    /// The whole this figure is a part of ("38,000 of those" → the 358,000).
    pub part_of: Option<PartOf>,
    /// A ratio's implied figure when its whole is known ("half of them" of three million).
    #[serde(serialize_with = "as_json_number")]
    pub resolved: Option<f64>,
    /// What the figure is about, for comparing it with figures on other pages; absent (not
    /// `null`) when the text does not say which event it counts. See [`Topic`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<Topic>,
}

/// What a figure counts, its bounds and its period, in a form that can be compared with a figure
/// from another page: the extension's claim memory keeps these and flags a new figure for the same
/// thing and event, over an overlapping period, whose bounds do not meet the remembered one's.
///
/// The rule is lexical and documented in `src/checks.rs` (which keeps it with the
/// page's own consistency checks): "some 358,000 Syrians have been displaced", "250,000 displaced
/// people" and "300,000 people have fled" all have the thing `people` and the event
/// `displacement`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Topic {
    /// The thing counted: `people` for any noun for people ("Syrians", "civilians", "workers"),
    /// else the counted noun in the singular ("town"); the unit for amounts and shares ("USD",
    /// "percent").
    pub thing: String,
    /// The event the figure counts, one of a fixed list of synonym sets: `death`, `injury`,
    /// `displacement`, `arrest`, `crowd`, `deficit`, `unemployment`, `lost`, `destroy`.
    #[serde(deserialize_with = "names::event")]
    pub event: &'static core::primitive::str,
    /// The lowest figure the value allows, after its hedge ("some 358,000" → 322,200).
    #[serde(serialize_with = "as_json_f64")]
    pub low: f64,
    /// The highest figure the value allows, after its hedge ("some 358,000" → 393,800).
    #[serde(serialize_with = "as_json_f64")]
    pub high: f64,
    /// The first day of the period the figure covers: its claim's dates, else the reference date;
    /// `None` when there is neither.
    pub from: Option<Date>,
    /// The last day of that period (inclusive).
    pub to: Option<Date>,
}

impl Topic {
    /// Whether two figures contradict each other: the same thing and event, periods that overlap
    /// (a missing period overlaps any), bounds that do not meet, and one order of magnitude (a gap
    /// of more than ten times means different things: "23 people" and "1.4 million people").
    /// Across pages the extension also asks for a place in common (`www/extension/memory.js`).
    ///
    /// ```
    /// use claimlens::{extract, Options};
    /// let options = Options::new().with_reference_date(claimlens::Date::parse("2020-01-27").unwrap());
    /// let topic = |text: &str| extract(text, &options).claims[0].values[0].topic.clone().unwrap();
    /// let un = topic("Some 358,000 Syrians have been displaced, the United Nations says.");
    /// assert!(!un.conflicts(&topic("About 360,000 people have fled, aid groups said.")));
    /// assert!(un.conflicts(&topic("Officials said 250,000 displaced people were in camps.")));
    /// ```
    pub fn conflicts(&self, other: &Topic) -> bool {
        let overlap = match (self.from.zip(self.to), other.from.zip(other.to)) {
            (Some((a0, a1)), Some((b0, b1))) => a0 <= b1 && b0 <= a1,
            _ => true,
        };
        let apart = self.high < other.low || other.high < self.low;
        let (big, small) = (self.low.max(other.low), self.high.min(other.high).max(f64::MIN_POSITIVE));
        self.thing == other.thing && self.event == other.event && overlap && apart && big / small <= 10.0
    }
}

/// A span as positions in a list of DOM text nodes: node index and UTF-16 offset inside it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct NodeSpan {
    /// Index of the text node where the span starts.
    pub start_node: usize,
    /// UTF-16 offset of the start inside that node.
    pub start_offset: usize,
    /// Index of the text node where the span ends.
    pub end_node: usize,
    /// UTF-16 offset of the end (exclusive) inside that node.
    pub end_offset: usize,
}

/// Points at a value: the `value`-th value of claim `claim`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PartOf {
    /// The claim's id.
    pub claim: usize,
    /// The value's index in that claim's `values`.
    pub value: usize,
}

/// Who the text attributes a claim to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Attribution {
    /// The mention as written.
    pub source: String,
    /// The source's name after alias resolution.
    pub canonical: String,
    /// Start of the mention (UTF-16 code units).
    pub start: usize,
    /// End of the mention (UTF-16 code units, exclusive).
    pub end: usize,
    /// Where the span starts and ends among DOM text nodes, when extracted with
    /// [`extract_nodes`](crate::extract_nodes).
    #[serde(flatten)]
    pub nodes: Option<NodeSpan>,
    /// The reporting cue ("said", "according to").
    pub cue: String,
    /// person, organization, media, official, group or unnamed.
    #[serde(rename = "type", deserialize_with = "names::source_type")]
    pub source_type: &'static core::primitive::str,
    /// A person's organisation.
    pub affiliation: Option<String>,
    /// Whether the claim is a direct quotation.
    pub quote: bool,
    /// Whether the source was carried over from an earlier sentence.
    pub inherited: bool,
    /// Co-sources named with the main one.
    pub also: Vec<CoSource>,
}

/// A further source named for the same claim.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CoSource {
    /// The mention as written.
    pub source: String,
    /// The source's name after alias resolution.
    pub canonical: String,
    /// Start of the mention (UTF-16 code units).
    pub start: usize,
    /// End of the mention (UTF-16 code units, exclusive).
    pub end: usize,
    /// Where the span starts and ends among DOM text nodes, when extracted with
    /// [`extract_nodes`](crate::extract_nodes).
    #[serde(flatten)]
    pub nodes: Option<NodeSpan>,
}

/// A consistency problem between values.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Check {
    /// part_exceeds_whole, conflicting_figures, share_over_100 or interval_reversed.
    #[serde(deserialize_with = "names::check_kind")]
    pub kind: &'static core::primitive::str,
    /// A sentence a reader understands.
    pub message: String,
    /// The claims involved.
    pub claims: Vec<usize>,
}

/// One source named in the text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Source {
    /// The source's name after alias resolution.
    pub canonical: String,
    /// person, organization, media, official, group or unnamed.
    #[serde(rename = "type", deserialize_with = "names::source_type")]
    pub source_type: &'static core::primitive::str,
    /// Every mention of it.
    pub mentions: Vec<Mention>,
    /// The ids of the claims attributed to it.
    pub claims: Vec<usize>,
}

/// Where a source is named.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Mention {
    /// The mention as written.
    pub text: String,
    /// Start offset (UTF-16 code units).
    pub start: usize,
    /// End offset (UTF-16 code units, exclusive).
    pub end: usize,
    /// Where the span starts and ends among DOM text nodes, when extracted with
    /// [`extract_nodes`](crate::extract_nodes).
    #[serde(flatten)]
    pub nodes: Option<NodeSpan>,
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A date as its ISO string, the expanded form (`-000476-01-01`) included.
impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        d.deserialize_str(Parsed(PhantomData))
    }
}

/// Reads a string with `T`'s `FromStr`, without copying it.
struct Parsed<T>(PhantomData<T>);

impl<'de, T: FromStr> Visitor<'de> for Parsed<T>
where
    T::Err: fmt::Display,
{
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string of the data contract")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        v.parse().map_err(E::custom)
    }
}

/// The contract's names that the types hold as `&'static str` (units, reasons, source types,
/// events, check kinds), read back as the engine's own copy of each: a name this version never
/// writes is an error.
///
/// Such a field is written `&'static core::primitive::str` (the same type): serde's derive takes
/// a field typed `&str` or `Option<&str>` as borrowed from the input, and would then read the
/// whole struct only from `'static` input.
mod names {
    use serde::de::{Deserialize, Deserializer};

    use crate::attribution::sources::SourceType;
    use crate::error::ParseNameError;

    fn find<E: serde::de::Error>(
        what: &'static str,
        s: &str,
        names: impl Iterator<Item = &'static str> + Clone,
    ) -> Result<&'static str, E> {
        names.clone().find(|n| *n == s).ok_or_else(|| E::custom(ParseNameError::new(what, s, names)))
    }

    pub(super) fn unit<'de, D: Deserializer<'de>>(d: D) -> Result<Option<&'static str>, D::Error> {
        let unit = Option::<String>::deserialize(d)?;
        unit.map(|u| find("unit", &u, crate::values::UNITS.iter().copied())).transpose()
    }

    pub(super) fn reasons<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<&'static str>, D::Error> {
        let reasons = Vec::<String>::deserialize(d)?;
        reasons.iter().map(|r| find("reason", r, crate::claims::REASONS.iter().map(|&(code, _)| code))).collect()
    }

    pub(super) fn source_type<'de, D: Deserializer<'de>>(d: D) -> Result<&'static str, D::Error> {
        find("source type", &String::deserialize(d)?, SourceType::ALL.into_iter().map(SourceType::as_str))
    }

    pub(super) fn event<'de, D: Deserializer<'de>>(d: D) -> Result<&'static str, D::Error> {
        find("event", &String::deserialize(d)?, crate::checks::EVENTS.into_iter())
    }

    pub(super) fn check_kind<'de, D: Deserializer<'de>>(d: D) -> Result<&'static str, D::Error> {
        find("check kind", &String::deserialize(d)?, crate::checks::KINDS.into_iter())
    }
}

/// Whole figures are written as JSON integers (358000, not 358000.0).
fn as_json_number<S: Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match *v {
        Some(x) if x.fract() == 0.0 && x.abs() < 9.007_199_254_740_992e15 => s.serialize_i64(x as i64),
        Some(x) if x.is_finite() => s.serialize_f64(x),
        _ => s.serialize_none(),
    }
}

fn as_json_f64<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    as_json_number(&Some(*v), s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enum_names_parse_back() {
        fn check<T: Copy + PartialEq + std::fmt::Debug + FromStr<Err = ParseNameError>, const N: usize>(
            all: [T; N],
            name: fn(T) -> &'static str,
            index: fn(T) -> usize,
        ) {
            for (i, x) in all.into_iter().enumerate() {
                assert_eq!(index(x), i, "{x:?}: the list of all is in declaration order, without gaps");
                assert_eq!(name(x).parse::<T>(), Ok(x));
            }
        }
        check(Kind::ALL, Kind::as_str, |x| x as usize);
        check(Hedge::ALL, Hedge::as_str, |x| x as usize);
        check(Grain::ALL, Grain::as_str, |x| x as usize);
        assert_eq!("at_least".parse(), Ok(Hedge::AtLeast));
        assert_eq!("decade".parse(), Ok(Grain::Decade));
    }

    #[test]
    fn enum_names_are_those_of_the_contract() {
        // Serialized with the names docs/contract.md lists.
        for (name, kind) in [("count", Kind::Count), ("ordinal", Kind::Ordinal), ("duration", Kind::Duration)] {
            assert_eq!(serde_json::to_string(&kind).unwrap(), format!("\"{name}\""));
        }
        assert_eq!(serde_json::to_string(&Hedge::MoreThan).unwrap(), "\"more_than\"");
        assert_eq!(serde_json::to_string(&Grain::Week).unwrap(), "\"week\"");
    }

    #[test]
    fn unknown_names_are_errors_that_say_what_is_allowed() {
        let err = "Percent".parse::<Kind>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid kind \"Percent\": expected one of count, number, percent, money, measure, ratio, ordinal, \
             date, duration"
        );
        let err = "at most".parse::<Hedge>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid hedge \"at most\": expected one of exact, approximate, at_most, less_than, at_least, \
             more_than, vague, range"
        );
        let err = "".parse::<Grain>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid grain \"(empty)\": expected one of day, week, month, quarter, year, decade"
        );
        let boxed: Box<dyn std::error::Error> = Box::new(err);
        assert!(boxed.to_string().contains("decade"));
    }

    #[test]
    fn dates_parse_as_date_parse_does() {
        for s in ["2020-01-27", "-000476-01-01", "+010000-01-01", "2019-02-29", "27/01/2020"] {
            assert_eq!(s.parse::<Date>(), Date::parse(s), "{s}");
        }
    }
}

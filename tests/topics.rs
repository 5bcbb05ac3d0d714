//! What a figure is about (its topic), and when two figures' topics conflict: the rule the
//! extension's claim memory uses across pages and the page's own `conflicting_figures` check
//! uses within one. The cases live as data in tests/topics/ (the JavaScript side reads
//! pairs.json too, so the two implementations of the conflict rule are held to the same table).

use claimlens::{extract, Date, Options, Topic};
use serde_json::Value as Json;

fn date(j: &Json) -> Option<Date> {
    j.as_str().map(|s| Date::parse(s).unwrap())
}

fn topic(j: &Json) -> Topic {
    let event = match j["event"].as_str().unwrap() {
        "death" => "death",
        "injury" => "injury",
        "displacement" => "displacement",
        "arrest" => "arrest",
        "destroy" => "destroy",
        "deficit" => "deficit",
        other => panic!("unknown event {other}"),
    };
    Topic {
        thing: j["thing"].as_str().unwrap().to_string(),
        event,
        low: j["low"].as_f64().unwrap(),
        high: j["high"].as_f64().unwrap(),
        from: date(&j["from"]),
        to: date(&j["to"]),
    }
}

#[test]
fn wording_gives_the_expected_topics() {
    let data: Json = serde_json::from_str(include_str!("topics/wording.json")).unwrap();
    let options = Options::new().with_reference_date(Date::parse(data["referenceDate"].as_str().unwrap()).unwrap());
    let mut failures = Vec::new();
    for case in data["cases"].as_array().unwrap() {
        let text = case["text"].as_str().unwrap();
        let want = case["value"].as_str().unwrap();
        let found = extract(text, &options);
        let Some(v) = found.claims.iter().flat_map(|c| &c.values).find(|v| v.text == want) else {
            failures.push(format!("{want:?}: not found in {text:?}"));
            continue;
        };
        let got = v.topic.as_ref();
        match (case["thing"].as_str(), got) {
            (None, None) => {}
            (None, Some(t)) => failures.push(format!("{want:?}: expected no topic, got {t:?}")),
            (Some(_), None) => failures.push(format!("{want:?}: no topic")),
            (Some(thing), Some(t)) => {
                let mut bad = thing != t.thing || case["event"].as_str() != Some(t.event);
                for (field, got) in [("low", t.low), ("high", t.high)] {
                    bad |= case[field].as_f64().is_some_and(|x| x != got);
                }
                for (field, got) in [("from", t.from), ("to", t.to)] {
                    bad |= !case[field].is_null() && date(&case[field]) != got;
                }
                if bad {
                    failures.push(format!("{want:?}: got {t:?}, expected {case}"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn conflicts_follow_the_shared_table() {
    let data: Json = serde_json::from_str(include_str!("topics/pairs.json")).unwrap();
    for case in data["cases"].as_array().unwrap() {
        let (a, b) = (topic(&case["a"]), topic(&case["b"]));
        let want = case["conflict"].as_bool().unwrap();
        assert_eq!(a.conflicts(&b), want, "{}", case["why"]);
        assert_eq!(b.conflicts(&a), want, "{} (the other way round)", case["why"]);
    }
}

/// The issue's example on one page: three wordings of one thing; the figure outside the others'
/// bounds is flagged, the two that agree are not flagged against each other.
#[test]
fn one_page_flags_the_figure_that_disagrees() {
    let text = "Since December 1, some 358,000 Syrians have been displaced by the fighting, the United \
                Nations says.\n\nAbout 360,000 people have fled the province, aid groups said.\n\nBut \
                the governor insisted that only 250,000 displaced people had left their homes.";
    let found = extract(text, &Options::new().with_reference_date(Date::parse("2020-01-27").unwrap()));
    let pairs: Vec<(String, String)> = found
        .claims
        .iter()
        .flat_map(|c| &c.checks)
        .filter(|k| k.kind == "conflicting_figures")
        .map(|k| {
            let first = |id: usize| found.claims[id].values.iter().find(|v| v.topic.is_some()).unwrap().text.clone();
            (first(k.claims[0]), first(k.claims[1]))
        })
        .collect();
    assert!(pairs.contains(&("some 358,000 Syrians".into(), "250,000 displaced people".into())), "{pairs:?}");
    assert!(pairs.contains(&("About 360,000 people".into(), "250,000 displaced people".into())), "{pairs:?}");
    assert!(!pairs.iter().any(|(a, b)| a.contains("358,000") && b.contains("360,000")), "{pairs:?}");
}

/// The topic travels in the JSON contract as an optional field, absent when there is none.
#[test]
fn topic_is_in_the_json_only_when_known() {
    let found = extract("Some 40 people were killed. The town has 12 schools.", &Options::new());
    let json = found.to_json();
    assert_eq!(json.matches("\"topic\":").count(), 1, "{json}");
    assert!(
        json.contains(r#""topic":{"thing":"people","event":"death","low":36,"high":44,"from":null,"to":null}"#),
        "{json}"
    );
}

//! Hostile and odd input: extraction never panics, and every span it reports is inside the text,
//! in order, and exactly the slice its UTF-16 offsets point at.

use claimlens::{extract, Date, Extraction, Options};

fn check(text: &str) -> Extraction {
    let opts = Options::new().reference_date(Date::parse("2020-01-27").unwrap());
    let run = extract(text, &opts);
    let units: Vec<u16> = text.encode_utf16().collect();
    let mut last_end = 0;
    for (i, c) in run.claims.iter().enumerate() {
        assert_eq!(c.id, i);
        assert!(c.start <= c.end && c.end <= units.len() && c.start >= last_end, "claim {i} span");
        assert_eq!(String::from_utf16(&units[c.start..c.end]).unwrap(), c.text);
        assert!((0.0..=1.0).contains(&c.score));
        let mut prev = c.start;
        for v in &c.values {
            assert!(c.start <= v.start && v.start < v.end && v.end <= c.end, "value {:?} outside its claim", v.text);
            assert!(v.start >= prev, "values out of order");
            prev = v.end;
            assert_eq!(String::from_utf16(&units[v.start..v.end]).unwrap(), v.text);
            for x in [v.value, v.min, v.max, v.resolved].into_iter().flatten() {
                assert!(x.is_finite(), "{:?} has a non-finite figure", v.text);
            }
        }
        last_end = c.end;
    }
    run
}

#[test]
fn pathological_shapes_complete() {
    let cases = [
        String::new(),
        " \n\n \t ".to_string(),
        "1".repeat(20_000),
        "9,".repeat(5_000),
        "\"".repeat(10_000),
        "“”‘’".repeat(2_000),
        "(".repeat(5_000) + &")".repeat(5_000),
        "word ".repeat(20_000),
        "a".repeat(50_000),
        ".".repeat(10_000),
        "-".repeat(10_000) + "5",
        "between between between 1 and and and".repeat(500),
        "some some some more than at least 3".repeat(500),
        "December December 1 1 1, 2019 2019".repeat(500),
        "\u{0}\u{1}\u{7f}\u{200b}\u{feff}\u{202e}12\u{202c}".repeat(500),
        "😀€ 5€ €5 $ $$ 5$ ٣٥٨ ٥".repeat(500),
        "ثلاثة آلاف شخص 3,000 נפגעים 40 people".repeat(200),
        "1.2.3.4.5.6 1,2,3 1e9 0x1F 1/2/3 +1 -1 --1".repeat(300),
        "a.m. p.m. U.S. No. 5 Jan. 5 Dr. Q1 Q5 1990s '90s mid-2020".repeat(300),
        "9999-99-99 2020-02-30 0000-01-01 31 February 2020 February 29, 2019".repeat(100),
    ];
    for text in &cases {
        check(text);
    }
}

#[test]
fn pseudo_random_mixtures_of_real_fragments() {
    let pieces = [
        "some",
        "358,000",
        "Syrians",
        "between",
        "January",
        "15",
        "and",
        "19",
        "percent",
        "%",
        "$",
        "3.5",
        "m",
        "bn",
        "half",
        "of",
        "them",
        "since",
        "Friday",
        "Monday",
        "last",
        "week",
        "-",
        "—",
        "--",
        "\"",
        "“",
        "”",
        "...",
        "…",
        ".",
        ",",
        "!",
        "?",
        "the",
        "M5",
        "F-16",
        "three",
        "million",
        "twenty-five",
        "a",
        "third",
        "1st",
        "2nd",
        "km",
        "°C",
        "minus",
        "ago",
        "days",
        "the past",
        "hundreds",
        "thousands",
        "\n",
        "\n\n",
        "😀",
        "€",
        "\u{a0}",
        "No.",
        "U.S.",
        "early",
        "mid",
        "-2020",
        "2011",
        "1990s",
        "'",
        "’",
        "(",
        ")",
        "[",
        "]",
        "Q",
        "quarter",
        "up",
        "to",
    ];
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..300 {
        let mut text = String::new();
        for _ in 0..200 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let p = pieces[(state % pieces.len() as u64) as usize];
            text.push_str(p);
            if state & 0x30 != 0 {
                text.push(' ');
            }
        }
        check(&text);
    }
}

#[test]
fn extraction_is_deterministic_and_shifts_with_a_prefix() {
    let text = "Since December 1, some 358,000 people have fled, the agency said.";
    let a = check(text);
    assert_eq!(a, check(text));
    let prefix = "Unrelated opening line without figures.\n";
    let b = check(&format!("{prefix}{text}"));
    let shift = prefix.encode_utf16().count();
    let va: Vec<_> =
        a.claims.iter().flat_map(|c| &c.values).map(|v| (v.start + shift, v.end + shift, v.text.clone())).collect();
    let vb: Vec<_> = b.claims.iter().flat_map(|c| &c.values).map(|v| (v.start, v.end, v.text.clone())).collect();
    assert_eq!(va, vb);
}

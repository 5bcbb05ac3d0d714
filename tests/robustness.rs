//! Hostile and odd input: extraction never panics, and every span it reports is inside the text,
//! in order, and exactly the slice its UTF-16 offsets point at.

use claimlens::{extract, Date, Extraction, Options};

mod invariants;

fn check(text: &str) -> Extraction {
    let opts = Options::new().with_reference_date(Date::parse("2020-01-27").unwrap());
    let run = extract(text, &opts);
    invariants::check(text, &run);
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
    let pieces = invariants::PIECES;
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

/// Every input the fuzzers ever failed on (`tests/fuzz-regressions/TARGET/`, raw fuzz inputs,
/// decoded as the targets decode them) passes the invariants now.
#[test]
fn inputs_the_fuzzers_found() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions");
    let mut replayed = 0;
    for target in ["extract", "extract_nodes"] {
        for entry in std::fs::read_dir(dir.join(target)).expect("the regression folder exists") {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if name.ends_with(".md") || name.starts_with('.') {
                continue;
            }
            let data = std::fs::read(&path).unwrap();
            if target == "extract" {
                let (text, options) = invariants::extract_input(&data);
                invariants::check(&text, &extract(&text, &options));
            } else {
                let (texts, blocks) = invariants::nodes_input(&data);
                let run = claimlens::extract_nodes(&texts, &blocks, &Options::new()).unwrap();
                invariants::check_nodes(&texts, &run);
            }
            replayed += 1;
        }
    }
    assert!(replayed >= 1, "the regression folder holds the inputs found so far");
}

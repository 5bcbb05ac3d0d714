//! The command-line tool, run as a user would: formats, pipelines and bad input.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn claimlens(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimlens"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

const TEXT: &str = "Since Friday, some 4,200 families have fled, officials said. Around 70 percent are children.";

#[test]
fn json_output_follows_the_contract() {
    let o = claimlens(&["--date", "2020-01-27", "--format", "json"], TEXT.as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["version"], 1);
    assert_eq!(v["referenceDate"], "2020-01-27");
    let first = &v["claims"][0];
    assert_eq!(first["id"], 0);
    assert_eq!(first["values"][0]["text"], "Since Friday");
    assert_eq!(first["values"][0]["from"], "2020-01-24");
    assert_eq!(first["values"][1]["value"], 4200);
    assert_eq!(first["values"][1]["hedge"], "approximate");
    assert_eq!(first["values"][1]["counted"], "families");
    assert_eq!(first["attribution"]["canonical"], "officials");
    assert_eq!(first["attribution"]["type"], "official");
    assert_eq!(v["claims"][1]["attribution"], serde_json::Value::Null);
    assert_eq!(v["claims"][1]["values"][0]["kind"], "percent");
    assert!(v["sources"].is_array());
}

#[test]
fn text_output_is_a_table() {
    let o = claimlens(&["--date=2020-01-27", "-"], TEXT.as_bytes());
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(out.starts_with("2 claims from 1 source, 1 unattributed · reference date 2020-01-27"), "{out}");
    assert!(out.contains("== officials (official) · 1 claim"), "{out}");
    assert!(
        out.find("== officials").unwrap() < out.find("== UNATTRIBUTED").unwrap(),
        "unattributed claims come last: {out}"
    );
    assert!(out.contains("count     4,200"), "{out}");
    assert!(out.contains("approximate, counting \"families\""), "{out}");
}

#[test]
fn without_a_date_relative_dates_stay_unresolved() {
    let o = claimlens(&["--format", "json"], TEXT.as_bytes());
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["referenceDate"], serde_json::Value::Null);
    assert_eq!(v["claims"][0]["values"][0]["from"], serde_json::Value::Null);
}

#[test]
fn bad_date_is_a_usage_error() {
    let o = claimlens(&["--date", "2020-02-30"], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("invalid date \"2020-02-30\": no such day"), "{}", stderr(&o));
}

#[test]
fn bad_options_are_usage_errors() {
    for args in [
        &["--format", "xml"][..],
        &["--frobnicate"],
        &["a.txt", "b.txt"],
        &["--date"],
        &["--jsonl", "file.txt"],
        &["--jsonl=no"],
        &["--help=x"],
        &["--version=2"],
    ] {
        let o = claimlens(args, b"");
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).starts_with("claimlens: "), "{args:?}: {}", stderr(&o));
    }
}

#[test]
fn unreadable_file_is_reported() {
    let o = claimlens(&["/nonexistent/article.txt"], b"");
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("cannot read /nonexistent/article.txt"), "{}", stderr(&o));
}

#[test]
fn invalid_utf8_is_reported_with_its_offset() {
    let o = claimlens(&[], b"Some 40 people\xff\xfe left.");
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("not valid UTF-8 (first bad byte at offset 14)"), "{}", stderr(&o));
}

#[test]
fn utf16_and_binary_files_are_named_as_such() {
    let utf16: Vec<u8> = "About 40 people left.".encode_utf16().flat_map(u16::to_le_bytes).collect();
    let o = claimlens(&[], &[&b"\xFF\xFE"[..], &utf16].concat());
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("is UTF-16 (it starts with a byte-order mark)"), "{}", stderr(&o));
    let o = claimlens(&[], &utf16);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("holds NUL bytes: it looks like UTF-16 or a binary file"), "{}", stderr(&o));
    let o = claimlens(&[], b"Some 40 people left.\0");
    assert!(o.status.success(), "a stray NUL in text is read: {}", stderr(&o));
}

#[test]
fn jsonl_answers_every_line_and_isolates_bad_ones() {
    let input = concat!(
        "{\"id\": 1, \"text\": \"Some 40 people left on Monday.\", \"referenceDate\": \"2020-01-27\"}\n",
        "not json\n",
        "\n",
        "{\"id\": \"b\", \"text\": \"About 5 km.\", \"referenceDate\": \"2020-13-01\"}\n",
        "{\"id\": [3], \"text\": 7}\n",
        "{\"id\": 4, \"text\": \"x\", \"extra\": true}\n",
        "{\"id\": 5, \"text\": \"Nearly 3 million euros.\"}\n",
    );
    let mut bytes = input.as_bytes().to_vec();
    bytes.extend_from_slice(b"{\"id\": 6, \"text\": \"\xff\"}\n");
    let o = claimlens(&["--jsonl", "--date", "2021-06-01"], &bytes);
    assert!(o.status.success(), "{}", stderr(&o));
    let lines: Vec<serde_json::Value> = stdout(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 7, "one answer per non-blank line");
    assert_eq!(lines[0]["id"], 1);
    assert_eq!(lines[0]["extraction"]["claims"][0]["values"][1]["from"], "2020-01-27");
    assert!(lines[1]["error"].as_str().unwrap().contains("line 2: not JSON"));
    assert_eq!(lines[2]["id"], "b");
    assert!(lines[2]["error"].as_str().unwrap().contains("referenceDate"));
    assert_eq!(lines[3]["id"], serde_json::json!([3]));
    assert!(lines[3]["error"].as_str().unwrap().contains("\"text\" must be a string"));
    assert!(lines[4]["error"].as_str().unwrap().contains("unknown field \"extra\""));
    assert_eq!(lines[5]["extraction"]["referenceDate"], "2021-06-01", "--date is the default reference date");
    assert_eq!(lines[5]["extraction"]["claims"][0]["values"][0]["unit"], "EUR");
    assert!(lines[6]["error"].as_str().unwrap().contains("not valid UTF-8"));
}

#[test]
fn double_dash_ends_the_options() {
    let dir = std::env::temp_dir().join(format!("claimlens-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("-report.txt");
    std::fs::write(&file, "\u{feff}About 40 people left.").unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_claimlens"))
        .current_dir(&dir)
        .args(["--format", "json", "--", "-report.txt"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["claims"][0]["text"], "About 40 people left.", "the byte-order mark stays outside the sentence");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_table_does_not_pass_control_characters_to_the_terminal() {
    let o = claimlens(&[], "Some 40 people\u{1b}[2J left\r today \u{202e}in reverse\u{2028}at last.".as_bytes());
    let out = stdout(&o);
    assert!(!out.contains(['\u{1b}', '\r', '\u{202e}', '\u{2028}']), "{out:?}");
}

#[test]
fn one_claim_is_one_claim_in_the_table() {
    let o = claimlens(&[], b"About 40 people left.");
    assert!(stdout(&o).starts_with("1 claim from 0 sources, 1 unattributed"), "{}", stdout(&o));
}

// File names that are not UTF-8 exist on Unix; elsewhere they are UTF-16.
#[cfg(unix)]
#[test]
fn a_file_name_need_not_be_utf8() {
    use std::os::unix::ffi::OsStrExt;
    let dir = std::env::temp_dir().join(format!("claimlens-cli-name-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(std::ffi::OsStr::from_bytes(b"caf\xe9.txt"));
    std::fs::write(&file, "About 40 people left.").unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_claimlens")).args(["--format", "json"]).arg(&file).output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["claims"][0]["values"][0]["value"], 40);
    let missing = Command::new(env!("CARGO_BIN_EXE_claimlens"))
        .arg(dir.join(std::ffi::OsStr::from_bytes(b"\xff")))
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(1), "{}", stderr(&missing));
    let bad_date = Command::new(env!("CARGO_BIN_EXE_claimlens"))
        .arg("--date")
        .arg(std::ffi::OsStr::from_bytes(b"\xff"))
        .output()
        .unwrap();
    assert_eq!(bad_date.status.code(), Some(2));
    assert!(stderr(&bad_date).contains("--date: the value is not valid UTF-8"), "{}", stderr(&bad_date));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn jsonl_answers_each_line_before_the_next_arrives() {
    use std::io::BufRead;
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimlens"))
        .arg("--jsonl")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut output = std::io::BufReader::new(child.stdout.take().unwrap());
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        output.read_line(&mut line).unwrap();
        tx.send(line).unwrap();
    });
    {
        let mut input = child.stdin.take().unwrap();
        // A byte-order mark before the first line is skipped.
        input.write_all(b"\xEF\xBB\xBF{\"id\": 1, \"text\": \"Some 5 people left.\"}\n").unwrap();
        input.flush().unwrap();
        // The input stays open here: the answer must come without it.
        let line =
            rx.recv_timeout(std::time::Duration::from_secs(20)).expect("the first answer arrives while input is open");
        let v: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!(v["id"], 1, "{line}");
        assert_eq!(v["extraction"]["claims"][0]["values"][0]["value"], 5, "{line}");
    } // The input closes: the tool ends.
    assert!(child.wait().unwrap().success());
}

#[test]
fn jsonl_echoes_each_id_exactly_as_written() {
    let input = concat!(
        "{\"id\": 123456789012345678901234567890, \"text\": \"Some 40 people left.\"}\n",
        "{\"id\": 1.50, \"text\": 7}\n",
        "{\"id\": -1e400, \"text\": \"x\", \"referenceDate\": \"2020-02-30\"}\n",
        "{\"text\": \"x\", \"id\": {\"run\": 18446744073709551617, \"tags\": [\"a\", \"\\u00e9\"]}}\n",
        "{\"text\": \"x\"}\n",
    );
    let o = claimlens(&["--jsonl", "--date", "2020-01-27"], input.as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 5, "{out}");
    // The id first, then the extraction exactly as the library writes it.
    let found = claimlens::extract(
        "Some 40 people left.",
        &claimlens::Options::new().with_reference_date(claimlens::Date::parse("2020-01-27").unwrap()),
    );
    assert_eq!(lines[0], format!("{{\"id\":123456789012345678901234567890,\"extraction\":{}}}", found.to_json()));
    assert!(lines[1].starts_with("{\"id\":1.50,\"error\":"), "{}", lines[1]);
    assert!(lines[2].starts_with("{\"id\":-1e400,\"error\":"), "{}", lines[2]);
    assert!(
        lines[3].starts_with("{\"id\":{\"run\": 18446744073709551617, \"tags\": [\"a\", \"\\u00e9\"]},\"extraction\":"),
        "{}",
        lines[3]
    );
    assert!(lines[4].starts_with("{\"id\":null,\"extraction\":"), "{}", lines[4]);
    // Every answer is JSON (-1e400 is too, though beyond an f64).
    for line in [lines[0], lines[1], lines[3], lines[4]] {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(v.get("extraction").is_some() != v.get("error").is_some(), "{line}");
    }
}

#[test]
fn jsonl_explains_a_lone_surrogate() {
    let o = claimlens(&["--jsonl"], b"{\"id\": 1, \"text\": \"bad \\ud800 text\"}\n");
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert!(v["error"].as_str().unwrap().contains("lone UTF-16 surrogate"), "{v}");
}

#[test]
fn help_and_version() {
    let o = claimlens(&["--help"], b"");
    assert!(o.status.success());
    assert!(stdout(&o).contains("Usage:"));
    let o = claimlens(&["--version"], b"");
    assert!(stdout(&o).starts_with("claimlens "));
}

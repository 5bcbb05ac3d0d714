//! The `claimlens` command: finds the checkable claims in a text file and prints them as JSON or
//! as a table, or processes JSON lines for pipelines.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::fmt::Write as _;
use std::io::{self, BufRead, IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use claimlens::{extract, Date, Extraction, Options};
use serde::Serialize;
use serde_json::value::RawValue;

const USAGE: &str = "\
claimlens — find the checkable claims in news text

Usage:
  claimlens [--date YYYY-MM-DD] [--format text|json] [FILE|-]
  claimlens --jsonl [--date YYYY-MM-DD] < lines.jsonl

Options:
  --date YYYY-MM-DD   the day the text was published; resolves \"Monday\", \"last week\" …
                      (without it, relative dates stay unresolved)
  --format text|json  a table for people (default) or the JSON data contract
  --jsonl             read JSON lines {\"id\", \"text\", \"referenceDate\"} on stdin and write one
                      {\"id\", \"extraction\"} or {\"id\", \"error\"} line per input line, the id
                      exactly as written
  -h, --help          show this help
  -V, --version       show the version

FILE is read as UTF-8; '-' or no FILE reads standard input; '--' ends the options (for a FILE
whose name starts with '-').
Exit status: 0 on success, 1 when the input cannot be read, 2 on a usage error.
";

#[derive(Debug, PartialEq)]
enum Format {
    Text,
    Json,
}

#[derive(Debug)]
struct Args {
    date: Option<Date>,
    format: Format,
    jsonl: bool,
    /// The input file, as the shell gave it (a path need not be UTF-8).
    file: Option<PathBuf>,
}

enum Failure {
    Usage(String),
    Input(String),
}

fn parse_args(mut argv: impl Iterator<Item = OsString>) -> Result<Option<Args>, Failure> {
    let mut args = Args { date: None, format: Format::Text, jsonl: false, file: None };
    let mut format_given = false;
    let mut options_done = false;
    while let Some(os_arg) = argv.next() {
        // Anything that is not an option is a file name, which may be any bytes.
        let arg = match os_arg.to_str() {
            Some(a) if !options_done && a.starts_with('-') && a != "-" => a.to_string(),
            _ => {
                set_file(&mut args, os_arg)?;
                continue;
            }
        };
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        let mut value = |name: &str| -> Result<String, Failure> {
            match inline.clone() {
                Some(v) => Ok(v),
                None => argv
                    .next()
                    .ok_or_else(|| Failure::Usage(format!("{name} needs a value")))?
                    .into_string()
                    .map_err(|_| Failure::Usage(format!("{name}: the value is not valid UTF-8"))),
            }
        };
        if inline.is_some() && matches!(flag.as_str(), "--help" | "--version" | "--jsonl" | "--") {
            return Err(Failure::Usage(format!("{flag} takes no value")));
        }
        match flag.as_str() {
            "-h" | "--help" => {
                print!("{USAGE}");
                return Ok(None);
            }
            "-V" | "--version" => {
                println!("claimlens {}", env!("CARGO_PKG_VERSION"));
                return Ok(None);
            }
            "--date" => {
                let v = value("--date")?;
                args.date = Some(Date::parse(&v).map_err(|e| Failure::Usage(format!("--date: {e}")))?);
            }
            "--format" => {
                format_given = true;
                args.format = match value("--format")?.as_str() {
                    "text" => Format::Text,
                    "json" => Format::Json,
                    other => return Err(Failure::Usage(format!("--format must be text or json, not {other:?}"))),
                };
            }
            "--jsonl" => args.jsonl = true,
            "--" => options_done = true,
            f => return Err(Failure::Usage(format!("unknown option {f:?}"))),
        }
    }
    if args.jsonl && (args.file.is_some() || format_given) {
        return Err(Failure::Usage(
            "--jsonl reads standard input and writes JSON lines; it takes no FILE or --format".into(),
        ));
    }
    Ok(Some(args))
}

fn set_file(args: &mut Args, file: OsString) -> Result<(), Failure> {
    let file = PathBuf::from(file);
    if let Some(first) = &args.file {
        return Err(Failure::Usage(format!("one input at a time: got {first:?} and {file:?}")));
    }
    args.file = Some(file);
    Ok(())
}

fn read_input(file: Option<&std::path::Path>) -> Result<String, Failure> {
    let (name, bytes) = match file.filter(|f| f.as_os_str() != "-") {
        None => {
            if io::stdin().is_terminal() {
                eprintln!("claimlens: reading the text from standard input (end it with Ctrl-D; --help for usage)");
            }
            let mut buf = Vec::new();
            io::stdin()
                .read_to_end(&mut buf)
                .map_err(|e| Failure::Input(format!("cannot read standard input: {e}")))?;
            ("standard input".to_string(), buf)
        }
        Some(path) => {
            let name = path.display().to_string();
            let bytes = std::fs::read(path).map_err(|e| Failure::Input(format!("cannot read {name}: {e}")))?;
            (name, bytes)
        }
    };
    // UTF-16 (with or without its byte-order mark) and binary files hold NUL bytes, which text
    // never does: say so rather than read them as text or report a bad byte.
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(Failure::Input(format!(
            "{name} is UTF-16 (it starts with a byte-order mark); convert it to UTF-8 first"
        )));
    }
    // (A stray NUL or two in real text is let through.)
    let head = &bytes[..bytes.len().min(4096)];
    let nuls = head.iter().filter(|&&b| b == 0).count();
    if nuls >= 4 && nuls * 10 > head.len() {
        return Err(Failure::Input(format!(
            "{name} holds NUL bytes: it looks like UTF-16 or a binary file, not UTF-8 text; convert it to UTF-8 first"
        )));
    }
    String::from_utf8(bytes).map_err(|e| {
        Failure::Input(format!(
            "{name} is not valid UTF-8 (first bad byte at offset {}); convert it to UTF-8 first",
            e.utf8_error().valid_up_to()
        ))
    })
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args_os().skip(1)) {
        Ok(Some(args)) => args,
        Ok(None) => return ExitCode::SUCCESS,
        Err(f) => return fail(f),
    };
    let result = if args.jsonl { run_jsonl(args.date) } else { run_file(&args) };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => fail(f),
    }
}

fn fail(f: Failure) -> ExitCode {
    match f {
        Failure::Usage(msg) => {
            eprintln!("claimlens: {msg}\nTry 'claimlens --help'.");
            ExitCode::from(2)
        }
        Failure::Input(msg) => {
            eprintln!("claimlens: {msg}");
            ExitCode::from(1)
        }
    }
}

/// What a failed write means: a closed pipe (`claimlens … | head`) is a normal end, anything
/// else is reported.
fn output_result(r: io::Result<()>) -> Result<(), Failure> {
    match r {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure::Input(format!("cannot write output: {e}"))),
        Ok(()) => Ok(()),
    }
}

fn run_file(args: &Args) -> Result<(), Failure> {
    let text = read_input(args.file.as_deref())?;
    let mut options = Options::new();
    if let Some(d) = args.date {
        options = options.with_reference_date(d);
    }
    let found = extract(&text, &options);
    let mut out = io::BufWriter::new(io::stdout().lock());
    let written = match args.format {
        // Streamed: no second copy of a large result in memory.
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &found).map_err(io::Error::from).and_then(|()| out.write_all(b"\n"))
        }
        Format::Text => out.write_all(table(&found).as_bytes()),
    };
    output_result(written.and_then(|()| out.flush()))
}

fn run_jsonl(default_date: Option<Date>) -> Result<(), Failure> {
    let stdin = io::stdin();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut reader = stdin.lock();
    let write = |out: &mut io::BufWriter<io::StdoutLock<'_>>, line: &str| -> io::Result<()> {
        out.write_all(line.as_bytes())?;
        out.write_all(b"\n")
    };
    let mut buf = Vec::new();
    let mut line_no = 0usize;
    loop {
        buf.clear();
        let n = reader
            .read_until(b'\n', &mut buf)
            .map_err(|e| Failure::Input(format!("cannot read standard input: {e}")))?;
        if n == 0 {
            break;
        }
        line_no += 1;
        // A byte-order mark before the first line is not part of the JSON.
        if line_no == 1 && buf.starts_with(b"\xEF\xBB\xBF") {
            buf.drain(..3);
        }
        let reply = match std::str::from_utf8(&buf) {
            Err(e) => {
                error_line(RawValue::NULL, &format!("line {line_no}: not valid UTF-8 (byte {})", e.valid_up_to()))
            }
            Ok(line) if line.trim().is_empty() => continue,
            Ok(line) => jsonl_reply(line.trim(), line_no, default_date),
        };
        // Each answer goes out as soon as it is ready: a program that writes a line and waits
        // for its answer must not wait for the end of the input.
        if let Err(e) = write(&mut out, &reply).and_then(|()| out.flush()) {
            return output_result(Err(e));
        }
    }
    output_result(out.flush())
}

/// One answer of `--jsonl`: the id exactly as the input wrote it, then the extraction or the
/// error. The id stays JSON text: read as a number, 123456789012345678901234567890 would come back
/// as 1.2345678901234568e29, and `1.50` as `1.5`.
#[derive(Serialize)]
struct Reply<'a> {
    id: &'a RawValue,
    #[serde(skip_serializing_if = "Option::is_none")]
    extraction: Option<&'a Extraction>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
}

impl Reply<'_> {
    fn line(&self) -> String {
        // Writing JSON into a string fails only for a map with keys that are not strings.
        serde_json::to_string(self).unwrap_or_default()
    }
}

fn error_line(id: &RawValue, msg: &str) -> String {
    Reply { id, extraction: None, error: Some(msg) }.line()
}

/// The error of reading `part` of `line` (the whole line, or one field's value in it), placed at
/// its column in the line.
fn not_json(line_no: usize, e: &serde_json::Error, line: &str, part: &str) -> String {
    // A field's value is a slice of the line: its offset turns the column in the value into one
    // in the line.
    let offset = (part.as_ptr() as usize).wrapping_sub(line.as_ptr() as usize);
    let offset = if offset <= line.len() { offset } else { 0 };
    let message = e.to_string();
    let message = match message.rsplit_once(" at line ") {
        Some((what, _)) if e.line() == 1 => format!("{what} at line 1 column {}", e.column() + offset),
        _ => message,
    };
    // JSON.stringify writes a lone surrogate as an escape ("\ud800"), which no text holds.
    let hint = if message.contains("escape") && line.contains("\\ud") {
        " (a lone UTF-16 surrogate escape such as \\ud800 is not text; replace it with \\ufffd)"
    } else {
        ""
    };
    format!("line {line_no}: not JSON: {message}{hint}")
}

fn jsonl_reply(line: &str, line_no: usize, default_date: Option<Date>) -> String {
    // The line's fields, each kept as the JSON text it was written as (the id is echoed so).
    let raw: &RawValue = match serde_json::from_str(line) {
        Ok(raw) => raw,
        Err(e) => return error_line(RawValue::NULL, &not_json(line_no, &e, line, line)),
    };
    let fields: BTreeMap<String, &RawValue> = match serde_json::from_str(raw.get()) {
        Ok(fields) => fields,
        // An object whose keys do not decode ("\ud800").
        Err(e) if raw.get().starts_with('{') => {
            return error_line(RawValue::NULL, &not_json(line_no, &e, line, raw.get()))
        }
        Err(_) => {
            return error_line(
                RawValue::NULL,
                &format!("line {line_no}: expected an object {{\"id\", \"text\", \"referenceDate\"}}"),
            )
        }
    };
    let id = fields.get("id").copied().unwrap_or(RawValue::NULL);
    if let Some(unknown) = fields.keys().find(|k| !matches!(k.as_str(), "id" | "text" | "referenceDate")) {
        return error_line(
            id,
            &format!("line {line_no}: unknown field {unknown:?} (expected id, text, referenceDate)"),
        );
    }
    // The other fields decoded; a string's escapes are read only now.
    let decode = |name: &str| {
        fields.get(name).map(|raw| serde_json::from_str::<serde_json::Value>(raw.get()).map_err(|e| (e, raw.get())))
    };
    let text = match decode("text") {
        Some(Ok(serde_json::Value::String(text))) => text,
        Some(Err((e, part))) => return error_line(id, &not_json(line_no, &e, line, part)),
        _ => return error_line(id, &format!("line {line_no}: \"text\" must be a string")),
    };
    let date = match decode("referenceDate") {
        None => default_date,
        Some(Ok(serde_json::Value::Null)) => None,
        Some(Ok(serde_json::Value::String(s))) => match Date::parse(&s) {
            Ok(d) => Some(d),
            Err(e) => return error_line(id, &format!("line {line_no}: referenceDate: {e}")),
        },
        Some(Err((e, part))) => return error_line(id, &not_json(line_no, &e, line, part)),
        Some(Ok(_)) => {
            return error_line(id, &format!("line {line_no}: \"referenceDate\" must be \"YYYY-MM-DD\" or null"))
        }
    };
    let mut options = Options::new();
    if let Some(d) = date {
        options = options.with_reference_date(d);
    }
    let extraction = extract(&text, &options);
    Reply { id, extraction: Some(&extraction), error: None }.line()
}

/// A table a person can read in a terminal: claims grouped by source, unattributed ones last.
fn table(found: &Extraction) -> String {
    let mut out = String::new();
    let date = found.reference_date.map_or("none (relative dates unresolved)".to_string(), |d| d.to_string());
    let unattributed = found.claims.iter().filter(|c| c.attribution.is_none()).count();
    let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let _ = writeln!(
        out,
        "{} from {}, {unattributed} unattributed · reference date {date}",
        plural(found.claims.len(), "claim", "claims"),
        plural(found.sources.len(), "source", "sources"),
    );
    let mut groups: Vec<(String, Vec<&claimlens::Claim>)> = Vec::new();
    for c in &found.claims {
        let key = c.attribution.as_ref().map_or(String::new(), |a| a.canonical.clone());
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, list)) => list.push(c),
            None => groups.push((key, vec![c])),
        }
    }
    groups.sort_by_key(|(k, _)| k.is_empty());
    for (name, claims) in groups {
        let heading = if name.is_empty() {
            "UNATTRIBUTED: the text gives no source".to_string()
        } else {
            let kind = claims[0].attribution.as_ref().map_or("", |a| a.source_type);
            let aff = claims[0]
                .attribution
                .as_ref()
                .and_then(|a| a.affiliation.clone())
                .map_or(String::new(), |a| format!(", {a}"));
            format!("{} ({kind}{aff})", printable(&name))
        };
        let _ = writeln!(out, "\n== {heading} · {} claim{}", claims.len(), if claims.len() == 1 { "" } else { "s" });
        for c in claims {
            claim_rows(&mut out, c);
        }
    }
    out
}

fn claim_rows(out: &mut String, c: &claimlens::Claim) {
    let sentence: String = printable(&c.text).chars().take(100).collect();
    let more = if c.text.chars().count() > 100 { "…" } else { "" };
    let _ = writeln!(out, "#{:<3} score {:.2}  {}{}", c.id, c.score, sentence, more);
    if let Some(a) = &c.attribution {
        let mut how = vec![format!("{} \"{}\"", a.cue, printable(&a.source))];
        if a.quote {
            how.push("direct quote".into());
        }
        if a.inherited {
            how.push("carried over from an earlier sentence".into());
        }
        for co in &a.also {
            how.push(format!("with {}", printable(&co.canonical)));
        }
        let _ = writeln!(out, "      source    {}", how.join(", "));
    }
    for v in &c.values {
        let figure = match (v.kind, v.value, v.min, v.max) {
            (claimlens::Kind::Date, ..) => match (v.from, v.to) {
                (Some(a), Some(b)) if a == b => a.to_string(),
                (Some(a), Some(b)) => format!("{a} … {b}"),
                (Some(a), None) => format!("{a} …"),
                _ => "(unresolved)".to_string(),
            },
            (_, Some(x), ..) => fmt_num(x),
            (_, None, Some(a), Some(b)) => format!("{} – {}", fmt_num(a), fmt_num(b)),
            (_, None, Some(a), None) => format!("≥ {}", fmt_num(a)),
            _ => "?".to_string(),
        };
        let mut extra = Vec::new();
        if let Some(u) = v.unit {
            extra.push(u.to_string());
        }
        if let Some(h) = v.hedge.filter(|h| *h != claimlens::Hedge::Exact) {
            extra.push(h.as_str().replace('_', " "));
        }
        if let Some(c) = &v.counted {
            extra.push(format!("counting \"{c}\""));
        }
        if let Some(r) = v.resolved {
            extra.push(format!("≈ {}", fmt_num(r)));
        }
        if let Some(p) = v.part_of {
            extra.push(format!("part of #{}", p.claim));
        }
        let shown = format!("\"{}\"", printable(&v.text));
        let _ =
            writeln!(out, "      {:<9} {:<24} {:<28} {}", v.kind.as_str(), figure, shown, printable(&extra.join(", ")));
    }
    for check in &c.checks {
        let others: Vec<String> = check.claims.iter().filter(|&&id| id != c.id).map(|id| format!("#{id}")).collect();
        let with = if others.is_empty() { String::new() } else { format!(" (see {})", others.join(", ")) };
        let _ = writeln!(out, "      ! {}: {}{with}", check.kind, printable(&check.message));
    }
}

/// Text safe to print on a terminal: line breaks become spaces, other control characters
/// (escape sequences included) and the marks that reorder text (bidirectional overrides and
/// isolates) become U+FFFD.
fn printable(s: &str) -> String {
    s.chars()
        .map(|c| {
            if matches!(c, '\n' | '\r' | '\t' | '\u{2028}' | '\u{2029}') {
                ' '
            } else if c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}') {
                '\u{fffd}'
            } else {
                c
            }
        })
        .collect()
}

fn fmt_num(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        let digits = format!("{}", x.abs() as u64);
        let mut grouped = String::new();
        for (i, ch) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(ch);
        }
        if x < 0.0 {
            grouped.insert(0, '-');
        }
        grouped
    } else {
        format!("{}", (x * 10_000.0).round() / 10_000.0)
    }
}

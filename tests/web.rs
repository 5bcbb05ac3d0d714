//! Browser tests (`wasm-pack test --headless --chrome --firefox`): the whole corpus run inside
//! real browsers, and the JavaScript boundary — UTF-16 offsets with emoji and `€`, node mapping
//! over DOM fixtures, and errors that are real `Error` instances.

#![cfg(target_arch = "wasm32")]

mod common;

use js_sys::{Array, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The engine's answer (JSON text) as a JS object.
fn parsed(answer: JsValue) -> JsValue {
    js_sys::JSON::parse(&answer.as_string().expect("the engine answers in JSON text")).expect("valid JSON")
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).expect("a field")
}

fn options(date: &str) -> JsValue {
    let o = js_sys::Object::new();
    Reflect::set(&o, &"referenceDate".into(), &date.into()).unwrap();
    o.into()
}

#[wasm_bindgen_test]
fn the_corpus_passes_in_the_browser() {
    let mut failures = Vec::new();
    for (name, source) in common::FILES {
        for ex in common::examples(name, source) {
            if let Some(why) = common::check_positive(&ex) {
                failures.push(format!("[{name}] {} — {why}", ex.text));
            }
        }
    }
    for ex in common::examples("negative", common::NEGATIVE) {
        if let Some(why) = common::check_negative(&ex) {
            failures.push(format!("[negative] {} — {why}", ex.text));
        }
    }
    for ex in common::claim_examples("attribution", common::ATTRIBUTION) {
        if let Some(why) = common::check_attribution(&ex) {
            failures.push(format!("[attribution] {} — {why}", ex.text));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[wasm_bindgen_test]
fn offsets_are_utf16_string_indices() {
    let text = "😀 Prices rose €5 for “some 40 people” 👨‍👩‍👧, officials said.";
    let found = parsed(claimlens::wasm::extract_js(text.into(), options("2020-01-27")).unwrap());
    let js_text = js_sys::JsString::from(text);
    let claims = Array::from(&get(&found, "claims"));
    let mut seen = 0;
    for c in claims.iter() {
        for v in Array::from(&get(&c, "values")).iter() {
            let start = get(&v, "start").as_f64().unwrap() as u32;
            let end = get(&v, "end").as_f64().unwrap() as u32;
            assert_eq!(
                JsValue::from(js_text.slice(start, end)),
                get(&v, "text"),
                "a value's text is its slice of the JS string"
            );
            seen += 1;
        }
    }
    assert_eq!(seen, 2);
}

#[wasm_bindgen_test]
fn errors_are_error_instances() {
    let cases: Vec<(JsValue, JsValue)> = vec![
        (JsValue::from(42), JsValue::NULL),
        ("x".into(), options("2020-02-30")),
        ("x".into(), JsValue::from_str("not an object")),
    ];
    for (text, opts) in cases {
        let err = claimlens::wasm::extract_js(text, opts).unwrap_err();
        assert!(err.is_instance_of::<js_sys::Error>(), "{err:?}");
        assert!(err.is_instance_of::<js_sys::TypeError>() || err.is_instance_of::<js_sys::RangeError>());
    }
    let unknown = js_sys::Object::new();
    Reflect::set(&unknown, &"refDate".into(), &"2020-01-01".into()).unwrap();
    let err = claimlens::wasm::extract_js("x".into(), unknown.into()).unwrap_err();
    assert!(err.is_instance_of::<js_sys::TypeError>());
    assert!(get(&err, "message").as_string().unwrap().contains("unknown field `refDate`"));
}

/// Text nodes of `root` in document order, with the index of the block (element child of
/// `root`) that holds each.
fn text_nodes(root: &web_sys::Node, block: u32, texts: &mut Vec<web_sys::Text>, blocks: &mut Vec<u32>) {
    let children = root.child_nodes();
    for i in 0..children.length() {
        let child = children.item(i).unwrap();
        if let Some(t) = child.dyn_ref::<web_sys::Text>() {
            texts.push(t.clone());
            blocks.push(block);
        } else {
            text_nodes(&child, block, texts, blocks);
        }
    }
}

#[wasm_bindgen_test]
fn node_positions_cover_the_values_in_the_dom() {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    root.set_inner_html(
        "<p>Since <b>December 1</b>, some <i>358,000</i> people 😀 have fled, the agency said.</p>\
         <p>Aid of <span>€40</span>m arrived — about 5 km from the border.</p><h2>Page 2</h2>",
    );
    let mut nodes = Vec::new();
    let mut blocks = Vec::new();
    let children = root.child_nodes();
    for b in 0..children.length() {
        text_nodes(&children.item(b).unwrap(), b, &mut nodes, &mut blocks);
    }
    let texts: Array = nodes.iter().map(|t| JsValue::from(t.data())).collect();
    let blocks_js: Array = blocks.iter().map(|&b| JsValue::from(b)).collect();
    let found = parsed(
        claimlens::wasm::extract_nodes_js(texts.into(), blocks_js.into(), options("2020-01-27"), JsValue::NULL)
            .unwrap(),
    );
    let mut checked = 0;
    for c in Array::from(&get(&found, "claims")).iter() {
        for v in Array::from(&get(&c, "values")).iter() {
            let n = |k: &str| get(&v, k).as_f64().unwrap() as u32;
            let range = document.create_range().unwrap();
            range.set_start(&nodes[n("startNode") as usize], n("startOffset")).unwrap();
            range.set_end(&nodes[n("endNode") as usize], n("endOffset")).unwrap();
            assert_eq!(JsValue::from(String::from(range.to_string())), get(&v, "text"));
            checked += 1;
        }
    }
    assert!(checked >= 4, "{checked} values checked");
    assert_eq!(Array::from(&get(&found, "claims")).length(), 2, "the blocks keep the sentences apart");
}

#[wasm_bindgen_test]
fn progress_reaches_a_js_callback_and_a_throwing_one_is_ignored() {
    let paragraph = "Some 40 people left on Monday, the mayor said.";
    let texts: Array = (0..6000).map(|_| JsValue::from(paragraph)).collect();
    let blocks: Array = (0..6000u32).map(JsValue::from).collect();
    let shares = Array::new();
    let record = js_sys::Function::new_with_args("s", "this.push(s)").bind0(&shares);
    let found = parsed(
        claimlens::wasm::extract_nodes_js(texts.clone().into(), blocks.clone().into(), JsValue::NULL, record.into())
            .unwrap(),
    );
    assert_eq!(Array::from(&get(&found, "claims")).length(), 6000);
    assert!(shares.length() >= 3, "{} progress reports", shares.length());
    let first = shares.get(0).as_f64().unwrap();
    let last = shares.get(shares.length() - 1).as_f64().unwrap();
    assert!(0.0 < first && first < last && last < 1.0, "{first} .. {last}");
    let throwing = js_sys::Function::new_with_args("s", "throw new Error('listener failed')");
    let found =
        parsed(claimlens::wasm::extract_nodes_js(texts.into(), blocks.into(), JsValue::NULL, throwing.into()).unwrap());
    assert_eq!(Array::from(&get(&found, "claims")).length(), 6000);
}

#[wasm_bindgen_test]
fn figures_of_billions_survive_the_json_text() {
    // usize is 32 bits in WebAssembly: whole figures must not pass through it.
    let found = parsed(
        claimlens::wasm::extract_js(
            JsValue::from("The fund holds 212 billion crowns, and 5,000,000,000 people voted."),
            options("2020-01-27"),
        )
        .unwrap(),
    );
    let values: Vec<f64> = Array::from(&get(&found, "claims"))
        .iter()
        .flat_map(|c| Array::from(&get(&c, "values")).iter().collect::<Vec<_>>())
        .map(|v| get(&v, "value").as_f64().unwrap())
        .collect();
    assert_eq!(values, [212e9, 5e9]);
}

//! The JavaScript boundary: the only module that names `wasm_bindgen` or `js_sys`, compiled only
//! for `wasm32`.
//!
//! - `extract(text, options?)` and `extractNodes(texts, blocks, options?)` return the data
//!   contract as JSON text; `www/lib/engine.js` parses it into plain objects. One string across
//!   the boundary costs far less than building a JS object per value.
//! - Options are `{ referenceDate?: "YYYY-MM-DD" | null }`; an unknown or ill-typed field is a
//!   `TypeError` naming it, an impossible date a `RangeError`.
//! - Every error is a real JS `Error`. A panic is reported on the console; the call then fails
//!   with a `WebAssembly.RuntimeError`, and the JS shell starts a fresh instance.

use std::sync::Once;

/// With the `browser-allocator` feature (the widget's build): rlsf's TLSF allocator, which grows
/// the linear memory as it needs; constant-time allocation and freeing, and 2.9 KB smaller gzipped
/// than the standard library's dlmalloc. WebAssembly in the browser runs one thread per instance,
/// and rlsf takes no lock there.
#[cfg(feature = "browser-allocator")]
#[global_allocator]
static ALLOCATOR: rlsf::SmallGlobalTlsf = rlsf::SmallGlobalTlsf::new();

use js_sys::Reflect;
use wasm_bindgen::prelude::*;

use crate::{Date, Extraction, Options};

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console, js_name = error)]
    fn console_error(message: &str);
}

/// Reports panics on the console before the instance traps.
fn hook_panics() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        std::panic::set_hook(Box::new(|info| console_error(&format!("claimlens: internal error: {info}"))));
    });
}

fn options(value: JsValue) -> Result<Options, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(Options::new());
    }
    if !value.is_object() || js_sys::Array::is_array(&value) {
        return Err(
            js_sys::TypeError::new("options must be an object such as { referenceDate: \"2020-01-27\" }").into()
        );
    }
    // Options are checked field by field: an unknown one is an error, not a silent default.
    let keys = js_sys::Object::keys(&js_sys::Object::from(value.clone()));
    for key in keys.iter() {
        let key = key.as_string().unwrap_or_default();
        if key != "referenceDate" {
            return Err(js_sys::TypeError::new(&format!(
                "invalid options: unknown field `{key}`, expected `referenceDate`"
            ))
            .into());
        }
    }
    let date = Reflect::get(&value, &JsValue::from_str("referenceDate")).unwrap_or(JsValue::UNDEFINED);
    let mut opts = Options::new();
    if date.is_undefined() || date.is_null() {
        return Ok(opts);
    }
    let Some(d) = date.as_string() else {
        return Err(
            js_sys::TypeError::new("invalid options: referenceDate must be a string \"YYYY-MM-DD\" or null").into()
        );
    };
    let date =
        Date::parse(&d).map_err(|e| JsValue::from(js_sys::RangeError::new(&format!("options.referenceDate: {e}"))))?;
    opts = opts.with_reference_date(date);
    Ok(opts)
}

/// The result as JSON text, parsed by the engine's JS side: one string across the boundary
/// instead of one JS object per value (measured 8× cheaper on 1 MB of text).
fn to_js(found: &Extraction) -> Result<JsValue, JsValue> {
    Ok(JsValue::from(found.to_json()))
}

/// Finds the claims in `text`.
#[wasm_bindgen(js_name = extract)]
pub fn extract_js(text: JsValue, options_value: JsValue) -> Result<JsValue, JsValue> {
    hook_panics();
    let Some(text) = text.as_string() else {
        return Err(js_sys::TypeError::new("extract: text must be a string").into());
    };
    let opts = options(options_value)?;
    to_js(&crate::extract(&text, &opts))
}

/// Finds the claims in a page's text nodes (`texts[i]` held by block element `blocks[i]`).
/// `on_progress`, when a function, is called with the share of the text read so far (0 to 1).
#[wasm_bindgen(js_name = extractNodes)]
pub fn extract_nodes_js(
    texts: JsValue,
    blocks: JsValue,
    options_value: JsValue,
    on_progress: JsValue,
) -> Result<JsValue, JsValue> {
    hook_panics();
    if !js_sys::Array::is_array(&texts) {
        return Err(js_sys::TypeError::new("extractNodes: texts must be an array of strings").into());
    }
    let texts = js_sys::Array::from(&texts);
    let mut strings = Vec::with_capacity(texts.length() as usize);
    for (i, t) in texts.iter().enumerate() {
        match t.as_string() {
            Some(s) => strings.push(s),
            None => return Err(js_sys::TypeError::new(&format!("extractNodes: texts[{i}] is not a string")).into()),
        }
    }
    let blocks: Vec<u32> = if blocks.is_instance_of::<js_sys::Uint32Array>() {
        js_sys::Uint32Array::from(blocks).to_vec()
    } else if js_sys::Array::is_array(&blocks) {
        let arr = js_sys::Array::from(&blocks);
        let mut out = Vec::with_capacity(arr.length() as usize);
        for (i, b) in arr.iter().enumerate() {
            match b.as_f64().filter(|x| x.fract() == 0.0 && *x >= 0.0 && *x <= f64::from(u32::MAX)) {
                Some(x) => out.push(x as u32),
                None => {
                    return Err(
                        js_sys::TypeError::new(&format!("extractNodes: blocks[{i}] is not a block index")).into()
                    )
                }
            }
        }
        out
    } else {
        return Err(
            js_sys::TypeError::new("extractNodes: blocks must be an array or Uint32Array of block indexes").into()
        );
    };
    let opts = options(options_value)?;
    let on_progress = on_progress.dyn_into::<js_sys::Function>().ok();
    let mut report = |share: f64| {
        if let Some(f) = &on_progress {
            // A listener that throws is the caller's problem, not a reason to stop reading.
            let _ = f.call1(&JsValue::NULL, &JsValue::from(share));
        }
    };
    let found = crate::nodes::extract_nodes_with_progress(&strings, &blocks, &opts, &mut report)
        .map_err(|e| JsValue::from(js_sys::RangeError::new(&format!("extractNodes: {e}"))))?;
    to_js(&found)
}

/// The data contract's version, for a shell to check it loaded the module it expects.
#[wasm_bindgen(js_name = contractVersion)]
pub fn contract_version() -> u32 {
    crate::CONTRACT_VERSION
}

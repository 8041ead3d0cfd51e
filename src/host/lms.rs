//! Finding and calling an LMS's SCORM API object. Every call's result is checked;
//! a "false", an error code or a thrown exception becomes a `Fault`. Results are
//! read as JavaScript's `String()` reads them: Moodle answers a count with a number.

use js_sys::{Function, Object, Reflect};
use tere_engine::cmi::Version;
use tere_engine::sco::{Api, Fault};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

#[wasm_bindgen]
extern "C" {
    /// The global `String(value)`: any value as text, exactly as the LMS's own scripts would see it.
    #[wasm_bindgen(js_name = String)]
    fn js_string(value: &JsValue) -> String;
}

pub struct Lms {
    api: JsValue,
    version: Version,
}

fn fault(message: String) -> Fault {
    Fault { code: String::new(), message }
}

#[derive(Clone, Copy)]
enum Method {
    Initialize,
    Terminate,
    GetValue,
    SetValue,
    Commit,
    GetLastError,
    GetErrorString,
}

impl Lms {
    /// Looks for the API the way the SCORM books say: up the chain of parent
    /// windows (7 levels for 1.2, 500 for 2004), then from the opener window.
    pub fn find(version: Version) -> Option<Lms> {
        let (name, levels) = match version {
            Version::Scorm12 => ("API", 7),
            Version::Scorm2004 => ("API_1484_11", 500),
        };
        let window: JsValue = web_sys::window()?.into();
        let opener = Reflect::get(&window, &"opener".into()).ok().filter(|o| o.is_object());
        [Some(window), opener].into_iter().flatten().find_map(|start| search_up(start, name, levels)).map(|api| Lms { api, version })
    }

    /// The method's name in this version (1.2 prefixes "LMS" and calls Terminate "Finish").
    fn name(&self, method: Method) -> &'static str {
        let (v12, v2004) = match method {
            Method::Initialize => ("LMSInitialize", "Initialize"),
            Method::Terminate => ("LMSFinish", "Terminate"),
            Method::GetValue => ("LMSGetValue", "GetValue"),
            Method::SetValue => ("LMSSetValue", "SetValue"),
            Method::Commit => ("LMSCommit", "Commit"),
            Method::GetLastError => ("LMSGetLastError", "GetLastError"),
            Method::GetErrorString => ("LMSGetErrorString", "GetErrorString"),
        };
        match self.version {
            Version::Scorm12 => v12,
            Version::Scorm2004 => v2004,
        }
    }

    /// Calls a method; a thrown exception (e.g. the LMS window is gone) is a fault.
    fn raw(&self, method: Method, args: &[&str]) -> Result<String, Fault> {
        let name = self.name(method);
        let function: Function =
            Reflect::get(&self.api, &name.into()).ok().and_then(|f| f.dyn_into().ok()).ok_or_else(|| fault(format!("the LMS API has no {name}")))?;
        let result = match args {
            [] => function.call0(&self.api),
            [a] => function.call1(&self.api, &(*a).into()),
            [a, b, ..] => function.call2(&self.api, &(*a).into(), &(*b).into()),
        };
        match result {
            Ok(value) => Ok(js_string(&value)),
            Err(e) => Err(fault(format!("{name} threw: {}", describe(&e)))),
        }
    }

    /// A call whose result must be "true"; otherwise the LMS's own error is the fault.
    fn checked(&self, method: Method, args: &[&str]) -> Result<(), Fault> {
        match self.raw(method, args)?.as_str() {
            "true" => Ok(()),
            _ => Err(self.last_error(self.name(method), args.first().copied())),
        }
    }

    fn last_error(&self, call: &str, element: Option<&str>) -> Fault {
        let code = self.raw(Method::GetLastError, &[]).unwrap_or_default();
        let text = self.raw(Method::GetErrorString, &[&code]).unwrap_or_default();
        Fault { message: format!("{call}({}) failed: error {code} {text}", element.unwrap_or("")), code }
    }
}

impl Api for Lms {
    fn initialize(&self) -> Result<(), Fault> {
        self.checked(Method::Initialize, &[""])
    }

    fn terminate(&self) -> Result<(), Fault> {
        self.checked(Method::Terminate, &[""])
    }

    fn commit(&self) -> Result<(), Fault> {
        self.checked(Method::Commit, &[""])
    }

    fn set(&self, element: &str, value: &str) -> Result<(), Fault> {
        self.checked(Method::SetValue, &[element, value])
    }

    /// A value, or `None` when the LMS does not have it (an error code other than 0).
    fn get(&self, element: &str) -> Option<String> {
        let value = self.raw(Method::GetValue, &[element]).ok()?;
        let code = self.raw(Method::GetLastError, &[]).unwrap_or_default();
        (code.is_empty() || code == "0").then_some(value)
    }
}

/// No API object was found: every call fails, and the delivery client keeps the work.
pub struct NoLms;

impl Api for NoLms {
    fn initialize(&self) -> Result<(), Fault> {
        Err(fault("no LMS API was found".into()))
    }

    fn terminate(&self) -> Result<(), Fault> {
        self.initialize()
    }

    fn commit(&self) -> Result<(), Fault> {
        self.initialize()
    }

    fn set(&self, _element: &str, _value: &str) -> Result<(), Fault> {
        self.initialize()
    }

    fn get(&self, _element: &str) -> Option<String> {
        None
    }
}

fn search_up(start: JsValue, name: &str, levels: usize) -> Option<JsValue> {
    let mut window = start;
    for _ in 0..=levels {
        // A cross-origin window throws on property access: skip it, keep climbing.
        if let Ok(api) = Reflect::get(&window, &name.into()) {
            if api.is_object() {
                return Some(api);
            }
        }
        let parent = Reflect::get(&window, &"parent".into()).ok().filter(|p| p.is_object())?;
        if Object::is(&parent, &window) {
            return None;
        }
        window = parent;
    }
    None
}

fn describe(error: &JsValue) -> String {
    error.as_string().or_else(|| Reflect::get(error, &"message".into()).ok().and_then(|m| m.as_string())).unwrap_or_else(|| "an exception".into())
}

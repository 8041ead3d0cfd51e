//! cmi5 and the xAPI launch link: the door that carries the engine's xAPI client
//! (`tere_engine::xapi::Client`, where every rule about what to send, when, and what
//! to keep lives) to a Learning Record Store. It holds no policy: it makes the requests
//! the client asks for and runs the backoff timer.
//!
//! The launch's few requests (the token, the launch data, the learner's preferences)
//! are synchronous, as an LMS's SCORM calls are: they run after the first paint, while
//! the screen waits inert for the launch. Statements are sent with `fetch` (`keepalive`,
//! so one on its way when the page goes away still arrives), one at a time, in order.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use tere_engine::report::Event;
use tere_engine::xapi::{launch::read_url, Client, Reply, Request};
use tere_engine::{Course, Session};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::local::LocalStorage;
use super::{now_ms, Clock, Health, Host, Launch};

struct Inner {
    client: Client,
    /// The backoff's timer, while one runs.
    timer: Option<Timeout>,
    /// Told whenever the health changes after an answer came.
    watcher: Option<Rc<dyn Fn(Health)>>,
    /// Where to go once everything is sent, after the exit.
    leaving_to: Option<String>,
}

pub struct XapiHost {
    inner: Rc<RefCell<Inner>>,
}

impl XapiHost {
    /// The door when the page was launched by cmi5 or an xAPI launch link.
    pub fn open(quiz_id: Option<String>) -> Option<Box<dyn Host>> {
        let search = web_sys::window()?.location().search().ok()?;
        let query = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
        let url = read_url(&|key| query.get(key).filter(|v| !v.is_empty()))?;
        let seed = (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64 ^ ((js_sys::Math::random() * 4_294_967_296.0) as u64) << 40;
        let client = Client::new(url, quiz_id, seed ^ now_ms(), &LocalStorage);
        Some(Box::new(XapiHost { inner: Rc::new(RefCell::new(Inner { client, timer: None, watcher: None, leaving_to: None })) }))
    }
}

impl Host for XapiHost {
    fn launch(&mut self, course: &'static Course) -> Launch {
        let mut inner = self.inner.borrow_mut();
        while let Some(request) = inner.client.launch_request() {
            let reply = send_now(&request, &inner.client.headers());
            inner.client.launch_reply(reply, now_ms(), &LocalStorage);
        }
        let launched = inner.client.launch(course, &LocalStorage);
        log(&mut inner.client);
        Launch { restore: launched.restore, lang: launched.lang, pass_mark: launched.pass_mark, discarded: launched.discarded, in_lms: true, exits: true }
    }

    fn waits_for_paint(&self) -> bool {
        true
    }

    fn begin(&mut self, session: &Session) {
        self.inner.borrow_mut().client.begin(session, now_ms(), &LocalStorage);
        pump(&self.inner);
    }

    fn report(&mut self, session: &Session, events: &[Event], clock: Clock) {
        self.inner.borrow_mut().client.report(session, events, clock.now_ms, clock.shown_ms, &LocalStorage);
        pump(&self.inner);
    }

    fn leave(&mut self, session: &Session, unloading: bool, clock: Clock) {
        let mut inner = self.inner.borrow_mut();
        inner.client.leave(session, unloading, clock.now_ms, &LocalStorage);
        // The page's last moment: everything that waits, in one request that outlives it.
        if let Some((url, body)) = inner.client.parting_batch().filter(|_| unloading) {
            if let (Some(window), Some(init)) = (web_sys::window(), request_init("POST", &inner.client.headers(), Some(&body))) {
                let _ = window.fetch_with_str_and_init(&url, &init);
            }
        }
        drop(inner);
        pump(&self.inner);
    }

    fn exit(&mut self, session: &Session, clock: Clock) {
        let mut inner = self.inner.borrow_mut();
        inner.client.exit(session, clock.now_ms, &LocalStorage);
        inner.leaving_to = inner.client.return_url();
        drop(inner);
        pump(&self.inner);
        // Leave even if the LRS does not answer: what waits is kept for the next launch.
        let inner = self.inner.clone();
        Timeout::new(3_000, move || go_back(&inner)).forget();
    }

    fn retry(&mut self) {
        self.inner.borrow_mut().client.retry();
        pump(&self.inner);
    }

    fn health(&self) -> Health {
        self.inner.borrow().client.health()
    }

    fn watch(&mut self, on_change: Rc<dyn Fn(Health)>) {
        self.inner.borrow_mut().watcher = Some(on_change);
    }
}

/// Goes to the LMS's return URL, once.
fn go_back(inner: &Rc<RefCell<Inner>>) {
    let Some(url) = inner.borrow_mut().leaving_to.take() else { return };
    if let Some(window) = web_sys::window() {
        let _ = window.location().assign(&url);
    }
}

/// Tells whoever runs the LRS what failed, in the console.
fn log(client: &mut Client) {
    for message in client.take_warnings() {
        web_sys::console::warn_1(&format!("Tere: {message}").into());
    }
}

/// Sends the next statement the client asks for, if any; when none may go yet, waits
/// for its backoff. One request at a time: the next starts when this one is answered.
fn pump(shared: &Rc<RefCell<Inner>>) {
    let now = now_ms();
    let mut inner = shared.borrow_mut();
    log(&mut inner.client);
    match inner.client.next_request(now) {
        Some(request @ (Request::Statement { .. } | Request::Document { .. })) => {
            let headers = inner.client.headers();
            drop(inner);
            let shared = shared.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let reply = match &request {
                    Request::Statement { url, body, .. } => send("PUT", url, &headers, Some(body)).await,
                    Request::Document { url } | Request::Token { url } => send("GET", url, &headers, None).await,
                };
                let health = {
                    let mut inner = shared.borrow_mut();
                    let before = inner.client.health();
                    match &request {
                        Request::Statement { id, .. } => inner.client.statement_reply(id, reply, now_ms(), &LocalStorage),
                        // The LRS's `about`, asked again while its version is unknown.
                        Request::Document { .. } | Request::Token { .. } => inner.client.about_reply(reply, now_ms(), &LocalStorage),
                    }
                    let after = inner.client.health();
                    (before != after).then_some(after).zip(inner.watcher.clone())
                };
                if let Some((health, watcher)) = health {
                    watcher(health);
                }
                pump(&shared);
            });
        }
        Some(Request::Token { .. }) | None => {
            let due = inner.client.retry_at();
            match due {
                Some(at) if at > now => {
                    let again = shared.clone();
                    inner.timer = Some(Timeout::new((at - now).min(60_000) as u32, move || pump(&again)));
                }
                // Everything sent: the exit may go on.
                None if inner.leaving_to.is_some() && inner.client.waiting() == 0 => {
                    drop(inner);
                    go_back(shared);
                }
                Some(_) | None => {}
            }
        }
    }
}

/// A launch request, made synchronously.
fn send_now(request: &Request, headers: &[(&'static str, String)]) -> Reply {
    let failed = Reply { status: 0, body: String::new() };
    let Ok(xhr) = web_sys::XmlHttpRequest::new() else { return failed };
    let (method, url, authorised) = match request {
        // The fetch URL takes no credentials: it gives them.
        Request::Token { url } => ("POST", url, false),
        Request::Document { url } => ("GET", url, true),
        Request::Statement { url, .. } => ("PUT", url, true),
    };
    if xhr.open_with_async(method, url, false).is_err() {
        return failed;
    }
    if authorised {
        for (name, value) in headers {
            let _ = xhr.set_request_header(name, value);
        }
    }
    if xhr.send().is_err() {
        return failed;
    }
    Reply { status: xhr.status().unwrap_or(0), body: xhr.response_text().ok().flatten().unwrap_or_default() }
}

/// A request to the LRS: its method, headers and body, made to outlive the page.
fn request_init(method: &str, headers: &[(&'static str, String)], body: Option<&str>) -> Option<web_sys::RequestInit> {
    let init = web_sys::RequestInit::new();
    init.set_method(method);
    if let Some(body) = body {
        init.set_body(&body.into());
    }
    // A statement on its way when the page goes away still arrives.
    // (web-sys has no stable setter for it.)
    let _ = js_sys::Reflect::set(&init, &"keepalive".into(), &true.into());
    let request_headers = web_sys::Headers::new().ok()?;
    for (name, value) in headers {
        let _ = request_headers.set(name, value);
    }
    let _ = request_headers.set("Content-Type", "application/json");
    init.set_headers(&request_headers);
    Some(init)
}

/// A request to the LRS in the background; status 0 when it failed on the way.
async fn send(method: &str, url: &str, headers: &[(&'static str, String)], body: Option<&str>) -> Reply {
    let failed = Reply { status: 0, body: String::new() };
    let Some(window) = web_sys::window() else { return failed };
    let Some(init) = request_init(method, headers, body) else { return failed };
    let Ok(response) = JsFuture::from(window.fetch_with_str_and_init(url, &init)).await else { return failed };
    let Ok(response) = response.dyn_into::<web_sys::Response>() else { return failed };
    let status = response.status();
    let body = match response.text() {
        Ok(text) => JsFuture::from(text).await.ok().and_then(|t| t.as_string()).unwrap_or_default(),
        Err(_) => String::new(),
    };
    Reply { status, body }
}

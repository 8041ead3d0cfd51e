//! The draft's pictures and sounds, kept in the browser's IndexedDB: local storage
//! holds a few megabytes a site (about 3.7 MB of files once in base64), which two
//! photos at the 2 MB limit already exceed, while IndexedDB holds what a course needs.
//! One object store, `media`: a file's name → its bytes (a `Uint8Array`). Where
//! IndexedDB cannot be had (a locked-down browser), `store` falls back to local
//! storage.

use std::collections::BTreeMap;
use std::sync::Arc;

use js_sys::{Array, Function, Promise, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbObjectStore, IdbRequest, IdbTransaction, IdbTransactionMode};

const DATABASE: &str = "tere-studio";
const VERSION: u32 = 1;
const STORE: &str = "media";

/// Why the media could not be kept or read, for the console.
pub type Failure = String;

fn failure(what: &str, error: JsValue) -> Failure {
    format!("{what}: {}", error.as_string().or_else(|| error.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message()))).unwrap_or_else(|| "refused".into()))
}

/// Replaces the kept media with `files`, in one transaction (all or nothing).
pub async fn save(files: &[(String, Arc<[u8]>)]) -> Result<(), Failure> {
    let database = open().await?;
    let transaction = database.transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite).map_err(|e| failure("transaction", e))?;
    let done = finished(&transaction);
    let queued = object_store(&transaction).and_then(|store| {
        store.clear().map_err(|e| failure("clear", e))?;
        files.iter().try_for_each(|(name, bytes)| store.put_with_key(&Uint8Array::from(&bytes[..]), &name.into()).map(drop).map_err(|e| failure(name, e)))
    });
    if queued.is_err() {
        // Nothing of a save that could not be queued whole: the store keeps the last one.
        let _ = transaction.abort();
    }
    let committed = JsFuture::from(done).await.map(drop).map_err(|_| failure("save", transaction.error().map_or(JsValue::UNDEFINED, JsValue::from)));
    database.close();
    queued.and(committed)
}

/// The kept media, by name.
pub async fn load() -> Result<BTreeMap<String, Arc<[u8]>>, Failure> {
    let database = open().await?;
    let transaction = database.transaction_with_str(STORE).map_err(|e| failure("transaction", e))?;
    let store = object_store(&transaction)?;
    // Both asked, and listened to, before either is awaited.
    let names = answer(&store.get_all_keys().map_err(|e| failure("keys", e))?);
    let values = answer(&store.get_all().map_err(|e| failure("values", e))?);
    let (names, values) = (names.await?, values.await?);
    database.close();
    let (names, values): (Array, Array) = (names.unchecked_into(), values.unchecked_into());
    Ok(names
        .iter()
        .zip(values.iter())
        .filter_map(|(name, value)| Some((name.as_string()?, Arc::from(value.dyn_into::<Uint8Array>().ok()?.to_vec()))))
        .collect())
}

/// The database, with its object store made on first use.
async fn open() -> Result<IdbDatabase, Failure> {
    let factory = web_sys::window().and_then(|w| w.indexed_db().ok().flatten()).ok_or("no IndexedDB")?;
    let request = factory.open_with_u32(DATABASE, VERSION).map_err(|e| failure("open", e))?;
    let upgrade = Closure::once_into_js({
        let request = request.clone();
        move || {
            if let Ok(database) = request.result().and_then(|db| db.dyn_into::<IdbDatabase>()) {
                if !database.object_store_names().contains(STORE) {
                    let _ = database.create_object_store(STORE);
                }
            }
        }
    });
    request.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    let database = answer(&request).await?;
    request.set_onupgradeneeded(None);
    database.dyn_into::<IdbDatabase>().map_err(|_| "not a database".into())
}

fn object_store(transaction: &IdbTransaction) -> Result<IdbObjectStore, Failure> {
    transaction.object_store(STORE).map_err(|e| failure("store", e))
}

/// A request's result, once it succeeds. Its handlers are set at once, before the
/// future is first polled, so no event is missed.
fn answer(request: &IdbRequest) -> impl std::future::Future<Output = Result<JsValue, Failure>> {
    let settled = Promise::new(&mut |resolve: Function, reject: Function| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    });
    let request = request.clone();
    async move {
        JsFuture::from(settled).await.map_err(|e| failure("request", e))?;
        request.result().map_err(|e| failure("result", e))
    }
}

/// Settles when the transaction has committed (or failed, or was aborted).
fn finished(transaction: &IdbTransaction) -> Promise {
    Promise::new(&mut |resolve: Function, reject: Function| {
        transaction.set_oncomplete(Some(&resolve));
        transaction.set_onerror(Some(&reject));
        transaction.set_onabort(Some(&reject));
    })
}

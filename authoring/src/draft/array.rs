//! Array edits that keep an array's layout: each place in the list keeps its own
//! whitespace, so a list written one a line stays one a line whatever moves in it.

use toml_edit::{Array, ArrayOfTables, Decor, DocumentMut, Item, Table, Value};

fn decors(a: &Array) -> Vec<Decor> {
    a.iter().map(|v| v.decor().clone()).collect()
}

fn redecorate(a: &mut Array, decors: &[Decor]) {
    for (v, d) in a.iter_mut().zip(decors) {
        *v.decor_mut() = d.clone();
    }
}

/// The layout of a new last place: that of the last one, or a space after a lone first one.
fn next_decor(decors: &[Decor]) -> Decor {
    match decors {
        [] => Decor::new("", ""),
        [only] if !only.prefix().and_then(|p| p.as_str()).is_some_and(|p| p.contains('\n')) => Decor::new(" ", ""),
        [.., last] => last.clone(),
    }
}

/// Inserts `value` at `at` (at most the length).
pub fn insert(a: &mut Array, at: usize, value: Value) {
    let mut places = decors(a);
    places.push(next_decor(&places));
    a.insert_formatted(at, value);
    redecorate(a, &places);
}

/// Removes the element at `at` (less than the length).
pub fn remove(a: &mut Array, at: usize) {
    let places = decors(a);
    a.remove(at);
    redecorate(a, &places);
}

/// Moves the element at `from` to `to` (both less than the length).
pub fn move_to(a: &mut Array, from: usize, to: usize) {
    let places = decors(a);
    let v = a.remove(from);
    a.insert_formatted(to, v);
    redecorate(a, &places);
}

/// Makes the array these texts, in place.
pub fn set_strings(a: &mut Array, texts: &[String]) {
    while a.len() > texts.len() {
        remove(a, a.len() - 1);
    }
    for (i, text) in texts.iter().enumerate() {
        if i < a.len() {
            a.replace(i, text.as_str());
        } else {
            insert(a, i, Value::from(text.as_str()));
        }
    }
}

/// Inserts `table` at `at` (at most the length) of an array of tables; `renumber`
/// the document afterwards.
pub fn insert_table(tables: &mut ArrayOfTables, at: usize, table: Table) {
    let mut all: Vec<Table> = std::mem::take(tables).into_iter().collect();
    all.insert(at, table);
    tables.extend(all);
}

/// Numbers the tables of the document in the order they stand in it (depth first),
/// which is the order `toml_edit` writes them in: after a table moved or was added
/// within an array of tables, it is written where it now stands.
pub fn renumber(doc: &mut DocumentMut) {
    fn walk(t: &mut Table, next: &mut usize) {
        if !t.is_dotted() {
            t.set_position(*next);
            *next += 1;
        }
        for (_, item) in t.iter_mut() {
            match item {
                Item::Table(t) => walk(t, next),
                Item::ArrayOfTables(a) => a.iter_mut().for_each(|t| walk(t, next)),
                _ => {}
            }
        }
    }
    walk(doc.as_table_mut(), &mut 0);
}

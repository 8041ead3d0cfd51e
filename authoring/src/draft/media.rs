//! A question's or a dialogue step's picture or sound in the draft: the file, kept with
//! the draft as the course folder's `media/` keeps it, and the `media = { file = … }`
//! that names it. What the file is (and whether its alt text or transcript fits it) is
//! validation's to say, as for a course folder: the draft keeps what the trainer gave.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use toml_edit::{InlineTable, Item, Table, Value};

use super::{keys, Draft, EditError, Field};

impl Draft {
    /// The pictures and sounds kept with the draft: file name → bytes. It may hold files
    /// no question names any more (until the draft is saved or published, which keep
    /// only `media_in_use`), so that undo finds them.
    pub fn media_files(&self) -> &BTreeMap<String, Arc<[u8]>> {
        &self.files.media
    }

    /// Makes `bytes` the picture or sound of `at` (a question, or a dialogue step), kept
    /// as `name` (a plain file name is made of it; a name another file already has gets
    /// a number, `kassa-2.png`, and the same bytes under the same name are kept once).
    /// What `media` held beside `file` (an alt text, a transcript) stays, for the
    /// trainer to check against the new file. Returns the name the file was kept as.
    pub fn attach_media(&mut self, at: &Field, name: &str, bytes: Arc<[u8]>) -> Result<String, EditError> {
        let kept = self.free_media_name(&plain_media_name(name), &bytes);
        let media = at.clone().key(keys::MEDIA);
        if self.exists(&media) {
            self.set_str(&media.key(keys::FILE), &kept)?;
        } else {
            let mut table = InlineTable::new();
            table.insert(keys::FILE, Value::from(kept.as_str()));
            self.set_value(&media, Value::InlineTable(table))?;
        }
        self.files.media.insert(kept.clone(), bytes);
        Ok(kept)
    }

    /// `wanted`, or (when another file has that name) `wanted` with the first number
    /// from 2 that is free: the same bytes keep their name.
    fn free_media_name(&self, wanted: &str, bytes: &[u8]) -> String {
        let (stem, extension) = match wanted.rsplit_once('.') {
            Some((stem, extension)) if !stem.is_empty() => (stem, format!(".{extension}")),
            _ => (wanted, String::new()),
        };
        let fits = |name: &str| self.files.media.get(name).is_none_or(|held| **held == *bytes);
        std::iter::once(wanted.to_string())
            .chain((2..).map(|n| crate::file_name::fitted(stem, &format!("-{n}{extension}"))))
            .find(|name| fits(name))
            .expect("an unbounded range has a free name")
    }

    /// The names of the media files some question or dialogue step names: what a package
    /// carries and the saved draft keeps. A file named nowhere is left behind.
    pub fn media_in_use(&self) -> BTreeSet<String> {
        let mut named = BTreeSet::new();
        for doc in self.docs.values().flatten() {
            collect_media(doc.as_table(), &mut named);
        }
        named
    }

    /// The media files in use, by name (see `media_in_use`).
    pub fn media_kept(&self) -> Vec<(String, Arc<[u8]>)> {
        let named = self.media_in_use();
        self.files.media.iter().filter(|(name, _)| named.contains(*name)).map(|(name, bytes)| (name.clone(), bytes.clone())).collect()
    }

    /// Adds media files as they are (a course folder's, a package's, a saved draft's).
    pub fn add_media_files(&mut self, files: impl IntoIterator<Item = (String, Arc<[u8]>)>) {
        self.files.media.extend(files);
    }
}

/// Every `media = { file = "…" }` of a question or a dialogue step, wherever its table is.
fn collect_media(table: &Table, named: &mut BTreeSet<String>) {
    for (key, item) in table.iter() {
        match item {
            Item::Value(Value::InlineTable(inline)) if key == keys::MEDIA => {
                if let Some(file) = inline.get(keys::FILE).and_then(Value::as_str) {
                    named.insert(file.to_string());
                }
            }
            Item::Table(t) if key == keys::MEDIA => {
                if let Some(file) = t.get(keys::FILE).and_then(Item::as_str) {
                    named.insert(file.to_string());
                }
            }
            Item::Table(t) => collect_media(t, named),
            Item::ArrayOfTables(tables) => tables.iter().for_each(|t| collect_media(t, named)),
            _ => {}
        }
    }
}

/// A name a course's `media/` can hold, made of a picked file's name: no folders, no
/// control characters, not hidden, not overlong (`is_plain_file_name`, validation's rule
/// for a `file`), kept otherwise as the trainer named it ("Kassa järjekord.png" stays
/// readable).
pub fn plain_media_name(name: &str) -> String {
    crate::file_name::made_plain(name).unwrap_or_else(|| "media".into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::media::samples;
    use crate::CourseFiles;

    fn draft() -> Draft {
        let mut files = CourseFiles::default();
        files.files.insert("course.toml".into(), "title = \"T\"\nlang = \"et\"\nquizzes = [\"q\"]\n".into());
        files.files.insert("q.toml".into(), "id = \"q\"\n\n[[question]]\nid = \"a\"\ntext = \"A?\"\n\n[[question]]\nid = \"b\"\ntext = \"B?\"\n".into());
        Draft::new(files)
    }

    fn question(i: usize) -> Field {
        Field::file("q.toml").key(keys::QUESTION).index(i)
    }

    #[test]
    fn attaching_writes_an_inline_media_and_keeps_the_file() {
        let mut draft = draft();
        let png: Arc<[u8]> = samples::png(10, 10).into();
        assert_eq!(draft.attach_media(&question(0), "kassa.png", png.clone()), Ok("kassa.png".into()));
        assert!(draft.files().files["q.toml"].contains("media = { file = \"kassa.png\" }"), "{}", draft.files().files["q.toml"]);
        assert_eq!(draft.media_files().get("kassa.png"), Some(&png));
        assert_eq!(draft.media_in_use(), BTreeSet::from(["kassa.png".to_string()]));
    }

    #[test]
    fn a_name_another_file_has_gets_a_number_and_the_same_file_keeps_its_name() {
        let mut draft = draft();
        let (one, two): (Arc<[u8]>, Arc<[u8]>) = (samples::png(10, 10).into(), samples::png(20, 20).into());
        draft.attach_media(&question(0), "kassa.png", one.clone()).unwrap();
        assert_eq!(draft.attach_media(&question(1), "kassa.png", two), Ok("kassa-2.png".into()));
        assert_eq!(draft.attach_media(&question(1), "kassa.png", one), Ok("kassa.png".into()));
    }

    #[test]
    fn replacing_keeps_the_alt_text_and_a_file_named_nowhere_is_not_kept() {
        let mut draft = draft();
        draft.attach_media(&question(0), "a.png", samples::png(10, 10).into()).unwrap();
        draft.set_str(&question(0).key(keys::MEDIA).key(keys::ALT), "Kassa").unwrap();
        draft.attach_media(&question(0), "b.png", samples::png(20, 20).into()).unwrap();
        assert_eq!(draft.get_str(&question(0).key(keys::MEDIA).key(keys::ALT)).as_deref(), Some("Kassa"));
        assert_eq!(draft.media_files().len(), 2, "the old file stays for undo");
        assert_eq!(draft.media_kept().into_iter().map(|(n, _)| n).collect::<Vec<_>>(), vec!["b.png".to_string()]);
        draft.remove(&question(0).key(keys::MEDIA)).unwrap();
        assert!(draft.media_kept().is_empty());
    }

    #[test]
    fn a_dialogue_steps_media_and_a_table_media_are_found() {
        let mut files = CourseFiles::default();
        files.files.insert(
            "d.toml".into(),
            "[[question]]\nid = \"d\"\n[[question.step]]\nid = \"s\"\nmedia = { file = \"uks.svg\", alt = \"Uks\" }\n[question.media]\nfile = \"kell.svg\"\n"
                .into(),
        );
        assert_eq!(Draft::new(files).media_in_use(), BTreeSet::from(["uks.svg".to_string(), "kell.svg".to_string()]));
    }

    #[test]
    fn a_large_picture_is_a_notice_at_its_file_and_no_problem() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../questions");
        let mut draft = Draft::new(CourseFiles::from_dir(&dir).unwrap());
        let (_, file) = draft.quiz_files()[0].clone();
        let question = Field::file(file.as_str()).key(keys::QUESTION).index(1);
        let large = format!("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 4 3\"><!-- {} --></svg>", "x".repeat(crate::media::WARN_ABOVE));
        draft.attach_media(&question, "suur.svg", large.into_bytes().into()).unwrap();
        draft.set_str(&question.clone().key(keys::MEDIA).key(keys::ALT), "Suur pilt").unwrap();
        let checked = draft.check_all();
        assert_eq!(checked.problems, vec![]);
        assert_eq!(checked.notices.len(), 1);
        assert_eq!(checked.notices[0].at, Some(question.key(keys::MEDIA).key(keys::FILE)));
    }

    #[test]
    fn picked_names_become_plain_names() {
        assert_eq!(plain_media_name("Kassa järjekord.png"), "Kassa järjekord.png");
        assert_eq!(plain_media_name("C:\\pildid\\kassa.png"), "kassa.png");
        assert_eq!(plain_media_name("../a/b.svg"), "b.svg");
        assert_eq!(plain_media_name(".hidden.png"), "hidden.png");
        assert_eq!(plain_media_name("a:b\n.png"), "a_b_.png");
        assert_eq!(plain_media_name(".."), "media");
        assert_eq!(plain_media_name(""), "media");
        let long = format!("{}.png", "ü".repeat(200));
        assert!(plain_media_name(&long).ends_with("ü.png") && crate::is_plain_file_name(&plain_media_name(&long)));
    }

    #[test]
    fn a_picked_file_always_gets_a_name_that_validates() {
        let mut draft = draft();
        let long = format!("{}.png", "k".repeat(300));
        let first = draft.attach_media(&question(0), &long, Arc::from(&b"one"[..])).unwrap();
        let second = draft.attach_media(&question(1), &long, Arc::from(&b"two"[..])).unwrap();
        assert_ne!(first, second);
        assert!(second.ends_with("-2.png"), "{second}");
        for name in [first, second] {
            assert!(crate::is_plain_file_name(&name), "{name}");
        }
    }
}

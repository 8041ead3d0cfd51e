//! The Studio's one state and the one reducer every change goes through: the draft
//! (the course's TOML source, edited through `tere_authoring::draft`), what is
//! selected, and the problems the build's own validation finds in it.

use std::rc::Rc;
use std::sync::Arc;

use tere_authoring::draft::keys;
use tere_authoring::draft::SpeakerChoice;
use tere_authoring::draft::{Advice, Noted};
use tere_authoring::kinds::QuestionType;
use tere_authoring::{Draft, Field, Problem, Seg};
use yew::prelude::*;

#[derive(Clone, PartialEq)]
pub enum Notice {
    Opened(String),
    OpenFailed(String),
    /// After publishing: the downloaded file's name.
    Published(String),
    /// A package or the preview could not be made: why.
    PublishFailed(String),
    /// The built-in course was opened over the draft.
    OpenedBuiltin,
    /// The saved draft is back, with changes not published yet.
    Restored,
    /// The saved draft is back, as it was published (at that time).
    RestoredPublished(f64),
    /// Something the trainer wrote was removed (what, in their words); it can be undone.
    Removed(String),
    /// The preview was not opened: what it would play has this many problems.
    PreviewBlocked(usize),
}

/// The drafts before (and, after an undo, after) the one being edited, kept for the
/// session. Typing in one field is one step, not one a keystroke.
#[derive(Clone, Default)]
pub struct History {
    past: Vec<Rc<Draft>>,
    future: Vec<Rc<Draft>>,
    /// The field typed in by the last change, while the trainer keeps typing there.
    typing: Option<Field>,
}

/// How many steps back undo reaches.
const HISTORY_STEPS: usize = 200;

impl History {
    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }

    /// One step back (`back`) or forward from `current`: the draft there, and the
    /// history after the step.
    fn step(&self, current: &Draft, back: bool) -> Option<(Draft, History)> {
        let mut next = self.clone();
        let (from, to) = if back { (&mut next.past, &mut next.future) } else { (&mut next.future, &mut next.past) };
        let there = from.pop()?;
        to.push(Rc::new(current.clone()));
        next.typing = None;
        Some(((*there).clone(), next))
    }

    /// The history after `draft` was changed by a change that typed in `typing` (if any).
    fn after_edit(&self, draft: &Draft, typing: Option<Field>) -> History {
        let mut next = self.clone();
        let same_field = typing.is_some() && typing == self.typing;
        if !same_field {
            next.past.push(Rc::new(draft.clone()));
            if next.past.len() > HISTORY_STEPS {
                next.past.remove(0);
            }
        }
        next.future.clear();
        next.typing = typing;
        next
    }
}

#[derive(Clone)]
pub struct Studio {
    pub draft: Draft,
    /// From `Draft::check`: exactly what `cargo xtask check` says, placed at fields.
    pub problems: Rc<Vec<Problem>>,
    /// The lint's advice on the questions' writing, once the draft has no problems.
    pub advice: Rc<Vec<Advice>>,
    /// What else is worth a look once the draft has no problems (a large media file).
    pub notices: Rc<Vec<Noted>>,
    /// `problems` are the draft's as it now stands. Validation runs once typing pauses
    /// (`Change::Validate`), not on every keystroke; until then publishing waits.
    pub checked: bool,
    /// The quiz on screen (course order).
    pub quiz: usize,
    /// Changes since the course was opened or last published.
    pub unpublished: bool,
    pub notice: Option<Notice>,
    /// Counts changes, so that views and the draft store can tell two states apart cheaply.
    pub version: u64,
    /// What undo and redo go to.
    pub history: Rc<History>,
    /// The question open on screen (the trainer's last edit, or the card they opened),
    /// in the quiz on screen; the other questions show as one-line cards.
    pub at_question: Option<usize>,
    /// What the trainer looks for among the quiz's questions (their text, line or id).
    pub find: String,
    /// Whether the browser holds the draft's pictures and sounds as last saved
    /// (`store::save_media`; when not, they stay only while the page is open).
    pub media_saved: bool,
}

impl PartialEq for Studio {
    fn eq(&self, other: &Self) -> bool {
        (self.version, self.checked, self.media_saved) == (other.version, other.checked, other.media_saved)
    }
}

/// Every change of the Studio's state.
pub enum Change {
    SetStr(Field, String),
    SetBool(Field, bool),
    SetInt(Field, i64),
    /// Removes a key, or an element of a list.
    Remove(Field),
    /// Moves an element of the list at `Field` from one place to another.
    Move(Field, usize, usize),
    AddQuestion {
        file: String,
        kind: &'static str,
        at: usize,
    },
    DuplicateQuestion {
        file: String,
        index: usize,
    },
    /// Appends an element (an option, item, pair or hint) to the list at `Field`.
    Append(Field),
    /// A picture or sound (a file's name and bytes) for a question or a dialogue step
    /// (its `Field`), in place of any it had (`Draft::attach_media`).
    AttachMedia(Field, String, Arc<[u8]>),
    /// Who says a scenario's line (the question's `Field`).
    Speaker(Field, SpeakerChoice),
    /// A question (its `Field`) becomes another type (`Draft::change_question_type`).
    Retype(Field, QuestionType),
    AddQuiz {
        title: String,
    },
    /// A new section of the material (sections.toml), for questions to cite.
    AddSection {
        heading: String,
    },
    /// The section a question teaches: its `source`, seed and heading together.
    Cite {
        question: Field,
        seed: String,
        heading: String,
    },
    RemoveQuiz(String),
    MoveQuiz(usize, usize),
    SelectQuiz(usize),
    /// Typing paused at `version`: validate the draft if nothing changed since.
    Validate(u64),
    /// A whole course was opened (the built-in one, files, a package, or the saved draft).
    Open(Draft, Notice),
    /// A change that removes what the trainer wrote, after they confirmed it: applied,
    /// and the notice says what went, with an undo.
    Discard(Box<Change>, String),
    /// Back to the draft before the last edit (Ctrl+Z), and forward again (Ctrl+Shift+Z).
    Undo,
    Redo,
    /// Opens question `Some(i)` of the quiz on screen as its editor (the others close), or closes it.
    OpenQuestion(Option<usize>),
    /// Shows only the questions whose text, line or id holds these words.
    Find(String),
    OpenFailed(String),
    PreviewBlocked(usize),
    Published(String),
    PublishFailed(String),
    /// Whether the browser took the pictures and sounds the last save wrote.
    MediaSaved(bool),
}

/// The question a change edits, by its index in its quiz file, if it edits one.
fn question_of(change: &Change) -> Option<usize> {
    let field = match change {
        Change::SetStr(f, _)
        | Change::SetBool(f, _)
        | Change::SetInt(f, _)
        | Change::Remove(f)
        | Change::Append(f)
        | Change::AttachMedia(f, _, _)
        | Change::Speaker(f, _)
        | Change::Retype(f, _) => f,
        Change::Cite { question, .. } => question,
        _ => return None,
    };
    field.question_index()
}

impl Studio {
    pub fn new(draft: Draft, notice: Option<Notice>) -> Studio {
        let checked = draft.check_all();
        Studio {
            draft,
            problems: Rc::new(checked.problems),
            advice: Rc::new(checked.advice),
            notices: Rc::new(checked.notices),
            checked: true,
            quiz: 0,
            unpublished: false,
            notice,
            version: 0,
            history: Rc::default(),
            at_question: None,
            find: String::new(),
            media_saved: true,
        }
    }

    /// How many problems question `i` of quiz file `file` has, in any of its fields.
    pub fn problems_in_question(&self, file: &str, i: usize) -> usize {
        let within = |f: &Field| f.file == file && f.question_index() == Some(i);
        self.problems.iter().filter(|p| p.at.as_ref().is_some_and(within)).count()
    }

    /// The notices at `field` (exactly there).
    pub fn notices_at(&self, field: &Field) -> Vec<&Noted> {
        self.notices.iter().filter(|n| n.at.as_ref() == Some(field)).collect()
    }

    /// The problems at `field` (exactly there, not below it).
    pub fn problems_at(&self, field: &Field) -> Vec<&Problem> {
        self.problems.iter().filter(|p| p.at.as_ref() == Some(field)).collect()
    }

    /// The draft after an edit (typing in `typing`, if any): its problems are known
    /// again once typing pauses, and undo goes back to the draft before it.
    fn edited(&self, draft: Draft, typing: Option<Field>) -> Studio {
        let history = Rc::new(self.history.after_edit(&self.draft, typing));
        Studio { draft, checked: false, unpublished: true, notice: None, version: self.version + 1, history, ..self.clone() }
    }

    /// Undo (`back`) or redo: nothing when there is no step to take.
    fn stepped(self: Rc<Self>, back: bool) -> Rc<Studio> {
        match self.history.step(&self.draft, back) {
            Some((draft, history)) => Rc::new(self.restored(draft, history)),
            None => self,
        }
    }

    /// Another draft from the history (undo, redo), with the quiz on screen kept where it exists.
    fn restored(&self, draft: Draft, history: History) -> Studio {
        let quiz = self.quiz.min(draft.quiz_files().len().saturating_sub(1));
        Studio { draft, checked: false, unpublished: true, notice: None, version: self.version + 1, history: Rc::new(history), quiz, ..self.clone() }
    }

    /// Whether the draft may be published now: validated as it stands, with no problem.
    pub fn publishable(&self) -> bool {
        self.checked && self.problems.is_empty()
    }
}

impl Reducible for Studio {
    type Action = Change;

    fn reduce(self: Rc<Self>, change: Change) -> Rc<Self> {
        let mut draft = self.draft.clone();
        let typing = match &change {
            Change::SetStr(field, _) => Some(field.clone()),
            _ => None,
        };
        let at_question = match &change {
            // A new question opens (a copy right after its original).
            Change::AddQuestion { at, .. } => Some(*at),
            Change::DuplicateQuestion { index, .. } => Some(index + 1),
            _ => question_of(&change).or(self.at_question),
        };
        let result = match change {
            Change::SetStr(field, value) => draft.set_str(&field, &value).map(drop),
            Change::SetBool(field, value) => draft.set_bool(&field, value).map(drop),
            Change::SetInt(field, value) => draft.set_int(&field, value).map(drop),
            Change::Remove(field) => draft.remove(&field).map(drop),
            Change::Move(field, from, to) => draft.move_item(&field, from, to).map(drop),
            Change::AddQuestion { file, kind, at } => draft.add_question(&file, kind, at).map(drop),
            Change::DuplicateQuestion { file, index } => draft.duplicate_question(&file, index).map(drop),
            Change::Append(list) => append(&mut draft, &list),
            Change::AttachMedia(at, name, bytes) => draft.attach_media(&at, &name, bytes).map(drop),
            Change::Speaker(question, speaker) => draft.set_speaker(&question, &speaker),
            Change::Retype(question, to) => draft.change_question_type(&question, to),
            Change::AddSection { heading } => draft.add_section(&heading).map(drop),
            Change::Cite { question, seed, heading } => {
                let source = question.key(keys::SOURCE);
                draft.set_str(&source.clone().key(keys::SEED), &seed).and_then(|_| draft.set_str(&source.key(keys::SECTION), &heading))
            }
            Change::AddQuiz { title } => {
                let id = draft.fresh_quiz_id();
                let lang = draft.course_lang();
                let added = draft.add_quiz(&id, &title, &lang).map(drop);
                if added.is_ok() {
                    let mut next = self.edited(draft, None);
                    next.quiz = next.draft.quiz_files().len().saturating_sub(1);
                    return Rc::new(next);
                }
                added
            }
            Change::RemoveQuiz(id) => {
                let removed = draft.remove_quiz(&id).map(drop);
                if removed.is_ok() {
                    let mut next = self.edited(draft, None);
                    next.quiz = next.quiz.min(next.draft.quiz_files().len().saturating_sub(1));
                    return Rc::new(next);
                }
                removed
            }
            Change::MoveQuiz(from, to) => {
                let moved = draft.move_quiz(from, to).map(drop);
                if moved.is_ok() {
                    let mut next = self.edited(draft, None);
                    next.quiz = to;
                    return Rc::new(next);
                }
                moved
            }
            Change::Validate(version) if version == self.version && !self.checked => {
                let checked = self.draft.check_all();
                return Rc::new(Studio {
                    problems: Rc::new(checked.problems),
                    advice: Rc::new(checked.advice),
                    notices: Rc::new(checked.notices),
                    checked: true,
                    ..(*self).clone()
                });
            }
            Change::Validate(_) => return self,
            // Another quiz opens with its questions closed; the quiz on screen chosen again stays as it is.
            Change::SelectQuiz(quiz) if quiz == self.quiz => return Rc::new(Studio { notice: None, version: self.version + 1, ..(*self).clone() }),
            Change::SelectQuiz(quiz) => {
                return Rc::new(Studio { quiz, notice: None, at_question: None, find: String::new(), version: self.version + 1, ..(*self).clone() })
            }
            Change::OpenQuestion(at_question) => return Rc::new(Studio { at_question, version: self.version + 1, ..(*self).clone() }),
            Change::Find(find) => return Rc::new(Studio { find, version: self.version + 1, ..(*self).clone() }),
            Change::Open(draft, notice) => {
                // What was open before stays one undo away.
                let mut next = Studio::new(draft, Some(notice));
                next.version = self.version + 1;
                next.history = Rc::new(self.history.after_edit(&self.draft, None));
                return Rc::new(next);
            }
            Change::Discard(change, what) => {
                let next = self.clone().reduce(*change);
                if next.version == self.version {
                    return self;
                }
                return Rc::new(Studio { notice: Some(Notice::Removed(what)), ..(*next).clone() });
            }
            Change::Undo => return self.stepped(true),
            Change::Redo => return self.stepped(false),
            Change::OpenFailed(message) => return Rc::new(Studio { notice: Some(Notice::OpenFailed(message)), version: self.version + 1, ..(*self).clone() }),
            Change::PreviewBlocked(problems) => {
                return Rc::new(Studio { notice: Some(Notice::PreviewBlocked(problems)), version: self.version + 1, ..(*self).clone() })
            }
            Change::PublishFailed(message) => {
                return Rc::new(Studio { notice: Some(Notice::PublishFailed(message)), version: self.version + 1, ..(*self).clone() })
            }
            Change::Published(what) => {
                return Rc::new(Studio { notice: Some(Notice::Published(what)), unpublished: false, version: self.version + 1, ..(*self).clone() })
            }
            Change::MediaSaved(media_saved) => return Rc::new(Studio { media_saved, ..(*self).clone() }),
        };
        match result {
            Ok(()) => Rc::new(Studio { at_question, ..self.edited(draft, typing) }),
            // An edit the draft refuses (a stale index after a fast double click) changes nothing.
            Err(_) => self,
        }
    }
}

/// Appends an element to the list at `list` (options, items, pairs or hints of a
/// question; a dialogue's steps and endings, and a step's replies).
fn append(draft: &mut Draft, list: &Field) -> Result<(), tere_authoring::EditError> {
    let at = draft.len(list);
    let Some((question, Seg::Key(name))) = list.split_last() else {
        return Err(tere_authoring::EditError::NoField(list.clone()));
    };
    match name.as_str() {
        keys::OPTION => draft.add_option(&question, at),
        keys::ITEMS => draft.add_item(&question, at),
        keys::PAIR => draft.add_pair(&question, at),
        keys::HINT => draft.add_hint(&question, at),
        keys::STEP => draft.add_step(&question, at),
        keys::REPLY => draft.add_reply(&question, at),
        keys::ENDING => draft.add_ending(&question, at),
        _ => Err(tere_authoring::EditError::NoField(list.clone())),
    }
}

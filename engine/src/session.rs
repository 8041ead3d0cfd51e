//! The whole widget state and its one pure reducer. The UI renders a `Session`
//! and dispatches `Action`s; nothing else changes state.

use crate::answer::Answer;
use crate::attempt::{Attempt, Phase};
use crate::model::{Course, Kind, Quiz};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    /// The course menu.
    Menu,
    /// One quiz (by index): its intro, its current attempt, or its summary.
    Quiz(usize),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    NotStarted,
    InProgress,
    Passed,
    Failed,
}

/// What the learner has done with one quiz across attempts.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    pub status: Status,
    pub best: Option<u8>,
    pub attempts: u32,
}

impl Status {
    /// How far the learner got: a finished attempt beats an unfinished one, a pass beats a fail.
    fn rank(self) -> u8 {
        match self {
            Status::NotStarted => 0,
            Status::InProgress => 1,
            Status::Failed => 2,
            Status::Passed => 3,
        }
    }

    /// At least one attempt was finished.
    pub fn is_finished(self) -> bool {
        matches!(self, Status::Passed | Status::Failed)
    }
}

impl Record {
    pub const NONE: Record = Record { status: Status::NotStarted, best: None, attempts: 0 };

    /// The record one attempt makes on its own: in progress, or its result against the
    /// pass mark (`pass_mark` when the host imposes one, else the quiz's).
    pub fn of_attempt(quiz: &Quiz, attempt: &Attempt, pass_mark: Option<u8>) -> Record {
        if attempt.phase != Phase::Finished {
            return Record { status: Status::InProgress, best: None, attempts: 1 };
        }
        let result = attempt.result(quiz, quiz.pass_mark_with(pass_mark));
        Record { status: if result.passed { Status::Passed } else { Status::Failed }, best: Some(result.score), attempts: 1 }
    }

    /// What two sources (the LMS, the local backup, a saved attempt) know together:
    /// the higher status, the better score, the most attempts. A result is never lowered.
    pub fn merged(&self, other: &Record) -> Record {
        Record {
            status: if other.status.rank() > self.status.rank() { other.status } else { self.status },
            best: self.best.max(other.best),
            attempts: self.attempts.max(other.attempts),
        }
    }
}

/// One quiz's record and its latest attempt (kept while the learner visits the menu).
#[derive(Clone, Debug, PartialEq)]
pub struct QuizState {
    pub record: Record,
    pub attempt: Option<Attempt>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    pub course: &'static Course,
    pub screen: Screen,
    /// One per quiz, same order as `course.quizzes`.
    pub quizzes: Vec<QuizState>,
    /// Pass mark imposed by the host (an LMS mastery score), overriding the quiz's.
    pub pass_mark_override: Option<u8>,
    /// An ungraded practice round of the quiz on screen, if one is going on.
    pub practice: Option<Practice>,
}

/// A practice round: the questions a finished attempt did not get fully right, asked
/// again. It is never scored into the record and produces no report events (`report`),
/// so an LMS never sees it as an attempt; leaving the quiz ends it.
#[derive(Clone, Debug, PartialEq)]
pub struct Practice {
    /// The quiz (index into `course.quizzes`).
    pub quiz: usize,
    pub attempt: Attempt,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Show a quiz (by index into `course.quizzes`): its intro, or its attempt where one exists.
    Open(usize),
    ShowMenu,
    /// Begin an attempt; the seed comes from the shell so the reducer stays pure.
    Start {
        seed: u64,
    },
    /// Pick an option (canonical index): replaces for one-answer kinds, toggles for multiple response.
    Choose(u8),
    /// Move the ordering item at `position` one place up or down.
    Move {
        position: usize,
        up: bool,
    },
    /// Match pair `pair`'s left side with pair `right`'s right side (or clear it).
    Match {
        pair: u8,
        right: Option<u8>,
    },
    Write(String),
    Check,
    /// Show the next hint of the question on screen (before checking).
    Hint,
    /// After a wrong or partly right check with tries left: answer again.
    TryAgain,
    Next,
    Finish,
    Retry {
        seed: u64,
    },
    /// From a finished attempt's summary: practise the questions not fully right (ungraded).
    Practise {
        seed: u64,
    },
    /// End the practice round and go back to the summary.
    EndPractice,
    /// The pass mark the host imposes (an LMS mastery score), for every quiz; `None`: each quiz's own.
    ImposePassMark(Option<u8>),
    /// Put back what a host saved: a quiz's record and its attempt.
    Restore {
        quiz: usize,
        record: Record,
        attempt: Option<Attempt>,
    },
}

impl Session {
    pub fn new(course: &'static Course) -> Session {
        let blank = QuizState { record: Record::NONE, attempt: None };
        Session { course, screen: Screen::Menu, quizzes: vec![blank; course.quizzes.len()], pass_mark_override: None, practice: None }
    }

    /// The quiz on screen, if any.
    pub fn quiz(&self) -> Option<(usize, &'static Quiz)> {
        match self.screen {
            Screen::Quiz(i) => Some((i, &self.course.quizzes[i])),
            Screen::Menu => None,
        }
    }

    /// The language of the content on screen: the quiz's, or the course's on the menu.
    /// The UI speaks it unless the URL or the LMS asks for another (the shell's `choose_lang`).
    pub fn content_lang(&self) -> &'static str {
        match self.quiz() {
            Some((_, quiz)) => &quiz.lang,
            None => &self.course.lang,
        }
    }

    /// The attempt on screen, if any.
    pub fn attempt(&self) -> Option<&Attempt> {
        self.quiz().and_then(|(i, _)| self.quizzes[i].attempt.as_ref())
    }

    pub fn pass_mark(&self, quiz: &Quiz) -> u8 {
        quiz.pass_mark_with(self.pass_mark_override)
    }

    /// The practice round on screen, if any.
    pub fn practice(&self) -> Option<&Attempt> {
        let (i, _) = self.quiz()?;
        self.practice.as_ref().filter(|p| p.quiz == i).map(|p| &p.attempt)
    }

    /// The pure reducer: the next state after `action`. Actions that make no
    /// sense in the current state (a second click on "check", say) change nothing.
    pub fn reduce(&self, action: Action) -> Session {
        let mut next = self.clone();
        next.apply(action);
        next
    }

    fn apply(&mut self, action: Action) {
        match action {
            Action::Open(i) => {
                if i < self.quizzes.len() {
                    self.practice = None;
                    self.screen = Screen::Quiz(i);
                }
            }
            Action::ShowMenu => {
                self.practice = None;
                self.screen = Screen::Menu;
            }
            Action::Start { seed } => self.start(seed, false),
            Action::Retry { seed } => {
                // A practice round on screen hides the summary and its retry.
                if self.practice().is_none() {
                    self.start(seed, true);
                }
            }
            Action::Practise { seed } => self.practise(seed),
            Action::EndPractice => self.practice = None,
            // A practice round on screen finishes itself.
            Action::Finish => match self.practice() {
                None => self.finish(),
                Some(_) => self.edit_attempt(Action::Finish),
            },
            Action::ImposePassMark(mark) => self.pass_mark_override = mark.filter(|m| *m <= 100),
            Action::Restore { quiz, record, attempt } => {
                if let Some(state) = self.quizzes.get_mut(quiz) {
                    *state = QuizState { record, attempt };
                }
            }
            Action::Choose(_)
            | Action::Move { .. }
            | Action::Match { .. }
            | Action::Write(_)
            | Action::Check
            | Action::Hint
            | Action::TryAgain
            | Action::Next => self.edit_attempt(action),
        }
    }

    fn start(&mut self, seed: u64, retry: bool) {
        let Screen::Quiz(i) = self.screen else { return };
        let state = &mut self.quizzes[i];
        let may_start = match &state.attempt {
            None => !retry,
            Some(a) => retry && a.phase == Phase::Finished,
        };
        if !may_start {
            return;
        }
        state.record.attempts += 1;
        if state.record.status == Status::NotStarted {
            state.record.status = Status::InProgress;
        }
        // A new attempt avoids what the last one asked, where the pool allows.
        let seen = state.attempt.as_ref().map(|a| a.questions.clone()).unwrap_or_default();
        state.attempt = Some(Attempt::new(&self.course.quizzes[i], seed, &seen));
    }

    fn practise(&mut self, seed: u64) {
        let Screen::Quiz(i) = self.screen else { return };
        let quiz = &self.course.quizzes[i];
        let Some(a) = self.quizzes[i].attempt.as_ref().filter(|a| a.phase == Phase::Finished) else { return };
        let missed = a.missed(quiz);
        if self.practice.is_none() && !missed.is_empty() {
            self.practice = Some(Practice { quiz: i, attempt: Attempt::over(quiz, seed, Vec::new(), missed) });
        }
    }

    fn finish(&mut self) {
        let Screen::Quiz(i) = self.screen else { return };
        let quiz = &self.course.quizzes[i];
        let state = &mut self.quizzes[i];
        let Some(a) = state.attempt.as_mut() else { return };
        a.edit(quiz, Action::Finish);
        if a.phase != Phase::Finished {
            return;
        }
        // The best score stays, and once passed, a weaker attempt does not un-pass the stage.
        state.record = state.record.merged(&Record::of_attempt(quiz, a, self.pass_mark_override));
    }

    fn edit_attempt(&mut self, action: Action) {
        let Screen::Quiz(i) = self.screen else { return };
        let quiz = &self.course.quizzes[i];
        // A practice round on screen takes the edits; the graded attempt stays as it was.
        let attempt = match &mut self.practice {
            Some(p) if p.quiz == i => Some(&mut p.attempt),
            _ => self.quizzes[i].attempt.as_mut(),
        };
        if let Some(a) = attempt {
            a.edit(quiz, action);
        }
    }
}

// What each gesture on an answer does to the draft answer (`Attempt::edit` calls them
// while the learner answers). A gesture for another answer shape changes nothing.

/// Picks option `i`: replaces the pick for one-answer kinds, toggles it for multiple
/// response; in a dialogue, says reply `i` of the step the conversation is at.
pub(crate) fn choose(kind: &Kind, draft: &mut Answer, i: u8) {
    if let (Kind::Dialogue(dialogue), Answer::Path(path)) = (kind, &mut *draft) {
        path.push(i);
        if dialogue.walk(path).is_none() {
            path.pop();
        }
        return;
    }
    let Answer::Choices(picked) = draft else { return };
    if (i as usize) >= kind.choice_count() {
        return;
    }
    if kind.picks_many() {
        match picked.iter().position(|&p| p == i) {
            Some(at) => {
                picked.remove(at);
            }
            None => {
                picked.push(i);
                crate::shuffle::sort_small(picked);
            }
        }
    } else {
        *picked = vec![i];
    }
}

/// Moves the ordering item at `position` one place up or down.
pub(crate) fn move_item(draft: &mut Answer, position: usize, up: bool) {
    let Answer::Order(order) = draft else { return };
    let target = if up { position.checked_sub(1) } else { position.checked_add(1) };
    if let Some(t) = target.filter(|&t| t < order.len() && position < order.len()) {
        order.swap(position, t);
    }
}

/// Matches pair `pair`'s left side with pair `right`'s right side (or clears it).
pub(crate) fn match_pair(draft: &mut Answer, pair: u8, right: Option<u8>) {
    let Answer::Matches(chosen) = draft else { return };
    let n = chosen.len();
    if (pair as usize) < n && right.is_none_or(|r| (r as usize) < n) {
        chosen[pair as usize] = right;
    }
}

/// Writes a reflection, kept to `REFLECTION_MAX` characters.
pub(crate) fn write(draft: &mut Answer, text: String) {
    let Answer::Text(t) = draft else { return };
    *t = text.chars().take(crate::kind::REFLECTION_MAX).collect();
}

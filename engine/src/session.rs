//! The whole widget state and its one pure reducer. The UI renders a `Session`
//! and dispatches `Action`s; nothing else changes state.

use crate::answer::Answer;
use crate::attempt::{Attempt, Phase, QuizResult};
use crate::model::{Course, Kind, Quiz};

#[derive(Clone, Debug, PartialEq)]
pub enum Screen {
    /// The course menu.
    Menu,
    /// One quiz: its intro when `attempt` is `None`, else the attempt.
    Quiz { quiz: usize, attempt: Option<Attempt> },
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

#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    pub course: &'static Course,
    pub screen: Screen,
    /// One per quiz, same order as `course.quizzes`.
    pub records: Vec<Record>,
    /// Pass mark imposed by the host (an LMS mastery score), overriding the quiz's.
    pub pass_mark_override: Option<u8>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Show a quiz's intro (by index into `course.quizzes`).
    Open(usize),
    ShowMenu,
    /// Begin an attempt; the seed comes from the shell so the reducer stays pure.
    Start { seed: u64 },
    /// Pick an option (canonical index): replaces for one-answer kinds, toggles for multiple response.
    Choose(u8),
    /// Move the ordering item at `position` one place up or down.
    Move { position: usize, up: bool },
    /// Match pair `pair`'s left side with pair `right`'s right side (or clear it).
    Match { pair: u8, right: Option<u8> },
    Write(String),
    Check,
    Next,
    Finish,
    Retry { seed: u64 },
}

impl Session {
    pub fn new(course: &'static Course) -> Session {
        let blank = Record { status: Status::NotStarted, best: None, attempts: 0 };
        Session { course, screen: Screen::Menu, records: vec![blank; course.quizzes.len()], pass_mark_override: None }
    }

    /// The quiz on screen, if any.
    pub fn quiz(&self) -> Option<(usize, &'static Quiz)> {
        match self.screen {
            Screen::Quiz { quiz, .. } => Some((quiz, &self.course.quizzes[quiz])),
            Screen::Menu => None,
        }
    }

    pub fn attempt(&self) -> Option<&Attempt> {
        match &self.screen {
            Screen::Quiz { attempt, .. } => attempt.as_ref(),
            Screen::Menu => None,
        }
    }

    pub fn pass_mark(&self, quiz: &Quiz) -> u8 {
        self.pass_mark_override.unwrap_or(quiz.pass_mark)
    }

    /// The result of the attempt on screen.
    pub fn result(&self) -> Option<QuizResult> {
        let (_, quiz) = self.quiz()?;
        Some(self.attempt()?.result(quiz, self.pass_mark(quiz)))
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
            Action::Open(i) if i < self.course.quizzes.len() => self.screen = Screen::Quiz { quiz: i, attempt: None },
            Action::ShowMenu => self.screen = Screen::Menu,
            Action::Start { seed } | Action::Retry { seed } => self.start(seed, matches!(action, Action::Retry { .. })),
            Action::Finish => self.finish(),
            other => self.edit_attempt(other),
        }
    }

    fn start(&mut self, seed: u64, retry: bool) {
        let Screen::Quiz { quiz, attempt } = &mut self.screen else { return };
        let may_start = match attempt {
            None => !retry,
            Some(a) => retry && a.phase == Phase::Finished,
        };
        if !may_start {
            return;
        }
        let record = &mut self.records[*quiz];
        record.attempts += 1;
        if record.status == Status::NotStarted {
            record.status = Status::InProgress;
        }
        *attempt = Some(Attempt::new(&self.course.quizzes[*quiz], seed));
    }

    fn finish(&mut self) {
        let pass_override = self.pass_mark_override;
        let Screen::Quiz { quiz, attempt: Some(a) } = &mut self.screen else { return };
        if a.phase != Phase::Checked || !a.is_last() {
            return;
        }
        a.phase = Phase::Finished;
        let q = &self.course.quizzes[*quiz];
        let result = a.result(q, pass_override.unwrap_or(q.pass_mark));
        let record = &mut self.records[*quiz];
        record.best = Some(record.best.map_or(result.score, |b| b.max(result.score)));
        // Once passed, a later weaker attempt does not un-pass the stage.
        if record.status != Status::Passed {
            record.status = if result.passed { Status::Passed } else { Status::Failed };
        }
    }

    fn edit_attempt(&mut self, action: Action) {
        let Screen::Quiz { quiz, attempt: Some(a) } = &mut self.screen else { return };
        let quiz = &self.course.quizzes[*quiz];
        match action {
            Action::Check if a.can_check(quiz) => {
                a.answers[a.current] = Some(a.draft.clone());
                a.phase = Phase::Checked;
            }
            Action::Next if a.phase == Phase::Checked && !a.is_last() => {
                a.current += 1;
                a.phase = Phase::Answering;
                a.draft = a.blank_draft(quiz);
            }
            edit if a.phase == Phase::Answering => edit_draft(&a.question(quiz).kind, &mut a.draft, edit),
            _ => {}
        }
    }
}

/// Apply a selection change to the draft answer of a question of `kind`.
fn edit_draft(kind: &Kind, draft: &mut Answer, action: Action) {
    match (action, draft) {
        (Action::Choose(i), Answer::Choices(picked)) => {
            let count = match kind {
                Kind::TrueFalse { .. } => 2,
                other => other.options().len(),
            };
            if (i as usize) >= count {
                return;
            }
            if matches!(kind, Kind::Multiple { .. }) {
                match picked.iter().position(|&p| p == i) {
                    Some(at) => {
                        picked.remove(at);
                    }
                    None => {
                        picked.push(i);
                        picked.sort_unstable();
                    }
                }
            } else {
                *picked = vec![i];
            }
        }
        (Action::Move { position, up }, Answer::Order(order)) => {
            let target = if up { position.checked_sub(1) } else { Some(position + 1) };
            if let Some(t) = target.filter(|&t| t < order.len() && position < order.len()) {
                order.swap(position, t);
            }
        }
        (Action::Match { pair, right }, Answer::Matches(chosen)) => {
            let n = chosen.len();
            if (pair as usize) < n && right.is_none_or(|r| (r as usize) < n) {
                chosen[pair as usize] = right;
            }
        }
        (Action::Write(text), Answer::Text(t)) => *t = text,
        _ => {}
    }
}

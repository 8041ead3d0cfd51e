//! One attempt at one quiz: which questions were drawn, in what order the learner
//! sees them, what they answered. Everything presented is derived from `seed` (and,
//! for a drawing quiz, from `seen`: the questions the previous attempt asked).

use crate::answer::Answer;
use crate::dialogue::{Dialogue, Taken};
use crate::model::{Question, Quiz};
use crate::score;
use crate::session;
use crate::shuffle::{permutation, question_seed};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// The learner is choosing an answer to the current question.
    Answering,
    /// The answer is checked and feedback is shown.
    Checked,
    /// All questions answered; the summary is shown.
    Finished,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Attempt {
    pub seed: u64,
    /// Pool indices (ascending) the previous attempt asked, which this draw asks only
    /// when the pool has too few others. An input of the draw, kept so that resume
    /// draws the same; empty when the quiz asks every question.
    pub seen: Vec<u16>,
    /// Indices into `quiz.questions`, in the order presented.
    pub questions: Vec<u16>,
    /// Position in `questions` of the question on screen.
    pub current: usize,
    pub phase: Phase,
    /// Checked answers by position: the last try's (a try given up for another is taken back).
    pub answers: Vec<Option<Answer>>,
    /// Checks made at each position (0 = none yet); at most the quiz's `tries`.
    pub tries: Vec<u8>,
    /// Hints the learner asked for at each position (these are what `hint_penalty` costs).
    pub hints_asked: Vec<u8>,
    /// Hints shown with the feedback of a wrong try at each position (free: the try is penalised).
    pub hints_given: Vec<u8>,
    /// The current, not yet checked, selection.
    pub draft: Answer,
}

/// The outcome of a finished (or partly finished) attempt.
#[derive(Clone, Debug, PartialEq)]
pub struct QuizResult {
    /// 0-100.
    pub score: u8,
    pub passed: bool,
    /// Credit per position; `None` for ungraded or unanswered questions.
    pub credits: Vec<Option<f64>>,
}

impl Attempt {
    /// A fresh attempt; `seen` is what the previous attempt asked (empty for a first
    /// one): ascending pool indices, as an attempt's `questions` and `resume::decode` give them.
    pub fn new(quiz: &Quiz, seed: u64, seen: &[u16]) -> Attempt {
        debug_assert!(seen.windows(2).all(|w| w[0] < w[1]) && seen.iter().all(|&i| usize::from(i) < quiz.questions.len()), "{seen:?}");
        // Kept only where it can change the draw, so the resume text of a quiz that
        // asks every question stays as short as before.
        let seen = if quiz.questions_per_attempt() < quiz.questions.len() { seen.to_vec() } else { Vec::new() };
        let questions = draw(quiz, seed, &seen);
        Attempt::over(quiz, seed, seen, questions)
    }

    /// An attempt at the given questions (pool indices, in the order asked): a drawn
    /// attempt, or a practice round of the questions an attempt missed.
    pub fn over(quiz: &Quiz, seed: u64, seen: Vec<u16>, questions: Vec<u16>) -> Attempt {
        let n = questions.len();
        let mut attempt = Attempt {
            seed,
            seen,
            answers: vec![None; n],
            tries: vec![0; n],
            hints_asked: vec![0; n],
            hints_given: vec![0; n],
            questions,
            current: 0,
            phase: Phase::Answering,
            draft: Answer::Choices(Vec::new()),
        };
        attempt.draft = attempt.blank_draft(quiz);
        attempt
    }

    /// Hints shown at `position`, asked for or given after a wrong try.
    pub fn hints_shown(&self, position: usize) -> usize {
        usize::from(self.hints_asked[position]) + usize::from(self.hints_given[position])
    }

    /// The credit of the answer at `position` itself, before any penalty: what makes it
    /// right, partly right or wrong (`score::credit`); `None` when ungraded or not answered.
    pub fn answer_credit_at(&self, quiz: &Quiz, position: usize) -> Option<f64> {
        score::credit(&self.question_at(quiz, position).kind, self.answers[position].as_ref()?)
    }

    /// The credit earned at `position` so far (see `score::with_penalties`); `None`
    /// when ungraded or not answered. A conversation played again is not another try
    /// at one answer: its best play counts, without a try's penalty.
    pub fn credit_at(&self, quiz: &Quiz, position: usize) -> Option<f64> {
        let tries = if self.question_at(quiz, position).kind.checks_itself() { 1 } else { self.tries[position] };
        score::with_penalties(quiz, self.answer_credit_at(quiz, position), tries, self.hints_asked[position])
    }

    /// Whether the answer at `position` is the last word: right, ungraded, or out of
    /// tries. Only then is the right answer shown and the result reported.
    /// A conversation is settled at its first ending: the learner may go on, or play it
    /// again for a better result (`may_try_again`).
    pub fn is_settled(&self, quiz: &Quiz, position: usize) -> bool {
        self.answers[position].is_some()
            && (self.question_at(quiz, position).kind.checks_itself() || score::is_settled(quiz, self.answer_credit_at(quiz, position), self.tries[position]))
    }

    /// The checked answer on screen may be tried again: wrong or partly right with tries
    /// left; a conversation not yet at full credit may be played again up to
    /// `MAX_TRIES` times, whatever the quiz's tries (its best play counts).
    pub fn may_try_again(&self, quiz: &Quiz) -> bool {
        let replay = || {
            self.question(quiz).kind.checks_itself()
                && self.tries[self.current] < crate::model::MAX_TRIES
                && self.answer_credit_at(quiz, self.current).is_some_and(|c| !score::is_full_credit(c))
        };
        self.phase == Phase::Checked && (!self.is_settled(quiz, self.current) || replay())
    }

    /// Reply `step` (counted from 0) of the conversation under way at `position`: the
    /// question, its dialogue and the reply taken (`report::Event::Replied`).
    pub fn replied_at<'q>(&self, quiz: &'q Quiz, position: usize, step: usize) -> Option<(&'q Question, &'q Dialogue, Taken)> {
        let question = self.question_at(quiz, position);
        let (crate::Kind::Dialogue(dialogue), Answer::Path(path)) = (&question.kind, &self.draft) else { return None };
        let taken = dialogue.walk(path)?.taken.get(step).copied()?;
        Some((question, dialogue, taken))
    }

    /// The answer the question on screen shows: while answering, the draft; once
    /// checked, the checked answer, but for a conversation the play just ended (the
    /// draft), which may be weaker than the best play that counts.
    pub fn shown_answer(&self, quiz: &Quiz) -> &Answer {
        let replayed = self.question(quiz).kind.checks_itself() && self.draft != self.blank_draft(quiz);
        match &self.answers[self.current] {
            Some(answer) if self.phase != Phase::Answering && !replayed => answer,
            _ => &self.draft,
        }
    }

    /// The learner may ask for the next hint of the question on screen.
    pub fn may_hint(&self, quiz: &Quiz) -> bool {
        self.phase == Phase::Answering && self.hints_shown(self.current) < self.question(quiz).hints.len()
    }

    /// Positions (in order) whose question was graded and not fully right: what a practice round asks.
    pub fn missed(&self, quiz: &Quiz) -> Vec<u16> {
        let mut out = Vec::new();
        for position in 0..self.questions.len() {
            if self.credit_at(quiz, position).is_some_and(|c| !score::is_full_credit(c))
                || (self.answers[position].is_none() && self.question_at(quiz, position).kind.is_graded())
            {
                out.push(self.questions[position]);
            }
        }
        out
    }

    /// The question on screen.
    pub fn question<'q>(&self, quiz: &'q Quiz) -> &'q Question {
        self.question_at(quiz, self.current)
    }

    /// The question presented at `position` of this attempt.
    pub fn question_at<'q>(&self, quiz: &'q Quiz, position: usize) -> &'q Question {
        &quiz.questions[self.questions[position] as usize]
    }

    pub fn is_last(&self) -> bool {
        self.current + 1 >= self.questions.len()
    }

    /// Presented order of the current question's options (for matching: of the right-hand choices).
    pub fn option_order(&self, quiz: &Quiz) -> Vec<usize> {
        let q = self.question(quiz);
        if q.kind.keeps_choice_order() {
            return (0..q.kind.choice_count()).collect();
        }
        permutation(q.kind.choice_count(), question_seed(self.seed, &q.id))
    }

    /// The empty selection for the current question (ordering starts shuffled, never already solved).
    pub fn blank_draft(&self, quiz: &Quiz) -> Answer {
        let q = self.question(quiz);
        q.kind.blank_answer(|n| permutation(n, question_seed(self.seed, &q.id)))
    }

    /// The reducer's edits of this attempt (check, hint, try again, next, the draft);
    /// anything that makes no sense in the current phase changes nothing.
    pub fn edit(&mut self, quiz: &Quiz, action: crate::Action) {
        use crate::Action;
        let current = self.current;
        let answering = self.phase == Phase::Answering;
        match action {
            Action::Check => {
                if self.can_check(quiz) {
                    // A conversation played again keeps its best play.
                    let kind = &self.question(quiz).kind;
                    let better = |old: &Answer| score::credit(kind, &self.draft) > score::credit(kind, old);
                    if !kind.checks_itself() || self.answers[current].as_ref().is_none_or(better) {
                        self.answers[current] = Some(self.draft.clone());
                    }
                    self.tries[current] = self.tries[current].saturating_add(1);
                    self.phase = Phase::Checked;
                    // A wrong try with tries left comes with the next hint, if any.
                    if !self.is_settled(quiz, current) && self.hints_shown(current) < self.question(quiz).hints.len() {
                        self.hints_given[current] += 1;
                    }
                }
            }
            Action::Hint => {
                if self.may_hint(quiz) {
                    self.hints_asked[current] += 1;
                }
            }
            Action::TryAgain => {
                if self.may_try_again(quiz) {
                    // The last try's answer is where the next one starts; a conversation
                    // starts again from its first line, its best play kept.
                    if self.question(quiz).kind.checks_itself() {
                        self.draft = self.blank_draft(quiz);
                    } else if let Some(last) = self.answers[current].take() {
                        self.draft = last;
                    }
                    self.phase = Phase::Answering;
                }
            }
            Action::Next => {
                if self.phase == Phase::Checked && self.is_settled(quiz, current) && !self.is_last() {
                    self.current += 1;
                    self.phase = Phase::Answering;
                    self.draft = self.blank_draft(quiz);
                }
            }
            Action::Finish => {
                if self.phase == Phase::Checked && self.is_settled(quiz, current) && self.is_last() {
                    self.phase = Phase::Finished;
                }
            }
            // Gestures on the answer, while the learner answers.
            Action::Choose(i) => {
                if answering {
                    let kind = &self.question(quiz).kind;
                    session::choose(kind, &mut self.draft, i);
                    // A dialogue that reached its ending is checked there and then.
                    if kind.checks_itself() && self.can_check(quiz) {
                        self.edit(quiz, Action::Check);
                    }
                }
            }
            Action::Move { position, up } => {
                if answering {
                    session::move_item(&mut self.draft, position, up);
                }
            }
            Action::Match { pair, right } => {
                if answering {
                    session::match_pair(&mut self.draft, pair, right);
                }
            }
            Action::Write(text) => {
                if answering {
                    session::write(&mut self.draft, text);
                }
            }
            // What the session does itself never reaches an attempt.
            Action::Open(_)
            | Action::ShowMenu
            | Action::Start { .. }
            | Action::Retry { .. }
            | Action::Practise { .. }
            | Action::EndPractice
            | Action::ImposePassMark(_)
            | Action::Restore { .. } => {}
        }
    }

    pub fn can_check(&self, quiz: &Quiz) -> bool {
        self.phase == Phase::Answering && score::is_answerable(&self.question(quiz).kind, &self.draft)
    }

    /// Questions answered (checked) so far.
    pub fn answered(&self) -> usize {
        self.answers.iter().filter(|a| a.is_some()).count()
    }

    pub fn result(&self, quiz: &Quiz, pass_mark: u8) -> QuizResult {
        let mut sum = 0.0;
        let mut graded = 0;
        let credits = (0..self.questions.len())
            .map(|position| {
                let kind = &self.question_at(quiz, position).kind;
                if kind.is_graded() {
                    graded += 1;
                }
                let c = self.credit_at(quiz, position);
                sum += c.unwrap_or(0.0);
                c
            })
            .collect();
        let score = score::percent(sum, graded);
        QuizResult { score, passed: score::passes(score, pass_mark), credits }
    }
}

/// The questions of one attempt: all in content order, or `draw` of them picked from
/// the pool (kept in content order, which follows the teaching order). The pick goes
/// through the seed's shuffle of the pool, questions not in `seen` before those in it;
/// a `draw_per_section` quiz first takes the earliest question of each section in that
/// order, then fills up from it. Without `seen` and sections this is the plain
/// shuffle's first `draw`, the draw of resume texts of version 1.
pub fn draw(quiz: &Quiz, seed: u64, seen: &[u16]) -> Vec<u16> {
    let (n, k) = (quiz.questions.len(), quiz.questions_per_attempt());
    if k == n {
        return (0..n as u16).collect();
    }
    let shuffled = permutation(n, seed);
    let topic = |i: u16| quiz.questions[i as usize].topic;
    let mut picked: Vec<u16> = Vec::with_capacity(k);
    // Passes over the shuffle: one per section (fresh, then seen), then any (fresh, then seen).
    // One loop rather than an iterator chain: it keeps the wasm smaller.
    for pass in 0..4 {
        let (per_section, again) = (pass < 2, pass % 2 == 1);
        if per_section && !quiz.draw_per_section {
            continue;
        }
        for &i in &shuffled {
            let i = i as u16;
            let covered = per_section && picked.iter().any(|&p| topic(p) == topic(i));
            if picked.len() < k && seen.contains(&i) == again && !covered && !picked.contains(&i) {
                picked.push(i);
            }
        }
    }
    crate::shuffle::sort_small(&mut picked);
    picked
}

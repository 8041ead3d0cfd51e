//! One attempt at one quiz: which questions were drawn, in what order the learner
//! sees them, what they answered. Everything presented is derived from `seed` (and,
//! for a drawing quiz, from `seen`: the questions the previous attempt asked).

use crate::answer::Answer;
use crate::model::{Kind, Question, Quiz};
use crate::score;
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
    /// Checked answers by position.
    pub answers: Vec<Option<Answer>>,
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
        let mut attempt =
            Attempt { seed, seen, answers: vec![None; questions.len()], questions, current: 0, phase: Phase::Answering, draft: Answer::Choices(Vec::new()) };
        attempt.draft = attempt.blank_draft(quiz);
        attempt
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
        // True and false always stand in that order.
        if let Kind::TrueFalse { .. } = q.kind {
            return vec![0, 1];
        }
        permutation(q.kind.choice_count(), question_seed(self.seed, &q.id))
    }

    /// The empty selection for the current question (ordering starts shuffled, never already solved).
    pub fn blank_draft(&self, quiz: &Quiz) -> Answer {
        let q = self.question(quiz);
        match &q.kind {
            Kind::Ordering { items } => {
                let mut order: Vec<u8> = permutation(items.len(), question_seed(self.seed, &q.id)).into_iter().map(|i| i as u8).collect();
                if order.len() > 1 && order.iter().enumerate().all(|(p, &i)| p == i as usize) {
                    order.rotate_left(1);
                }
                Answer::Order(order)
            }
            Kind::Matching { pairs } => Answer::Matches(vec![None; pairs.len()]),
            Kind::Reflection => Answer::Text(String::new()),
            _ => Answer::Choices(Vec::new()),
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
        let credits = self
            .questions
            .iter()
            .zip(&self.answers)
            .map(|(&qi, answer)| {
                let kind = &quiz.questions[qi as usize].kind;
                if kind.is_graded() {
                    graded += 1;
                }
                let c = answer.as_ref().and_then(|a| score::credit(kind, a));
                sum += c.unwrap_or(0.0);
                c
            })
            .collect();
        let score = score::percent(sum, graded);
        QuizResult { score, passed: score >= pass_mark, credits }
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

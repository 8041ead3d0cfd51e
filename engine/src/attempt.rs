//! One attempt at one quiz: which questions were drawn, in what order the learner
//! sees them, what they answered. Everything presented is derived from `seed`.

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
    pub fn new(quiz: &Quiz, seed: u64) -> Attempt {
        let questions = draw(quiz, seed);
        let mut attempt =
            Attempt { seed, answers: vec![None; questions.len()], questions, current: 0, phase: Phase::Answering, draft: Answer::Choices(Vec::new()) };
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

/// The questions of one attempt: all in content order, or `draw` of them picked
/// from the pool by the seed (kept in content order, which follows the teaching order).
pub fn draw(quiz: &Quiz, seed: u64) -> Vec<u16> {
    let (n, k) = (quiz.questions.len(), quiz.questions_per_attempt());
    if k == n {
        return (0..n as u16).collect();
    }
    let mut picked: Vec<u16> = permutation(n, seed).into_iter().take(k).map(|i| i as u16).collect();
    crate::shuffle::sort_small(&mut picked);
    picked
}

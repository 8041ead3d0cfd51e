//! What a host must hear about, derived by comparing the session before and after
//! an action. Hosts never inspect the UI; they get these events.

use crate::attempt::Phase;
use crate::session::Session;

#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// A new attempt at quiz `quiz` began.
    Started { quiz: usize },
    /// The answer at `position` of quiz `quiz`'s attempt was checked.
    Answered { quiz: usize, position: usize },
    /// Quiz `quiz`'s attempt reached its summary.
    Completed { quiz: usize },
}

impl Event {
    /// The quiz the event is about.
    pub fn quiz(&self) -> usize {
        match self {
            Event::Started { quiz } | Event::Answered { quiz, .. } | Event::Completed { quiz } => *quiz,
        }
    }
}

pub fn events(before: &Session, after: &Session) -> Vec<Event> {
    let mut out = Vec::new();
    for (quiz, (old, new)) in before.quizzes.iter().zip(&after.quizzes).enumerate() {
        let Some(new_attempt) = &new.attempt else { continue };
        let same_attempt = old.attempt.as_ref().filter(|o| o.seed == new_attempt.seed && new.record.attempts == old.record.attempts);
        if same_attempt.is_none() {
            out.push(Event::Started { quiz });
        }
        for (position, answer) in new_attempt.answers.iter().enumerate() {
            let was_answered = same_attempt.is_some_and(|o| o.answers[position].is_some());
            if answer.is_some() && !was_answered {
                out.push(Event::Answered { quiz, position });
            }
        }
        if new_attempt.phase == Phase::Finished && same_attempt.is_none_or(|o| o.phase != Phase::Finished) {
            out.push(Event::Completed { quiz });
        }
    }
    out
}

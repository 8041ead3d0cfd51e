//! What a host must hear about, derived by comparing the session before and after
//! an action. Hosts never inspect the UI; they get these events.
//!
//! Every check is an `Answered`, each try of a question with several (the host asks
//! the attempt whether the answer is settled: only a settled one is a result, see
//! `sco::answered`). A practice round (`Session::practice`) is not an attempt: its
//! checks are `Practised` events, which an LMS never records (the score and passed
//! status already reported stay as they are) and a page host hears as practice.

use crate::answer::Answer;
use crate::attempt::Phase;
use crate::session::Session;

#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// A new attempt at quiz `quiz` began.
    Started { quiz: usize },
    /// The answer at `position` of quiz `quiz`'s attempt was checked (one event a try).
    Answered { quiz: usize, position: usize },
    /// The learner replied at step `step` (the `step`th reply of this try, counted
    /// from 0) of the dialogue at `position` of quiz `quiz`'s attempt.
    Replied { quiz: usize, position: usize, step: usize },
    /// Quiz `quiz`'s attempt reached its summary.
    Completed { quiz: usize },
    /// The answer at `position` of quiz `quiz`'s ungraded practice round was checked.
    Practised { quiz: usize, position: usize },
}

impl Event {
    /// The quiz the event is about.
    pub fn quiz(&self) -> usize {
        match self {
            Event::Started { quiz }
            | Event::Answered { quiz, .. }
            | Event::Replied { quiz, .. }
            | Event::Completed { quiz }
            | Event::Practised { quiz, .. } => *quiz,
        }
    }
}

/// How many of the replies `after` holds were said already in `before`: all of
/// `before`'s when `after` goes on from it (a try again starts a new path).
fn said_since(before: &Answer, after: &Answer) -> usize {
    match (before, after) {
        (Answer::Path(old), Answer::Path(new)) if new.starts_with(old) => old.len(),
        _ => 0,
    }
}

/// The replies a draft holds, if it is a dialogue's.
fn path_len(draft: &Answer) -> usize {
    match draft {
        Answer::Path(path) => path.len(),
        Answer::Choices(_) | Answer::Order(_) | Answer::Matches(_) | Answer::Text(_) => 0,
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
        // The replies said in a dialogue since (its path grew): each is a record, before
        // the check its last one may bring.
        let position = new_attempt.current;
        let said_before = same_attempt.filter(|o| o.current == position).map_or(0, |o| said_since(&o.draft, &new_attempt.draft));
        for step in said_before..path_len(&new_attempt.draft) {
            out.push(Event::Replied { quiz, position, step });
        }
        for (position, answer) in new_attempt.answers.iter().enumerate() {
            let was_answered = same_attempt.is_some_and(|o| o.answers[position].is_some() && o.tries[position] == new_attempt.tries[position]);
            if answer.is_some() && !was_answered {
                out.push(Event::Answered { quiz, position });
            }
        }
        if new_attempt.phase == Phase::Finished && same_attempt.is_none_or(|o| o.phase != Phase::Finished) {
            out.push(Event::Completed { quiz });
        }
    }
    if let Some(round) = &after.practice {
        let old = before.practice.as_ref().filter(|o| o.quiz == round.quiz && o.attempt.seed == round.attempt.seed);
        for (position, answer) in round.attempt.answers.iter().enumerate() {
            let was_answered = old.is_some_and(|o| o.attempt.answers[position].is_some() && o.attempt.tries[position] == round.attempt.tries[position]);
            if answer.is_some() && !was_answered {
                out.push(Event::Practised { quiz: round.quiz, position });
            }
        }
    }
    out
}

//! A dialogue: a whole conversation the learner practises with one person. The other
//! person says a line, the learner picks one of 2 to `MAX_REPLIES` replies, and the
//! reply leads to the next step (or, by the points collected so far, to another), until
//! an ending. Each reply earns 0 up to its step's best points; the dialogue's credit is
//! the points of the learner's way through it over the best way's.
//!
//! Everything here follows from the content and a path (the reply chosen at each step,
//! in order): where the conversation stands, its points, the best way through. The
//! content is checked where it is authored (`tere-authoring`) and again where a pack
//! is read (`packed`): every `next` in range, no loop, no way longer than
//! `MAX_DIALOGUE_STEPS`; so every walk here ends.

use crate::media::Media;
use crate::model::{List, Speaker, Text};
use crate::packed::{check, PackError, PackWriter, Read, Reader};

/// Most steps along any way through a dialogue: it always ends.
pub const MAX_DIALOGUE_STEPS: usize = 12;
/// Most replies a step offers.
pub const MAX_REPLIES: usize = 4;
/// Most points one reply earns.
pub const MAX_REPLY_POINTS: u8 = 9;
/// Most steps, and most endings, a dialogue has (indices are bytes).
pub const MAX_DIALOGUE_NODES: usize = 40;

/// How the other person feels, shown with a face and a word (never colour alone).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mood {
    Calm,
    Impatient,
    Annoyed,
    Pleased,
}

impl Mood {
    pub const ALL: [Mood; 4] = [Mood::Calm, Mood::Impatient, Mood::Annoyed, Mood::Pleased];

    /// Its name in content files.
    pub fn name(self) -> &'static str {
        match self {
            Mood::Calm => "calm",
            Mood::Impatient => "impatient",
            Mood::Annoyed => "annoyed",
            Mood::Pleased => "pleased",
        }
    }

    pub fn parse(name: &str) -> Option<Mood> {
        Mood::ALL.into_iter().find(|m| m.name() == name)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Dialogue {
    /// Who speaks, unless a step names someone else.
    pub speaker: Speaker,
    /// Each reply's feedback right after it ("coach"), or all of it in the debrief
    /// only ("real conversation").
    pub coach: bool,
    /// The conversation starts at the first.
    pub steps: List<Step>,
    pub endings: List<Ending>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    /// Stable within its dialogue (reports name the step by it).
    pub id: Text,
    /// Who says the line, when not the dialogue's speaker.
    pub speaker: Option<Speaker>,
    pub line: Text,
    pub mood: Option<Mood>,
    /// The heading of the material's section the step practises (the debrief points
    /// there where points were lost).
    pub section: Text,
    /// A picture or sound shown with the line.
    pub media: Option<Media>,
    pub replies: List<Reply>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Reply {
    pub text: Text,
    pub points: u8,
    pub feedback: Text,
    /// Where the reply leads unless a branch says otherwise.
    pub next: Next,
    /// Checked in order: the first whose threshold the points so far meet decides.
    pub branches: List<Branch>,
}

/// Another way on, taken when the conversation has collected at least `at_least`
/// points (the reply's own included).
#[derive(Clone, Debug, PartialEq)]
pub struct Branch {
    pub at_least: u16,
    pub next: Next,
}

/// A step or an ending, by its index in the dialogue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Next {
    Step(u8),
    Ending(u8),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Ending {
    pub id: Text,
    /// The other person's last line.
    pub line: Text,
    pub mood: Option<Mood>,
    /// Whether the conversation went well (the debrief says so, not only the score).
    pub good: bool,
    pub debrief: Text,
}

/// One reply taken on a way through the dialogue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Taken {
    pub step: u8,
    pub reply: u8,
    /// The points collected with this reply.
    pub points: u16,
}

/// Where a conversation stands after a path of replies.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Walk {
    pub taken: Vec<Taken>,
    /// The step whose replies are offered now, or the ending reached.
    pub at: Next,
}

impl Walk {
    pub fn points(&self) -> u16 {
        self.taken.last().map_or(0, |t| t.points)
    }

    pub fn ended(&self) -> bool {
        matches!(self.at, Next::Ending(_))
    }
}

impl Reply {
    /// Where the reply leads once the conversation has collected `points`.
    pub fn leads_to(&self, points: u16) -> Next {
        self.branches.iter().find(|b| points >= b.at_least).map_or(self.next, |b| b.next)
    }
}

impl Step {
    /// The most points one of its replies earns.
    pub fn best(&self) -> u8 {
        self.replies.iter().map(|r| r.points).max().unwrap_or(0)
    }
}

impl Dialogue {
    /// Follows `path`, a reply index per step, from the start; `None` when it does not
    /// fit: a reply the step lacks, or a reply past an ending.
    pub fn walk(&self, path: &[u8]) -> Option<Walk> {
        let mut walk = Walk { taken: Vec::with_capacity(path.len()), at: Next::Step(0) };
        for &reply in path {
            let Next::Step(step) = walk.at else { return None };
            let chosen = self.steps.get(usize::from(step))?.replies.get(usize::from(reply))?;
            let points = walk.points() + u16::from(chosen.points);
            walk.taken.push(Taken { step, reply, points });
            walk.at = chosen.leads_to(points);
        }
        Some(walk)
    }

    /// The words of the replies `path` says, in order (none for a path that does not fit).
    pub fn said(&self, path: &[u8]) -> Vec<String> {
        let words = |t: &Taken| self.steps[usize::from(t.step)].replies[usize::from(t.reply)].text.to_string();
        self.walk(path).map_or_else(Vec::new, |w| w.taken.iter().map(words).collect())
    }

    /// The best way through: the replies that collect the most points, the first of
    /// equals in content order; and those points. Its steps are the best path the
    /// debrief shows beside the learner's.
    pub fn best_path(&self) -> (Vec<u8>, u16) {
        let mut best = Best { dialogue: self, known: Vec::new() };
        let mut path = Vec::new();
        let (mut at, mut points) = (Next::Step(0), 0u16);
        let total = best.from(at, points);
        while let Next::Step(step) = at {
            let step_ref = &self.steps[usize::from(step)];
            let remaining = total - points;
            let Some((index, reply)) = step_ref.replies.iter().enumerate().find(|(_, r)| {
                let after = points + u16::from(r.points);
                u16::from(r.points) + best.from(r.leads_to(after), after) == remaining
            }) else {
                break;
            };
            points += u16::from(reply.points);
            path.push(index as u8);
            at = reply.leads_to(points);
        }
        (path, total)
    }

    /// The most points any way through the dialogue collects.
    pub fn best_points(&self) -> u16 {
        Best { dialogue: self, known: Vec::new() }.from(Next::Step(0), 0)
    }

    /// The credit, 0 to 1, of a path: its points over the best way's; 0 for a path
    /// that does not fit or has not reached an ending.
    pub fn credit(&self, path: &[u8]) -> f64 {
        let best = self.best_points();
        match self.walk(path) {
            Some(walk) if walk.ended() && best > 0 => f64::from(walk.points().min(best)) / f64::from(best),
            _ => 0.0,
        }
    }

    /// The most points a conversation collects, which bounds every branch threshold
    /// that matters and the memo below.
    fn points_cap(&self) -> u16 {
        (MAX_DIALOGUE_STEPS * usize::from(MAX_REPLY_POINTS)) as u16
    }
}

// ---- Its packed form (`packed`'s grammar) ----

/// The byte a mood is packed as (0: none).
fn mood_byte(mood: Option<Mood>) -> u8 {
    mood.map_or(0, |m| Mood::ALL.iter().position(|&x| x == m).map_or(0, |i| i as u8 + 1))
}

/// Reads a dialogue's body, refusing one with any `Problem`:
///
/// ```text
/// dialogue = speaker u8:coach n:count step* n:count ending*
/// step     = t:id u8:0 | u8:1 speaker   t:line u8:mood t:section media n:count reply*
/// reply    = u8:points t:text t:feedback next n:count (n:at_least next)*
/// next     = u8:0 n:step | u8:1 n:ending
/// ending   = t:id t:line u8:mood u8:good t:debrief
/// mood     = 0 (none) | 1 + its place in `Mood::ALL`
/// media    = `media::read`'s grammar
/// ```
pub(crate) fn read(r: &mut Reader) -> Read<Dialogue> {
    fn mood(r: &mut Reader) -> Read<Option<Mood>> {
        match r.byte()? {
            0 => Ok(None),
            n => Mood::ALL.get(usize::from(n) - 1).copied().map(Some).ok_or(PackError::Damaged),
        }
    }
    fn next(r: &mut Reader) -> Read<Next> {
        let ending = r.flag()?;
        let index = u8::try_from(r.count()?).map_err(|_| PackError::Damaged)?;
        Ok(if ending { Next::Ending(index) } else { Next::Step(index) })
    }
    fn reply(r: &mut Reader) -> Read<Reply> {
        let points = r.byte()?;
        let (text, feedback) = (r.text()?, r.text()?);
        let default = next(r)?;
        let branches = r.list(|r| Ok(Branch { at_least: u16::try_from(r.count()?).map_err(|_| PackError::Damaged)?, next: next(r)? }))?;
        Ok(Reply { text, points, feedback, next: default, branches })
    }
    fn step(r: &mut Reader) -> Read<Step> {
        let id = r.text()?;
        let speaker = if r.flag()? { Some(r.speaker()?) } else { None };
        let line = r.text()?;
        let mood = mood(r)?;
        let section = r.text()?;
        let media = crate::media::read(r)?;
        let replies = r.list(reply)?;
        Ok(Step { id, speaker, line, mood, section, media, replies })
    }
    fn ending(r: &mut Reader) -> Read<Ending> {
        let (id, line) = (r.text()?, r.text()?);
        let mood = mood(r)?;
        let good = r.flag()?;
        Ok(Ending { id, line, mood, good, debrief: r.text()? })
    }
    let speaker = r.speaker()?;
    let coach = r.flag()?;
    let steps = r.list(step)?;
    let endings = r.list(ending)?;
    let dialogue = Dialogue { speaker, coach, steps, endings };
    check(dialogue.problems().is_empty())?;
    Ok(dialogue)
}

/// Writes `dialogue` as `read` reads it.
pub fn write(dialogue: &Dialogue, w: &mut impl PackWriter) {
    fn next(w: &mut impl PackWriter, next: Next) {
        let (ending, index) = match next {
            Next::Step(i) => (0, i),
            Next::Ending(i) => (1, i),
        };
        w.byte(ending);
        w.count(usize::from(index));
    }
    w.speaker(&dialogue.speaker);
    w.byte(u8::from(dialogue.coach));
    w.count(dialogue.steps.len());
    for step in dialogue.steps.iter() {
        w.text(&step.id);
        match &step.speaker {
            Some(speaker) => {
                w.byte(1);
                w.speaker(speaker);
            }
            None => w.byte(0),
        }
        w.text(&step.line);
        w.byte(mood_byte(step.mood));
        w.text(&step.section);
        crate::media::write(step.media.as_ref(), w);
        w.count(step.replies.len());
        for reply in step.replies.iter() {
            w.byte(reply.points);
            w.text(&reply.text);
            w.text(&reply.feedback);
            next(w, reply.next);
            w.count(reply.branches.len());
            for branch in reply.branches.iter() {
                w.count(usize::from(branch.at_least));
                next(w, branch.next);
            }
        }
    }
    w.count(dialogue.endings.len());
    for ending in dialogue.endings.iter() {
        w.text(&ending.id);
        w.text(&ending.line);
        w.byte(mood_byte(ending.mood));
        w.byte(u8::from(ending.good));
        w.text(&ending.debrief);
    }
}

/// What makes a dialogue unplayable, found by `Dialogue::problems`: authoring reports
/// each where it was written; a pack that has any is damaged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    /// No step, or more steps or endings than `MAX_DIALOGUE_NODES`.
    Size,
    /// A step offers fewer than 2 or more than `MAX_REPLIES` replies.
    Replies { step: usize },
    /// A reply earns more than `MAX_REPLY_POINTS`.
    Points { step: usize, reply: usize },
    /// Every reply of a step earns the same points: none is the best.
    NoBest { step: usize },
    /// A reply or branch leads to a step or ending that does not exist.
    Missing { step: usize, reply: usize },
    /// A way from this step comes back to it: the conversation might never end.
    Loop { step: usize },
    /// A way through is longer than `MAX_DIALOGUE_STEPS` steps.
    TooLong,
    /// No way from the start reaches it.
    Unreachable(Next),
}

impl Dialogue {
    /// Everything that makes it unplayable (empty for a dialogue the engine can play:
    /// every way through it ends, within `MAX_DIALOGUE_STEPS` steps).
    pub fn problems(&self) -> Vec<Problem> {
        let mut out = Vec::new();
        let (steps, endings) = (self.steps.len(), self.endings.len());
        if steps == 0 || endings == 0 || steps > MAX_DIALOGUE_NODES || endings > MAX_DIALOGUE_NODES {
            return vec![Problem::Size];
        }
        let exists = |next: Next| match next {
            Next::Step(i) => usize::from(i) < steps,
            Next::Ending(i) => usize::from(i) < endings,
        };
        for (s, step) in self.steps.iter().enumerate() {
            if !(2..=MAX_REPLIES).contains(&step.replies.len()) {
                out.push(Problem::Replies { step: s });
            }
            for (r, reply) in step.replies.iter().enumerate() {
                if reply.points > MAX_REPLY_POINTS {
                    out.push(Problem::Points { step: s, reply: r });
                }
                if !ways(reply).all(exists) {
                    out.push(Problem::Missing { step: s, reply: r });
                }
            }
            if step.replies.len() >= 2 && step.replies.iter().all(|r| r.points == step.replies[0].points) {
                out.push(Problem::NoBest { step: s });
            }
        }
        if !out.is_empty() {
            return out;
        }
        // The longest way on from each step, in steps; a step met again on the way is a loop.
        #[derive(Clone, Copy, PartialEq)]
        enum Mark {
            New,
            Open,
            Done(usize),
        }
        fn longest(d: &Dialogue, step: usize, marks: &mut [Mark], out: &mut Vec<Problem>) -> usize {
            match marks[step] {
                Mark::Done(n) => return n,
                Mark::Open => {
                    out.push(Problem::Loop { step });
                    return 0;
                }
                Mark::New => marks[step] = Mark::Open,
            }
            let mut most = 0;
            for reply in d.steps[step].replies.iter() {
                for next in ways(reply) {
                    if let Next::Step(n) = next {
                        most = most.max(longest(d, usize::from(n), marks, out));
                    }
                }
            }
            marks[step] = Mark::Done(most + 1);
            most + 1
        }
        let mut marks = vec![Mark::New; steps];
        if longest(self, 0, &mut marks, &mut out) > MAX_DIALOGUE_STEPS {
            out.push(Problem::TooLong);
        }
        let mut ended = vec![false; endings];
        for step in self.steps.iter().zip(&marks).filter(|(_, m)| **m != Mark::New).map(|(step, _)| step) {
            for next in step.replies.iter().flat_map(ways) {
                if let Next::Ending(e) = next {
                    ended[usize::from(e)] = true;
                }
            }
        }
        out.extend(marks.iter().enumerate().filter(|(_, m)| **m == Mark::New).map(|(s, _)| Problem::Unreachable(Next::Step(s as u8))));
        out.extend(ended.iter().enumerate().filter(|(_, reached)| !**reached).map(|(e, _)| Problem::Unreachable(Next::Ending(e as u8))));
        out
    }
}

/// Every way a reply may lead: its branches' and its own.
fn ways(reply: &Reply) -> impl Iterator<Item = Next> + '_ {
    reply.branches.iter().map(|b| b.next).chain([reply.next])
}

/// The best points still to collect from a step with some points already collected,
/// remembered per (step, points): branches by points make the way depend on both.
struct Best<'a> {
    dialogue: &'a Dialogue,
    known: Vec<Option<u16>>,
}

impl Best<'_> {
    fn from(&mut self, at: Next, points: u16) -> u16 {
        let Next::Step(step) = at else { return 0 };
        let width = usize::from(self.dialogue.points_cap()) + 1;
        let slot = usize::from(step) * width + usize::from(points.min(self.dialogue.points_cap()));
        if self.known.is_empty() {
            self.known = vec![None; self.dialogue.steps.len() * width];
        }
        if let Some(known) = self.known.get(slot).copied().flatten() {
            return known;
        }
        let Some(step_ref) = self.dialogue.steps.get(usize::from(step)) else { return 0 };
        let mut best = 0;
        for reply in step_ref.replies.iter() {
            let after = points + u16::from(reply.points);
            best = best.max(u16::from(reply.points) + self.from(reply.leads_to(after), after));
        }
        if let Some(entry) = self.known.get_mut(slot) {
            *entry = Some(best);
        }
        best
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    fn reply(points: u8, next: Next) -> Reply {
        Reply { text: format!("{points}").into(), points, feedback: "".into(), next, branches: Vec::new().into() }
    }

    fn step(id: &str, replies: Vec<Reply>) -> Step {
        Step { id: id.to_string().into(), speaker: None, line: "…".into(), mood: None, section: "".into(), media: None, replies: replies.into() }
    }

    fn ending(id: &str, good: bool) -> Ending {
        Ending { id: id.to_string().into(), line: "".into(), mood: None, good, debrief: "".into() }
    }

    /// Three steps; at the second, the customer calms down (step 2) only with 3 points
    /// so far, else the conversation goes wrong at once.
    pub(crate) fn calming() -> Dialogue {
        let mut calm = reply(2, Next::Ending(1));
        calm.branches = vec![Branch { at_least: 3, next: Next::Step(2) }].into();
        let steps = vec![
            step("open", vec![reply(0, Next::Step(1)), reply(2, Next::Step(1)), reply(1, Next::Step(1))]),
            step("insult", vec![calm, reply(0, Next::Ending(1))]),
            step("solve", vec![reply(2, Next::Ending(0)), reply(1, Next::Ending(0))]),
        ];
        Dialogue { speaker: Speaker::Customer, coach: true, steps: steps.into(), endings: vec![ending("good", true), ending("bad", false)].into() }
    }

    #[test]
    fn a_walk_follows_the_replies_and_counts_points() {
        let d = calming();
        let walk = d.walk(&[1, 0]).unwrap();
        assert_eq!(walk.points(), 4);
        assert_eq!(walk.at, Next::Step(2), "4 points: the customer calms down");
        let walk = d.walk(&[1, 0, 0]).unwrap();
        assert!(walk.ended());
        assert_eq!(walk.at, Next::Ending(0));
        assert_eq!(walk.points(), 6);
    }

    #[test]
    fn a_branch_by_points_goes_the_other_way_below_its_threshold() {
        let d = calming();
        // The same calm reply after a cold opening: 2 points, not enough.
        let walk = d.walk(&[0, 0]).unwrap();
        assert_eq!(walk.at, Next::Ending(1));
        assert_eq!(walk.points(), 2);
        assert_eq!(d.credit(&[0, 0]), 2.0 / 6.0);
    }

    #[test]
    fn a_path_that_does_not_fit_is_refused_and_earns_nothing() {
        let d = calming();
        assert_eq!(d.walk(&[5]), None, "no such reply");
        assert_eq!(d.walk(&[0, 1, 0]), None, "a reply past the ending");
        assert_eq!(d.credit(&[1, 0]), 0.0, "not ended yet");
        assert_eq!(d.credit(&[]), 0.0);
    }

    #[test]
    fn the_best_path_takes_the_best_reply_where_it_pays_and_is_full_credit() {
        let d = calming();
        let (path, points) = d.best_path();
        assert_eq!((path.as_slice(), points), ([1, 0, 0].as_slice(), 6));
        assert_eq!(d.best_points(), 6);
        assert_eq!(d.credit(&path), 1.0);
    }

    #[test]
    fn the_best_path_may_pass_up_points_now_for_more_later() {
        // Step 0: 2 points end at once; 0 points lead on to a step worth 3.
        let steps =
            vec![step("a", vec![reply(2, Next::Ending(0)), reply(0, Next::Step(1))]), step("b", vec![reply(3, Next::Ending(0)), reply(0, Next::Ending(0))])];
        let d = Dialogue { speaker: Speaker::Customer, coach: false, steps: steps.into(), endings: vec![ending("end", true)].into() };
        assert_eq!(d.best_path(), (vec![1, 0], 3));
        assert_eq!(d.credit(&[0]), 2.0 / 3.0);
    }

    #[test]
    fn a_playable_dialogue_has_no_problems() {
        assert_eq!(calming().problems(), []);
    }

    #[test]
    fn loops_missing_ways_unreachable_parts_and_ties_are_problems() {
        let mut d = calming();
        let mut steps = d.steps.to_vec();
        steps[2].replies.to_mut()[1].next = Next::Step(1);
        d.steps = steps.into();
        assert!(d.problems().contains(&Problem::Loop { step: 1 }), "{:?}", d.problems());

        let mut d = calming();
        let mut steps = d.steps.to_vec();
        steps[0].replies.to_mut()[0].next = Next::Ending(7);
        d.steps = steps.into();
        assert_eq!(d.problems(), [Problem::Missing { step: 0, reply: 0 }]);

        let mut d = calming();
        let mut endings = d.endings.to_vec();
        endings.push(ending("never", false));
        d.endings = endings.into();
        assert_eq!(d.problems(), [Problem::Unreachable(Next::Ending(2))]);

        let mut d = calming();
        let mut steps = d.steps.to_vec();
        steps.push(step("lost", vec![reply(1, Next::Ending(0)), reply(0, Next::Ending(0))]));
        steps[1].replies.to_mut()[1].points = 2;
        d.steps = steps.into();
        assert_eq!(d.problems(), [Problem::NoBest { step: 1 }]);
        let mut steps = d.steps.to_vec();
        steps[1].replies.to_mut()[1].points = 0;
        d.steps = steps.into();
        assert_eq!(d.problems(), [Problem::Unreachable(Next::Step(3))]);
    }

    #[test]
    fn a_way_longer_than_the_cap_is_a_problem() {
        let steps: Vec<Step> = (0..=MAX_DIALOGUE_STEPS)
            .map(|i| {
                let next = if i == MAX_DIALOGUE_STEPS { Next::Ending(0) } else { Next::Step(i as u8 + 1) };
                step(&format!("s{i}"), vec![reply(1, next), reply(0, next)])
            })
            .collect();
        let d = Dialogue { speaker: Speaker::Customer, coach: true, steps: steps.into(), endings: vec![ending("end", true)].into() };
        assert_eq!(d.problems(), [Problem::TooLong]);
    }

    #[test]
    fn moods_read_back_from_their_names() {
        for mood in Mood::ALL {
            assert_eq!(Mood::parse(mood.name()), Some(mood));
        }
        assert_eq!(Mood::parse("angry"), None);
    }
}

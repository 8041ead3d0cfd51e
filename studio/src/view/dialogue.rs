//! A dialogue in the editor: a map of it (steps and endings as boxes, replies as
//! arrows, the best way through drawn thick), its feedback mode, each step (the other
//! person's line and the learner's replies, each with its points, feedback and where it
//! leads) and each ending (the last line, whether it went well, the debrief). A reply
//! leads to a step or an ending chosen by id from those the dialogue has.

use tere_authoring::draft::keys;
use tere_authoring::{Draft, Field};
use tere_engine::dialogue::{Branch, Dialogue, Ending, Next, Reply, Step, MAX_DIALOGUE_NODES, MAX_REPLIES, MAX_REPLY_POINTS};
use tere_engine::Speaker;
use yew::prelude::*;

use super::fields::{checkbox, index, key, number, select, small_button, text};
use super::question::remove_part;
use super::Ctx;
use crate::i18n::fill;
use crate::state::Change;

pub fn editor(ctx: &Ctx, q: &Field) -> Html {
    let ui = ctx.ui;
    let draft = &ctx.studio.draft;
    let steps = key(q, keys::STEP);
    let endings = key(q, keys::ENDING);
    let graph = Graph::read(draft, q);
    // Where a reply may lead: every step and ending, by id.
    let targets: Vec<(String, String)> = graph
        .steps
        .iter()
        .map(|s| (s.id.clone(), format!("{}: {}", ui.steps, s.id)))
        .chain(graph.endings.iter().map(|e| (e.id.clone(), format!("{}: {e}", ui.endings, e = e.id))))
        .collect();
    let modes = [("coach".to_string(), ui.mode_coach.to_string()), ("real".to_string(), ui.mode_real.to_string())];
    let (n_steps, n_endings) = (draft.len(&steps), draft.len(&endings));
    let (add_step, add_ending) = (steps.clone(), endings.clone());
    html! {
        <div class="dialogue-editor">
            { map(ctx, &graph) }
            { select(ctx, ui.dialogue_mode, &key(q, keys::MODE), &modes) }
            <fieldset class="steps">
                <legend>{ ui.steps }</legend>
                <ol>
                { for (0..n_steps).map(|i| {
                    let step = index(&steps, i);
                    let replies = key(&step, keys::REPLY);
                    let n_replies = draft.len(&replies);
                    let add_reply = replies.clone();
                    html! {
                        <li class="step-editor" data-step={i.to_string()}>
                            <h4>{ fill(ui.step_n, &[("{n}", &(i + 1).to_string())]) }</h4>
                            { text(ctx, ui.part_id, &key(&step, keys::ID), false) }
                            { text(ctx, ui.other_says, &key(&step, keys::LINE), true) }
                            { super::media::media(ctx, &step) }
                            <ol class="replies">
                            { for (0..n_replies).map(|j| {
                                let reply = index(&replies, j);
                                html! {
                                    <li class="reply-editor">
                                        { text(ctx, &fill(ui.reply_n, &[("{n}", &(j + 1).to_string())]), &key(&reply, keys::TEXT), true) }
                                        { number(ctx, ui.points, &key(&reply, keys::POINTS), 0, i64::from(MAX_REPLY_POINTS), "0") }
                                        { text(ctx, ui.feedback, &key(&reply, keys::FEEDBACK), true) }
                                        { select(ctx, ui.goes_to, &key(&reply, keys::NEXT), &targets) }
                                        <div class="tools">{ remove_part(ctx, "reply-remove", n_replies > 2, &key(&reply, keys::TEXT), &reply) }</div>
                                    </li>
                                }
                            }) }
                            </ol>
                            <div class="tools">
                                { small_button(ctx, ui.add_reply, "reply-add", n_replies < MAX_REPLIES, move || Change::Append(add_reply.clone())) }
                                { remove_part(ctx, "step-remove", n_steps > 1, &key(&step, keys::LINE), &step) }
                            </div>
                        </li>
                    }
                }) }
                </ol>
                { small_button(ctx, ui.add_step, "step-add", n_steps < MAX_DIALOGUE_NODES, move || Change::Append(add_step.clone())) }
            </fieldset>
            <fieldset class="endings">
                <legend>{ ui.endings }</legend>
                <ol>
                { for (0..n_endings).map(|i| {
                    let ending = index(&endings, i);
                    html! {
                        <li class="ending-editor" data-ending={i.to_string()}>
                            <h4>{ fill(ui.ending_n, &[("{n}", &(i + 1).to_string())]) }</h4>
                            { text(ctx, ui.part_id, &key(&ending, keys::ID), false) }
                            { text(ctx, ui.other_says, &key(&ending, keys::LINE), true) }
                            { checkbox(ctx, ui.good_ending, &key(&ending, keys::GOOD)) }
                            { text(ctx, ui.debrief, &key(&ending, keys::DEBRIEF), true) }
                            <div class="tools">{ remove_part(ctx, "ending-remove", n_endings > 1, &key(&ending, keys::LINE), &ending) }</div>
                        </li>
                    }
                }) }
                </ol>
                { small_button(ctx, ui.add_ending, "ending-add", n_endings < MAX_DIALOGUE_NODES, move || Change::Append(add_ending.clone())) }
            </fieldset>
        </div>
    }
}

/// The dialogue as the draft holds it now (validation may still object): each step's
/// replies with their points and where they lead, by id.
struct Graph {
    steps: Vec<StepNode>,
    endings: Vec<EndingNode>,
}

struct StepNode {
    id: String,
    replies: Vec<ReplyEdge>,
}

/// A reply's points, the id it leads to, and its branches' thresholds and ids.
type ReplyEdge = (u8, String, Vec<(u16, String)>);

struct EndingNode {
    id: String,
    good: bool,
}

impl Graph {
    fn read(draft: &Draft, q: &Field) -> Graph {
        let list = |name: &str| {
            let list = key(q, name);
            (0..draft.len(&list)).map(move |i| index(&list, i))
        };
        let id = |part: &Field| draft.get_str(&key(part, keys::ID)).unwrap_or_default();
        let steps = list(keys::STEP)
            .map(|step| {
                let replies = key(&step, keys::REPLY);
                let replies = (0..draft.len(&replies))
                    .map(|j| {
                        let reply = index(&replies, j);
                        let branch = key(&reply, "branch");
                        let branches = (0..draft.len(&branch))
                            .map(|k| {
                                let b = index(&branch, k);
                                (
                                    draft.get_int(&key(&b, "at_least")).unwrap_or(0).clamp(0, i64::from(u16::MAX)) as u16,
                                    draft.get_str(&key(&b, keys::NEXT)).unwrap_or_default(),
                                )
                            })
                            .collect();
                        let points = draft.get_int(&key(&reply, keys::POINTS)).unwrap_or(0).clamp(0, i64::from(MAX_REPLY_POINTS)) as u8;
                        (points, draft.get_str(&key(&reply, keys::NEXT)).unwrap_or_default(), branches)
                    })
                    .collect();
                StepNode { id: id(&step), replies }
            })
            .collect();
        let endings = list(keys::ENDING).map(|e| EndingNode { id: id(&e), good: draft.get_bool(&key(&e, keys::GOOD)).unwrap_or(false) }).collect();
        Graph { steps, endings }
    }

    /// Where an id leads, if it names a part.
    fn target(&self, id: &str) -> Option<Next> {
        match self.steps.iter().position(|s| s.id == id) {
            Some(i) => Some(Next::Step(i as u8)),
            None => self.endings.iter().position(|e| e.id == id).map(|i| Next::Ending(i as u8)),
        }
    }

    /// The engine's dialogue, when every reply leads somewhere and it has no loop or
    /// other problem (the best way is then the engine's).
    fn dialogue(&self) -> Option<Dialogue> {
        let steps = self
            .steps
            .iter()
            .map(|s| {
                let replies = s
                    .replies
                    .iter()
                    .map(|(points, next, branches)| {
                        let branches = branches
                            .iter()
                            .map(|(at_least, next)| Some(Branch { at_least: *at_least, next: self.target(next)? }))
                            .collect::<Option<Vec<_>>>()?;
                        Some(Reply { text: "".into(), points: *points, feedback: "".into(), next: self.target(next)?, branches: branches.into() })
                    })
                    .collect::<Option<Vec<_>>>()?;
                Some(Step { id: s.id.clone().into(), speaker: None, line: "".into(), mood: None, section: "".into(), media: None, replies: replies.into() })
            })
            .collect::<Option<Vec<_>>>()?;
        let endings =
            self.endings.iter().map(|e| Ending { id: e.id.clone().into(), line: "".into(), mood: None, good: e.good, debrief: "".into() }).collect::<Vec<_>>();
        let d = Dialogue { speaker: Speaker::Customer, coach: true, steps: steps.into(), endings: endings.into() };
        d.problems().is_empty().then_some(d)
    }
}

const BOX_W: i32 = 120;
const BOX_H: i32 = 34;
const COL: i32 = 160;
const ROW: i32 = 50;

/// Steps in columns by how far from the start they are (the fewest replies away),
/// endings in the last column; an arrow for every way a reply leads, dashed for a way
/// by points, thick along the best way through.
fn map(ctx: &Ctx, graph: &Graph) -> Html {
    if graph.steps.is_empty() {
        return Html::default();
    }
    let mut depth: Vec<Option<usize>> = vec![None; graph.steps.len()];
    depth[0] = Some(0);
    let mut frontier = vec![0usize];
    while let Some(s) = frontier.pop() {
        let d = depth[s].unwrap_or(0);
        for (_, next, branches) in &graph.steps[s].replies {
            for id in std::iter::once(next).chain(branches.iter().map(|(_, n)| n)) {
                if let Some(Next::Step(t)) = graph.target(id) {
                    let t = usize::from(t);
                    if depth[t].is_none_or(|old| old > d + 1) {
                        depth[t] = Some(d + 1);
                        frontier.push(t);
                    }
                }
            }
        }
    }
    let last = depth.iter().flatten().max().copied().unwrap_or(0) + 1;
    // Steps no way reaches stand in the last step column, so they are seen.
    let column = |s: usize| depth[s].unwrap_or(last.saturating_sub(1).max(1));
    let mut rows = vec![0i32; last + 1];
    let mut at = |col: usize| {
        let row = rows[col];
        rows[col] += 1;
        (10 + col as i32 * COL, 10 + row * ROW)
    };
    let step_at: Vec<(i32, i32)> = (0..graph.steps.len()).map(|s| at(column(s))).collect();
    let ending_at: Vec<(i32, i32)> = (0..graph.endings.len()).map(|_| at(last)).collect();
    let place = |next: Next| match next {
        Next::Step(i) => step_at[usize::from(i)],
        Next::Ending(i) => ending_at[usize::from(i)],
    };
    // The best way's arrows: (from step, to).
    let best: Vec<(usize, Next)> = graph
        .dialogue()
        .map(|d| {
            let (path, _) = d.best_path();
            d.walk(&path)
                .map(|w| w.taken.iter().map(|t| (usize::from(t.step), d.steps[usize::from(t.step)].replies[usize::from(t.reply)].leads_to(t.points))).collect())
                .unwrap_or_default()
        })
        .unwrap_or_default();
    let mut arrows = Vec::new();
    for (s, step) in graph.steps.iter().enumerate() {
        for (_, next, branches) in &step.replies {
            let ways = std::iter::once((next, false)).chain(branches.iter().map(|(_, n)| (n, true)));
            for (id, by_points) in ways {
                let Some(to) = graph.target(id) else { continue };
                if arrows.iter().any(|(f, t, b, _)| *f == s && *t == to && *b == by_points) {
                    continue;
                }
                arrows.push((s, to, by_points, best.contains(&(s, to))));
            }
        }
    }
    let width = 20 + (last as i32 + 1) * COL;
    let height = 20 + rows.iter().max().copied().unwrap_or(1) * ROW;
    let summary =
        format!("{}: {} {}, {} {}", ctx.ui.dialogue_map, graph.steps.len(), ctx.ui.steps.to_lowercase(), graph.endings.len(), ctx.ui.endings.to_lowercase());
    html! {
        <figure class="dialogue-map">
            // At its own size (its words stay readable), scrolled sideways when wider than the column.
            <svg viewBox={format!("0 0 {width} {height}")} width={width.to_string()} height={height.to_string()} role="img" aria-label={summary}>
                { for arrows.iter().map(|&(from, to, by_points, on_best)| {
                    let (x1, y1) = step_at[from];
                    let (x2, y2) = place(to);
                    let class = classes!("way", by_points.then_some("by-points"), on_best.then_some("best"));
                    html! { <line class={class} x1={(x1 + BOX_W).to_string()} y1={(y1 + BOX_H / 2).to_string()} x2={x2.to_string()} y2={(y2 + BOX_H / 2).to_string()} /> }
                }) }
                { for graph.steps.iter().zip(&step_at).map(|(s, &(x, y))| node(&s.id, x, y, "step")) }
                { for graph.endings.iter().zip(&ending_at).map(|(e, &(x, y))| node(&e.id, x, y, if e.good { "ending good" } else { "ending bad" })) }
            </svg>
            <figcaption>{ ctx.ui.map_best }{ " · " }{ ctx.ui.map_branch }</figcaption>
        </figure>
    }
}

/// A part of the dialogue as a box with its id.
fn node(id: &str, x: i32, y: i32, class: &'static str) -> Html {
    let shown: String = if id.chars().count() > 16 { id.chars().take(15).chain(['…']).collect() } else { id.to_string() };
    html! {
        <g class={classes!("node", class)} data-part={id.to_string()}>
            <rect x={x.to_string()} y={y.to_string()} width={BOX_W.to_string()} height={BOX_H.to_string()} rx="6" />
            <text x={(x + 8).to_string()} y={(y + 21).to_string()}>{ shown }</text>
        </g>
    }
}

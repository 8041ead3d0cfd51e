//! The problems validation found and the lint's advice (each links to its field),
//! publishing (blocked while any problem remains) and the preview.

use std::path::Path;

use yew::prelude::*;

use tere_authoring::draft::keys;
use tere_authoring::Field;

use super::fields::dom_id;
use super::{focus_after_render, Ctx};
use crate::publish::{Output, OUTPUTS, STAGE_OUTPUTS};
use crate::said::{advise, field_label, say};
use crate::state::Change;

/// The problem list; each entry moves focus to the field it concerns.
pub fn problems(ctx: &Ctx) -> Html {
    let ui = ctx.ui;
    let problems = &ctx.studio.problems;
    html! {
        <section class="problems" aria-labelledby="problems-heading">
            <h2 id="problems-heading">{ format!("{} ({})", ui.problems, problems.len()) }</h2>
            if ctx.studio.publishable() {
                <p class="all-good" role="status">{ ui.no_problems }</p>
            } else if problems.is_empty() {
                <p class="checking" role="status">{ ui.checking }</p>
            } else {
                <ul role="list">
                    { for problems.iter().map(|p| entry(ctx, p.at.as_ref(), say(ctx.lang, ui, &p.error.said), (&p.error.file, p.error.line, p.error.column), &p.error.message)) }
                </ul>
            }
        </section>
    }
}

/// The lint's advice on how the questions are written (when the course has no
/// problems): publishing does not wait for it; each entry leads to its question.
pub fn advice(ctx: &Ctx) -> Html {
    let ui = ctx.ui;
    let advice = &ctx.studio.advice;
    if advice.is_empty() {
        return Html::default();
    }
    html! {
        <section class="advice" aria-labelledby="advice-heading">
            <h2 id="advice-heading">{ format!("{} ({})", ui.advice, advice.len()) }</h2>
            <p class="about">{ ui.advice_about }</p>
            <ul role="list">
                { for advice.iter().map(|a| {
                    let w = &a.warning;
                    entry(ctx, a.at.as_ref(), advise(ctx.lang, w.rule).to_string(), (&w.file, w.line, w.column), &w.message)
                }) }
            </ul>
        </section>
    }
}

/// One entry of the problem or advice list: where (the quiz's title and the field's
/// label), what it says in the trainer's words (a link to the field), and the file,
/// line and English message folded under "details".
fn entry(ctx: &Ctx, at: Option<&Field>, words: String, (file, line, column): (&Path, usize, usize), english: &str) -> Html {
    let ui = ctx.ui;
    let quizzes = ctx.studio.draft.quiz_files();
    let place = format!("{}:{line}:{column}", file.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default());
    let quiz_title =
        at.and_then(|f| quizzes.iter().any(|(_, q)| *q == f.file).then(|| ctx.studio.draft.get_str(&Field::file(f.file.as_str()).key(keys::TITLE))).flatten());
    let label = [quiz_title, at.and_then(|f| field_label(ui, f))].into_iter().flatten().collect::<Vec<_>>().join(" · ");
    let question = at.and_then(Field::question_index);
    // A field of another quiz: that quiz is chosen first, then its field gets focus.
    let quiz = at.and_then(|f| quizzes.iter().position(|(_, q)| *q == f.file));
    let dispatch = ctx.dispatch.clone();
    let focus = at.map(dom_id).map(|id| {
        Callback::from(move |_: MouseEvent| {
            if let Some(quiz) = quiz {
                dispatch.dispatch(Change::SelectQuiz(quiz));
            }
            // A question's field is in its card: the card opens first.
            if question.is_some() {
                dispatch.dispatch(Change::OpenQuestion(question));
            }
            focus_after_render(id.clone())
        })
    });
    html! {
        <li class="problem-entry">
            if !label.is_empty() { <span class="where">{ label }</span> }
            if let Some(focus) = focus {
                <button type="button" class="link" onclick={focus}>{ words }</button>
            } else {
                <span>{ words }</span>
            }
            <details class="place">
                <summary>{ ui.details }</summary>
                <code>{ place }</code>{ " " }{ english.to_string() }
            </details>
        </li>
    }
}

/// The publish buttons: each makes one file; all are disabled while problems remain.
/// The whole course's files first, then every stage's package apart (what
/// docs/moodle.md recommends) under their own heading, then the Moodle app's SCORM 1.2.
pub fn actions(ctx: &Ctx, on_publish: &Callback<Output>) -> Html {
    let ui = ctx.ui;
    let blocked = !ctx.studio.publishable();
    let label = |o: Output| match o {
        Output::Scorm2004 => ui.scorm2004,
        Output::Scorm12 => ui.scorm12,
        Output::Offline => ui.offline_file,
        Output::Toml => ui.toml_source,
        Output::Gift => ui.gift,
        Output::Stages2004 => ui.stages2004,
        Output::Stages12 => ui.stages12,
        Output::Cmi5 => ui.cmi5,
        Output::Xapi => ui.xapi,
    };
    let button = |o: Output| {
        let on_publish = on_publish.clone();
        html! {
            <button type="button" class={if o == Output::Scorm2004 { "primary" } else { "secondary" }} data-action={o.hook()} disabled={blocked}
                aria-describedby={blocked.then_some("publish-blocked")} onclick={Callback::from(move |_| on_publish.emit(o))}>
                { label(o) }
            </button>
        }
    };
    html! {
        <section class="publish" aria-labelledby="publish-heading">
            <h2 id="publish-heading">{ ui.publish }</h2>
            // Between an edit and its check there are no problems to fix yet: say it waits.
            if blocked { <p class="blocked" id="publish-blocked">{ if ctx.studio.checked { ui.publish_blocked } else { ui.publish_waits } }</p> }
            <div class="publish-buttons">
                { for OUTPUTS.iter().map(|&o| button(o)) }
            </div>
            <div class="publish-stages" role="group" aria-labelledby="publish-stages-heading" aria-describedby="publish-stages-about">
                <h3 id="publish-stages-heading">{ ui.stages_heading }</h3>
                <p class="about" id="publish-stages-about">{ ui.stages_about }</p>
                <div class="publish-buttons">
                    { for STAGE_OUTPUTS.iter().map(|&o| button(o)) }
                </div>
            </div>
            <p class="about moodle-app">{ ui.moodle_app }</p>
            // A quiz previews while another has problems: only its own stop it (then a notice says so).
            <button type="button" class="secondary" data-action="preview" onclick={ctx.preview.reform(|_| None)}>{ ui.preview }</button>
        </section>
    }
}

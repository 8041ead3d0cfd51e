//! The problems validation found (each links to its field), publishing (blocked
//! while any problem remains) and the preview.

use yew::prelude::*;

use tere_authoring::draft::keys;
use tere_authoring::{Field, Seg};

use super::fields::dom_id;
use super::{focus_after_render, Ctx};
use crate::publish::{Output, OUTPUTS};
use crate::said::{field_label, say};
use crate::state::Change;

/// The problem list; each entry moves focus to the field it concerns.
pub fn problems(ctx: &Ctx) -> Html {
    let ui = ctx.ui;
    let problems = &ctx.studio.problems;
    let quizzes = ctx.studio.draft.quiz_files();
    html! {
        <section class="problems" aria-labelledby="problems-heading">
            <h2 id="problems-heading">{ format!("{} ({})", ui.problems, problems.len()) }</h2>
            if ctx.studio.publishable() {
                <p class="all-good" role="status">{ ui.no_problems }</p>
            } else if problems.is_empty() {
                <p class="checking" role="status">{ ui.checking }</p>
            } else {
                <ul role="list">
                    { for problems.iter().map(|p| {
                        let target = p.at.as_ref().map(dom_id);
                        let place = format!("{}:{}:{}", p.error.file.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default(), p.error.line, p.error.column);
                        let said = say(ctx.lang, ui, &p.error.said);
                        // Where, in the form's words: the quiz's title, then the field's label.
                        let quiz_title = p.at.as_ref().and_then(|f| quizzes.iter().any(|(_, file)| *file == f.file).then(|| ctx.studio.draft.get_str(&Field::file(f.file.as_str()).key(keys::TITLE))).flatten());
                        let label = [quiz_title, p.at.as_ref().and_then(|f| field_label(ui, f))].into_iter().flatten().collect::<Vec<_>>().join(" · ");
                        let question = p.at.as_ref().and_then(|f| match f.path.as_slice() {
                            [Seg::Key(k), Seg::Index(n), ..] if k == keys::QUESTION => Some(*n),
                            _ => None,
                        });
                        // A field of another quiz: that quiz is chosen first, then its field gets focus.
                        let quiz = p.at.as_ref().and_then(|f| quizzes.iter().position(|(_, file)| *file == f.file));
                        let dispatch = ctx.dispatch.clone();
                        let focus = target.map(|id| Callback::from(move |_: MouseEvent| {
                            if let Some(quiz) = quiz {
                                dispatch.dispatch(Change::SelectQuiz(quiz));
                            }
                            // A question's field is in its card: the card opens first.
                            if question.is_some() {
                                dispatch.dispatch(Change::OpenQuestion(question));
                            }
                            focus_after_render(id.clone())
                        }));
                        html! {
                            <li class="problem-entry">
                                if !label.is_empty() { <span class="where">{ label }</span> }
                                if let Some(focus) = focus {
                                    <button type="button" class="link" onclick={focus}>{ said }</button>
                                } else {
                                    <span>{ said }</span>
                                }
                                <details class="place">
                                    <summary>{ ui.details }</summary>
                                    <code>{ place }</code>{ " " }{ p.error.message.clone() }
                                </details>
                            </li>
                        }
                    }) }
                </ul>
            }
        </section>
    }
}

/// The publish buttons: each makes one file; all are disabled while problems remain.
pub fn actions(ctx: &Ctx, on_publish: &Callback<Output>) -> Html {
    let ui = ctx.ui;
    let blocked = !ctx.studio.publishable();
    let label = |o: Output| match o {
        Output::Scorm2004 => ui.scorm2004,
        Output::Scorm12 => ui.scorm12,
        Output::Offline => ui.offline_file,
        Output::Toml => ui.toml_source,
        Output::Gift => ui.gift,
    };
    html! {
        <section class="publish" aria-labelledby="publish-heading">
            <h2 id="publish-heading">{ ui.publish }</h2>
            // Between an edit and its check there are no problems to fix yet: say it waits.
            if blocked { <p class="blocked" id="publish-blocked">{ if ctx.studio.checked { ui.publish_blocked } else { ui.publish_waits } }</p> }
            <div class="publish-buttons">
                { for OUTPUTS.iter().map(|&o| {
                    let on_publish = on_publish.clone();
                    html! {
                        <button type="button" class={if o == Output::Scorm2004 { "primary" } else { "secondary" }} data-action={o.hook()} disabled={blocked}
                            aria-describedby={blocked.then_some("publish-blocked")} onclick={Callback::from(move |_| on_publish.emit(o))}>
                            { label(o) }
                        </button>
                    }
                }) }
            </div>
            // A quiz previews while another has problems: only its own stop it (then a notice says so).
            <button type="button" class="secondary" data-action="preview" onclick={ctx.preview.reform(|_| None)}>{ ui.preview }</button>
        </section>
    }
}

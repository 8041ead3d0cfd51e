//! The course and its quizzes: the course title, the quiz list (select, add,
//! remove, reorder) and the selected quiz's settings and questions.

use tere_authoring::draft::keys;
use tere_authoring::kinds::QuestionType;
use tere_authoring::{Field, Seg};
use tere_engine::model::MAX_TRIES;
use yew::prelude::*;

use super::fields::{checkbox, dom_id, index, key, number, remove_button, select, small_button, text};
use super::question;
use super::{focus_after_render, Ctx};
use crate::i18n::fill;
use crate::i18n::TYPES;
use crate::state::Change;

/// The languages a quiz may be in (what validation accepts).
fn languages() -> Vec<(String, String)> {
    tere_authoring::LANGUAGES.iter().map(|l| (l.to_string(), l.to_string())).collect()
}

pub fn sidebar(ctx: &Ctx) -> Html {
    let ui = ctx.ui;
    let course = Field { file: "course.toml".into(), path: vec![] };
    let quizzes = ctx.studio.draft.quiz_files();
    let n = quizzes.len();
    let add = {
        let (dispatch, title) = (ctx.dispatch.clone(), ui.new_quiz_title.to_string());
        Callback::from(move |_| dispatch.dispatch(Change::AddQuiz { title: title.clone() }))
    };
    html! {
        <nav class="course" aria-label={ui.quizzes}>
            { text(ctx, ui.course_title, &key(&course, keys::TITLE), false) }
            <h2>{ ui.quizzes }</h2>
            <ol class="quiz-list">
                { for quizzes.iter().enumerate().map(|(i, (id, file))| {
                    let title = ctx.studio.draft.get_str(&Field { file: file.clone(), path: vec![Seg::Key(keys::TITLE.into())] }).unwrap_or_else(|| id.clone());
                    let problems = ctx.studio.problems.iter().filter(|p| p.at.as_ref().is_some_and(|f| f.file == *file)).count();
                    let select = { let d = ctx.dispatch.clone(); Callback::from(move |_| d.dispatch(Change::SelectQuiz(i))) };
                    let current = ctx.studio.quiz == i;
                    let title_text = title.clone();
                    html! {
                        <li>
                            <button type="button" class={classes!("quiz-pick", current.then_some("current"))} aria-current={current.then_some("true")} data-quiz-file={file.clone()} onclick={select}>
                                { title }
                                if problems > 0 { <span class="badge" aria-label={ui.count(problems, &ui.problems_count)}>{ problems }</span> }
                            </button>
                            if current {
                                <div class="tools">
                                    { small_button(ctx, ui.move_up, "quiz-up", i > 0, move || Change::MoveQuiz(i, i - 1)) }
                                    { small_button(ctx, ui.move_down, "quiz-down", i + 1 < n, move || Change::MoveQuiz(i, i + 1)) }
                                    { remove_button(ctx, "quiz-remove", n > 1, Some(fill(ui.remove_quiz_confirm, &[("{title}", &title_text), ("{count}", &ui.count(ctx.studio.draft.len(&Field { file: file.clone(), path: vec![Seg::Key(keys::QUESTION.into())] }), &ui.questions_count))])), format!("„{title_text}“"), { let id = id.clone(); move || Change::RemoveQuiz(id.clone()) }) }
                                </div>
                            }
                        </li>
                    }
                }) }
            </ol>
            <button type="button" class="secondary" data-action="quiz-add" onclick={add}>{ ui.add_quiz }</button>
            { sections(ctx) }
        </nav>
    }
}

/// The selected quiz: its settings, then adding a question, finding one, and its
/// questions as cards.
pub fn quiz(ctx: &Ctx) -> Html {
    let ui = ctx.ui;
    let quizzes = ctx.studio.draft.quiz_files();
    let Some((_, file)) = quizzes.get(ctx.studio.quiz).cloned() else { return Html::default() };
    let quiz = Field { file: file.clone(), path: vec![] };
    let questions = key(&quiz, keys::QUESTION);
    let count = ctx.studio.draft.len(&questions);
    let words = ctx.studio.find.trim().to_lowercase();
    let shown: Vec<usize> = (0..count).filter(|i| words.is_empty() || found(ctx, &index(&questions, *i), &words)).collect();
    let on_find = {
        let dispatch = ctx.dispatch.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                dispatch.dispatch(Change::Find(input.value()));
            }
        })
    };
    html! {
        <div class="quiz" data-quiz-file={file.clone()}>
            <section class="quiz-settings" aria-labelledby="quiz-settings-heading">
                <h2 id="quiz-settings-heading">{ ctx.studio.draft.get_str(&key(&quiz, keys::TITLE)).unwrap_or_default() }</h2>
                { text(ctx, ui.quiz_title, &key(&quiz, keys::TITLE), false) }
                { text(ctx, ui.intro, &key(&quiz, keys::INTRO), true) }
                <div class="row">
                    { select(ctx, ui.language, &key(&quiz, keys::LANG), &languages()) }
                    { number(ctx, ui.pass_mark, &key(&quiz, keys::PASS_MARK), 0, 100, "80") }
                    { number(ctx, ui.draw, &key(&quiz, keys::DRAW), 1, 999, ui.draw_all) }
                </div>
                { checkbox(ctx, ui.draw_per_section, &key(&quiz, keys::DRAW_PER_SECTION)) }
                <div class="row">
                    { number(ctx, ui.tries, &key(&quiz, keys::TRIES), 1, MAX_TRIES.into(), "1") }
                    { number(ctx, ui.try_penalty, &key(&quiz, keys::TRY_PENALTY), 0, 100, "0") }
                    { number(ctx, ui.hint_penalty, &key(&quiz, keys::HINT_PENALTY), 0, 100, "0") }
                </div>
            </section>
            <h2>{ format!("{} ({count})", ui.questions) }</h2>
            <div class="add-question">
                <label for={kind_select_id(&file)}>{ ui.question_type }</label>
                <select id={kind_select_id(&file)}>
                    // A graded type first: a trainer who just clicks "add" gets a question that counts.
                    { question::type_options(ui, QuestionType::Single.name()) }
                </select>
                { add_question(ctx, &file, count, ui.add_question, "question-add") }
            </div>
            <div class="find-question field">
                <label for="find-question">{ ui.find_question }</label>
                <input id="find-question" type="search" value={ctx.studio.find.clone()} oninput={on_find} aria-describedby="find-count" />
                <span id="find-count" class="find-count" aria-live="polite">{ if words.is_empty() { String::new() } else { fill(ui.found_questions, &[("{n}", &shown.len().to_string()), ("{count}", &count.to_string())]) } }</span>
            </div>
            <div class="question-list">
                { for shown.iter().map(|i| question::card(ctx, &file, *i, count)) }
            </div>
        </div>
    }
}

/// Whether question `q` has `words` (in lower case) in its text, line or id, in any case.
fn found(ctx: &Ctx, q: &Field, words: &str) -> bool {
    [keys::TEXT, keys::LINE, keys::CUSTOMER, keys::ID].iter().filter_map(|k| ctx.studio.draft.get_str(&key(q, k))).any(|t| t.to_lowercase().contains(words))
}

/// The element id of the quiz's choice of type for a new question.
fn kind_select_id(file: &str) -> String {
    format!("new-kind-{}", file.replace('.', "_"))
}

/// A button that adds a question (of the type chosen above the cards) at `at` of the
/// quiz file `file`; the trainer (and a screen reader) lands in its text.
pub fn add_question(ctx: &Ctx, file: &str, at: usize, label: &str, hook: &'static str) -> Html {
    let onclick = {
        let (dispatch, file, kind_id) = (ctx.dispatch.clone(), file.to_string(), kind_select_id(file));
        Callback::from(move |_| {
            let kind = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(&kind_id))
                .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlSelectElement>(e).ok())
                .map(|s| s.value())
                .unwrap_or_default();
            let kind = TYPES.iter().find(|t| **t == kind).copied().unwrap_or("single");
            dispatch.dispatch(Change::AddQuestion { file: file.clone(), kind, at });
            let new_text = Field { file: file.clone(), path: vec![Seg::Key(keys::QUESTION.into()), Seg::Index(at), Seg::Key(keys::TEXT.into())] };
            focus_after_render(dom_id(&new_text));
        })
    };
    html! { <button type="button" class="secondary" data-action={hook} onclick={onclick}>{ label.to_string() }</button> }
}

/// The sections of the material (sections.toml) that questions cite: their headings,
/// adding and removing them. A heading renamed here must be chosen again in the
/// questions that cited it; validation shows each of them.
fn sections(ctx: &Ctx) -> Html {
    let ui = ctx.ui;
    let list = Field { file: "sections.toml".into(), path: vec![Seg::Key(keys::SECTION.into())] };
    let n = ctx.studio.draft.len(&list);
    let add = {
        let (dispatch, heading) = (ctx.dispatch.clone(), ui.new_section.to_string());
        Callback::from(move |_| dispatch.dispatch(Change::AddSection { heading: heading.clone() }))
    };
    html! {
        <details class="sections">
            <summary>{ format!("{} ({n})", ui.sections) }</summary>
            <ol>
                { for (0..n).map(|i| {
                    let section = super::fields::index(&list, i);
                    html! {
                        <li>
                            { text(ctx, &format!("{} {}", ui.section, i + 1), &key(&section, keys::HEADING), true) }
                            <div class="tools">{ super::question::remove_part(ctx, "section-remove", n > 1, &key(&section, keys::HEADING), &section) }</div>
                        </li>
                    }
                }) }
            </ol>
            <button type="button" class="secondary" data-action="section-add" onclick={add}>{ ui.add_section }</button>
        </details>
    }
}

//! A quiz's start screen: what it covers, how many questions, the pass mark.

use tere_engine::{Action, Quiz};
use yew::prelude::*;

use super::{new_seed, text, Ctx, HEADING_ID};
use crate::i18n::fill;

pub fn view(ctx: &Ctx, quiz: &Quiz) -> Html {
    let ui = ctx.ui;
    let mut facts = format!("{} · {}", ui.count(quiz.questions_per_attempt(), &ui.questions), fill(ui.pass_mark, ctx.session.pass_mark(quiz) as usize, 0));
    if quiz.tries > 1 {
        facts = format!("{facts} · {}", ui.count(usize::from(quiz.tries), &ui.tries_per_question));
    }
    html! {
        <section class="intro" data-quiz-id={text(&quiz.id)}>
            <div lang={text(&quiz.lang)}>
                <h1 id={HEADING_ID} tabindex="-1">{ text(&quiz.title) }</h1>
                <p>{ text(&quiz.intro) }</p>
            </div>
            <p class="facts">{ facts }</p>
            <div class="actions">
                { ctx.button("start", ui.start, Action::Start { seed: new_seed() }, true) }
                { ctx.menu_button() }
            </div>
        </section>
    }
}

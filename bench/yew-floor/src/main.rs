//! A counter: what any Yew 0.23 app ships before it does anything of its own.

use yew::prelude::*;

#[function_component(Counter)]
fn counter() -> Html {
    let count = use_state(|| 0u32);
    let onclick = {
        let count = count.clone();
        Callback::from(move |_| count.set(*count + 1))
    };
    html! { <main><button {onclick}>{ "+1" }</button><p>{ *count }</p></main> }
}

fn main() {
    yew::Renderer::<Counter>::new().render();
}

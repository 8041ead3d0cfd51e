//! UI strings in Estonian, Finnish and English. Content has its own language.

pub use tere_engine::lang::{Counted, Lang};

/// Each language's UI strings for the player.
pub trait LangUi {
    fn ui(self) -> &'static Ui;
}

impl LangUi for Lang {
    fn ui(self) -> &'static Ui {
        match self {
            Lang::Et => &ET,
            Lang::Fi => &FI,
            Lang::En => &EN,
        }
    }
}

/// Every UI string. `{n}` and `{total}` are filled in by `fill`, and a `Counted`
/// phrase's `{n}` by `Ui::count`; `{name}` (a named speaker) is split out by the
/// question view, so the name can carry the content's `lang`.
pub struct Ui {
    /// The language of the strings (its plural rule picks a `Counted` form).
    pub lang: Lang,
    pub start: &'static str,
    pub check: &'static str,
    pub next: &'static str,
    pub finish: &'static str,
    /// Summary: starts a new attempt at the whole quiz (not another try at a question: `try_again`).
    pub retry: &'static str,
    pub menu: &'static str,
    pub progress: &'static str,
    /// How many questions an attempt asks.
    pub questions: Counted,
    pub pass_mark: &'static str,
    pub best: &'static str,
    pub not_started: &'static str,
    pub in_progress: &'static str,
    pub passed: &'static str,
    pub failed: &'static str,
    pub score: &'static str,
    pub passed_message: &'static str,
    pub failed_message: &'static str,
    pub correct: &'static str,
    pub partly_correct: &'static str,
    pub incorrect: &'static str,
    pub saved: &'static str,
    pub correct_answer: &'static str,
    pub correct_order: &'static str,
    pub your_choice: &'static str,
    pub explanation: &'static str,
    pub pick_one: &'static str,
    pub pick_all: &'static str,
    pub pick_true_false: &'static str,
    pub order_help: &'static str,
    pub match_help: &'static str,
    pub reflect_help: &'static str,
    /// A dialogue's help line: how a conversation is answered.
    pub dialogue_help: &'static str,
    /// Who says the learner's replies in a dialogue's transcript.
    pub you_say: &'static str,
    /// A reply's points: `{n}` of the step's best `{total}`.
    pub reply_points: &'static str,
    /// The debrief's best way through the conversation.
    pub best_path: &'static str,
    /// The debrief's score: `{n}` points of the best path's `{total}`.
    pub dialogue_score: &'static str,
    /// Before the material's sections where points were lost.
    pub read_again: &'static str,
    /// The other person's moods, as words beside their face.
    pub mood_calm: &'static str,
    pub mood_impatient: &'static str,
    pub mood_annoyed: &'static str,
    pub mood_pleased: &'static str,
    pub move_up: &'static str,
    pub move_down: &'static str,
    pub choose: &'static str,
    pub customer_says: &'static str,
    pub colleague_says: &'static str,
    /// A named speaker's line (`{name}`: the name, as the content writes it).
    pub named_says: &'static str,
    pub your_answers: &'static str,
    pub not_found: &'static str,
    /// Results could not be delivered yet: kept on the device, sent again; how to get them saved.
    pub host_trouble: &'static str,
    pub review: &'static str,
    pub your_answer: &'static str,
    pub progress_reset: &'static str,
    /// Opens a question's picture at its full size in a tab of its own.
    pub open_larger: &'static str,
    /// Opens a sound's words written out.
    pub transcript: &'static str,
    /// Ends the session and goes back to the LMS (a cmi5 unit's exit).
    pub exit: &'static str,
    /// After the exit: the results went (or wait on the device) and the window may close.
    pub exited: &'static str,
    /// The LMS refused this session for good (results kept on the device, sent on the next launch).
    pub host_refused: &'static str,
    /// The LMS opened the quiz in browse or review mode: nothing is recorded.
    pub preview: &'static str,
    /// Summary, when an earlier result is better than this attempt's: `{n}` is the best score.
    pub best_kept: &'static str,
    /// The button that shows the next hint (`{n}`: its number, `{total}`: how many there are).
    pub show_hint: &'static str,
    /// The heading of a shown hint (`{n}`: its number).
    pub hint: &'static str,
    /// After a wrong or partly right try, when another is allowed.
    pub try_again: &'static str,
    /// Tries left (`{n}`) after a wrong or partly right try; the right answer is not shown yet.
    pub tries_left: &'static str,
    /// Under a verdict, when extra tries or hints cut the points: the percent that counts.
    pub counted: &'static str,
    /// Summary: the button that starts a practice round of the questions not fully right.
    pub practise_missed: &'static str,
    /// Above every practice question: it is not graded.
    pub practice_label: &'static str,
    /// The end of a practice round: `{n}` right of `{total}`.
    pub practice_done: &'static str,
    pub back_to_results: &'static str,
    /// Intro, for a quiz with more than one try (`{n}`): how many tries each question has.
    pub tries_per_question: Counted,
    /// While the course's text is on its way (shown only when it takes more than a moment).
    pub loading: &'static str,
    /// The course's text could not be fetched.
    pub load_failed: &'static str,
    /// The course's text arrived damaged, or does not belong to this course.
    pub load_damaged: &'static str,
    /// The course was published by a newer Tere than this player.
    pub load_newer: &'static str,
}

impl Ui {
    /// A `Counted` phrase for `n`: "1 küsimus", "5 küsimust" (the noun follows the number).
    pub fn count(&self, n: usize, forms: &Counted) -> String {
        self.lang.count(n, forms)
    }
}

pub fn fill(template: &str, n: usize, total: usize) -> String {
    template.replace("{n}", &n.to_string()).replace("{total}", &total.to_string())
}

static ET: Ui = Ui {
    lang: Lang::Et,
    start: "Alusta",
    check: "Kontrolli",
    next: "Järgmine",
    finish: "Vaata tulemust",
    retry: "Tee test uuesti",
    menu: "Tagasi testide juurde",
    progress: "Küsimus {n}/{total}",
    questions: ["{n} küsimus", "{n} küsimust"],
    pass_mark: "Läbimiseks on vaja {n}%",
    best: "Parim tulemus {n}%",
    not_started: "Alustamata",
    in_progress: "Pooleli",
    passed: "Läbitud",
    failed: "Läbimata",
    score: "Tulemus: {n}%",
    passed_message: "Läbitud! Vaja oli vähemalt {n}%.",
    failed_message: "Seekord jäi puudu: läbimiseks on vaja {n}%. Vaata selgitused üle ja tee test uuesti.",
    correct: "Õige",
    partly_correct: "Osaliselt õige",
    incorrect: "Vale",
    saved: "Vastus on salvestatud. Mõtisklust ei hinnata.",
    correct_answer: "Õige vastus",
    correct_order: "Õige järjekord",
    your_choice: "Sinu valik",
    explanation: "Selgitus",
    pick_one: "Vali üks vastus.",
    pick_all: "Vali kõik sobivad vastused.",
    pick_true_false: "Kas väide on tõene või väär?",
    order_help: "Pane read õigesse järjekorda. Liiguta ridu noolenuppudega ↑ ja ↓.",
    match_help: "Vali iga rea juurde sobiv vaste rippmenüüst.",
    reflect_help: "Kirjuta oma mõtted üles. Vastust ei hinnata; ülesanne loetakse tehtuks, kui oled midagi kirjutanud.",
    dialogue_help: "Vali, mida ütled. Vestlus läheb edasi sinu vastuse järgi.",
    you_say: "Sina ütled",
    reply_points: "{n}/{total} punkti",
    best_path: "Parim vestluskäik",
    dialogue_score: "Kogusid {n} punkti {total}-st võimalikust.",
    read_again: "Loe materjalist uuesti:",
    mood_calm: "rahulik",
    mood_impatient: "kannatamatu",
    mood_annoyed: "ärritunud",
    mood_pleased: "rahul",
    move_up: "Liiguta üles",
    move_down: "Liiguta alla",
    choose: "— vali —",
    customer_says: "Klient ütleb",
    colleague_says: "Kolleeg ütleb",
    named_says: "{name} ütleb",
    your_answers: "Tulemused küsimuste kaupa",
    not_found: "Sellist testi ei leitud.",
    review: "Vaata vastused ja selgitused üle",
    your_answer: "Sinu vastus",
    host_trouble: "Tulemusi ei õnnestunud õpikeskkonda salvestada. Need on selles seadmes alles ja saadetakse uuesti. Kui see teade ei kao, logi õpikeskkonda uuesti sisse ja ava see tegevus uuesti: siis saadetakse tulemused.",
    progress_reset: "Salvestatud edenemist ei õnnestunud lugeda, seega alustad algusest.",
    open_larger: "Ava pilt suuremalt",
    transcript: "Heli tekstina",
    exit: "Lõpeta ja välju",
    exited: "Oled lõpetanud. Võid selle akna sulgeda.",
    host_refused:
        "Seekordseid tulemusi ei õnnestunud õpikeskkonda salvestada. Need on selles seadmes alles: sulge tegevus ja ava see uuesti, siis saadetakse need ära.",
    preview: "Eelvaade: seekordseid vastuseid ja tulemust ei salvestata.",
    best_kept: "Kehtima jääb sinu parim tulemus: {n}%.",
    show_hint: "Näita vihjet ({n}/{total})",
    hint: "Vihje {n}",
    try_again: "Proovi uuesti",
    tries_left: "Katseid jäänud: {n}. Õiget vastust veel ei näidata.",
    counted: "Arvesse läheb {n}%, sest kasutasid lisakatseid või vihjeid.",
    practise_missed: "Harjuta valesti vastatud küsimusi",
    practice_label: "Harjutus: seda ei hinnata ja tulemus jääb samaks.",
    practice_done: "Harjutus on tehtud: {n}/{total} õigesti.",
    back_to_results: "Tagasi tulemuse juurde",
    tries_per_question: ["{n} katse küsimuse kohta", "{n} katset küsimuse kohta"],
    loading: "Laadin testi…",
    load_failed: "Testi sisu ei õnnestunud laadida. Kontrolli internetiühendust ja proovi uuesti.",
    load_damaged: "Testi sisu on rikutud või ei kuulu selle kursuse juurde. Proovi uuesti; kui viga kordub, anna sellest koolitajale teada.",
    load_newer: "See test on avaldatud Tere uuema versiooniga, mida see leht veel avada ei oska. Palu koolitajal test uuesti avaldada.",
};

static FI: Ui = Ui {
    lang: Lang::Fi,
    start: "Aloita",
    check: "Tarkista",
    next: "Seuraava",
    finish: "Näytä tulos",
    retry: "Tee testi uudelleen",
    menu: "Takaisin testeihin",
    progress: "Kysymys {n}/{total}",
    questions: ["{n} kysymys", "{n} kysymystä"],
    pass_mark: "Hyväksymisraja {n} %",
    best: "Paras tulos {n} %",
    not_started: "Aloittamatta",
    in_progress: "Kesken",
    passed: "Hyväksytty",
    failed: "Ei hyväksytty",
    score: "Tulos: {n} %",
    passed_message: "Hyväksytty! Vaadittiin vähintään {n} %.",
    failed_message: "Tällä kertaa tulos ei riittänyt: hyväksymiseen tarvitaan {n} %. Lue selitykset ja tee testi uudelleen.",
    correct: "Oikein",
    partly_correct: "Osittain oikein",
    incorrect: "Väärin",
    saved: "Vastaus on tallennettu. Pohdintaa ei arvioida.",
    correct_answer: "Oikea vastaus",
    correct_order: "Oikea järjestys",
    your_choice: "Valintasi",
    explanation: "Selitys",
    pick_one: "Valitse yksi vastaus.",
    pick_all: "Valitse kaikki sopivat vastaukset.",
    pick_true_false: "Onko väite tosi vai epätosi?",
    order_help: "Laita rivit oikeaan järjestykseen. Siirrä rivejä nuolipainikkeilla ↑ ja ↓.",
    match_help: "Valitse jokaiselle riville sopiva vastine valikosta.",
    reflect_help: "Kirjoita ajatuksesi. Vastausta ei arvioida; tehtävä on suoritettu, kun olet kirjoittanut jotakin.",
    dialogue_help: "Valitse, mitä sanot. Keskustelu jatkuu vastauksesi mukaan.",
    you_say: "Sinä sanot",
    reply_points: "{n}/{total} pistettä",
    best_path: "Paras keskustelun kulku",
    dialogue_score: "Keräsit {n}/{total} mahdollisesta pisteestä.",
    read_again: "Lue materiaalista uudelleen:",
    mood_calm: "rauhallinen",
    mood_impatient: "kärsimätön",
    mood_annoyed: "ärtynyt",
    mood_pleased: "tyytyväinen",
    move_up: "Siirrä ylös",
    move_down: "Siirrä alas",
    choose: "— valitse —",
    customer_says: "Asiakas sanoo",
    colleague_says: "Kollega sanoo",
    named_says: "{name} sanoo",
    your_answers: "Tulokset kysymyksittäin",
    not_found: "Testiä ei löytynyt.",
    review: "Käy vastaukset ja selitykset läpi",
    your_answer: "Vastauksesi",
    host_trouble: "Tuloksia ei voitu tallentaa oppimisympäristöön. Ne ovat tallessa tällä laitteella ja ne lähetetään uudelleen. Jos tämä ilmoitus ei katoa, kirjaudu oppimisympäristöön uudelleen ja avaa tämä aktiviteetti uudelleen: tulokset lähetetään silloin.",
    progress_reset: "Tallennettua edistymistä ei voitu lukea, joten aloitat alusta.",
    open_larger: "Avaa kuva suurempana",
    transcript: "Ääni tekstinä",
    exit: "Lopeta ja poistu",
    exited: "Olet lopettanut. Voit sulkea tämän ikkunan.",
    host_refused: "Tämänkertaisia tuloksia ei voitu tallentaa oppimisympäristöön. Ne ovat tallessa tällä laitteella: sulje aktiviteetti ja avaa se uudelleen, niin ne lähetetään.",
    preview: "Esikatselu: tämänkertaisia vastauksia ja tulosta ei tallenneta.",
    best_kept: "Paras tuloksesi jää voimaan: {n} %.",
    show_hint: "Näytä vihje ({n}/{total})",
    hint: "Vihje {n}",
    try_again: "Yritä uudelleen",
    tries_left: "Yrityksiä jäljellä: {n}. Oikeaa vastausta ei vielä näytetä.",
    counted: "Pisteistä lasketaan {n} %, koska käytit lisäyrityksiä tai vihjeitä.",
    practise_missed: "Harjoittele väärin vastattuja kysymyksiä",
    practice_label: "Harjoitus: tätä ei arvioida eikä tuloksesi muutu.",
    practice_done: "Harjoitus on tehty: {n}/{total} oikein.",
    back_to_results: "Takaisin tulokseen",
    tries_per_question: ["{n} yritys kysymystä kohden", "{n} yritystä kysymystä kohden"],
    loading: "Ladataan testiä…",
    load_failed: "Testin sisältöä ei voitu ladata. Tarkista verkkoyhteys ja yritä uudelleen.",
    load_damaged: "Testin sisältö on vioittunut tai ei kuulu tähän kurssiin. Yritä uudelleen; jos virhe toistuu, kerro kouluttajalle.",
    load_newer: "Testi on julkaistu Teren uudemmalla versiolla, jota tämä sivu ei vielä osaa avata. Pyydä kouluttajaa julkaisemaan testi uudelleen.",
};

static EN: Ui = Ui {
    lang: Lang::En,
    start: "Start",
    check: "Check",
    next: "Next",
    finish: "See result",
    retry: "Retake the quiz",
    menu: "Back to quizzes",
    progress: "Question {n}/{total}",
    questions: ["{n} question", "{n} questions"],
    pass_mark: "Pass mark {n}%",
    best: "Best score {n}%",
    not_started: "Not started",
    in_progress: "In progress",
    passed: "Passed",
    failed: "Not passed",
    score: "Score: {n}%",
    passed_message: "Passed! At least {n}% was needed.",
    failed_message: "Not this time: {n}% is needed to pass. Read the explanations and retake the quiz.",
    correct: "Correct",
    partly_correct: "Partly correct",
    incorrect: "Incorrect",
    saved: "Your answer is saved. Reflections are not graded.",
    correct_answer: "Correct answer",
    correct_order: "Correct order",
    your_choice: "Your choice",
    explanation: "Explanation",
    pick_one: "Choose one answer.",
    pick_all: "Choose all answers that apply.",
    pick_true_false: "Is the statement true or false?",
    order_help: "Put the lines in the right order. Move a line with its ↑ and ↓ buttons.",
    match_help: "For each line, choose the matching item from its list.",
    reflect_help: "Write your thoughts. This is not graded; it is done once you have written something.",
    dialogue_help: "Choose what you say. The conversation goes on from your reply.",
    you_say: "You say",
    reply_points: "{n}/{total} points",
    best_path: "The best way through",
    dialogue_score: "You collected {n} of {total} possible points.",
    read_again: "Read again in the material:",
    mood_calm: "calm",
    mood_impatient: "impatient",
    mood_annoyed: "annoyed",
    mood_pleased: "pleased",
    move_up: "Move up",
    move_down: "Move down",
    choose: "— choose —",
    customer_says: "The customer says",
    colleague_says: "A colleague says",
    named_says: "{name} says",
    your_answers: "Results by question",
    not_found: "No such quiz.",
    review: "Review answers and explanations",
    your_answer: "Your answer",
    host_trouble: "Your results could not be saved in the learning platform. They are kept on this device and will be sent again. If this notice stays, sign in to the learning platform again and reopen this activity: your results are sent then.",
    progress_reset: "Saved progress could not be read, so you start from the beginning.",
    open_larger: "Open the picture larger",
    transcript: "The sound as text",
    exit: "Finish and leave",
    exited: "You have finished. You can close this window.",
    host_refused:
        "This session's results could not be saved in the learning platform. They are kept on this device: close the activity and open it again to send them.",
    preview: "Preview: answers and results of this visit are not saved.",
    best_kept: "Your best result stays recorded: {n}%.",
    show_hint: "Show a hint ({n} of {total})",
    hint: "Hint {n}",
    try_again: "Try again",
    tries_left: "Tries left: {n}. The right answer is not shown yet.",
    counted: "This answer counts for {n}%, because you used extra tries or hints.",
    practise_missed: "Practise the questions you missed",
    practice_label: "Practice: not graded, your result stays as it is.",
    practice_done: "Practice done: {n} of {total} right.",
    back_to_results: "Back to the results",
    tries_per_question: ["{n} try per question", "{n} tries per question"],
    loading: "Loading the quiz…",
    load_failed: "The quiz content could not be loaded. Check your connection and try again.",
    load_damaged: "The quiz content is damaged or does not belong to this course. Try again; if it keeps happening, tell your trainer.",
    load_newer: "This quiz was published with a newer version of Tere, which this page cannot open yet. Ask your trainer to publish it again.",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_language_tags() {
        assert_eq!(Lang::parse("fi-FI"), Some(Lang::Fi));
        assert_eq!(Lang::parse("EN"), Some(Lang::En));
        assert_eq!(Lang::parse("de"), None);
        assert_eq!(Lang::parse("e"), None);
    }

    /// A true/false option reads differently from the verdict after it: "Väär ✗ Your
    /// choice · Vale", not "Vale ✗ … · Vale".
    #[test]
    fn true_false_labels_are_not_the_verdict_words() {
        for lang in [Lang::Et, Lang::Fi, Lang::En] {
            let ui = lang.ui();
            for label in tere_engine::describe::true_false_labels(lang.code()) {
                assert!(![ui.correct, ui.incorrect].contains(&label), "{}: `{label}` is also a verdict", lang.code());
            }
        }
    }

    /// The noun follows the number in every language, in every counted string: 1, 2 and 5.
    #[test]
    fn every_count_reads_right_for_one_and_for_more() {
        let read = |ui: &Ui, forms: fn(&Ui) -> Counted| [1, 2, 5].map(|n| ui.count(n, &forms(ui)));
        let questions = |ui: &Ui| ui.questions;
        assert_eq!(read(&ET, questions), ["1 küsimus", "2 küsimust", "5 küsimust"]);
        assert_eq!(read(&FI, questions), ["1 kysymys", "2 kysymystä", "5 kysymystä"]);
        assert_eq!(read(&EN, questions), ["1 question", "2 questions", "5 questions"]);
        let tries = |ui: &Ui| ui.tries_per_question;
        assert_eq!(read(&ET, tries), ["1 katse küsimuse kohta", "2 katset küsimuse kohta", "5 katset küsimuse kohta"]);
        assert_eq!(read(&FI, tries), ["1 yritys kysymystä kohden", "2 yritystä kysymystä kohden", "5 yritystä kysymystä kohden"]);
        assert_eq!(read(&EN, tries), ["1 try per question", "2 tries per question", "5 tries per question"]);
    }

    /// Each table says which language it is in, so its counts follow that language's rule.
    #[test]
    fn each_table_is_its_language() {
        for lang in [Lang::Et, Lang::Fi, Lang::En] {
            assert_eq!(lang.ui().lang, lang);
        }
    }

    /// Retaking the whole quiz and trying one question again are two actions with two labels.
    #[test]
    fn retaking_the_quiz_is_not_trying_a_question_again() {
        for lang in [Lang::Et, Lang::Fi, Lang::En] {
            assert_ne!(lang.ui().retry, lang.ui().try_again, "{}", lang.code());
        }
    }

    #[test]
    fn fills_templates() {
        assert_eq!(fill(ET.progress, 3, 8), "Küsimus 3/8");
    }
}

//! The Studio's UI strings in Estonian, Finnish and English (the trainer's browser
//! language picks one; `?lang=` overrides it).

pub use tere_engine::lang::{Counted, Lang};

/// Each language's UI strings for the Studio.
pub trait LangUi {
    fn ui(self) -> &'static Ui;
}

impl Ui {
    /// A `Counted` phrase for `n`: "1 question", "5 questions" (the noun follows the number).
    pub fn count(&self, n: usize, forms: &Counted) -> String {
        self.lang.count(n, forms)
    }
}

/// A UI string with each `(placeholder, value)` filled in (`{n}`, `{time}`, `{what}`…).
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values.iter().fold(template.to_string(), |out, (at, value)| out.replace(at, value))
}

/// The start of a text, for a question that names it (at most `max` characters).
pub fn start_of(text: &str, max: usize) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match line.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", line[..at].trim_end()),
        None => line,
    }
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

pub struct Ui {
    /// The language of the strings (its plural rule picks a `Counted` form).
    pub lang: Lang,
    pub studio: &'static str,
    pub course_title: &'static str,
    pub quizzes: &'static str,
    pub quiz_title: &'static str,
    pub intro: &'static str,
    pub language: &'static str,
    pub pass_mark: &'static str,
    pub draw: &'static str,
    pub draw_all: &'static str,
    pub draw_per_section: &'static str,
    pub tries: &'static str,
    pub try_penalty: &'static str,
    pub hint_penalty: &'static str,
    pub hints: &'static str,
    pub hint: &'static str,
    pub item: &'static str,
    pub add_hint: &'static str,
    pub questions: &'static str,
    /// Heading of one question's editor: "Question 3".
    pub question: &'static str,
    pub question_text: &'static str,
    pub question_type: &'static str,
    /// Asked before a type change removes fields the trainer wrote.
    pub change_type_confirm: &'static str,
    pub explanation: &'static str,
    pub source_section: &'static str,
    pub option: &'static str,
    pub right_answer: &'static str,
    pub feedback: &'static str,
    pub add_option: &'static str,
    pub remove: &'static str,
    pub move_up: &'static str,
    pub move_down: &'static str,
    pub duplicate: &'static str,
    pub add_question: &'static str,
    pub add_quiz: &'static str,
    pub sections: &'static str,
    pub section: &'static str,
    pub add_section: &'static str,
    pub new_section: &'static str,
    pub new_quiz_title: &'static str,
    pub customer_line: &'static str,
    pub speaker: &'static str,
    pub speaker_customer: &'static str,
    pub speaker_colleague: &'static str,
    pub speaker_named: &'static str,
    pub speaker_name: &'static str,
    /// The name a newly named speaker starts with.
    pub speaker_named_default: &'static str,
    pub statement_is_true: &'static str,
    pub feedback_true: &'static str,
    pub feedback_false: &'static str,
    pub items_in_order: &'static str,
    pub pair_left: &'static str,
    pub pair_right: &'static str,
    pub add_item: &'static str,
    pub add_pair: &'static str,
    pub problems: &'static str,
    pub no_problems: &'static str,
    /// While the edited course waits to be validated.
    pub checking: &'static str,
    pub publish: &'static str,
    pub publish_blocked: &'static str,
    /// Why publishing is off in the moment between an edit and its check.
    pub publish_waits: &'static str,
    pub scorm2004: &'static str,
    pub scorm12: &'static str,
    pub offline_file: &'static str,
    pub toml_source: &'static str,
    pub gift: &'static str,
    /// The heading over the buttons that publish every stage's package apart.
    pub stages_heading: &'static str,
    /// What those buttons download and what to do with it in Moodle.
    pub stages_about: &'static str,
    pub stages2004: &'static str,
    pub stages12: &'static str,
    /// The cmi5 package's button, and the xAPI package's (Moodle's xAPI Launch Link).
    pub cmi5: &'static str,
    pub xapi: &'static str,
    /// The README.txt beside the stages' packages: `{course}` its title, `{version}`
    /// "SCORM 2004" or "SCORM 1.2"; the file list and `moodle_app` follow it.
    pub stages_readme: &'static str,
    /// The Moodle app plays SCORM 1.2 only (under the publish buttons; in the README).
    pub moodle_app: &'static str,
    /// After publishing: `{name}` is the downloaded file's name.
    pub published: &'static str,
    /// Publishing or the preview could not be made: `{why}`.
    pub publish_failed: &'static str,
    /// Starts over from the built-in course (what is open now stays one undo away).
    pub open_builtin: &'static str,
    /// Asked before starting over from the built-in course.
    pub open_builtin_confirm: &'static str,
    pub undo: &'static str,
    pub redo: &'static str,
    /// After a removal: `{what}` went.
    pub removed: &'static str,
    /// Asked before removing a question: `{n}` its number, `{text}` its start.
    pub remove_question_confirm: &'static str,
    /// Asked before removing a quiz: `{title}`, and `{count}` its questions (`questions_count`).
    pub remove_quiz_confirm: &'static str,
    /// Asked before removing a part of a question (an option, item, pair, hint) or a section: `{text}`.
    pub remove_part_confirm: &'static str,
    /// How many questions a quiz has.
    pub questions_count: Counted,
    /// How many problems validation found (a quiz's badge; why publishing failed).
    pub problems_count: Counted,
    /// How many files were opened together (a course folder's).
    pub files_count: Counted,
    pub open_files: &'static str,
    /// After opening: `{what}` is what was opened (a file's name, or `files_count`).
    pub opened: &'static str,
    /// After starting over from the built-in course.
    pub opened_builtin: &'static str,
    pub open_failed: &'static str,
    /// Why opening failed (after `open_failed`): `{name}` a file's name, `{size}`,
    /// `{total}` and `{limit}` sizes.
    pub open_none: &'static str,
    pub open_too_large: &'static str,
    pub open_too_much: &'static str,
    pub open_unreadable: &'static str,
    pub open_unknown: &'static str,
    pub open_not_text: &'static str,
    pub open_not_toml: &'static str,
    pub open_no_course: &'static str,
    pub draft_restored: &'static str,
    /// The saved draft is back as it was published at `{time}`.
    pub draft_restored_published: &'static str,
    /// The header's save status: `{time}` is a time of day.
    pub saved_at: &'static str,
    pub published_at: &'static str,
    pub not_published: &'static str,
    pub preview: &'static str,
    pub close_preview: &'static str,
    /// Adds a step to a dialogue.
    pub add_step: &'static str,
    /// Adds a reply to a step.
    pub add_reply: &'static str,
    /// Adds an ending to a dialogue.
    pub add_ending: &'static str,
    /// The map's legend: the best way through is drawn thick.
    pub map_best: &'static str,
    /// The map's legend: a way by points is dashed.
    pub map_branch: &'static str,
    /// How the learner gets feedback in a dialogue.
    pub dialogue_mode: &'static str,
    /// Feedback after each reply.
    pub mode_coach: &'static str,
    /// Feedback only in the debrief.
    pub mode_real: &'static str,
    /// A dialogue's steps, and one of them.
    pub steps: &'static str,
    /// `{n}`: its number.
    pub step_n: &'static str,
    /// A dialogue's endings.
    pub endings: &'static str,
    /// `{n}`: its number.
    pub ending_n: &'static str,
    /// A step's or ending's id, which replies lead to.
    pub part_id: &'static str,
    /// What the other person says at a step or an ending.
    pub other_says: &'static str,
    /// `{n}`: its number.
    pub reply_n: &'static str,
    /// A reply's points.
    pub points: &'static str,
    /// Where a reply leads.
    pub goes_to: &'static str,
    /// Whether an ending went well.
    pub good_ending: &'static str,
    /// An ending's debrief.
    pub debrief: &'static str,
    /// The map of a dialogue's steps.
    pub dialogue_map: &'static str,
    /// Under a new question's section: it is the quiz's most cited one, a suggestion.
    pub section_suggested: &'static str,
    /// A file nested deeper than `{max}` levels at `{line}`: refused before parsing.
    pub open_too_deep: &'static str,
    /// A GIFT file that cannot be read; the parser's lines (English) follow.
    pub open_gift_failed: &'static str,
    /// The lint's findings: advice on the writing, not problems.
    pub advice: &'static str,
    pub advice_about: &'static str,
    /// A matching question's pair, numbered.
    pub pair: &'static str,
    /// A choice question's options, as a whole.
    pub options: &'static str,
    /// A question's or a dialogue step's picture or sound: the file picker.
    pub media: &'static str,
    /// A picture's words for a learner who cannot see it.
    pub media_alt: &'static str,
    /// A picture that carries nothing the text does not: screen readers skip it.
    pub media_decorative: &'static str,
    /// A sound's words, written out for a learner who cannot hear it.
    pub media_transcript: &'static str,
    /// Folds a problem's file, line and English message (for developers).
    pub details: &'static str,
    /// In an open question: a new question right after it.
    pub add_question_after: &'static str,
    pub find_question: &'static str,
    /// `{n}` of `{count}` questions match the search.
    pub found_questions: &'static str,
    /// The section choice's first group: what this quiz's questions already cite.
    pub quiz_sections: &'static str,
    /// A question's button: the preview plays it alone, at once.
    pub preview_question: &'static str,
    /// The preview did not open: `{n}` problems in what it would play.
    pub preview_blocked: &'static str,
    pub media_add: &'static str,
    pub media_replace: &'static str,
    /// Under the picker: a file may be dropped there too, which kinds, and the `{limit}`.
    pub media_hint: &'static str,
    /// In the save status: the pictures and sounds did not fit the browser's storage.
    pub media_not_saved: &'static str,
    /// A picked file larger than a course takes: why, in the check's words.
    pub media_refused: &'static str,
    /// Each of `TYPES`, in its order (a new type is a compile error here until named).
    pub type_names: [&'static str; TYPES.len()],
}

static ET: Ui = Ui {
    lang: Lang::Et,
    studio: "Tere Studio",
    course_title: "Kursuse pealkiri",
    quizzes: "Testid",
    quiz_title: "Testi pealkiri",
    intro: "Sissejuhatus",
    language: "Keel",
    pass_mark: "Läbimise lävend (%)",
    draw: "Küsimusi ühel sooritamisel",
    draw_all: "kõik",
    draw_per_section: "Igal sooritamisel vähemalt üks küsimus igast õppematerjali osast",
    tries: "Katseid küsimuse kohta",
    try_penalty: "Mahaarvamine iga lisakatse eest (%)",
    hint_penalty: "Mahaarvamine iga vihje eest (%)",
    hints: "Vihjed (õppija saab neid avada ükshaaval)",
    hint: "Vihje",
    item: "Rida",
    add_hint: "Lisa vihje",
    questions: "Küsimused",
    question: "Küsimus",
    question_text: "Küsimuse tekst",
    question_type: "Küsimuse tüüp",
    change_type_confirm:
        "Uuel tüübil pole kõiki selle küsimuse välju: osa kirjutatust (näiteks vastusevariandid või repliik) kustutatakse. Kas muuta küsimuse tüüpi?",
    explanation: "Selgitus (näidatakse pärast vastamist)",
    source_section: "Allikas: õppematerjali osa",
    option: "Vastusevariant",
    right_answer: "Õige vastus",
    feedback: "Tagasiside sellele vastusevariandile",
    add_option: "Lisa vastusevariant",
    remove: "Eemalda",
    move_up: "Liiguta üles",
    move_down: "Liiguta alla",
    duplicate: "Tee koopia",
    add_question: "Lisa küsimus",
    add_quiz: "Lisa test",
    sections: "Õppematerjali osad",
    section: "Osa",
    add_section: "Lisa osa",
    new_section: "Uus osa",
    new_quiz_title: "Uus test",
    customer_line: "Repliik",
    speaker: "Kes räägib",
    speaker_customer: "Klient",
    speaker_colleague: "Kolleeg",
    speaker_named: "Keegi teine (nimega)",
    speaker_name: "Rääkija nimi",
    speaker_named_default: "Juhataja",
    statement_is_true: "Väide on tõene",
    feedback_true: "Tagasiside vastusele „tõene“",
    feedback_false: "Tagasiside vastusele „väär“",
    items_in_order: "Read õiges järjekorras",
    pair_left: "Vasak pool",
    pair_right: "Parem pool",
    add_item: "Lisa rida",
    add_pair: "Lisa paar",
    problems: "Parandamist vajab",
    no_problems: "Vigu pole: kursuse saab avaldada.",
    checking: "Kontrollin…",
    publish: "Avalda",
    publish_blocked: "Avaldamiseks paranda kõigepealt ülal loetletud vead.",
    publish_waits: "Avaldada saab siis, kui kontroll on tehtud.",
    scorm2004: "SCORM 2004 pakett (Moodle)",
    scorm12: "SCORM 1.2 pakett",
    offline_file: "Võrguühenduseta fail (HTML)",
    toml_source: "Lähtefailid (TOML, zip)",
    gift: "GIFT Moodle'i küsimustepanka",
    stages_heading: "Iga etapp eraldi Moodle'i tegevuseks (soovitatav)",
    stages_about: "Saad ühe zip-faili, milles on iga etapi SCORM-pakett. Laadi Moodle'isse iga pakett eraldi SCORM-tegevusena, mitte seda zip-faili ennast.",
    stages2004: "Iga etapp eraldi paketina (SCORM\u{a0}2004,\u{a0}zip)",
    stages12: "Iga etapp eraldi paketina (SCORM\u{a0}1.2,\u{a0}zip)",
    cmi5: "cmi5 pakett (õpikirjete hoidla, LRS)",
    xapi: "xAPI pakett (Moodle'i xAPI Launch Link)",
    stages_readme: "Kursus „{course}“: iga etapp eraldi {version} paketina.\n\nIga siinne zip-fail on üks Moodle'i SCORM-tegevus. Vali Moodle'i kursusel „Lisa tegevus või ressurss“ → „SCORM-pakett“ ja laadi üles üks zip-fail, lahti pakkimata. Tee nii iga etapiga.\n\nFailid etappide järjekorras:",
    moodle_app: "Moodle'i mobiilirakendus toetab ainult SCORM 1.2 pakette: kui õppijad kasutavad rakendust, vali SCORM 1.2.",
    published: "Valmis: {name} on alla laaditud.",
    publish_failed: "Avaldada ei õnnestunud: {why}",
    open_builtin: "Alusta uuesti sisseehitatud kursusest",
    open_builtin_confirm: "Alustada uuesti sisseehitatud kursusest? Praegune kursus asendub sellega (saad selle tagasi nupuga „Võta tagasi“).",
    undo: "Võta tagasi",
    redo: "Tee uuesti",
    removed: "Eemaldatud: {what}.",
    remove_question_confirm: "Eemaldada küsimus {n} („{text}“)?",
    remove_quiz_confirm: "Eemaldada test „{title}“ ({count})?",
    remove_part_confirm: "Eemaldada „{text}“?",
    questions_count: ["{n} küsimus", "{n} küsimust"],
    problems_count: ["{n} viga", "{n} viga"],
    files_count: ["{n} fail", "{n} faili"],
    open_files: "Ava failid (kursuse kaust, zip, võrguühenduseta fail või GIFT)",
    opened: "Avatud: {what}.",
    opened_builtin: "Sisseehitatud kursus on avatud.",
    open_failed: "Faili ei saanud avada",
    open_none: "ühtki faili ei valitud",
    open_too_large: "{name}: {size} on liiga suur (lubatud on kuni {limit})",
    open_too_much: "nende failide maht on kokku {total}; kursuse kaust võib olla kuni {limit}",
    open_unreadable: "{name}: faili ei saanud lugeda",
    open_unknown: "{name}: see pole kursuse fail; ava kursuse .toml-failid, Tere .zip- või .html-pakett või .gift-fail",
    open_not_text: "{name}: see pole tekstifail (pole UTF-8)",
    open_not_toml: "{name}: kursuse kaustas on ainult .toml-failid",
    open_no_course: "course.toml puudub: vali kursuse kaustast kõik failid korraga (course.toml, sections.toml ja testide failid)",
    draft_restored: "Jätkad avaldamata muudatustega.",
    draft_restored_published: "Jätkad kursusega, mis avaldati kell {time}; pärast seda pole midagi muudetud.",
    saved_at: "Mustand salvestatud kell {time}",
    published_at: "avaldatud kell {time}",
    not_published: "pole veel avaldatud",
    preview: "Eelvaade",
    close_preview: "Sulge eelvaade",
    add_step: "Lisa samm",
    add_reply: "Lisa vastus",
    add_ending: "Lisa lõpp",
    map_best: "Paks joon: parim tee",
    map_branch: "Katkendjoon: tee punktide järgi",
    dialogue_mode: "Tagasiside",
    mode_coach: "Iga vastuse järel (treener)",
    mode_real: "Alles lõpus (päris vestlus)",
    steps: "Sammud",
    step_n: "Samm {n}",
    endings: "Lõpud",
    ending_n: "Lõpp {n}",
    part_id: "Tunnus (sellele viitavad vastused)",
    other_says: "Mida vestluspartner ütleb",
    reply_n: "Vastus {n}",
    points: "Punktid",
    goes_to: "Viib edasi",
    good_ending: "Hea lõpp",
    debrief: "Kokkuvõte õppijale",
    dialogue_map: "Dialoogi kaart",
    section_suggested: "Soovitus: selle testi kõige sagedamini viidatud osa. Vali osa, mida küsimus õpetab.",
    open_too_deep: "{name}, rida {line}: andmed on pesastatud sügavamale kui {max} taset; kursusefail pole kunagi selline, seega seda ei avata.",
    open_gift_failed: "{name}: GIFT-faili ei saanud lugeda. Parser ütleb (inglise keeles):",
    advice: "Soovitused sõnastuse kohta",
    advice_about: "Need ei takista avaldamist, aga õppija võib nende järgi vastuse ära arvata.",
    pair: "Paar",
    options: "Vastusevariandid",
    media: "Pilt või heli",
    media_alt: "Alternatiivtekst (mida pilt näitab)",
    media_decorative: "Dekoratiivne pilt (ei kanna sisu)",
    media_transcript: "Heli tekstiversioon",
    details: "Üksikasjad",
    add_question_after: "Lisa küsimus selle järele",
    find_question: "Otsi küsimust teksti järgi",
    found_questions: "Leitud: {n} / {count}",
    quiz_sections: "Selle testi osad",
    preview_question: "Küsimuse eelvaade",
    preview_blocked: "Eelvaadet ei saa avada: selles testis on parandamist vajavaid kohti ({n}). Paranda need ja proovi uuesti.",
    media_add: "Lisa pilt või heli",
    media_replace: "Vaheta fail",
    media_hint: "Võid faili ka siia lohistada. Pildid: PNG, JPEG, WebP, SVG; helid: MP3, Ogg, M4A; kuni {limit}.",
    media_not_saved: "pildid ei mahtunud brauseri mällu: need püsivad, kuni see leht on lahti, ja avaldatud failis",
    media_refused: "Faili ei lisatud. {why}",
    type_names: [
        "Üks õige vastus",
        "Mitu õiget vastust",
        "Tõene või väär",
        "Järjestamine",
        "Vastavusse seadmine",
        "Olukord (repliik)",
        "Mõtisklus (ei hinnata)",
        "Dialoog (terve vestlus)",
    ],
};

static FI: Ui = Ui {
    lang: Lang::Fi,
    studio: "Tere Studio",
    course_title: "Kurssin otsikko",
    quizzes: "Testit",
    quiz_title: "Testin otsikko",
    intro: "Johdanto",
    language: "Kieli",
    pass_mark: "Hyväksymisraja (%)",
    draw: "Kysymyksiä suorituskertaa kohden",
    draw_all: "kaikki",
    draw_per_section: "Jokaisella suorituskerralla vähintään yksi kysymys jokaisesta oppimateriaalin osasta",
    tries: "Yrityksiä kysymystä kohden",
    try_penalty: "Vähennys jokaisesta lisäyrityksestä (%)",
    hint_penalty: "Vähennys jokaisesta vihjeestä (%)",
    hints: "Vihjeet (oppija voi avata ne yksi kerrallaan)",
    hint: "Vihje",
    item: "Rivi",
    add_hint: "Lisää vihje",
    questions: "Kysymykset",
    question: "Kysymys",
    question_text: "Kysymyksen teksti",
    question_type: "Kysymystyyppi",
    change_type_confirm: "Uudella tyypillä ei ole kaikkia tämän kysymyksen kenttiä: osa kirjoittamastasi (esimerkiksi vastausvaihtoehdot tai repliikki) poistetaan. Vaihdetaanko tyyppi?",
    explanation: "Selitys (näytetään vastaamisen jälkeen)",
    source_section: "Lähde: oppimateriaalin osa",
    option: "Vastausvaihtoehto",
    right_answer: "Oikea vastaus",
    feedback: "Palaute tästä vaihtoehdosta",
    add_option: "Lisää vastausvaihtoehto",
    remove: "Poista",
    move_up: "Siirrä ylös",
    move_down: "Siirrä alas",
    duplicate: "Monista",
    add_question: "Lisää kysymys",
    add_quiz: "Lisää testi",
    sections: "Oppimateriaalin osat",
    section: "Osa",
    add_section: "Lisää osa",
    new_section: "Uusi osa",
    new_quiz_title: "Uusi testi",
    customer_line: "Repliikki",
    speaker: "Kuka puhuu",
    speaker_customer: "Asiakas",
    speaker_colleague: "Kollega",
    speaker_named: "Joku muu (nimetty)",
    speaker_name: "Puhujan nimi",
    speaker_named_default: "Esihenkilö",
    statement_is_true: "Väite on tosi",
    feedback_true: "Palaute vastaukseen ”tosi”",
    feedback_false: "Palaute vastaukseen ”epätosi”",
    items_in_order: "Rivit oikeassa järjestyksessä",
    pair_left: "Kohta (vasemmalla)",
    pair_right: "Vastine (oikealla)",
    add_item: "Lisää rivi",
    add_pair: "Lisää pari",
    problems: "Korjattavaa",
    no_problems: "Ei virheitä: kurssin voi julkaista.",
    checking: "Tarkistetaan…",
    publish: "Julkaise",
    publish_blocked: "Korjaa ensin yllä luetellut virheet, niin voit julkaista.",
    publish_waits: "Voit julkaista, kun tarkistus on valmis.",
    scorm2004: "SCORM 2004 -paketti (Moodle)",
    scorm12: "SCORM 1.2 -paketti",
    offline_file: "Offline-tiedosto (HTML)",
    toml_source: "Lähdetiedostot (TOML, zip)",
    gift: "GIFT Moodlen kysymyspankkiin",
    stages_heading: "Jokaiselle vaiheelle oma Moodle-aktiviteetti (suositus)",
    stages_about: "Saat yhden zip-tiedoston, jossa on jokaisen vaiheen SCORM-paketti. Lataa Moodleen kukin paketti omaksi SCORM-aktiviteetikseen, älä itse zip-tiedostoa.",
    stages2004: "Jokainen vaihe omana pakettinaan (SCORM\u{a0}2004,\u{a0}zip)",
    stages12: "Jokainen vaihe omana pakettinaan (SCORM\u{a0}1.2,\u{a0}zip)",
    cmi5: "cmi5-paketti (oppimistietovarasto, LRS)",
    xapi: "xAPI-paketti (Moodlen xAPI Launch Link)",
    stages_readme: "Kurssi ”{course}”: jokainen vaihe omana {version} -pakettinaan.\n\nJokainen tämän zip-tiedoston sisältämä zip-tiedosto on yksi Moodlen SCORM-aktiviteetti. Valitse Moodle-kurssilla ”Lisää aktiviteetti tai aineisto” → ”SCORM-paketti” ja lataa yksi zip-tiedosto purkamatta sitä. Tee näin jokaiselle vaiheelle.\n\nTiedostot vaiheiden järjestyksessä:",
    moodle_app: "Moodlen mobiilisovellus tukee vain SCORM 1.2 -paketteja: jos oppijat käyttävät sovellusta, valitse SCORM 1.2.",
    published: "Valmis: {name} on ladattu koneellesi.",
    publish_failed: "Julkaiseminen ei onnistunut: {why}",
    open_builtin: "Aloita alusta valmiista kurssista",
    open_builtin_confirm: "Aloitetaanko alusta valmiista kurssista? Nykyinen kurssi korvautuu sillä (saat sen takaisin Kumoa-painikkeella).",
    undo: "Kumoa",
    redo: "Tee uudelleen",
    removed: "Poistettu: {what}.",
    remove_question_confirm: "Poistetaanko kysymys {n} (”{text}”)?",
    remove_quiz_confirm: "Poistetaanko testi ”{title}” ({count})?",
    remove_part_confirm: "Poistetaanko ”{text}”?",
    questions_count: ["{n} kysymys", "{n} kysymystä"],
    problems_count: ["{n} virhe", "{n} virhettä"],
    files_count: ["{n} tiedosto", "{n} tiedostoa"],
    open_files: "Avaa tiedostoja (kurssikansio, zip, offline-tiedosto tai GIFT)",
    opened: "Avattu: {what}.",
    opened_builtin: "Valmis kurssi on avattu.",
    open_failed: "Tiedostoa ei voitu avata",
    open_none: "yhtään tiedostoa ei valittu",
    open_too_large: "{name}: {size} on liian suuri (enintään {limit})",
    open_too_much: "näiden tiedostojen koko on yhteensä {total}; kurssikansio saa olla enintään {limit}",
    open_unreadable: "{name}: tiedostoa ei voitu lukea",
    open_unknown: "{name}: ei ole kurssin tiedosto; avaa kurssin .toml-tiedostot, Teren .zip- tai .html-paketti tai .gift-tiedosto",
    open_not_text: "{name}: ei ole tekstitiedosto (ei UTF-8)",
    open_not_toml: "{name}: kurssikansiossa on vain .toml-tiedostoja",
    open_no_course: "course.toml puuttuu: valitse kurssikansion kaikki tiedostot kerralla (course.toml, sections.toml ja testien tiedostot)",
    draft_restored: "Julkaisemattomat muutoksesi on palautettu – voit jatkaa siitä, mihin jäit.",
    draft_restored_published: "Jatkat kurssia, joka julkaistiin kello {time}; sen jälkeen mitään ei ole muutettu.",
    saved_at: "Luonnos tallennettu kello {time}",
    published_at: "julkaistu kello {time}",
    not_published: "ei vielä julkaistu",
    preview: "Esikatselu",
    close_preview: "Sulje esikatselu",
    add_step: "Lisää vaihe",
    add_reply: "Lisää vastaus",
    add_ending: "Lisää loppu",
    map_best: "Paksu viiva: paras reitti",
    map_branch: "Katkoviiva: reitti pisteiden mukaan",
    dialogue_mode: "Palaute",
    mode_coach: "Jokaisen vastauksen jälkeen (valmentaja)",
    mode_real: "Vasta lopussa (oikea keskustelu)",
    steps: "Vaiheet",
    step_n: "Vaihe {n}",
    endings: "Loput",
    ending_n: "Loppu {n}",
    part_id: "Tunnus (vastaukset viittaavat tähän)",
    other_says: "Mitä keskustelukumppani sanoo",
    reply_n: "Vastaus {n}",
    points: "Pisteet",
    goes_to: "Johtaa",
    good_ending: "Hyvä loppu",
    debrief: "Yhteenveto oppijalle",
    dialogue_map: "Dialogin kartta",
    section_suggested: "Ehdotus: tämän testin useimmin viitattu osa. Valitse osa, jota kysymys opettaa.",
    open_too_deep: "{name}, rivi {line}: tiedot on sisäkkäin syvemmällä kuin {max} tasoa; kurssitiedosto ei ole koskaan sellainen, joten sitä ei avata.",
    open_gift_failed: "{name}: GIFT-tiedostoa ei voitu lukea. Jäsentimen viesti (englanniksi):",
    advice: "Suosituksia muotoiluun",
    advice_about: "Nämä eivät estä julkaisua, mutta oppija voi niiden avulla arvata vastauksen.",
    pair: "Pari",
    options: "Vastausvaihtoehdot",
    media: "Kuva tai ääni",
    media_alt: "Vaihtoehtoinen teksti (mitä kuvassa näkyy)",
    media_decorative: "Koristekuva (ei sisällä tietoa)",
    media_transcript: "Äänen tekstiversio",
    details: "Lisätiedot",
    add_question_after: "Lisää kysymys tämän jälkeen",
    find_question: "Etsi kysymystä tekstin perusteella",
    found_questions: "Löytyi: {n} / {count}",
    quiz_sections: "Tämän testin osat",
    preview_question: "Kysymyksen esikatselu",
    preview_blocked: "Esikatselua ei voi avata: tässä testissä on korjattavaa ({n}). Korjaa ne ja yritä uudelleen.",
    media_add: "Lisää kuva tai ääni",
    media_replace: "Vaihda tiedosto",
    media_hint: "Voit myös vetää tiedoston tähän. Kuvat: PNG, JPEG, WebP, SVG; äänet: MP3, Ogg, M4A; enintään {limit}.",
    media_not_saved: "kuvat eivät mahtuneet selaimen muistiin: ne säilyvät niin kauan kuin tämä sivu on auki, ja julkaistussa tiedostossa",
    media_refused: "Tiedostoa ei lisätty. {why}",
    type_names: [
        "Yksi oikea vastaus",
        "Monta oikeaa vastausta",
        "Tosi vai epätosi",
        "Järjestäminen",
        "Yhdistäminen",
        "Tilanne (repliikki)",
        "Pohdinta (ei arvioida)",
        "Dialogi (koko keskustelu)",
    ],
};

static EN: Ui = Ui {
    lang: Lang::En,
    studio: "Tere Studio",
    course_title: "Course title",
    quizzes: "Quizzes",
    quiz_title: "Quiz title",
    intro: "Introduction",
    language: "Language",
    pass_mark: "Pass mark (%)",
    draw: "Questions per attempt",
    draw_all: "all",
    draw_per_section: "Every attempt asks at least one question from each section of the material",
    tries: "Tries per question",
    try_penalty: "Penalty per extra try (%)",
    hint_penalty: "Penalty per hint (%)",
    hints: "Hints (the learner opens them one at a time)",
    hint: "Hint",
    item: "Item",
    add_hint: "Add a hint",
    questions: "Questions",
    question: "Question",
    question_text: "Question text",
    question_type: "Question type",
    change_type_confirm:
        "The new type does not have all of this question's fields: some of what you wrote (such as the options or the line) will be removed. Change the type?",
    explanation: "Explanation (shown after answering)",
    source_section: "Source: section of the material",
    option: "Option",
    right_answer: "Right answer",
    feedback: "Feedback for this option",
    add_option: "Add an option",
    remove: "Remove",
    move_up: "Move up",
    move_down: "Move down",
    duplicate: "Duplicate",
    add_question: "Add a question",
    add_quiz: "Add a quiz",
    sections: "Sections of the material",
    section: "Section",
    add_section: "Add a section",
    new_section: "New section",
    new_quiz_title: "New quiz",
    customer_line: "The line",
    speaker: "Who speaks",
    speaker_customer: "The customer",
    speaker_colleague: "A colleague",
    speaker_named: "Someone else (named)",
    speaker_name: "The speaker's name",
    speaker_named_default: "Manager",
    statement_is_true: "The statement is true",
    feedback_true: "Feedback for “true”",
    feedback_false: "Feedback for “false”",
    items_in_order: "Items in the right order",
    pair_left: "Left side",
    pair_right: "Right side",
    add_item: "Add an item",
    add_pair: "Add a pair",
    problems: "To fix",
    no_problems: "No problems: the course can be published.",
    checking: "Checking…",
    publish: "Publish",
    publish_blocked: "Fix the problems listed above first, then publish.",
    publish_waits: "Publishing waits until the check is done.",
    scorm2004: "SCORM 2004 package (Moodle)",
    scorm12: "SCORM 1.2 package",
    offline_file: "Offline file (HTML)",
    toml_source: "Source files (TOML, zip)",
    gift: "GIFT for Moodle's question bank",
    stages_heading: "One Moodle activity per stage (recommended)",
    stages_about: "You get one zip file with each stage's SCORM package inside. Upload each package to Moodle as its own SCORM activity, not the zip file itself.",
    stages2004: "Each stage as its own package (SCORM\u{a0}2004,\u{a0}zip)",
    stages12: "Each stage as its own package (SCORM\u{a0}1.2,\u{a0}zip)",
    cmi5: "cmi5 package (Learning Record Store, LRS)",
    xapi: "xAPI package (Moodle's xAPI Launch Link)",
    stages_readme: "Course “{course}”: each stage as its own {version} package.\n\nEach zip file in here is one Moodle SCORM activity. In the Moodle course, choose “Add an activity or resource” → “SCORM package” and upload one zip file as it is, without unzipping it. Do this for every stage.\n\nThe files, in the order of the stages:",
    moodle_app: "The Moodle app plays SCORM 1.2 packages only: if learners use the app, choose SCORM 1.2.",
    published: "Done: {name} is downloaded.",
    publish_failed: "Could not publish: {why}",
    open_builtin: "Start over from the built-in course",
    open_builtin_confirm: "Start over from the built-in course? It replaces the course open now (Undo brings it back).",
    undo: "Undo",
    redo: "Redo",
    removed: "Removed: {what}.",
    remove_question_confirm: "Remove question {n} (“{text}”)?",
    remove_quiz_confirm: "Remove the quiz “{title}” ({count})?",
    remove_part_confirm: "Remove “{text}”?",
    questions_count: ["{n} question", "{n} questions"],
    problems_count: ["{n} problem", "{n} problems"],
    files_count: ["{n} file", "{n} files"],
    open_files: "Open files (a course folder, a zip, an offline file or GIFT)",
    opened: "Opened: {what}.",
    opened_builtin: "The built-in course is open.",
    open_failed: "The file could not be opened",
    open_none: "no file was chosen",
    open_too_large: "{name}: {size} is too large (at most {limit})",
    open_too_much: "these files hold {total} in all; a course folder is at most {limit}",
    open_unreadable: "{name}: the file could not be read",
    open_unknown: "{name}: not a course file; open the course's .toml files, a Tere .zip or .html package, or a .gift file",
    open_not_text: "{name}: not a text file (not UTF-8)",
    open_not_toml: "{name}: a course folder holds only .toml files",
    open_no_course: "course.toml is missing: pick every file of the course folder together (course.toml, sections.toml and the quiz files)",
    draft_restored: "You are continuing your unpublished changes.",
    draft_restored_published: "You are continuing the course published at {time}; nothing has changed since.",
    saved_at: "Draft saved at {time}",
    published_at: "published at {time}",
    not_published: "not published yet",
    preview: "Preview",
    close_preview: "Close the preview",
    add_step: "Add a step",
    add_reply: "Add a reply",
    add_ending: "Add an ending",
    map_best: "Thick line: the best way",
    map_branch: "Dashed line: a way by points",
    dialogue_mode: "Feedback",
    mode_coach: "After each reply (coach)",
    mode_real: "Only at the end (real conversation)",
    steps: "Steps",
    step_n: "Step {n}",
    endings: "Endings",
    ending_n: "Ending {n}",
    part_id: "Id (replies lead here by it)",
    other_says: "What the other person says",
    reply_n: "Reply {n}",
    points: "Points",
    goes_to: "Leads to",
    good_ending: "A good ending",
    debrief: "Debrief for the learner",
    dialogue_map: "Map of the dialogue",
    section_suggested: "Suggested: the section this quiz cites most. Choose the one this question teaches.",
    open_too_deep: "{name}, line {line}: nested more than {max} levels deep; a course file never is, so it is not opened.",
    open_gift_failed: "{name}: the GIFT file cannot be read. The parser says:",
    advice: "Advice on the wording",
    advice_about: "These do not stop publishing, but a learner may guess the answer from them.",
    pair: "Pair",
    options: "Options",
    media: "Picture or sound",
    media_alt: "Alt text (what the picture shows)",
    media_decorative: "Decorative picture (carries no content)",
    media_transcript: "Transcript of the sound",
    details: "Details",
    add_question_after: "Add a question after this one",
    find_question: "Find a question by its text",
    found_questions: "Found: {n} of {count}",
    quiz_sections: "This quiz's sections",
    preview_question: "Preview this question",
    preview_blocked: "The preview cannot open: this quiz has problems to fix ({n}). Fix them, then try again.",
    media_add: "Add a picture or sound",
    media_replace: "Replace the file",
    media_hint: "You can also drop a file here. Pictures: PNG, JPEG, WebP, SVG; sounds: MP3, Ogg, M4A; up to {limit}.",
    media_not_saved: "the pictures did not fit the browser's storage: they stay while this page is open, and in what you publish",
    media_refused: "The file was not added. {why}",
    type_names: [
        "One right answer",
        "Several right answers",
        "True or false",
        "Ordering",
        "Matching",
        "Scenario (a line of dialogue)",
        "Reflection (not graded)",
        "Dialogue (a whole conversation)",
    ],
};

/// The question types in the order the Studio offers them (their TOML names), with
/// `Ui::type_names` in the same order.
pub use tere_authoring::draft::KINDS as TYPES;

#[cfg(test)]
mod tests {
    use super::*;

    /// The noun follows the number in every language, in every counted string: 1, 2 and 5.
    #[test]
    fn every_count_reads_right_for_one_and_for_more() {
        let read = |lang: Lang, forms: fn(&Ui) -> Counted| [1, 2, 5].map(|n| lang.ui().count(n, &forms(lang.ui())));
        let questions = |ui: &Ui| ui.questions_count;
        assert_eq!(read(Lang::Et, questions), ["1 küsimus", "2 küsimust", "5 küsimust"]);
        assert_eq!(read(Lang::Fi, questions), ["1 kysymys", "2 kysymystä", "5 kysymystä"]);
        assert_eq!(read(Lang::En, questions), ["1 question", "2 questions", "5 questions"]);
        let problems = |ui: &Ui| ui.problems_count;
        assert_eq!(read(Lang::Et, problems), ["1 viga", "2 viga", "5 viga"]);
        assert_eq!(read(Lang::Fi, problems), ["1 virhe", "2 virhettä", "5 virhettä"]);
        assert_eq!(read(Lang::En, problems), ["1 problem", "2 problems", "5 problems"]);
        let files = |ui: &Ui| ui.files_count;
        assert_eq!(read(Lang::Et, files), ["1 fail", "2 faili", "5 faili"]);
        assert_eq!(read(Lang::Fi, files), ["1 tiedosto", "2 tiedostoa", "5 tiedostoa"]);
        assert_eq!(read(Lang::En, files), ["1 file", "2 files", "5 files"]);
    }

    /// Each table says which language it is in, so its counts follow that language's rule.
    #[test]
    fn each_table_is_its_language() {
        for lang in [Lang::Et, Lang::Fi, Lang::En] {
            assert_eq!(lang.ui().lang, lang);
        }
    }

    /// The notices name what was opened and what was published in a sentence of their language.
    #[test]
    fn notices_fill_in_what_they_name() {
        let ui = Lang::Et.ui();
        assert_eq!(fill(ui.published, &[("{name}", "tere-scorm2004.zip")]), "Valmis: tere-scorm2004.zip on alla laaditud.");
        assert_eq!(fill(ui.opened, &[("{what}", &ui.count(3, &ui.files_count))]), "Avatud: 3 faili.");
        let ui = Lang::Fi.ui();
        assert_eq!(fill(ui.publish_failed, &[("{why}", &ui.count(1, &ui.problems_count))]), "Julkaiseminen ei onnistunut: 1 virhe");
    }
}

//! Validation problems in the trainer's words: each kind of `Said` in Estonian, Finnish
//! and English, to show next to the field it is about (so it need not name it; the
//! problem list names the field by its label, `field_label`). The command line keeps
//! the English `Said` prints; a developer finds it, with the file and line, under
//! "details".

use tere_authoring::draft::keys;
use tere_authoring::said::{DialogueSaid, Listed};
use tere_authoring::{Field, Said, Seg};
use tere_engine::dialogue::{MAX_DIALOGUE_NODES, MAX_DIALOGUE_STEPS, MAX_REPLIES, MAX_REPLY_POINTS};
use tere_engine::model::{MAX_CHOICES, MAX_HINTS, MAX_TRIES};
use tere_publish::{SourceError, MAX_SOURCE_FILES, MAX_SOURCE_FILE_BYTES, MAX_SOURCE_MEDIA_TOTAL_BYTES, MAX_SOURCE_TOTAL_BYTES};

use crate::i18n::{fill, Lang, Ui};

mod media;

/// What `said` means for the trainer, in `lang`; `ui` names the fields as the form does.
pub fn say(lang: Lang, ui: &Ui, said: &Said) -> String {
    match lang {
        Lang::Et => et(ui, said),
        Lang::Fi => fi(ui, said),
        Lang::En => en(ui, said),
    }
}

fn et(ui: &Ui, said: &Said) -> String {
    match said {
        Said::LangUnsupported { lang } => format!("Keelt „{lang}“ Tere ei toeta. Vali et, fi või en."),
        Said::PassMarkOutOfRange { value } => format!("Läbimise lävi {value}% ei sobi: see on protsent 0 kuni 100."),
        Said::NoQuestions => "Testis pole ühtegi küsimust. Lisa vähemalt üks.".into(),
        Said::DrawOutOfRange { draw, pool } => format!("Korraga saab küsida 1 kuni {pool} küsimust (nii palju on testis), mitte {draw}."),
        Said::DrawPerSectionNeedsDraw => format!("„{}“ vajab välja „{}“ arvu. Kirjuta see või võta linnuke ära.", ui.draw_per_section, ui.draw),
        Said::DrawPerSectionTooFew { sections, draw } => {
            format!("Testi küsimused viitavad {sections} materjali osale, aga korraga küsitakse {draw}. Küsi korraga vähemalt {sections} või võta linnuke „{}“ ära.", ui.draw_per_section)
        }
        Said::TriesOutOfRange { value } => format!("Katseid võib olla 1 kuni {MAX_TRIES}, mitte {value}."),
        Said::TryPenaltyNeedsTries => format!("Mahaarvamine kehtib alles siis, kui „{}“ on üle 1. Tõsta seda või tühjenda see väli.", ui.tries),
        Said::HintPenaltyWithoutHints => "Ühelgi selle testi küsimusel pole vihjet. Lisa küsimusele vihje või tühjenda see väli.".into(),
        Said::PenaltyOutOfRange { value, .. } => format!("Mahaarvamine {value}% ei sobi: see on protsent 0 kuni 100."),
        Said::DuplicateQuestionId { id, .. } => format!("Tunnus „{id}“ on juba teisel küsimusel. Igal küsimusel peab olema oma tunnus."),
        Said::UnknownSection { section, .. } => format!("Materjali osa „{section}“ pole osade loetelus (võib-olla nimetati see ümber). Vali osa uuesti."),
        Said::EmptyHintList => "Vihjete loetelu on tühi. Kirjuta vihje või eemalda loetelu.".into(),
        Said::TooManyHints { count } => format!("Küsimusel on {count} vihjet, lubatud on kuni {MAX_HINTS}. Eemalda üleliigsed."),
        Said::UnknownType { name } => format!("Küsimuse tüüpi „{name}“ pole olemas. Vali tüüp loetelust."),
        Said::FieldNotUsed { key, .. } => format!("Selle tüübi küsimusel pole välja „{key}“. Eemalda see või vali teine tüüp."),
        Said::TooFewOptions { .. } => "Küsimusel peab olema vähemalt kaks vastusevarianti.".into(),
        Said::NoRightOption => format!("Ükski vastusevariant pole märgitud õigeks. Märgi „{}“ vähemalt ühe juures.", ui.right_answer),
        Said::NotOneRightOption { found, .. } => format!("Õigeks peab olema märgitud täpselt üks vastusevariant, praegu on {found}."),
        Said::TrueFalseNeedsAnswer => "Märgi, kas väide on tõene või väär.".into(),
        Said::EmptySpeakerName => "Kirjuta rääkija nimi nii, nagu õppija seda näeb (nt „Juhataja“).".into(),
        Said::BadSpeaker => "Vali, kes räägib: klient, kolleeg või keegi teine (nimega).".into(),
        Said::TooManyOptions => format!("Vastusevariante võib olla kuni {MAX_CHOICES}. Eemalda üleliigsed."),
        Said::CountOutOfRange { what, found } => match what {
            Listed::Items => format!("Järjestamiseks on vaja 2 kuni {MAX_CHOICES} rida, praegu on {found}."),
            Listed::PairRights => format!("Vastavusse seadmiseks on vaja 2 kuni {MAX_CHOICES} paari, praegu on {found}."),
        },
        Said::NotDistinct { what } => match what {
            Listed::Items => "Read peavad kõik olema erinevad, muidu ei saa õppija neid eristada.".into(),
            Listed::PairRights => "Paaride paremad pooled peavad kõik olema erinevad, muidu ei saa õppija neid eristada.".into(),
        },
        Said::BadId { id, .. } => format!("Tunnuses „{id}“ tohib olla ainult tähti A–Z, numbreid ja alakriipsu (1–64 märki)."),
        Said::Empty { .. } => "See väli on tühi. Kirjuta tekst, mida õppija näeb.".into(),
        Said::Placeholder { .. } => "Siin on veel näidistekst. Kirjuta oma tekst: näidis ei jõua õppijani.".into(),
        Said::Missing { .. } => "See väli on selle tüübi küsimusel kohustuslik. Kirjuta see.".into(),
        Said::DuplicateQuizId { id, .. } => format!("Kursusel on juba test tunnusega „{id}“."),
        Said::NoQuizzesListed => "Kursusel pole ühtegi testi. Lisa test.".into(),
        Said::NotListed => "Seda testifaili pole kursuse testide loetelus. Lisa see loetellu või eemalda fail.".into(),
        Said::CannotRead { .. } => "Faili ei saanud lugeda.".into(),
        Said::Dialogue(d) => match d {
            DialogueSaid::BadMode { value } => {
                format!("Režiim „{value}“ on tundmatu. Vali „coach“ (tagasiside iga vastuse järel) või „real“ (tagasiside alles lõpus).")
            }
            DialogueSaid::NoSteps => "Dialoogil pole ühtegi sammu. Lisa vähemalt üks samm.".into(),
            DialogueSaid::NoEndings => "Dialoogil pole ühtegi lõppu. Lisa vähemalt üks lõpp.".into(),
            DialogueSaid::TooManyParts { endings, found } => {
                format!("Dialoogis on {found} {}, lubatud on kuni {MAX_DIALOGUE_NODES}.", if *endings { "lõppu" } else { "sammu" })
            }
            DialogueSaid::DuplicateId { id } => format!("Tunnus „{id}“ on dialoogis kahel osal. Igal sammul ja lõpul peab olema oma tunnus."),
            DialogueSaid::BadMood { value } => format!("Meeleolu „{value}“ on tundmatu. Vali calm, impatient, annoyed või pleased."),
            DialogueSaid::Replies { step, found } => format!("Sammul „{step}“ on {found} vastust. Sammul võib olla 2 kuni {MAX_REPLIES} vastust."),
            DialogueSaid::Points { value } => format!("Punktid {value} ei sobi: vastus annab 0 kuni {MAX_REPLY_POINTS} punkti."),
            DialogueSaid::NoBest { step } => {
                format!("Sammu „{step}“ kõik vastused annavad sama palju punkte, nii et ükski pole parim. Anna parimale vastusele rohkem punkte.")
            }
            DialogueSaid::UnknownNext { next } => format!("„{next}“ pole selle dialoogi samm ega lõpp. Vali olemasolev."),
            DialogueSaid::Threshold { value, most } => format!("Piir {value} ei sobi: vestluses saab koguda 1 kuni {most} punkti."),
            DialogueSaid::Loop { step } => format!(
                "Sammust „{step}“ viib tee tagasi sama sammu juurde, nii et vestlus ei pruugi kunagi lõppeda. Juhata see edasi hilisemale sammule või lõppu."
            ),
            DialogueSaid::TooLong => format!("Mõni tee läbi dialoogi on pikem kui {MAX_DIALOGUE_STEPS} sammu. Lühenda seda."),
            DialogueSaid::Unreachable { id } => format!("Ükski tee esimesest sammust ei vii osani „{id}“. Juhata mõni vastus sinna või eemalda see."),
        },
        Said::Media(said) => media::et(ui, said),
        Said::Other(_) => "Failis on viga, mida vormil parandada ei saa. Täpsem kirjeldus (inglise keeles) on allpool „Üksikasjad“ all.".into(),
    }
}

fn fi(ui: &Ui, said: &Said) -> String {
    match said {
        Said::LangUnsupported { lang } => format!("Tere ei tue kieltä ”{lang}”. Valitse et, fi tai en."),
        Said::PassMarkOutOfRange { value } => format!("Hyväksymisraja {value} % ei kelpaa: se on prosentti väliltä 0–100."),
        Said::NoQuestions => "Testissä ei ole yhtään kysymystä. Lisää vähintään yksi.".into(),
        Said::DrawOutOfRange { draw, pool } => format!("Kerralla voi kysyä 1–{pool} kysymystä (niin monta testissä on), ei {draw}."),
        Said::DrawPerSectionNeedsDraw => format!("”{}” tarvitsee kentän ”{}” luvun. Kirjoita se tai poista valinta.", ui.draw_per_section, ui.draw),
        Said::DrawPerSectionTooFew { sections, draw } => {
            format!("Testin kysymykset viittaavat {sections} materiaalin osaan, mutta kerralla kysytään {draw}. Kysy kerralla vähintään {sections} tai poista valinta ”{}”.", ui.draw_per_section)
        }
        Said::TriesOutOfRange { value } => format!("Yrityksiä voi olla 1–{MAX_TRIES}, ei {value}."),
        Said::TryPenaltyNeedsTries => format!("Vähennys koskee vain uusia yrityksiä: nosta kenttä ”{}” yli yhden tai tyhjennä tämä kenttä.", ui.tries),
        Said::HintPenaltyWithoutHints => "Yhdessäkään tämän testin kysymyksessä ei ole vihjettä. Lisää vihje tai tyhjennä tämä kenttä.".into(),
        Said::PenaltyOutOfRange { value, .. } => format!("Vähennys {value} % ei kelpaa: se on prosentti väliltä 0–100."),
        Said::DuplicateQuestionId { id, .. } => format!("Tunnus ”{id}” on jo toisella kysymyksellä. Jokaisella kysymyksellä on oltava oma tunnus."),
        Said::UnknownSection { section, .. } => {
            format!("Materiaalin osaa ”{section}” ei ole osien luettelossa (ehkä se nimettiin uudelleen). Valitse osa uudelleen.")
        }
        Said::EmptyHintList => "Vihjeluettelo on tyhjä. Kirjoita vihje tai poista luettelo.".into(),
        Said::TooManyHints { count } => format!("Kysymyksessä on {count} vihjettä, sallittu enimmäismäärä on {MAX_HINTS}. Poista ylimääräiset."),
        Said::UnknownType { name } => format!("Kysymystyyppiä ”{name}” ei ole. Valitse tyyppi luettelosta."),
        Said::FieldNotUsed { key, .. } => format!("Tämän tyypin kysymyksessä ei ole kenttää ”{key}”. Poista se tai valitse toinen tyyppi."),
        Said::TooFewOptions { .. } => "Kysymyksessä on oltava vähintään kaksi vastausvaihtoehtoa.".into(),
        Said::NoRightOption => format!("Yhtään vastausvaihtoehtoa ei ole merkitty oikeaksi. Valitse ”{}” vähintään yhdestä.", ui.right_answer),
        Said::NotOneRightOption { found, .. } => format!("Oikeaksi on merkittävä tasan yksi vastausvaihtoehto, nyt niitä on {found}."),
        Said::TrueFalseNeedsAnswer => "Merkitse, onko väite tosi vai epätosi.".into(),
        Said::EmptySpeakerName => "Kirjoita puhujan nimi niin kuin oppija sen näkee (esim. ”Esihenkilö”).".into(),
        Said::BadSpeaker => "Valitse, kuka puhuu: asiakas, kollega tai joku muu (nimellä).".into(),
        Said::TooManyOptions => format!("Vastausvaihtoehtoja voi olla enintään {MAX_CHOICES}. Poista ylimääräiset."),
        Said::CountOutOfRange { what, found } => match what {
            Listed::Items => format!("Järjestettäviä rivejä tarvitaan 2–{MAX_CHOICES}, nyt niitä on {found}."),
            Listed::PairRights => format!("Yhdistettäviä pareja tarvitaan 2–{MAX_CHOICES}, nyt niitä on {found}."),
        },
        Said::NotDistinct { what } => match what {
            Listed::Items => "Rivien on oltava keskenään erilaisia, muuten oppija ei erota niitä.".into(),
            Listed::PairRights => "Parien oikeiden puolten on oltava keskenään erilaisia, muuten oppija ei erota niitä.".into(),
        },
        Said::BadId { id, .. } => format!("Tunnuksessa ”{id}” saa olla vain kirjaimia A–Z, numeroita ja alaviivoja (1–64 merkkiä)."),
        Said::Empty { .. } => "Tämä kenttä on tyhjä. Kirjoita teksti, jonka oppija näkee.".into(),
        Said::Placeholder { .. } => "Tässä on vielä mallin teksti. Kirjoita oma tekstisi: malli ei päädy oppijalle.".into(),
        Said::Missing { .. } => "Tämä kenttä on tämän tyypin kysymyksessä pakollinen. Kirjoita se.".into(),
        Said::DuplicateQuizId { id, .. } => format!("Kurssilla on jo testi tunnuksella ”{id}”."),
        Said::NoQuizzesListed => "Kurssilla ei ole yhtään testiä. Lisää testi.".into(),
        Said::NotListed => "Tätä testitiedostoa ei ole kurssin testien luettelossa. Lisää se luetteloon tai poista tiedosto.".into(),
        Said::CannotRead { .. } => "Tiedostoa ei voitu lukea.".into(),
        Said::Dialogue(d) => match d {
            DialogueSaid::BadMode { value } => {
                format!("Tila ”{value}” on tuntematon. Valitse ”coach” (palaute jokaisen vastauksen jälkeen) tai ”real” (palaute vasta lopussa).")
            }
            DialogueSaid::NoSteps => "Dialogissa ei ole yhtään vaihetta. Lisää vähintään yksi vaihe.".into(),
            DialogueSaid::NoEndings => "Dialogissa ei ole yhtään loppua. Lisää vähintään yksi loppu.".into(),
            DialogueSaid::TooManyParts { endings, found } => {
                format!("Dialogissa on {found} {}, enintään {MAX_DIALOGUE_NODES} on sallittu.", if *endings { "loppua" } else { "vaihetta" })
            }
            DialogueSaid::DuplicateId { id } => {
                format!("Tunnus ”{id}” on dialogissa kahdella osalla. Jokaisella vaiheella ja lopulla on oltava oma tunnuksensa.")
            }
            DialogueSaid::BadMood { value } => format!("Mieliala ”{value}” on tuntematon. Valitse calm, impatient, annoyed tai pleased."),
            DialogueSaid::Replies { step, found } => format!("Vaiheessa ”{step}” on {found} vastausta. Vaiheessa voi olla 2–{MAX_REPLIES} vastausta."),
            DialogueSaid::Points { value } => format!("Pisteet {value} eivät kelpaa: vastauksesta saa 0–{MAX_REPLY_POINTS} pistettä."),
            DialogueSaid::NoBest { step } => format!(
                "Vaiheen ”{step}” kaikista vastauksista saa yhtä monta pistettä, joten mikään ei ole paras. Anna parhaalle vastaukselle enemmän pisteitä."
            ),
            DialogueSaid::UnknownNext { next } => format!("”{next}” ei ole tämän dialogin vaihe eikä loppu. Valitse olemassa oleva."),
            DialogueSaid::Threshold { value, most } => format!("Raja {value} ei kelpaa: keskustelussa voi kerätä 1–{most} pistettä."),
            DialogueSaid::Loop { step } => format!(
                "Vaiheesta ”{step}” pääsee takaisin samaan vaiheeseen, joten keskustelu ei ehkä lopu koskaan. Ohjaa se myöhempään vaiheeseen tai loppuun."
            ),
            DialogueSaid::TooLong => format!("Jokin reitti dialogin läpi on pidempi kuin {MAX_DIALOGUE_STEPS} vaihetta. Lyhennä sitä."),
            DialogueSaid::Unreachable { id } => {
                format!("Mikään reitti ensimmäisestä vaiheesta ei johda osaan ”{id}”. Ohjaa jokin vastaus sinne tai poista se.")
            }
        },
        Said::Media(said) => media::fi(ui, said),
        Said::Other(_) => "Tiedostossa on virhe, jota ei voi korjata lomakkeella. Tarkempi kuvaus (englanniksi) on alla kohdassa ”Lisätiedot”.".into(),
    }
}

fn en(ui: &Ui, said: &Said) -> String {
    match said {
        Said::LangUnsupported { lang } => format!("Tere does not support the language “{lang}”. Choose et, fi or en."),
        Said::PassMarkOutOfRange { value } => format!("A pass mark of {value}% cannot be used: it is a percent from 0 to 100."),
        Said::NoQuestions => "The quiz has no questions. Add at least one.".into(),
        Said::DrawOutOfRange { draw, pool } => format!("A quiz of {pool} can ask from 1 to {pool} questions at a time, not {draw}."),
        Said::DrawPerSectionNeedsDraw => format!("“{}” needs a number in “{}”. Write one, or untick it.", ui.draw_per_section, ui.draw),
        Said::DrawPerSectionTooFew { sections, draw } => {
            format!(
                "The quiz's questions cite {sections} sections of the material, but {draw} are asked at a time. Ask at least {sections}, or untick “{}”.",
                ui.draw_per_section
            )
        }
        Said::TriesOutOfRange { value } => format!("Tries can be from 1 to {MAX_TRIES}, not {value}."),
        Said::TryPenaltyNeedsTries => format!("This deduction only applies to further tries: raise “{}” above 1, or empty this field.", ui.tries),
        Said::HintPenaltyWithoutHints => "No question of this quiz has a hint. Add a hint to a question, or empty this field.".into(),
        Said::PenaltyOutOfRange { value, .. } => format!("A deduction of {value}% cannot be used: it is a percent from 0 to 100."),
        Said::DuplicateQuestionId { id, .. } => format!("Another question already has the id “{id}”. Each question needs its own."),
        Said::UnknownSection { section, .. } => {
            format!("The section “{section}” is not in the list of sections (it may have been renamed). Choose the section again.")
        }
        Said::EmptyHintList => "The list of hints is empty. Write a hint, or remove the list.".into(),
        Said::TooManyHints { count } => format!("The question has {count} hints; at most {MAX_HINTS} are allowed. Remove the extra ones."),
        Said::UnknownType { name } => format!("There is no question type “{name}”. Choose a type from the list."),
        Said::FieldNotUsed { key, .. } => format!("Questions of this type have no field “{key}”. Remove it, or choose another type."),
        Said::TooFewOptions { .. } => "The question needs at least two options.".into(),
        Said::NoRightOption => format!("No option is marked right. Tick “{}” for at least one.", ui.right_answer),
        Said::NotOneRightOption { found, .. } => format!("Exactly one option must be marked right; now {found} are."),
        Said::TrueFalseNeedsAnswer => "Mark whether the statement is true or false.".into(),
        Said::EmptySpeakerName => "Write the speaker's name as the learner should see it (for example “Manager”).".into(),
        Said::BadSpeaker => "Choose who speaks: the customer, a colleague, or someone else (named).".into(),
        Said::TooManyOptions => format!("A question can have at most {MAX_CHOICES} options. Remove the extra ones."),
        Said::CountOutOfRange { what, found } => match what {
            Listed::Items => format!("Putting in order needs 2 to {MAX_CHOICES} lines; now there are {found}."),
            Listed::PairRights => format!("Matching needs 2 to {MAX_CHOICES} pairs; now there are {found}."),
        },
        Said::NotDistinct { what } => match what {
            Listed::Items => "The lines must all be different, or the learner cannot tell them apart.".into(),
            Listed::PairRights => "The right sides of the pairs must all be different, or the learner cannot tell them apart.".into(),
        },
        Said::BadId { id, .. } => format!("The id “{id}” may only use letters A–Z, digits and underscores (1–64 characters)."),
        Said::Empty { .. } => "This field is empty. Write the text the learner should see.".into(),
        Said::Placeholder { .. } => "This is still the template's text. Write your own: the template never reaches learners.".into(),
        Said::Missing { .. } => "Questions of this type need this field. Write it.".into(),
        Said::DuplicateQuizId { id, .. } => format!("The course already has a quiz with the id “{id}”."),
        Said::NoQuizzesListed => "The course has no quizzes. Add one.".into(),
        Said::NotListed => "This quiz file is not in the course's list of quizzes. Add it to the list, or remove the file.".into(),
        Said::CannotRead { .. } => "The file could not be read.".into(),
        Said::Dialogue(d) => match d {
            DialogueSaid::BadMode { value } => {
                format!("The mode “{value}” is unknown. Choose “coach” (feedback after each reply) or “real” (feedback only at the end).")
            }
            DialogueSaid::NoSteps => "The dialogue has no step. Add at least one.".into(),
            DialogueSaid::NoEndings => "The dialogue has no ending. Add at least one.".into(),
            DialogueSaid::TooManyParts { endings, found } => {
                format!("The dialogue has {found} {}; at most {MAX_DIALOGUE_NODES} are allowed.", if *endings { "endings" } else { "steps" })
            }
            DialogueSaid::DuplicateId { id } => format!("Two parts of the dialogue are called “{id}”. Every step and ending needs its own id."),
            DialogueSaid::BadMood { value } => format!("The mood “{value}” is unknown. Choose calm, impatient, annoyed or pleased."),
            DialogueSaid::Replies { step, found } => format!("The step “{step}” has {found} replies; a step offers 2 to {MAX_REPLIES}."),
            DialogueSaid::Points { value } => format!("{value} points will not do: a reply earns 0 to {MAX_REPLY_POINTS}."),
            DialogueSaid::NoBest { step } => format!("Every reply of the step “{step}” earns the same points, so none is the best. Give the best reply more."),
            DialogueSaid::UnknownNext { next } => format!("“{next}” is no step or ending of this dialogue. Choose one that exists."),
            DialogueSaid::Threshold { value, most } => format!("The threshold {value} will not do: a conversation here collects 1 to {most} points."),
            DialogueSaid::Loop { step } => {
                format!("A way from the step “{step}” comes back to it, so the conversation might never end. Lead it on to a later step or an ending.")
            }
            DialogueSaid::TooLong => format!("A way through the dialogue is longer than {MAX_DIALOGUE_STEPS} steps. Shorten it."),
            DialogueSaid::Unreachable { id } => format!("No way from the first step leads to “{id}”. Lead a reply there or remove it."),
        },
        Said::Media(said) => media::en(ui, said),
        Said::Other(_) => "The file has a problem the form cannot fix. The details (in English) are below, under “Details”.".into(),
    }
}

/// The label of the field a problem is at, as the form shows it ("Question 3 · Option 2
/// · Feedback on this answer"), for the problem list; `None` for a whole file.
pub fn field_label(ui: &Ui, field: &Field) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    // The list just stepped into, whose elements the form may number.
    let mut list: Option<&str> = None;
    for (n, seg) in field.path.iter().enumerate() {
        match seg {
            Seg::Index(i) => parts.push(list.and_then(|list| element(ui, list, i + 1)).unwrap_or_else(|| (i + 1).to_string())),
            Seg::Key(key) => {
                list = Some(key);
                let numbered = element(ui, key, 1).is_some();
                let in_option = matches!(parts.last(), Some(p) if p.starts_with(ui.option));
                let label = match key.as_str() {
                    keys::TITLE if field.file == "course.toml" => Some(ui.course_title),
                    keys::TITLE => Some(ui.quiz_title),
                    keys::INTRO => Some(ui.intro),
                    keys::LANG => Some(ui.language),
                    keys::PASS_MARK => Some(ui.pass_mark),
                    keys::DRAW => Some(ui.draw),
                    keys::DRAW_PER_SECTION => Some(ui.draw_per_section),
                    keys::TRIES => Some(ui.tries),
                    keys::TRY_PENALTY => Some(ui.try_penalty),
                    keys::HINT_PENALTY => Some(ui.hint_penalty),
                    keys::TYPE => Some(ui.question_type),
                    keys::TEXT if in_option => None,
                    keys::TEXT => Some(ui.question_text),
                    keys::EXPLANATION => Some(ui.explanation),
                    keys::FEEDBACK => Some(ui.feedback),
                    keys::FEEDBACK_TRUE => Some(ui.feedback_true),
                    keys::FEEDBACK_FALSE => Some(ui.feedback_false),
                    keys::LINE | keys::CUSTOMER => Some(ui.customer_line),
                    keys::SPEAKER => Some(ui.speaker),
                    keys::SOURCE | keys::SECTION | keys::SEED if field.file != "sections.toml" => Some(ui.source_section),
                    keys::HEADING => None,
                    keys::ANSWER => Some(ui.statement_is_true),
                    keys::LEFT => Some(ui.pair_left),
                    keys::RIGHT => Some(ui.pair_right),
                    keys::CORRECT => Some(ui.right_answer),
                    keys::OPTION => Some(ui.options),
                    keys::ITEMS => Some(ui.items_in_order),
                    keys::HINT => Some(ui.hints),
                    // The media form is one file picker: a problem with the file's name is
                    // shown there too.
                    keys::MEDIA | keys::FILE => Some(ui.media),
                    keys::ALT => Some(ui.media_alt),
                    keys::DECORATIVE => Some(ui.media_decorative),
                    keys::TRANSCRIPT => Some(ui.media_transcript),
                    _ => None,
                };
                // A list's own label shows only when the problem is about the list itself.
                let is_last = n + 1 == field.path.len();
                if let Some(label) = label.filter(|_| !numbered || is_last) {
                    if parts.last().map(String::as_str) != Some(label) {
                        parts.push(label.to_string());
                    }
                }
            }
        }
    }
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// The `n`th element of the list at `key` as the form numbers it ("Küsimus 3" of
/// `question`, "Samm 2" of a dialogue's `step`), for the lists whose elements it numbers.
fn element(ui: &Ui, key: &str, n: usize) -> Option<String> {
    let word = |word: &str| Some(format!("{word} {n}"));
    let filled = |template: &str| Some(fill(template, &[("{n}", &n.to_string())]));
    match key {
        keys::QUESTION => word(ui.question),
        keys::OPTION => word(ui.option),
        keys::HINT => word(ui.hint),
        keys::ITEMS => word(ui.item),
        keys::PAIR => word(ui.pair),
        keys::SECTION => word(ui.section),
        keys::STEP => filled(ui.step_n),
        keys::REPLY => filled(ui.reply_n),
        keys::ENDING => filled(ui.ending_n),
        _ => None,
    }
}

/// What a lint rule (by its name, `tere_authoring::lint::RULES`) asks of the trainer, in
/// `lang`: advice on writing, not a problem. Every rule has words in every language
/// (a test checks), and an unknown name a general sentence.
pub fn advise(lang: Lang, rule: &str) -> &'static str {
    let words = ADVICE.iter().find(|(name, _)| *name == rule).map_or(&GENERAL, |(_, words)| words);
    match lang {
        Lang::Et => words[0],
        Lang::Fi => words[1],
        Lang::En => words[2],
    }
}

const GENERAL: [&str; 3] = [
    "Küsimuse sõnastus võib vihjata õigele vastusele. Vaata üksikasju.",
    "Kysymyksen muotoilu voi paljastaa oikean vastauksen. Katso lisätiedot.",
    "The wording may give the right answer away. See the details.",
];

/// Each lint rule's advice: Estonian, Finnish, English.
const ADVICE: &[(&str, [&str; 3])] = &[
    (
        "longest_option",
        [
            "Õige vastus on märgatavalt pikim: õppija võib valida pikkuse järgi. Lühenda seda või pikenda valesid.",
            "Oikea vastaus on selvästi pisin: oppija voi valita pituuden perusteella. Lyhennä sitä tai pidennä vääriä.",
            "The right option is noticeably the longest, so a learner can pick by length. Shorten it or lengthen the wrong ones.",
        ],
    ),
    (
        "true_false_balance",
        [
            "Selle testi väited on enamasti tõesed või enamasti väärad: õppija võib arvata. Tasakaalusta neid.",
            "Tämän testin väitteet ovat enimmäkseen tosia tai enimmäkseen epätosia: oppija voi arvata. Tasapainota niitä.",
            "This quiz's statements are mostly true or mostly false, so a learner can guess. Balance them.",
        ],
    ),
    (
        "absolute_in_false",
        [
            "Sõnad nagu „alati“, „ainult“ või „kindlasti“ on ainult valedes vastustes: need reedavad vale vastuse. Sõnasta ilma nendeta.",
            "Sanat kuten ”aina”, ”vain” tai ”ehdottomasti” ovat vain väärissä vastauksissa: ne paljastavat väärän vastauksen. Muotoile ilman niitä.",
            "Words like “always”, “only” or “definitely” appear only in wrong answers, which gives them away. Reword without them.",
        ],
    ),
    (
        "justification_in_wrong",
        [
            "Valed vastused põhjendavad end („…, sest …“, „…, et …“) palju sagedamini kui õiged: põhjendus reedab vale. Ühtlusta need.",
            "Väärät vastaukset perustelevat itseään (”…, koska …”, ”…, jotta …”) paljon useammin kuin oikeat: perustelu paljastaa väärän. Tasoita niitä.",
            "Wrong answers give a reason (“…, because …”) much more often than right ones, so a reason gives them away. Even them out.",
        ],
    ),
    (
        "all_or_none",
        [
            "Vastus „kõik eelnevad“ või „mitte ükski“ laseb arvata. Kirjuta selle asemel päris vastusevariant.",
            "Vastaus ”kaikki edellä mainitut” tai ”ei mikään” antaa arvata. Kirjoita sen tilalle oikea vaihtoehto.",
            "“All of the above” or “none of the above” lets a learner guess. Write a real option instead.",
        ],
    ),
    (
        "same_wrong_count",
        [
            "Kõigil mitme õige vastusega küsimustel on sama arv valesid vastuseid: õppija võib seda ära kasutada. Muuda mõne küsimuse valede arvu.",
            "Kaikissa monen oikean vastauksen kysymyksissä on yhtä monta väärää vaihtoehtoa: oppija voi käyttää sitä hyväkseen. Muuta joidenkin määrää.",
            "Every multiple-answer question has the same number of wrong options, which a learner can use. Vary it.",
        ],
    ),
    (
        "pick_all_credit",
        [
            "Kui õppija märgib kõik variandid, saab ta pool punktidest või rohkem. Lisa valesid variante või vähenda õigeid.",
            "Jos oppija valitsee kaikki vaihtoehdot, hän saa puolet pisteistä tai enemmän. Lisää vääriä tai vähennä oikeita vaihtoehtoja.",
            "Ticking every option earns half the credit or more. Add wrong options or have fewer right ones.",
        ],
    ),
    (
        "key_first",
        [
            "Õige vastus on enamasti esimene: väljatrükis ja eksporditud küsimustes on see näha. Sega vastusevariantide järjekorda.",
            "Oikea vastaus on useimmiten ensimmäinen: se näkyy tulosteissa ja viedyissä kysymyksissä. Sekoita vaihtoehtojen järjestystä.",
            "The right option is mostly listed first, which shows in print and exports. Mix the order of the options.",
        ],
    ),
    (
        "echoed_words",
        [
            "Paari vasak pool kordab oma parema poole sõna: paari saab leida sõna järgi. Sõnasta teisiti.",
            "Parin vasen puoli toistaa oikean puolensa sanaa: parin voi löytää sanan perusteella. Muotoile toisin.",
            "A pair's left side repeats a word of its right side, so it can be matched by the word. Reword it.",
        ],
    ),
    (
        "option_in_stem",
        [
            "Küsimus kordab õige vastuse sõnu: vastuse saab leida sõnu võrreldes. Kirjelda olukorda teiste sõnadega.",
            "Kysymys toistaa oikean vastauksen sanoja: vastauksen löytää sanoja vertaamalla. Kuvaa tilanne toisin sanoin.",
            "The question repeats the right option's words, so matching words finds the answer. Say the situation in other words.",
        ],
    ),
    (
        "hint_gives_answer",
        [
            "Vihje nimetab või tsiteerib vastusevarianti või küsib „A või B?“: see annab vastuse ette. Suuna vihjega põhimõtte juurde.",
            "Vihje mainitsee tai lainaa vaihtoehtoa tai kysyy ”A vai B?”: se kertoo vastauksen. Ohjaa vihjeellä periaatteen luo.",
            "The hint names or quotes an option, or asks “A or B?”, which gives the answer. Point back to the principle instead.",
        ],
    ),
    (
        "free_hints",
        [
            "Testis on vihjeid, aga vihje eest ei arvata midagi maha: vihje enne vastamist on tasuta. Määra vihje mahaarvamine.",
            "Testissä on vihjeitä, mutta vihjeestä ei vähennetä mitään: vihje ennen vastaamista on ilmainen. Aseta vihjevähennys.",
            "The quiz has hints but no deduction for them, so a hint before answering is free. Set a deduction per hint.",
        ],
    ),
    (
        "dialogue_shape",
        [
            "Dialoogi parim tee on liiga lühike (alla 3 vastuse) või parim vastus on sammudes märgatavalt pikim. Lisa samme või tee teised vastused sama põhjalikuks.",
            "Dialogin paras reitti on liian lyhyt (alle 3 vastausta) tai paras vastaus on vaiheissa selvästi pisin. Lisää vaiheita tai tee muista vastauksista yhtä perusteellisia.",
            "The dialogue's best path is too short (under 3 replies), or its best replies are noticeably the longest. Add steps, or give the other replies as much detail.",
        ],
    ),
    (
        "unused_allow",
        [
            "Erand („allow“) ei vaigista enam midagi. Eemalda see failist.",
            "Poikkeus (”allow”) ei enää vaimenna mitään. Poista se tiedostosta.",
            "An exception (“allow”) no longer silences anything. Remove it from the file.",
        ],
    ),
];

/// Why a package's course cannot be read back, in the trainer's language.
pub fn package_problem(lang: Lang, problem: &SourceError) -> String {
    let mib = |bytes: usize| bytes >> 20;
    let (most_files, file_mib, total_mib) = (MAX_SOURCE_FILES, mib(MAX_SOURCE_FILE_BYTES), mib(MAX_SOURCE_TOTAL_BYTES));
    let (media_mib, media_total_mib) = (mib(tere_authoring::media::MAX_BYTES), mib(MAX_SOURCE_MEDIA_TOTAL_BYTES));
    match lang {
        Lang::Et => match problem {
            SourceError::UnknownFormat => "see fail pole SCORM-pakett (zip) ega võrguühenduseta fail (HTML); ava Tere tehtud pakett.".into(),
            SourceError::DamagedZip(_) => "see zip-fail on vigane ja seda ei saa lugeda; laadi või kopeeri see uuesti.".into(),
            SourceError::NotTereZip => "see zip-fail pole Tere pakett või on tehtud ajal, mil paketid ei sisaldanud oma kursust (kaust source/ puudub).".into(),
            SourceError::NotTerePage => "see leht pole Tere võrguühenduseta fail või on tehtud ajal, mil need ei sisaldanud oma kursust.".into(),
            SourceError::NoCourseFile => "paketi kursusel pole faili course.toml, seega seda ei saa avada.".into(),
            SourceError::BadName(name) => format!("paketis on kasutamatu nimega fail „{}“, seega seda ei avata.", name.escape_debug()),
            SourceError::Duplicate(name) => format!("paketis on fail {name} kaks korda, seega seda ei avata."),
            SourceError::TooManyFiles => format!("paketis on üle {most_files} lähtefaili, seega seda ei avata."),
            SourceError::FileTooLarge(name) => format!("paketi lähtefail {name} on suurem kui {file_mib} MiB, seega seda ei avata."),
            SourceError::TotalTooLarge => format!("paketi lähtefailid on kokku suuremad kui {total_mib} MiB, seega seda ei avata."),
            SourceError::BadBase64(name) => format!("selle lehe lähtefail {name} on vigane; salvesta leht uuesti."),
            SourceError::NotText(name) => format!("paketi lähtefail {name} pole tekst (UTF-8), seega seda ei avata."),
            SourceError::MediaTooLarge(name) => format!("paketi pilt või heli {name} on suurem kui {media_mib} MiB, seega seda ei avata."),
            SourceError::MediaTotalTooLarge => format!("paketi pildid ja helid on kokku suuremad kui {media_total_mib} MiB, seega seda ei avata."),
            SourceError::MissingMedia(name) => format!("selle lehe pilt või heli {name} on puudu; salvesta leht uuesti."),
        },
        Lang::Fi => match problem {
            SourceError::UnknownFormat => "tiedosto ei ole SCORM-paketti (zip) eikä offline-tiedosto (HTML); avaa Teren tekemä paketti.".into(),
            SourceError::DamagedZip(_) => "zip-tiedosto on vioittunut eikä sitä voi lukea; lataa tai kopioi se uudelleen.".into(),
            SourceError::NotTereZip => {
                "zip-tiedosto ei ole Tere-paketti, tai se on tehty ennen kuin paketit sisälsivät kurssinsa (source/-kansio puuttuu).".into()
            }
            SourceError::NotTerePage => "sivu ei ole Teren offline-tiedosto, tai se on tehty ennen kuin ne sisälsivät kurssinsa.".into(),
            SourceError::NoCourseFile => "paketin kurssissa ei ole tiedostoa course.toml, joten sitä ei voi avata.".into(),
            SourceError::BadName(name) => format!("paketissa on käyttökelvottoman niminen tiedosto ”{}”, joten sitä ei avata.", name.escape_debug()),
            SourceError::Duplicate(name) => format!("paketissa on tiedosto {name} kahdesti, joten sitä ei avata."),
            SourceError::TooManyFiles => format!("paketissa on yli {most_files} lähdetiedostoa, joten sitä ei avata."),
            SourceError::FileTooLarge(name) => format!("paketin lähdetiedosto {name} on suurempi kuin {file_mib} Mt, joten sitä ei avata."),
            SourceError::TotalTooLarge => format!("paketin lähdetiedostot ovat yhteensä suurempia kuin {total_mib} Mt, joten sitä ei avata."),
            SourceError::BadBase64(name) => format!("sivun lähdetiedosto {name} on vioittunut; tallenna sivu uudelleen."),
            SourceError::NotText(name) => format!("paketin lähdetiedosto {name} ei ole tekstiä (UTF-8), joten sitä ei avata."),
            SourceError::MediaTooLarge(name) => format!("paketin kuva tai ääni {name} on suurempi kuin {media_mib} Mt, joten sitä ei avata."),
            SourceError::MediaTotalTooLarge => format!("paketin kuvat ja äänet ovat yhteensä suurempia kuin {media_total_mib} Mt, joten sitä ei avata."),
            SourceError::MissingMedia(name) => format!("sivun kuva tai ääni {name} puuttuu; tallenna sivu uudelleen."),
        },
        Lang::En => problem.message(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_is_named_by_the_form_s_labels() {
        use crate::i18n::LangUi;
        let ui = Lang::Et.ui();
        let q = Field::question("raske_klient.toml", 2);
        assert_eq!(
            field_label(ui, &q.clone().key(keys::OPTION).index(0).key(keys::FEEDBACK)),
            Some(format!("{} 3 · {} 1 · {}", ui.question, ui.option, ui.feedback))
        );
        assert_eq!(field_label(ui, &q.clone().key(keys::OPTION).index(1).key(keys::TEXT)), Some(format!("{} 3 · {} 2", ui.question, ui.option)));
        assert_eq!(field_label(ui, &q.clone().key(keys::OPTION)), Some(format!("{} 3 · {}", ui.question, ui.options)));
        assert_eq!(field_label(ui, &q.clone().key(keys::TEXT)), Some(format!("{} 3 · {}", ui.question, ui.question_text)));
        assert_eq!(field_label(ui, &q.key(keys::SOURCE).key(keys::SECTION)), Some(format!("{} 3 · {}", ui.question, ui.source_section)));
        assert_eq!(field_label(ui, &Field::file("course.toml").key(keys::TITLE)), Some(ui.course_title.to_string()));
        assert_eq!(field_label(ui, &Field::file("sections.toml").key(keys::SECTION).index(4).key(keys::HEADING)), Some(format!("{} 5", ui.section)));
        assert_eq!(field_label(ui, &Field::file("x.toml")), None);
    }

    #[test]
    fn every_lint_rule_has_advice_in_every_language() {
        for rule in tere_authoring::lint::RULES.iter().map(|r| r.name).chain(["unused_allow"]) {
            assert!(ADVICE.iter().any(|(name, _)| *name == rule), "no advice for `{rule}`");
        }
        for (name, words) in ADVICE {
            assert!(tere_authoring::lint::rule(name).is_some() || *name == "unused_allow", "`{name}` is no rule");
            assert!(words.iter().all(|w| !w.is_empty()));
        }
    }
}

//! The examples of Moodle's GIFT documentation (docs.moodle.org "GIFT format",
//! and question/format/gift/examples.txt, which repeats them), parsed and
//! imported. The ones Tere can represent must come through with their content;
//! the rest must be reported, never dropped silently.

use super::*;
use tere_engine::model::{Kind, Question};

fn options() -> ImportOptions {
    ImportOptions { quiz_id: "m".into(), file_name: "moodle.gift".into(), lang: "en".into(), ..Default::default() }
}

/// The one question a GIFT snippet turns into, and the notes about it.
fn convert(gift: &str) -> (Option<Question>, Vec<Note>) {
    let items = parse(gift).unwrap_or_else(|e| panic!("{gift}\n{e:?}"));
    let imported = import(&items, &options());
    (imported.quiz.questions.first().cloned(), imported.notes)
}

fn question(gift: &str) -> Question {
    convert(gift).0.unwrap_or_else(|| panic!("not carried over: {gift}"))
}

/// (text, correct, feedback) of every option.
fn options_of(q: &Question) -> Vec<(&str, bool, &str)> {
    q.kind.options().iter().map(|o| (o.text.as_ref(), o.correct, o.feedback.as_ref())).collect()
}

fn notes_mention(gift: &str, words: &str) {
    let (_, notes) = convert(gift);
    assert!(notes.iter().any(|n| n.message.contains(words)), "no note with `{words}` for {gift}: {notes:#?}");
}

fn single(q: &Question) -> Vec<(&str, bool)> {
    assert_eq!(q.kind.name(), "single", "{q:?}");
    options_of(q).into_iter().map(|(t, c, _)| (t, c)).collect()
}

#[test]
fn multiple_choice() {
    let q = question("Who's buried in Grant's tomb?{~Grant ~Jefferson =no one}");
    assert_eq!(q.text, "Who's buried in Grant's tomb?");
    assert_eq!(single(&q), vec![("Grant", false), ("Jefferson", false), ("no one", true)]);
    assert_eq!(q.id, "m_1");

    let q = question("Who's buried in Grant's tomb? {=Grant ~no one ~Napoleon ~Churchill ~Mother Teresa }");
    assert_eq!(single(&q)[0], ("Grant", true));
    assert_eq!(single(&q).len(), 5);

    let q = question("Japanese characters originally came from what country? {\n    ~India\n    =China\n    ~Korea\n    ~Egypt}");
    assert_eq!(single(&q), vec![("India", false), ("China", true), ("Korea", false), ("Egypt", false)]);
}

#[test]
fn missing_word_multiple_choice() {
    for (gift, text, right) in [
        ("Grant is {~buried =entombed ~living} in Grant's tomb.", "Grant is _____ in Grant's tomb.", "entombed"),
        (
            "The American holiday of Thanksgiving is celebrated on the {\n    ~second\n    ~third\n    =fourth\n} Thursday of November.",
            "The American holiday of Thanksgiving is celebrated on the _____ Thursday of November.",
            "fourth",
        ),
        ("Moodle costs {~lots of money =nothing ~a small amount} to download from moodle.org.", "Moodle costs _____ to download from moodle.org.", "nothing"),
        (
            "Mahatma Gandhi's birthday is an Indian holiday on { ~15th ~3rd =2nd } of October.",
            "Mahatma Gandhi's birthday is an Indian holiday on _____ of October.",
            "2nd",
        ),
        (
            "Since { ~495 AD =1066 AD ~1215 AD ~ 43 AD } the town of Hastings England has been \"famous with visitors\".",
            "Since _____ the town of Hastings England has been \"famous with visitors\".",
            "1066 AD",
        ),
    ] {
        let q = question(gift);
        assert_eq!(q.text, text);
        assert_eq!(single(&q).iter().filter(|(_, c)| *c).map(|(t, _)| *t).collect::<Vec<_>>(), vec![right]);
        notes_mention(gift, "missing word");
    }
    let q = question("Since { ~495 AD =1066 AD ~1215 AD ~ 43 AD } the town");
    assert_eq!(single(&q)[3].0, "43 AD");
}

#[test]
fn titles_become_ids() {
    let q = question("::Thanksgiving Date::The American holiday of Thanksgiving is\ncelebrated on the {~second ~third =fourth} Thursday of November.");
    assert_eq!(q.id, "Thanksgiving_Date");
    assert_eq!(q.text, "The American holiday of Thanksgiving is celebrated on the _____ Thursday of November.");
    assert_eq!(
        question("::Q2:: What's between orange and green in the spectrum?\n{ =yellow # right; good! ~red # wrong, it's yellow ~blue # wrong, it's yellow }").id,
        "Q2"
    );
    notes_mention("::Grant's Tomb::Grant is {~buried =entombed ~living} in Grant's tomb.", "became the id `Grant_s_Tomb`");
}

#[test]
fn feedback_per_answer() {
    let q =
        question("::Q2:: What's between orange and green in the spectrum?\n{ =yellow # right; good! ~red # wrong, it's yellow ~blue # wrong, it's yellow }");
    assert_eq!(q.text, "What's between orange and green in the spectrum?");
    assert_eq!(options_of(&q), vec![("yellow", true, "right; good!"), ("red", false, "wrong, it's yellow"), ("blue", false, "wrong, it's yellow")]);

    let q = question(
        "What's the answer to this multiple-choice question?{\n~wrong answer#feedback comment on the wrong answer\n~another wrong answer#feedback comment on this wrong answer\n=right answer#Very good!}",
    );
    assert_eq!(
        options_of(&q),
        vec![
            ("wrong answer", false, "feedback comment on the wrong answer"),
            ("another wrong answer", false, "feedback comment on this wrong answer"),
            ("right answer", true, "Very good!"),
        ]
    );

    let q = question("::Grants tomb::Who is buried in Grant's tomb in New York City? {\n=Grant\n~No one\n#Was true for 12 years, but Grant's remains were buried in the tomb in 1897\n~Napoleon\n#He was buried in France\n~Churchill\n#He was buried in England\n~Mother Teresa\n#She was buried in India\n}");
    assert_eq!(q.id, "Grants_tomb");
    let o = options_of(&q);
    assert_eq!(o[0], ("Grant", true, "Correct."));
    assert_eq!(o[1], ("No one", false, "Was true for 12 years, but Grant's remains were buried in the tomb in 1897"));
    assert_eq!(o[4], ("Mother Teresa", false, "She was buried in India"));
    notes_mention("::Grants tomb::Q {=Grant ~No one #x}", "1 answer has no feedback");

    let q = question(
        "::Grant's Tomb::Grant is {\n      ~buried#No one is buried there.\n      =entombed#Right answer!\n      ~living#We hope not!\n} in Grant's tomb.",
    );
    assert_eq!(options_of(&q)[1], ("entombed", true, "Right answer!"));
}

#[test]
fn general_feedback_becomes_the_explanation() {
    let q = question("Match the following countries with their corresponding capitals. {\n    =Canada -> Ottawa\n    =Italy -> Rome\n    =Japan -> Tokyo\n    =India -> New Delhi\n    ####It's good to know the capitals\n}");
    assert_eq!(q.explanation, "It's good to know the capitals");
    let (q, notes) = convert("Who's buried in Grant's tomb?{~Grant ~Jefferson =no one}");
    assert_eq!(q.unwrap().explanation, "");
    assert!(notes.iter().any(|n| n.line == Some(1) && n.message.contains("write its `explanation`")));
}

#[test]
fn true_false() {
    for (gift, text, answer) in [
        ("Grant is buried in Grant's tomb.{F}", "Grant is buried in Grant's tomb.", false),
        ("Grant is buried in Grant's tomb.{FALSE}", "Grant is buried in Grant's tomb.", false),
        ("The sun rises in the east.{T}", "The sun rises in the east.", true),
        ("::Q1:: 1+1=2 {T}", "1+1=2", true),
        (
            "// question: 0 name: TrueStatement using {T} style\n::TrueStatement about Grant::Grant was buried in a tomb in New York City.{T}",
            "Grant was buried in a tomb in New York City.",
            true,
        ),
        (
            "// question: 0 name: FalseStatement using {FALSE} style\n::FalseStatement about sun::The sun rises in the West.{FALSE}",
            "The sun rises in the West.",
            false,
        ),
    ] {
        let q = question(gift);
        assert_eq!(q.text, text);
        assert!(matches!(q.kind, Kind::TrueFalse { answer: a, .. } if a == answer), "{gift}");
    }
    assert_eq!(question("::TrueStatement about Grant::Grant was buried.{T}").id, "TrueStatement_about_Grant");
}

#[test]
fn true_false_feedback_goes_to_the_choice_it_answers() {
    // The one feedback of {FALSE#…} is for the wrong answer: a learner who said "true".
    let q = question("Grant is buried in Grant's tomb.{FALSE#No one is buried in Grant's tomb.}");
    let Kind::TrueFalse { answer, feedback_true, feedback_false } = &q.kind else { panic!() };
    assert!(!answer);
    assert_eq!(feedback_true, "No one is buried in Grant's tomb.");
    assert_eq!(feedback_false, "Correct.");

    let q = question("Grant is buried in Grant's tomb.{FALSE#Wrong, No one is buried in Grant's tomb.#Right, well done.}");
    let Kind::TrueFalse { feedback_true, feedback_false, .. } = &q.kind else { panic!() };
    assert_eq!((feedback_true.as_ref(), feedback_false.as_ref()), ("Wrong, No one is buried in Grant's tomb.", "Right, well done."));

    let q = question("Question Text {TRUE #Wrong #Right}");
    let Kind::TrueFalse { answer, feedback_true, feedback_false } = &q.kind else { panic!() };
    assert!(answer);
    assert_eq!((feedback_true.as_ref(), feedback_false.as_ref()), ("Right", "Wrong"));
}

#[test]
fn matching() {
    let q = question("Matching Question. {\n    =subquestion1 -> subanswer1\n    =subquestion2 -> subanswer2\n    =subquestion3 -> subanswer3\n    }");
    let Kind::Matching { pairs } = &q.kind else { panic!() };
    assert_eq!(
        pairs.iter().map(|p| (p.left.as_ref(), p.right.as_ref())).collect::<Vec<_>>(),
        vec![("subquestion1", "subanswer1"), ("subquestion2", "subanswer2"), ("subquestion3", "subanswer3")]
    );

    let q = question("Match the following countries with their corresponding\ncapitals.{=Canada->Ottawa =Italy->Rome =Japan->Tokyo}");
    assert_eq!(q.text, "Match the following countries with their corresponding capitals.");
    let Kind::Matching { pairs } = &q.kind else { panic!() };
    assert_eq!(pairs[2].left, "Japan");
    assert_eq!(pairs[2].right, "Tokyo");

    let q = question("Match the following countries with their corresponding capitals. {\n    =Canada -> Ottawa\n    =Italy  -> Rome\n    =Japan  -> Tokyo\n    =India  -> New Delhi\n    }");
    let Kind::Matching { pairs } = &q.kind else { panic!() };
    assert_eq!((pairs[3].left.as_ref(), pairs[3].right.as_ref()), ("India", "New Delhi"));

    let q = question("::Q4:: Which animal eats which food? { =cat -> cat food =dog -> dog food }");
    let Kind::Matching { pairs } = &q.kind else { panic!() };
    assert_eq!((pairs[1].left.as_ref(), pairs[1].right.as_ref()), ("dog", "dog food"));
}

#[test]
fn matching_with_formats_and_an_extra_answer() {
    // From Moodle's own importer tests.
    let gift = "::Moodle activities::[html]Match the <b>activity</b> to the description.{\n    =[html]An activity supporting asynchronous discussions. -> Forum\n    =[moodle]A teacher asks a question and specifies a choice of multiple responses. -> Choice\n    =[plain]A bank of record entries which participants can add to. -> Database\n    =[markdown]A collection of web pages that anyone can add to or edit. -> Wiki\n    = -> Chat\n}";
    let q = question(gift);
    assert_eq!(q.text, "Match the <b>activity</b> to the description.");
    let Kind::Matching { pairs } = &q.kind else { panic!() };
    assert_eq!(pairs.len(), 4);
    assert_eq!(pairs[1].left, "A teacher asks a question and specifies a choice of multiple responses.");
    notes_mention(gift, "[html] formatting is not carried over");
    notes_mention(gift, "extra right-hand answer `Chat`");
}

#[test]
fn weights_in_a_one_answer_choice() {
    let gift = "Difficult question.{~wrong answer ~%50%half credit answer =full credit answer}";
    assert_eq!(single(&question(gift)), vec![("wrong answer", false), ("half credit answer", false), ("full credit answer", true)]);
    notes_mention(gift, "partial credit 50% for `half credit answer`");

    let gift = "::Jesus' hometown::Jesus Christ was from {\n    ~Jerusalem#This was an important city, but the wrong answer.\n    ~%25%Bethlehem#He was born here, but not raised here.\n    ~%50%Galilee#You need to be more specific.\n    =Nazareth#Yes! That's right!}.";
    let q = question(gift);
    assert_eq!(q.id, "Jesus_hometown");
    assert_eq!(q.text, "Jesus Christ was from _____.");
    assert_eq!(options_of(&q)[3], ("Nazareth", true, "Yes! That's right!"));
    assert_eq!(options_of(&q)[1], ("Bethlehem", false, "He was born here, but not raised here."));
    notes_mention(gift, "partial credit 25%");

    let gift = "Difficult multiple choice question.{\n     ~wrong answer           #comment on wrong answer\n     ~%50%half credit answer #comment on answer\n     =full credit answer     #well done!}";
    assert_eq!(options_of(&question(gift))[2], ("full credit answer", true, "well done!"));
}

#[test]
fn multiple_answers() {
    for gift in [
        "What two people are entombed in Grant's tomb? {\n    ~No one\n    ~%50%Grant\n    ~%50%Grant's wife\n    ~Grant's father }",
        "What two people are entombed in Grant's tomb? {\n    ~%-50%No one\n    ~%50%Grant\n    ~%50%Grant's wife\n    ~%-50%Grant's father }",
        "What two people are entombed in Grant's tomb? { ~%-100%No one ~%50%Grant ~%50%Grant's wife ~%-100%Grant's father }",
    ] {
        let q = question(gift);
        assert_eq!(q.kind.name(), "multiple");
        assert_eq!(
            options_of(&q).iter().map(|(t, c, _)| (*t, *c)).collect::<Vec<_>>(),
            vec![("No one", false), ("Grant", true), ("Grant's wife", true), ("Grant's father", false)]
        );
    }
    // Only the weighting that equals Tere's rule goes without a note.
    let (_, notes) = convert("Q {~%-50%No one ~%50%Grant ~%50%Grant's wife ~%-50%Grant's father }");
    assert!(!notes.iter().any(|n| n.message.contains("weights")));
    notes_mention("Q {~No one ~%50%Grant ~%50%Grant's wife ~Grant's father }", "weights are not carried over");

    let gift = "::colours:: What's between orange and green in the spectrum?\n{\n    ~%50%yellow # right; good!\n    ~%-100%red # [html]wrong\n    ~%50%off-beige # right; good!\n    ~%-100%[plain]blue # wrong\n}";
    let q = question(gift);
    assert_eq!(options_of(&q), vec![("yellow", true, "right; good!"), ("red", false, "wrong"), ("off-beige", true, "right; good!"), ("blue", false, "wrong")]);
}

#[test]
fn special_characters() {
    let q = question("Which answer equals 5? {\n     ~ \\= 2 + 2\n     = \\= 2 + 3\n     ~ \\= 2 + 4  }");
    assert_eq!(single(&q), vec![("= 2 + 2", false), ("= 2 + 3", true), ("= 2 + 4", false)]);

    let q = question("::GIFT Control Characters::\nWhich of the following is NOT a control character for the GIFT import format? {\n   ~ \\~     # \\~ is a control character.\n   ~ \\=     # \\= is a control character.\n   ~ \\#     # \\# is a control character.\n   ~ \\{     # \\{ is a control character.\n   ~ \\}     # \\} is a control character.\n   = \\\\     # Correct! \\\\ (backslash) is not a control character. BUT,\n              it is used to escape the control characters. So, to specify\n              a literal backslash, you must escape it with a backslash\n              (as shown in this example).\n}");
    assert_eq!(q.id, "GIFT_Control_Characters");
    let o = options_of(&q);
    assert_eq!(o.iter().map(|(t, _, _)| *t).collect::<Vec<_>>(), vec!["~", "=", "#", "{", "}", "\\"]);
    assert_eq!(o[2].2, "# is a control character.");
    assert!(o[5].1);
    assert_eq!(
        o[5].2,
        "Correct! \\ (backslash) is not a control character. BUT, it is used to escape the control characters. So, to specify a literal backslash, you must escape it with a backslash (as shown in this example)."
    );

    let q = question("The largest desert on Earth is\\: {\n=Antarctica\n~Sahara Desert\n~Australian Desert\n~Arabian Desert\n}");
    assert_eq!(q.text, "The largest desert on Earth is:");
}

#[test]
fn essay_becomes_a_reflection() {
    let q = question("Write a short biography of Dag Hammarskjöld. {}");
    assert_eq!((q.kind.name(), q.text.as_ref()), ("reflection", "Write a short biography of Dag Hammarskjöld."));
    let q = question("::Q8:: How are you? {}");
    assert_eq!(q.id, "Q8");
    let q = question("How are you? {\n####We hope you're feeling well.\n}");
    assert_eq!((q.kind.name(), q.explanation.as_ref()), ("reflection", "We hope you're feeling well."));
}

#[test]
fn what_tere_cannot_represent_is_reported_with_its_line() {
    for (gift, words) in [
        ("Who's buried in Grant's tomb?{=no one =nobody}", "short answer"),
        ("Two plus two equals {=four =4}.", "short answer"),
        ("::Q3:: Two plus {=two =2} equals four.", "short answer"),
        ("Who's buried in Grant's tomb?{=Grant =Ulysses S. Grant =Ulysses Grant}", "short answer"),
        ("::Kanji Origins::Japanese characters originally\ncame from what country? {=China}", "short answer"),
        ("::Continents:: { =Asia } is the largest continent in the world.", "short answer"),
        ("1 + 2 \\= {3}", "short answer"),
        ("[markdown]Who's buried in **Grant's tomb**?{\n=no one#excellent answer!\n=nobody#excellent answer!}", "short answer"),
        ("::Jesus' hometown:: Jesus Christ was from {\n    =Nazareth#Yes! That's right!\n    =%75%Nazereth#Right, but misspelled.\n    =%25%Bethlehem#He was born here, but not raised here.}", "short answer"),
        ("When was Ulysses S. Grant born?{#1822:1}", "numerical"),
        ("When was Ulysses S. Grant born? {#1822}", "numerical"),
        ("What is the value of pi (to 3 decimal places)? {#3.1415:0.0005}.", "numerical"),
        ("What is the value of pi (to 3 decimal places)? {#3.141..3.142}.", "numerical"),
        ("When was Ulysses S. Grant born? {#\n    =1822:0\n    =%50%1822:2}", "numerical"),
        ("::Q5:: What is a number from 1 to 5? {#3:2}", "numerical"),
        ("::Q6:: What is a number from 1 to 5? {#1..5}", "numerical"),
        ("// Subheading: Numerical questions below\nWhat's 2 plus 2? {#4}", "numerical"),
        ("You can use your pencil and paper for these next math questions.", "description"),
    ] {
        let (question, notes) = convert(gift);
        assert!(question.is_none(), "{gift}");
        let line = gift.lines().position(|l| !l.starts_with("//")).unwrap() + 1;
        assert!(notes.iter().any(|n| n.line == Some(line) && n.message.contains(words)), "{gift}: {notes:#?}");
    }
}

#[test]
fn categories_name_the_placeholder_section() {
    let items = parse("$CATEGORY: tom/dick/harry\n\n::a::Q {T}\n\n$CATEGORY: other\n\n::b::R {F}").unwrap();
    let imported = import(&items, &options());
    let sections: Vec<&str> = imported.quiz.questions.iter().map(|q| q.source.section.as_ref()).collect();
    assert_eq!(sections, vec!["tom/dick/harry", "other"]);
    assert!(imported.quiz.questions.iter().all(|q| q.source.seed == IMPORTED_SEED));
    assert_eq!(imported.quiz.title, "harry");
    assert!(imported.notes.iter().any(|n| n.line == Some(1) && n.message.contains("category `tom/dick/harry` is not carried over")));
}

#[test]
fn the_whole_examples_file_parses() {
    // Every example at once, as a Moodle user would keep them in one file.
    let file = "//  EXAMPLE QUESTIONS\n\nWho's buried in Grant's tomb?{~Grant ~Jefferson =no one}\n\nGrant is {~buried =entombed ~living} in Grant's tomb.\n\nGrant is buried in Grant's tomb.{FALSE}\n\nWho's buried in Grant's tomb?{=no one =nobody}\n\nWhen was Ulysses S. Grant born?{#1822:1}\n";
    let items = parse(file).unwrap();
    assert_eq!(items.len(), 5);
    let imported = import(&items, &options());
    assert_eq!(imported.quiz.questions.len(), 3);
    assert_eq!(imported.quiz.questions.iter().map(|q| q.id.as_ref()).collect::<Vec<_>>(), vec!["m_1", "m_2", "m_3"]);
}

//! GIFT parser: the tokens of `lex.rs` → `GiftItem`s, with Moodle's rules checked.
//!
//! Grammar (EBNF over tokens; `text` is any run of Text tokens and of symbols that
//! mean nothing at that point, which are then taken literally; line breaks inside
//! an item fold into spaces):
//!
//! ```text
//! file      = { item Blank } ;
//! item      = category | question ;
//! category  = "$CATEGORY:" text ;
//! question  = [ "::" text "::" ] text [ "{" body "}" text ] ;   (* text after the block: missing word *)
//! body      = main [ "####" text ] ;                            (* the last #### starts general feedback *)
//! main      = (* nothing *)                                     (* essay *)
//!           | "#" text                                          (* numerical, kept as written *)
//!           | tf [ "#" text [ "#" text ] ]                      (* true/false: wrong-answer, right-answer feedback *)
//!           | answer { answer }                                 (* multiple choice, matching, short answer *)
//!           | text [ "#" text ] ;                               (* a single short answer *)
//! tf        = "T" | "TRUE" | "F" | "FALSE" ;
//! answer    = ( "=" | "~" ) [ weight ] text [ "->" text ] [ "#" text ] ;
//! weight    = "%" [ "-" ] digits [ "." digits ] "%" ;             (* -100 to 100 *)
//! text      = [ "[" ( "html" | "moodle" | "plain" | "markdown" ) "]" ] chars ;
//! ```
//!
//! Which alternative of `main` applies is decided as Moodle's importer decides it:
//! empty → essay; a leading `#` → numerical; any `~` → multiple choice; `=` with
//! `->` → matching; a lone T/TRUE/F/FALSE → true/false; otherwise short answer.
//! Only `~` answers of a multiple choice and `=` answers of a short answer carry
//! weights, again as in Moodle (`=%50%x` in a multiple choice is the text `%50%x`).

use std::fmt;

use super::item::{Answer, Answers, GiftItem, GiftQuestion, Markup, MatchPair};
use super::lex::{lex, Tok, Token};

/// A GIFT file that Moodle would reject or misread, located for the author.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GiftError {
    pub line: usize,
    pub message: String,
}

impl GiftError {
    /// `file.gift:12: message`.
    pub fn located(&self, file: &str) -> String {
        format!("{file}:{}: {}", self.line, self.message)
    }
}

impl fmt::Display for GiftError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// Parses a whole file; every broken item is reported, not just the first.
pub fn parse(source: &str) -> Result<Vec<GiftItem>, Vec<GiftError>> {
    let tokens = lex(source);
    let mut items = Vec::new();
    let mut errors = Vec::new();
    for chunk in tokens.split(|t| t.tok == Tok::Blank).filter(|c| !c.is_empty()) {
        match item(chunk) {
            Ok(item) => items.push(item),
            Err(e) => errors.push(e),
        }
    }
    if errors.is_empty() {
        Ok(items)
    } else {
        Err(errors)
    }
}

fn error(line: usize, message: impl Into<String>) -> GiftError {
    GiftError { line, message: message.into() }
}

fn item(tokens: &[Token]) -> Result<GiftItem, GiftError> {
    let line = tokens[0].line;
    let first_line = &tokens[..find(tokens, |t| *t == Tok::Break).unwrap_or(tokens.len())];
    if let Some(path) = literal(first_line).trim_start().strip_prefix("$CATEGORY:") {
        if let Some(next) = trim_space(&tokens[first_line.len()..]).first() {
            return Err(error(next.line, "leave a blank line after `$CATEGORY: …`; Moodle reads the rest of the item as part of the category's name"));
        }
        return Ok(GiftItem::Category { line, path: path.trim().to_string() });
    }
    question(tokens).map(GiftItem::Question)
}

fn question(tokens: &[Token]) -> Result<GiftQuestion, GiftError> {
    let line = tokens[0].line;
    let mut rest = trim_space(tokens);
    let mut title = None;
    if rest.first().is_some_and(|t| t.tok == Tok::TitleMark) {
        let end = find(&rest[1..], |t| *t == Tok::TitleMark).ok_or_else(|| error(rest[0].line, "the title is not closed; write it as ::title::"))?;
        title = Some(render(&rest[1..1 + end]));
        rest = &rest[end + 2..];
    }
    let is_brace = |t: &Tok| matches!(t, Tok::Open | Tok::Close);
    let Some(open) = find(rest, is_brace) else {
        let text = markup(rest);
        if text.text.is_empty() {
            return Err(error(line, "the item has a title but no text"));
        }
        return Ok(GiftQuestion { line, title, text, missing_word: false, answers: Answers::Description, general_feedback: None });
    };
    if rest[open].tok == Tok::Close {
        return Err(error(rest[open].line, "`}` without an opening `{`; write \\} for a literal brace"));
    }
    let open_line = rest[open].line;
    let close = open
        + 1
        + find(&rest[open + 1..], is_brace)
            .ok_or_else(|| error(open_line, "unclosed `{`: the answer block that starts here has no `}` before the next blank line"))?;
    if rest[close].tok == Tok::Open {
        return Err(error(
            rest[close].line,
            format!("`{{` inside the answer block opened on line {open_line}; close that block with `}}` first, or write \\{{ for a literal brace"),
        ));
    }
    let after = &rest[close + 1..];
    if let Some(extra) = after.iter().find(|t| is_brace(&t.tok)) {
        return Err(error(extra.line, "a question has only one answer block; write \\{ and \\} for literal braces"));
    }
    let missing_word = !render(after).is_empty();
    let text = if missing_word { Markup::marked(format!("{}_____{}", literal(&rest[..open]), literal(after)).trim()) } else { markup(&rest[..open]) };
    if text.text.is_empty() {
        return Err(error(line, "the question has no text before its answer block"));
    }
    let (answers, general_feedback) = body(&rest[open + 1..close], open_line)?;
    Ok(GiftQuestion { line, title, text, missing_word, answers, general_feedback })
}

fn body(tokens: &[Token], line: usize) -> Result<(Answers, Option<Markup>), GiftError> {
    let (main, general_feedback) = match tokens.iter().rposition(|t| t.tok == Tok::GeneralFeedback) {
        Some(at) => (&tokens[..at], Some(markup(&tokens[at + 1..])).filter(|m| !m.text.is_empty())),
        None => (tokens, None),
    };
    let main = trim_space(main);
    let has = |tok: Tok| main.iter().any(|t| t.tok == tok);
    let answers = if main.is_empty() {
        Answers::Essay
    } else if main[0].tok == Tok::Hash {
        let raw = render(&main[1..]);
        if raw.is_empty() {
            return Err(error(line, "the answer block has no answers: a numerical block needs a number after `#`"));
        }
        Answers::Numerical(raw)
    } else if has(Tok::Wrong) {
        Answers::Choice(choice(main, line)?)
    } else if has(Tok::Right) && has(Tok::Arrow) {
        Answers::Matching(matching(main, line)?)
    } else if let Some(true_false) = true_false(main)? {
        true_false
    } else {
        Answers::ShortAnswer(short_answer(main, line)?)
    };
    Ok((answers, general_feedback))
}

fn choice(main: &[Token], line: usize) -> Result<Vec<Answer>, GiftError> {
    let answers = marked(main, line)?.into_iter().map(|m| answer(m.right, !m.right, m.line, m.tokens)).collect::<Result<Vec<_>, _>>()?;
    if answers.len() < 2 {
        return Err(error(line, "a multiple choice question needs at least two answers"));
    }
    if !answers.iter().any(Answer::earns_credit) {
        return Err(error(
            line,
            "the multiple choice question has no right answer: mark one with `=`, or give the right answers positive weights such as ~%50%",
        ));
    }
    Ok(answers)
}

fn matching(main: &[Token], line: usize) -> Result<Vec<MatchPair>, GiftError> {
    let pairs = marked(main, line)?
        .into_iter()
        .map(|m| {
            let arrow = find(m.tokens, |t| *t == Tok::Arrow)
                .ok_or_else(|| error(m.line, format!("matching pair `{}` has no `->`; write =left -> right", render(m.tokens))))?;
            let right = render(&m.tokens[arrow + 1..]);
            if right.is_empty() {
                return Err(error(m.line, "matching pair has nothing after `->`"));
            }
            Ok(MatchPair { line: m.line, left: markup(&m.tokens[..arrow]), right })
        })
        .collect::<Result<Vec<_>, _>>()?;
    if pairs.len() < 2 {
        return Err(error(line, "a matching question needs at least two pairs"));
    }
    Ok(pairs)
}

/// `Some` when the block is a lone T, TRUE, F or FALSE with optional feedbacks.
fn true_false(main: &[Token]) -> Result<Option<Answers>, GiftError> {
    let parts: Vec<&[Token]> = main.split(|t| t.tok == Tok::Hash).collect();
    let answer = match render(parts[0]).as_str() {
        "T" | "TRUE" => true,
        "F" | "FALSE" => false,
        _ => return Ok(None),
    };
    if parts.len() > 3 {
        return Err(error(
            main[0].line,
            "a true/false block has at most two feedbacks: {T#shown after a wrong answer#shown after a right answer}; write \\# for a literal #",
        ));
    }
    let feedback = |i: usize| parts.get(i).map(|p| markup(p)).filter(|m| !m.text.is_empty());
    Ok(Some(Answers::TrueFalse { answer, wrong_feedback: feedback(1), right_feedback: feedback(2) }))
}

fn short_answer(main: &[Token], line: usize) -> Result<Vec<Answer>, GiftError> {
    if !main.iter().any(|t| t.tok == Tok::Right) {
        // A single right answer may be written without `=`.
        return Ok(vec![answer(true, false, main[0].line, main)?]);
    }
    marked(main, line)?.into_iter().map(|m| answer(true, true, m.line, m.tokens)).collect()
}

/// One `=` or `~` answer, not yet read.
struct Marked<'a> {
    /// Written with `=`.
    right: bool,
    line: usize,
    /// Everything after the marker.
    tokens: &'a [Token],
}

/// Splits a block into its `=`/`~` answers.
fn marked(main: &[Token], line: usize) -> Result<Vec<Marked<'_>>, GiftError> {
    let is_marker = |t: &Tok| matches!(t, Tok::Right | Tok::Wrong);
    let first = find(main, is_marker).unwrap_or(main.len());
    if !render(&main[..first]).is_empty() {
        return Err(error(main[0].line, "text before the first answer; start every answer with = (right) or ~ (wrong)"));
    }
    let mut answers = Vec::new();
    let mut at = first;
    while at < main.len() {
        let end = at + 1 + find(&main[at + 1..], is_marker).unwrap_or(main.len() - at - 1);
        answers.push(Marked { right: main[at].tok == Tok::Right, line: main[at].line, tokens: &main[at + 1..end] });
        at = end;
    }
    let empty = answers.iter().filter(|m| answer_text(m.tokens).is_empty()).count();
    if empty == answers.len() {
        return Err(error(line, "the answer block has no answers: write each answer's text after its = or ~"));
    }
    if let Some(m) = answers.iter().find(|m| answer_text(m.tokens).is_empty()) {
        return Err(error(m.line, format!("an answer has no text after `{}`", if m.right { '=' } else { '~' })));
    }
    Ok(answers)
}

/// The answer's own text: what stands before its feedback.
fn answer_text(tokens: &[Token]) -> String {
    render(&tokens[..find(tokens, |t| *t == Tok::Hash).unwrap_or(tokens.len())])
}

fn answer(marked_right: bool, weighted: bool, line: usize, tokens: &[Token]) -> Result<Answer, GiftError> {
    let hash = find(tokens, |t| *t == Tok::Hash);
    let mut value = render(&tokens[..hash.unwrap_or(tokens.len())]);
    let weight = if weighted { take_weight(&mut value, line)? } else { None };
    let text = Markup::marked(&value);
    if text.text.is_empty() {
        return Err(error(line, "the answer has no text"));
    }
    let feedback = hash.map(|h| markup(&tokens[h + 1..])).filter(|m| !m.text.is_empty());
    Ok(Answer { line, marked_right, weight, text, feedback })
}

/// Removes a leading `%N%` and returns N. A `%` with no second `%` is just text.
fn take_weight(value: &mut String, line: usize) -> Result<Option<f64>, GiftError> {
    let Some(inner) = value.strip_prefix('%') else { return Ok(None) };
    let Some(end) = inner.find('%') else { return Ok(None) };
    let number = &inner[..end];
    let digits = number.strip_prefix('-').unwrap_or(number);
    let well_formed = {
        let mut halves = digits.splitn(2, '.');
        let whole = halves.next().unwrap_or("");
        let fraction = halves.next();
        !whole.is_empty() && whole.bytes().all(|b| b.is_ascii_digit()) && fraction.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
    };
    match number.parse::<f64>() {
        Ok(weight) if well_formed && (-100.0..=100.0).contains(&weight) => {
            *value = inner[end + 1..].trim().to_string();
            Ok(Some(weight))
        }
        _ => Err(error(line, format!("bad weight `%{number}%`: write a percentage from -100 to 100 between % signs, such as %50% or %-25%"))),
    }
}

fn find(tokens: &[Token], what: impl Fn(&Tok) -> bool) -> Option<usize> {
    tokens.iter().position(|t| what(&t.tok))
}

/// Tokens as written, escapes resolved, line breaks as spaces.
fn literal(tokens: &[Token]) -> String {
    tokens.iter().map(|t| t.tok.literal()).collect()
}

fn render(tokens: &[Token]) -> String {
    literal(tokens).trim().to_string()
}

fn markup(tokens: &[Token]) -> Markup {
    Markup::marked(&render(tokens))
}

fn trim_space(tokens: &[Token]) -> &[Token] {
    let blank = |t: &Token| match &t.tok {
        Tok::Break => true,
        Tok::Text(s) => s.trim().is_empty(),
        _ => false,
    };
    let start = tokens.iter().position(|t| !blank(t)).unwrap_or(tokens.len());
    let end = tokens.iter().rposition(|t| !blank(t)).map_or(start, |e| e + 1);
    &tokens[start..end]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gift::item::Format;

    fn one(source: &str) -> GiftQuestion {
        match parse(source).unwrap_or_else(|e| panic!("{e:?}")).remove(0) {
            GiftItem::Question(q) => q,
            other => panic!("not a question: {other:?}"),
        }
    }

    fn fails(source: &str, line: usize, words: &str) {
        let errors = parse(source).expect_err("accepted a broken file");
        assert!(errors.iter().any(|e| e.line == line && e.message.contains(words)), "expected line {line}: {words} in {errors:?}");
    }

    #[test]
    fn title_text_and_choice() {
        let q = one("::T 1::Q?{=a#good ~b#bad}");
        assert_eq!(q.title.as_deref(), Some("T 1"));
        assert_eq!(q.text.text, "Q?");
        let Answers::Choice(a) = q.answers else { panic!() };
        assert_eq!((a[0].marked_right, a[0].text.text.as_str(), a[0].feedback.as_ref().unwrap().text.as_str()), (true, "a", "good"));
        assert_eq!((a[1].marked_right, a[1].text.text.as_str()), (false, "b"));
    }

    #[test]
    fn line_breaks_fold_into_spaces_and_escaped_newlines_stay() {
        let q = one("First line\n   second\\nthird {\n  ~a\n  =b\n}");
        assert_eq!(q.text.text, "First line second\nthird");
    }

    #[test]
    fn weights() {
        let Answers::Choice(a) = one("Q{~%50%a ~%-33.33333%b ~%100%c ~% 5 d}").answers else { panic!() };
        assert_eq!(a.iter().map(|a| a.weight).collect::<Vec<_>>(), vec![Some(50.0), Some(-33.33333), Some(100.0), None]);
        assert_eq!(a[3].text.text, "% 5 d");
    }

    #[test]
    fn a_right_answer_in_a_choice_keeps_percent_text() {
        let Answers::Choice(a) = one("Q{=%50%x ~y}").answers else { panic!() };
        assert_eq!((a[0].weight, a[0].text.text.as_str()), (None, "%50%x"));
    }

    #[test]
    fn format_markers_on_every_part() {
        let q = one("[html]<b>Q</b>{~%-100%[plain]a # [markdown]*no* =b}");
        assert_eq!(q.text, Markup { text: "<b>Q</b>".into(), format: Some(Format::Html) });
        let Answers::Choice(a) = q.answers else { panic!() };
        assert_eq!(a[0].text, Markup { text: "a".into(), format: Some(Format::Plain) });
        assert_eq!(a[0].feedback, Some(Markup { text: "*no*".into(), format: Some(Format::Markdown) }));
    }

    #[test]
    fn unknown_bracket_is_text() {
        assert_eq!(one("[note] Q{T}").text.text, "[note] Q");
    }

    #[test]
    fn general_feedback_is_the_last_four_hashes() {
        let q = one("Q{=a#f ~b ####general}");
        assert_eq!(q.general_feedback.unwrap().text, "general");
        assert_eq!(one("Q{####only}").answers, Answers::Essay);
    }

    #[test]
    fn true_false_feedback_order() {
        let q = one("S.{TRUE#wrong one#right one####why}");
        assert_eq!(
            q.answers,
            Answers::TrueFalse { answer: true, wrong_feedback: Some(Markup::plain("wrong one")), right_feedback: Some(Markup::plain("right one")) }
        );
        assert!(matches!(one("S.{F}").answers, Answers::TrueFalse { answer: false, wrong_feedback: None, right_feedback: None }));
        // Moodle compares case-sensitively: `true` is a short answer.
        assert!(matches!(one("S.{true}").answers, Answers::ShortAnswer(_)));
    }

    #[test]
    fn classification() {
        assert_eq!(one("Just text.").answers, Answers::Description);
        assert_eq!(one("Q {}").answers, Answers::Essay);
        assert!(matches!(one("Q {#1822:5}").answers, Answers::Numerical(ref s) if s == "1822:5"));
        assert!(matches!(one("Q {=a -> b =c -> d}").answers, Answers::Matching(_)));
        assert!(matches!(one("Q {=a =b}").answers, Answers::ShortAnswer(_)));
        assert!(matches!(one("Q {Grant}").answers, Answers::ShortAnswer(_)));
    }

    #[test]
    fn matching_right_side_keeps_later_arrows_and_hashes() {
        let Answers::Matching(p) = one("Q{=a -> b -> c =d->e#f}").answers else { panic!() };
        assert_eq!((p[0].left.text.as_str(), p[0].right.as_str()), ("a", "b -> c"));
        assert_eq!(p[1].right, "e#f");
    }

    #[test]
    fn missing_word_marks_the_blank() {
        let q = one("Grant is {~buried =entombed ~living} in Grant's tomb.");
        assert!(q.missing_word);
        assert_eq!(q.text.text, "Grant is _____ in Grant's tomb.");
    }

    #[test]
    fn category() {
        let items = parse("$CATEGORY: tere/kl\n\n::a::Q{T}").unwrap();
        assert_eq!(items[0], GiftItem::Category { line: 1, path: "tere/kl".into() });
    }

    #[test]
    fn errors_are_located() {
        fails("Q1 {T}\n\nQ2 {\n=a\n~b\n", 3, "unclosed `{`");
        fails("Q {~a ~b}", 1, "no right answer");
        fails("Q {\n=a -> 1\n=b 2\n}", 3, "has no `->`");
        fails("Q {\n~%abc%a\n=b\n}", 2, "bad weight `%abc%`");
        fails("Q {~%150%a =b}", 1, "bad weight `%150%`");
        fails("Q {= ~ }", 1, "no answers");
        fails("Q {=a ~ }", 1, "no text after `~`");
        fails("Q {#}", 1, "no answers");
        fails("Q } x", 1, "without an opening");
        fails("Q {=a {~b}", 1, "inside the answer block");
        fails("::T Q {T}", 1, "title is not closed");
        fails("Q {~a}", 1, "at least two answers");
        fails("Q {=a -> b}", 1, "at least two pairs");
        fails("Q {x =a ~b}", 1, "text before the first answer");
        fails("$CATEGORY: a\n// note\nQ {T}", 3, "blank line after `$CATEGORY");
    }

    #[test]
    fn every_broken_item_is_reported() {
        let errors = parse("A {~a ~b}\n\nB {T}\n\nC {\n=x\n").unwrap_err();
        assert_eq!(errors.iter().map(|e| e.line).collect::<Vec<_>>(), vec![1, 5]);
        assert_eq!(errors[0].located("f.gift"), format!("f.gift:1: {}", errors[0].message));
    }
}

//! GIFT lexer: source text → tokens with line numbers.
//!
//! Works line by line, as Moodle does: a blank line ends an item, a line whose
//! first non-blank characters are `//` is a comment and vanishes (without ending
//! the item), and every other line is trimmed. Escapes are resolved here, so an
//! escaped `\=` reaches the parser as plain text and can never be taken for a
//! marker.

/// What the parser sees.
#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    /// Literal characters, escapes already resolved.
    Text(String),
    /// The end of a non-blank line inside an item (folds into a space in texts).
    Break,
    /// One or more blank lines: the end of an item.
    Blank,
    /// `::`, around a title.
    TitleMark,
    /// `{`
    Open,
    /// `}`
    Close,
    /// `=`: a right answer (or a matching pair).
    Right,
    /// `~`: a wrong (or weighted) answer.
    Wrong,
    /// `#`: feedback follows.
    Hash,
    /// `####`: general feedback follows.
    GeneralFeedback,
    /// `->`, between the sides of a matching pair.
    Arrow,
}

impl Tok {
    /// How the token was written, for places where it is just text.
    pub fn literal(&self) -> &str {
        match self {
            Tok::Text(text) => text,
            Tok::Break => " ",
            Tok::Blank => "",
            Tok::TitleMark => "::",
            Tok::Open => "{",
            Tok::Close => "}",
            Tok::Right => "=",
            Tok::Wrong => "~",
            Tok::Hash => "#",
            Tok::GeneralFeedback => "####",
            Tok::Arrow => "->",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    pub tok: Tok,
    /// 1-based line in the source.
    pub line: usize,
}

/// Characters that a backslash turns into plain text.
const ESCAPABLE: &[char] = &['~', '=', '#', '{', '}', ':', '\\'];

pub fn lex(source: &str) -> Vec<Token> {
    let mut out = Lexer { tokens: Vec::new(), text: String::new() };
    for (index, raw) in source.split('\n').enumerate() {
        let line = index + 1;
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            out.blank(line);
        } else if !trimmed.starts_with("//") {
            out.line(trimmed, line);
        }
    }
    out.blank(source.split('\n').count() + 1);
    out.tokens
}

struct Lexer {
    tokens: Vec<Token>,
    /// Text collected since the last symbol.
    text: String,
}

impl Lexer {
    fn line(&mut self, line_text: &str, line: usize) {
        let mut chars = line_text.chars().peekable();
        while let Some(c) = chars.next() {
            let next = chars.peek().copied();
            let symbol = match (c, next) {
                ('\\', Some('n')) => {
                    chars.next();
                    self.text.push('\n');
                    None
                }
                ('\\', Some(e)) if ESCAPABLE.contains(&e) => {
                    chars.next();
                    self.text.push(e);
                    None
                }
                (':', Some(':')) => {
                    chars.next();
                    Some(Tok::TitleMark)
                }
                ('-', Some('>')) => {
                    chars.next();
                    Some(Tok::Arrow)
                }
                ('#', _) => {
                    let rest: String = chars.clone().take(3).collect();
                    if rest == "###" {
                        chars.nth(2);
                        Some(Tok::GeneralFeedback)
                    } else {
                        Some(Tok::Hash)
                    }
                }
                ('{', _) => Some(Tok::Open),
                ('}', _) => Some(Tok::Close),
                ('=', _) => Some(Tok::Right),
                ('~', _) => Some(Tok::Wrong),
                _ => {
                    self.text.push(c);
                    None
                }
            };
            if let Some(tok) = symbol {
                self.push(tok, line);
            }
        }
        self.push(Tok::Break, line);
    }

    fn blank(&mut self, line: usize) {
        self.flush(line);
        if self.tokens.last().is_some_and(|t| t.tok != Tok::Blank) {
            self.tokens.push(Token { tok: Tok::Blank, line });
        }
    }

    fn push(&mut self, tok: Tok, line: usize) {
        self.flush(line);
        self.tokens.push(Token { tok, line });
    }

    fn flush(&mut self, line: usize) {
        if !self.text.is_empty() {
            let text = std::mem::take(&mut self.text);
            self.tokens.push(Token { tok: Tok::Text(text), line });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(source: &str) -> Vec<Tok> {
        lex(source).into_iter().map(|t| t.tok).collect()
    }

    fn text(s: &str) -> Tok {
        Tok::Text(s.into())
    }

    #[test]
    fn symbols_and_text() {
        assert_eq!(
            toks("::T::Q{=a -> b#f ~c####g}"),
            vec![
                Tok::TitleMark,
                text("T"),
                Tok::TitleMark,
                text("Q"),
                Tok::Open,
                Tok::Right,
                text("a "),
                Tok::Arrow,
                text(" b"),
                Tok::Hash,
                text("f "),
                Tok::Wrong,
                text("c"),
                Tok::GeneralFeedback,
                text("g"),
                Tok::Close,
                Tok::Break,
                Tok::Blank,
            ]
        );
    }

    #[test]
    fn escapes_become_text() {
        assert_eq!(toks(r"a\=b\~c\#d\{e\}f\:g\\h\nI\x"), vec![text("a=b~c#d{e}f:g\\h\nI\\x"), Tok::Break, Tok::Blank]);
    }

    #[test]
    fn single_colon_and_lone_dash_are_text() {
        assert_eq!(toks("a: b - c"), vec![text("a: b - c"), Tok::Break, Tok::Blank]);
    }

    #[test]
    fn comments_vanish_and_blank_lines_end_items() {
        let tokens = lex("// head\nQ1 {T}\n  // inside\n\n\n\nQ2 {F}\r\n");
        let kinds: Vec<&Tok> = tokens.iter().map(|t| &t.tok).collect();
        assert_eq!(kinds.iter().filter(|t| ***t == Tok::Blank).count(), 2);
        let q2 = tokens.iter().find(|t| t.tok == text("Q2 ")).unwrap();
        assert_eq!(q2.line, 7);
    }
}

//! How deeply a TOML text nests its arrays and inline tables, found without parsing
//! it: a parser recurses once a level, and a file nested thousands of levels deep
//! exhausts a WebAssembly stack long before any parser's own limit. A course file
//! nests a few levels; anything deeper is refused before it is parsed.

/// The deepest nesting a course's TOML may have (its files use at most 4).
pub const MAX_NESTING: usize = 32;

/// Whether `text` nests arrays and inline tables at most `MAX_NESTING` deep; else the
/// line where it goes too deep (the caller says it in the reader's language).
pub fn check_nesting(text: &str) -> Result<(), usize> {
    let mut depth = 0usize;
    let mut line = 1usize;
    let mut chars = text.chars().peekable();
    // Inside a string (its closing quote, and whether it is multi-line) or a comment.
    let mut string: Option<(char, bool)> = None;
    let mut comment = false;
    while let Some(c) = chars.next() {
        if c == '\n' {
            line += 1;
            comment = false;
        }
        if comment {
            continue;
        }
        match string {
            Some((quote, multi)) => {
                if c == '\\' && quote == '"' {
                    chars.next();
                } else if c == quote {
                    if !multi {
                        string = None;
                    } else if chars.peek() == Some(&quote) {
                        chars.next();
                        if chars.peek() == Some(&quote) {
                            chars.next();
                            string = None;
                        }
                    }
                } else if c == '\n' && !multi {
                    string = None;
                }
            }
            None => match c {
                '#' => comment = true,
                '"' | '\'' => {
                    let multi = chars.peek() == Some(&c) && {
                        chars.next();
                        if chars.peek() == Some(&c) {
                            chars.next();
                            true
                        } else {
                            // An empty string: `""` or `''`.
                            continue;
                        }
                    };
                    string = Some((c, multi));
                }
                '[' | '{' => {
                    depth += 1;
                    if depth > MAX_NESTING {
                        return Err(line);
                    }
                }
                ']' | '}' => depth = depth.saturating_sub(1),
                _ => {}
            },
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn course_files_pass_and_deep_nesting_is_refused_where_it_starts() {
        let ok = "[[question]]\nid = \"a\"\nhint = [\"[[[[\", '{{{{', \"\"\"\n[[[[\"\"\"]\nsource = { seed = \"s\", section = \"] # [\" } # [[[[[\n";
        assert_eq!(check_nesting(ok), Ok(()));
        let deep = format!("x = 1\ny = {}{}", "[".repeat(20_000), "]".repeat(20_000));
        assert_eq!(check_nesting(&deep), Err(2));
        assert_eq!(check_nesting(&format!("y = {}1{}", "[".repeat(32), "]".repeat(32))), Ok(()));
        // Every file of the built-in course.
        let questions = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../questions");
        for entry in std::fs::read_dir(questions).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "toml") {
                assert_eq!(check_nesting(&std::fs::read_to_string(&path).unwrap()), Ok(()), "{}", path.display());
            }
        }
    }
}

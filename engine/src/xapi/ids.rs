//! The activity ids (IRIs) Tere gives a course and its quizzes, written once: the
//! packages (`cmi5.xml`, `tincan.xml`) declare them and the player uses them when a
//! launch does not name its activity.

/// The course's IRI: `urn:tere:course:<slug>`, the slug made of the title's letters
/// and digits (lowercase ASCII; any other character joins words with `-`).
pub fn course_iri(title: &str) -> String {
    format!("urn:tere:course:{}", slug(title))
}

/// A quiz's IRI: the course's, then `:quiz:<quiz id>` (quiz ids are already plain).
pub fn quiz_iri(course_title: &str, quiz_id: &str) -> String {
    format!("{}:quiz:{quiz_id}", course_iri(course_title))
}

fn slug(title: &str) -> String {
    let mut out = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        let c = fold(c);
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        "course".to_string()
    } else {
        out.to_string()
    }
}

/// The Estonian and Finnish letters as their plain Latin base, so a slug stays ASCII.
fn fold(c: char) -> char {
    match c {
        'ä' | 'å' | 'á' | 'à' | 'â' => 'a',
        'ö' | 'õ' | 'ó' | 'ò' | 'ô' => 'o',
        'ü' | 'ú' | 'ù' | 'û' => 'u',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'š' => 's',
        'ž' => 'z',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_plain_iris() {
        assert_eq!(course_iri("Edukas klienditeenindaja"), "urn:tere:course:edukas-klienditeenindaja");
        assert_eq!(quiz_iri("Hyvä palvelu – Ötökkä!", "halvad_tavad"), "urn:tere:course:hyva-palvelu-otokka:quiz:halvad_tavad");
        assert_eq!(course_iri("…"), "urn:tere:course:course");
    }
}

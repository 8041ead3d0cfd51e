//! What the Studio's preview plays: one quiz, or one question of it, cut out of the
//! draft, so that a problem elsewhere in the course does not stop the trainer from
//! trying the quiz they are editing.

use super::{keys, Draft, EditError, Field};

impl Draft {
    /// A draft of the course with only quiz `id` (course.toml's `quizzes` names it
    /// alone; the other quiz files are left out) and, when `question` is given, only
    /// that question of it, asked every time (no `draw`). Validating it reports only
    /// the problems of what the preview plays (and of course.toml and sections.toml).
    pub fn preview_of(&self, id: &str, question: Option<usize>) -> Result<Draft, EditError> {
        let quizzes = self.quiz_files();
        let Some((_, file)) = quizzes.iter().find(|(listed, _)| listed == id) else {
            return Err(EditError::Invalid(format!("course.toml lists no quiz `{id}`")));
        };
        let mut cut = self.clone();
        // The other quizzes' files go, and any other file: the course would not list it.
        let kept = |name: &String| ["course.toml", "sections.toml", file.as_str()].contains(&name.as_str());
        cut.files.files.retain(|name, _| kept(name));
        cut.docs.retain(|name, _| kept(name));
        cut.set_str_list(&Field::file("course.toml").key("quizzes"), &[id.to_string()])?;
        if let Some(keep) = question {
            let questions = Field::file(file.as_str()).key(keys::QUESTION);
            let count = cut.len(&questions);
            if keep >= count {
                return Err(EditError::OutOfRange { field: questions, index: keep, len: count });
            }
            for i in (0..count).rev().filter(|i| *i != keep) {
                cut.remove(&questions.clone().index(i))?;
            }
            for setting in [keys::DRAW, keys::DRAW_PER_SECTION] {
                let setting = Field::file(file.as_str()).key(setting);
                if cut.exists(&setting) {
                    cut.remove(&setting)?;
                }
            }
        }
        Ok(cut)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::CourseFiles;

    fn builtin() -> Draft {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../questions");
        Draft::new(CourseFiles::from_dir(&dir).unwrap())
    }

    #[test]
    fn a_quiz_previews_while_another_quiz_has_a_problem() {
        let mut draft = builtin();
        let quizzes = draft.quiz_files();
        let (first, first_file) = quizzes[0].clone();
        let (_, broken) = quizzes[1].clone();
        draft.set_str(&Field::file(broken.as_str()).key(keys::QUESTION).index(0).key(keys::TEXT), "").unwrap();
        assert!(!draft.check().is_empty(), "the course has a problem");
        let cut = draft.preview_of(&first, None).unwrap();
        assert_eq!(cut.check(), vec![]);
        assert_eq!(cut.quiz_files(), vec![(first.clone(), first_file.clone())]);
        assert_eq!(cut.len(&Field::file(first_file.as_str()).key(keys::QUESTION)), draft.len(&Field::file(first_file.as_str()).key(keys::QUESTION)));
        // The quiz with the problem previews with it.
        let (second, _) = quizzes[1].clone();
        assert_eq!(draft.preview_of(&second, None).unwrap().check().len(), 1);
    }

    #[test]
    fn one_question_is_asked_alone_and_every_time() {
        let draft = builtin();
        let (id, file) = draft.quiz_files().into_iter().find(|(_, f)| builtin().exists(&Field::file(f.as_str()).key(keys::DRAW))).expect("a quiz that draws");
        let questions = Field::file(file.as_str()).key(keys::QUESTION);
        let wanted = draft.get_str(&questions.clone().index(3).key(keys::ID)).unwrap();
        let cut = draft.preview_of(&id, Some(3)).unwrap();
        let loaded = crate::load_course_files(cut.files()).unwrap();
        let quiz = &loaded.course.quizzes[0];
        assert_eq!(quiz.questions.iter().map(|q| q.id.to_string()).collect::<Vec<_>>(), vec![wanted]);
        assert_eq!(quiz.draw, None);
        assert!(draft.preview_of(&id, Some(10_000)).is_err());
        assert!(draft.preview_of("no_such_quiz", None).is_err());
    }
}

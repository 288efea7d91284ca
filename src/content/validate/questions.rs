//! Checks of the shared screening questions, `questions.ron`.

use super::Checker;
use crate::content::limits;
use crate::screening::{Question, SHARED_QUESTIONS};

pub(super) fn check(c: &mut Checker<'_>, questions: &[Question]) {
    c.count("[", "questions", questions.len(), limits::MAX_QUESTIONS);
    let mut seen: Vec<&str> = Vec::new();
    for q in questions {
        let anchor = format!("\"{}\"", q.id);
        if !is_question_id(&q.id) {
            c.error_at(
                &anchor,
                format!(
                    "question id {:?} may only hold lowercase letters, digits and '_'",
                    q.id
                ),
            );
        }
        if seen.contains(&q.id.as_str()) {
            c.error_at(&anchor, format!("question id {:?} is used twice", q.id));
        }
        if let Some(condition) = &q.asked_if
            && !seen.contains(&condition.question.as_str())
        {
            c.error_at(
                &anchor,
                format!(
                    "question {:?} depends on {:?}, which is not an earlier question",
                    q.id, condition.question
                ),
            );
        }
        seen.push(&q.id);
        c.localized(&anchor, &format!("question {:?}", q.id), &q.text);
    }
    for id in SHARED_QUESTIONS {
        if !seen.contains(&id) {
            c.error(None, format!("the shared question {id:?} is missing"));
        }
    }
}

fn is_question_id(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

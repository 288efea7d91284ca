//! A patient's way through the questions: which treatments, the answers so far,
//! and which question is on screen. Lives in memory only.

use super::evaluate::Outcome;
use super::model::{Answer, Answers, Question, Screening};

/// The screening flow's state.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Session {
    /// Treatment ids the patient is interested in, in the order chosen.
    pub treatments: Vec<String>,
    pub answers: Answers,
    /// Index into the active questions; past the end means the review list.
    pub position: usize,
    /// An answer is being changed from the review list: after it, go back there
    /// (or to a question the change newly calls for).
    pub changing: bool,
}

impl Session {
    /// Adds a treatment, or removes it if it was chosen.
    pub fn toggle(&mut self, treatment: &str) {
        match self.treatments.iter().position(|t| t == treatment) {
            Some(i) => {
                self.treatments.remove(i);
            }
            None => self.treatments.push(treatment.to_owned()),
        }
    }

    fn ids(&self) -> Vec<&str> {
        self.treatments.iter().map(String::as_str).collect()
    }

    /// The questions to ask for the chosen treatments, given the answers so far.
    pub fn questions<'a>(&self, screening: &'a Screening) -> Vec<&'a Question> {
        screening.active_questions(&self.ids(), &self.answers)
    }

    /// The question on screen, or `None` when every question has been passed.
    pub fn current<'a>(&self, screening: &'a Screening) -> Option<&'a Question> {
        self.questions(screening).get(self.position).copied()
    }

    /// Answers the question on screen and moves to the next one.
    pub fn answer(&mut self, screening: &Screening, answer: Answer) {
        if let Some(q) = self.current(screening) {
            self.answers.insert(q.id.clone(), answer);
            self.position += 1;
            if self.changing {
                self.changing = false;
                self.position = self
                    .questions(screening)
                    .iter()
                    .position(|q| !self.answers.contains_key(&q.id))
                    .unwrap_or(usize::MAX);
            }
        }
    }

    /// Goes back one question; `false` when already at the first.
    pub fn back(&mut self, screening: &Screening) -> bool {
        let count = self.questions(screening).len();
        if self.position == 0 {
            return false;
        }
        self.position = (self.position - 1).min(count.saturating_sub(1));
        true
    }

    /// Shows question `index` again (from the review list).
    pub fn go_to(&mut self, index: usize) {
        self.position = index;
        self.changing = true;
    }

    /// Shows the review list.
    pub fn review(&mut self) {
        self.position = usize::MAX;
        self.changing = false;
    }

    /// The verdict for every chosen treatment.
    pub fn outcomes<'a>(&self, screening: &'a Screening) -> Vec<Outcome<'a>> {
        self.treatments
            .iter()
            .filter_map(|t| screening.evaluate(t, &self.answers))
            .collect()
    }

    /// Forgets everything.
    pub fn clear(&mut self) {
        *self = Session::default();
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::lang::PerLang;
    use crate::screening::model::{Condition, Level, Rule, TopicRules};

    fn text() -> PerLang<String> {
        PerLang::from_fn(|_| "x".into())
    }

    fn screening() -> Screening {
        let q = |id: &str, asked_if: Option<&str>| Question {
            id: id.into(),
            text: text(),
            asked_if: asked_if.map(|p| Condition {
                question: p.into(),
                answer: Answer::Yes,
            }),
        };
        let rule = |question: &str| Rule {
            question: question.into(),
            answer: Answer::Yes,
            level: Level::Discuss,
            reason: text(),
            cite: vec!["s".into()],
        };
        let mut topics = BTreeMap::new();
        topics.insert(
            "t".to_owned(),
            TopicRules {
                rules: vec![rule("a"), rule("child"), rule("b")],
                also_ask: vec!["parent".into()],
                notice: None,
            },
        );
        Screening::new(
            vec![
                q("a", None),
                q("parent", None),
                q("child", Some("parent")),
                q("b", None),
            ],
            topics,
        )
    }

    #[test]
    fn answering_walks_forward_and_back_keeps_answers() {
        let s = screening();
        let mut session = Session::default();
        session.toggle("t");
        assert_eq!(session.current(&s).unwrap().id, "a");
        session.answer(&s, Answer::No);
        session.answer(&s, Answer::No); // parent
        assert_eq!(
            session.current(&s).unwrap().id,
            "b",
            "child is not called for"
        );
        assert!(session.back(&s));
        assert_eq!(session.current(&s).unwrap().id, "parent");
        assert_eq!(session.answers.get("parent"), Some(&Answer::No));
        assert!(session.back(&s));
        assert!(!session.back(&s), "already at the first question");
    }

    #[test]
    fn changing_an_answer_returns_to_review_or_to_a_newly_called_question() {
        let s = screening();
        let mut session = Session::default();
        session.toggle("t");
        for _ in 0..3 {
            session.answer(&s, Answer::No);
        }
        assert!(session.current(&s).is_none(), "on the review list");
        session.go_to(0);
        session.answer(&s, Answer::Yes);
        assert!(session.current(&s).is_none(), "back on the review list");
        // Changing "parent" to Yes calls for "child", which comes next.
        session.go_to(1);
        session.answer(&s, Answer::Yes);
        assert_eq!(session.current(&s).unwrap().id, "child");
    }

    #[test]
    fn toggling_twice_unchooses_and_clear_forgets_everything() {
        let s = screening();
        let mut session = Session::default();
        session.toggle("t");
        session.answer(&s, Answer::Yes);
        session.toggle("x");
        session.toggle("x");
        assert_eq!(session.treatments, ["t"]);
        session.clear();
        assert_eq!(session, Session::default());
    }
}

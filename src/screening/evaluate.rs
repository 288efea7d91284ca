//! From answers to a verdict, per treatment.
//!
//! - Any rule at "do not treat" whose answer was given: not suitable today.
//! - Otherwise any rule at "discuss", any question answered "not sure", or any
//!   question not answered: discuss with the clinician.
//! - Only when every question was answered and none raised a flag: no concerns
//!   found in the answers. That is never a statement that a treatment is safe.

use serde::Serialize;

use super::model::{Answer, Answers, Level, Rule, Screening};

/// The outcome for one treatment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    DoNotTreat,
    Discuss,
    NoConcerns,
}

impl Verdict {
    pub fn code(self) -> &'static str {
        match self {
            Verdict::DoNotTreat => "do_not_treat",
            Verdict::Discuss => "discuss",
            Verdict::NoConcerns => "no_concerns",
        }
    }
}

/// Why a verdict is what it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Finding<'a> {
    /// A rule's answer was given.
    Rule(&'a Rule),
    /// The patient was not sure how to answer this question.
    NotSure(&'a str),
}

impl Finding<'_> {
    pub fn question(&self) -> &str {
        match self {
            Finding::Rule(rule) => &rule.question,
            Finding::NotSure(question) => question,
        }
    }

    pub fn level(&self) -> Level {
        match self {
            Finding::Rule(rule) => rule.level,
            Finding::NotSure(_) => Level::Discuss,
        }
    }
}

/// The verdict for one treatment with its reasons.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome<'a> {
    pub treatment: &'a str,
    pub verdict: Verdict,
    /// "Do not treat" findings first, then "discuss", each in asking order.
    pub findings: Vec<Finding<'a>>,
    /// Questions the treatment needs that have no answer yet, in asking order.
    pub unanswered: Vec<&'a str>,
}

impl Screening {
    /// The verdict for `treatment` given `answers`; `None` for a treatment without rules.
    pub fn evaluate<'a>(&'a self, treatment: &str, answers: &Answers) -> Option<Outcome<'a>> {
        let (treatment, rules) = self.topics.get_key_value(treatment)?;
        let active = self.active_questions(&[treatment.as_str()], answers);
        let mut findings = Vec::new();
        let mut unanswered = Vec::new();
        for question in &active {
            match answers.get(&question.id) {
                None => unanswered.push(question.id.as_str()),
                Some(Answer::NotSure) => findings.push(Finding::NotSure(question.id.as_str())),
                Some(answer) => findings.extend(
                    rules
                        .rules
                        .iter()
                        .filter(|r| r.question == question.id && r.answer == *answer)
                        .map(Finding::Rule),
                ),
            }
        }
        // Stable: keeps asking order within each level.
        findings.sort_by_key(Finding::level);
        let verdict = if findings.iter().any(|f| f.level() == Level::DoNotTreat) {
            Verdict::DoNotTreat
        } else if !findings.is_empty() || !unanswered.is_empty() {
            Verdict::Discuss
        } else {
            Verdict::NoConcerns
        };
        Some(Outcome {
            treatment,
            verdict,
            findings,
            unanswered,
        })
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::lang::PerLang;
    use crate::screening::model::{Condition, Question, TopicRules};

    fn text(s: &str) -> PerLang<String> {
        PerLang::from_fn(|_| s.into())
    }

    fn question(id: &str, asked_if: Option<(&str, Answer)>) -> Question {
        Question {
            id: id.into(),
            text: text(id),
            asked_if: asked_if.map(|(q, a)| Condition {
                question: q.into(),
                answer: a,
            }),
        }
    }

    fn rule(question: &str, level: Level) -> crate::screening::Rule {
        crate::screening::Rule {
            question: question.into(),
            answer: Answer::Yes,
            level,
            reason: text(question),
            cite: vec!["s".into()],
        }
    }

    /// A small screening: "a" rules out, "b" is for discussion, "c" is asked only
    /// after "parent" = Yes and rules out.
    fn screening() -> Screening {
        let questions = vec![
            question("a", None),
            question("b", None),
            question("parent", None),
            question("c", Some(("parent", Answer::Yes))),
            question("other", None),
        ];
        let mut topics = BTreeMap::new();
        topics.insert(
            "t".to_owned(),
            TopicRules {
                rules: vec![
                    rule("a", Level::DoNotTreat),
                    rule("b", Level::Discuss),
                    rule("c", Level::DoNotTreat),
                ],
                also_ask: vec![],
                notice: None,
            },
        );
        Screening::new(questions, topics)
    }

    fn answers(pairs: &[(&str, Answer)]) -> Answers {
        pairs.iter().map(|(q, a)| (q.to_string(), *a)).collect()
    }

    #[test]
    fn conditional_questions_are_asked_only_when_called_for() {
        let s = screening();
        let ids = |a: &Answers| {
            s.active_questions(&["t"], a)
                .iter()
                .map(|q| q.id.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(&answers(&[])), ["a", "b", "parent"]);
        assert_eq!(
            ids(&answers(&[("parent", Answer::No)])),
            ["a", "b", "parent"]
        );
        assert_eq!(
            ids(&answers(&[("parent", Answer::NotSure)])),
            ["a", "b", "parent"]
        );
        assert_eq!(
            ids(&answers(&[("parent", Answer::Yes)])),
            ["a", "b", "parent", "c"]
        );
        // "other" belongs to no treatment's rules and is never asked.
        assert!(s.questions_for(&["t"]).iter().all(|q| q.id != "other"));
    }

    #[test]
    fn all_no_gives_no_concerns() {
        let s = screening();
        let out = s
            .evaluate(
                "t",
                &answers(&[("a", Answer::No), ("b", Answer::No), ("parent", Answer::No)]),
            )
            .unwrap();
        assert_eq!(out.verdict, Verdict::NoConcerns);
        assert!(out.findings.is_empty() && out.unanswered.is_empty());
    }

    #[test]
    fn a_do_not_treat_answer_wins_and_comes_first() {
        let s = screening();
        let out = s
            .evaluate(
                "t",
                &answers(&[
                    ("a", Answer::Yes),
                    ("b", Answer::Yes),
                    ("parent", Answer::No),
                ]),
            )
            .unwrap();
        assert_eq!(out.verdict, Verdict::DoNotTreat);
        assert_eq!(
            out.findings
                .iter()
                .map(Finding::question)
                .collect::<Vec<_>>(),
            ["a", "b"]
        );
        assert_eq!(out.findings[0].level(), Level::DoNotTreat);
    }

    #[test]
    fn discuss_rule_not_sure_and_unanswered_each_give_discuss() {
        let s = screening();
        let base = [("a", Answer::No), ("b", Answer::No), ("parent", Answer::No)];
        let with = |q: &str, a: Option<Answer>| {
            let mut ans = answers(&base);
            match a {
                Some(a) => ans.insert(q.into(), a),
                None => ans.remove(q),
            };
            s.evaluate("t", &ans).unwrap()
        };
        let out = with("b", Some(Answer::Yes));
        assert_eq!(out.verdict, Verdict::Discuss);
        let out = with("a", Some(Answer::NotSure));
        assert_eq!(out.verdict, Verdict::Discuss);
        assert_eq!(out.findings, vec![Finding::NotSure("a")]);
        let out = with("b", None);
        assert_eq!(out.verdict, Verdict::Discuss);
        assert_eq!(out.unanswered, ["b"]);
    }

    #[test]
    fn conditional_rule_applies_once_its_question_is_asked() {
        let s = screening();
        let out = s
            .evaluate(
                "t",
                &answers(&[
                    ("a", Answer::No),
                    ("b", Answer::No),
                    ("parent", Answer::Yes),
                    ("c", Answer::Yes),
                ]),
            )
            .unwrap();
        assert_eq!(out.verdict, Verdict::DoNotTreat);
        // An answer to "c" left over from before "parent" changed to No is ignored.
        let out = s
            .evaluate(
                "t",
                &answers(&[
                    ("a", Answer::No),
                    ("b", Answer::No),
                    ("parent", Answer::No),
                    ("c", Answer::Yes),
                ]),
            )
            .unwrap();
        assert_eq!(out.verdict, Verdict::NoConcerns);
        // With "parent" = Yes and "c" unanswered, it is not "no concerns".
        let out = s
            .evaluate(
                "t",
                &answers(&[
                    ("a", Answer::No),
                    ("b", Answer::No),
                    ("parent", Answer::Yes),
                ]),
            )
            .unwrap();
        assert_eq!(out.verdict, Verdict::Discuss);
        assert_eq!(out.unanswered, ["c"]);
    }

    #[test]
    fn unknown_treatment_has_no_outcome() {
        assert!(screening().evaluate("nope", &Answers::new()).is_none());
    }
}

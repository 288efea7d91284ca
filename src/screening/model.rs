//! The screening model: questions with their texts, and each treatment's rules.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::lang::PerLang;

/// A patient's answer to one question.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Answer {
    Yes,
    No,
    NotSure,
}

impl Answer {
    pub const ALL: [Answer; 3] = [Answer::Yes, Answer::No, Answer::NotSure];

    /// The word used on the command line and in JSON.
    pub fn code(self) -> &'static str {
        match self {
            Answer::Yes => "yes",
            Answer::No => "no",
            Answer::NotSure => "unsure",
        }
    }

    /// Parses `yes`, `no` or `unsure` (also `not_sure`), in any case.
    pub fn parse(s: &str) -> Option<Answer> {
        match s.trim().to_ascii_lowercase().as_str() {
            "yes" => Some(Answer::Yes),
            "no" => Some(Answer::No),
            "unsure" | "not_sure" | "notsure" => Some(Answer::NotSure),
            _ => None,
        }
    }
}

/// How serious a flag is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Level {
    /// Contraindicated: not suitable today.
    DoNotTreat,
    /// Talk it over with the clinician before treating.
    Discuss,
}

impl Level {
    pub fn code(self) -> &'static str {
        match self {
            Level::DoNotTreat => "do_not_treat",
            Level::Discuss => "discuss",
        }
    }
}

/// The earlier answer that calls for a question.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    pub question: String,
    pub answer: Answer,
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub text: PerLang<String>,
    pub asked_if: Option<Condition>,
}

/// An answer to a question that raises a flag for one treatment.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub question: String,
    pub answer: Answer,
    pub level: Level,
    pub reason: PerLang<String>,
    pub cite: Vec<String>,
}

/// A notice shown with every result for one treatment, whatever the answers
/// (for example a regulator's warning).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Notice {
    pub text: PerLang<String>,
    pub cite: Vec<String>,
}

/// One treatment's rules, questions it needs that raise no flag themselves, and
/// the notice, if any, that goes with every result.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TopicRules {
    pub rules: Vec<Rule>,
    #[serde(default)]
    pub also_ask: Vec<String>,
    #[serde(default)]
    pub notice: Option<Notice>,
}

/// The patient's answers so far, by question id.
pub type Answers = BTreeMap<String, Answer>;

/// Every question, and every treatment's rules. Built by content validation, which
/// guarantees that every id a rule or condition names exists and that a condition
/// only names an earlier question.
#[derive(Clone, Debug, Default)]
pub struct Screening {
    pub(crate) questions: Vec<Question>,
    pub(crate) topics: BTreeMap<String, TopicRules>,
}

impl Screening {
    /// Builds a screening from already validated parts.
    pub fn new(questions: Vec<Question>, topics: BTreeMap<String, TopicRules>) -> Self {
        Self { questions, topics }
    }

    /// Every question, in the order they are asked.
    pub fn questions(&self) -> &[Question] {
        &self.questions
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    /// The rules of a treatment, if it has any.
    pub fn rules(&self, treatment: &str) -> Option<&TopicRules> {
        self.topics.get(treatment)
    }

    /// The notice shown with every result for a treatment, if it has one.
    pub fn notice(&self, treatment: &str) -> Option<&Notice> {
        self.topics.get(treatment)?.notice.as_ref()
    }

    /// Treatments that have rules.
    pub fn treatments(&self) -> impl Iterator<Item = &str> {
        self.topics.keys().map(String::as_str)
    }

    /// Every question the treatments may need (rules, `also_ask`, and the earlier
    /// questions their conditions name), each once, in asking order.
    pub fn questions_for<'a>(&'a self, treatments: &[&str]) -> Vec<&'a Question> {
        let mut needed: BTreeSet<&str> = BTreeSet::new();
        for t in treatments {
            if let Some(rules) = self.topics.get(*t) {
                needed.extend(rules.rules.iter().map(|r| r.question.as_str()));
                needed.extend(rules.also_ask.iter().map(String::as_str));
            }
        }
        // Conditions only point backwards, so one pass from the end adds every ancestor.
        for q in self.questions.iter().rev() {
            if needed.contains(q.id.as_str())
                && let Some(c) = &q.asked_if
            {
                needed.insert(c.question.as_str());
            }
        }
        self.questions
            .iter()
            .filter(|q| needed.contains(q.id.as_str()))
            .collect()
    }

    /// The questions to ask now: those the treatments need whose condition, if any,
    /// is met by the answers so far (and whose earlier question is itself asked).
    pub fn active_questions<'a>(
        &'a self,
        treatments: &[&str],
        answers: &Answers,
    ) -> Vec<&'a Question> {
        let needed = self.questions_for(treatments);
        let mut active: Vec<&Question> = Vec::with_capacity(needed.len());
        for q in needed {
            let asked = match &q.asked_if {
                None => true,
                Some(c) => {
                    active.iter().any(|a| a.id == c.question)
                        && answers.get(&c.question) == Some(&c.answer)
                }
            };
            if asked {
                active.push(q);
            }
        }
        active
    }
}

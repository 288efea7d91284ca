//! Screening results in words and as JSON, for the screens and for
//! `clinic-edu screen`.

use crate::i18n::msg;
use serde::Serialize;

use crate::i18n::Strings;
use crate::lang::Language;
use crate::screening::{Finding, Outcome, Question, Screening};

/// Why a finding matters, in `lang`.
pub fn finding_text(
    screening: &Screening,
    strings: &Strings,
    finding: &Finding<'_>,
    lang: Language,
) -> String {
    match finding {
        Finding::Rule(rule) => rule.reason.get(lang).to_owned(),
        Finding::NotSure(id) => {
            let question = screening.question(id).map_or(*id, |q| q.text.get(lang));
            strings.with_arg(lang, msg::REASON_NOT_SURE, "question", question)
        }
    }
}

/// `{"treatment": ..., "verdict": ..., "reasons": [...], "unanswered": [...],
/// "notice": null | "..."}`.
#[derive(Debug, Serialize)]
pub struct VerdictJson {
    pub treatment: String,
    pub verdict: &'static str,
    pub reasons: Vec<ReasonJson>,
    pub unanswered: Vec<String>,
    /// The treatment's notice, shown with every result.
    pub notice: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct ReasonJson {
    pub question: String,
    pub level: &'static str,
    pub text: String,
}

impl VerdictJson {
    pub fn new(
        screening: &Screening,
        strings: &Strings,
        outcome: &Outcome<'_>,
        lang: Language,
    ) -> Self {
        Self {
            treatment: outcome.treatment.to_owned(),
            verdict: outcome.verdict.code(),
            reasons: outcome
                .findings
                .iter()
                .map(|f| ReasonJson {
                    question: f.question().to_owned(),
                    level: f.level().code(),
                    text: finding_text(screening, strings, f, lang),
                })
                .collect(),
            unanswered: outcome.unanswered.iter().map(|s| s.to_string()).collect(),
            notice: screening
                .notice(outcome.treatment)
                .map(|n| n.text.get(lang).to_owned()),
        }
    }
}

/// `{"id": ..., "text": ..., "asked_if": null | {"question": ..., "answer": ...}}`.
#[derive(Debug, Serialize)]
pub struct QuestionJson {
    pub id: String,
    pub text: String,
    pub asked_if: Option<ConditionJson>,
}

#[derive(Debug, Serialize)]
pub struct ConditionJson {
    pub question: String,
    pub answer: &'static str,
}

impl QuestionJson {
    pub fn new(question: &Question, lang: Language) -> Self {
        Self {
            id: question.id.clone(),
            text: question.text.get(lang).to_owned(),
            asked_if: question.asked_if.as_ref().map(|c| ConditionJson {
                question: c.question.clone(),
                answer: c.answer.code(),
            }),
        }
    }
}

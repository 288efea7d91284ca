//! Checks of a topic's screening rules, `screening.ron`: every question is in
//! `questions.ron` and every citation (of a rule or of the notice) is a source of
//! the topic.

use super::{Checker, unknown_source};
use crate::content::limits;
use crate::content::raw;
use crate::screening::{Answer, Question, TopicRules};

pub(super) fn check(
    c: &mut Checker<'_>,
    topic: &raw::TopicFile,
    questions: &[Question],
    rules: &TopicRules,
) {
    let known = |id: &str| questions.iter().any(|q| q.id == id);
    if rules.rules.is_empty() {
        c.error_at("rules", "the topic has no screening rules");
    }
    c.count("rules", "rules", rules.rules.len(), limits::MAX_RULES);
    let mut seen: Vec<(&str, Answer)> = Vec::new();
    for rule in &rules.rules {
        let anchor = format!("\"{}\"", rule.question);
        if !known(&rule.question) {
            c.error_at(
                &anchor,
                format!(
                    "unknown question {:?}: it is not in questions.ron",
                    rule.question
                ),
            );
        }
        if seen.contains(&(rule.question.as_str(), rule.answer)) {
            c.error_at(
                &anchor,
                format!("two rules for the same answer to {:?}", rule.question),
            );
        }
        seen.push((&rule.question, rule.answer));
        if rule.cite.is_empty() {
            c.error_at(
                &anchor,
                format!("the rule for {:?} cites no source", rule.question),
            );
        }
        c.citations(&rule.cite, &topic.sources, unknown_source);
        c.localized(
            &anchor,
            &format!("the reason for {:?}", rule.question),
            &rule.reason,
        );
    }
    if let Some(notice) = &rules.notice {
        if notice.cite.is_empty() {
            c.error_at("notice:", "the notice cites no source");
        }
        c.citations(&notice.cite, &topic.sources, unknown_source);
        c.localized("notice:", "the notice", &notice.text);
    }
    for id in &rules.also_ask {
        if !known(id) {
            c.error_at(
                &format!("\"{id}\""),
                format!("unknown question {id:?}: it is not in questions.ron"),
            );
        }
    }
}

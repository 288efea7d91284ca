//! How a text's clinical review, version and origin are said in each language, the
//! same on the screen and on a handout.

use super::model::{Grade, Meta, Origin};
use super::review::ReviewStatus;
use crate::i18n::{Strings, localize_digits, msg};
use crate::lang::Language;

/// "Not yet reviewed by a clinician…", who reviewed the text and when, or why
/// that review no longer stands (the text changed after it, or it is too old).
pub fn review_line(strings: &Strings, lang: Language, status: &ReviewStatus) -> String {
    let (id, reviewer, date) = match status {
        ReviewStatus::NeverReviewed => return strings.get(lang, msg::NOT_REVIEWED),
        ReviewStatus::Reviewed { reviewer, date } => (msg::REVIEWED_BY, reviewer, date),
        ReviewStatus::ChangedSinceReview { reviewer, date } => {
            (msg::REVIEW_CHANGED, reviewer, date)
        }
        ReviewStatus::Overdue { reviewer, date } => (msg::REVIEW_OVERDUE, reviewer, date),
    };
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("reviewer", reviewer.clone());
    args.set("date", localize_digits(lang, date));
    strings.format(lang, id, Some(&args))
}

/// The message saying how much weight a source carries.
pub fn grade_message(grade: Grade) -> &'static str {
    match grade {
        Grade::Reg => msg::GRADE_REG,
        Grade::Pro => msg::GRADE_PRO,
        Grade::Pr => msg::GRADE_PR,
        Grade::Low => msg::GRADE_LOW,
        Grade::Unsourced => msg::GRADE_UNSOURCED,
    }
}

/// "Original text, version 2." or "Translated from English, version 2."
pub fn origin_line(strings: &Strings, lang: Language, meta: &Meta) -> String {
    let version = strings.number(lang, meta.version);
    match meta.origin {
        Origin::Original => strings.with_arg(lang, msg::ORIGIN_ORIGINAL, "version", version),
        Origin::TranslatedFrom(from) => {
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("language", strings.language_name(lang, from));
            args.set("version", version);
            strings.format(lang, msg::ORIGIN_TRANSLATED, Some(&args))
        }
    }
}

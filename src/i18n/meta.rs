//! How a text's clinical review, version and origin are said in each language, the
//! same on the screen and on a handout.

use crate::content::Origin;
use crate::content::model::{Grade, Meta};
use crate::i18n::{Strings, msg};
use crate::lang::Language;

/// "Not yet reviewed by a clinician…", or who reviewed the text and when.
pub fn review_line(strings: &Strings, lang: Language, meta: &Meta) -> String {
    match &meta.reviewed {
        None => strings.get(lang, msg::NOT_REVIEWED),
        Some(review) => {
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("reviewer", review.reviewer.clone());
            args.set("date", review.date.clone());
            strings.format(lang, msg::REVIEWED_BY, Some(&args))
        }
    }
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
            args.set("language", strings.get(lang, msg::language(from)));
            args.set("version", version);
            strings.format(lang, msg::ORIGIN_TRANSLATED, Some(&args))
        }
    }
}

//! Checks of a content folder's `reviews.ron`: each review names a topic of the
//! folder, a real date, a reviewer, and SHA-256 hashes of the files it covers.

use std::collections::BTreeMap;

use super::Checker;
use crate::content::files::ContentFile;
use crate::content::review::{Date, ReviewRecord, reviewer_is_valid};

pub(super) fn check(
    c: &mut Checker<'_>,
    reviews: &[ReviewRecord],
    topics: &BTreeMap<&str, BTreeMap<&str, &ContentFile>>,
) {
    let hex = |h: &str| {
        h.len() == 64
            && h.bytes()
                .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
    };
    for review in reviews {
        let anchor = format!("\"{}\"", review.topic);
        if !topics.contains_key(review.topic.as_str()) {
            c.error_at(
                &anchor,
                format!("a review of {:?}, which is not a topic", review.topic),
            );
        }
        if Date::parse(&review.date).is_none() {
            let at = format!("\"{}\"", review.date);
            c.error_at(
                &at,
                format!("date {:?} is not a day written YYYY-MM-DD", review.date),
            );
        }
        if !reviewer_is_valid(&review.reviewer) {
            c.error_at(
                &anchor,
                "reviewer: give the name and role, 1 to 120 characters on one line",
            );
        }
        for hash in [&review.file_sha256, &review.screening_sha256] {
            if !hex(hash) {
                c.error_at(
                    &format!("\"{hash}\""),
                    "a SHA-256 is 64 lowercase hexadecimal digits",
                );
            }
        }
    }
}

//! Clinicians' reviews, recorded apart from the content in `reviews.ron`: who
//! reviewed which topic's language file (and its screening file) on which day, with
//! a SHA-256 of each file as it was then. A review counts only while both files are
//! unchanged and it is younger than the config's `review_valid_months`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use super::kept::sha256_hex;
use crate::i18n::msg;
use crate::lang::Language;

/// The reviews file, at the top of a content folder.
pub const REVIEWS: &str = "reviews.ron";
/// How long a review stands when the config does not say.
pub const DEFAULT_VALID_MONTHS: u32 = 24;

/// One clinician's review of one topic in one language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewRecord {
    pub topic: String,
    pub lang: Language,
    /// "NAME, ROLE".
    pub reviewer: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// SHA-256 of the language file (`prp/ar.ron`), lowercase hex.
    pub file_sha256: String,
    /// SHA-256 of the topic's `screening.ron`, lowercase hex.
    pub screening_sha256: String,
    /// The reviewer's professional registration number, when the sign-off gave one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registration: Option<String>,
    /// SHA-256 of each paragraph as reviewed, by its section and id
    /// (`what_it_is.prp-stands-platelet`, `side_effects.common.headache`,
    /// `compare.evidence`): what lets the review screen say which paragraphs
    /// changed since. Reviews recorded before paragraphs had ids name them by
    /// position (`what_it_is.0`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub paragraphs: BTreeMap<String, String>,
    /// The text of each paragraph as reviewed, in reading order: kept beside
    /// reviews.ron in `reviewed/<topic>/<lang>.ron` (see [`super::kept`]), not in it.
    /// Only paragraphs whose SHA-256 matches `paragraphs` are kept on loading;
    /// empty for a review recorded before the text was kept.
    #[serde(skip)]
    pub kept: Vec<super::kept::KeptParagraph>,
}

/// Who signs a review, and on which day: what the `review` command and the app's
/// review screen ask for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SignOff {
    pub name: String,
    pub role: String,
    pub registration: String,
    /// `YYYY-MM-DD`.
    pub date: String,
}

impl SignOff {
    /// "NAME, ROLE" as reviews.ron and the pages write it.
    pub fn reviewer(&self) -> String {
        let (name, role) = (self.name.trim(), self.role.trim());
        if role.is_empty() {
            name.to_owned()
        } else {
            format!("{name}, {role}")
        }
    }

    /// Why this sign-off cannot be recorded on `today`, if it cannot (the id of
    /// the message that says so): a name and role, a registration number on one
    /// line, and a day that is not in the future.
    pub fn problem(&self, today: Date) -> Option<&'static str> {
        if self.name.trim().is_empty()
            || self.role.trim().is_empty()
            || !reviewer_is_valid(&self.reviewer())
        {
            return Some(msg::CLINICAL_REVIEW_NEED_NAME);
        }
        let registration = self.registration.trim();
        if registration.is_empty()
            || registration.chars().count() > 60
            || registration.contains(char::is_control)
        {
            return Some(msg::CLINICAL_REVIEW_NEED_REGISTRATION);
        }
        match Date::parse(self.date.trim()) {
            Some(day) if day <= today => None,
            _ => Some(msg::CLINICAL_REVIEW_NEED_DATE),
        }
    }
}

/// reviews.ron's text for `records`, sorted by topic and language.
pub fn reviews_file(records: &[ReviewRecord]) -> Result<String, ron::Error> {
    let mut records = records.to_vec();
    records.sort_by(|a, b| (&a.topic, a.lang).cmp(&(&b.topic, b.lang)));
    let pretty = ron::ser::PrettyConfig::new().struct_names(false);
    let body = ron::ser::to_string_pretty(&records, pretty)?;
    Ok(format!(
        "// Clinicians' reviews, written by `clinic-edu review` or the app's review screen.\n\
         // A review stands while the SHA-256 of the files it covers still match and it is\n\
         // younger than the config's review_valid_months. Do not edit the hashes by hand.\n{body}\n"
    ))
}

/// Writes `text` as `dir`'s reviews.ron, through a temporary file renamed into
/// place, so that a reader never sees half of it.
pub fn write_reviews(dir: &std::path::Path, text: &str) -> std::io::Result<std::path::PathBuf> {
    let path = dir.join(REVIEWS);
    let temporary = dir.join(format!(".{REVIEWS}.new"));
    std::fs::write(&temporary, text)?;
    std::fs::rename(&temporary, &path)?;
    Ok(path)
}

/// `records` with `record` in place of any earlier review of its topic and language.
pub fn with_review(records: &[ReviewRecord], record: ReviewRecord) -> Vec<ReviewRecord> {
    let mut out: Vec<ReviewRecord> = records
        .iter()
        .filter(|r| !(r.topic == record.topic && r.lang == record.lang))
        .cloned()
        .collect();
    out.push(record);
    out.sort_by(|a, b| (&a.topic, a.lang).cmp(&(&b.topic, b.lang)));
    out
}

/// The SHA-256 of the files a review covers, as loaded.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FileHashes {
    pub texts: crate::lang::PerLang<String>,
    pub screening: String,
}

/// What can be said of a text's review today.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReviewStatus {
    Reviewed {
        reviewer: String,
        date: String,
    },
    /// The language file or the screening file changed after the review.
    ChangedSinceReview {
        reviewer: String,
        date: String,
    },
    /// The review is older than the config allows.
    Overdue {
        reviewer: String,
        date: String,
    },
    NeverReviewed,
}

impl ReviewStatus {
    /// "reviewed", "changed since review", "review overdue", "never reviewed".
    pub fn describe(&self) -> String {
        match self {
            ReviewStatus::Reviewed { reviewer, date } => {
                format!("reviewed by {reviewer} on {date}")
            }
            ReviewStatus::ChangedSinceReview { reviewer, date } => {
                format!("changed since review (by {reviewer} on {date})")
            }
            ReviewStatus::Overdue { reviewer, date } => {
                format!("review overdue (by {reviewer} on {date})")
            }
            ReviewStatus::NeverReviewed => "never reviewed".to_owned(),
        }
    }
}

/// Whether `name` can stand as a reviewer ("NAME, ROLE"): 1 to 120 characters on
/// one line, spaces around it not counted.
pub fn reviewer_is_valid(name: &str) -> bool {
    let name = name.trim();
    !name.is_empty() && name.chars().count() <= 120 && !name.contains(char::is_control)
}

/// A calendar day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// `YYYY-MM-DD`, a day that exists.
    pub fn parse(text: &str) -> Option<Date> {
        let mut parts = text.split('-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        let date = Date {
            year: y.parse().ok()?,
            month: m.parse().ok()?,
            day: d.parse().ok()?,
        };
        ((1..=12).contains(&date.month) && (1..=days_in(date.year, date.month)).contains(&date.day))
            .then_some(date)
    }

    /// Today (UTC); `SOURCE_DATE_EPOCH`, when set, stands for now, as in
    /// reproducible builds.
    pub fn today() -> Date {
        let seconds = std::env::var("SOURCE_DATE_EPOCH")
            .ok()
            .and_then(|s| s.trim().parse::<i64>().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_secs() as i64)
            });
        Date::from_unix_seconds(seconds)
    }

    /// The day (UTC) of a time in seconds since 1970-01-01.
    pub fn from_unix_seconds(seconds: i64) -> Date {
        Date::from_days(seconds.div_euclid(86_400))
    }

    /// The day a count of days after 1970-01-01 (Howard Hinnant's `civil_from_days`).
    pub fn from_days(z: i64) -> Date {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// The same day `months` later (the month's last day if it is shorter).
    pub fn plus_months(self, months: u32) -> Date {
        let total = self.year * 12 + self.month as i32 - 1 + months as i32;
        let (year, month) = (total.div_euclid(12), total.rem_euclid(12) as u32 + 1);
        Date {
            year,
            month,
            day: self.day.min(days_in(year, month)),
        }
    }
}

impl std::fmt::Display for Date {
    /// `YYYY-MM-DD`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn days_in(year: i32, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The status of `topic` in `lang` given the recorded reviews and the files' hashes.
pub fn status(
    reviews: &[ReviewRecord],
    topic: &str,
    lang: Language,
    hashes: &FileHashes,
    today: Date,
    valid_months: u32,
) -> ReviewStatus {
    let Some(review) = reviews
        .iter()
        .rev()
        .find(|r| r.topic == topic && r.lang == lang)
    else {
        return ReviewStatus::NeverReviewed;
    };
    let (reviewer, date) = (review.reviewer.clone(), review.date.clone());
    if review.file_sha256 != *hashes.texts.get(lang) || review.screening_sha256 != hashes.screening
    {
        return ReviewStatus::ChangedSinceReview { reviewer, date };
    }
    match Date::parse(&review.date) {
        Some(day) if today < day.plus_months(valid_months) => {
            ReviewStatus::Reviewed { reviewer, date }
        }
        _ => ReviewStatus::Overdue { reviewer, date },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_months() {
        assert_eq!(Date::parse("2026-02-29"), None);
        assert_eq!(
            Date::parse("2024-02-29").unwrap().plus_months(12),
            Date::parse("2025-02-28").unwrap()
        );
        assert_eq!(
            Date::parse("2026-11-30").unwrap().plus_months(3),
            Date::parse("2027-02-28").unwrap()
        );
        assert_eq!(Date::parse("2026-1-01"), None);
        assert_eq!(Date::from_days(0), Date::parse("1970-01-01").unwrap());
        assert_eq!(Date::from_days(20_788), Date::parse("2026-12-01").unwrap());
        assert_eq!(Date::from_days(11_016), Date::parse("2000-02-29").unwrap());
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}

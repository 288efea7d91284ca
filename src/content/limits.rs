//! The range of every number and size content can set, so that no content folder
//! can make a frame do unbounded work (a timeline of four billion sessions) or the
//! app read a file without end. `validate` reports a value outside its range at its
//! place; `assets/content/FORMAT.md` lists the same ranges.

use std::ops::RangeInclusive;

use super::raw::{Step, Unit};

/// Bytes of one content file (the largest shipped file is under 40 KB).
pub const MAX_FILE_BYTES: u64 = 256 * 1024;
/// Characters of one text: a title, summary, paragraph, list item, question or reason.
pub const MAX_TEXT_CHARS: usize = 2000;
/// Characters of a paragraph's or list item's id.
pub const MAX_ID_CHARS: usize = 60;
/// Paragraphs and lists in one section (or one part of the side effects).
pub const MAX_BLOCKS: usize = 40;
/// Items in one list.
pub const MAX_LIST_ITEMS: usize = 40;
/// Sources of one topic.
pub const MAX_SOURCES: usize = 60;
/// Screening questions in `questions.ron`.
pub const MAX_QUESTIONS: usize = 200;
/// Rules in one topic's `screening.ron`.
pub const MAX_RULES: usize = 100;
/// A topic's place in the list.
pub const ORDER: RangeInclusive<u64> = 0..=999;
/// A language file's version number.
pub const VERSION: RangeInclusive<u64> = 1..=9999;

/// The range of a timeline number, by what it counts; the unit's name for messages.
pub fn timeline(step: Step, unit: Unit) -> (RangeInclusive<u64>, &'static str) {
    match (step, unit) {
        (Step::Sessions, _) | (_, Unit::Count) => (0..=50, "sessions"),
        (_, Unit::Days) => (0..=3650, "days"),
        (_, Unit::Weeks) => (0..=520, "weeks"),
        (_, Unit::Months) => (0..=120, "months"),
    }
}

//! Serde mirror of the content RON files, exactly as written (see
//! `assets/content/FORMAT.md`). Nothing here is checked beyond syntax; the
//! [`super::validate`] pass turns it into the model the app runs on.

use serde::Deserialize;

/// `topic.ron`: what does not depend on language.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TopicFile {
    pub id: String,
    pub order: u32,
    pub sources: Vec<Source>,
    #[serde(default)]
    pub timeline: Vec<TimelineStep>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub url: Option<String>,
    pub grade: Grade,
}

/// How much weight a source carries (from the facts brief).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
pub enum Grade {
    /// Regulator or product label.
    Reg,
    /// Professional body or national guidance.
    Pro,
    /// Peer-reviewed.
    Pr,
    /// Clinic, vendor, news, or a copy of a primary source.
    Low,
    /// Only a source article says so.
    Unsourced,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimelineStep {
    pub step: Step,
    pub min: u32,
    pub max: u32,
    pub unit: Unit,
    pub certainty: Certainty,
    pub cite: Vec<String>,
    /// Sessions only: the treatment goes on for as long as it helps, and `min` to
    /// `max` sessions is when it is reviewed, not the length of the course.
    #[serde(default)]
    pub ongoing: bool,
}

/// What a timeline entry measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
pub enum Step {
    Sessions,
    Interval,
    ResultsVisible,
    Lasts,
    Downtime,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
pub enum Unit {
    Count,
    Days,
    Weeks,
    Months,
}

/// How firmly the sources support a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
pub enum Certainty {
    /// From a regulator, professional body or peer-reviewed source.
    Established,
    /// Only a clinic, vendor or article says so.
    Attributed,
    /// Sources disagree or there is no standard.
    Varies,
}

/// `<lang>.ron`: a topic's text in one language.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LangFile {
    pub meta: Meta,
    pub title: String,
    pub summary: String,
    pub what_it_is: Vec<Block>,
    pub how_it_works: Vec<Block>,
    pub used_for: Vec<Block>,
    pub what_to_expect: Vec<Block>,
    pub side_effects: SideEffects,
    pub aftercare: Vec<Block>,
    pub evidence: Vec<Block>,
    pub who_should_not: Vec<Block>,
    pub questions: Vec<Block>,
    /// One cited cell per row of the Compare screen.
    pub compare: CompareRows,
}

/// The rows of the Compare screen that are words; the numbers (sessions, interval,
/// results, how long it lasts, downtime) come from `topic.ron`'s timeline.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompareRows {
    pub what_it_is: Item,
    pub common_side_effects: Item,
    pub serious_risks: Item,
    pub regulatory_status: Item,
    pub evidence: Item,
    pub who_should_not: Item,
}

impl CompareRows {
    /// Each cell with its field name, in row order.
    pub fn cells(&self) -> [(&'static str, &Item); 6] {
        [
            ("what_it_is", &self.what_it_is),
            ("common_side_effects", &self.common_side_effects),
            ("serious_risks", &self.serious_risks),
            ("regulatory_status", &self.regulatory_status),
            ("evidence", &self.evidence),
            ("who_should_not", &self.who_should_not),
        ]
    }
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub version: u32,
    pub origin: Origin,
    pub reviewed: Option<Review>,
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub enum Origin {
    Original,
    Translation { from: String },
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    pub date: String,
    pub reviewer: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SideEffects {
    pub common: Vec<Block>,
    pub rare: Vec<Block>,
    pub serious: Vec<Block>,
    pub urgent: Vec<Block>,
}

/// A paragraph or a bulleted list, each with the sources of its facts.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub enum Block {
    Para {
        /// The paragraph's stable id (see [`ListItem::id`]).
        #[serde(default)]
        id: String,
        text: String,
        cite: Vec<String>,
    },
    List {
        items: Vec<ListItem>,
    },
}

/// One point of a bulleted list.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListItem {
    /// A stable id, written in the file: unique in the language file, the same for
    /// the same paragraph in every language, and kept when paragraphs are added or
    /// moved, so that a review, a clip or a highlight points at the same text.
    /// Empty when the file gives none, which validation refuses.
    #[serde(default)]
    pub id: String,
    pub text: String,
    pub cite: Vec<String>,
}

/// A Compare cell: a text and its sources, named by its field.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub text: String,
    pub cite: Vec<String>,
}

//! The validated content the app runs on: every topic has every language and every
//! section, and every citation resolves to a source of the topic.

pub use super::raw::{
    Block, Certainty, CompareRows, Grade, Item, ListItem, Review, Source, Step, TimelineStep, Unit,
};
use super::review::{self, Date, FileHashes, ReviewRecord, ReviewStatus};
use crate::i18n::msg;
use crate::lang::{Language, PerLang};
use crate::screening::Screening;

/// All treatment topics, in display order.
#[derive(Clone, Debug, Default)]
pub struct Library {
    pub(crate) topics: Vec<Topic>,
    pub(crate) screening: Screening,
    /// Clinicians' reviews from `reviews.ron`.
    pub(crate) reviews: Vec<ReviewRecord>,
    /// Languages with errors of their own, with the topic each is in (`None`: in
    /// the questions). A language is not offered while it has an error in the
    /// questions or in a topic the library holds.
    pub(crate) incomplete: Vec<(Language, Option<String>)>,
}

impl Library {
    /// The screening questions and every topic's rules.
    pub fn screening(&self) -> &Screening {
        &self.screening
    }

    /// The languages the content is complete in: every registered language but
    /// those with errors of their own.
    pub fn languages(&self) -> Vec<Language> {
        Language::all()
            .into_iter()
            .filter(|lang| {
                !self.incomplete.iter().any(|(l, topic)| {
                    l == lang && topic.as_ref().is_none_or(|t| self.topic(t).is_some())
                })
            })
            .collect()
    }

    pub fn topics(&self) -> &[Topic] {
        &self.topics
    }

    pub fn topic(&self, id: &str) -> Option<&Topic> {
        self.topics.iter().find(|t| t.id == id)
    }

    /// The recorded reviews.
    pub fn reviews(&self) -> &[ReviewRecord] {
        &self.reviews
    }

    /// What can be said today of the review of `topic` in `lang`.
    pub fn review_status(
        &self,
        topic: &Topic,
        lang: Language,
        today: Date,
        valid_months: u32,
    ) -> ReviewStatus {
        review::status(
            &self.reviews,
            &topic.id,
            lang,
            &topic.hashes,
            today,
            valid_months,
        )
    }

    /// The latest review of `topic` in `lang`, if any.
    pub fn last_review(&self, topic: &str, lang: Language) -> Option<&ReviewRecord> {
        self.reviews
            .iter()
            .rev()
            .find(|r| r.topic == topic && r.lang == lang)
    }

    /// A review recorded while the app runs, in place of any earlier one of its
    /// topic and language.
    pub fn record_review(&mut self, record: ReviewRecord) {
        self.reviews = review::with_review(&self.reviews, record);
    }

    pub fn is_empty(&self) -> bool {
        self.topics.is_empty()
    }

    /// The same library with only the topics in `ids` (for a kiosk that offers some).
    pub fn only(&self, ids: &[String]) -> Library {
        let topics: Vec<Topic> = self
            .topics
            .iter()
            .filter(|t| ids.contains(&t.id))
            .cloned()
            .collect();
        let rules = self
            .screening
            .treatments()
            .filter(|t| ids.iter().any(|id| id == t))
            .filter_map(|t| Some((t.to_owned(), self.screening.rules(t)?.clone())))
            .collect();
        Library {
            topics,
            screening: Screening::new(self.screening.questions().to_vec(), rules),
            reviews: self.reviews.clone(),
            incomplete: self.incomplete.clone(),
        }
    }
}

/// One treatment, in every language.
#[derive(Clone, Debug)]
pub struct Topic {
    pub id: String,
    pub order: u32,
    pub sources: Vec<Source>,
    pub timeline: Vec<TimelineStep>,
    pub(crate) texts: PerLang<TopicText>,
    /// SHA-256 of its language files and screening file, as loaded.
    pub hashes: FileHashes,
}

impl Topic {
    /// The topic's text in `lang`. Validation guarantees every language is present.
    pub fn text(&self, lang: Language) -> &TopicText {
        self.texts.get(lang)
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }
}

/// Where a language's text comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    Original,
    TranslatedFrom(Language),
}

/// Version, origin and clinical review of one language's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Meta {
    pub version: u32,
    pub origin: Origin,
    /// `None` until a clinician has reviewed this text; the screen says so.
    pub reviewed: Option<Review>,
}

/// The sections every topic has, in reading order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SectionId {
    WhatItIs,
    HowItWorks,
    UsedFor,
    WhatToExpect,
    SideEffects,
    Aftercare,
    Evidence,
    WhoShouldNot,
    Questions,
    Sources,
}

impl SectionId {
    pub const ALL: [SectionId; 10] = [
        SectionId::WhatItIs,
        SectionId::HowItWorks,
        SectionId::UsedFor,
        SectionId::WhatToExpect,
        SectionId::SideEffects,
        SectionId::Aftercare,
        SectionId::Evidence,
        SectionId::WhoShouldNot,
        SectionId::Questions,
        SectionId::Sources,
    ];

    /// The Fluent id of the section's heading.
    pub fn string_id(self) -> &'static str {
        match self {
            SectionId::WhatItIs => msg::SECTION_WHAT_IT_IS,
            SectionId::HowItWorks => msg::SECTION_HOW_IT_WORKS,
            SectionId::UsedFor => msg::SECTION_USED_FOR,
            SectionId::WhatToExpect => msg::SECTION_WHAT_TO_EXPECT,
            SectionId::SideEffects => msg::SECTION_SIDE_EFFECTS,
            SectionId::Aftercare => msg::SECTION_AFTERCARE,
            SectionId::Evidence => msg::SECTION_EVIDENCE,
            SectionId::WhoShouldNot => msg::SECTION_WHO_SHOULD_NOT,
            SectionId::Questions => msg::SECTION_QUESTIONS,
            SectionId::Sources => msg::SECTION_SOURCES,
        }
    }

    /// The field name in the content files (for error messages).
    pub fn field(self) -> &'static str {
        match self {
            SectionId::WhatItIs => "what_it_is",
            SectionId::HowItWorks => "how_it_works",
            SectionId::UsedFor => "used_for",
            SectionId::WhatToExpect => "what_to_expect",
            SectionId::SideEffects => "side_effects",
            SectionId::Aftercare => "aftercare",
            SectionId::Evidence => "evidence",
            SectionId::WhoShouldNot => "who_should_not",
            SectionId::Questions => "questions",
            SectionId::Sources => "sources",
        }
    }
}

/// The parts of the side-effects section.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SideEffectLevel {
    Common,
    Rare,
    Serious,
    Urgent,
}

impl SideEffectLevel {
    /// The field name in the content files.
    pub fn field(self) -> &'static str {
        match self {
            SideEffectLevel::Common => "common",
            SideEffectLevel::Rare => "rare",
            SideEffectLevel::Serious => "serious",
            SideEffectLevel::Urgent => "urgent",
        }
    }

    pub fn string_id(self) -> &'static str {
        match self {
            SideEffectLevel::Common => msg::SIDE_EFFECTS_COMMON,
            SideEffectLevel::Rare => msg::SIDE_EFFECTS_RARE,
            SideEffectLevel::Serious => msg::SIDE_EFFECTS_SERIOUS,
            SideEffectLevel::Urgent => msg::SIDE_EFFECTS_URGENT,
        }
    }
}

/// A run of blocks, with a sub-heading inside the side-effects section.
#[derive(Clone, Debug, PartialEq)]
pub struct Part {
    pub sub: Option<SideEffectLevel>,
    pub blocks: Vec<Block>,
}

/// A topic in one language.
#[derive(Clone, Debug)]
pub struct TopicText {
    pub meta: Meta,
    pub title: String,
    pub summary: String,
    /// Every section but `Sources` (drawn from the topic's source list), in order.
    pub sections: Vec<(SectionId, Vec<Part>)>,
    /// The Compare screen's word rows.
    pub compare: CompareRows,
}

impl TopicText {
    /// The parts of `section`; empty for `Sources`.
    pub fn section(&self, section: SectionId) -> &[Part] {
        self.sections
            .iter()
            .find(|(id, _)| *id == section)
            .map_or(&[], |(_, parts)| parts.as_slice())
    }

    /// Every string of the text (title, summary, paragraphs, list items).
    pub fn strings(&self) -> impl Iterator<Item = &str> {
        let blocks = self
            .sections
            .iter()
            .flat_map(|(_, parts)| parts.iter().flat_map(|p| p.blocks.iter()));
        [self.title.as_str(), self.summary.as_str()]
            .into_iter()
            .chain(blocks.flat_map(|b| block_strings(b)))
            .chain(
                self.compare
                    .cells()
                    .into_iter()
                    .map(|(_, cell)| cell.text.as_str()),
            )
    }
}

/// The strings of one block.
pub fn block_strings(block: &Block) -> Box<dyn Iterator<Item = &str> + '_> {
    match block {
        Block::Para { text, .. } => Box::new(std::iter::once(text.as_str())),
        Block::List { items } => Box::new(items.iter().map(|i| i.text.as_str())),
    }
}

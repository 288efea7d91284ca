//! The paragraphs of a text one by one, as a clinical review looks at them: each
//! with its place in the file, its sources and a SHA-256, so that a later review
//! can tell which paragraphs changed since the last one.

use std::collections::BTreeMap;

use super::kept::{KeptParagraph, paragraph_sha256};
use super::model::{Block, Library, Topic, TopicText};
use super::review::{ReviewRecord, SignOff};
use crate::lang::Language;

/// One paragraph, list item or Compare cell of a text, with its place in the file
/// and its sources: what a clinical review looks at one by one.
#[derive(Clone, Debug, PartialEq)]
pub struct ReviewedText<'a> {
    /// `title`, `what_it_is.prp-stands-platelet` (the section and the paragraph's
    /// id), `side_effects.rare.bruising`, `compare.evidence`.
    pub key: String,
    pub text: &'a str,
    pub cite: &'a [String],
}

/// One paragraph or list item of a section, with its stable id.
#[derive(Clone, Debug, PartialEq)]
pub struct IdentifiedText<'a> {
    /// The section as the file names it: `what_it_is`, `side_effects.common`.
    pub place: String,
    /// The id written in the file, unique in the file and the same in every language.
    pub id: &'a str,
    pub text: &'a str,
    pub cite: &'a [String],
}

impl TopicText {
    /// Every paragraph and list item of the sections, in reading order, with its
    /// id and the section it is in.
    pub fn identified(&self) -> Vec<IdentifiedText<'_>> {
        let mut out = Vec::new();
        for (section, parts) in &self.sections {
            for part in parts {
                let place = match part.sub {
                    Some(level) => format!("{}.{}", section.field(), level.field()),
                    None => section.field().to_owned(),
                };
                for block in &part.blocks {
                    match block {
                        Block::Para { id, text, cite } => out.push(IdentifiedText {
                            place: place.clone(),
                            id,
                            text,
                            cite,
                        }),
                        Block::List { items } => {
                            out.extend(items.iter().map(|item| IdentifiedText {
                                place: place.clone(),
                                id: &item.id,
                                text: &item.text,
                                cite: &item.cite,
                            }))
                        }
                    }
                }
            }
        }
        out
    }

    /// The paragraph or list item with `id`.
    pub fn paragraph(&self, id: &str) -> Option<IdentifiedText<'_>> {
        self.identified().into_iter().find(|p| p.id == id)
    }

    /// Every paragraph, list item and Compare cell, in reading order.
    pub fn reviewed_texts(&self) -> Vec<ReviewedText<'_>> {
        let none: &[String] = &[];
        let mut out = vec![
            ReviewedText {
                key: "title".into(),
                text: &self.title,
                cite: none,
            },
            ReviewedText {
                key: "summary".into(),
                text: &self.summary,
                cite: none,
            },
        ];
        out.extend(self.identified().into_iter().map(|p| ReviewedText {
            key: format!("{}.{}", p.place, p.id),
            text: p.text,
            cite: p.cite,
        }));
        out.extend(
            self.compare
                .cells()
                .into_iter()
                .map(|(field, cell)| ReviewedText {
                    key: format!("compare.{field}"),
                    text: &cell.text,
                    cite: &cell.cite,
                }),
        );
        out
    }

    /// Every paragraph, list item and Compare cell as a review keeps it.
    pub fn kept_paragraphs(&self) -> Vec<KeptParagraph> {
        self.reviewed_texts()
            .into_iter()
            .map(|t| KeptParagraph {
                key: t.key,
                text: t.text.to_owned(),
                cite: t.cite.to_vec(),
            })
            .collect()
    }

    /// The SHA-256 of each paragraph (with its sources), by its key.
    pub fn paragraph_hashes(&self) -> BTreeMap<String, String> {
        self.reviewed_texts()
            .into_iter()
            .map(|t| {
                let hash = paragraph_sha256(t.text, t.cite);
                (t.key, hash)
            })
            .collect()
    }
}

impl Library {
    /// The record of a review of `topic` in `lang` signed by `sign`: the hashes
    /// of the files and of each paragraph as the app has them now.
    pub fn review_record(&self, topic: &Topic, lang: Language, sign: &SignOff) -> ReviewRecord {
        ReviewRecord {
            topic: topic.id.clone(),
            lang,
            reviewer: sign.reviewer(),
            date: sign.date.trim().to_owned(),
            file_sha256: topic.hashes.texts.get(lang).clone(),
            screening_sha256: topic.hashes.screening.clone(),
            registration: Some(sign.registration.trim().to_owned()).filter(|r| !r.is_empty()),
            paragraphs: topic.text(lang).paragraph_hashes(),
            kept: topic.text(lang).kept_paragraphs(),
        }
    }
}

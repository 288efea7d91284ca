//! What changed in a text since its last review, paragraph by paragraph and matched
//! by id: unchanged, changed (with the text as reviewed, when it was kept), new, or
//! removed. The text of a review is kept beside reviews.ron (see [`super::kept`]).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use super::kept::{KEPT_DIR, KeptParagraph};
use super::model::TopicText;
use super::review::ReviewRecord;

impl ReviewRecord {
    /// Where, inside the content folder, the text of this review is kept.
    pub fn kept_path(&self) -> String {
        format!("{KEPT_DIR}/{}/{}.ron", self.topic, self.lang.code())
    }

    /// The kept file's text for this review.
    pub fn kept_file(&self) -> Result<String, ron::Error> {
        // The text as written, marks and all, for a reader of the file.
        let pretty = ron::ser::PrettyConfig::new()
            .struct_names(false)
            .escape_strings(false);
        let body = ron::ser::to_string_pretty(&self.kept, pretty)?;
        Ok(format!(
            "// The text of {}/{}.ron as {} reviewed it on {}, paragraph by paragraph, so\n\
             // that the next review can show what changed. reviews.ron has the SHA-256 of\n\
             // each; a paragraph edited here no longer matches and is not shown.\n{body}\n",
            self.topic,
            self.lang.code(),
            self.reviewer,
            self.date
        ))
    }

    /// The record with the paragraphs of `kept` whose SHA-256 it has: a text
    /// edited by hand after the review, or kept for another review, is left out.
    pub fn with_kept(mut self, kept: Vec<KeptParagraph>) -> Self {
        self.kept = kept
            .into_iter()
            .filter(|p| self.paragraphs.get(&p.key) == Some(&p.sha256()))
            .collect();
        self
    }
}

/// Writes the text `record` keeps into the content folder `dir`
/// (`reviewed/<topic>/<lang>.ron`), through a temporary file renamed into place.
pub fn write_kept(dir: &Path, record: &ReviewRecord) -> std::io::Result<PathBuf> {
    let text = record.kept_file().map_err(std::io::Error::other)?;
    let path = dir.join(record.kept_path());
    let parent = path.parent().unwrap_or(dir);
    std::fs::create_dir_all(parent)?;
    let temporary = parent.join(format!(".{}.ron.new", record.lang.code()));
    std::fs::write(&temporary, text)?;
    std::fs::rename(&temporary, &path)?;
    Ok(path)
}

/// What happened to one paragraph since the last review.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    Unchanged,
    /// Its text or its sources changed; the paragraph as reviewed, if it was kept.
    Changed(Option<KeptParagraph>),
    /// It was not in the text reviewed.
    New,
    /// It is no longer in the text; the paragraph as reviewed, if it was kept.
    Removed(Option<KeptParagraph>),
}

/// One paragraph (by its key, as [`ReviewRecord::paragraphs`] names it) and what
/// happened to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParagraphChange {
    pub key: String,
    pub change: Change,
}

/// A key of a review recorded before paragraphs had ids: `what_it_is.0`,
/// `side_effects.rare.1.2` (an id is never digits alone).
fn is_positional(key: &str) -> bool {
    key.rsplit('.')
        .next()
        .is_some_and(|last| !last.is_empty() && last.bytes().all(|b| b.is_ascii_digit()))
}

/// Every paragraph of `text` and of the text `record` reviewed, in reading order
/// (a removed paragraph where it stood, when its text was kept; at the end
/// otherwise), each with what happened to it. `None` when the record has no
/// paragraph hashes. A review recorded before paragraphs had ids named them by
/// position, which an inserted paragraph shifts: its paragraphs are matched by
/// their SHA-256 alone, and one that matches none is changed, its text not kept.
pub fn changes(text: &TopicText, record: &ReviewRecord) -> Option<Vec<ParagraphChange>> {
    if record.paragraphs.is_empty() {
        return None;
    }
    let hashes = text.paragraph_hashes();
    let kept: BTreeMap<&str, &KeptParagraph> =
        record.kept.iter().map(|p| (p.key.as_str(), p)).collect();
    let old = |key: &str| kept.get(key).map(|p| (*p).clone());
    if record.paragraphs.keys().any(|k| is_positional(k)) {
        let reviewed: BTreeSet<&String> = record.paragraphs.values().collect();
        let out = text
            .reviewed_texts()
            .into_iter()
            .map(|t| ParagraphChange {
                change: if reviewed.contains(&hashes[&t.key]) {
                    Change::Unchanged
                } else {
                    Change::Changed(None)
                },
                key: t.key,
            })
            .collect();
        return Some(out);
    }
    let mut out: Vec<ParagraphChange> = text
        .reviewed_texts()
        .into_iter()
        .map(|t| {
            let change = match record.paragraphs.get(&t.key) {
                Some(hash) if *hash == hashes[&t.key] => Change::Unchanged,
                Some(_) => Change::Changed(old(&t.key)),
                None => Change::New,
            };
            ParagraphChange { key: t.key, change }
        })
        .collect();
    // Removed paragraphs whose text was kept go after the paragraph they followed.
    let mut after: Option<String> = None;
    for p in &record.kept {
        if hashes.contains_key(&p.key) {
            after = Some(p.key.clone());
        } else {
            let removed = ParagraphChange {
                key: p.key.clone(),
                change: Change::Removed(Some(p.clone())),
            };
            insert_after(&mut out, after.as_deref(), removed);
        }
    }
    for key in record.paragraphs.keys() {
        if !hashes.contains_key(key) && !kept.contains_key(key.as_str()) {
            out.push(ParagraphChange {
                key: key.clone(),
                change: Change::Removed(None),
            });
        }
    }
    Some(out)
}

/// Puts `change` after the paragraph `anchor` (at the start when `None`), and after
/// the removed paragraphs already put there.
fn insert_after(out: &mut Vec<ParagraphChange>, anchor: Option<&str>, change: ParagraphChange) {
    let mut at = match anchor {
        Some(key) => out
            .iter()
            .position(|c| c.key == key)
            .map_or(out.len(), |i| i + 1),
        None => 0,
    };
    while at < out.len() && matches!(out[at].change, Change::Removed(_)) {
        at += 1;
    }
    out.insert(at, change);
}

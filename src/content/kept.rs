//! The text of a review, kept paragraph by paragraph beside reviews.ron in
//! `reviewed/<topic>/<lang>.ron`, so that the next review can show the text as it
//! was beside the text as it is. reviews.ron keeps each paragraph's SHA-256; a
//! kept paragraph counts only while its SHA-256 matches.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The folder, beside reviews.ron, that keeps the text of each review.
pub const KEPT_DIR: &str = "reviewed";

/// One paragraph, list item or Compare cell as it was reviewed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeptParagraph {
    /// As reviews.ron names it: `what_it_is.prp-stands-platelet`, `title`.
    pub key: String,
    pub text: String,
    pub cite: Vec<String>,
}

impl KeptParagraph {
    /// The SHA-256 that reviews.ron records for it.
    pub fn sha256(&self) -> String {
        paragraph_sha256(&self.text, &self.cite)
    }
}

/// The SHA-256 of a paragraph with its sources, as reviews record it.
pub fn paragraph_sha256(text: &str, cite: &[String]) -> String {
    let hashed = format!("{text}\u{0}{}", cite.join(","));
    sha256_hex(hashed.as_bytes())
}

/// Lowercase hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

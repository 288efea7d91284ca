//! A problem found in a content file, with where it is.

use std::fmt;

/// One error in the content, located by file and, where known, line and column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContentError {
    /// The file as the user knows it, e.g. `assets/content/prp/ar.ron` or a path in `--content DIR`.
    pub path: String,
    /// 1-based line and column, when the error points at a place in the file.
    pub position: Option<(usize, usize)>,
    /// What is wrong, in plain words.
    pub message: String,
    /// The language the error concerns, when only one: that language is then not
    /// offered, and the others still are.
    pub lang: Option<crate::lang::Language>,
}

impl ContentError {
    pub fn new(
        path: impl Into<String>,
        position: Option<(usize, usize)>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            path: path.into(),
            position,
            message: message.into(),
            lang: None,
        }
    }

    /// The same error, about `lang` only. An error in the fallback language
    /// (English, which every other falls back to) concerns them all, and stays so.
    pub fn in_language(mut self, lang: crate::lang::Language) -> Self {
        if lang != crate::lang::Language::fallback() {
            self.lang = Some(lang);
        }
        self
    }

    /// An error at the first place `needle` occurs in `source`, or at no place.
    pub fn at_text(path: &str, source: &str, needle: &str, message: impl Into<String>) -> Self {
        Self::new(path, find_position(source, needle), message)
    }
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // As compilers and ripgrep print it, so editors and terminals can follow it.
        match self.position {
            Some((line, col)) => write!(f, "{}:{line}:{col}: {}", self.path, self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

impl std::error::Error for ContentError {}

/// 1-based line and column (in characters) of the first occurrence of `needle`.
pub fn find_position(source: &str, needle: &str) -> Option<(usize, usize)> {
    if needle.is_empty() {
        return None;
    }
    let at = source.find(needle)?;
    Some(position_of(source, at))
}

/// 1-based line and column (in characters) of byte offset `at`.
pub fn position_of(source: &str, at: usize) -> (usize, usize) {
    let before = &source[..at];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = source[line_start..at].chars().count() + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_one_based_and_count_characters() {
        let source = "ab\nمرحبا x\n";
        assert_eq!(find_position(source, "x"), Some((2, 7)));
        assert_eq!(find_position(source, "a"), Some((1, 1)));
        assert_eq!(find_position(source, "zz"), None);
    }

    #[test]
    fn display_is_path_line_column_message() {
        let e = ContentError::new("prp/ar.ron", Some((3, 9)), "unknown source \"x\"");
        assert_eq!(e.to_string(), "prp/ar.ron:3:9: unknown source \"x\"");
        let e = ContentError::new("prp", None, "no topic.ron");
        assert_eq!(e.to_string(), "prp: no topic.ron");
    }
}

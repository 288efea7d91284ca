//! Finding the content files: the embedded ones, a clinic's folder (each file read
//! only if it is small enough and UTF-8), and one set layered over another.

use std::collections::BTreeMap;
use std::path::Path;

use super::error::{ContentError, position_of};
use super::limits;
use crate::assets::Assets;

/// The shared screening questions file, at the top of the content folder.
pub const QUESTIONS: &str = "questions.ron";

/// Where embedded content lives inside `assets/`.
const PREFIX: &str = "content/";

/// One content file: the path to show in messages and its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContentFile {
    pub path: String,
    pub text: String,
}

/// Content files by their path inside the content folder (`prp/en.ron`).
#[derive(Clone, Debug, Default)]
pub struct ContentFiles {
    pub(super) files: BTreeMap<String, ContentFile>,
}

/// Reads the file at `path` into `files` as `rel`, or says why it could not.
fn read_into(
    files: &mut BTreeMap<String, ContentFile>,
    errors: &mut Vec<ContentError>,
    rel: String,
    path: &Path,
) {
    let shown = path.display().to_string();
    match read_file(path) {
        Ok(text) => {
            files.insert(rel, ContentFile { path: shown, text });
        }
        Err((position, message)) => errors.push(ContentError::new(shown, position, message)),
    }
}

impl ContentFiles {
    /// The content compiled into the binary.
    pub fn embedded() -> Self {
        let mut files = BTreeMap::new();
        for name in Assets::iter() {
            let Some(rel) = name.strip_prefix(PREFIX) else {
                continue;
            };
            if !rel.ends_with(".ron") {
                continue;
            }
            let text = Assets::text(&name).unwrap_or_default();
            files.insert(
                rel.to_owned(),
                ContentFile {
                    path: format!("assets/{name}"),
                    text,
                },
            );
        }
        Self { files }
    }

    /// The `.ron` files of a clinic's content folder (`DIR/<topic>/<file>.ron`).
    pub fn from_dir(dir: &Path) -> Result<Self, Vec<ContentError>> {
        let shown = dir.display().to_string();
        let entries = std::fs::read_dir(dir).map_err(|e| {
            vec![ContentError::new(
                &shown,
                None,
                format!("cannot read the content folder: {e}"),
            )]
        })?;
        let mut files = BTreeMap::new();
        let mut errors = Vec::new();
        for entry in entries.flatten() {
            let path = entry.path();
            if !path.is_dir() {
                // A clinic's own record of clinicians' reviews, and its screening
                // questions (replacing the built-in ones), sit beside the topics.
                let name = entry.file_name().to_string_lossy().into_owned();
                if name == super::review::REVIEWS || name == QUESTIONS {
                    read_into(&mut files, &mut errors, name, &path);
                    continue;
                }
                if path.extension().is_some_and(|e| e == "ron") {
                    errors.push(ContentError::new(
                        path.display().to_string(),
                        None,
                        "content files belong in a folder named after their topic (only questions.ron and reviews.ron sit beside them)",
                    ));
                }
                continue;
            }
            let topic = entry.file_name().to_string_lossy().into_owned();
            // A clinic's own languages are read before the content (`languages.rs`).
            if topic == super::languages::LANGUAGES {
                continue;
            }
            // The text of each review, beside reviews.ron: `reviewed/<topic>/<lang>.ron`.
            if topic == super::kept::KEPT_DIR {
                read_kept(&mut files, &mut errors, &path);
                continue;
            }
            let inner = match std::fs::read_dir(&path) {
                Ok(inner) => inner,
                Err(e) => {
                    errors.push(ContentError::new(
                        path.display().to_string(),
                        None,
                        format!("cannot read folder: {e}"),
                    ));
                    continue;
                }
            };
            for file in inner.flatten() {
                let file_path = file.path();
                if file_path.extension().is_none_or(|e| e != "ron") {
                    continue;
                }
                let rel = format!("{topic}/{}", file.file_name().to_string_lossy());
                read_into(&mut files, &mut errors, rel, &file_path);
            }
        }
        if errors.is_empty() {
            Ok(Self { files })
        } else {
            Err(errors)
        }
    }

    /// These files with `over`'s files put on top, file by file.
    pub fn layered(mut self, over: ContentFiles) -> Self {
        self.files.extend(over.files);
        self
    }

    /// The file at `rel` (`prp/en.ron`, `questions.ron`), if there is one.
    pub fn get(&self, rel: &str) -> Option<&ContentFile> {
        self.files.get(rel)
    }

    /// Every file's place in the content folder, sorted.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.files.keys().map(String::as_str)
    }

    /// Puts `file` at `rel`, in place of any file there (for tools and tests that
    /// change one file of a set).
    pub fn insert(&mut self, rel: &str, file: ContentFile) {
        self.files.insert(rel.to_owned(), file);
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

/// Reads the `.ron` files of `dir`'s topic folders (`reviewed/<topic>/<lang>.ron`)
/// into `files` as `reviewed/<topic>/<name>`.
fn read_kept(
    files: &mut BTreeMap<String, ContentFile>,
    errors: &mut Vec<ContentError>,
    dir: &Path,
) {
    for topic in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let name = topic.file_name().to_string_lossy().into_owned();
        for file in std::fs::read_dir(topic.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            let path = file.path();
            if path.extension().is_some_and(|e| e == "ron") {
                let rel = format!(
                    "{}/{name}/{}",
                    super::kept::KEPT_DIR,
                    file.file_name().to_string_lossy()
                );
                read_into(files, errors, rel, &path);
            }
        }
    }
}

/// A content file's text, or where and why it cannot be had: bigger than
/// [`limits::MAX_FILE_BYTES`] (found without reading it all), not UTF-8 (at the
/// first bad byte), or unreadable.
fn read_file(path: &Path) -> Result<String, (Option<(usize, usize)>, String)> {
    use std::io::Read as _;
    let file =
        std::fs::File::open(path).map_err(|e| (None, format!("cannot read the file: {e}")))?;
    let mut bytes = Vec::new();
    file.take(limits::MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| (None, format!("cannot read the file: {e}")))?;
    if bytes.len() as u64 > limits::MAX_FILE_BYTES {
        let size = std::fs::metadata(path).map_or(bytes.len() as u64, |m| m.len());
        return Err((
            None,
            format!(
                "the file is {size} bytes; a content file is at most {} bytes",
                limits::MAX_FILE_BYTES
            ),
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let before = std::str::from_utf8(&e.as_bytes()[..valid]).unwrap_or_default();
        (
            Some(position_of(before, before.len())),
            format!("the file is not UTF-8 text (first bad byte at offset {valid})"),
        )
    })
}

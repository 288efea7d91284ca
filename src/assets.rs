//! Files under `assets/` (content, samples), compiled into the binary.

use rust_embed::Embed;

/// Everything under `assets/` (the languages' folders are read through `crate::lang`)
/// but the built-in narration's clips, which stay data files beside the binary
/// (`crate::content::narration::builtin_dir`).
#[derive(Embed)]
#[folder = "assets/"]
#[exclude = "narration/*"]
pub struct Assets;

impl Assets {
    /// The text of an embedded asset, if it exists and is UTF-8.
    pub fn text(path: &str) -> Option<String> {
        let file = Self::get(path)?;
        String::from_utf8(file.data.into_owned()).ok()
    }
}

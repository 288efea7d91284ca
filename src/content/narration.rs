//! Narration: a recorded or computer-made reading of each patient-facing text, as
//! Ogg Vorbis clips in the content folder, made at authoring time.
//!
//! Where a clip goes (relative to the content folder):
//! - a paragraph or list item of a topic: `<topic>/narration/<lang>/<id>.ogg`;
//! - the message a screening rule shows: `<topic>/narration/<lang>/rule.<question>.ogg`;
//! - a screening question: `narration/<lang>/question.<id>.ogg`;
//! - one of the UI strings a patient hears with them (the answers, the verdicts):
//!   `narration/<lang>/ui.<message-id>.ogg`.
//!
//! Beside each clip, `<same name>.ron` records the SHA-256 of the exact text it
//! speaks and whether a person or a computer voice made it. A clip whose text has
//! changed since is stale and is not played.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::kept::sha256_hex;
use super::model::Library;
use crate::i18n::{Strings, msg};
use crate::lang::Language;

/// The UI strings that have narration: what a patient hears beside the content.
pub const UI_NARRATED: [&str; 9] = [
    msg::ANSWER_YES,
    msg::ANSWER_NO,
    msg::ANSWER_NOT_SURE,
    msg::VERDICT_DO_NOT_TREAT,
    msg::VERDICT_DISCUSS,
    msg::VERDICT_NO_CONCERNS,
    msg::STILL_THERE_TITLE,
    msg::CONTINUE,
    msg::CHOOSE_LANGUAGE,
];

/// The narration id of UI string `message`.
pub fn ui_id(message: &str) -> String {
    format!("ui.{message}")
}

/// Who made a clip.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Voice {
    /// A person read the text aloud.
    Recorded,
    /// A speech engine made it at authoring time: its name and version, and the voice.
    Computer { engine: String, voice: String },
}

/// The file beside a clip.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sidecar {
    /// SHA-256 (lowercase hex) of the UTF-8 text the clip speaks.
    pub text_sha256: String,
    pub voice: Voice,
}

impl Sidecar {
    pub fn parse(text: &str) -> Result<Sidecar, String> {
        ron::from_str(text).map_err(|e| e.to_string())
    }

    pub fn to_ron(&self) -> String {
        ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::default()).unwrap_or_default()
    }
}

/// SHA-256 of a text as a sidecar records it.
pub fn text_sha256(text: &str) -> String {
    sha256_hex(text.as_bytes())
}

/// One text that can be read aloud, and where its clip goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Narratable {
    /// The id a recording is named by: `prp.what-is-prp`, `question.pregnant`,
    /// `prp.rule.pregnant`.
    pub id: String,
    pub text: String,
    /// The clip's path relative to the content folder.
    pub clip: String,
}

impl Narratable {
    /// The sidecar's path relative to the content folder.
    pub fn sidecar(&self) -> String {
        sidecar_path(&self.clip)
    }
}

/// The sidecar beside a clip.
pub fn sidecar_path(clip: &str) -> String {
    format!("{}.ron", clip.strip_suffix(".ogg").unwrap_or(clip))
}

/// Every text of `library` in `lang` that can have a clip, in reading order: each
/// topic's paragraphs, then its rules' messages, then the screening questions, then
/// the UI strings of [`UI_NARRATED`].
pub fn narratables(library: &Library, strings: &Strings, lang: Language) -> Vec<Narratable> {
    let code = lang.code();
    let mut out = Vec::new();
    for topic in library.topics() {
        let text = topic.text(lang);
        for para in text.identified() {
            out.push(Narratable {
                id: format!("{}.{}", topic.id, para.id),
                text: para.text.to_owned(),
                clip: format!("{}/narration/{code}/{}.ogg", topic.id, para.id),
            });
        }
        if let Some(rules) = library.screening().rules(&topic.id) {
            for rule in &rules.rules {
                out.push(Narratable {
                    id: format!("{}.rule.{}", topic.id, rule.question),
                    text: rule.reason.get(lang).clone(),
                    clip: format!("{}/narration/{code}/rule.{}.ogg", topic.id, rule.question),
                });
            }
        }
    }
    for question in library.screening().questions() {
        out.push(Narratable {
            id: format!("question.{}", question.id),
            text: question.text.get(lang).clone(),
            clip: format!("narration/{code}/question.{}.ogg", question.id),
        });
    }
    for message in UI_NARRATED {
        out.push(Narratable {
            id: ui_id(message),
            text: strings.get(lang, message),
            clip: format!("narration/{code}/ui.{message}.ogg"),
        });
    }
    out
}

/// What is known of one text's clip.
#[derive(Clone, Debug, PartialEq)]
pub enum ClipState {
    Missing,
    /// The clip, with who made it.
    Present(Voice),
    /// The text changed since the clip was made.
    Stale,
    /// The clip or its sidecar cannot be used; why.
    Bad(String),
}

/// The state of `item`'s clip in the folder `dir`, checking the clip's sound when
/// `listen` (decoding it: slower).
pub fn clip_state(dir: &Path, item: &Narratable, listen: bool) -> ClipState {
    let clip = dir.join(&item.clip);
    if !clip.exists() {
        return ClipState::Missing;
    }
    let sidecar = match std::fs::read_to_string(dir.join(item.sidecar())) {
        Ok(text) => match Sidecar::parse(&text) {
            Ok(sidecar) => sidecar,
            Err(e) => return ClipState::Bad(format!("{}: {e}", item.sidecar())),
        },
        Err(e) => {
            return ClipState::Bad(format!(
                "its sidecar {} cannot be read: {e}",
                item.sidecar()
            ));
        }
    };
    if sidecar.text_sha256 != text_sha256(&item.text) {
        return ClipState::Stale;
    }
    if listen {
        let bytes = match std::fs::read(&clip) {
            Ok(bytes) => bytes,
            Err(e) => return ClipState::Bad(format!("cannot be read: {e}")),
        };
        match crate::audio::Clip::decode_vorbis(&bytes) {
            Ok(decoded) => {
                if let Some(problem) =
                    crate::audio::clip_problem(&decoded.stats(), item.text.chars().count())
                {
                    return ClipState::Bad(problem);
                }
            }
            Err(e) => return ClipState::Bad(e),
        }
    }
    ClipState::Present(sidecar.voice)
}

/// A language's narration in a folder, as `validate` reports it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LanguageReport {
    pub texts: usize,
    pub recorded: usize,
    pub computer: usize,
    pub missing: Vec<String>,
    /// `PATH: why` for each stale or bad clip.
    pub problems: Vec<String>,
}

/// Checks every clip of `lang` in `dir` (decoding each).
pub fn report(dir: &Path, library: &Library, strings: &Strings, lang: Language) -> LanguageReport {
    let mut out = LanguageReport::default();
    for item in narratables(library, strings, lang) {
        out.texts += 1;
        let path = dir.join(&item.clip).display().to_string();
        match clip_state(dir, &item, true) {
            ClipState::Missing => out.missing.push(item.id),
            ClipState::Present(Voice::Recorded) => out.recorded += 1,
            ClipState::Present(Voice::Computer { .. }) => out.computer += 1,
            ClipState::Stale => out.problems.push(format!(
                "{path}: stale: the text of {} changed since the clip was made",
                item.id
            )),
            ClipState::Bad(why) => out.problems.push(format!("{path}: {why}")),
        }
    }
    out
}

/// The folder of the narration that ships with the app (clips a speech engine made
/// at authoring time, `extra/narration/narrate-builtin`; laid out like a content
/// folder), if there is one. Installed: on Windows the installer's `narration`
/// folder beside the executable (`C:\Program Files\clinic-edu\narration`); elsewhere,
/// beside `PREFIX/bin/clinic-edu`, `PREFIX/share/clinic-edu/narration` (the .deb's
/// `/usr/share/clinic-edu/narration`). Run from a source checkout, its
/// `assets/narration`, written with `/` on every system (Windows reads it too), so
/// that a report names it the same way on Linux and Windows.
pub fn builtin_dir() -> Option<PathBuf> {
    let installed = std::env::current_exe().ok().and_then(|exe| {
        let dir = exe.parent()?;
        if cfg!(windows) {
            Some(dir.join("narration"))
        } else {
            Some(
                dir.parent()?
                    .join("share")
                    .join("clinic-edu")
                    .join("narration"),
            )
        }
    });
    let checkout = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/narration"));
    installed
        .into_iter()
        .chain([checkout])
        .find(|dir| dir.is_dir())
}

/// The clips the app may play: those present and not stale, by id. Sound is not
/// checked here (that is `validate`'s job); a clip that fails to decode is skipped
/// when it is played.
#[derive(Clone, Debug, Default)]
pub struct NarrationIndex {
    clips: std::collections::BTreeMap<(Language, String), PathBuf>,
}

impl NarrationIndex {
    /// The clips in `folders`, first folder first: a clinic's, then the built-in
    /// narration. For each text a person's recording wins over a computer voice,
    /// whichever folder it is in; between two of a kind, the earlier folder's wins.
    pub fn scan(folders: &[&Path], library: &Library, strings: &Strings) -> Self {
        let mut clips = std::collections::BTreeMap::new();
        for lang in library.languages() {
            for item in narratables(library, strings, lang) {
                let mut best: Option<(bool, &Path)> = None;
                for dir in folders {
                    if let ClipState::Present(voice) = clip_state(dir, &item, false) {
                        let recorded = voice == Voice::Recorded;
                        if best.is_none_or(|(was_recorded, _)| recorded && !was_recorded) {
                            best = Some((recorded, dir));
                        }
                    }
                }
                if let Some((_, dir)) = best {
                    clips.insert((lang, item.id), dir.join(&item.clip));
                }
            }
        }
        Self { clips }
    }

    /// The clip for text `id` in `lang`, if there is one to play.
    pub fn clip(&self, lang: Language, id: &str) -> Option<&Path> {
        self.clips.get(&(lang, id.to_owned())).map(PathBuf::as_path)
    }

    pub fn is_empty(&self) -> bool {
        self.clips.is_empty()
    }
}

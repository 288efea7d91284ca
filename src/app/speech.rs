//! Reading aloud, as state: which texts are being read (by narration id, in
//! order), which one now, paused or not, and the volume. Changed only through
//! [`SpeechCommand`]s and by `AppState::apply` itself: another screen, another
//! language or the kiosk's wipe stops the reading, and the wipe sets the volume
//! back to the default. The window plays what this says (src/ui/shell/speech.rs).

use crate::i18n::msg;
use crate::lang::Language;

/// The volume's steps, in percent.
pub const VOLUME_STEP: u8 = 20;

/// One text to read: its language and its narration id (content::narration).
pub type Text = (Language, String);

/// What is being read aloud.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Speech {
    /// The texts, in reading order: mostly all in the patient's language; the
    /// kiosk's language choice reads one text in each language it offers.
    pub texts: Vec<Text>,
    /// The one being read.
    pub at: usize,
    pub paused: bool,
    /// Changes whenever a clip starts again from its beginning (repeat, next text).
    pub take: u64,
}

impl Speech {
    /// The narration id being read.
    pub fn current(&self) -> Option<&str> {
        self.texts.get(self.at).map(|(_, id)| id.as_str())
    }

    /// The language of the text being read.
    pub fn lang(&self) -> Option<Language> {
        self.texts.get(self.at).map(|(lang, _)| *lang)
    }
}

/// What the kiosk reads when it asks "are you still there?": the question, then
/// its one button (UI strings with narration: content::narration::UI_NARRATED).
fn still_there_texts(lang: Language) -> Vec<Text> {
    [msg::STILL_THERE_TITLE, msg::CONTINUE]
        .map(|m| (lang, crate::content::narration::ui_id(m)))
        .to_vec()
}

/// The kiosk's "are you still there?", read aloud in `lang`.
pub fn still_there(lang: Language) -> Speech {
    Speech {
        texts: still_there_texts(lang),
        at: 0,
        paused: false,
        take: 0,
    }
}

/// Whether `speech` is the kiosk reading its "are you still there?".
pub fn is_still_there(speech: &Speech) -> bool {
    speech
        .lang()
        .is_some_and(|lang| speech.texts == still_there_texts(lang))
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SpeechCommand {
    /// Read these texts aloud, in order.
    Listen(Vec<Text>),
    Pause,
    Resume,
    Stop,
    /// Read the current text again from its start.
    Repeat,
    Quieter,
    Louder,
    /// The current clip played to its end: on to the next text, or done.
    Ended,
}

impl SpeechCommand {
    pub fn name(&self) -> &'static str {
        match self {
            SpeechCommand::Listen(_) => "Speech(Listen)",
            SpeechCommand::Pause => "Speech(Pause)",
            SpeechCommand::Resume => "Speech(Resume)",
            SpeechCommand::Stop => "Speech(Stop)",
            SpeechCommand::Repeat => "Speech(Repeat)",
            SpeechCommand::Quieter => "Speech(Quieter)",
            SpeechCommand::Louder => "Speech(Louder)",
            SpeechCommand::Ended => "Speech(Ended)",
        }
    }
}

/// What `command` makes of the reading `speech` and the `volume`: the speech part
/// of `AppState::apply`.
pub fn apply(speech: Option<Speech>, volume: u8, command: SpeechCommand) -> (Option<Speech>, u8) {
    let take = speech.as_ref().map_or(0, |s| s.take) + 1;
    match command {
        SpeechCommand::Listen(texts) => {
            let speech = (!texts.is_empty()).then_some(Speech {
                texts,
                at: 0,
                paused: false,
                take,
            });
            (speech, volume)
        }
        SpeechCommand::Pause | SpeechCommand::Resume => {
            let paused = command == SpeechCommand::Pause;
            (speech.map(|s| Speech { paused, ..s }), volume)
        }
        SpeechCommand::Stop => (None, volume),
        SpeechCommand::Repeat => (
            speech.map(|s| Speech {
                paused: false,
                take,
                ..s
            }),
            volume,
        ),
        SpeechCommand::Quieter => (speech, volume.saturating_sub(VOLUME_STEP)),
        SpeechCommand::Louder => (speech, volume.saturating_add(VOLUME_STEP).min(100)),
        SpeechCommand::Ended => {
            let speech = speech
                .map(|s| Speech {
                    at: s.at + 1,
                    take,
                    ..s
                })
                .filter(|s| s.at < s.texts.len());
            (speech, volume)
        }
    }
}

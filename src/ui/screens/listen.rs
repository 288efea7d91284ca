//! The read-aloud controls: "Listen" beside a text that has clips, and while it is
//! read, pause (or go on), stop, again, quieter and louder. Shown only where read-
//! aloud can work (clips in the patient's language and an audio output).

use egui::Ui;

use super::Context;
use crate::app::Command;
use crate::app::speech::{Speech, SpeechCommand};
use crate::content::narration::NarrationIndex;
use crate::i18n::msg;
use crate::ui::widgets::Button;

/// What the screens know of reading aloud.
#[derive(Clone, Copy, Default)]
pub struct SpeechView<'a> {
    /// The clips to play; `None` when read-aloud cannot work here.
    pub narration: Option<&'a NarrationIndex>,
    pub speech: Option<&'a Speech>,
}

impl Context<'_> {
    /// The narration id being read aloud in `lang`, to highlight its text.
    pub fn speaking(&self, lang: crate::lang::Language) -> Option<&str> {
        self.speech
            .speech
            .filter(|s| s.lang == lang && !s.paused)
            .and_then(Speech::current)
    }
}

/// The controls for the texts `ids` (narration ids in reading order): those
/// without a clip in the patient's language are left out, and with none left, no
/// control shows.
pub fn controls(ui: &mut Ui, cx: &mut Context<'_>, ids: Vec<String>) {
    let Some(narration) = cx.speech.narration else {
        return;
    };
    let lang = cx.lang;
    let ids: Vec<String> = ids
        .into_iter()
        .filter(|id| narration.clip(lang, id).is_some())
        .collect();
    if ids.is_empty() {
        return;
    }
    let strings = cx.strings;
    let reading = cx.speech.speech.filter(|s| s.ids == ids && s.lang == lang);
    crate::ui::wrapping_row(ui, lang.is_rtl(), |ui| {
        let mut button = |ui: &mut Ui, id: &str, command: SpeechCommand| {
            if ui.add(Button::new(&strings.get(lang, id), lang)).clicked() {
                cx.commands.push(Command::Speech(command));
            }
        };
        match reading {
            None => button(ui, msg::LISTEN, SpeechCommand::Listen(ids)),
            Some(speech) => {
                if speech.paused {
                    button(ui, msg::LISTEN_RESUME, SpeechCommand::Resume);
                } else {
                    button(ui, msg::LISTEN_PAUSE, SpeechCommand::Pause);
                }
                button(ui, msg::LISTEN_STOP, SpeechCommand::Stop);
                button(ui, msg::LISTEN_REPEAT, SpeechCommand::Repeat);
                button(ui, msg::LISTEN_QUIETER, SpeechCommand::Quieter);
                button(ui, msg::LISTEN_LOUDER, SpeechCommand::Louder);
            }
        }
    });
}

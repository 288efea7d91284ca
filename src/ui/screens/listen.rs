//! The read-aloud controls: "Listen" beside a text that has clips, and while it is
//! read, pause (or go on), stop, again, quieter and louder. Shown only where read-
//! aloud can work (clips in the patient's language and an audio output).

use egui::Ui;

use super::Context;
use crate::app::Command;
use crate::app::speech::{Speech, SpeechCommand, Text};
use crate::content::narration::NarrationIndex;
use crate::i18n::msg;
use crate::lang::Language;
use crate::ui::UiExt;
use crate::ui::widgets::BulletList;
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
            .filter(|s| s.lang() == Some(lang) && !s.paused)
            .and_then(Speech::current)
    }
}

/// The controls for the texts `ids` (narration ids in reading order): those
/// without a clip in the patient's language are left out, and with none left, no
/// control shows. Returns the position in `ids` of the text being read aloud now
/// (not paused), for a screen whose ids repeat (the same verdict for two
/// treatments) to highlight the right one.
pub fn controls(ui: &mut Ui, cx: &mut Context<'_>, ids: Vec<String>) -> Option<usize> {
    let lang = cx.lang;
    let texts = ids.into_iter().map(|id| (lang, id)).collect();
    controls_for(ui, cx, texts)
}

/// [`controls`] for texts each in its own language (the kiosk's language choice),
/// with the controls in the patient's language.
pub fn controls_for(ui: &mut Ui, cx: &mut Context<'_>, texts: Vec<Text>) -> Option<usize> {
    let narration = cx.speech.narration?;
    let lang = cx.lang;
    let (positions, texts): (Vec<usize>, Vec<Text>) = texts
        .into_iter()
        .enumerate()
        .filter(|(_, (l, id))| narration.clip(*l, id).is_some())
        .unzip();
    if texts.is_empty() {
        return None;
    }
    let strings = cx.strings;
    let reading = cx.speech.speech.filter(|s| s.texts == texts);
    crate::ui::wrapping_row(ui, lang.is_rtl(), |ui| {
        let mut button = |ui: &mut Ui, id: &str, command: SpeechCommand| {
            if ui.add(Button::new(&strings.get(lang, id), lang)).clicked() {
                cx.commands.push(Command::Speech(command));
            }
        };
        match reading {
            None => button(ui, msg::LISTEN, SpeechCommand::Listen(texts.clone())),
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
    reading
        .filter(|s| !s.paused)
        .and_then(|s| positions.get(s.at).copied())
}

/// A text (a paragraph, a heading), on the highlight colour while it is read aloud.
pub fn text(ui: &mut Ui, text: impl egui::Widget, read: bool) {
    if read {
        let highlight = ui.tokens().highlight;
        egui::Frame::new()
            .fill(highlight)
            .show(ui, |ui| ui.add(text));
    } else {
        ui.add(text);
    }
}

/// A bulleted list whose item `read` (if any) is being read aloud: that item is
/// drawn on its own, highlighted, between the items before and after it.
pub fn bullet_list(ui: &mut Ui, items: &[String], lang: Language, read: Option<usize>) {
    let Some(at) = read.filter(|&at| at < items.len()) else {
        ui.add(BulletList::new(items, lang));
        return;
    };
    let (before, rest) = items.split_at(at);
    if !before.is_empty() {
        ui.add(BulletList::new(before, lang));
    }
    let highlight = ui.tokens().highlight;
    egui::Frame::new()
        .fill(highlight)
        .show(ui, |ui| ui.add(BulletList::new(&rest[..1], lang)));
    if rest.len() > 1 {
        ui.add(BulletList::new(&rest[1..], lang));
    }
}

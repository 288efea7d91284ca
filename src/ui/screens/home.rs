//! The home screen: every treatment with its one-line summary.

use egui::Ui;

use super::Context;
use crate::command::Command;
use crate::ui::theme::Tokens;
use crate::ui::widgets::{Heading, Notice, Paragraph, TopicCard};

pub fn show(ui: &mut Ui, cx: &mut Context<'_>) {
    let tokens = Tokens::get(ui.ctx());
    let lang = cx.lang;
    super::content_errors(ui, cx);
    ui.add(Heading::new(&cx.strings.get(lang, "home-title"), lang));
    ui.add(Paragraph::new(&cx.strings.get(lang, "home-intro"), lang).color(tokens.muted_text));
    ui.add_space(tokens.gap / 2.0);
    ui.add(Notice::new(&cx.strings.get(lang, "not-reviewed"), lang));
    ui.add_space(tokens.gap / 2.0);
    for topic in cx.library.topics() {
        let text = topic.text(lang);
        if ui
            .add(TopicCard::new(&text.title, &text.summary, lang))
            .clicked()
        {
            cx.commands.push(Command::OpenTopic(topic.id.clone()));
        }
        ui.add_space(tokens.gap / 2.0);
    }
}

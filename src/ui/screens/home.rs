//! The home screen: every treatment with its one-line summary.

use crate::i18n::msg;
use crate::ui::UiExt;
use egui::Ui;

use super::Context;
use crate::app::command::Command;
use crate::ui::widgets::{Heading, Paragraph, TopicCard};

pub fn show(ui: &mut Ui, cx: &mut Context<'_>) {
    let tokens = ui.tokens();
    let lang = cx.lang;
    super::content_errors(ui, cx);
    ui.add(Heading::new(&cx.strings.get(lang, msg::HOME_TITLE), lang));
    ui.add(Paragraph::new(&cx.strings.get(lang, msg::HOME_INTRO), lang).color(tokens.muted_text));
    ui.add_space(tokens.gap / 2.0);
    ui.add_space(tokens.gap / 2.0);
    for topic in cx.library.topics() {
        let text = topic.text(lang);
        if ui
            .add(TopicCard::new(&text.title, &text.summary, lang))
            .clicked()
        {
            cx.commands.push(Command::OpenTopic(topic.id.clone()));
        }
        // Each treatment's own review state, under its card.
        let (review, stands) = super::review_state(cx, topic, lang);
        let colour = if stands {
            tokens.muted_text
        } else {
            tokens.warning_text
        };
        ui.add(
            Paragraph::new(&review, lang)
                .style(tokens.small)
                .color(colour),
        );
        ui.add_space(tokens.gap / 2.0);
    }
}

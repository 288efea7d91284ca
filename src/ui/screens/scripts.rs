//! The Scripts page: sample text in the UI language, using every text widget.

use crate::i18n::msg;
use crate::ui::UiExt;
use egui::Ui;

use crate::i18n::Strings;
use crate::lang::Language;
use crate::samples::Samples;
use crate::ui::widgets::{BulletList, Button, Heading, Paragraph};

/// Shows the sample for `lang`; the sample button does nothing but exists to be seen.
pub fn show(ui: &mut Ui, lang: Language, samples: &Samples, strings: &Strings) {
    let tokens = ui.tokens();
    let sample = samples.get(lang);
    ui.add(Heading::new(&sample.heading, lang));
    ui.add_space(tokens.gap / 2.0);
    ui.add(
        Paragraph::new(&strings.get(lang, msg::SCRIPTS_INTRO), lang)
            .style(tokens.small)
            .color(tokens.muted_text),
    );
    for paragraph in &sample.paragraphs {
        ui.add_space(tokens.gap / 2.0);
        ui.add(Paragraph::new(paragraph, lang));
    }
    ui.add_space(tokens.gap / 2.0);
    ui.add(BulletList::new(&sample.bullets, lang));
    ui.add_space(tokens.gap);
    crate::ui::row(ui, lang.is_rtl(), |ui| {
        ui.add(Button::new(&sample.button, lang));
    });
}

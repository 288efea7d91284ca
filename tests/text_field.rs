//! The sign-off form's fields are drawn by the text engine: what staff type in
//! Arabic or Bengali is kept as typed, edited by grapheme, laid out (shaped and
//! reordered) by the engine with the UI language's paragraph direction, and named
//! for screen readers with its value.

mod common;

use clinic_edu::i18n::Strings;
use clinic_edu::text::TextSystem;
use clinic_edu::theme::Tokens;
use clinic_edu::ui::widgets::TextField;
use clinic_edu::ui::widgets::caret::{boundaries, caret_x, nearest};
use clinic_edu::{ClinicApp, Language};
use egui::{Key, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// The review screen of PRP in `lang`, the sign-off form in view.
fn review_screen(lang: Language) -> Harness<'static, ClinicApp> {
    let strings = Strings::embedded().unwrap();
    let mut h = common::harness(common::app(lang), vec2(1200.0, 900.0));
    common::click_topic(&mut h, lang, "prp");
    common::click(&mut h, &strings.get(lang, "clinical-review-open"));
    h
}

/// Focuses the field labelled `label` and types `text` into it.
fn type_into(h: &mut Harness<'_, ClinicApp>, label: &str, text: &str) {
    h.get_by_role_and_label(egui::Role::TextInput, label)
        .scroll_to_me();
    h.run();
    h.get_by_role_and_label(egui::Role::TextInput, label)
        .focus();
    h.run();
    h.get_by_role_and_label(egui::Role::TextInput, label)
        .type_text(text);
    h.run();
}

/// Glyphs as (family, glyph id), in visual order.
type Glyphs = Vec<(String, u16)>;

/// The glyphs (face and glyph id, in visual order) of the layout the field
/// labelled `label` drew, and of a layout of `text` made by the engine directly.
fn drawn_and_engine(
    h: &Harness<'_, ClinicApp>,
    label: &str,
    text: &str,
    lang: Language,
) -> (Glyphs, Glyphs) {
    let ctx = &h.ctx;
    let drawn = TextField::drawn(ctx, TextField::id(label)).expect("the field drew a layout");
    let style = Tokens::get(ctx).body;
    let ppp = ctx.pixels_per_point();
    TextSystem::with(ctx, |system| {
        let direct = system.layout_uncached(text, lang, style, None, ppp);
        let ids = |layout: &clinic_edu::text::TextLayout| {
            layout
                .glyphs()
                .map(|g| (system.family_name(g.font_id), g.glyph_id))
                .collect::<Vec<_>>()
        };
        (ids(&drawn), ids(&direct))
    })
}

#[test]
fn arabic_and_bengali_typed_into_the_sign_off_are_kept_and_drawn_by_the_engine() {
    let en = Language::builtin("en");
    let strings = Strings::embedded().unwrap();
    let mut h = review_screen(en);
    let name_label = strings.get(en, "clinical-review-name");
    let role_label = strings.get(en, "clinical-review-role");
    let name = "أمل حداد";
    let role = "চর্মরোগ বিশেষজ্ঞ";
    type_into(&mut h, &name_label, name);
    type_into(&mut h, &role_label, role);

    // Kept as typed, in the app's state (through the form's Edit command).
    let sign = &h.state().state().sign_off;
    assert_eq!(sign.name, name);
    assert_eq!(sign.role, role);
    // Screen readers get the label, the role and the value.
    let node = h.get_by_role_and_label(egui::Role::TextInput, &name_label);
    assert_eq!(node.value().as_deref(), Some(name));

    // Drawn with the engine's shaped glyphs: Arabic letters joined (not the
    // isolated forms one by one), Bengali from the Bengali face.
    for (label, text) in [(&name_label, name), (&role_label, role)] {
        let (drawn, direct) = drawn_and_engine(&h, label, text, en);
        assert!(!drawn.is_empty());
        assert_eq!(drawn, direct, "{text}");
    }
    let (drawn, _) = drawn_and_engine(&h, &role_label, role, en);
    assert!(
        drawn
            .iter()
            .all(|(family, _)| family.contains("Bengali") || family.contains("Sans")),
        "{drawn:?}"
    );

    // Backspace takes one grapheme: a Bengali letter with its vowel sign.
    type_into(&mut h, &role_label, "কি");
    h.key_press(Key::Backspace);
    h.run();
    assert_eq!(h.state().state().sign_off.role, role);
}

#[test]
fn in_a_right_to_left_ui_the_arrows_move_the_cursor_the_way_they_point() {
    let ar = Language::builtin("ar");
    let strings = Strings::embedded().unwrap();
    let mut h = review_screen(ar);
    let label = strings.get(ar, "clinical-review-registration");
    type_into(&mut h, &label, "SCFHS 123");
    // In a right-to-left paragraph the right arrow goes toward the start.
    h.key_press(Key::ArrowRight);
    h.key_press(Key::ArrowRight);
    h.run();
    h.get_by_role_and_label(egui::Role::TextInput, &label)
        .type_text("4");
    h.run();
    assert_eq!(h.state().state().sign_off.registration, "SCFHS 1423");
    h.key_press(Key::ArrowLeft);
    h.key_press(Key::Delete);
    h.run();
    assert_eq!(h.state().state().sign_off.registration, "SCFHS 142");
    h.key_press(Key::Home);
    h.key_press(Key::Delete);
    h.run();
    assert_eq!(h.state().state().sign_off.registration, "CFHS 142");
    let (drawn, direct) = drawn_and_engine(&h, &label, "CFHS 142", ar);
    assert_eq!(drawn, direct);

    // Focus that does not come from a click puts the cursor at the end: typing
    // into the filled-in date goes on after it.
    let date = h.state().state().sign_off.date.clone();
    assert_eq!(date.len(), 10, "{date:?}");
    type_into(&mut h, &strings.get(ar, "clinical-review-date"), "0");
    assert_eq!(h.state().state().sign_off.date, format!("{date}0"));
}

#[test]
fn a_click_focuses_the_field_and_an_input_method_commits_into_it() {
    let ja = Language::builtin("ja");
    let strings = Strings::embedded().unwrap();
    let mut h = review_screen(ja);
    let label = strings.get(ja, "clinical-review-name");
    h.get_by_role_and_label(egui::Role::TextInput, &label)
        .scroll_to_me();
    h.run();
    // A press and release of the pointer on the field, as a mouse gives them.
    let pos = h
        .get_by_role_and_label(egui::Role::TextInput, &label)
        .rect()
        .center();
    h.event(egui::Event::PointerMoved(pos));
    h.run();
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
        h.run();
    }
    assert!(
        h.get_by_role_and_label(egui::Role::TextInput, &label)
            .is_focused()
    );
    // Japanese through an input method: the composition is shown (by the engine)
    // but not kept; the committed text is.
    h.event(egui::Event::Ime(egui::ImeEvent::Preedit {
        text: "やまだ".into(),
        active_range_chars: None,
    }));
    h.run();
    assert_eq!(h.state().state().sign_off.name, "");
    let (drawn, direct) = drawn_and_engine(&h, &label, "やまだ", ja);
    assert_eq!(drawn, direct);
    h.event(egui::Event::Ime(egui::ImeEvent::Commit("山田".into())));
    h.run();
    assert_eq!(h.state().state().sign_off.name, "山田");
    let (drawn, direct) = drawn_and_engine(&h, &label, "山田", ja);
    assert_eq!(drawn, direct);
}

/// `text` laid out on one line at 16 px in `lang`, by the engine.
fn line(text: &str, lang: &str) -> clinic_edu::text::TextLayout {
    common::system().layout_uncached(
        text,
        Language::builtin(lang),
        clinic_edu::text::TextStyle::regular(16.0),
        None,
        1.0,
    )
}

#[test]
fn the_caret_stands_where_the_bidi_layout_puts_the_cursor() {
    // Left to right: each boundary further right.
    let text = "abc";
    let l = line(text, "en");
    let xs: Vec<f32> = boundaries(text)
        .iter()
        .map(|&b| caret_x(&l, text, b))
        .collect();
    assert!(xs.windows(2).all(|w| w[0] < w[1]), "{xs:?}");
    assert!(xs[0].abs() < 0.01);

    // Right to left: the start at the right edge, each boundary further left.
    let text = "سلام";
    let l = line(text, "ar");
    let xs: Vec<f32> = boundaries(text)
        .iter()
        .map(|&b| caret_x(&l, text, b))
        .collect();
    assert!(xs.windows(2).all(|w| w[0] > w[1]), "{xs:?}");
    assert!((xs[0] - l.width).abs() < 0.5, "{xs:?} {}", l.width);

    // An Arabic name after a Latin title in an English line: UAX #9 shows the
    // Arabic run right to left after "Dr ", so its first letter is at the far
    // right and its end just after the space.
    let text = "Dr أمل";
    let l = line(text, "en");
    let after_space = caret_x(&l, text, 3);
    let end = caret_x(&l, text, text.len());
    let space = caret_x(&l, text, 2);
    assert!(
        (after_space - l.width).abs() < 0.5,
        "{after_space} {}",
        l.width
    );
    assert!(
        space < end && end < after_space,
        "{space} {end} {after_space}"
    );
    // A click lands on the nearest boundary.
    assert_eq!(nearest(&l, text, l.width), 3);
}

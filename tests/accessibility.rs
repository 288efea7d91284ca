//! The accessibility tree a screen reader reads, in every shipped language: each
//! interactive node (button, check box, radio, text input, link, anything
//! clickable) has a label and a language, and each node of text says the language
//! it is written in, so that a screen reader speaks it with the right voice. Every
//! string is drawn by our own text engine, so egui knows these only because the
//! widgets report them (`src/ui/widgets/text_block.rs`, `speak_in`).

mod common;

use clinic_edu::i18n::Strings;
use clinic_edu::{ClinicApp, Language};
use egui::accesskit::{Action, Role};
use egui::vec2;
use egui_kittest::kittest::{NodeT, Queryable};
use egui_kittest::{Harness, Node};

/// Roles a person acts on.
const INTERACTIVE: [Role; 17] = [
    Role::Button,
    Role::DefaultButton,
    Role::CheckBox,
    Role::RadioButton,
    Role::Switch,
    Role::TextInput,
    Role::MultilineTextInput,
    Role::SearchInput,
    Role::PasswordInput,
    Role::NumberInput,
    Role::Link,
    Role::ComboBox,
    Role::Tab,
    Role::MenuItem,
    Role::MenuItemCheckBox,
    Role::MenuItemRadio,
    Role::Slider,
];

/// Roles that carry text to be read.
const TEXT: [Role; 5] = [
    Role::Label,
    Role::Heading,
    Role::Paragraph,
    Role::ListItem,
    Role::Image,
];

/// What a screen reader reads for a node: a label's value, anything else's label.
fn name(node: &Node<'_>) -> String {
    let ak = node.accesskit_node();
    let name = if ak.role() == Role::Label {
        ak.value()
    } else {
        ak.label()
    };
    name.unwrap_or_default()
}

/// Whether `c` is written in the script a manifest names (the shipped ones).
fn in_script(script: &str, c: char) -> bool {
    let u = u32::from(c);
    match script {
        "Arab" => {
            matches!(u, 0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF)
        }
        "Beng" => matches!(u, 0x0980..=0x09FF),
        "Jpan" => {
            matches!(u, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xFF66..=0xFF9F)
        }
        "Latn" => c.is_ascii_alphabetic() || matches!(u, 0x00C0..=0x024F),
        other => panic!("no character ranges for script {other:?}: add them here"),
    }
}

/// Everything wrong with the tree under `root`: interactive nodes without a label
/// or a language, text nodes without a language, and text whose language is not
/// `expected(name)`, or whose letters are none of its language's script.
fn problems(root: &Node<'_>, expected: &dyn Fn(&str) -> Option<Language>) -> Vec<String> {
    let mut out = Vec::new();
    for node in root.children_recursive() {
        let ak = node.accesskit_node();
        let role = ak.role();
        // egui's own scroll bar has no text to speak: its role says what it is.
        let clickable = ak.data().supports_action(Action::Click) && role != Role::ScrollBar;
        let interactive = INTERACTIVE.contains(&role) || clickable;
        if !interactive && !TEXT.contains(&role) {
            continue;
        }
        let name = name(&node);
        let language = ak.data().language();
        let what = format!("{role:?} {name:?}");
        if interactive && name.trim().is_empty() {
            out.push(format!("{what}: no label"));
        }
        let Some(tag) = language else {
            out.push(format!("{what}: no language"));
            continue;
        };
        let Some(lang) = Language::from_tag(tag) else {
            out.push(format!(
                "{what}: language {tag:?} is no registered language"
            ));
            continue;
        };
        if let Some(want) = expected(&name)
            && want != lang
        {
            out.push(format!(
                "{what}: language {tag:?}, expected {:?}",
                want.code()
            ));
        }
        let script = lang.manifest().script.clone();
        let mut letters = name.chars().filter(|c| c.is_alphabetic()).peekable();
        if letters.peek().is_some() && !letters.any(|c| in_script(&script, c)) {
            out.push(format!(
                "{what}: says {tag:?} but has no letter of {script}"
            ));
        }
    }
    out
}

/// Every node of the screen `h` shows passes, its text in `lang` except each
/// language's name, which is in that language; `screen` names it in a failure.
fn check_screen(h: &Harness<'_, ClinicApp>, lang: Language, screen: &str) {
    let expected = |name: &str| {
        Some(
            Language::all()
                .into_iter()
                .find(|l| l.native_name() == name)
                .unwrap_or(lang),
        )
    };
    let found = problems(&h.root(), &expected);
    assert!(
        found.is_empty(),
        "{lang} {screen}: {} problems:\n{}",
        found.len(),
        found.join("\n")
    );
    // The screen has text at all, and buttons: a tree that lost its nodes fails.
    let nodes: Vec<Role> = h
        .root()
        .children_recursive()
        .map(|n| n.accesskit_node().role())
        .collect();
    assert!(nodes.contains(&Role::Button), "{lang} {screen}: no button");
    assert!(
        nodes.contains(&Role::Heading) || nodes.contains(&Role::Label),
        "{lang} {screen}: no text"
    );
}

/// The language a node's text says it is in, found by role and name.
fn language_of(h: &Harness<'_, ClinicApp>, role: Role, name: &str) -> String {
    let node = h.get_by_role_and_label(role, name);
    let ak = node.accesskit_node();
    ak.data().language().unwrap_or_default().to_owned()
}

fn harness(lang: Language) -> Harness<'static, ClinicApp> {
    common::harness(common::app(lang), vec2(1100.0, 1000.0))
}

#[test]
fn every_node_says_its_language_on_every_screen_in_every_language() {
    let strings = Strings::embedded().unwrap();
    let shipped: Vec<&str> = Language::all().iter().map(|l| l.code()).collect();
    assert_eq!(shipped, ["en", "ar", "bn", "ja", "ur"]);
    for lang in Language::all() {
        let s = |id: &str| strings.get(lang, id);
        let mut h = harness(lang);
        check_screen(&h, lang, "home");
        // Each language button is named in its own language.
        for other in Language::all() {
            let tag = language_of(&h, Role::Button, other.native_name());
            assert_eq!(tag, other.code(), "{lang}: the button {other}");
        }
        let prp = h.state().library().topic("prp").unwrap().clone();
        let title = prp.text(lang).title.clone();
        assert_eq!(language_of(&h, Role::Button, &title), lang.code());

        common::click_topic(&mut h, lang, "prp");
        check_screen(&h, lang, "topic page");
        assert_eq!(language_of(&h, Role::Heading, &title), lang.code());
        common::click(&mut h, &s("section-what-to-expect"));
        check_screen(&h, lang, "topic page, what to expect");

        common::click(&mut h, &s("menu-screening"));
        check_screen(&h, lang, "screening: choose treatments");
        common::click(&mut h, &title);
        common::click(&mut h, &s("screening-start"));
        check_screen(&h, lang, "screening question");
        let question = h
            .state()
            .session()
            .current(h.state().library().screening())
            .unwrap()
            .text
            .get(lang)
            .to_owned();
        assert_eq!(language_of(&h, Role::Heading, &question), lang.code());
        assert_eq!(language_of(&h, Role::Button, &s("answer-yes")), lang.code());
        common::answer_rest_no(&mut h);
        check_screen(&h, lang, "screening answers");
        common::click(&mut h, &s("see-result"));
        check_screen(&h, lang, "screening result");
        assert_eq!(
            language_of(&h, Role::Heading, &s("result-title")),
            lang.code()
        );
    }
}

/// Side by side, each column speaks its own language, and the staff language
/// picker is a group named in the UI language whose buttons are each language's
/// name in that language.
#[test]
fn side_by_side_columns_and_the_staff_picker_say_their_languages() {
    let strings = Strings::embedded().unwrap();
    for lang in Language::all() {
        let staff = Language::builtin(if lang.code() == "ja" { "bn" } else { "ja" });
        let mut h = harness(lang);
        common::click_topic(&mut h, lang, "prp");
        common::click(&mut h, &strings.get(lang, "side-by-side"));
        let picker = strings.get(lang, "staff-language");
        h.get_by_role_and_label(Role::Group, &picker)
            .get_by_role_and_label(Role::Button, staff.native_name())
            .click();
        h.run();
        assert_eq!(h.state().staff_language(), staff);
        let group = h.get_by_role_and_label(Role::Group, &picker);
        assert_eq!(group.accesskit_node().data().language(), Some(lang.code()));
        for other in h.state().library().languages() {
            let button = group.get_by_role_and_label(Role::Button, other.native_name());
            let ak = button.accesskit_node();
            assert_eq!(ak.data().language(), Some(other.code()));
        }
        let prp = h.state().library().topic("prp").unwrap().clone();
        for column in [lang, staff] {
            let title = &prp.text(column).title;
            assert_eq!(language_of(&h, Role::Heading, title), column.code());
        }
        // Every node: a label where it is acted on, a language, in its script.
        let found = problems(&h.root(), &|_| None);
        assert!(found.is_empty(), "{lang}: {}", found.join("\n"));
    }
}

/// The sign-off form's text fields are named and speak the UI language.
#[test]
fn the_sign_off_fields_have_a_label_and_a_language() {
    let strings = Strings::embedded().unwrap();
    for lang in Language::all() {
        let mut h = harness(lang);
        common::click_topic(&mut h, lang, "prp");
        common::click(&mut h, &strings.get(lang, "clinical-review-open"));
        let fields: Vec<(String, Option<String>)> = h
            .query_all_by_role(Role::TextInput)
            .map(|n| {
                let ak = n.accesskit_node();
                (name(&n), ak.data().language().map(str::to_owned))
            })
            .collect();
        assert!(!fields.is_empty(), "{lang}: no text field");
        for (label, language) in fields {
            assert!(!label.trim().is_empty(), "{lang}: a field without a label");
            assert_eq!(language.as_deref(), Some(lang.code()), "{lang}: {label}");
        }
        let found = problems(&h.root(), &|_| None);
        assert!(found.is_empty(), "{lang}: {}", found.join("\n"));
    }
}

/// The check itself fails on what it looks for: egui's own button and label,
/// which say no language, and a language button whose language is wrong.
#[test]
fn the_check_catches_a_node_without_a_language() {
    // kittest's own check refuses an unnamed button before ours could.
    let h = Harness::builder()
        .with_accessibility_check(false)
        .build_ui(|ui| {
            ui.label("Plain egui text");
            let _ = ui.button("Plain egui button");
            let response = ui.add(egui::Button::new(""));
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, ""));
        });
    let found = problems(&h.root(), &|_| None);
    let text = found.join("\n");
    assert!(text.contains("\"Plain egui text\": no language"), "{text}");
    assert!(
        text.contains("\"Plain egui button\": no language"),
        "{text}"
    );
    assert!(text.contains("Button \"\": no label"), "{text}");

    let h = Harness::new_ui(|ui| {
        let response = ui.label("English words");
        ui.ctx()
            .accesskit_node_builder(response.id, |node| node.set_language("ar"));
    });
    let found = problems(&h.root(), &|_| Some(Language::builtin("en")));
    let text = found.join("\n");
    assert!(text.contains("language \"ar\", expected \"en\""), "{text}");
    assert!(
        text.contains("says \"ar\" but has no letter of Arab"),
        "{text}"
    );
}

/// The kiosk's attract screen: its one button says "tap to start" in the language
/// shown, the clinic's name beside it is English as it is laid out; the language
/// choice after it names and asks in each language, each in its own.
#[test]
fn the_kiosk_attract_and_language_choice_say_their_languages() {
    let strings = Strings::embedded().unwrap();
    for lang in Language::all() {
        let mut languages = vec![lang];
        languages.extend(Language::all().into_iter().filter(|l| *l != lang));
        let app = common::kiosk_app(clinic_edu::config::Config {
            clinic_name: "Test Clinic".into(),
            languages,
            ..clinic_edu::config::Config::default()
        });
        let mut h = common::harness(app, vec2(1100.0, 900.0));
        let start = strings.get(lang, "tap-to-start");
        assert_eq!(language_of(&h, Role::Button, &start), lang.code());
        assert_eq!(language_of(&h, Role::Label, "Test Clinic"), "en");
        let expected = |name: &str| {
            Some(if name == "Test Clinic" {
                Language::fallback()
            } else {
                lang
            })
        };
        let found = problems(&h.root(), &expected);
        assert!(found.is_empty(), "{lang} attract: {}", found.join("\n"));

        h.get_by_role_and_label(Role::Button, &start).click();
        h.run();
        for other in Language::all() {
            let button = language_of(&h, Role::Button, other.native_name());
            assert_eq!(button, other.code(), "{lang}: the button {other}");
            let ask = strings.get(other, "choose-language");
            assert_eq!(language_of(&h, Role::Label, &ask), other.code());
        }
        let found = problems(&h.root(), &|_| None);
        assert!(
            found.is_empty(),
            "{lang} language choice: {}",
            found.join("\n")
        );
    }
}

//! Staff-mode screens driven by label: the home list, every topic in every language
//! with its section headings, the language switcher, and the side-by-side view.

mod common;

use clinic_edu::app::Route;
use clinic_edu::content::SectionId;
use clinic_edu::i18n::Strings;
use clinic_edu::{ClinicApp, Language};
use egui::{Role, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn harness(lang: Language) -> Harness<'static, ClinicApp> {
    common::harness(common::app(lang), vec2(1200.0, 900.0))
}

#[test]
fn every_topic_in_every_language_shows_every_section_heading() {
    let strings = Strings::embedded().unwrap();
    for lang in Language::all() {
        let mut harness = harness(lang);
        let topics: Vec<(String, String)> = harness
            .state()
            .library()
            .topics()
            .iter()
            .map(|t| (t.id.clone(), t.text(lang).title.clone()))
            .collect();
        assert_eq!(topics.len(), 5);
        for (id, title) in topics {
            // The home list names each topic; tapping it opens the page. In Urdu's
            // tall Nastaliq lines the last cards are below the fold: scrolled to
            // first, as a patient would.
            harness
                .get_by_role_and_label(Role::Button, &title)
                .scroll_to_me();
            harness.run();
            harness.get_by_role_and_label(Role::Button, &title).click();
            harness.run();
            assert_eq!(
                harness.state().open_topic(),
                Some((id.as_str(), SectionId::WhatItIs))
            );
            harness.get_by_role_and_label(Role::Heading, &title);
            for section in SectionId::ALL {
                let label = strings.get(lang, section.string_id());
                harness.get_by_role_and_label(Role::Button, &label).click();
                harness.run();
                assert_eq!(
                    harness.state().open_topic(),
                    Some((id.as_str(), section)),
                    "{lang} {id}"
                );
                harness.get_by_role_and_label(Role::Heading, &label);
            }
            harness.get_by_label(&strings.get(lang, "back")).click();
            harness.run();
            assert_eq!(harness.state().route(), &Route::Home);
        }
    }
}

#[test]
fn unreviewed_content_says_so_on_screen() {
    let strings = Strings::embedded().unwrap();
    for lang in Language::all() {
        let mut harness = harness(lang);
        let title = harness.state().library().topics()[4]
            .text(lang)
            .title
            .clone();
        harness
            .get_by_role_and_label(Role::Button, &title)
            .scroll_to_me();
        harness.run();
        harness.get_by_role_and_label(Role::Button, &title).click();
        harness.run();
        harness.get_by_label(&strings.get(lang, "not-reviewed"));
    }
}

#[test]
fn switching_language_keeps_the_open_topic_and_section() {
    let strings = Strings::embedded().unwrap();
    let mut harness = harness(Language::builtin("en"));
    let title = harness
        .state()
        .library()
        .topic("exosome-therapy")
        .unwrap()
        .text(Language::builtin("en"))
        .title
        .clone();
    harness.get_by_role_and_label(Role::Button, &title).click();
    harness.run();
    harness
        .get_by_role_and_label(
            Role::Button,
            &strings.get(Language::builtin("en"), "section-who-should-not"),
        )
        .click();
    harness.run();
    for lang in [
        Language::builtin("ar"),
        Language::builtin("bn"),
        Language::builtin("ja"),
    ] {
        harness.get_by_label(lang.native_name()).click();
        harness.run();
        assert_eq!(harness.state().language(), lang);
        assert_eq!(
            harness.state().open_topic(),
            Some(("exosome-therapy", SectionId::WhoShouldNot))
        );
        harness.get_by_role_and_label(Role::Heading, &strings.get(lang, "section-who-should-not"));
        let translated = harness
            .state()
            .library()
            .topic("exosome-therapy")
            .unwrap()
            .text(lang)
            .title
            .clone();
        harness.get_by_role_and_label(Role::Heading, &translated);
    }
}

#[test]
fn side_by_side_shows_the_patient_and_staff_languages_section_by_section() {
    let strings = Strings::embedded().unwrap();
    let mut harness = harness(Language::builtin("ja"));
    let topic = harness.state().library().topic("prp").unwrap().clone();
    harness
        .get_by_role_and_label(Role::Button, &topic.text(Language::builtin("ja")).title)
        .click();
    harness.run();
    harness
        .get_by_label(&strings.get(Language::builtin("ja"), "side-by-side"))
        .click();
    harness.run();
    harness
        .get_by_role_and_label(
            Role::Button,
            &strings.get(Language::builtin("ja"), "section-side-effects"),
        )
        .click();
    harness.run();
    // Patient (Japanese) and staff (English, the default) side by side.
    for lang in [Language::builtin("ja"), Language::builtin("en")] {
        harness.get_by_role_and_label(Role::Heading, &topic.text(lang).title);
        harness.get_by_role_and_label(Role::Heading, &strings.get(lang, "section-side-effects"));
    }
    let ja = harness
        .get_by_role_and_label(Role::Heading, &topic.text(Language::builtin("ja")).title)
        .rect();
    let en = harness
        .get_by_role_and_label(Role::Heading, &topic.text(Language::builtin("en")).title)
        .rect();
    assert!(
        ja.center().x < en.center().x,
        "the patient's language comes first"
    );

    // The staff member picks Bengali: it replaces English in the second column. The
    // picker is a group named "staff language"; its buttons, each language's name.
    let staff = strings.get(Language::builtin("ja"), "staff-language");
    harness
        .get_by_role_and_label(Role::Group, &staff)
        .get_by_role_and_label(Role::Button, "বাংলা")
        .click();
    harness.run();
    assert_eq!(harness.state().staff_language(), Language::builtin("bn"));
    harness.get_by_role_and_label(Role::Heading, &topic.text(Language::builtin("bn")).title);
    assert!(
        harness
            .query_by_label(&topic.text(Language::builtin("en")).title)
            .is_none()
    );
}

#[test]
fn a_new_screen_opens_at_its_top_not_at_the_last_screens_scroll() {
    let mut harness = common::harness(common::app(Language::builtin("en")), vec2(1000.0, 560.0));
    let strings = Strings::embedded().unwrap();
    let back_label = strings.get(Language::builtin("en"), "back");
    // The last treatment card is below the fold: tapping it scrolls the list.
    let last = harness
        .state()
        .library()
        .topics()
        .last()
        .unwrap()
        .text(Language::builtin("en"))
        .title
        .clone();
    common::click(&mut harness, &last);
    let back = harness.get_by_role_and_label(Role::Button, &back_label);
    assert!(
        back.rect().min.y > 60.0,
        "Back is under the top bar at {:?}",
        back.rect()
    );
}

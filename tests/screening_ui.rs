//! The screening flow walked by label, in every language, as a patient would.

mod common;

use clinic_edu::app::{Route, ScreeningStep};
use clinic_edu::i18n::Strings;
use clinic_edu::screening::Answer;
use clinic_edu::{ClinicApp, Language};
use egui::{Role, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn harness(lang: Language) -> Harness<'static, ClinicApp> {
    common::harness(common::app(lang), vec2(1100.0, 1000.0))
}

use common::click;

#[test]
fn exosome_therapy_while_pregnant_is_not_suitable_today_in_every_language() {
    let strings = Strings::embedded().unwrap();
    for lang in Language::all() {
        let mut h = harness(lang);
        let s = |id: &str| strings.get(lang, id);
        let title = h
            .state()
            .library()
            .topic("exosome-therapy")
            .unwrap()
            .text(lang)
            .title
            .clone();
        let pregnancy_reason = h
            .state()
            .library()
            .screening()
            .rules("exosome-therapy")
            .unwrap()
            .rules
            .iter()
            .find(|r| r.question == "pregnant")
            .unwrap()
            .reason
            .get(lang)
            .to_owned();

        click(&mut h, &s("menu-screening"));
        assert_eq!(h.state().route(), &Route::Screening(ScreeningStep::Pick));
        click(&mut h, &title);
        click(&mut h, &s("screening-start"));

        // First question: pregnancy, question 1 of 10.
        let mut args = fluent_bundle::FluentArgs::new();
        args.set("n", strings.number(lang, 1));
        args.set("total", strings.number(lang, 10));
        h.get_by_label(&strings.format(lang, "question-progress", Some(&args)));
        let pregnant = h
            .state()
            .library()
            .screening()
            .question("pregnant")
            .unwrap()
            .text
            .get(lang)
            .to_owned();
        h.get_by_role_and_label(Role::Heading, &pregnant);
        click(&mut h, &s("answer-yes"));

        // Back returns to the first question with its answer kept; then on.
        click(&mut h, &s("back"));
        h.get_by_role_and_label(Role::Heading, &pregnant);
        assert_eq!(
            h.state().session().answers.get("pregnant"),
            Some(&Answer::Yes)
        );
        click(&mut h, &s("answer-yes"));

        // Every other question: No.
        let mut asked = 1;
        while h
            .state()
            .session()
            .current(h.state().library().screening())
            .is_some()
        {
            click(&mut h, &s("answer-no"));
            asked += 1;
            assert!(asked < 20);
        }
        assert_eq!(asked, 10, "each question once");

        // The review list, then the result.
        h.get_by_role_and_label(Role::Heading, &s("review-title"));
        click(&mut h, &s("see-result"));
        assert_eq!(h.state().route(), &Route::Screening(ScreeningStep::Result));
        h.get_by_label(&s("verdict-do-not-treat"));
        h.get_by_role_and_label(Role::ListItem, &pregnancy_reason);

        // Staff see the same result in their language, with every answer.
        click(&mut h, &s("side-by-side"));
        // (Both columns are English when the patient's language is English.)
        assert!(
            h.query_all_by_label(&strings.get(Language::builtin("en"), "verdict-do-not-treat"))
                .count()
                >= 1
        );
        assert!(
            h.query_all_by_label(&strings.get(Language::builtin("en"), "answers-given"))
                .count()
                >= 1
        );
        let english_pregnant = h
            .state()
            .library()
            .screening()
            .question("pregnant")
            .unwrap()
            .text
            .get(Language::builtin("en"))
            .clone();
        let yes = strings.get(Language::builtin("en"), "answer-yes");
        assert!(
            h.query_all_by_role_and_label(Role::ListItem, &format!("{english_pregnant} — {yes}"))
                .count()
                >= 1
        );

        // Starting again wipes the answers.
        click(&mut h, &s("start-again"));
        assert!(h.state().session().answers.is_empty());
        assert_eq!(h.state().route(), &Route::Screening(ScreeningStep::Pick));
    }
}

#[test]
fn review_lets_an_answer_be_changed_and_not_sure_leads_to_discuss() {
    let strings = Strings::embedded().unwrap();
    let lang = Language::builtin("ar");
    let s = |id: &str| strings.get(lang, id);
    let mut h = harness(lang);
    let title = common::topic_title(h.state(), lang, "prp");
    // Start from the topic page.
    click(&mut h, &title);
    click(&mut h, &s("screening-from-topic"));
    common::answer_rest_no(&mut h);
    // Change the smoking answer to "not sure".
    let smoker = h
        .state()
        .library()
        .screening()
        .question("smoker")
        .unwrap()
        .text
        .get(Language::builtin("ar"))
        .clone();
    click(&mut h, &format!("{}: {smoker}", s("review-change")));
    h.get_by_role_and_label(Role::Heading, &smoker);
    click(&mut h, &s("answer-not-sure"));
    click(&mut h, &s("see-result"));
    h.get_by_label(&s("verdict-discuss"));
    assert!(h.query_by_label(&s("verdict-no-concerns")).is_none());
}

#[test]
fn all_no_gives_no_concerns_found_never_safe() {
    let strings = Strings::embedded().unwrap();
    let lang = Language::builtin("ja");
    let s = |id: &str| strings.get(lang, id);
    let mut h = harness(lang);
    let title = h
        .state()
        .library()
        .topic("mesotherapy")
        .unwrap()
        .text(lang)
        .title
        .clone();
    click(&mut h, &s("menu-screening"));
    click(&mut h, &title);
    click(&mut h, &s("screening-start"));
    common::answer_rest_no(&mut h);
    click(&mut h, &s("see-result"));
    h.get_by_label(&s("verdict-no-concerns"));
    h.get_by_label(&s("result-note"));
    for lang in Language::all() {
        let text = strings.get(lang, "verdict-no-concerns").to_lowercase();
        assert!(
            !text.contains("safe")
                && !text.contains("安全")
                && !text.contains("آمن")
                && !text.contains("নিরাপদ")
        );
    }
}

//! The screening rules on the real content: every rule, the two safety properties,
//! and the `clinic-edu screen` command.

use std::collections::BTreeMap;

use clinic_edu::content::{ContentFiles, Library, load};
use clinic_edu::screening::{Answer, Answers, Level, Screening, Verdict};
use proptest::prelude::*;

fn library() -> Library {
    let loaded = load(&ContentFiles::embedded(), None);
    assert!(loaded.errors.is_empty(), "{:#?}", loaded.errors);
    loaded.library
}

/// Answers that make `question` asked: every question its condition chain names
/// gets the answer that calls for the next one.
fn reach(screening: &Screening, question: &str, answers: &mut Answers) {
    let mut id = question.to_owned();
    while let Some(c) = screening.question(&id).and_then(|q| q.asked_if.clone()) {
        answers.insert(c.question.clone(), c.answer);
        id = c.question;
    }
}

fn all_no(screening: &Screening, treatment: &str) -> Answers {
    screening
        .questions_for(&[treatment])
        .iter()
        .map(|q| (q.id.clone(), Answer::No))
        .collect()
}

#[test]
fn exosome_therapy_rules_match_the_facts() {
    let library = library();
    let s = library.screening();
    let rules = &s.rules("exosome-therapy").unwrap().rules;
    let level = |q: &str| rules.iter().find(|r| r.question == q).map(|r| r.level);
    assert_eq!(level("cancer_treatment"), Some(Level::DoNotTreat));
    assert_eq!(level("pregnant"), Some(Level::DoNotTreat));
    assert_eq!(level("breastfeeding"), Some(Level::DoNotTreat));
    assert_eq!(level("planning_pregnancy"), Some(Level::Discuss));
    assert_eq!(s.questions_for(&["exosome-therapy"]).len(), 9);
}

#[test]
fn every_rule_gives_its_flag_on_its_own() {
    let library = library();
    let s = library.screening();
    let mut checked = 0;
    for treatment in s.treatments().collect::<Vec<_>>() {
        let baseline = s.evaluate(treatment, &all_no(s, treatment)).unwrap();
        assert_eq!(baseline.verdict, Verdict::NoConcerns, "{treatment}: all No");
        for rule in &s.rules(treatment).unwrap().rules {
            let mut answers = all_no(s, treatment);
            reach(s, &rule.question, &mut answers);
            answers.insert(rule.question.clone(), rule.answer);
            let out = s.evaluate(treatment, &answers).unwrap();
            let expected = match rule.level {
                Level::DoNotTreat => Verdict::DoNotTreat,
                Level::Discuss => Verdict::Discuss,
            };
            assert_eq!(out.verdict, expected, "{treatment}: {}", rule.question);
            assert!(out.findings.iter().any(|f| f.question() == rule.question));
            assert!(
                out.unanswered.is_empty(),
                "{treatment}: {:?}",
                out.unanswered
            );
            checked += 1;
        }
    }
    assert!(checked >= 50, "{checked} rules");
}

#[test]
fn not_sure_and_unanswered_lead_to_discuss_for_every_question() {
    let library = library();
    let s = library.screening();
    for treatment in s.treatments().collect::<Vec<_>>() {
        for q in s.questions_for(&[treatment]) {
            let mut answers = all_no(s, treatment);
            reach(s, &q.id, &mut answers);
            answers.insert(q.id.clone(), Answer::NotSure);
            assert_eq!(
                s.evaluate(treatment, &answers).unwrap().verdict,
                Verdict::Discuss,
                "{treatment}: {} not sure",
                q.id
            );
            answers.remove(&q.id);
            let out = s.evaluate(treatment, &answers).unwrap();
            assert_ne!(
                out.verdict,
                Verdict::NoConcerns,
                "{treatment}: {} unanswered",
                q.id
            );
        }
    }
}

/// Random answers (some missing) to every question of `treatment`.
fn arbitrary_answers(ids: Vec<String>) -> impl Strategy<Value = Answers> {
    let answer = prop_oneof![
        Just(None),
        Just(Some(Answer::Yes)),
        Just(Some(Answer::No)),
        Just(Some(Answer::NotSure))
    ];
    proptest::collection::vec(answer, ids.len()).prop_map(move |picked| {
        ids.iter()
            .zip(picked)
            .filter_map(|(id, a)| a.map(|a| (id.clone(), a)))
            .collect::<BTreeMap<_, _>>()
    })
}

fn treatments_with_questions() -> Vec<(String, Vec<String>)> {
    let library = library();
    let s = library.screening();
    s.treatments()
        .map(|t| {
            (
                t.to_owned(),
                s.questions_for(&[t]).iter().map(|q| q.id.clone()).collect(),
            )
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Whatever the other answers, a "do not treat" answer gives "do not treat".
    #[test]
    fn a_do_not_treat_answer_always_wins(
        (treatment, answers, rule_index) in proptest::sample::select(treatments_with_questions())
            .prop_flat_map(|(t, ids)| (Just(t), arbitrary_answers(ids), any::<proptest::sample::Index>()))
    ) {
        let library = library();
        let s = library.screening();
        let rules: Vec<_> = s.rules(&treatment).unwrap().rules.iter().filter(|r| r.level == Level::DoNotTreat).collect();
        prop_assume!(!rules.is_empty());
        let rule = rules[rule_index.index(rules.len())];
        let mut answers = answers;
        reach(s, &rule.question, &mut answers);
        answers.insert(rule.question.clone(), rule.answer);
        let out = s.evaluate(&treatment, &answers).unwrap();
        prop_assert_eq!(out.verdict, Verdict::DoNotTreat);
    }

    /// No treatment reports "no concerns" while one of its questions is unanswered or "not sure".
    #[test]
    fn no_concerns_only_when_every_question_is_answered(
        (treatment, answers) in proptest::sample::select(treatments_with_questions())
            .prop_flat_map(|(t, ids)| (Just(t), arbitrary_answers(ids)))
    ) {
        let library = library();
        let s = library.screening();
        let out = s.evaluate(&treatment, &answers).unwrap();
        let open = s
            .active_questions(&[treatment.as_str()], &answers)
            .iter()
            .any(|q| !matches!(answers.get(&q.id), Some(Answer::Yes) | Some(Answer::No)));
        if open {
            prop_assert_ne!(out.verdict, Verdict::NoConcerns);
        }
        if out.verdict == Verdict::NoConcerns {
            prop_assert!(out.findings.is_empty() && out.unanswered.is_empty());
        }
    }
}

fn screen(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_clinic-edu"))
        .arg("screen")
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn screen_command_prints_the_verdict_as_json() {
    let out = screen(&[
        "--treatment",
        "exosome-therapy",
        "--answer",
        "pregnant=yes",
        "--answer",
        "breastfeeding=no",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["treatment"], "exosome-therapy");
    assert_eq!(json["verdict"], "do_not_treat");
    assert_eq!(json["reasons"][0]["question"], "pregnant");
    assert_eq!(json["reasons"][0]["level"], "do_not_treat");
    assert!(
        json["reasons"][0]["text"]
            .as_str()
            .unwrap()
            .contains("pregnan")
    );
    let unanswered: Vec<&str> = json["unanswered"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(unanswered.len(), 7);
    assert!(!unanswered.contains(&"pregnant") && !unanswered.contains(&"breastfeeding"));

    let out = screen(&[
        "--treatment",
        "exosome-therapy",
        "--answer",
        "pregnant=unsure",
        "--lang",
        "ja",
    ]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["verdict"], "discuss");
    assert!(
        json["reasons"][0]["text"]
            .as_str()
            .unwrap()
            .contains("わからない")
    );
}

#[test]
fn screen_command_lists_questions() {
    let out = screen(&[
        "--treatment",
        "botox-chronic-pain",
        "--list",
        "--lang",
        "ar",
    ]);
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let list = json.as_array().unwrap();
    let child = list
        .iter()
        .find(|q| q["id"] == "urinary_infection_or_retention")
        .unwrap();
    assert_eq!(child["asked_if"]["question"], "botox_for_bladder");
    assert_eq!(child["asked_if"]["answer"], "yes");
    assert!(
        list.iter()
            .any(|q| q["id"] == "pregnant" && q["asked_if"].is_null())
    );
    assert!(
        list[0]["text"]
            .as_str()
            .unwrap()
            .chars()
            .any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
    );
}

#[test]
fn screen_command_rejects_unknown_ids_clearly() {
    let out = screen(&["--treatment", "laser"]);
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("unknown treatment \"laser\": expected one of")
    );
    let out = screen(&["--treatment", "prp", "--answer", "pregnancy=yes"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown question \"pregnancy\""));
    let out = screen(&["--treatment", "prp", "--answer", "pregnant=maybe"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("must be yes, no or unsure"));
}

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
    // The nine of the facts brief, and whether the patient is under 18.
    assert_eq!(s.questions_for(&["exosome-therapy"]).len(), 10);
    assert_eq!(level("under_18"), Some(Level::Discuss));
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
    assert_eq!(unanswered.len(), 8);
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

// Issue 12, part 1: the screening items the content review found.

use clinic_edu::Language;

/// `treatment`'s verdict when `yes` are answered Yes (with what makes them asked)
/// and every other question No.
fn verdict_with(
    s: &Screening,
    treatment: &str,
    yes: &[&str],
) -> (Verdict, Vec<String>, Vec<String>) {
    let mut answers = all_no(s, treatment);
    for q in yes {
        reach(s, q, &mut answers);
        answers.insert((*q).to_owned(), Answer::Yes);
    }
    // Questions a Yes above has just called for are answered No.
    loop {
        let open: Vec<String> = s
            .active_questions(&[treatment], &answers)
            .iter()
            .filter(|q| !answers.contains_key(&q.id))
            .map(|q| q.id.clone())
            .collect();
        if open.is_empty() {
            break;
        }
        for id in open {
            answers.insert(id, Answer::No);
        }
    }
    let out = s.evaluate(treatment, &answers).unwrap();
    (
        out.verdict,
        out.findings
            .iter()
            .map(|f| f.question().to_owned())
            .collect(),
        out.unanswered.iter().map(|q| q.to_string()).collect(),
    )
}

fn rule_level(s: &Screening, treatment: &str, question: &str) -> Option<Level> {
    s.rules(treatment)?
        .rules
        .iter()
        .find(|r| r.question == question)
        .map(|r| r.level)
}

fn question_text(s: &Screening, id: &str, lang: Language) -> String {
    s.question(id).unwrap().text.get(lang).to_owned()
}

#[test]
fn fibroblast_therapy_asks_about_nsaids_as_a_caution() {
    let library = library();
    let s = library.screening();
    assert_eq!(
        rule_level(s, "fibroblast-therapy", "regular_nsaids"),
        Some(Level::Discuss)
    );
    let en = question_text(s, "regular_nsaids", Language::builtin("en"));
    assert!(en.contains("ibuprofen") && en.contains("naproxen") && en.contains("NSAIDs"));
    // The blood-thinner question stays about blood thinners and aspirin.
    assert!(!question_text(s, "blood_thinners", Language::builtin("en")).contains("ibuprofen"));
    let (verdict, findings, unanswered) =
        verdict_with(s, "fibroblast-therapy", &["regular_nsaids"]);
    assert_eq!(verdict, Verdict::Discuss);
    assert_eq!(findings, ["regular_nsaids"]);
    assert!(unanswered.is_empty());
}

#[test]
fn every_exosome_result_carries_the_regulator_notice() {
    let library = library();
    let s = library.screening();
    let notice = s.notice("exosome-therapy").expect("exosome notice");
    assert!(notice.cite.iter().any(|c| c == "fda-exosome-2019"));
    assert!(notice.cite.iter().any(|c| c == "fda-unapproved-alert"));
    for lang in Language::all() {
        let text = notice.text.get(lang);
        assert!(
            text.contains("FDA") && text.contains("IND"),
            "{lang:?}: {text}"
        );
    }
    assert!(
        notice
            .text
            .get(Language::fallback())
            .contains("no exosome product is approved")
    );
    // The notice does not depend on the answers: it goes with every verdict.
    for yes in [&[][..], &["pregnant"][..], &["iv_planned"][..]] {
        let (verdict, ..) = verdict_with(s, "exosome-therapy", yes);
        let out = screen_json("exosome-therapy", yes);
        assert_eq!(out["verdict"], verdict.code());
        assert_eq!(
            out["notice"],
            notice.text.get(Language::fallback()).as_str()
        );
    }
    // Only exosome therapy has one.
    for t in s.treatments().filter(|t| *t != "exosome-therapy") {
        assert!(s.notice(t).is_none(), "{t}");
        assert!(screen_json(t, &[])["notice"].is_null());
    }
}

/// `clinic-edu screen` for `treatment` with `yes` answered Yes and the rest No.
fn screen_json(treatment: &str, yes: &[&str]) -> serde_json::Value {
    let library = library();
    let s = library.screening();
    let mut args = vec!["--treatment".to_owned(), treatment.to_owned()];
    for q in s.questions_for(&[treatment]) {
        let answer = if yes.contains(&q.id.as_str()) {
            "yes"
        } else {
            "no"
        };
        args.push("--answer".into());
        args.push(format!("{}={answer}", q.id));
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = screen(&args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn a_notice_is_validated_like_a_reason() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets/content/exosome-therapy/screening.ron");
    let good = std::fs::read_to_string(path).unwrap();
    // The notice cites a source the topic lacks, and its Bengali text is empty.
    let broken: String = good
        .replacen(
            "cite: [\"fda-exosome-2019\", \"fda-unapproved-alert\", \"fda-regen-2021\"]",
            "cite: [\"no-such-notice-source\"]",
            1,
        )
        .lines()
        .map(|line| {
            if line.starts_with("            bn: \"যুক্তরাষ্ট্রের") {
                "            bn: \"\",".to_owned()
            } else {
                line.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    assert_ne!(broken, good);
    let dir = std::env::temp_dir().join(format!("clinic-edu-notice-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("exosome-therapy")).unwrap();
    std::fs::write(dir.join("exosome-therapy/screening.ron"), &broken).unwrap();
    let files = ContentFiles::embedded().layered(ContentFiles::from_dir(&dir).unwrap());
    let loaded = load(&files, None);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(loaded.errors.len(), 2, "{:#?}", loaded.errors);
    for error in &loaded.errors {
        assert!(error.path.ends_with("exosome-therapy/screening.ron"));
        assert!(error.position.is_some(), "{error}");
    }
    let messages: Vec<&str> = loaded.errors.iter().map(|e| e.message.as_str()).collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("unknown source \"no-such-notice-source\"")),
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("the notice has no") && m.contains("(bn)")),
        "{messages:?}"
    );
}

#[test]
fn mesotherapy_rules_out_an_allergy_to_any_ingredient() {
    let library = library();
    let s = library.screening();
    assert_eq!(
        rule_level(s, "mesotherapy", "injected_ingredient_allergy"),
        Some(Level::DoNotTreat)
    );
    let en = question_text(s, "injected_ingredient_allergy", Language::builtin("en"));
    assert!(en.contains("anything the clinic plans to inject") && en.contains("lidocaine"));
    // The old numbing-medicine-only question is gone.
    assert!(s.question("anaesthetic_allergy").is_none());
    let (verdict, findings, _) = verdict_with(s, "mesotherapy", &["injected_ingredient_allergy"]);
    assert_eq!(verdict, Verdict::DoNotTreat);
    assert_eq!(findings, ["injected_ingredient_allergy"]);
}

#[test]
fn mesotherapy_asks_about_swallowing_only_for_the_neck_or_chin() {
    let library = library();
    let s = library.screening();
    // Mesotherapy no longer uses the question that also covers asthma and emphysema.
    assert_eq!(
        rule_level(s, "mesotherapy", "swallowing_or_breathing"),
        None
    );
    assert!(
        s.questions_for(&["mesotherapy"])
            .iter()
            .all(|q| q.id != "swallowing_or_breathing")
    );
    let swallowing = s.question("swallowing_trouble").unwrap();
    let condition = swallowing.asked_if.as_ref().unwrap();
    assert_eq!(condition.question, "mesotherapy_neck_or_chin");
    assert_eq!(condition.answer, Answer::Yes);
    for lang in Language::all() {
        assert!(!question_text(s, "swallowing_trouble", lang).is_empty());
    }
    assert!(!question_text(s, "swallowing_trouble", Language::builtin("en")).contains("asthma"));
    let asked = |neck: Answer| {
        let answers: Answers = [("mesotherapy_neck_or_chin".to_owned(), neck)].into();
        s.active_questions(&["mesotherapy"], &answers)
            .iter()
            .any(|q| q.id == "swallowing_trouble")
    };
    assert!(asked(Answer::Yes));
    assert!(!asked(Answer::No));
    assert!(!asked(Answer::NotSure));
    // Neck or chin with trouble swallowing: discuss, for that reason.
    let (verdict, findings, _) = verdict_with(
        s,
        "mesotherapy",
        &["mesotherapy_neck_or_chin", "swallowing_trouble"],
    );
    assert_eq!(verdict, Verdict::Discuss);
    assert_eq!(findings, ["swallowing_trouble"]);
    // A neck or chin treatment alone raises nothing.
    let (verdict, findings, _) = verdict_with(s, "mesotherapy", &["mesotherapy_neck_or_chin"]);
    assert_eq!(verdict, Verdict::NoConcerns);
    assert!(findings.is_empty());
    // An asthmatic screened for Botox and mesotherapy gets no chin reason.
    let mut answers = all_no(s, "botox-chronic-pain");
    answers.extend(all_no(s, "mesotherapy"));
    answers.insert("swallowing_or_breathing".into(), Answer::Yes);
    let meso = s.evaluate("mesotherapy", &answers).unwrap();
    assert_eq!(meso.verdict, Verdict::NoConcerns);
    let botox = s.evaluate("botox-chronic-pain", &answers).unwrap();
    assert_eq!(botox.verdict, Verdict::Discuss);
}

#[test]
fn prp_asks_about_past_cancer_and_grades_low_platelets() {
    let library = library();
    let s = library.screening();
    assert_eq!(rule_level(s, "prp", "past_cancer"), Some(Level::Discuss));
    let en = question_text(s, "past_cancer", Language::builtin("en"));
    assert!(en.contains("in the past") && en.contains("blood") && en.contains("bone"));
    let (verdict, findings, _) = verdict_with(s, "prp", &["past_cancer"]);
    assert_eq!(
        (verdict, findings),
        (Verdict::Discuss, vec!["past_cancer".to_owned()])
    );
    // Below 100,000 per microlitre is a caution ...
    assert_eq!(rule_level(s, "prp", "low_platelets"), Some(Level::Discuss));
    assert!(question_text(s, "low_platelets", Language::builtin("en")).contains("100,000"));
    let (verdict, findings, _) = verdict_with(s, "prp", &["low_platelets"]);
    assert_eq!(
        (verdict, findings),
        (Verdict::Discuss, vec!["low_platelets".to_owned()])
    );
    // ... and only a platelet disorder or a critically low count rules PRP out.
    assert_eq!(
        rule_level(s, "prp", "platelet_disorder"),
        Some(Level::DoNotTreat)
    );
    let en = question_text(s, "platelet_disorder", Language::builtin("en"));
    assert!(en.contains("platelet disorder") && en.contains("critically low"));
    let reason = &s
        .rules("prp")
        .unwrap()
        .rules
        .iter()
        .find(|r| r.question == "platelet_disorder")
        .unwrap()
        .reason;
    assert!(reason.get(Language::fallback()).contains("critically low"));
    let (verdict, ..) = verdict_with(s, "prp", &["platelet_disorder", "low_platelets"]);
    assert_eq!(verdict, Verdict::DoNotTreat);
}

#[test]
fn botox_allergy_question_covers_the_ingredients() {
    let library = library();
    let s = library.screening();
    let needles = [
        (Language::builtin("en"), "ingredients"),
        (Language::builtin("ar"), "مكوّناتها"),
        (Language::builtin("bn"), "উপাদানে"),
        (Language::builtin("ja"), "成分"),
    ];
    for (lang, needle) in needles {
        let text = question_text(s, "botulinum_allergy", lang);
        assert!(text.contains(needle), "{lang:?}: {text}");
    }
    let (verdict, ..) = verdict_with(s, "botox-chronic-pain", &["botulinum_allergy"]);
    assert_eq!(verdict, Verdict::DoNotTreat);
}

#[test]
fn mesotherapy_cancer_reason_matches_its_question() {
    let library = library();
    let s = library.screening();
    let question = question_text(s, "cancer_treatment", Language::builtin("en"));
    assert!(question.contains("cancer now"));
    let reason = &s
        .rules("mesotherapy")
        .unwrap()
        .rules
        .iter()
        .find(|r| r.question == "cancer_treatment")
        .unwrap()
        .reason;
    assert!(
        reason.get(Language::fallback()).contains("cancer now"),
        "{}",
        reason.get(Language::fallback())
    );
    assert!(
        !reason
            .get(Language::fallback())
            .contains("have had cancer recently")
    );
}

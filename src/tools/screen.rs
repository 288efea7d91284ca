//! `clinic-edu screen`: one treatment's verdict for some answers, or its questions,
//! as JSON.

use clinic_edu::Language;
use clinic_edu::content::{self, ContentFiles};
use clinic_edu::i18n::Strings;
use clinic_edu::report::{QuestionJson, VerdictJson};
use clinic_edu::screening::{Answer, Answers};

use super::print_out;

pub fn screen(
    treatment: &str,
    answers: &[String],
    lang: Language,
    list: bool,
) -> anyhow::Result<()> {
    let loaded = content::load(&ContentFiles::embedded(), None);
    anyhow::ensure!(
        loaded.errors.is_empty(),
        "the built-in content has errors; run `clinic-edu validate`"
    );
    let screening = loaded.library.screening();
    let strings = Strings::embedded()?;
    if screening.rules(treatment).is_none() {
        let known: Vec<&str> = screening.treatments().collect();
        anyhow::bail!(
            "unknown treatment {treatment:?}: expected one of {}",
            known.join(", ")
        );
    }
    let mut given = Answers::new();
    for pair in answers {
        let (id, value) = pair
            .split_once('=')
            .ok_or_else(|| anyhow::anyhow!("--answer needs QID=yes|no|unsure, not {pair:?}"))?;
        let id = id.trim();
        anyhow::ensure!(
            screening.question(id).is_some(),
            "unknown question {id:?} in --answer {pair:?}; `clinic-edu screen --treatment {treatment} --list` shows the questions"
        );
        let answer = Answer::parse(value).ok_or_else(|| {
            anyhow::anyhow!("the answer to {id:?} must be yes, no or unsure, not {value:?}")
        })?;
        given.insert(id.to_owned(), answer);
    }
    let json = if list {
        let questions: Vec<QuestionJson> = screening
            .questions_for(&[treatment])
            .into_iter()
            .map(|q| QuestionJson::new(q, lang))
            .collect();
        serde_json::to_string(&questions)?
    } else {
        let outcome = screening
            .evaluate(treatment, &given)
            .expect("treatment has rules");
        serde_json::to_string(&VerdictJson::new(screening, &strings, &outcome, lang))?
    };
    Ok(print_out(&format!("{json}\n"))?)
}

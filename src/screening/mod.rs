//! Contraindication screening: questions, rules and the evaluation that turns a
//! patient's answers into a verdict per treatment. Pure: no egui, no I/O; the
//! questions and rules come from content files through [`crate::content`].

mod evaluate;
mod model;
mod session;

pub use evaluate::{Finding, Outcome, Verdict};
pub use model::{Answer, Answers, Condition, Level, Notice, Question, Rule, Screening, TopicRules};
pub use session::Session;

/// Question ids the rules of several treatments share; content must define them.
pub const SHARED_QUESTIONS: [&str; 9] = [
    "pregnant",
    "breastfeeding",
    "planning_pregnancy",
    "cancer_treatment",
    "injection_site_infection",
    "blood_thinners",
    "bleeding_disorder",
    "botulinum_allergy",
    "neuromuscular_disorder",
];

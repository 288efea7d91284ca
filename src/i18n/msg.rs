//! Every Fluent message id the app uses, as a named constant, so that a typo is a
//! compile error rather than "[id]" on a patient's screen. A test checks that each
//! exists in all four `.ftl` files with the same variables, and that every message
//! in the files has a constant that the code uses.

macro_rules! messages {
    ($($name:ident = $id:literal;)*) => {
        $(pub const $name: &str = $id;)*
        /// Every id above, in file order.
        pub const ALL: &[&str] = &[$($id),*];
        /// The constant names of [`ALL`], in the same order (for the usage test).
        pub const NAMES: &[&str] = &[$(stringify!($name)),*];
    };
}

messages! {
    APP_TITLE = "app-title";
    LANGUAGE_LABEL = "language-label";
    MENU_SCRIPTS = "menu-scripts";
    SCRIPTS_INTRO = "scripts-intro";
    MENU_TOPICS = "menu-topics";
    HOME_TITLE = "home-title";
    HOME_INTRO = "home-intro";
    BACK = "back";
    SIDE_BY_SIDE = "side-by-side";
    SINGLE_VIEW = "single-view";
    STAFF_LANGUAGE = "staff-language";
    NOT_REVIEWED = "not-reviewed";
    REVIEWED_BY = "reviewed-by";
    REVIEW_CHANGED = "review-changed";
    REVIEW_OVERDUE = "review-overdue";
    TOPIC_BEING_UPDATED = "topic-being-updated";
    CONTENT_READY = "content-ready";
    CONTENT_READY_USE = "content-ready-use";
    REVIEWS_OVERDUE = "reviews-overdue";
    UPDATE_INSTALLED = "update-installed";
    UPDATE_BUILTIN = "update-builtin";
    UPDATE_CHECKED = "update-checked";
    UPDATE_NEVER_CHECKED = "update-never-checked";
    UPDATE_LAST_ERROR = "update-last-error";
    ORIGIN_ORIGINAL = "origin-original";
    ORIGIN_TRANSLATED = "origin-translated";
    SECTION_WHAT_IT_IS = "section-what-it-is";
    SECTION_HOW_IT_WORKS = "section-how-it-works";
    SECTION_USED_FOR = "section-used-for";
    SECTION_WHAT_TO_EXPECT = "section-what-to-expect";
    SECTION_SIDE_EFFECTS = "section-side-effects";
    SECTION_AFTERCARE = "section-aftercare";
    SECTION_EVIDENCE = "section-evidence";
    SECTION_WHO_SHOULD_NOT = "section-who-should-not";
    SECTION_QUESTIONS = "section-questions";
    SECTION_SOURCES = "section-sources";
    SIDE_EFFECTS_COMMON = "side-effects-common";
    SIDE_EFFECTS_RARE = "side-effects-rare";
    SIDE_EFFECTS_SERIOUS = "side-effects-serious";
    SIDE_EFFECTS_URGENT = "side-effects-urgent";
    TIMELINE_TITLE = "timeline-title";
    TIMELINE_SESSIONS = "timeline-sessions";
    TIMELINE_SESSIONS_ONGOING = "timeline-sessions-ongoing";
    TIMELINE_INTERVAL = "timeline-interval";
    TIMELINE_RESULTS = "timeline-results";
    TIMELINE_LASTS = "timeline-lasts";
    TIMELINE_DOWNTIME = "timeline-downtime";
    TIMELINE_NO_DOWNTIME = "timeline-no-downtime";
    DURATION_DAYS = "duration-days";
    DURATION_WEEKS = "duration-weeks";
    DURATION_MONTHS = "duration-months";
    CERTAINTY_ATTRIBUTED = "certainty-attributed";
    CERTAINTY_VARIES = "certainty-varies";
    TIMELINE_NONE = "timeline-none";
    GRADE_REG = "grade-reg";
    GRADE_PRO = "grade-pro";
    GRADE_PR = "grade-pr";
    GRADE_LOW = "grade-low";
    GRADE_UNSOURCED = "grade-unsourced";
    SOURCE_NO_ADDRESS = "source-no-address";
    CONTENT_ERRORS_TITLE = "content-errors-title";
    WITH_NOTE = "with-note";
    REASON_NOT_SURE = "reason-not-sure";
    MENU_SCREENING = "menu-screening";
    MENU_COMPARE = "menu-compare";
    COMPARE_TITLE = "compare-title";
    COMPARE_PICK = "compare-pick";
    COMPARE_CHOOSE = "compare-choose";
    COMPARE_WHAT_IT_IS = "compare-what-it-is";
    COMPARE_SESSIONS = "compare-sessions";
    COMPARE_INTERVAL = "compare-interval";
    COMPARE_RESULTS = "compare-results";
    COMPARE_LASTS = "compare-lasts";
    COMPARE_DOWNTIME = "compare-downtime";
    COMPARE_COMMON = "compare-common";
    COMPARE_SERIOUS = "compare-serious";
    COMPARE_REGULATORY = "compare-regulatory";
    COMPARE_EVIDENCE = "compare-evidence";
    COMPARE_WHO_SHOULD_NOT = "compare-who-should-not";
    COMPARE_NO_FIGURE = "compare-no-figure";
    CLINICAL_REVIEW_OPEN = "clinical-review-open";
    CLINICAL_REVIEW_TITLE = "clinical-review-title";
    CLINICAL_REVIEW_INTRO = "clinical-review-intro";
    CLINICAL_REVIEW_CHANGED_COUNT = "clinical-review-changed-count";
    CLINICAL_REVIEW_NO_PARAGRAPHS = "clinical-review-no-paragraphs";
    CLINICAL_REVIEW_CHANGED_MARK = "clinical-review-changed-mark";
    CLINICAL_REVIEW_NOT_KEPT = "clinical-review-not-kept";
    CLINICAL_REVIEW_AS_REVIEWED = "clinical-review-as-reviewed";
    CLINICAL_REVIEW_NEW_MARK = "clinical-review-new-mark";
    CLINICAL_REVIEW_REMOVED_MARK = "clinical-review-removed-mark";
    CLINICAL_REVIEW_REMOVED_NOT_KEPT = "clinical-review-removed-not-kept";
    CLINICAL_REVIEW_NO_SOURCE = "clinical-review-no-source";
    CLINICAL_REVIEW_SIGN_TITLE = "clinical-review-sign-title";
    CLINICAL_REVIEW_NAME = "clinical-review-name";
    CLINICAL_REVIEW_ROLE = "clinical-review-role";
    CLINICAL_REVIEW_REGISTRATION = "clinical-review-registration";
    CLINICAL_REVIEW_DATE = "clinical-review-date";
    CLINICAL_REVIEW_NEED_NAME = "clinical-review-need-name";
    CLINICAL_REVIEW_NEED_REGISTRATION = "clinical-review-need-registration";
    CLINICAL_REVIEW_NEED_DATE = "clinical-review-need-date";
    CLINICAL_REVIEW_FOLDER = "clinical-review-folder";
    CLINICAL_REVIEW_NO_FOLDER = "clinical-review-no-folder";
    CLINICAL_REVIEW_SIGN = "clinical-review-sign";
    CLINICAL_REVIEW_RECORDED = "clinical-review-recorded";
    CLINICAL_REVIEW_NOT_RECORDED = "clinical-review-not-recorded";
    COMPARE_REVIEW = "compare-review";
    SCREENING_PICK_TITLE = "screening-pick-title";
    SCREENING_PICK_INTRO = "screening-pick-intro";
    SCREENING_START = "screening-start";
    SCREENING_FROM_TOPIC = "screening-from-topic";
    LISTEN = "listen";
    LISTEN_PAUSE = "listen-pause";
    LISTEN_RESUME = "listen-resume";
    LISTEN_STOP = "listen-stop";
    LISTEN_REPEAT = "listen-repeat";
    LISTEN_QUIETER = "listen-quieter";
    LISTEN_LOUDER = "listen-louder";
    QUESTION_PROGRESS = "question-progress";
    QUESTIONS_LEFT = "questions-left";
    ANSWER_YES = "answer-yes";
    ANSWER_NO = "answer-no";
    ANSWER_NOT_SURE = "answer-not-sure";
    REVIEW_TITLE = "review-title";
    REVIEW_INTRO = "review-intro";
    REVIEW_CHANGE = "review-change";
    NOT_ANSWERED = "not-answered";
    SEE_RESULT = "see-result";
    RESULT_TITLE = "result-title";
    VERDICT_DO_NOT_TREAT = "verdict-do-not-treat";
    VERDICT_DISCUSS = "verdict-discuss";
    VERDICT_NO_CONCERNS = "verdict-no-concerns";
    RESULT_NOTE = "result-note";
    RESULT_UNANSWERED = "result-unanswered";
    ANSWERS_GIVEN = "answers-given";
    START_AGAIN = "start-again";
    BACK_TO_ANSWERS = "back-to-answers";
    TAP_TO_START = "tap-to-start";
    CHOOSE_LANGUAGE = "choose-language";
    STILL_THERE_TITLE = "still-there-title";
    STILL_THERE_BODY = "still-there-body";
    CONTINUE = "continue";
    FINISH = "finish";
    PIN_TITLE = "pin-title";
    PIN_OK = "pin-ok";
    PIN_CANCEL = "pin-cancel";
    PIN_DELETE = "pin-delete";
    PIN_WRONG = "pin-wrong";
    PIN_LOCKED = "pin-locked";
    STAFF_MENU_TITLE = "staff-menu-title";
    LEAVE_KIOSK = "leave-kiosk";
    STAFF_MODE = "staff-mode";
    PATIENT_SUMMARY = "patient-summary";
    HANDOUT = "handout";
    HANDOUT_SECTIONS = "handout-sections";
    HANDOUT_PAPER = "handout-paper";
    PAPER_A4 = "paper-a4";
    PAPER_LETTER = "paper-letter";
    HANDOUT_SAVE = "handout-save";
    HANDOUT_PRINT = "handout-print";
    HANDOUT_CLOSE = "handout-close";
    HANDOUT_SAVED = "handout-saved";
    HANDOUT_PRINTING = "handout-printing";
    HANDOUT_PRINT_SENT = "handout-print-sent";
    HANDOUT_NO_PRINTER = "handout-no-printer";
    HANDOUT_NO_DIALOG = "handout-no-dialog";
    HANDOUT_FAILED = "handout-failed";
    HANDOUT_NO_SECTIONS = "handout-no-sections";
    HANDOUT_PRINTED = "handout-printed";
    HANDOUT_FOOTER = "handout-footer";
    HANDOUT_PAGE = "handout-page";
}

/// The id of the message naming `lang` in the UI language ("Arabic", «العربية»...):
/// `lang-<tag>`, one per language, so a language added as data brings its own.
pub fn language(lang: crate::lang::Language) -> String {
    format!("lang-{}", lang.code())
}

# UI strings, English.
app-title = Treatment guide
language-label = Language
menu-scripts = Scripts
scripts-intro = This page shows sample text in the chosen language, so you can check that every script is drawn correctly before showing it to a patient.
menu-topics = Treatments
home-title = Treatments
home-intro = Choose a treatment to read what it is, what to expect, and who should not have it.
back = Back
side-by-side = Side by side
single-view = One language
staff-language = Staff language
not-reviewed = Not yet reviewed by a clinician. Ask your clinician before you decide.
reviewed-by = Reviewed by { $reviewer } on { $date }.
review-changed = This text has changed since { $reviewer } reviewed it on { $date }. Ask your clinician before you decide.
review-overdue = { $reviewer } reviewed this text on { $date }, and that review is now overdue. Ask your clinician before you decide.
topic-being-updated = This information is being updated. Please ask a member of staff about this treatment.
content-ready = New treatment content is ready. It is shown after a restart, or now.
content-ready-use = Show the new content now
reviews-overdue = The clinician's review of these treatments has run out. Until a clinician reviews them again, the waiting-room screen shows "This information is being updated" in their place:
update-installed = Content version { $version } ({ $channel }), review by { $date }.
update-builtin = No signed content is installed: the built-in content shows.
update-checked = Last good check: { $time }.
update-never-checked = No good check yet.
update-last-error = Last error:
origin-original = Original text, version { $version }.
origin-translated = Translated from { $language }, version { $version }.
lang-en = English
lang-ar = Arabic
lang-bn = Bengali
lang-ja = Japanese
lang-ur = Urdu
section-what-it-is = What it is
section-how-it-works = How it works
section-used-for = What it is used for
section-what-to-expect = What to expect
section-side-effects = Side effects
section-aftercare = Aftercare
section-evidence = Evidence and approval
section-who-should-not = Who should not have it
section-questions = Questions to ask your clinician
section-sources = Sources
side-effects-common = Common
side-effects-rare = Rare
side-effects-serious = Serious
side-effects-urgent = Get urgent help if
timeline-title = Timeline
timeline-sessions = { $max ->
    [one] { $range } session
   *[other] { $range } sessions
}
timeline-sessions-ongoing = { $max ->
    [one] Ongoing; reviewed after { $range } session
   *[other] Ongoing; reviewed after { $range } sessions
}
timeline-interval = Every { $duration }
timeline-results = Results may show after { $duration }
timeline-lasts = Effect may last { $duration }
timeline-downtime = Downtime: { $duration }
timeline-no-downtime = No downtime expected
duration-days = { $max ->
    [one] { $range } day
   *[other] { $range } days
}
duration-weeks = { $max ->
    [one] { $range } week
   *[other] { $range } weeks
}
duration-months = { $max ->
    [one] { $range } month
   *[other] { $range } months
}
certainty-attributed = according to a clinic or article, not confirmed
certainty-varies = varies: there is no standard
timeline-none = The sources give no standard course for this treatment.
grade-reg = Regulator or product label
grade-pro = Professional body or guideline
grade-pr = Peer-reviewed study
grade-low = Clinic, vendor or news (use with care)
grade-unsourced = Source article only (not confirmed)
source-no-address = No public address
content-errors-title = The content folder has errors, so the built-in content is shown. Fix these and restart:
with-note = { $text } ({ $note })
reason-not-sure = You were not sure about this question: { $question }
menu-screening = Suitability questions
menu-compare = Compare
compare-title = Compare treatments
compare-pick = Choose two or three treatments to see them side by side.
compare-choose = Compare: { $treatment }
compare-what-it-is = What it is
compare-sessions = Number of sessions
compare-interval = Time between sessions
compare-results = When results may show
compare-lasts = How long results last
compare-downtime = Downtime
compare-common = Common side effects
compare-serious = Serious risks
compare-regulatory = What regulators have approved
compare-evidence = Strength of the evidence
compare-who-should-not = Who should not have it
compare-no-figure = Our sources give no figure.
compare-review = Clinical review
clinical-review-open = Clinical review of this text
clinical-review-title = Clinical review: { $treatment }
clinical-review-intro = Every paragraph, list item and comparison cell, with the sources it cites. Read each against its sources before you sign.
clinical-review-changed-count = Paragraphs changed since the last review: { $range }
clinical-review-no-paragraphs = The last review did not record its paragraphs, so the changes cannot be shown one by one: read them all.
clinical-review-changed-mark = Changed since the last review
clinical-review-not-kept = Changed since the last review; the text as reviewed was not kept
clinical-review-as-reviewed = As reviewed:
clinical-review-new-mark = New since the last review
clinical-review-removed-mark = Removed since the last review
clinical-review-removed-not-kept = Removed since the last review; its text was not kept
clinical-review-no-source = Cites no source: it should state no fact, or say whose claim it is.
clinical-review-sign-title = Sign-off
clinical-review-name = Name
clinical-review-role = Role
clinical-review-registration = Registration number
clinical-review-date = Date of the review (YYYY-MM-DD)
clinical-review-need-name = Give the reviewer's name and role.
clinical-review-need-registration = Give the reviewer's registration number.
clinical-review-need-date = Give the date as YYYY-MM-DD, today or earlier.
clinical-review-folder = The review will be recorded in { $path }/reviews.ron.
clinical-review-no-folder = No clinic folder is open, so a review cannot be recorded. Start the app with --content DIR.
clinical-review-sign = Sign off this text
clinical-review-recorded = Review recorded in { $path }.
clinical-review-not-recorded = The review was not recorded: { $error }
screening-pick-title = Which treatments are you interested in?
screening-pick-intro = Choose one or more. You will then answer some yes-or-no questions, one at a time.
screening-start = Start the questions
screening-from-topic = Answer the questions for this treatment
question-progress = Question { $n } of { $total }
questions-left = { $max ->
    [0] No questions left
    [one] { $range } question left
   *[other] { $range } questions left
}
answer-yes = Yes
answer-no = No
answer-not-sure = Not sure
review-title = Check your answers
review-intro = You can change any answer before you see the result.
review-change = Change
not-answered = Not answered
see-result = See the result
result-title = Your result
verdict-do-not-treat = Not suitable today
verdict-discuss = Discuss with your clinician
verdict-no-concerns = No concerns found in your answers
result-note = This is not a medical decision. Your clinician will go through your answers with you before any treatment.
result-unanswered = { $max ->
    [one] { $range } question was not answered.
   *[other] { $range } questions were not answered.
}
answers-given = Answers given
start-again = Start again
back-to-answers = Back to the answers
tap-to-start = Tap to start
choose-language = Choose your language
still-there-title = Are you still there?
still-there-body = { $max ->
    [one] To keep your answers private, this screen will start again in { $range } second.
   *[other] To keep your answers private, this screen will start again in { $range } seconds.
}
continue = Continue
finish = Finish
pin-title = Staff PIN
pin-ok = OK
pin-cancel = Cancel
pin-delete = Delete
pin-wrong = { $max ->
    [one] Wrong PIN. { $range } try left.
   *[other] Wrong PIN. { $range } tries left.
}
pin-locked = { $max ->
    [one] Too many wrong PINs. Try again in { $range } second.
   *[other] Too many wrong PINs. Try again in { $range } seconds.
}
staff-menu-title = Staff menu
leave-kiosk = Leave the kiosk
staff-mode = Switch to staff mode
patient-summary = Show this patient's summary

handout = Handout
handout-sections = Sections
handout-paper = Paper size
paper-a4 = A4
paper-letter = US Letter
handout-save = Save as PDF
handout-print = Print
handout-close = Close
handout-saved = Saved: { $path }
handout-printing = Sending to the printer…
handout-print-sent = Sent to the printer.
handout-no-printer = No printer is set up on this computer, so the handout was not printed.
handout-no-dialog = This computer has no save dialog (it needs xdg-desktop-portal or zenity). The handout was not saved.
handout-failed = The handout was not made or saved: { $error }
handout-no-sections = Choose at least one section.
handout-printed = Printed on { $date }
handout-footer = This is general information about the treatment, not advice for your own case. Ask your clinician what applies to you.
handout-page = Page { $page } of { $pages }
listen = Listen
listen-pause = Pause
listen-resume = Go on
listen-stop = Stop
listen-repeat = Again
listen-quieter = Quieter
listen-louder = Louder

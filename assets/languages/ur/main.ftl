# UI strings, Urdu.
app-title = علاج کی رہنمائی
language-label = زبان
menu-scripts = رسم الخط
scripts-intro = یہ صفحہ چنی ہوئی زبان میں نمونے کی تحریر دکھاتا ہے، تاکہ مریض کو دکھانے سے پہلے آپ دیکھ سکیں کہ ہر رسم الخط ٹھیک طرح سے نظر آتا ہے۔
menu-topics = علاج
home-title = علاج
home-intro = کوئی علاج چنیں اور پڑھیں کہ وہ کیا ہے، کیا توقع رکھیں، اور کن لوگوں کو یہ نہیں کروانا چاہیے۔
back = واپس
side-by-side = ساتھ ساتھ
single-view = ایک زبان
staff-language = عملے کی زبان
not-reviewed = ابھی کسی معالج نے اس تحریر کا جائزہ نہیں لیا۔ فیصلہ کرنے سے پہلے اپنے معالج سے پوچھیں۔
reviewed-by = { $reviewer } نے { $date } کو جائزہ لیا۔
review-changed = { $reviewer } نے { $date } کو اس تحریر کا جائزہ لیا تھا، لیکن اس کے بعد یہ بدل گئی ہے۔ فیصلہ کرنے سے پہلے اپنے معالج سے پوچھیں۔
review-overdue = { $reviewer } نے { $date } کو اس تحریر کا جائزہ لیا تھا، اور اب دوبارہ جائزے کا وقت گزر چکا ہے۔ فیصلہ کرنے سے پہلے اپنے معالج سے پوچھیں۔
topic-being-updated = یہ معلومات اپ ڈیٹ کی جا رہی ہیں۔ اس علاج کے بارے میں براہ کرم عملے کے کسی رکن سے پوچھیں۔
content-ready = علاج کے بارے میں نیا مواد تیار ہے۔ یہ دوبارہ شروع کرنے کے بعد دکھایا جائے گا، یا ابھی۔
content-ready-use = نیا مواد ابھی دکھائیں
reviews-overdue = ان علاجوں پر معالج کے جائزے کی مدت ختم ہو چکی ہے۔ جب تک کوئی معالج دوبارہ جائزہ نہ لے، انتظار گاہ کی اسکرین پر ان کی جگہ "یہ معلومات اپ ڈیٹ کی جا رہی ہیں" دکھایا جائے گا:
update-installed = مواد کا ورژن { $version } ({ $channel })، جائزے کی آخری تاریخ { $date }۔
update-builtin = کوئی دستخط شدہ مواد انسٹال نہیں: ایپ کا اپنا مواد دکھایا جا رہا ہے۔
update-checked = آخری کامیاب جانچ: { $time }۔
update-never-checked = ابھی تک کوئی کامیاب جانچ نہیں ہوئی۔
update-last-error = آخری خرابی:
origin-original = اصل تحریر، ورژن { $version }۔
origin-translated = { $language } سے ترجمہ، ورژن { $version }۔
lang-en = انگریزی
lang-ar = عربی
lang-bn = بنگالی
lang-ja = جاپانی
lang-ur = اردو
section-what-it-is = یہ کیا ہے
section-how-it-works = یہ کیسے کام کرتا ہے
section-used-for = یہ کس لیے استعمال ہوتا ہے
section-what-to-expect = کیا توقع رکھیں
section-side-effects = مضر اثرات
section-aftercare = علاج کے بعد دیکھ بھال
section-evidence = ثبوت اور منظوری
section-who-should-not = کن لوگوں کو یہ نہیں کروانا چاہیے
section-questions = اپنے معالج سے پوچھنے کے سوالات
section-sources = ذرائع
side-effects-common = عام
side-effects-rare = نایاب
side-effects-serious = سنگین
side-effects-urgent = فوری مدد لیں اگر
timeline-title = علاج کا دورانیہ
timeline-sessions = { $max ->
    [one] { $range } سیشن
   *[other] { $range } سیشن
}
timeline-sessions-ongoing = { $max ->
    [one] علاج جاری رہتا ہے؛ { $range } سیشن کے بعد جائزہ
   *[other] علاج جاری رہتا ہے؛ { $range } سیشنز کے بعد جائزہ
}
timeline-interval = ہر { $duration } بعد
timeline-results = نتائج { $duration } بعد نظر آ سکتے ہیں
timeline-lasts = اثر { $duration } تک رہ سکتا ہے
timeline-downtime = آرام کی مدت: { $duration }
timeline-no-downtime = آرام کی مدت کی ضرورت متوقع نہیں
duration-days = { $max ->
    [one] { $range } دن
   *[other] { $range } دن
}
duration-weeks = { $max ->
    [one] { $range } ہفتے
   *[other] { $range } ہفتے
}
duration-months = { $max ->
    [one] { $range } مہینے
   *[other] { $range } مہینے
}
certainty-attributed = کسی کلینک یا مضمون کے مطابق، تصدیق شدہ نہیں
certainty-varies = مختلف: کوئی طے شدہ معیار نہیں
timeline-none = ذرائع اس علاج کا کوئی طے شدہ کورس نہیں بتاتے۔
grade-reg = نگران ادارہ یا دوا کا لیبل
grade-pro = پیشہ ور ماہرین کا ادارہ یا رہنما اصول
grade-pr = ماہرین کی جانچی ہوئی تحقیق
grade-low = کلینک، بیچنے والا یا خبر (احتیاط سے دیکھیں)
grade-unsourced = صرف اصل مضمون (تصدیق شدہ نہیں)
source-no-address = کوئی عوامی ویب پتا نہیں
content-errors-title = مواد کے فولڈر میں غلطیاں ہیں، اس لیے پہلے سے شامل مواد دکھایا جا رہا ہے۔ انہیں ٹھیک کر کے دوبارہ شروع کریں:
with-note = { $text } ({ $note })
reason-not-sure = آپ کو اس سوال کے بارے میں یقین نہیں تھا: { $question }
menu-screening = موزونیت کے سوالات
menu-compare = موازنہ
compare-title = علاج کا موازنہ
compare-pick = دو یا تین علاج چنیں تاکہ انہیں ساتھ ساتھ دیکھ سکیں۔
compare-choose = موازنہ: { $treatment }
compare-what-it-is = یہ کیا ہے
compare-sessions = سیشنز کی تعداد
compare-interval = سیشنز کے درمیان وقفہ
compare-results = نتائج کب نظر آ سکتے ہیں
compare-lasts = نتائج کتنی دیر رہتے ہیں
compare-downtime = آرام کی مدت
compare-common = عام مضر اثرات
compare-serious = سنگین خطرات
compare-regulatory = نگران اداروں نے کیا منظور کیا ہے
compare-evidence = ثبوت کتنے مضبوط ہیں
compare-who-should-not = کن لوگوں کو یہ نہیں کروانا چاہیے
compare-no-figure = ہمارے ذرائع کوئی شرح نہیں بتاتے۔
compare-review = معالج کا جائزہ
clinical-review-open = اس تحریر کا معالج کا جائزہ
clinical-review-title = معالج کا جائزہ: { $treatment }
clinical-review-intro = ہر پیراگراف، فہرست کا ہر نکتہ اور موازنے کا ہر خانہ، ان ذرائع کے ساتھ جن کا وہ حوالہ دیتا ہے۔ دستخط سے پہلے ہر ایک کو اس کے ذرائع کے ساتھ ملا کر پڑھیں۔
clinical-review-changed-count = آخری جائزے کے بعد بدلے ہوئے پیراگراف: { $range }
clinical-review-no-paragraphs = پچھلے جائزے میں پیراگراف الگ الگ محفوظ نہیں کیے گئے، اس لیے تبدیلیاں ایک ایک کر کے نہیں دکھائی جا سکتیں: سب پڑھیں۔
clinical-review-changed-mark = آخری جائزے کے بعد بدلا ہے
clinical-review-not-kept = آخری جائزے کے بعد بدلا ہے؛ جائزے کے وقت کا متن محفوظ نہیں کیا گیا
clinical-review-as-reviewed = جائزے کے وقت کا متن:
clinical-review-new-mark = آخری جائزے کے بعد نیا
clinical-review-removed-mark = آخری جائزے کے بعد ہٹایا گیا
clinical-review-removed-not-kept = آخری جائزے کے بعد ہٹایا گیا؛ اس کا متن محفوظ نہیں کیا گیا
clinical-review-no-source = کسی ذریعے کا حوالہ نہیں: اس میں کوئی حقیقت بیان نہیں ہونی چاہیے، یا بتانا چاہیے کہ دعویٰ کس کا ہے۔
clinical-review-sign-title = دستخط
clinical-review-name = نام
clinical-review-role = عہدہ
clinical-review-registration = رجسٹریشن نمبر
clinical-review-date = جائزے کی تاریخ (YYYY-MM-DD)
clinical-review-need-name = جائزہ لینے والے کا نام اور عہدہ لکھیں۔
clinical-review-need-registration = جائزہ لینے والے کا رجسٹریشن نمبر لکھیں۔
clinical-review-need-date = تاریخ YYYY-MM-DD کی شکل میں لکھیں، آج کی یا اس سے پہلے کی۔
clinical-review-folder = جائزہ { $path }/reviews.ron میں لکھا جائے گا۔
clinical-review-no-folder = کلینک کا کوئی فولڈر کھلا نہیں، اس لیے جائزہ محفوظ نہیں ہو سکتا۔ ایپ کو --content DIR کے ساتھ چلائیں۔
clinical-review-sign = اس تحریر پر دستخط کریں
clinical-review-recorded = جائزہ یہاں محفوظ ہو گیا: { $path }
clinical-review-not-recorded = جائزہ محفوظ نہیں ہوا: { $error }
screening-pick-title = آپ کن علاجوں میں دلچسپی رکھتے ہیں؟
screening-pick-intro = ایک یا زیادہ چنیں۔ پھر آپ ہاں یا نہیں والے کچھ سوالوں کے جواب دیں گے، ایک وقت میں ایک سوال۔
screening-start = سوالات شروع کریں
screening-from-topic = اس علاج کے سوالات کے جواب دیں
question-progress = { $total } میں سے سوال { $n }
questions-left = { $max ->
    [0] کوئی سوال باقی نہیں
    [one] { $range } سوال باقی ہے
   *[other] { $range } سوال باقی ہیں
}
answer-yes = ہاں
answer-no = نہیں
answer-not-sure = یقین نہیں
review-title = اپنے جوابات دیکھ لیں
review-intro = نتیجہ دیکھنے سے پہلے آپ کوئی بھی جواب بدل سکتے ہیں۔
review-change = بدلیں
not-answered = جواب نہیں دیا گیا
see-result = نتیجہ دیکھیں
result-title = آپ کا نتیجہ
verdict-do-not-treat = آج کے لیے موزوں نہیں
verdict-discuss = اپنے معالج سے بات کریں
verdict-no-concerns = آپ کے جوابات میں تشویش کی کوئی بات نہیں ملی
result-note = یہ کوئی طبی فیصلہ نہیں ہے۔ کسی بھی علاج سے پہلے آپ کے معالج آپ کے ساتھ آپ کے جوابات دیکھیں گے۔
result-unanswered = { $max ->
    [one] { $range } سوال کا جواب نہیں دیا گیا۔
   *[other] { $range } سوالوں کے جواب نہیں دیے گئے۔
}
answers-given = دیے گئے جوابات
start-again = دوبارہ شروع کریں
back-to-answers = جوابات پر واپس جائیں
tap-to-start = شروع کرنے کے لیے چھوئیں
choose-language = اپنی زبان چنیں
still-there-title = کیا آپ ابھی یہیں ہیں؟
still-there-body = { $max ->
    [one] آپ کے جوابات کو راز میں رکھنے کے لیے یہ اسکرین { $range } سیکنڈ میں دوبارہ شروع ہو جائے گی۔
   *[other] آپ کے جوابات کو راز میں رکھنے کے لیے یہ اسکرین { $range } سیکنڈ میں دوبارہ شروع ہو جائے گی۔
}
continue = جاری رکھیں
finish = ختم کریں
pin-title = عملے کا پن کوڈ
pin-ok = ٹھیک ہے
pin-cancel = منسوخ کریں
pin-delete = مٹائیں
pin-wrong = { $max ->
    [one] غلط پن کوڈ۔ { $range } کوشش باقی ہے۔
   *[other] غلط پن کوڈ۔ { $range } کوششیں باقی ہیں۔
}
pin-locked = { $max ->
    [one] بہت بار غلط پن کوڈ درج ہوا۔ { $range } سیکنڈ بعد دوبارہ کوشش کریں۔
   *[other] بہت بار غلط پن کوڈ درج ہوا۔ { $range } سیکنڈ بعد دوبارہ کوشش کریں۔
}
staff-menu-title = عملے کا مینو
leave-kiosk = کیوسک سے باہر نکلیں
staff-mode = عملے کے موڈ میں جائیں
patient-summary = اس مریض کا خلاصہ دکھائیں

handout = معلوماتی پرچہ
handout-sections = حصے
handout-paper = کاغذ کا سائز
paper-a4 = A4
paper-letter = امریکی کاغذ (Letter)
handout-save = PDF کے طور پر محفوظ کریں
handout-print = پرنٹ کریں
handout-close = بند کریں
handout-saved = محفوظ ہو گیا: { $path }
handout-printing = پرنٹر کو بھیجا جا رہا ہے…
handout-print-sent = پرنٹر کو بھیج دیا گیا۔
handout-no-printer = اس کمپیوٹر پر کوئی پرنٹر سیٹ نہیں، اس لیے پرچہ پرنٹ نہیں ہوا۔
handout-no-dialog = اس کمپیوٹر میں محفوظ کرنے کی کھڑکی نہیں ہے (اس کے لیے xdg-desktop-portal یا zenity چاہیے)۔ پرچہ محفوظ نہیں ہوا۔
handout-failed = پرچہ نہ بن سکا یا محفوظ نہ ہو سکا: { $error }
handout-no-sections = کم از کم ایک حصہ چنیں۔
handout-printed = { $date } کو پرنٹ کیا گیا
handout-footer = یہ علاج کے بارے میں عام معلومات ہیں، آپ کے اپنے معاملے کے لیے مشورہ نہیں۔ اپنے معالج سے پوچھیں کہ آپ پر کیا لاگو ہوتا ہے۔
handout-page = { $pages } میں سے صفحہ { $page }
listen = سنیں
listen-pause = وقفہ
listen-resume = جاری رکھیں
listen-stop = بند کریں
listen-repeat = دوبارہ سنیں
listen-quieter = آواز کم کریں
listen-louder = آواز بڑھائیں

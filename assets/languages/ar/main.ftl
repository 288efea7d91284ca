# UI strings, Arabic.
app-title = دليل العلاجات
language-label = اللغة
menu-scripts = أنظمة الكتابة
scripts-intro = تعرض هذه الصفحة نصًا تجريبيًا باللغة المختارة، لتتأكد من أن كل كتابة تظهر بشكل صحيح قبل عرضها على المريض.
menu-topics = العلاجات
home-title = العلاجات
home-intro = اختر علاجًا لتقرأ ما هو، وماذا تتوقع، ومن لا ينبغي أن يخضع له.
back = رجوع
side-by-side = جنبًا إلى جنب
single-view = لغة واحدة
staff-language = لغة الفريق الطبي
not-reviewed = لم يراجع أي طبيب هذا النص بعد. استشر طبيبك قبل أن تقرر.
reviewed-by = راجعه { $reviewer } بتاريخ { $date }.
review-changed = تغيّر هذا النص بعد أن راجعه { $reviewer } بتاريخ { $date }. استشر طبيبك قبل أن تقرر.
review-overdue = راجع { $reviewer } هذا النص بتاريخ { $date }، وقد حان موعد مراجعته من جديد. استشر طبيبك قبل أن تقرر.
topic-being-updated = يجري تحديث هذه المعلومات. يُرجى سؤال أحد الموظفين عن هذا العلاج.
content-ready = محتوى جديد عن العلاجات جاهز. يظهر بعد إعادة التشغيل، أو الآن.
content-ready-use = اعرض المحتوى الجديد الآن
reviews-overdue = انتهت مدة مراجعة الطبيب لهذه العلاجات. وإلى أن يراجعها طبيب من جديد، تعرض شاشة غرفة الانتظار بدلًا منها عبارة «يجري تحديث هذه المعلومات»:
update-installed = إصدار المحتوى { $version } ({ $channel })، المراجعة قبل { $date }.
update-builtin = لا يوجد محتوى موقّع مثبّت: يظهر المحتوى المدمج في التطبيق.
update-checked = آخر فحص ناجح: { $time }.
update-never-checked = لم يتم أي فحص ناجح بعد.
update-last-error = آخر خطأ:
origin-original = نص أصلي، الإصدار { $version }.
origin-translated = مترجم من { $language }، الإصدار { $version }.
lang-en = الإنجليزية
lang-ar = العربية
lang-bn = البنغالية
lang-ja = اليابانية
lang-ur = الأردية
section-what-it-is = ما هو
section-how-it-works = كيف يعمل
section-used-for = فيمَ يُستخدم
section-what-to-expect = ماذا تتوقع
section-side-effects = الآثار الجانبية
section-aftercare = العناية بعد العلاج
section-evidence = الأدلة والموافقات
section-who-should-not = من لا ينبغي أن يخضع له
section-questions = أسئلة تطرحها على طبيبك
section-sources = المصادر
side-effects-common = شائعة
side-effects-rare = نادرة
side-effects-serious = خطيرة
side-effects-urgent = اطلب المساعدة العاجلة إذا
timeline-title = الجدول الزمني
timeline-sessions = { $max ->
    [one] جلسة واحدة
    [two] { $min ->
        [2] جلستان
       *[other] { $range } جلسات
    }
    [few] { $range } جلسات
   *[other] { $range } جلسة
}
timeline-sessions-ongoing = علاج مستمر، ويُراجَع بعد الجلسة رقم { $range }
timeline-interval = كل { $duration }
timeline-results = قد تظهر النتائج بعد { $duration }
timeline-lasts = قد يستمر الأثر { $duration }
timeline-downtime = فترة التعافي: { $duration }
timeline-no-downtime = لا يُتوقع وقت للتعافي
duration-days = { $max ->
    [one] يوم واحد
    [two] { $min ->
        [2] يومين
       *[other] { $range } أيام
    }
    [few] { $range } أيام
    [many] { $range } يومًا
   *[other] { $range } يوم
}
duration-weeks = { $max ->
    [one] أسبوع
    [two] { $min ->
        [2] أسبوعين
       *[other] { $range } أسابيع
    }
    [few] { $range } أسابيع
    [many] { $range } أسبوعًا
   *[other] { $range } أسبوع
}
duration-months = { $max ->
    [one] شهر
    [two] { $min ->
        [2] شهرين
       *[other] { $range } أشهر
    }
    [few] { $range } أشهر
    [many] { $range } شهرًا
   *[other] { $range } شهر
}
certainty-attributed = بحسب عيادة أو مقال، ولم يتأكد ذلك
certainty-varies = يختلف: لا يوجد معيار ثابت
timeline-none = لا تذكر المصادر مسارًا ثابتًا لهذا العلاج.
grade-reg = جهة تنظيمية أو نشرة الدواء
grade-pro = هيئة مهنية أو دليل إرشادي
grade-pr = دراسة محكّمة
grade-low = عيادة أو شركة أو خبر (بحذر)
grade-unsourced = مقال المصدر فقط (غير مؤكد)
source-no-address = لا يوجد عنوان عام
content-errors-title = في مجلد المحتوى أخطاء، لذلك يُعرض المحتوى المدمج. أصلح ما يلي ثم أعد التشغيل:
with-note = { $text } ({ $note })
reason-not-sure = لم تكن متأكدًا من إجابة هذا السؤال: { $question }
menu-screening = أسئلة الملاءمة
menu-compare = المقارنة
compare-title = مقارنة العلاجات
compare-pick = اختر علاجين أو ثلاثة لتراها جنبًا إلى جنب.
compare-choose = المقارنة: { $treatment }
compare-what-it-is = ما هو
compare-sessions = عدد الجلسات
compare-interval = المدة بين الجلسات
compare-results = متى قد تظهر النتائج
compare-lasts = كم تدوم النتائج
compare-downtime = فترة التعافي
compare-common = الآثار الجانبية الشائعة
compare-serious = المخاطر الخطيرة
compare-regulatory = ما وافقت عليه الجهات التنظيمية
compare-evidence = قوة الأدلة
compare-who-should-not = من لا ينبغي أن يخضع له
compare-no-figure = لا تذكر مصادرنا رقمًا.
compare-review = المراجعة الطبية
clinical-review-open = المراجعة الطبية لهذا النص
clinical-review-title = المراجعة الطبية: { $treatment }
clinical-review-intro = كل فقرة وكل بند وكل خانة مقارنة، مع المصادر التي تستشهد بها. اقرأ كلًّا منها مقابل مصادره قبل أن توقّع.
clinical-review-changed-count = عدد الفقرات التي تغيّرت منذ آخر مراجعة: { $range }
clinical-review-no-paragraphs = لم تسجّل المراجعة السابقة فقراتها، فلا يمكن عرض التغييرات فقرةً فقرة: اقرأها كلها.
clinical-review-changed-mark = تغيّرت منذ آخر مراجعة
clinical-review-not-kept = تغيّرت منذ آخر مراجعة، ولم يُحفظ النص كما رُوجع
clinical-review-as-reviewed = النص كما رُوجع:
clinical-review-new-mark = جديدة منذ آخر مراجعة
clinical-review-removed-mark = حُذفت منذ آخر مراجعة
clinical-review-removed-not-kept = حُذفت منذ آخر مراجعة، ولم يُحفظ نصها
clinical-review-no-source = لا تستشهد بأي مصدر: ينبغي ألّا تذكر حقيقة، أو أن تنسب القول إلى صاحبه.
clinical-review-sign-title = التوقيع
clinical-review-name = الاسم
clinical-review-role = الصفة المهنية
clinical-review-registration = رقم التسجيل المهني
clinical-review-date = تاريخ المراجعة (YYYY-MM-DD)
clinical-review-need-name = اكتب اسم المراجِع وصفته المهنية.
clinical-review-need-registration = اكتب رقم التسجيل المهني للمراجِع.
clinical-review-need-date = اكتب التاريخ بالصيغة YYYY-MM-DD، اليوم أو قبله.
clinical-review-folder = ستُسجَّل المراجعة في { $path }/reviews.ron.
clinical-review-no-folder = لا يوجد مجلد عيادة مفتوح، فلا يمكن تسجيل المراجعة. شغّل التطبيق مع --content DIR.
clinical-review-sign = وقّع على هذا النص
clinical-review-recorded = سُجّلت المراجعة في { $path }.
clinical-review-not-recorded = لم تُسجَّل المراجعة: { $error }
screening-pick-title = ما العلاجات التي تهمك؟
screening-pick-intro = اختر علاجًا واحدًا أو أكثر. بعد ذلك ستجيب عن بعض الأسئلة بنعم أو لا، سؤالًا بعد سؤال.
screening-start = ابدأ الأسئلة
screening-from-topic = أجب عن الأسئلة الخاصة بهذا العلاج
question-progress = السؤال { $n } من { $total }
questions-left = { $max ->
    [0] لم تبقَ أسئلة
    [one] بقي سؤال واحد
    [two] { $min ->
        [2] بقي سؤالان
       *[other] بقيت { $range } أسئلة
    }
    [few] بقيت { $range } أسئلة
    [many] بقي { $range } سؤالًا
   *[other] بقي { $range } سؤال
}
answer-yes = نعم
answer-no = لا
answer-not-sure = لست متأكدًا
review-title = راجع إجاباتك
review-intro = يمكنك تغيير أي إجابة قبل أن ترى النتيجة.
review-change = تغيير
not-answered = لم تتم الإجابة
see-result = اعرض النتيجة
result-title = نتيجتك
verdict-do-not-treat = غير مناسب اليوم
verdict-discuss = ناقش الأمر مع طبيبك
verdict-no-concerns = لم نجد ما يدعو للقلق في إجاباتك
result-note = هذه ليست قرارًا طبيًا. سيراجع طبيبك إجاباتك معك قبل أي علاج.
result-unanswered = { $max ->
    [one] بقي سؤال واحد دون إجابة.
    [two] { $min ->
        [2] بقي سؤالان دون إجابة.
       *[other] بقيت { $range } أسئلة دون إجابة.
    }
    [few] بقيت { $range } أسئلة دون إجابة.
    [many] بقي { $range } سؤالًا دون إجابة.
   *[other] بقي { $range } سؤال دون إجابة.
}
answers-given = الإجابات
start-again = ابدأ من جديد
back-to-answers = العودة إلى الإجابات
tap-to-start = المس الشاشة للبدء
choose-language = اختر لغتك
still-there-title = هل ما زلت هنا؟
still-there-body = { $max ->
    [one] حفاظًا على خصوصية إجاباتك، ستبدأ هذه الشاشة من جديد بعد ثانية واحدة.
    [two] { $min ->
        [2] حفاظًا على خصوصية إجاباتك، ستبدأ هذه الشاشة من جديد بعد ثانيتين.
       *[other] حفاظًا على خصوصية إجاباتك، ستبدأ هذه الشاشة من جديد بعد { $range } ثوانٍ.
    }
    [few] حفاظًا على خصوصية إجاباتك، ستبدأ هذه الشاشة من جديد بعد { $range } ثوانٍ.
    [many] حفاظًا على خصوصية إجاباتك، ستبدأ هذه الشاشة من جديد بعد { $range } ثانية.
   *[other] حفاظًا على خصوصية إجاباتك، ستبدأ هذه الشاشة من جديد بعد { $range } ثانية.
}
continue = متابعة
finish = إنهاء
pin-title = الرقم السري للفريق الطبي
pin-ok = موافق
pin-cancel = إلغاء
pin-delete = حذف
pin-wrong = { $max ->
    [one] رقم سري خاطئ. بقيت محاولة واحدة.
    [two] { $min ->
        [2] رقم سري خاطئ. بقيت محاولتان.
       *[other] رقم سري خاطئ. بقيت { $range } محاولات.
    }
    [few] رقم سري خاطئ. بقيت { $range } محاولات.
   *[other] رقم سري خاطئ. بقيت { $range } محاولة.
}
pin-locked = { $max ->
    [one] أُدخل رقم سري خاطئ مرات كثيرة. حاول مرة أخرى بعد ثانية واحدة.
    [two] { $min ->
        [2] أُدخل رقم سري خاطئ مرات كثيرة. حاول مرة أخرى بعد ثانيتين.
       *[other] أُدخل رقم سري خاطئ مرات كثيرة. حاول مرة أخرى بعد { $range } ثوانٍ.
    }
    [few] أُدخل رقم سري خاطئ مرات كثيرة. حاول مرة أخرى بعد { $range } ثوانٍ.
   *[other] أُدخل رقم سري خاطئ مرات كثيرة. حاول مرة أخرى بعد { $range } ثانية.
}
staff-menu-title = قائمة الفريق الطبي
leave-kiosk = الخروج من وضع الكشك
staff-mode = التحويل إلى وضع الفريق الطبي
patient-summary = عرض ملخص هذا المريض

handout = نشرة مطبوعة
handout-sections = الأقسام
handout-paper = مقاس الورق
paper-a4 = A4
paper-letter = الورق الأمريكي (Letter)
handout-save = حفظ بصيغة PDF
handout-print = طباعة
handout-close = إغلاق
handout-saved = حُفظت النشرة: { $path }
handout-printing = جارٍ الإرسال إلى الطابعة…
handout-print-sent = أُرسلت النشرة إلى الطابعة.
handout-no-printer = لا توجد طابعة مُعدّة على هذا الجهاز، لذلك لم تُطبع النشرة.
handout-no-dialog = لا توجد نافذة حفظ على هذا الجهاز (تحتاج إلى xdg-desktop-portal أو zenity)، لذلك لم تُحفظ النشرة.
handout-failed = تعذّر إعداد النشرة أو حفظها: { $error }
handout-no-sections = اختر قسمًا واحدًا على الأقل.
handout-printed = طُبعت في { $date }
handout-footer = هذه معلومات عامة عن العلاج، وليست نصيحة لحالتك أنت. اسأل طبيبك عمّا ينطبق عليك.
handout-page = صفحة { $page } من { $pages }
listen = استمع
listen-pause = إيقاف مؤقت
listen-resume = متابعة
listen-stop = إيقاف
listen-repeat = أعِد
listen-quieter = صوت أخفض
listen-louder = صوت أعلى

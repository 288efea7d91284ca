# UI strings, Arabic.
app-title = دليل العلاجات
language-label = اللغة
menu-scripts = أنظمة الكتابة
scripts-intro = تعرض هذه الصفحة نصًا تجريبيًا باللغة المختارة، لتتأكد من أن كل كتابة تظهر بشكل صحيح قبل عرضها على المريض.

# UI strings, Japanese.
app-title = 治療ガイド
language-label = 言語
menu-scripts = 文字表示
scripts-intro = このページでは、選んだ言語の見本の文章を表示します。患者さんに見せる前に、文字が正しく表示されているか確かめられます。

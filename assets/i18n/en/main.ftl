# UI strings, English.
app-title = Treatment guide
language-label = Language
menu-scripts = Scripts
scripts-intro = This page shows sample text in the chosen language, so you can check that every script is drawn correctly before showing it to a patient.

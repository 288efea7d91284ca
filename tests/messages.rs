//! Every Fluent message id the code names (`i18n::msg`) exists in all four `.ftl`
//! files showing the same variables, every message in the files has a constant, and
//! every constant is used somewhere in `src/`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use clinic_edu::Language;
use clinic_edu::i18n::msg;
use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

fn variables_of_pattern(pattern: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            variables_of_expression(expression, out);
        }
    }
}

fn variables_of_expression(expression: &Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        // A selector only picks a plural form, which languages need differently
        // (Arabic looks at `min` for its dual): only what is shown must agree.
        Expression::Select { variants, .. } => {
            for variant in variants {
                variables_of_pattern(&variant.value, out);
            }
        }
        Expression::Inline(inline) => variables_of_inline(inline, out),
    }
}

fn variables_of_inline(inline: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_owned());
        }
        InlineExpression::Placeable { expression } => variables_of_expression(expression, out),
        InlineExpression::FunctionReference { arguments, .. } => {
            for arg in &arguments.positional {
                variables_of_inline(arg, out);
            }
        }
        _ => {}
    }
}

/// Message id → its variables, for one language's file.
fn messages(lang: Language) -> BTreeMap<String, BTreeSet<String>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets/i18n")
        .join(lang.code())
        .join("main.ftl");
    let source = std::fs::read_to_string(&path).unwrap();
    let resource = fluent_syntax::parser::parse(source.as_str())
        .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", path.display()));
    let mut out = BTreeMap::new();
    for entry in resource.body {
        if let Entry::Message(message) = entry {
            let mut vars = BTreeSet::new();
            if let Some(value) = &message.value {
                variables_of_pattern(value, &mut vars);
            }
            out.insert(message.id.name.to_owned(), vars);
        }
    }
    out
}

#[test]
fn every_constant_exists_in_every_language_showing_the_same_variables() {
    let english = messages(Language::English);
    let constants: BTreeSet<&str> = msg::ALL.iter().copied().collect();
    assert_eq!(constants.len(), msg::ALL.len(), "an id has two constants");
    let files: BTreeSet<&str> = english.keys().map(String::as_str).collect();
    let missing: Vec<_> = constants.difference(&files).collect();
    let unnamed: Vec<_> = files.difference(&constants).collect();
    assert!(missing.is_empty(), "constants with no message: {missing:?}");
    assert!(unnamed.is_empty(), "messages with no constant: {unnamed:?}");
    for lang in Language::ALL {
        let theirs = messages(lang);
        for (id, vars) in &english {
            let other = theirs
                .get(id)
                .unwrap_or_else(|| panic!("{lang} has no message {id}"));
            assert_eq!(
                other, vars,
                "{lang}: {id} shows other variables than English"
            );
        }
        assert_eq!(
            theirs.len(),
            english.len(),
            "{lang} has messages English lacks"
        );
    }
}

/// Whether `code` names the message `name` (its constant) with id `id`: as
/// `msg::NAME` (not a longer name that starts with it: `msg::HANDOUT` is not used by
/// `msg::HANDOUT_SAVE`), or its id as a whole string literal (`"handout"`, not
/// `"handout-save"`). `inside_msg` is the code of src/i18n/msg.rs outside the list
/// of constants, where a constant is named bare (`LANG_EN` in `msg::language`).
fn is_used(code: &str, inside_msg: &str, name: &str, id: &str) -> bool {
    fn whole_word(haystack: &str, word: &str) -> bool {
        let ident = |c: char| c.is_alphanumeric() || c == '_';
        haystack.match_indices(word).any(|(at, _)| {
            let before = haystack[..at].chars().next_back();
            let after = haystack[at + word.len()..].chars().next();
            // Neither runs on into a longer name on either side.
            !(before.is_some_and(ident) || after.is_some_and(ident))
        })
    }
    whole_word(code, &format!("msg::{name}"))
        || code.contains(&format!("\"{id}\""))
        || whole_word(inside_msg, name)
}

#[test]
fn the_usage_check_matches_whole_ids_only() {
    let none = "";
    assert!(is_used(
        "strings.get(lang, msg::HANDOUT);",
        none,
        "HANDOUT",
        "handout"
    ));
    assert!(is_used(
        "use crate::i18n::msg::HANDOUT}",
        none,
        "HANDOUT",
        "handout"
    ));
    assert!(!is_used("msg::HANDOUT_SAVE", none, "HANDOUT", "handout"));
    assert!(!is_used("xmsg::HANDOUT", none, "HANDOUT", "handout"));
    assert!(is_used(
        "get(lang, \"handout\")",
        none,
        "HANDOUT",
        "handout"
    ));
    assert!(!is_used(
        "get(lang, \"handout-save\")",
        none,
        "HANDOUT",
        "handout"
    ));
    assert!(!is_used(
        "get(lang, \"my-handout\")",
        none,
        "HANDOUT",
        "handout"
    ));
    assert!(is_used(
        none,
        "Language::English => LANG_EN,",
        "LANG_EN",
        "lang-en"
    ));
    assert!(!is_used(none, "LANG_ENGLISH", "LANG_EN", "lang-en"));
}

#[test]
fn every_constant_is_used_in_the_code() {
    fn sources(dir: &Path, out: &mut String, msg_file: &mut String) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                sources(&path, out, msg_file);
            } else if path.ends_with("i18n/msg.rs") {
                *msg_file = std::fs::read_to_string(&path).unwrap();
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push_str(&std::fs::read_to_string(&path).unwrap());
                out.push('\n');
            }
        }
    }
    let (mut code, mut msg_file) = (String::new(), String::new());
    sources(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut code,
        &mut msg_file,
    );
    // msg.rs without its list of constants (`messages! { ... }`), which names them all.
    let list = msg_file
        .find("messages! {")
        .expect("src/i18n/msg.rs lists its messages in `messages! { ... }`");
    let end = list
        + msg_file[list..]
            .find("\n}")
            .expect("the list ends with `}`");
    let inside_msg = format!("{}{}", &msg_file[..list], &msg_file[end..]);
    assert_eq!(msg::NAMES.len(), msg::ALL.len());
    let unused: Vec<&&str> = msg::NAMES
        .iter()
        .zip(msg::ALL)
        .filter(|(name, id)| !is_used(&code, &inside_msg, name, id))
        .map(|(name, _)| name)
        .collect();
    assert!(
        unused.is_empty(),
        "messages the code never shows: {unused:?}"
    );
}

//! Reading a Rust file the way `tests/structure.rs` needs it: comments and string
//! literals stripped, then every `crate::`, `super::`, `self::` (and, in the binary,
//! `clinic_edu::`) path it names, in `use` trees and in expressions, with where it
//! stands; the `mod` declarations (with `#[path]`); and the names its `use` items bind.

/// One token of the stripped source, with its 1-based line and column.
#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    Ident(String),
    /// `::`
    Sep,
    /// A string literal's contents (only `#[path = "…"]` reads it).
    Str(String),
    Punct(char),
}

#[derive(Clone, Debug)]
pub struct Token {
    pub tok: Tok,
    pub line: usize,
    pub col: usize,
}

/// Splits `text` into tokens, dropping comments (line, doc and nested block ones),
/// and keeping string and char literals as single tokens, so that nothing inside
/// them reads as a path.
pub fn tokens(text: &str) -> Vec<Token> {
    let chars: Vec<char> = text.chars().collect();
    let (mut i, mut line, mut line_start) = (0, 1, 0);
    let mut out = Vec::new();
    // Advances over chars[from..to], counting lines.
    let advance = |from: usize, to: usize, line: &mut usize, line_start: &mut usize| {
        for (k, c) in chars.iter().enumerate().take(to).skip(from) {
            if *c == '\n' {
                *line += 1;
                *line_start = k + 1;
            }
        }
    };
    while i < chars.len() {
        let c = chars[i];
        let at = |k: usize| chars.get(k).copied().unwrap_or('\0');
        let start = i;
        let (l, col) = (line, i - line_start + 1);
        let push = |out: &mut Vec<Token>, tok| out.push(Token { tok, line: l, col });
        if c.is_whitespace() {
            i += 1;
        } else if c == '/' && at(i + 1) == '/' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && at(i + 1) == '*' {
            let mut depth = 0;
            while i < chars.len() {
                if at(i) == '/' && at(i + 1) == '*' {
                    depth += 1;
                    i += 2;
                } else if at(i) == '*' && at(i + 1) == '/' {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
        } else if let Some((body, end)) = string_literal(&chars, i) {
            push(&mut out, Tok::Str(body));
            i = end;
        } else if c == '\'' {
            // A char literal ('a', '\n', '\u{41}') or a lifetime ('a).
            if at(i + 1) == '\\' {
                i += 2;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if at(i + 2) == '\'' {
                i += 3;
            } else {
                i += 1;
                while at(i).is_alphanumeric() || at(i) == '_' {
                    i += 1;
                }
            }
        } else if c.is_alphabetic() || c == '_' {
            if c == 'r' && at(i + 1) == '#' {
                i += 2; // a raw identifier: r#type
            }
            let from = i;
            while at(i).is_alphanumeric() || at(i) == '_' {
                i += 1;
            }
            push(&mut out, Tok::Ident(chars[from..i].iter().collect()));
        } else if c.is_ascii_digit() {
            while at(i).is_alphanumeric() || at(i) == '_' || at(i) == '.' && at(i + 1) != '.' {
                i += 1;
            }
        } else if c == ':' && at(i + 1) == ':' {
            push(&mut out, Tok::Sep);
            i += 2;
        } else {
            push(&mut out, Tok::Punct(c));
            i += 1;
        }
        advance(start, i, &mut line, &mut line_start);
    }
    out
}

/// The string literal starting at `chars[i]` ("…", r#"…"#, b"…", br"…", c"…"): its
/// contents and the index after it.
fn string_literal(chars: &[char], i: usize) -> Option<(String, usize)> {
    let at = |k: usize| chars.get(k).copied().unwrap_or('\0');
    let mut k = i;
    if matches!(at(k), 'b' | 'c') {
        k += 1;
    }
    let raw = at(k) == 'r';
    if raw {
        k += 1;
    }
    let mut hashes = 0;
    while raw && at(k) == '#' {
        hashes += 1;
        k += 1;
    }
    if at(k) != '"' {
        return None;
    }
    k += 1;
    let from = k;
    loop {
        match at(k) {
            '\0' => return Some((chars[from..].iter().collect(), chars.len())),
            '\\' if !raw => k += 2,
            '"' if (1..=hashes).all(|h| at(k + h) == '#') => {
                return Some((chars[from..k].iter().collect(), k + 1 + hashes));
            }
            _ => k += 1,
        }
    }
}

/// A path a file names: its segments from the first (`crate`, `super`, `self`,
/// `clinic_edu`, or a plain name in a `use` item), the inline modules (`mod tests
/// { … }`) it stands in, and where it starts.
#[derive(Clone, Debug, PartialEq)]
pub struct NamedPath {
    pub segments: Vec<String>,
    pub scope: Vec<String>,
    pub line: usize,
    pub col: usize,
    /// In a `use` item: the name the path binds (`as` or its last segment); `None`
    /// for `*`, `_` and paths in expressions.
    pub binds: Option<String>,
}

/// A `mod name;` declaration: the name, its `#[path]` if any, and where it stands.
#[derive(Clone, Debug, PartialEq)]
pub struct ModDecl {
    pub name: String,
    pub path: Option<String>,
    pub scope: Vec<String>,
}

/// What a file names and declares.
#[derive(Debug, Default)]
pub struct FileItems {
    pub paths: Vec<NamedPath>,
    pub mods: Vec<ModDecl>,
    /// Every inline module (`mod tests { … }`), as its scope inside the file.
    pub inline: Vec<Vec<String>>,
}

/// The first segments that start a path `paths` keeps outside `use` items.
const ROOTS: [&str; 4] = ["crate", "super", "self", "clinic_edu"];

/// Reads `text`: every path that starts at one of [`ROOTS`] (or any path in a `use`
/// item), grouped `use` trees expanded, and every `mod` declaration.
pub fn items(text: &str) -> FileItems {
    let toks = tokens(text);
    let mut out = FileItems::default();
    let mut scope: Vec<(String, usize)> = Vec::new();
    let mut depth = 0usize;
    let mut pending_path: Option<String> = None;
    let ident = |k: usize| match toks.get(k).map(|t| &t.tok) {
        Some(Tok::Ident(s)) => Some(s.as_str()),
        _ => None,
    };
    let is = |k: usize, t: Tok| toks.get(k).is_some_and(|x| x.tok == t);
    let mut i = 0;
    while i < toks.len() {
        let names: Vec<String> = scope.iter().map(|(n, _)| n.clone()).collect();
        match &toks[i].tok {
            Tok::Punct('#') if is(i + 1, Tok::Punct('[')) && ident(i + 2) == Some("path") => {
                if let Some(Tok::Str(p)) = toks.get(i + 4).map(|t| &t.tok) {
                    pending_path = Some(p.clone());
                }
                i += 5;
            }
            Tok::Punct('{') => {
                depth += 1;
                i += 1;
            }
            Tok::Punct('}') => {
                depth = depth.saturating_sub(1);
                if scope.last().is_some_and(|(_, d)| *d == depth) {
                    scope.pop();
                }
                i += 1;
            }
            Tok::Ident(m) if m == "mod" && ident(i + 1).is_some() => {
                let name = ident(i + 1).unwrap_or_default().to_owned();
                if is(i + 2, Tok::Punct('{')) {
                    scope.push((name, depth));
                    out.inline
                        .push(scope.iter().map(|(n, _)| n.clone()).collect());
                } else if is(i + 2, Tok::Punct(';')) {
                    out.mods.push(ModDecl {
                        name,
                        path: pending_path.take(),
                        scope: names,
                    });
                }
                pending_path = None;
                i += 2;
            }
            Tok::Ident(u) if u == "use" => {
                let mut end = i + 1;
                use_tree(&toks, &mut end, &[], &names, &mut out.paths);
                i = end;
            }
            Tok::Ident(root)
                if ROOTS.contains(&root.as_str())
                    && is(i + 1, Tok::Sep)
                    && !(i > 0 && is(i - 1, Tok::Sep)) =>
            {
                let mut end = i;
                let mut segments = Vec::new();
                while let Some(s) = ident(end) {
                    segments.push(s.to_owned());
                    if !is(end + 1, Tok::Sep) {
                        break;
                    }
                    end += 2;
                }
                out.paths.push(NamedPath {
                    segments,
                    scope: names,
                    line: toks[i].line,
                    col: toks[i].col,
                    binds: None,
                });
                i = end + 1;
            }
            _ => i += 1,
        }
    }
    out
}

/// Reads one use tree at `toks[*k]` (`a::b`, `a::{b, c::d}`, `a as b`, `a::*`),
/// appending each leaf path after `prefix`; leaves `*k` after the tree.
fn use_tree(
    toks: &[Token],
    k: &mut usize,
    prefix: &[String],
    scope: &[String],
    out: &mut Vec<NamedPath>,
) {
    let mut segments = prefix.to_vec();
    let (line, col) = toks.get(*k).map_or((0, 0), |t| (t.line, t.col));
    let leaf = |segments: Vec<String>, binds: Option<String>, out: &mut Vec<NamedPath>| {
        if !segments.is_empty() {
            out.push(NamedPath {
                segments,
                scope: scope.to_vec(),
                line,
                col,
                binds,
            });
        }
    };
    if matches!(toks.get(*k).map(|t| &t.tok), Some(Tok::Sep)) {
        *k += 1; // `use ::std::x`
    }
    loop {
        match toks.get(*k).map(|t| &t.tok) {
            Some(Tok::Ident(s)) => {
                segments.push(s.clone());
                *k += 1;
            }
            Some(Tok::Punct('*')) => {
                *k += 1;
                return leaf(segments, None, out);
            }
            Some(Tok::Punct('{')) => {
                *k += 1;
                while !matches!(toks.get(*k).map(|t| &t.tok), Some(Tok::Punct('}')) | None) {
                    use_tree(toks, k, &segments, scope, out);
                    if matches!(toks.get(*k).map(|t| &t.tok), Some(Tok::Punct(','))) {
                        *k += 1;
                    }
                }
                *k += 1;
                return;
            }
            _ => return,
        }
        if matches!(toks.get(*k).map(|t| &t.tok), Some(Tok::Sep)) {
            *k += 1;
            continue;
        }
        // The end of this leaf: `as name`, then `,`, `}` or `;`.
        let mut binds = segments.last().cloned();
        if matches!(toks.get(*k).map(|t| &t.tok), Some(Tok::Ident(a)) if a == "as") {
            binds = match toks.get(*k + 1).map(|t| &t.tok) {
                Some(Tok::Ident(b)) if b != "_" => Some(b.clone()),
                _ => None,
            };
            *k += 2;
        }
        if segments.last().is_some_and(|s| s == "self") {
            // `use a::{self}` names `a` and binds `a`.
            segments.pop();
            if binds.as_deref() == Some("self") {
                binds = segments.last().cloned();
            }
        }
        return leaf(segments, binds, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paths(text: &str) -> Vec<String> {
        items(text)
            .paths
            .iter()
            .map(|p| p.segments.join("::"))
            .collect()
    }

    #[test]
    fn grouped_use_trees_expand_to_every_leaf() {
        assert_eq!(
            paths("use crate::{a::b, c::{d, e as f}, g::*};"),
            ["crate::a::b", "crate::c::d", "crate::c::e", "crate::g"]
        );
        assert_eq!(paths("use super::{x, y};"), ["super::x", "super::y"]);
        assert_eq!(
            paths("use crate::a::{self, b};"),
            ["crate::a", "crate::a::b"]
        );
        let binds: Vec<_> = items("use crate::a::{self, b as c, d::*};")
            .paths
            .into_iter()
            .map(|p| p.binds)
            .collect();
        assert_eq!(binds, [Some("a".into()), Some("c".into()), None]);
    }

    #[test]
    fn paths_in_expressions_and_repeated_super() {
        let found = paths(
            "fn f() { let x = crate::kiosk::watchdog::HEARTBEAT; \
             g(super::super::state::MAX_COMPARED, self::inner::Y, Foo::<crate::a::B>::new()); \
             x.self_check(); crate::ui::row::<T>(); }",
        );
        assert_eq!(
            found,
            [
                "crate::kiosk::watchdog::HEARTBEAT",
                "super::super::state::MAX_COMPARED",
                "self::inner::Y",
                "crate::a::B",
                "crate::ui::row",
            ]
        );
        // `pub(super)` is a visibility, not a path; `a::crate` is not a root.
        assert!(paths("pub(super) fn f() {}").is_empty());
    }

    #[test]
    fn comments_and_strings_do_not_count() {
        let text = r##"
            //! Uses [`crate::doc::A`].
            // crate::line::B
            /* crate::block::C /* nested crate::n::D */ crate::still::E */
            const S: &str = "crate::string::F";
            const R: &str = r#"crate::raw::G " still "#;
            const C: char = '"'; const Q: char = '\''; fn f<'a>(x: &'a str) {}
            use crate::real::H;
        "##;
        assert_eq!(paths(text), ["crate::real::H"]);
    }

    #[test]
    fn inline_modules_scope_the_paths_inside_them() {
        let found = items(
            "mod tests { use super::*; mod deeper { fn f() { super::g(); } } }\nuse self::x::Y;",
        );
        let scopes: Vec<(String, Vec<String>)> = found
            .paths
            .into_iter()
            .map(|p| (p.segments.join("::"), p.scope))
            .collect();
        assert_eq!(
            scopes,
            [
                ("super".to_owned(), vec!["tests".to_owned()]),
                (
                    "super::g".to_owned(),
                    vec!["tests".to_owned(), "deeper".to_owned()]
                ),
                ("self::x::Y".to_owned(), vec![]),
            ]
        );
    }

    #[test]
    fn mod_declarations_keep_their_path_attribute() {
        let found =
            items("mod a;\n#[cfg(test)]\n#[path = \"a_tests.rs\"]\nmod tests;\npub mod b { }");
        let mods: Vec<(String, Option<String>)> =
            found.mods.into_iter().map(|m| (m.name, m.path)).collect();
        assert_eq!(
            mods,
            [
                ("a".to_owned(), None),
                ("tests".to_owned(), Some("a_tests.rs".to_owned()))
            ]
        );
    }

    #[test]
    fn positions_are_line_and_column() {
        let found = items("fn f() {\n    let s = \"x\";\n    crate::a::B;\n}");
        assert_eq!((found.paths[0].line, found.paths[0].col), (3, 5));
    }
}

//! Shaping, bidi, line breaking and font choice, with the bundled fonts only.

mod common;

use clinic_edu::Language;
use clinic_edu::i18n::Strings;
use clinic_edu::samples::Samples;
use clinic_edu::text::{Glyph, TextLayout, debug};
use common::{shape, system};

/// The glyphs whose cluster starts at byte `start` of the text.
fn at(layout: &TextLayout, start: usize) -> Vec<&Glyph> {
    layout.glyphs().filter(|g| g.start == start).collect()
}

/// The single glyph whose cluster starts at `start`.
fn one_at(layout: &TextLayout, start: usize) -> &Glyph {
    let found = at(layout, start);
    assert_eq!(
        found.len(),
        1,
        "expected one glyph at byte {start}, got {found:?}"
    );
    found[0]
}

fn family(glyph: &Glyph) -> String {
    system().family_name(glyph.font_id)
}

#[test]
fn arabic_first_word_is_right_of_the_second() {
    let text = "مرحبا بالعالم";
    let layout = shape(Language::builtin("ar"), 600.0, text);
    assert_eq!(layout.lines.len(), 1);
    assert!(layout.lines[0].rtl);
    let space = text.find(' ').unwrap();
    let first: Vec<_> = layout.glyphs().filter(|g| g.end <= space).collect();
    let second: Vec<_> = layout.glyphs().filter(|g| g.start > space).collect();
    assert!(!first.is_empty() && !second.is_empty());
    let first_left = first.iter().map(|g| g.x).fold(f32::MAX, f32::min);
    let second_right = second.iter().map(|g| g.x + g.w).fold(f32::MIN, f32::max);
    assert!(
        first_left >= second_right - 0.01,
        "first word starts at x={first_left}, second ends at x={second_right}"
    );
    // Glyphs are reported in visual order, left to right.
    let xs: Vec<f32> = layout.glyphs().map(|g| g.x).collect();
    assert!(xs.windows(2).all(|w| w[0] <= w[1]), "{xs:?}");
}

#[test]
fn arabic_letters_take_contextual_forms() {
    // ع: isolated alone; initial, medial and final in ععع.
    let isolated = shape(Language::builtin("ar"), 600.0, "ع");
    let joined = shape(Language::builtin("ar"), 600.0, "ععع");
    let isolated = one_at(&isolated, 0).glyph_id;
    let initial = one_at(&joined, 0).glyph_id;
    let medial = one_at(&joined, 2).glyph_id;
    let final_ = one_at(&joined, 4).glyph_id;
    let mut forms = vec![isolated, initial, medial, final_];
    forms.sort();
    forms.dedup();
    assert_eq!(
        forms.len(),
        4,
        "isolated {isolated}, initial {initial}, medial {medial}, final {final_}"
    );
    // The initial form is the rightmost of the three.
    let layout = shape(Language::builtin("ar"), 600.0, "ععع");
    assert!(one_at(&layout, 0).x > one_at(&layout, 4).x);
}

#[test]
fn latin_abbreviation_in_arabic_stays_left_to_right_with_mirrored_brackets() {
    let text = "وافقت (FDA) على العلاج";
    let layout = shape(Language::builtin("ar"), 600.0, text);
    let open = text.find('(').unwrap();
    let close = text.find(')').unwrap();
    let f = one_at(&layout, open + 1);
    let d = one_at(&layout, open + 2);
    let a = one_at(&layout, open + 3);
    assert!(f.x < d.x && d.x < a.x, "FDA reads left to right");
    assert_eq!(family(f), "Noto Sans", "Latin letters use Noto Sans");

    let open_glyph = one_at(&layout, open);
    let close_glyph = one_at(&layout, close);
    // In right-to-left text the opening bracket stands right of FDA and is drawn
    // with the mirrored shape, i.e. the font's glyph for ')'.
    assert!(open_glyph.x > a.x, "'(' is right of FDA");
    assert!(close_glyph.x < f.x, "')' is left of FDA");
    let sys = system();
    assert_eq!(
        Some(open_glyph.glyph_id),
        sys.glyph_for_char(open_glyph.font_id, ')')
    );
    assert_eq!(
        Some(close_glyph.glyph_id),
        sys.glyph_for_char(close_glyph.font_id, '(')
    );
}

/// Left edges of the glyphs of each listed byte, in that order.
fn xs(layout: &TextLayout, bytes: &[usize]) -> Vec<f32> {
    bytes.iter().map(|&b| one_at(layout, b).x).collect()
}

#[test]
fn number_range_after_arabic_letters_shows_the_first_number_on_the_right() {
    // UAX #9: after Arabic letters the digits are Arabic numbers (W2) and the
    // hyphen between them a neutral that takes the paragraph's direction (W4, N1),
    // so "3-5" reads from the right: 3, then 5. FriBidi and browsers agree.
    let text = "تحتاج إلى 3-5 جلسات";
    let layout = shape(Language::builtin("ar"), 600.0, text);
    let three = text.find('3').unwrap();
    let x = xs(&layout, &[three, three + 1, three + 2]);
    assert!(x[2] < x[1] && x[1] < x[0], "3-5 laid out as {x:?}");
    assert_eq!(
        family(one_at(&layout, three)),
        "Noto Sans",
        "digits use Noto Sans"
    );
    // At the start of the paragraph nothing makes them Arabic numbers: "3-5" is one
    // European number (W4) and reads left to right.
    let text = "3-5 جلسات";
    let layout = shape(Language::builtin("ar"), 600.0, text);
    let x = xs(&layout, &[0, 1, 2]);
    assert!(x[0] < x[1] && x[1] < x[2], "3-5 laid out as {x:?}");
}

#[test]
fn an_english_name_of_several_words_inside_arabic_keeps_its_word_order() {
    let text = "نشرت مجلة Mayo Clinic Proceedings هذه الدراسة";
    let layout = shape(Language::builtin("ar"), 600.0, text);
    let words: Vec<usize> = ["Mayo", "Clinic", "Proceedings"]
        .iter()
        .map(|w| text.find(w).unwrap())
        .collect();
    let x = xs(&layout, &words);
    assert!(x[0] < x[1] && x[1] < x[2], "the words stand at {x:?}");
    // The name as a whole stands where Arabic word order puts it: right of the
    // words after it, left of the words before it.
    let before = at(&layout, text.find("مجلة").unwrap())[0].x;
    let after = at(&layout, text.find("هذه").unwrap())[0].x;
    assert!(after < x[0] && x[2] < before, "{after} < {x:?} < {before}");
}

#[test]
fn a_paragraph_of_only_an_english_name_on_an_arabic_page_is_right_aligned() {
    let width = 600.0;
    let layout = shape(Language::builtin("ar"), width, "Mayo Clinic");
    let line = &layout.lines[0];
    assert!(line.rtl, "the paragraph direction comes from the language");
    let right = line
        .glyphs
        .iter()
        .map(|g| g.x + g.w)
        .fold(f32::MIN, f32::max);
    assert!(
        (right - width).abs() < 1.0,
        "the name ends at {right}, not {width}"
    );
    let x = xs(&layout, &[0, 5]);
    assert!(x[0] < x[1], "Mayo is left of Clinic");
}

#[test]
fn a_bengali_paragraph_opening_with_a_pre_base_vowel_sign_keeps_its_word_initial_form() {
    // The engine sets the paragraph level without a character that shaping sees:
    // the first word of a paragraph shapes as it does after a space.
    for word in ["বোটক্স", "সেশন"] {
        let alone = shape(Language::builtin("bn"), 600.0, word);
        let after_space = shape(Language::builtin("bn"), 600.0, &format!("ক {word}"));
        let ids = |l: &TextLayout, from: usize| -> Vec<u16> {
            l.glyphs()
                .filter(|g| g.start >= from)
                .map(|g| g.glyph_id)
                .collect()
        };
        assert_eq!(ids(&alone, 0), ids(&after_space, "ক ".len()), "{word}");
    }
}

#[test]
fn layout_lists_no_glyph_for_invisible_controls() {
    let text = "\u{2068}3\u{2069} جلسات\u{200F}";
    let layout = shape(Language::builtin("ar"), 600.0, text);
    for g in layout.glyphs() {
        let c = text[g.start..].chars().next().unwrap();
        assert!(
            !clinic_edu::text::is_invisible_control(c),
            "a glyph for {c:?}"
        );
    }
    assert!(layout.glyphs().any(|g| &text[g.start..g.end] == "3"));
}

#[test]
fn arabic_paragraph_is_rtl_even_when_it_starts_with_latin_or_a_number() {
    for text in ["FDA اختصار لاتيني في أول الفقرة", "3 جلسات أو أكثر"]
    {
        let layout = shape(Language::builtin("ar"), 600.0, text);
        assert!(layout.lines.iter().all(|l| l.rtl), "{text}");
        // The Latin word or number at the logical start stands at the visual right end.
        let lead = text.find(' ').unwrap();
        let lead_left = layout
            .glyphs()
            .filter(|g| g.end <= lead)
            .map(|g| g.x)
            .fold(f32::MAX, f32::min);
        let rest_right = layout
            .glyphs()
            .filter(|g| g.start > lead)
            .map(|g| g.x + g.w)
            .fold(f32::MIN, f32::max);
        assert!(
            lead_left >= rest_right - 0.01,
            "{text}: {lead_left} vs {rest_right}"
        );
        // No glyph is left from the paragraph mark the engine adds.
        assert!(layout.glyphs().all(|g| g.end <= text.len()));
    }
    // The same text as English is left-to-right.
    let layout = shape(Language::builtin("en"), 600.0, "اختصار FDA");
    assert!(
        !layout.lines[0].rtl,
        "English is LTR even when it starts with Arabic"
    );
}

#[test]
fn arabic_lines_are_right_aligned() {
    let samples = Samples::embedded().unwrap();
    let text = samples.get(Language::builtin("ar")).paragraphs.join(" ");
    let width = 300.0;
    let layout = shape(Language::builtin("ar"), width, &text);
    assert!(layout.lines.len() >= 3, "the sample wraps at {width}px");
    for (i, line) in layout.lines.iter().enumerate() {
        let right = line
            .glyphs
            .iter()
            .map(|g| g.x + g.w)
            .fold(f32::MIN, f32::max);
        let left = line.glyphs.iter().map(|g| g.x).fold(f32::MAX, f32::min);
        assert!(right <= width + 0.5, "line {i} overflows: {right}");
        // Trailing spaces may hang past the edge; the ink must reach it.
        let ink_right = line
            .glyphs
            .iter()
            .filter(|g| !text[g.start..g.end].trim().is_empty())
            .map(|g| g.x + g.w)
            .fold(f32::MIN, f32::max);
        assert!(
            (ink_right - width).abs() < 1.0,
            "line {i} ends at {ink_right}, not {width}"
        );
        assert!(left >= 0.0);
    }
    let last = layout.lines.last().unwrap();
    let last_left = last.glyphs.iter().map(|g| g.x).fold(f32::MAX, f32::min);
    assert!(
        last_left > 10.0,
        "the short last line starts away from the left edge"
    );
}

#[test]
fn bengali_conjunct_shapes_to_fewer_glyphs_than_characters() {
    let text = "ক্ষ";
    assert_eq!(text.chars().count(), 3);
    let layout = shape(Language::builtin("bn"), 600.0, text);
    let glyphs = layout.glyphs().count();
    assert!(glyphs < 3, "ক্ষ shaped to {glyphs} glyphs");
    assert!(layout.glyphs().all(|g| g.glyph_id != 0));
}

#[test]
fn bengali_vowel_sign_i_is_drawn_before_the_consonant() {
    let layout = shape(Language::builtin("bn"), 600.0, "কি");
    let glyphs: Vec<&Glyph> = layout.glyphs().collect();
    assert_eq!(glyphs.len(), 2, "{glyphs:?}");
    let sys = system();
    let ka = sys.glyph_for_char(glyphs[0].font_id, 'ক').unwrap();
    drop(sys);
    let consonant = glyphs
        .iter()
        .find(|g| g.glyph_id == ka)
        .expect("a glyph for ক");
    let sign = glyphs.iter().find(|g| g.glyph_id != ka).unwrap();
    assert!(
        sign.x < consonant.x,
        "ি at x={} should be left of ক at x={}",
        sign.x,
        consonant.x
    );
    assert_eq!(family(consonant), "Noto Sans Bengali");
}

const NO_LINE_START: &str = "。、」）ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ";

#[test]
fn japanese_lines_never_start_with_closing_punctuation_or_small_kana() {
    let samples = Samples::embedded().unwrap();
    let sample = samples.get(Language::builtin("ja"));
    let text = sample.paragraphs.join("");
    assert!(text.chars().filter(|c| NO_LINE_START.contains(*c)).count() >= 10);
    let mut checked = 0;
    for width in (120..=600).step_by(7) {
        let layout = shape(Language::builtin("ja"), width as f32, &text);
        assert!(layout.lines.len() > 1 || width > 500, "wraps at {width}");
        for (i, line) in layout.lines.iter().enumerate().skip(1) {
            let start = line.glyphs.iter().map(|g| g.start).min().unwrap();
            let first = text[start..].chars().next().unwrap();
            assert!(
                !NO_LINE_START.contains(first),
                "at width {width}, line {i} starts with {first:?}: {}",
                &text[start..]
            );
            let right = line.glyphs.iter().map(|g| g.x + g.w).fold(0.0, f32::max);
            assert!(
                right <= width as f32 + 0.5,
                "line {i} overflows at width {width}"
            );
            checked += 1;
        }
    }
    assert!(checked > 100);
}

#[test]
fn kanji_come_from_noto_sans_jp_and_latin_from_noto_sans() {
    let text = "漢字の表示、FDAと3回。";
    let layout = shape(Language::builtin("ja"), 600.0, text);
    for g in layout.glyphs() {
        let c = text[g.start..].chars().next().unwrap();
        let expected = if c.is_ascii_alphanumeric() {
            "Noto Sans"
        } else {
            "Noto Sans JP"
        };
        assert_eq!(family(g), expected, "{c:?}");
    }
}

#[test]
fn no_sample_or_ui_string_shapes_to_notdef() {
    let samples = Samples::embedded().unwrap();
    let strings = Strings::embedded().unwrap();
    for lang in Language::all() {
        let mut texts: Vec<String> = samples.get(lang).strings().map(str::to_owned).collect();
        texts.extend(strings.ids(lang).iter().map(|id| strings.get(lang, id)));
        texts.extend(Language::all().iter().map(|l| l.native_name().to_owned()));
        for text in &texts {
            for width in [200.0, 700.0] {
                let layout = shape(lang, width, text);
                for g in layout.glyphs() {
                    assert_ne!(
                        g.glyph_id,
                        0,
                        "{lang}: .notdef for {:?} in {text:?}",
                        &text[g.start..g.end]
                    );
                }
            }
        }
    }
}

#[test]
fn byte_ranges_point_into_the_text_across_paragraphs() {
    let text = "abc\nمرحبا\r\nend";
    let layout = shape(Language::builtin("ar"), 600.0, text);
    assert_eq!(layout.lines.len(), 3);
    for g in layout.glyphs() {
        assert!(g.start < g.end && g.end <= text.len());
        assert!(text.is_char_boundary(g.start) && text.is_char_boundary(g.end));
    }
    let covered: String = layout.lines[1]
        .glyphs
        .iter()
        .rev()
        .map(|g| &text[g.start..g.end])
        .collect();
    assert_eq!(covered, "مرحبا");
    assert_eq!(
        family(one_at(&layout, text.find("end").unwrap())),
        "Noto Sans"
    );
}

#[test]
fn layout_command_prints_one_json_object_per_line() {
    let text = "مرحبا بالعالم (FDA) 3-5";
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_clinic-edu"))
        .args([
            "layout", "--lang", "ar", "--width", "120", "--size", "16", text,
        ])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<debug::LineInfo> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let expected = {
        let layout = shape(Language::builtin("ar"), 120.0, text);
        debug::describe(&system(), &layout)
    };
    assert_eq!(lines, expected);
    assert!(lines.len() >= 2);
    for (i, line) in lines.iter().enumerate() {
        assert_eq!(line.line, i);
        assert!(line.rtl);
        assert!(line.glyphs.iter().all(|g| g.end <= text.len()));
    }
    let fonts: Vec<&str> = lines
        .iter()
        .flat_map(|l| l.glyphs.iter().map(|g| g.font.as_str()))
        .collect();
    assert!(fonts.contains(&"Noto Naskh Arabic") && fonts.contains(&"Noto Sans"));
}

#[test]
fn layout_command_rejects_bad_input_with_a_clear_message() {
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_clinic-edu"))
            .args(args)
            .output()
            .unwrap()
    };
    let out = run(&["layout", "--lang", "xx", "--width", "100", "hi"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown language \"xx\""));
    let out = run(&["layout", "--lang", "en", "--width", "0", "hi"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--width must be a positive number"));
}

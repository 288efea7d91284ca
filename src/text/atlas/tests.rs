//! The atlas's packing, growth and eviction, with synthetic glyph bitmaps.

use super::*;
use cosmic_text::{CacheKeyFlags, Placement, fontdb};

fn key(glyph_id: u16) -> CacheKey {
    CacheKey::new(
        fontdb::ID::dummy(),
        glyph_id,
        16.0,
        (0.0, 0.0),
        fontdb::Weight::NORMAL,
        CacheKeyFlags::empty(),
    )
    .0
}

fn square(side: u32) -> SwashImage {
    let mut image = SwashImage::new();
    image.content = SwashContent::Mask;
    image.placement = Placement {
        left: 1,
        top: side as i32,
        width: side,
        height: side,
    };
    image.data = vec![200; (side * side) as usize];
    image
}

#[test]
fn stores_coverage_in_one_byte_per_pixel() {
    let mut atlas = GlyphAtlas::new(64, 64);
    let g = atlas.get_or_insert(key(1), || Some(square(8))).unwrap();
    assert_eq!((g.width, g.height, g.left, g.top), (8, 8, 1, 8));
    assert_eq!(g.page(), PageKind::Mask);
    assert_eq!(atlas.alpha_at(g.x as usize, g.y as usize), 200);
    // The padding around it is empty.
    assert_eq!(atlas.alpha_at(g.x as usize - 1, g.y as usize), 0);
    // 64 x 64 coverage bytes; the colour page is not made until a colour glyph comes.
    assert_eq!(atlas.bytes(), 64 * 64);
    assert_eq!(atlas.page_size(PageKind::Color), 0);
}

#[test]
fn colour_glyphs_go_to_their_own_premultiplied_rgba_page() {
    let mut atlas = GlyphAtlas::new(64, 256);
    let mut image = square(4);
    image.content = SwashContent::Color;
    image.data = [255, 0, 0, 128].repeat(16);
    let g = atlas.get_or_insert(key(2), || Some(image)).unwrap();
    assert_eq!(g.page(), PageKind::Color);
    assert_eq!(atlas.page_size(PageKind::Color), COLOR_START);
    assert_eq!(atlas.color_at(g.x as usize, g.y as usize), [128, 0, 0, 128]);
    assert_eq!(atlas.bytes(), 64 * 64 + COLOR_START * COLOR_START * 4);
}

#[test]
fn a_frame_of_changes_is_one_upload_per_page_and_a_steady_atlas_none() {
    let mut atlas = GlyphAtlas::new(64, 256);
    let take = |atlas: &GlyphAtlas, kind| atlas.lock().page_mut(kind).take_upload();
    // First the whole new page.
    let first = take(&atlas, PageKind::Mask).unwrap();
    assert_eq!(
        (first.size, first.rect, first.bytes.len()),
        (64, [0, 0, 64, 64], 64 * 64)
    );
    for id in 0..3 {
        atlas.get_or_insert(key(id), || Some(square(6))).unwrap();
    }
    // Three glyphs: one rectangle covering their cells, one byte per pixel.
    let up = take(&atlas, PageKind::Mask).unwrap();
    let [_, _, w, h] = up.rect;
    assert_eq!(up.bytes.len(), w * h);
    assert!(w >= 8 && h >= 8);
    assert!(
        take(&atlas, PageKind::Mask).is_none(),
        "nothing new, nothing sent"
    );
    assert!(take(&atlas, PageKind::Color).is_none(), "no colour page");
    // Glyphs already held send nothing.
    atlas.get_or_insert(key(1), || panic!("held")).unwrap();
    assert!(take(&atlas, PageKind::Mask).is_none());
}

#[test]
fn rasterises_each_glyph_once() {
    let mut atlas = GlyphAtlas::new(64, 64);
    atlas.get_or_insert(key(1), || Some(square(8))).unwrap();
    let again = atlas.get_or_insert(key(1), || panic!("rasterised twice"));
    assert!(again.is_some());
    assert_eq!(atlas.len(), 1);
}

#[test]
fn grows_before_evicting_anything() {
    let mut atlas = GlyphAtlas::new(64, 1024);
    atlas.begin_pass(1);
    for id in 0..4 {
        atlas.get_or_insert(key(id), || Some(square(28))).unwrap();
    }
    // A later pass needs a new glyph while the old ones are off screen: they
    // stay, because the atlas can still grow.
    atlas.begin_pass(2);
    atlas.get_or_insert(key(10), || Some(square(28))).unwrap();
    assert_eq!(atlas.size(), 128);
    assert_eq!(atlas.len(), 5);
    assert!(!atlas.take_stale(), "growing keeps every texel in place");
}

#[test]
fn at_the_largest_size_evicts_the_least_recently_used_first() {
    let mut atlas = GlyphAtlas::new(64, 64);
    for (pass, id) in [(1, 0), (2, 1), (3, 2), (4, 3)] {
        atlas.begin_pass(pass);
        atlas.get_or_insert(key(id), || Some(square(28))).unwrap();
    }
    atlas.begin_pass(5);
    atlas
        .get_or_insert(key(2), || panic!("still held"))
        .unwrap();
    atlas.get_or_insert(key(10), || Some(square(28))).unwrap();
    assert_eq!(atlas.size(), 64, "never past the largest size");
    // Glyph 0 (pass 1) went first; a glyph goes only after every older one
    // (the allocator may need more than one freed cell); 2, used this pass, stays.
    let held = |id| atlas.entries.contains_key(&key(id));
    assert!(!held(0));
    assert!(held(2) && held(10));
    if !held(3) {
        assert!(!held(1), "glyph 3 (pass 4) went before glyph 1 (pass 2)");
    }
    assert!(!atlas.take_overflowed());
}

#[test]
fn a_pass_that_needs_more_than_the_atlas_holds_is_reported() {
    let mut atlas = GlyphAtlas::new(64, 64);
    atlas.begin_pass(1);
    for id in 0..4 {
        atlas.get_or_insert(key(id), || Some(square(28))).unwrap();
    }
    assert!(atlas.get_or_insert(key(9), || Some(square(28))).is_none());
    assert!(atlas.take_overflowed());
    assert_eq!(atlas.len(), 4, "nothing the pass uses was evicted");
    atlas.reset(64);
    assert!(atlas.is_empty() && atlas.take_stale());
}

#[test]
fn the_renderer_limit_caps_the_size() {
    let mut atlas = GlyphAtlas::new(64, 4096);
    atlas.set_max_size(128);
    atlas.begin_pass(1);
    let fitted = (0..100)
        .take_while(|&id| atlas.get_or_insert(key(id), || Some(square(28))).is_some())
        .count();
    assert!((4..100).contains(&fitted), "{fitted} glyphs fitted");
    assert_eq!(atlas.size(), 128);
    assert!(atlas.take_overflowed());
    // A smaller limit than the current size starts again at the limit.
    atlas.set_max_size(64);
    assert_eq!((atlas.size(), atlas.len()), (64, 0));
}

#[test]
fn grows_when_everything_is_in_use() {
    let mut atlas = GlyphAtlas::new(64, 1024);
    atlas.begin_pass(1);
    let first = atlas.get_or_insert(key(0), || Some(square(28))).unwrap();
    let first_alpha = atlas.alpha_at(first.x as usize, first.y as usize);
    for id in 1..12 {
        atlas.get_or_insert(key(id), || Some(square(28))).unwrap();
    }
    assert!(atlas.size() > 64);
    assert_eq!(atlas.len(), 12);
    // Pixels already placed survive the growth.
    assert_eq!(
        atlas.alpha_at(first.x as usize, first.y as usize),
        first_alpha
    );
    // Texel coordinates: the same before and after the growth.
    let uv = atlas.uv(&first);
    assert_eq!(uv.min, egui::pos2(first.x as f32, first.y as f32));
    assert!(uv.max.x <= atlas.size() as f32 && uv.max.y <= atlas.size() as f32);
}

#[test]
fn gives_up_past_the_maximum_size() {
    let mut atlas = GlyphAtlas::new(32, 32);
    atlas.begin_pass(1);
    assert!(atlas.get_or_insert(key(0), || Some(square(40))).is_none());
}

#[test]
fn empty_glyphs_take_no_space() {
    let mut atlas = GlyphAtlas::new(32, 32);
    let g = atlas.get_or_insert(key(0), || Some(square(0))).unwrap();
    assert_eq!((g.width, g.height), (0, 0));
}

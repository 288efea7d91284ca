//! The glyph atlas: rasterised glyphs packed into one egui texture.
//!
//! Glyphs are rasterised in physical pixels and stored as white with coverage in
//! alpha (premultiplied), so one texture serves every colour: the mesh's vertex
//! colour tints them. When the atlas is full it doubles in size, up to the largest
//! texture the renderer takes; only there, under real pressure, are glyphs evicted,
//! least recently used first and never one the current pass uses. Glyphs of a page
//! scrolled out of view and back, or of the other of two languages, stay put, so a
//! steady screen uploads nothing.
//!
//! Growing changes the texture size, and so the meaning of every UV coordinate
//! already handed out this pass; the owner must discard the pass when
//! [`GlyphAtlas::take_grown`] says so. If one pass needs more than the largest atlas
//! holds, [`GlyphAtlas::take_overflowed`] says so: the owner clears the atlas and
//! draws the pass again, which rasterises only what that pass shows.

use std::collections::HashMap;

use cosmic_text::{CacheKey, SwashContent, SwashImage};
use egui::{Color32, ColorImage, Context, Rect, TextureHandle, TextureId, TextureOptions, pos2};
use etagere::{AllocId, BucketedAtlasAllocator, size2};

/// Empty pixels kept around each glyph so linear sampling never bleeds neighbours in.
const PADDING: i32 = 1;

/// Where one glyph's pixels are, and how to place them relative to its pen position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AtlasGlyph {
    /// Top-left corner of the glyph's pixels in the atlas.
    pub x: u32,
    pub y: u32,
    /// Size in physical pixels; zero for glyphs that draw nothing (spaces).
    pub width: u32,
    pub height: u32,
    /// Offset of the bitmap's left edge from the pen position, in physical pixels.
    pub left: i32,
    /// Offset of the bitmap's top edge above the baseline, in physical pixels.
    pub top: i32,
    /// A colour glyph (emoji) carries its own colour; a mask glyph takes the vertex colour.
    pub is_color: bool,
}

struct Entry {
    glyph: AtlasGlyph,
    alloc: Option<AllocId>,
    last_used: u64,
}

/// Packs glyph bitmaps into a texture that grows when needed.
pub struct GlyphAtlas {
    allocator: BucketedAtlasAllocator,
    size: usize,
    max_size: usize,
    pixels: Vec<Color32>,
    entries: HashMap<CacheKey, Entry>,
    texture: Option<TextureHandle>,
    /// Region (x0, y0, x1, y1) written since the last upload.
    dirty: Option<[usize; 4]>,
    full_upload: bool,
    grown: bool,
    overflowed: bool,
    pass: u64,
    /// Bytes sent to the GPU texture so far (for diagnostics and benchmarks).
    uploaded: u64,
}

impl GlyphAtlas {
    /// An empty atlas of `size` x `size` pixels that may grow up to `max_size`.
    pub fn new(size: usize, max_size: usize) -> Self {
        let size = size.min(max_size);
        Self {
            allocator: BucketedAtlasAllocator::new(size2(size as i32, size as i32)),
            size,
            max_size,
            pixels: vec![Color32::TRANSPARENT; size * size],
            entries: HashMap::new(),
            texture: None,
            dirty: None,
            full_upload: true,
            grown: false,
            overflowed: false,
            pass: 0,
            uploaded: 0,
        }
    }

    /// Caps the atlas at `max_size` (the renderer's largest texture side). An atlas
    /// already bigger starts again empty at the cap.
    pub fn set_max_size(&mut self, max_size: usize) {
        let max_size = max_size.max(1);
        if max_size == self.max_size {
            return;
        }
        self.max_size = max_size;
        if self.size > max_size {
            self.reset(max_size);
        }
    }

    /// The largest side the atlas may grow to.
    pub fn max_size(&self) -> usize {
        self.max_size
    }

    /// Forgets every glyph and starts again empty at `size` x `size`.
    pub fn reset(&mut self, size: usize) {
        let size = size.min(self.max_size).max(1);
        self.allocator = BucketedAtlasAllocator::new(size2(size as i32, size as i32));
        self.size = size;
        self.pixels = vec![Color32::TRANSPARENT; size * size];
        self.entries.clear();
        self.dirty = None;
        self.full_upload = true;
        self.grown = true;
    }

    /// Bytes uploaded to the GPU texture since the atlas was made.
    pub fn uploaded_bytes(&self) -> u64 {
        self.uploaded
    }

    /// Side length of the texture in pixels.
    pub fn size(&self) -> usize {
        self.size
    }

    /// Number of glyphs held.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when no glyph is held.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Starts a new rendering pass: glyphs not used from now on may be evicted.
    pub fn begin_pass(&mut self, pass: u64) {
        self.pass = pass;
    }

    /// True once after the atlas grew (or was reset): UVs handed out before are stale.
    pub fn take_grown(&mut self) -> bool {
        std::mem::take(&mut self.grown)
    }

    /// True once after a glyph found no room even with everything but the current
    /// pass's glyphs evicted at the largest size.
    pub fn take_overflowed(&mut self) -> bool {
        std::mem::take(&mut self.overflowed)
    }

    /// The glyph for `key`, rasterising it with `rasterize` the first time.
    /// `None` if the glyph has no image or cannot fit even in the largest atlas.
    pub fn get_or_insert(
        &mut self,
        key: CacheKey,
        rasterize: impl FnOnce() -> Option<SwashImage>,
    ) -> Option<AtlasGlyph> {
        if let Some(entry) = self.entries.get_mut(&key) {
            entry.last_used = self.pass;
            return Some(entry.glyph);
        }
        let image = rasterize()?;
        let (glyph, alloc) = self.insert(&image)?;
        self.entries.insert(
            key,
            Entry {
                glyph,
                alloc,
                last_used: self.pass,
            },
        );
        Some(glyph)
    }

    fn insert(&mut self, image: &SwashImage) -> Option<(AtlasGlyph, Option<AllocId>)> {
        let width = image.placement.width;
        let height = image.placement.height;
        let is_color = matches!(image.content, SwashContent::Color);
        let mut glyph = AtlasGlyph {
            x: 0,
            y: 0,
            width,
            height,
            left: image.placement.left,
            top: image.placement.top,
            is_color,
        };
        if width == 0 || height == 0 {
            return Some((glyph, None));
        }
        let padded = size2(width as i32 + 2 * PADDING, height as i32 + 2 * PADDING);
        let allocation = self.allocate(padded)?;
        let min = allocation.rectangle.min;
        glyph.x = (min.x + PADDING) as u32;
        glyph.y = (min.y + PADDING) as u32;
        self.write(&glyph, min.x as usize, min.y as usize, image);
        Some((glyph, Some(allocation.id)))
    }

    fn allocate(&mut self, size: etagere::Size) -> Option<etagere::Allocation> {
        loop {
            if let Some(a) = self.allocator.allocate(size) {
                return Some(a);
            }
            if self.size < self.max_size {
                self.grow((self.size * 2).min(self.max_size));
            } else if self.evict_least_recent() == 0 {
                self.overflowed = true;
                return None;
            }
        }
    }

    /// Drops the glyphs of the least recent pass that is not the current one;
    /// returns how many were dropped.
    fn evict_least_recent(&mut self) -> usize {
        let pass = self.pass;
        let Some(oldest) = self
            .entries
            .values()
            .map(|e| e.last_used)
            .filter(|&used| used < pass)
            .min()
        else {
            return 0;
        };
        let before = self.entries.len();
        let allocator = &mut self.allocator;
        self.entries.retain(|_, entry| {
            let keep = entry.last_used != oldest;
            if !keep && let Some(id) = entry.alloc {
                allocator.deallocate(id);
            }
            keep
        });
        before - self.entries.len()
    }

    fn grow(&mut self, new_size: usize) {
        let mut pixels = vec![Color32::TRANSPARENT; new_size * new_size];
        for (y, row) in self.pixels.chunks_exact(self.size).enumerate() {
            pixels[y * new_size..y * new_size + self.size].copy_from_slice(row);
        }
        self.pixels = pixels;
        self.allocator.grow(size2(new_size as i32, new_size as i32));
        self.size = new_size;
        self.full_upload = true;
        self.grown = true;
    }

    /// Copies a rasterised glyph into the padded cell at (`cell_x`, `cell_y`).
    fn write(&mut self, glyph: &AtlasGlyph, cell_x: usize, cell_y: usize, image: &SwashImage) {
        let (w, h) = (glyph.width as usize, glyph.height as usize);
        let pad = PADDING as usize;
        // Clear the whole cell first: it may hold pixels of an evicted glyph.
        for y in cell_y..cell_y + h + 2 * pad {
            let row = y * self.size;
            self.pixels[row + cell_x..row + cell_x + w + 2 * pad].fill(Color32::TRANSPARENT);
        }
        for y in 0..h {
            let row = (glyph.y as usize + y) * self.size + glyph.x as usize;
            for x in 0..w {
                self.pixels[row + x] = match image.content {
                    SwashContent::Mask => {
                        let a = image.data[y * w + x];
                        Color32::from_rgba_premultiplied(a, a, a, a)
                    }
                    SwashContent::Color => {
                        let i = (y * w + x) * 4;
                        let p = &image.data[i..i + 4];
                        Color32::from_rgba_unmultiplied(p[0], p[1], p[2], p[3])
                    }
                    SwashContent::SubpixelMask => {
                        // Not requested by our rasteriser; use the green channel as coverage.
                        let a = image.data[(y * w + x) * 4 + 1];
                        Color32::from_rgba_premultiplied(a, a, a, a)
                    }
                };
            }
        }
        let region = [cell_x, cell_y, cell_x + w + 2 * pad, cell_y + h + 2 * pad];
        self.dirty = Some(match self.dirty {
            None => region,
            Some(d) => [
                d[0].min(region[0]),
                d[1].min(region[1]),
                d[2].max(region[2]),
                d[3].max(region[3]),
            ],
        });
    }

    /// Texture coordinates (0..1) of a glyph's pixels at the atlas's current size.
    pub fn uv(&self, glyph: &AtlasGlyph) -> Rect {
        let s = self.size as f32;
        Rect::from_min_max(
            pos2(glyph.x as f32 / s, glyph.y as f32 / s),
            pos2(
                (glyph.x + glyph.width) as f32 / s,
                (glyph.y + glyph.height) as f32 / s,
            ),
        )
    }

    /// Sends what changed to the GPU texture, creating it on first use.
    pub fn upload(&mut self, ctx: &Context) -> TextureId {
        let options = TextureOptions::LINEAR;
        match &mut self.texture {
            Some(texture) if !self.full_upload => {
                if let Some([x0, y0, x1, y1]) = self.dirty.take() {
                    let mut region = Vec::with_capacity((x1 - x0) * (y1 - y0));
                    for y in y0..y1 {
                        region.extend_from_slice(
                            &self.pixels[y * self.size + x0..y * self.size + x1],
                        );
                    }
                    self.uploaded += (region.len() * 4) as u64;
                    texture.set_partial(
                        [x0, y0],
                        ColorImage::new([x1 - x0, y1 - y0], region),
                        options,
                    );
                }
                texture.id()
            }
            _ => {
                let image = ColorImage::new([self.size, self.size], self.pixels.clone());
                self.uploaded += (self.size * self.size * 4) as u64;
                let texture = match self.texture.take() {
                    Some(mut texture) => {
                        texture.set(image, options);
                        texture
                    }
                    None => ctx.load_texture("clinic-edu-glyphs", image, options),
                };
                self.full_upload = false;
                self.dirty = None;
                let id = texture.id();
                self.texture = Some(texture);
                id
            }
        }
    }

    /// Coverage (alpha) of the atlas pixel at (x, y), for tests.
    pub fn alpha_at(&self, x: usize, y: usize) -> u8 {
        self.pixels[y * self.size + x].a()
    }
}

#[cfg(test)]
mod tests {
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
    fn stores_coverage_as_premultiplied_white() {
        let mut atlas = GlyphAtlas::new(64, 64);
        let g = atlas.get_or_insert(key(1), || Some(square(8))).unwrap();
        assert_eq!((g.width, g.height, g.left, g.top), (8, 8, 1, 8));
        assert_eq!(atlas.alpha_at(g.x as usize, g.y as usize), 200);
        let p = atlas.pixels[g.y as usize * atlas.size + g.x as usize];
        assert_eq!(p, Color32::from_rgba_premultiplied(200, 200, 200, 200));
        // The padding around it is empty.
        assert_eq!(atlas.alpha_at(g.x as usize - 1, g.y as usize), 0);
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
        assert!(atlas.take_grown());
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
        assert!(atlas.is_empty() && atlas.take_grown());
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
        assert!(atlas.take_grown());
        assert!(!atlas.take_grown(), "reported once");
        assert_eq!(atlas.len(), 12);
        // Pixels already placed survive the growth.
        assert_eq!(
            atlas.alpha_at(first.x as usize, first.y as usize),
            first_alpha
        );
        let uv = atlas.uv(&first);
        assert!(uv.max.x <= 1.0 && uv.max.y <= 1.0);
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
}

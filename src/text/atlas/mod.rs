//! The glyph atlas: rasterised glyphs packed into two textures, as glyphon does it.
//!
//! Coverage glyphs (every glyph of our fonts) go into a one-channel texture, a byte
//! per pixel, tinted by the quad's colour when drawn; colour glyphs (emoji from a
//! system font, if any) into an RGBA one. Glyphs are rasterised in physical pixels
//! and drawn one texel per pixel. When a page is full it doubles in size, up to the
//! largest texture the renderer takes; only there, under real pressure, are glyphs
//! evicted, least recently used first and never one the current pass uses. Glyphs
//! of a page scrolled out of view and back, or of the other of two languages, stay
//! put, so a steady screen uploads nothing.
//!
//! Texture coordinates are in texels, so growing a page (which keeps every pixel
//! where it was) leaves them valid. If one pass needs more than the largest page
//! holds, [`GlyphAtlas::take_overflowed`] says so: the owner clears the atlas
//! ([`GlyphAtlas::reset`], after which [`GlyphAtlas::take_stale`] says the pass's
//! coordinates are stale) and draws the pass again, which rasterises only what that
//! pass shows. The pixels live in [`Textures`], shared with the GPU side
//! (`gpu.rs`), which takes each page's changes once per frame.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};

use cosmic_text::{CacheKey, SwashContent, SwashImage};
use egui::{Rect, pos2};
use etagere::{AllocId, BucketedAtlasAllocator, size2};

pub mod gpu;
mod page;
mod pipeline;
pub use page::{PageKind, Pixels, Textures, Upload, UploadStats};

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

impl AtlasGlyph {
    /// The texture the glyph lives in.
    pub fn page(&self) -> PageKind {
        if self.is_color {
            PageKind::Color
        } else {
            PageKind::Mask
        }
    }
}

struct Entry {
    glyph: AtlasGlyph,
    alloc: Option<AllocId>,
    last_used: u64,
}

/// Packing for one page.
struct Packer {
    allocator: BucketedAtlasAllocator,
    size: usize,
}

impl Packer {
    fn new(size: usize) -> Self {
        Self {
            allocator: BucketedAtlasAllocator::new(size2(size as i32, size as i32)),
            size,
        }
    }
}

/// Side of the colour page when the first colour glyph arrives.
const COLOR_START: usize = 64;

/// Packs glyph bitmaps into two textures that grow when needed.
pub struct GlyphAtlas {
    packers: [Packer; 2],
    textures: Arc<Mutex<Textures>>,
    max_size: usize,
    start_size: usize,
    entries: HashMap<CacheKey, Entry>,
    stale: bool,
    overflowed: bool,
    pass: u64,
}

impl GlyphAtlas {
    /// An empty atlas whose mask page starts at `size` x `size` pixels and may grow
    /// up to `max_size`; the colour page starts empty.
    pub fn new(size: usize, max_size: usize) -> Self {
        let size = size.min(max_size).max(1);
        Self {
            packers: [Packer::new(size), Packer::new(0)],
            textures: Arc::new(Mutex::new(Textures::new(size))),
            max_size,
            start_size: size,
            entries: HashMap::new(),
            stale: false,
            overflowed: false,
            pass: 0,
        }
    }

    /// The pixels and upload counts, shared with the GPU side.
    pub fn textures(&self) -> &Arc<Mutex<Textures>> {
        &self.textures
    }

    fn lock(&self) -> MutexGuard<'_, Textures> {
        self.textures.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Takes each page's changes as a renderer would at the start of a frame, for
    /// a test renderer that has no GPU (the wgpu side does this in `gpu.rs`).
    pub fn take_uploads(&self) -> Vec<Upload> {
        let mut textures = self.lock();
        PageKind::ALL
            .iter()
            .filter_map(|&k| {
                let page = textures.page_mut(k);
                (page.size() > 0).then(|| page.take_upload()).flatten()
            })
            .collect()
    }

    /// What has been sent to the GPU so far.
    pub fn upload_stats(&self) -> UploadStats {
        self.lock().stats
    }

    /// Caps the atlas at `max_size` (the renderer's largest texture side). An atlas
    /// already bigger starts again empty at the cap.
    pub fn set_max_size(&mut self, max_size: usize) {
        let max_size = max_size.max(1);
        if max_size == self.max_size {
            return;
        }
        self.max_size = max_size;
        if self.size() > max_size || self.page_size(PageKind::Color) > max_size {
            self.reset(max_size);
        }
    }

    /// The largest side the atlas may grow to.
    pub fn max_size(&self) -> usize {
        self.max_size
    }

    /// Forgets every glyph and starts again empty, the mask page at `size` x `size`.
    pub fn reset(&mut self, size: usize) {
        let size = size.min(self.max_size).max(1);
        self.packers = [Packer::new(size), Packer::new(0)];
        self.lock().clear(size);
        self.entries.clear();
        self.stale = true;
    }

    /// Side length of the mask texture in pixels.
    pub fn size(&self) -> usize {
        self.packers[PageKind::Mask as usize].size
    }

    /// Side length of a page's texture in pixels (0: not made yet).
    pub fn page_size(&self, kind: PageKind) -> usize {
        self.packers[kind as usize].size
    }

    /// Bytes the pages hold on the CPU side.
    pub fn bytes(&self) -> usize {
        let textures = self.lock();
        PageKind::ALL
            .iter()
            .map(|&k| textures.page(k).bytes())
            .sum()
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

    /// True once after the atlas was reset: texture coordinates handed out before
    /// are stale. (Growing keeps every pixel in place, so it does not count.)
    pub fn take_stale(&mut self) -> bool {
        std::mem::take(&mut self.stale)
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
        let kind = glyph.page();
        let padded = size2(width as i32 + 2 * PADDING, height as i32 + 2 * PADDING);
        let allocation = self.allocate(kind, padded)?;
        let min = allocation.rectangle.min;
        glyph.x = (min.x + PADDING) as u32;
        glyph.y = (min.y + PADDING) as u32;
        self.lock().page_mut(kind).write(
            &glyph,
            PADDING as usize,
            min.x as usize,
            min.y as usize,
            image,
        );
        Some((glyph, Some(allocation.id)))
    }

    fn allocate(&mut self, kind: PageKind, size: etagere::Size) -> Option<etagere::Allocation> {
        loop {
            let packer = &mut self.packers[kind as usize];
            if packer.size > 0
                && let Some(a) = packer.allocator.allocate(size)
            {
                return Some(a);
            }
            let current = packer.size;
            if current < self.max_size {
                let start = match kind {
                    PageKind::Mask => self.start_size,
                    PageKind::Color => COLOR_START,
                };
                self.grow(kind, (current * 2).max(start).min(self.max_size));
            } else if self.evict_least_recent(kind) == 0 {
                self.overflowed = true;
                return None;
            }
        }
    }

    /// Drops the glyphs of `kind`'s page of the least recent pass that is not the
    /// current one; returns how many were dropped.
    fn evict_least_recent(&mut self, kind: PageKind) -> usize {
        let pass = self.pass;
        let Some(oldest) = self
            .entries
            .values()
            .filter(|e| e.glyph.page() == kind)
            .map(|e| e.last_used)
            .filter(|&used| used < pass)
            .min()
        else {
            return 0;
        };
        let before = self.entries.len();
        let allocator = &mut self.packers[kind as usize].allocator;
        self.entries.retain(|_, entry| {
            let keep = entry.last_used != oldest || entry.glyph.page() != kind;
            if !keep && let Some(id) = entry.alloc {
                allocator.deallocate(id);
            }
            keep
        });
        before - self.entries.len()
    }

    fn grow(&mut self, kind: PageKind, new_size: usize) {
        let packer = &mut self.packers[kind as usize];
        if packer.size == 0 {
            *packer = Packer::new(new_size);
        } else {
            packer
                .allocator
                .grow(size2(new_size as i32, new_size as i32));
            packer.size = new_size;
        }
        let mut textures = self.lock();
        let page = textures.page_mut(kind);
        if page.size() == 0 {
            *page = Pixels::new(kind, new_size);
        } else {
            page.grow(new_size);
        }
    }

    /// Where a glyph's pixels are in its page, in texels (whole numbers; valid
    /// however the page grows).
    pub fn uv(&self, glyph: &AtlasGlyph) -> Rect {
        Rect::from_min_max(
            pos2(glyph.x as f32, glyph.y as f32),
            pos2(
                (glyph.x + glyph.width) as f32,
                (glyph.y + glyph.height) as f32,
            ),
        )
    }

    /// Coverage at (x, y) of the mask page, for tests.
    pub fn alpha_at(&self, x: usize, y: usize) -> u8 {
        self.lock().page(PageKind::Mask).at(x, y)[0]
    }

    /// The RGBA pixel at (x, y) of the colour page, for tests.
    pub fn color_at(&self, x: usize, y: usize) -> [u8; 4] {
        let textures = self.lock();
        let p = textures.page(PageKind::Color).at(x, y);
        [p[0], p[1], p[2], p[3]]
    }
}

#[cfg(test)]
mod tests;

//! The atlas's pixels on the CPU side, one store per texture: coverage glyphs in a
//! one-channel store (a byte per pixel, as the GPU's R8 texture holds them), colour
//! glyphs in a premultiplied RGBA one. Each store remembers the one rectangle
//! written since the GPU last took it, so a frame's changes go up as one upload
//! per texture, and a steady screen sends nothing.

use cosmic_text::{SwashContent, SwashImage};

use super::AtlasGlyph;

/// Which texture a glyph lives in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PageKind {
    /// Coverage only, tinted by the vertex colour: one byte per pixel.
    Mask = 0,
    /// A colour glyph (emoji), premultiplied RGBA: four bytes per pixel.
    Color = 1,
}

impl PageKind {
    pub const ALL: [PageKind; 2] = [PageKind::Mask, PageKind::Color];

    pub fn bytes_per_pixel(self) -> usize {
        match self {
            PageKind::Mask => 1,
            PageKind::Color => 4,
        }
    }
}

/// What a texture must receive: the whole store (new or grown), or one rectangle.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Upload {
    /// The store's side: a texture of another size is made anew.
    pub size: usize,
    /// Where the bytes go: (x, y, width, height) in pixels.
    pub rect: [usize; 4],
    /// Rows of `rect`, tightly packed.
    pub bytes: Vec<u8>,
}

/// One texture's pixels.
pub struct Pixels {
    kind: PageKind,
    size: usize,
    data: Vec<u8>,
    /// Region (x0, y0, x1, y1) written since the last upload.
    dirty: Option<[usize; 4]>,
    /// The texture must be sent whole (it is new, grew or was cleared).
    full: bool,
}

impl Pixels {
    /// Transparent pixels, `size` x `size`; the texture is sent whole first.
    pub fn new(kind: PageKind, size: usize) -> Self {
        Self {
            kind,
            size,
            data: vec![0; size * size * kind.bytes_per_pixel()],
            dirty: None,
            full: true,
        }
    }

    pub fn kind(&self) -> PageKind {
        self.kind
    }

    pub fn size(&self) -> usize {
        self.size
    }

    /// Bytes held on the CPU side.
    pub fn bytes(&self) -> usize {
        self.data.len()
    }

    /// The pixel at (x, y): coverage for a mask store, RGBA for a colour one.
    pub fn at(&self, x: usize, y: usize) -> &[u8] {
        let bpp = self.kind.bytes_per_pixel();
        let i = (y * self.size + x) * bpp;
        &self.data[i..i + bpp]
    }

    /// A bigger square with the old pixels in its top-left corner.
    pub fn grow(&mut self, new_size: usize) {
        let bpp = self.kind.bytes_per_pixel();
        let mut data = vec![0; new_size * new_size * bpp];
        for (y, row) in self.data.chunks_exact(self.size * bpp).enumerate() {
            let at = y * new_size * bpp;
            data[at..at + row.len()].copy_from_slice(row);
        }
        self.data = data;
        self.size = new_size;
        self.full = true;
        self.dirty = None;
    }

    /// Copies a rasterised glyph into its cell, which starts `pad` pixels above and
    /// left of the glyph at (`cell_x`, `cell_y`).
    pub fn write(
        &mut self,
        glyph: &AtlasGlyph,
        pad: usize,
        cell_x: usize,
        cell_y: usize,
        image: &SwashImage,
    ) {
        let bpp = self.kind.bytes_per_pixel();
        let (w, h) = (glyph.width as usize, glyph.height as usize);
        // Clear the whole cell first: it may hold pixels of an evicted glyph.
        for y in cell_y..cell_y + h + 2 * pad {
            let row = (y * self.size + cell_x) * bpp;
            self.data[row..row + (w + 2 * pad) * bpp].fill(0);
        }
        for y in 0..h {
            let row = ((glyph.y as usize + y) * self.size + glyph.x as usize) * bpp;
            let out = &mut self.data[row..row + w * bpp];
            match (self.kind, image.content) {
                (PageKind::Mask, SwashContent::Mask) => {
                    out.copy_from_slice(&image.data[y * w..y * w + w]);
                }
                // Not requested by our rasteriser; the green channel is coverage.
                (PageKind::Mask, _) => {
                    for (x, a) in out.iter_mut().enumerate() {
                        *a = image.data[(y * w + x) * 4 + 1];
                    }
                }
                (PageKind::Color, _) => {
                    for (x, px) in out.chunks_exact_mut(4).enumerate() {
                        let i = (y * w + x) * 4;
                        let [r, g, b, a] = [0, 1, 2, 3].map(|c| u16::from(image.data[i + c]));
                        let premultiply = |c: u16| ((c * a + 127) / 255) as u8;
                        px.copy_from_slice(&[
                            premultiply(r),
                            premultiply(g),
                            premultiply(b),
                            a as u8,
                        ]);
                    }
                }
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

    /// What changed since the last call, as one upload, or `None` if nothing did.
    pub fn take_upload(&mut self) -> Option<Upload> {
        if self.size == 0 {
            // No texture yet: nothing to send.
            return None;
        }
        let bpp = self.kind.bytes_per_pixel();
        if std::mem::take(&mut self.full) {
            self.dirty = None;
            return Some(Upload {
                size: self.size,
                rect: [0, 0, self.size, self.size],
                bytes: self.data.clone(),
            });
        }
        let [x0, y0, x1, y1] = self.dirty.take()?;
        let mut bytes = Vec::with_capacity((x1 - x0) * (y1 - y0) * bpp);
        for y in y0..y1 {
            let row = y * self.size * bpp;
            bytes.extend_from_slice(&self.data[row + x0 * bpp..row + x1 * bpp]);
        }
        Some(Upload {
            size: self.size,
            rect: [x0, y0, x1 - x0, y1 - y0],
            bytes,
        })
    }

    /// The texture must be sent whole again (a new GPU texture was made).
    pub fn mark_full(&mut self) {
        self.full = true;
    }
}

/// Bytes and uploads sent to the GPU textures, per page, counted by the GPU side
/// as it sends them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct UploadStats {
    /// Bytes sent, per page ([`PageKind`] as index).
    pub bytes: [u64; 2],
    /// Texture writes, per page.
    pub uploads: [u64; 2],
    /// Frames drawn with text.
    pub frames: u64,
    /// The most texture writes one page got in one frame.
    pub most_in_a_frame: [u64; 2],
}

impl UploadStats {
    pub fn total_bytes(&self) -> u64 {
        self.bytes.iter().sum()
    }
}

/// The pixels of both pages and what was sent of them: shared by the atlas (which
/// writes glyphs) and the GPU side (which uploads the changes once per frame).
pub struct Textures {
    pages: [Pixels; 2],
    pub stats: UploadStats,
}

impl Textures {
    /// An empty mask page of `size` x `size` and no colour page yet.
    pub fn new(size: usize) -> Self {
        Self {
            pages: [
                Pixels::new(PageKind::Mask, size),
                Pixels::new(PageKind::Color, 0),
            ],
            stats: UploadStats::default(),
        }
    }

    /// Both pages start again empty (the counts stay).
    pub fn clear(&mut self, size: usize) {
        let stats = self.stats;
        *self = Self::new(size);
        self.stats = stats;
    }

    pub fn page(&self, kind: PageKind) -> &Pixels {
        &self.pages[kind as usize]
    }

    pub fn page_mut(&mut self, kind: PageKind) -> &mut Pixels {
        &mut self.pages[kind as usize]
    }
}

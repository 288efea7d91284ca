//! Treatment content: RON files parsed into raw serde types, then validated into
//! the [`Library`] the app runs on. See `assets/content/FORMAT.md`.

pub mod changes;
pub mod cite;
pub mod error;
mod files;
pub mod kept;
pub mod languages;
pub mod limits;
pub mod load;
pub mod meta;
pub mod model;
pub mod narration;
pub mod paragraphs;
pub mod raw;
pub mod review;
mod validate;

pub use error::ContentError;
pub use load::{ContentFile, ContentFiles, Loaded, load};
pub use model::{Library, Origin, SectionId, SideEffectLevel, Topic, TopicText};

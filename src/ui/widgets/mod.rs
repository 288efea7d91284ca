//! Widgets whose text goes through the text engine. Each follows egui's pattern:
//! size, allocate, interact, paint, then report its string with `widget_info` and
//! the string's language with [`speak_in`].

mod bullet_list;
mod button;
pub mod caret;
mod heading;
mod notice;
mod paragraph;
mod text_block;
mod text_field;
mod timeline;
mod topic_card;

pub use bullet_list::BulletList;
pub use button::Button;
pub use heading::Heading;
pub use notice::Notice;
pub use paragraph::Paragraph;
pub use text_block::{Width, speak_in, text_block};
pub use text_field::TextField;
pub use timeline::Timeline;
pub use topic_card::TopicCard;

//! Stage "render": HTML pages through tera (embedded default templates, overridable), QR codes,
//! the words of every page in Azerbaijani and English, LinkedIn's "Add to Profile" link, and the
//! files for machines (feeds, sitemap, robots, the hosts' header rules). Rendering never touches
//! the disk: it returns bytes for [`crate::write`].
pub mod assets;
pub mod collate;
pub mod csvout;
pub mod feeds;
pub mod hosting;
pub mod i18n;
pub mod interviews;
pub mod linkedin;
pub mod pages;
pub mod qr;
pub mod templates;

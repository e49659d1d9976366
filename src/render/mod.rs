//! Stage "render": HTML pages through tera (embedded default templates, overridable), QR codes,
//! the words of every page in Azerbaijani and English, and the small text files (sitemap,
//! robots). Rendering never touches the disk: it returns bytes for [`crate::write`].
pub mod assets;
pub mod collate;
pub mod csvout;
pub mod hosting;
pub mod i18n;
pub mod interviews;
pub mod pages;
pub mod qr;
pub mod templates;

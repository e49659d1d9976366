//! Stage "render": the site's pages and the files for machines, as bytes for [`crate::write`]
//! (rendering never touches the disk).
//!
//! - [`pages`]: the [`pages::Renderer`] of one language, which fills the [`views`] (the
//!   template contexts of the pages) and renders them through tera ([`templates`]: the embedded
//!   defaults, overridable); [`interviews`]: the interview pages and their open data.
//! - [`i18n`]: the words of every page in Azerbaijani and English; [`collate`]: Azerbaijani
//!   alphabetical order; [`qr`]: QR codes; [`linkedin`]: LinkedIn's "Add to Profile" link.
//! - Files for machines: [`feeds`] (Atom feeds, sitemap, robots), [`hosting`] (the hosts'
//!   header rules), [`csvout`] (CSV cells), [`assets`] (CSS and JavaScript), [`scan`] (the offline verifier's
//!   manifest and service worker).
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
pub mod scan;
pub mod templates;
pub mod views;

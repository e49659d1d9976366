//! certsite: a static site generator for verifiable certificates, interview results and
//! reasoned notices (see `DESIGN.md` of the project, "certsite — design and contract").
//!
//! The pipeline, one module per stage: [`load`] (read CSV, TOML and Markdown) → [`model`]
//! (validate into domain types and derive statuses) → [`sign`] (W3C Verifiable Credentials,
//! eddsa-jcs-2022) → [`render`] (tera templates, QR codes) → [`write`] (only changed files,
//! atomically). [`site::Site`] chains them; [`cmd`] holds one function per CLI command.
#![warn(missing_docs)]

pub mod sign;
pub mod render;

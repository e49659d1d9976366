//! certsite: a static site generator for verifiable certificates, interview results and
//! reasoned notices (DESIGN.md of the project is the contract).
//!
//! The pipeline, one module per stage: [`load`] (read CSV, TOML and Markdown) → [`model`]
//! (validate into domain types and derive statuses and codes) → [`sign`] (W3C Verifiable
//! Credentials, eddsa-jcs-2022) → [`render`] (tera templates, QR codes) → [`write`] (only
//! changed files, atomically). [`site::Site`] chains them; [`cmd`] holds one function per
//! CLI command; [`verify`] checks a built site offline.
#![warn(missing_docs)]

pub mod cmd;
pub mod config;
pub mod diag;
pub mod disk;
pub mod load;
pub mod model;
pub mod print;
pub mod progress;
pub mod render;
pub mod routes;
pub mod sign;
pub mod site;
pub mod state;
pub mod text;
pub mod verify;
pub mod write;

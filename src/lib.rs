//! certsite: a static site generator for verifiable certificates, interview results and
//! reasoned notices (DESIGN.md of the project is the contract).
//!
//! The pipeline, one module per stage: [`load`] (read CSV, TOML and Markdown) → [`model`]
//! (validate into domain types and derive statuses and codes) → [`sign`] (W3C Verifiable
//! Credentials with eddsa-rdfc-2022 and eddsa-jcs-2022 proofs, status lists) → [`render`]
//! (tera templates, QR codes) → [`write`] (only changed files, atomically). [`routes`] is the
//! one map of the output's paths and addresses, [`state`] the one owner of `.certsite/`.
//! [`site::Site`] chains the stages; [`cmd`] holds one function per CLI command; [`init`]
//! writes a new site root; [`verify`] checks a built site offline.
#![warn(missing_docs)]

// First: its `tr!` serves every module below.
#[macro_use]
pub mod messages;
pub mod cmd;
pub mod config;
pub mod diag;
pub mod disk;
pub mod init;
pub mod load;
pub mod model;
pub mod print;
pub mod progress;
pub mod publish;
pub mod render;
pub mod routes;
pub mod sign;
pub mod site;
pub mod state;
pub mod text;
pub mod verify;
pub mod write;

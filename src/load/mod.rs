//! Stage "load": reading the site root's files (DESIGN §3) with every problem reported.
pub mod certificates;
pub mod content;
pub mod csvfile;
pub mod decisions;
pub mod interviews;
pub mod xlsx;

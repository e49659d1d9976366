//! Stage "sign": W3C VC 2.0 credentials secured with eddsa-jcs-2022 (DESIGN §5).
pub mod jcs;
pub mod multibase;
pub mod proof;

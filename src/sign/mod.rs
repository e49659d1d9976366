//! Stage "sign": W3C VC 2.0 credentials secured with eddsa-jcs-2022, the issuer's did:web
//! document, and the secrets (DESIGN §5).
pub mod credential;
pub mod did;
pub mod jcs;
pub mod keys;
pub mod multibase;
pub mod proof;
pub mod status_list;

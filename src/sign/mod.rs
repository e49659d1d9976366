//! Stage "sign": W3C VC 2.0 / Open Badges 3.0 credentials, each secured with two Data Integrity
//! proofs (eddsa-rdfc-2022 and eddsa-jcs-2022), the issuer's did:web document, and the status
//! lists: the two-bit list every credential points into and the one-bit revocation and
//! suspension lists of credentials signed before it (DESIGN §5). The key files are state
//! ([`crate::state::keys`]).
pub mod base45;
pub mod cborld;
pub mod contexts;
pub mod credential;
pub mod did;
pub mod jcs;
pub mod multibase;
pub mod paper;
pub mod proof;
pub mod rdf;
pub mod status_list;

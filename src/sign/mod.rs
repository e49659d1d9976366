//! Stage "sign": W3C VC 2.0 credentials secured with eddsa-jcs-2022, the issuer's did:web
//! document and the two status lists (DESIGN §5). The key files are state ([`crate::state::keys`]).
pub mod credential;
pub mod did;
pub mod jcs;
pub mod multibase;
pub mod proof;
pub mod rdf;
pub mod status_list;

//! Stage "sign", the JSON-LD contexts of certsite's documents: their URLs, and the documents
//! themselves as published, bundled in the binary (`src/sign/contexts/SOURCES.md` says where
//! each comes from). Nothing is ever fetched: [`crate::sign::rdf`] reads them from here, and
//! [`crate::sign::credential`] names them in each credential's `@context`.

/// The W3C VC 2.0 base context.
pub const VC_CONTEXT: &str = "https://www.w3.org/ns/credentials/v2";

/// The Open Badges 3.0 context (1EdTech), version 3.0.3.
pub const OB_CONTEXT: &str = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

/// Each bundled context by URL.
pub const BUNDLED: &[(&str, &str)] =
    &[(VC_CONTEXT, include_str!("contexts/credentials-v2.jsonld")), (OB_CONTEXT, include_str!("contexts/ob-v3p0-context-3.0.3.json"))];

/// Where the paper credential's context is published below the site's base URL (DESIGN §4).
pub const PAPER_CONTEXT_PATH: &str = "paper/v1.jsonld";

/// The paper credential's context document (DESIGN §5), published as it is at
/// `<base_url>paper/v1.jsonld`.
pub const PAPER_CONTEXT: &str = "{\n  \"@context\": {\n    \"@protected\": true,\n    \"certificateNumber\": \"https://schema.org/identifier\",\n    \"profession\": \"https://schema.org/hasOccupation\"\n  }\n}\n";

//! `certsite verify`: checks a built site, or credential files, offline (DESIGN §5). Every
//! `c/<code>/credential.json` is verified against the site's DID document (eddsa-jcs-2022,
//! the issuer is the DID, the key is listed under `assertionMethod`), its page and QR code must
//! exist, and each failure is named. Nothing is fetched from the network.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde_json::Value;

use crate::sign::{did, proof};

/// One file that failed, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// The file.
    pub path: PathBuf,
    /// What is wrong.
    pub reason: String,
}

/// The result of verifying.
#[derive(Debug, Default)]
pub struct Verification {
    /// Credentials that verified.
    pub passed: usize,
    /// Everything that did not.
    pub failures: Vec<Failure>,
}

/// Finds the DID document of a built site: `.well-known/did.json` or `did.json`.
pub fn find_did_document(site: &Path) -> Option<PathBuf> {
    [".well-known/did.json", "did.json"].iter().map(|p| site.join(p)).find(|p| p.is_file())
}

fn read_json(path: &Path) -> Result<Value, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read: {e}"))?;
    serde_json::from_slice(&bytes).map_err(|e| format!("not JSON: {e}"))
}

/// Verifies one credential against a DID document.
pub fn verify_credential(credential: &Value, did_document: &Value) -> Result<(), String> {
    let map = credential.as_object().ok_or("not a JSON object")?;
    let did = did_document["id"].as_str().ok_or("the DID document has no id")?;
    let issuer = match &map.get("issuer") {
        Some(Value::String(s)) => s.as_str(),
        Some(Value::Object(o)) => o.get("id").and_then(Value::as_str).unwrap_or_default(),
        _ => "",
    };
    if issuer != did {
        return Err(format!("issuer is \"{issuer}\", not the site's DID {did}"));
    }
    let verified = proof::verify(map, |method| {
        if method.split('#').next() != Some(did) {
            return None;
        }
        did::resolve(did_document, method)
    })
    .map_err(|e| e.to_string())?;
    let _ = verified;
    Ok(())
}

/// Verifies every credential of a built site (and that each has its page and QR code), or
/// only `files` when given.
pub fn verify(site: &Path, files: &[PathBuf]) -> Result<Verification, String> {
    let did_path = find_did_document(site).ok_or_else(|| {
        format!("{}: no DID document (.well-known/did.json or did.json): is this a built site?", site.display())
    })?;
    let did_document = read_json(&did_path).map_err(|e| format!("{}: {e}", did_path.display()))?;
    let credentials: Vec<PathBuf> = if files.is_empty() {
        let c = site.join("c");
        let mut list: Vec<PathBuf> = match std::fs::read_dir(&c) {
            Ok(entries) => entries.flatten().map(|e| e.path().join("credential.json")).collect(),
            Err(_) => Vec::new(),
        };
        list.sort();
        list
    } else {
        files.to_vec()
    };
    let whole_site = files.is_empty();
    let results: Vec<Vec<Failure>> = credentials
        .par_iter()
        .map(|path| {
            let mut failures = Vec::new();
            let fail = |reason: String| Failure { path: path.clone(), reason };
            match read_json(path).and_then(|v| verify_credential(&v, &did_document).map(|()| v)) {
                Ok(credential) => {
                    if whole_site {
                        let dir = path.parent().unwrap_or(Path::new("."));
                        let code = dir.file_name().and_then(|n| n.to_str()).unwrap_or_default();
                        let expected_id = format!("/c/{code}/");
                        if !credential["id"].as_str().is_some_and(|id| id.ends_with(&expected_id)) {
                            failures.push(fail(format!("its id is not the address of its folder ({expected_id})")));
                        }
                        let number = credential["credentialSubject"]["certificate"]["number"].as_str().unwrap_or_default();
                        match std::fs::read_to_string(dir.join("index.html")) {
                            Ok(page) if attribute(&page, "data-number").is_some_and(|n| n == number) => {}
                            Ok(_) => failures.push(Failure {
                                path: dir.join("index.html"),
                                reason: format!("the page does not show certificate {number}"),
                            }),
                            Err(e) => failures.push(Failure { path: dir.join("index.html"), reason: format!("cannot read: {e}") }),
                        }
                        if !dir.join("qr.svg").is_file() {
                            failures.push(Failure { path: dir.join("qr.svg"), reason: "missing".into() });
                        }
                    }
                }
                Err(reason) => failures.push(fail(reason)),
            }
            failures
        })
        .collect();
    let mut verification = Verification::default();
    for failures in results {
        if failures.is_empty() {
            verification.passed += 1;
        }
        verification.failures.extend(failures);
    }
    Ok(verification)
}

/// The unescaped value of the first `name="…"` attribute in `html`.
fn attribute(html: &str, name: &str) -> Option<String> {
    let start = html.find(&format!("{name}=\""))? + name.len() + 2;
    let raw = &html[start..start + html[start..].find('"')?];
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let end = rest[amp..].find(';')? + amp;
        let entity = &rest[amp + 1..end];
        let c = match entity {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            e if e.starts_with("#x") || e.starts_with("#X") => char::from_u32(u32::from_str_radix(&e[2..], 16).ok()?)?,
            e if e.starts_with('#') => char::from_u32(e[1..].parse().ok()?)?,
            _ => return None,
        };
        out.push(c);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attribute_unescapes() {
        let html = r#"<article data-number="PSM&#x2F;2023&#x2F;01 &amp; &lt;x&gt;" data-x="y">"#;
        assert_eq!(attribute(html, "data-number").as_deref(), Some("PSM/2023/01 & <x>"));
        assert_eq!(attribute(html, "data-none"), None);
    }
}

//! `certsite verify` and `certsite keygen`: credentials verify offline against did.json, and
//! any change to what a credential says is caught and named.

mod common;

use common::*;
use serde_json::Value;
use std::path::Path;

const DATE: &str = "2026-11-23";

fn read(path: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

fn write(path: &Path, value: &Value) {
    std::fs::write(path, serde_json::to_vec_pretty(value).unwrap()).unwrap();
}

#[test]
fn a_built_site_verifies_and_every_tampering_is_named() {
    let site = fixture("minimal");
    build(site.path(), DATE);
    let out = certsite(site.path(), &["verify"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("ok: 6 credentials verified"), "{}", stderr(&out));

    let public = site.path().join("public");
    let codes: Vec<String> = pages_by_number(&public).into_values().collect();
    type Change = fn(&mut Value);
    let tamper: [(&str, Change); 6] = [
        ("name", |c| c["credentialSubject"]["name"] = "Başqası".into()),
        ("date", |c| c["validUntil"] = "2099-12-31T23:59:59Z".into()),
        ("eddsa-rdfc-2022 proof removed", |c| {
            let jcs = c["proof"][0].clone();
            c["proof"] = jcs;
        }),
        ("scope changed", |c| c["credentialSubject"]["achievement"]["description"] = "Hər şey".into()),
        ("issuer", |c| c["issuer"]["id"] = "did:web:evil.example".into()),
        ("key", |c| c["proof"][1]["verificationMethod"] = "did:web:cert.example.org#key-0000000000000000".into()),
    ];
    let mut tampered = Vec::new();
    for ((what, change), code) in tamper.iter().zip(&codes) {
        let path = public.join("c").join(code).join("credential.json");
        let mut credential = read(&path);
        change(&mut credential);
        write(&path, &credential);
        tampered.push((what, format!("c/{code}/credential.json")));
    }
    let out = certsite(site.path(), &["verify"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    for (what, file) in &tampered {
        assert!(
            err.lines().any(|l| l.starts_with("FAIL") && l.contains(file.as_str()) && !l.contains("last build")),
            "{what} not caught:\n{err}"
        );
        // And apart from its proof, the manifest of the build tells the file changed.
        assert!(err.lines().any(|l| l.contains(file.as_str()) && l.contains("differs from what the last build wrote")), "{what}:\n{err}");
    }
    assert!(err.contains("error: 12 problems; 0 credentials verified"), "{err}");
}

#[test]
fn verify_single_files_and_a_missing_page() {
    let site = fixture("minimal");
    build(site.path(), DATE);
    let public = site.path().join("public");
    let code = pages_by_number(&public)["T-0001"].clone();
    let file = public.join("c").join(&code).join("credential.json");
    let out = certsite(site.path(), &["verify", "--site", "public", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    std::fs::remove_file(public.join("c").join(&code).join("index.html")).unwrap();
    let out = certsite(site.path(), &["verify"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains(&format!("c/{code}/index.html: cannot read")), "{}", stderr(&out));
}

#[test]
fn keygen_writes_a_private_key_and_build_uses_it() {
    let site = fixture("minimal");
    let out = certsite(site.path(), &["keygen", "--out", "keys/issuer.key"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let public_key = String::from_utf8(out.stdout).unwrap().trim().to_owned();
    assert!(public_key.starts_with("z6Mk"), "{public_key}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(site.path().join("keys/issuer.key")).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let again = certsite(site.path(), &["keygen", "--out", "keys/issuer.key"]);
    assert_eq!(again.status.code(), Some(1), "never overwrites a key");

    let out = certsite(site.path(), &["build", "--build-date", DATE, "--key", "keys/issuer.key"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!site.path().join(".certsite/signing.key").exists(), "the given key is used, no other is made");
    let did = read(&site.path().join("public/.well-known/did.json"));
    assert_eq!(did["verificationMethod"][0]["publicKeyMultibase"], public_key.as_str());
    assert_eq!(did["verificationMethod"][0]["type"], "Multikey");
    assert_eq!(did["verificationMethod"][0]["controller"], "did:web:cert.example.org");
    let vm = did["verificationMethod"][0]["id"].as_str().unwrap();
    assert!(vm.starts_with("did:web:cert.example.org#key-"));
    assert_eq!(did["assertionMethod"][0], vm);

    // A new key: the old one stays listed (retired), credentials are re-signed with the new.
    let out = certsite(site.path(), &["build", "--build-date", DATE]);
    assert!(out.status.success());
    assert!(stderr(&out).contains("created a new signing key"), "{}", stderr(&out));
    let did = read(&site.path().join("public/.well-known/did.json"));
    assert_eq!(did["verificationMethod"].as_array().unwrap().len(), 2);
    assert_eq!(did["verificationMethod"][1]["publicKeyMultibase"], public_key.as_str());
    assert!(certsite(site.path(), &["verify"]).status.success());

    let out = certsite(site.path(), &["build", "--key", "missing.key"]);
    assert_eq!(out.status.code(), Some(1), "an explicit key that does not exist is not created");
}

#[test]
fn credentials_are_open_badges_with_a_proof_set() {
    let site = fixture("minimal");
    build(site.path(), DATE);
    let public = site.path().join("public");
    let code = pages_by_number(&public)["T/0002"].clone();
    let c = read(&public.join("c").join(&code).join("credential.json"));
    assert_eq!(
        c["@context"],
        serde_json::json!(["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"])
    );
    assert_eq!(c["type"], serde_json::json!(["VerifiableCredential", "OpenBadgeCredential"]));
    assert_eq!(c["id"], format!("https://cert.example.org/c/{code}/"));
    assert_eq!(c["issuer"]["id"], "did:web:cert.example.org");
    assert_eq!(c["issuer"]["type"], serde_json::json!(["Profile"]));
    assert_eq!(c["validFrom"], "2022-03-01T00:00:00Z");
    assert_eq!(c["validUntil"], "2025-02-28T23:59:59Z", "valid_until is inclusive");
    let subject = &c["credentialSubject"];
    assert_eq!(subject["type"], serde_json::json!(["AchievementSubject"]));
    let achievement = &subject["achievement"];
    assert_eq!(achievement["type"], serde_json::json!(["Achievement"]));
    assert_eq!(achievement["otherIdentifier"][0]["identifier"], "T/0002");
    assert_eq!(achievement["otherIdentifier"][0]["type"], "IdentifierEntry", "one IRI, as 1EdTech's schema wants");
    assert!(achievement["criteria"]["narrative"].is_string());
    assert!(c["credentialStatus"].is_object(), "one status entry (OB 3.0 allows one)");
    assert_eq!(c["credentialStatus"]["statusPurpose"], "message");
    let proofs = c["proof"].as_array().expect("a proof set");
    let suites: Vec<&str> = proofs.iter().map(|p| p["cryptosuite"].as_str().unwrap()).collect();
    assert_eq!(suites, ["eddsa-jcs-2022", "eddsa-rdfc-2022"]);
    for proof in proofs {
        assert_eq!(proof["type"], "DataIntegrityProof");
        assert_eq!(proof["proofPurpose"], "assertionMethod");
        assert_eq!(proof["verificationMethod"], proofs[0]["verificationMethod"], "one key");
        assert!(proof["proofValue"].as_str().unwrap().starts_with('z'));
    }
    assert_eq!(proofs[0]["@context"], c["@context"], "eddsa-jcs-2022 carries the document's context");
    assert!(proofs[1].get("@context").is_none(), "eddsa-rdfc-2022 takes the document's");
    // Verified independently of `certsite verify`, with the library's proof check.
    let did = read(&public.join(".well-known/did.json"));
    let shapes = certsite::sign::rdf::Shapes::default();
    certsite::verify::verify_credential(&c, &did, &shapes).unwrap();
    // Each proof on its own verifies; a changed name fails both.
    for (k, proof) in proofs.iter().enumerate() {
        let mut one = c.clone();
        one["proof"] = proof.clone();
        let map = one.as_object().unwrap();
        let resolve = |m: &str| certsite::sign::did::resolve(&did, m);
        assert_eq!(certsite::sign::proof::verify(map, resolve, &shapes).unwrap().len(), 1, "proof {k}");
        one["credentialSubject"]["name"] = "Başqası".into();
        assert!(certsite::sign::proof::verify(one.as_object().unwrap(), resolve, &shapes).is_err(), "proof {k} after a change");
    }
}

#[test]
fn results_and_notices_are_signed_linked_and_a_change_is_caught() {
    let site = sample();
    build(site.path(), DATE);
    let public = site.path().join("public");
    let did = read(&public.join(".well-known/did.json"));
    let shapes = certsite::sign::rdf::Shapes::default();
    let mut results = Vec::new();
    for entry in std::fs::read_dir(public.join("interviews")).unwrap() {
        let path = entry.unwrap().path().join("results.json");
        if path.is_file() {
            results.push(path);
        }
    }
    let notices: Vec<_> =
        std::fs::read_dir(public.join("notices")).unwrap().map(|e| e.unwrap().path().join("notice.json")).filter(|p| p.is_file()).collect();
    assert!(!results.is_empty() && !notices.is_empty(), "the sample has published results and notices");
    for path in results.iter().chain(&notices) {
        let document = read(path);
        assert_eq!(document["proof"]["cryptosuite"], "eddsa-jcs-2022", "{}", path.display());
        certsite::verify::verify_document(&document, &did, &shapes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        // The page beside it links it.
        let page = std::fs::read_to_string(path.with_file_name("index.html")).unwrap();
        let name = path.file_name().unwrap().to_str().unwrap();
        assert!(page.contains(&format!("data-signed=\"{name}\"")), "{}", path.display());
    }
    // A notice holds what its page says.
    let notice = read(&notices[0]);
    let page = std::fs::read_to_string(notices[0].with_file_name("index.html")).unwrap();
    assert!(page.contains(notice["certificate"].as_str().unwrap()) && page.contains(notice["reason"].as_str().unwrap()));
    assert!(notice["grounds"][0]["cite"].is_string() && notice["objection_deadline"].is_string());

    let out = certsite(site.path(), &["verify"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains(&format!("ok: {} signed documents", results.len() + notices.len())), "{}", stderr(&out));

    // A changed result and a changed reasoning are caught, each named.
    let mut changed = read(&results[0]);
    changed["specialties"][0]["candidates"][0]["final_score"] = serde_json::json!(99.9);
    write(&results[0], &changed);
    let mut changed = read(&notices[0]);
    changed["reason"] = "Başqa əsas".into();
    write(&notices[0], &changed);
    let out = certsite(site.path(), &["verify"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    for path in [&results[0], &notices[0]] {
        let rel = path.strip_prefix(site.path()).unwrap().display().to_string();
        assert!(err.lines().any(|l| l.starts_with("FAIL") && l.contains(&rel) && l.contains("signature")), "{rel} not caught:\n{err}");
    }
}

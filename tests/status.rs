//! Signed Bitstring Status Lists (DESIGN §5): the message list every credential points into
//! (one entry, two bits: revoked or suspended) and the two one-bit lists of credentials signed
//! before it, signed, ≥ 131,072 entries, values that match the data, indexes that never move,
//! and `certsite verify` catching every mismatch.

mod common;

use common::*;
use serde_json::Value;
use std::path::Path;

use certsite::routes::Routes;
use certsite::sign::credential::Signer;
use certsite::sign::status_list::{list_credential, message_index, slot_of, Bitstring, Purpose, Standing, MIN_ENTRIES};

const DATE: &str = "2026-11-23";

fn read(path: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

/// The status list slot of a certificate, from its credential's one status entry.
fn index_of(public: &Path, code: &str) -> usize {
    let c = read(&public.join("c").join(code).join("credential.json"));
    let entry = c["credentialStatus"].as_object().expect("one status entry, not a list");
    let j: u64 = entry["statusListIndex"].as_str().unwrap().parse().unwrap();
    slot_of(j).expect("an index certsite gives") as usize
}

fn bits(public: &Path, purpose: Purpose) -> Bitstring {
    let list = read(&public.join(Routes::status_list(purpose)));
    Bitstring::decode(list["credentialSubject"]["encodedList"].as_str().unwrap()).unwrap()
}

#[test]
fn lists_are_signed_large_and_flag_exactly_the_suspended_and_revoked() {
    let site = fixture("minimal");
    build(site.path(), DATE);
    let public = site.path().join("public");
    let did = read(&public.join(".well-known/did.json"));
    for purpose in Purpose::ALL {
        let list = read(&public.join(Routes::status_list(purpose)));
        assert_eq!(list["type"][1], "BitstringStatusListCredential");
        assert_eq!(list["credentialSubject"]["type"], "BitstringStatusList");
        assert_eq!(list["credentialSubject"]["statusPurpose"], purpose.code());
        assert_eq!(list["id"], format!("https://cert.example.org/{}", Routes::status_list(purpose)));
        assert!(list["credentialSubject"]["encodedList"].as_str().unwrap().starts_with('u'));
        certsite::verify::verify_credential(&list, &did, &certsite::sign::rdf::Shapes::default()).unwrap();
        assert!(bits(&public, purpose).len() >= MIN_ENTRIES);
    }
    let pages = pages_by_number(&public);
    let message = bits(&public, Purpose::Message);
    assert!(message.len() >= 2 * MIN_ENTRIES, "two bits an entry");
    let (revocation, suspension) = (bits(&public, Purpose::Revocation), bits(&public, Purpose::Suspension));
    for (number, code) in &pages {
        let i = index_of(&public, code);
        let entry = &read(&public.join("c").join(code).join("credential.json"))["credentialStatus"];
        assert_eq!(entry["type"], "BitstringStatusListEntry");
        assert_eq!(entry["statusPurpose"], "message");
        assert_eq!(entry["statusSize"], 2);
        assert_eq!(entry["statusListCredential"], "https://cert.example.org/status/status.json");
        let j = message_index(i as u32);
        let expected = match number.as_str() {
            "T-0006" => Standing::Revoked,
            "T-0005" => Standing::Suspended,
            _ => Standing::Clear,
        };
        assert_eq!(Standing::from_value(message.value(j, 2)), Some(expected), "{number}: two bits");
        assert_eq!(message.get(j as usize), expected != Standing::Clear, "{number}: one bit at the index");
        // The one-bit lists that credentials signed before point into, at the slot itself.
        assert_eq!(revocation.get(i), number == "T-0006", "{number}");
        assert_eq!(suspension.get(i), number == "T-0005", "{number}");
    }
    let out = certsite(site.path(), &["verify"]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn indexes_never_move_when_certificates_are_added_or_removed() {
    let site = fixture("minimal");
    build(site.path(), DATE);
    let public = site.path().join("public");
    let before: Vec<(String, usize)> = pages_by_number(&public).into_iter().map(|(n, c)| (n, index_of(&public, &c))).collect();
    let csv = site.path().join("data/certificates.csv");
    let mut text = std::fs::read_to_string(&csv).unwrap();
    text = text.lines().filter(|l| !l.starts_with("T-0004")).map(|l| format!("{l}\n")).collect();
    for i in 0..50 {
        text.push_str(&format!("N-{i},Yeni,Ad,,Peşə,,,2026-01-01,2028-01-01,,,,,,,\n"));
    }
    std::fs::write(&csv, text).unwrap();
    build(site.path(), DATE);
    let after = pages_by_number(&public);
    let mut seen = std::collections::HashSet::new();
    for (number, index) in before.iter().filter(|(n, _)| n != "T-0004") {
        assert_eq!(index_of(&public, &after[number]), *index, "{number} moved");
    }
    for code in after.values() {
        assert!(seen.insert(index_of(&public, code)), "two certificates share an index");
    }
    let removed = before.iter().find(|(n, _)| n == "T-0004").unwrap().1;
    assert!(!seen.contains(&removed), "a removed certificate's slot is not given to another");
}

#[test]
fn verify_checks_the_bits_against_the_data() {
    let site = fixture("minimal");
    build(site.path(), DATE);
    // The data changes after the build: T-0001 gets suspended and the list is now stale.
    let decisions = site.path().join("data/decisions.csv");
    let mut text = std::fs::read_to_string(&decisions).unwrap();
    text.push_str("D-9,T-0001,suspend,2026-11-01,,,reputation,Səbəb.,,\n");
    std::fs::write(&decisions, text).unwrap();
    let out = certsite(site.path(), &["verify"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("status/suspension.json: entry")
            && err.contains("of certificate T-0001 is 0, but the data says it is suspended on 2026-11-23")
            && err.contains("status/status.json: entry"),
        "{err}"
    );
    // Without the data (another root), only signatures and shapes are checked.
    let elsewhere = tempfile::tempdir().unwrap();
    let site_dir = site.path().join("public");
    let out = certsite(elsewhere.path(), &["verify", "--site", site_dir.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn verify_rejects_a_forged_list_a_small_list_and_a_missing_list() {
    let site = fixture("minimal");
    build(site.path(), DATE);
    let public = site.path().join("public");
    let revocation = public.join(Routes::status_list(Purpose::Revocation));
    // Whoever hosts the files flips a bit: the signature breaks.
    let mut list = read(&revocation);
    let mut b = bits(&public, Purpose::Revocation);
    b.set(0);
    list["credentialSubject"]["encodedList"] = b.encode().into();
    std::fs::write(&revocation, serde_json::to_vec(&list).unwrap()).unwrap();
    let err = stderr(&certsite(site.path(), &["verify"]));
    assert!(err.contains("FAIL ./public/status/revocation.json:"), "{err}");

    // Signed with the right key but too short.
    let key =
        certsite::sign::multibase::decode_secret_key(std::fs::read_to_string(site.path().join(".certsite/signing.key")).unwrap().trim())
            .unwrap();
    let signer = Signer::new("did:web:cert.example.org".into(), "Orqan".into(), "https://cert.example.org".into(), key);
    let small = list_credential(
        "https://cert.example.org/status/revocation.json",
        Purpose::Revocation,
        &Bitstring::new(1024),
        &signer.did,
        "2026-11-23T00:00:00Z",
        "2026-12-24T23:59:59Z",
    );
    let signed = signer.sign(small, "2026-11-23T00:00:00Z");
    std::fs::write(&revocation, serde_json::to_vec(&Value::Object(signed.unwrap())).unwrap()).unwrap();
    let err = stderr(&certsite(site.path(), &["verify"]));
    assert!(err.contains("1024 entries, fewer than the 131072"), "{err}");

    // A message list signed with the right key whose one-bit reading of T-0001 says "flagged"
    // while its two bits say clear: the lists must agree with themselves.
    let pages = pages_by_number(&public);
    let j = message_index(index_of(&public, &pages["T-0001"]) as u32);
    let path = public.join(Routes::status_list(Purpose::Message));
    let mut b = bits(&public, Purpose::Message);
    b.set(j as usize);
    let skewed = list_credential(
        "https://cert.example.org/status/status.json",
        Purpose::Message,
        &b,
        &signer.did,
        "2026-11-23T00:00:00Z",
        "2026-12-24T23:59:59Z",
    );
    std::fs::write(&path, serde_json::to_vec(&Value::Object(signer.sign(skewed, "2026-11-23T00:00:00Z").unwrap())).unwrap()).unwrap();
    let err = stderr(&certsite(site.path(), &["verify"]));
    assert!(err.contains(&format!("status/status.json: the one-bit reading of entry {j} disagrees with its two bits")), "{err}");

    std::fs::remove_file(public.join(Routes::status_list(Purpose::Suspension))).unwrap();
    let out = certsite(site.path(), &["verify"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("status/suspension.json: cannot read"), "{}", stderr(&out));
}

#[test]
fn verify_holds_each_page_status_against_the_lists() {
    let site = sample();
    build(site.path(), DATE);
    let public = site.path().join("public");
    let code = pages_by_number(&public)["PSM-2024-0088"].clone(); // revoked
    for page in [public.join("c").join(&code).join("index.html"), public.join("en/c").join(&code).join("index.html")] {
        let html = std::fs::read_to_string(&page).unwrap();
        std::fs::write(&page, html.replace(r#"data-status="revoked""#, r#"data-status="valid""#)).unwrap();
    }
    let out = certsite(site.path(), &["verify"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains(&format!("c/{code}/index.html: the page says \"valid\", the status lists say revoked")), "{err}");
    assert!(err.contains(&format!("en/c/{code}/index.html: the page says")), "{err}");
}

#[test]
fn lists_are_valid_from_the_build_date_for_max_age_days() {
    let site = fixture("minimal");
    build(site.path(), DATE);
    let public = site.path().join("public");
    for purpose in Purpose::ALL {
        let list = read(&public.join(Routes::status_list(purpose)));
        assert_eq!(list["validFrom"], "2026-11-23T00:00:00Z");
        assert_eq!(list["validUntil"], "2026-12-24T23:59:59Z", "31 days by default (DESIGN §5)");
    }
    let toml = site.path().join("data/site.toml");
    let text = std::fs::read_to_string(&toml).unwrap();
    std::fs::write(&toml, format!("{text}\n[status]\nmax_age_days = 7\n")).unwrap();
    build(site.path(), "2026-11-24");
    let list = read(&public.join(Routes::status_list(Purpose::Suspension)));
    assert_eq!((list["validFrom"].as_str(), list["validUntil"].as_str()), (Some("2026-11-24T00:00:00Z"), Some("2026-12-01T23:59:59Z")));
    // A daily rebuild with nothing changed re-signs the three lists and writes the date file,
    // and no certificate page.
    let out = certsite(site.path(), &["build", "--build-date", "2026-11-25"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("(0 signed and rendered); 4 files written"), "{}", stderr(&out));
    std::fs::write(&toml, format!("{text}\n[status]\nmax_age_day = 7\n")).unwrap();
    let out = certsite(site.path(), &["check", "--build-date", DATE]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("unknown key `max_age_day`") && stderr(&out).contains("max_age_days"), "{}", stderr(&out));
}

/// A copy of the minimal site with the state of the build that signed
/// `tests/fixtures/earlier-copies/credentials/` (two status entries each): its key ring (the
/// public key that signed them, not the private one: the build makes a new signing key and
/// did.json lists both), its status list slots, and its URL secret (a published test value).
fn with_earlier_state() -> tempfile::TempDir {
    let site = fixture("minimal");
    let earlier = repo().join("tests/fixtures/earlier-copies");
    copy_dir(&earlier.join("certsite-state"), &site.path().join(".certsite"));
    std::fs::copy(earlier.join("url-secret.test"), site.path().join(".certsite/url.secret")).unwrap();
    site
}

fn earlier_copy(number: &str) -> (std::path::PathBuf, Value) {
    let path = repo().join("tests/fixtures/earlier-copies/credentials").join(format!("{}.json", number.replace('/', "_")));
    let credential = read(&path);
    (path, credential)
}

#[test]
fn credentials_signed_before_keep_verifying_and_keep_telling_the_status() {
    let site = with_earlier_state();
    build(site.path(), DATE);
    let public = site.path().join("public");
    let pages = pages_by_number(&public);
    let (revocation, suspension) = (bits(&public, Purpose::Revocation), bits(&public, Purpose::Suspension));
    let mut files = Vec::new();
    for number in ["T-0001", "T/0002", "T-0003", "T-0004", "T-0005", "T-0006"] {
        let (path, old) = earlier_copy(number);
        let entries = old["credentialStatus"].as_array().expect("two entries, as signed before");
        let slot: usize = entries[0]["statusListIndex"].as_str().unwrap().parse().unwrap();
        assert_eq!(entries[0]["statusListCredential"], "https://cert.example.org/status/revocation.json");
        assert_eq!(entries[1]["statusListCredential"], "https://cert.example.org/status/suspension.json");
        // Today's credential of the same certificate points at the same slot, through its one entry.
        assert_eq!(index_of(&public, &pages[number]), slot, "{number}");
        assert_eq!(old["id"], format!("https://cert.example.org/c/{}/", pages[number]), "{number}: the same page");
        // The one-bit lists still say what the register says.
        assert_eq!(revocation.get(slot), number == "T-0006", "{number}");
        assert_eq!(suspension.get(slot), number == "T-0005", "{number}");
        files.push(path.to_string_lossy().into_owned());
    }
    let mut args = vec!["verify"];
    args.extend(files.iter().map(String::as_str));
    let out = certsite(site.path(), &args);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("ok: 6 credentials verified"), "{}", stderr(&out));

    // A decision after they were signed: the earlier copy of T-0001 now reads suspended, and
    // T-0005's, reinstated, clear.
    let decisions = site.path().join("data/decisions.csv");
    let mut text = std::fs::read_to_string(&decisions).unwrap();
    text.push_str("D-3,T-0001,suspend,2026-11-24,,,reputation,Səbəb.,,\nD-4,T-0005,reinstate,2026-11-24,,,surveillance,D-1 saylı qərarla tətbiq edilmiş dayandırma götürülür.,,\n");
    std::fs::write(&decisions, text).unwrap();
    build(site.path(), "2026-11-25");
    let suspension = bits(&public, Purpose::Suspension);
    let slot = |number: &str| earlier_copy(number).1["credentialStatus"][1]["statusListIndex"].as_str().unwrap().parse::<usize>().unwrap();
    assert!(suspension.get(slot("T-0001")), "T-0001's earlier copy reads suspended");
    assert!(!suspension.get(slot("T-0005")), "T-0005's earlier copy reads reinstated");
    let out = certsite(site.path(), &["verify"]);
    assert!(out.status.success(), "{}", stderr(&out));
}

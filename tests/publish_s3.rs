//! `certsite publish` to a `bucket` target (DESIGN §2): a real S3 server (s3s-fs, over a
//! temporary folder) in this process on 127.0.0.1, with test credentials given to certsite in
//! the environment. Every object is read back over S3 (object_store, as certsite sends) and
//! compared with the build output, bytes and Content-Type and Cache-Control, after a first
//! publish, after changed rows (only their objects sent: PUTs counted at the server), after a
//! publish stopped half-way and run again, and after deletions (one bulk request); a publish
//! with nothing changed makes no request, and a server that is gone is retried, then reported.

mod common;
#[path = "common/s3.rs"]
mod s3;

use common::*;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Output};

use object_store::aws::AmazonS3Builder;
use object_store::{Attribute, ObjectStore, ObjectStoreExt as _};

const DATE: &str = "2026-11-23";
const BUCKET: &str = "register-site";

/// `certsite publish <args>` in `root` with the test credentials and no other AWS setting of
/// the machine (nor its ~/.aws).
fn publish(root: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_certsite"));
    command.arg("publish").args(args).current_dir(root);
    for (var, _) in std::env::vars_os() {
        if var.to_string_lossy().starts_with("AWS_") {
            command.env_remove(var);
        }
    }
    for var in ["CERTSITE_KEY", "SOURCE_DATE_EPOCH", "LC_ALL", "LC_MESSAGES", "LANG"] {
        command.env_remove(var);
    }
    command.env("HOME", root).envs([
        ("LC_ALL", "C.UTF-8"),
        ("AWS_ACCESS_KEY_ID", s3::ACCESS_KEY),
        ("AWS_SECRET_ACCESS_KEY", s3::SECRET_KEY),
        ("CERTSITE_PUBLISH_BACKOFF_MS", "10"),
    ]);
    command.envs(env.iter().copied()).output().unwrap()
}

fn out(o: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&o.stdout), stderr(o))
}

/// An object as S3 returns it: bytes, Content-Type, Cache-Control.
#[derive(Debug, PartialEq, Eq)]
struct Object {
    bytes: Vec<u8>,
    content_type: String,
    cache_control: String,
}

/// Every object below `prefix/` in the bucket, by key without the prefix, read back over S3.
fn objects(server: &s3::Server, prefix: &str) -> BTreeMap<String, Object> {
    #[allow(deprecated)]
    let _ = rustls::crypto::ring::default_provider().install_default();
    let store = AmazonS3Builder::new()
        .with_bucket_name(BUCKET)
        .with_region("us-east-1")
        .with_endpoint(server.endpoint())
        .with_allow_http(true)
        .with_access_key_id(s3::ACCESS_KEY)
        .with_secret_access_key(s3::SECRET_KEY)
        .build()
        .unwrap();
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    runtime.block_on(async {
        use futures::TryStreamExt as _;
        let listed: Vec<_> = store.list(Some(&object_store::path::Path::from(prefix))).try_collect().await.unwrap();
        let mut all = BTreeMap::new();
        for meta in listed {
            let got = store.get(&meta.location).await.unwrap();
            let attribute = |a: Attribute| got.attributes.get(&a).map(|v| v.as_ref().to_owned()).unwrap_or_default();
            let (content_type, cache_control) = (attribute(Attribute::ContentType), attribute(Attribute::CacheControl));
            let bytes = got.bytes().await.unwrap().to_vec();
            let key = meta.location.as_ref().strip_prefix(&format!("{prefix}/")).unwrap().to_owned();
            all.insert(key, Object { bytes, content_type, cache_control });
        }
        all
    })
}

/// What a file of the build must be served with, by its kind (DESIGN §4), written out here
/// independently of certsite's table.
fn expected_headers(rel: &str) -> (&'static str, &'static str) {
    let cache = if rel.starts_with("assets/") { "public, max-age=300" } else { "no-cache" };
    let extension = rel.rsplit_once('.').map_or("", |(_, e)| e);
    let kind = match extension {
        _ if rel.ends_with("manifest.webmanifest") => "application/manifest+json",
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "jsonld" => "application/ld+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "csv" => "text/csv; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "xml" if rel.ends_with("atom.xml") => "application/atom+xml",
        "xml" => "application/xml",
        "md" => "text/markdown; charset=utf-8",
        _ => "application/octet-stream",
    };
    (kind, cache)
}

/// Asserts that the bucket holds exactly the build output `public`, each object with its
/// headers.
fn assert_holds(server: &s3::Server, public: &Path, what: &str) {
    let held = objects(server, "register");
    let built = tree(public);
    let keys: Vec<&String> = held.keys().collect();
    assert_eq!(keys, built.keys().collect::<Vec<_>>(), "{what}: the bucket holds the output's files");
    for (rel, bytes) in &built {
        let object = &held[rel];
        assert!(&object.bytes == bytes, "{what}: {rel} differs");
        let (content_type, cache_control) = expected_headers(rel);
        assert_eq!((object.content_type.as_str(), object.cache_control.as_str()), (content_type, cache_control), "{what}: {rel}");
    }
}

#[test]
fn publish_to_a_bucket_sends_what_changed_with_its_headers_and_resumes() {
    let site = sample();
    let root = site.path();
    let storage = tempfile::tempdir().unwrap();
    let mut server = s3::start(storage.path(), 0, &[BUCKET], None);
    let settings = format!(
        "\n[publish.cdn]\nbucket = \"{BUCKET}\"\nprefix = \"/register/\"\nendpoint = \"{}\"\nmax_deletions = 1\n",
        server.endpoint()
    );
    let toml = root.join("data/site.toml");
    std::fs::write(&toml, std::fs::read_to_string(&toml).unwrap() + &settings).unwrap();
    let public = root.join("public");
    let destination = format!("s3://{BUCKET}/register ({})", server.endpoint());

    // First publish: one PUT a file, and the bucket holds the build with each kind's headers.
    build(root, DATE);
    let files = tree(&public).len() as u64;
    let sent = publish(root, &[], &[]);
    assert!(sent.status.success(), "{}", out(&sent));
    assert!(out(&sent).contains(&format!("cdn ({destination}): {files} files sent, 0 deleted")), "{}", out(&sent));
    assert_eq!((server.counts.get("PUT"), server.counts.total()), (files, files), "{}", server.counts.report());
    assert_holds(&server, &public, "first publish");

    // Nothing changed: no request at all (the record says what the bucket holds).
    server.counts.reset();
    let again = publish(root, &[], &[]);
    assert!(again.status.success() && out(&again).contains("up to date"), "{}", out(&again));
    assert!(server.counts.total() <= 2, "{}", server.counts.report());

    // Ten changed rows: exactly the objects whose bytes changed are sent again.
    let before = tree(&public);
    change_rows(root, 10, "x");
    build(root, DATE);
    let after = tree(&public);
    let changed = after.keys().filter(|rel| before.get(*rel) != after.get(*rel)).count() as u64;
    assert!(changed >= 30, "three files a certificate: {changed}");
    server.counts.reset();
    let sent = publish(root, &[], &[]);
    assert!(sent.status.success(), "{}", out(&sent));
    assert_eq!(server.counts.get("PUT"), changed, "only the changed files: {}", server.counts.report());
    assert_holds(&server, &public, "changed rows");

    // Stopped after two batches of five: the pages are not all sent; run again, the rest is.
    change_rows(root, 5, "y");
    let about = root.join("content/about.md");
    std::fs::write(&about, std::fs::read_to_string(&about).unwrap() + "\nBir cümlə də.\n").unwrap();
    build(root, DATE);
    let stopped = publish(root, &[], &[("CERTSITE_PUBLISH_BATCH", "5"), ("CERTSITE_PUBLISH_STOP_AFTER", "2")]);
    assert_eq!(stopped.status.code(), Some(1), "{}", out(&stopped));
    assert!(out(&stopped).contains("not published: certificates"), "{}", out(&stopped));
    let half = objects(&server, "register");
    assert_ne!(half["about/index.html"].bytes, std::fs::read(public.join("about/index.html")).unwrap(), "pages come after certificates");
    let resumed = publish(root, &[], &[("CERTSITE_PUBLISH_BATCH", "5")]);
    assert!(resumed.status.success(), "{}", out(&resumed));
    assert_holds(&server, &public, "resumed");

    // Deletions: more than max_deletions are refused without --force, with no request; with
    // it, one bulk DeleteObjects request.
    std::fs::remove_file(&about).unwrap();
    std::fs::remove_file(root.join("content/about.en.md")).unwrap();
    build(root, DATE);
    server.counts.reset();
    let refused = publish(root, &[], &[]);
    assert_eq!(refused.status.code(), Some(1), "{}", out(&refused));
    assert!(out(&refused).contains("more than max_deletions (1)"), "{}", out(&refused));
    assert_eq!(server.counts.total(), 0, "refused: nothing sent: {}", server.counts.report());
    assert!(objects(&server, "register").contains_key("about/index.html"));
    server.counts.reset();
    let forced = publish(root, &["--force"], &[]);
    assert!(forced.status.success(), "{}", out(&forced));
    assert!(out(&forced).contains("2 deleted"), "{}", out(&forced));
    assert_eq!((server.counts.get("POST"), server.counts.get("DELETE")), (1, 0), "one bulk delete: {}", server.counts.report());
    assert_holds(&server, &public, "after deletions");

    // A server that is gone: retried, then exit 1 saying what is and is not published.
    server.stop();
    change_rows(root, 1, "z");
    build(root, DATE);
    let failed = publish(root, &[], &[]);
    assert_eq!(failed.status.code(), Some(1), "{}", out(&failed));
    let text = out(&failed);
    assert!(text.contains("trying again") && text.contains("published: nothing") && text.contains("not published: certificates"), "{text}");
    assert!(text.contains(&destination), "{text}");
}

#[test]
fn a_target_is_ssh_or_a_bucket_and_site_toml_holds_no_secret() {
    let site = sample();
    let root = site.path();
    let toml = root.join("data/site.toml");
    let base = std::fs::read_to_string(&toml).unwrap();
    let line = |text: &str, needle: &str| text.lines().position(|l| l.contains(needle)).unwrap() + 1;

    let both = format!("{base}\n[publish.web]\nssh = \"web.example:/srv/www\"\nbucket = \"register-site\"\n");
    std::fs::write(&toml, &both).unwrap();
    let refused = publish(root, &[], &[]);
    assert_eq!(refused.status.code(), Some(1), "{}", out(&refused));
    let text = out(&refused);
    assert!(text.contains(&format!("site.toml:{}:", line(&both, "bucket = "))) && text.contains("both ssh and bucket"), "{text}");

    let mixed = format!("{base}\n[publish.cdn]\nbucket = \"register-site\"\nport = 22\n");
    std::fs::write(&toml, &mixed).unwrap();
    let text = out(&publish(root, &[], &[]));
    assert!(
        text.contains(&format!("site.toml:{}:", line(&mixed, "port = 22"))) && text.contains("port is a setting of an ssh target"),
        "{text}"
    );

    let secret = format!("{base}\n[publish.cdn]\nbucket = \"register-site\"\nsecret_access_key = \"wJalrXUtnFEMI/K7MDENG\"\n");
    std::fs::write(&toml, &secret).unwrap();
    let refused = publish(root, &[], &[]);
    assert_eq!(refused.status.code(), Some(1), "{}", out(&refused));
    let text = out(&refused);
    assert!(text.contains(&format!("site.toml:{}:", line(&secret, "secret_access_key"))), "{text}");
    assert!(
        text.contains("may not hold secrets") && text.contains("AWS_SECRET_ACCESS_KEY") && text.contains("~/.aws/credentials"),
        "{text}"
    );
    assert!(!text.contains("wJalrXUtnFEMI"), "the secret is not shown: {text}");
    let az = out(&publish(root, &[], &[("LC_ALL", "az_AZ.UTF-8")]));
    assert!(az.contains("gizli məlumat saxlanıla bilməz") && az.contains("AWS_SECRET_ACCESS_KEY") && !az.contains("may not"), "{az}");
}

//! The `bucket` target of `certsite publish`: S3-compatible object storage (AWS S3 or any store
//! that speaks its protocol at `endpoint`). Each file is one `PutObject` with the Content-Type
//! and Cache-Control the hosting rules give its kind (DESIGN §4), many at once; deletions are
//! bulk `DeleteObjects` requests of up to 1,000 keys. Credentials come from the environment or
//! the AWS credentials file, never from site.toml.

use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use anyhow::{anyhow, bail, Context as _};
use futures::{StreamExt as _, TryStreamExt as _};
use object_store::aws::{AmazonS3, AmazonS3Builder};
use object_store::path::Path as Key;
use object_store::{Attribute, Attributes, BackoffConfig, ClientOptions, ObjectStore, PutOptions, PutPayload, RetryConfig};

use crate::config::PublishTarget;
use crate::render::hosting::Hosting;
use crate::routes::Routes;

/// Uploads in flight at once.
const IN_FLIGHT: usize = 32;
/// Keys in one `DeleteObjects` request (the most S3 takes).
const DELETE_CHUNK: usize = 1_000;

/// The `bucket` target: `PutObject` and `DeleteObjects` into `bucket/prefix`.
pub struct S3 {
    store: Arc<AmazonS3>,
    /// The folder in the bucket, with a slash at the end (`""`: the bucket's root).
    prefix: String,
    /// The site's routes, for the headers of each kind of file.
    routes: Routes,
    runtime: tokio::runtime::Runtime,
    requests: AtomicU64,
}

impl S3 {
    /// The target of `settings` (a bucket), for the site whose paths are `routes`.
    pub fn new(settings: &PublishTarget, routes: Routes) -> anyhow::Result<S3> {
        let bucket = settings.bucket.as_deref().ok_or_else(|| anyhow!("no bucket"))?;
        // TLS with ring, installed once per process: the build has no other provider (aws-lc,
        // rustls' default with post-quantum key exchange, is a C library that would add minutes
        // to every clean build, for files that are public anyway).
        #[allow(deprecated)]
        let _ = rustls::crypto::ring::default_provider().install_default();
        let client = ClientOptions::new()
            .with_timeout(Duration::from_secs(60))
            .with_connect_timeout(Duration::from_secs(10))
            .with_pool_max_idle_per_host(IN_FLIGHT);
        let mut builder = AmazonS3Builder::from_env().with_client_options(client).with_bucket_name(bucket).with_region(settings.region());
        if let Some(endpoint) = &settings.endpoint {
            builder = builder.with_endpoint(endpoint.trim_end_matches('/')).with_allow_http(endpoint.starts_with("http://"));
        }
        if std::env::var_os("AWS_ACCESS_KEY_ID").is_none() {
            if let Some(keys) = credentials_file()? {
                builder = builder.with_access_key_id(keys.id).with_secret_access_key(keys.secret);
                if let Some(token) = keys.token {
                    builder = builder.with_token(token);
                }
            }
        }
        // Few retries of a request here: publish() retries a whole batch, with its own waits.
        let retry = RetryConfig {
            backoff: BackoffConfig { init_backoff: Duration::from_millis(200), max_backoff: Duration::from_secs(2), base: 2.0 },
            max_retries: 2,
            retry_timeout: Duration::from_secs(60),
        };
        let store = builder.with_retry(retry).build().context(tr!("publish-s3-settings"))?;
        let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build()?;
        let prefix = match settings.prefix() {
            "" => String::new(),
            p => format!("{p}/"),
        };
        Ok(S3 { store: Arc::new(store), prefix, routes, runtime, requests: AtomicU64::new(0) })
    }

    /// The key of the file `rel` (below the output).
    fn key(&self, rel: &str) -> Key {
        Key::from(format!("{}{rel}", self.prefix))
    }
}

impl super::Transport for S3 {
    fn send(&self, out: &Path, paths: &[String]) -> anyhow::Result<()> {
        let rules = Hosting { routes: &self.routes }.object_rules();
        self.runtime.block_on(async {
            futures::stream::iter(paths)
                .map(|rel| {
                    let key = self.key(rel);
                    let file = out.join(rel);
                    let headers = rules.headers(rel);
                    async move {
                        let bytes = std::fs::read(&file).with_context(|| file.display().to_string())?;
                        let mut attributes = Attributes::new();
                        attributes.insert(Attribute::ContentType, headers.content_type.into());
                        attributes.insert(Attribute::CacheControl, headers.cache_control.into());
                        let options = PutOptions { attributes, ..PutOptions::default() };
                        self.requests.fetch_add(1, Ordering::Relaxed);
                        self.store.put_opts(&key, PutPayload::from(bytes), options).await.map_err(|e| anyhow!("PUT {key}: {e}"))?;
                        anyhow::Ok(())
                    }
                })
                .buffer_unordered(IN_FLIGHT)
                .try_collect::<()>()
                .await
        })
    }

    fn delete(&self, paths: &[String]) -> anyhow::Result<()> {
        let keys: Vec<object_store::Result<Key>> = paths.iter().map(|rel| Ok(self.key(rel))).collect();
        self.requests.fetch_add(paths.len().div_ceil(DELETE_CHUNK) as u64, Ordering::Relaxed);
        self.runtime.block_on(async {
            let mut gone = self.store.delete_stream(futures::stream::iter(keys).boxed());
            while let Some(result) = gone.next().await {
                match result {
                    Ok(_) | Err(object_store::Error::NotFound { .. }) => {}
                    Err(e) => bail!("DeleteObjects: {e}"),
                }
            }
            Ok(())
        })
    }

    fn batch(&self) -> usize {
        // A record is logged after each batch: at 32 uploads at once, a few seconds of work.
        2_000
    }

    fn requests(&self) -> u64 {
        self.requests.load(Ordering::Relaxed)
    }
}

/// Keys of the AWS credentials file.
#[derive(Debug, PartialEq, Eq)]
struct Keys {
    id: String,
    secret: String,
    token: Option<String>,
}

/// The keys of profile `$AWS_PROFILE` (else `default`) in `$AWS_SHARED_CREDENTIALS_FILE` (else
/// `~/.aws/credentials`), if the file exists and holds them. A profile asked for by name that is
/// not there is an error.
fn credentials_file() -> anyhow::Result<Option<Keys>> {
    let path = match (std::env::var_os("AWS_SHARED_CREDENTIALS_FILE"), std::env::var_os("HOME")) {
        (Some(file), _) => std::path::PathBuf::from(file),
        (None, Some(home)) => Path::new(&home).join(".aws/credentials"),
        (None, None) => return Ok(None),
    };
    let named = std::env::var("AWS_PROFILE").ok().filter(|p| !p.is_empty());
    let profile = named.clone().unwrap_or_else(|| "default".to_owned());
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && named.is_none() => return Ok(None),
        Err(e) => return Err(e).with_context(|| path.display().to_string()),
    };
    match profile_keys(&text, &profile) {
        Some(keys) => Ok(Some(keys)),
        None if named.is_some() => {
            bail!(tr!("publish-s3-no-profile", profile = profile, path = path.display().to_string()))
        }
        None => Ok(None),
    }
}

/// The keys of `[profile]` in the text of an AWS credentials file (INI).
fn profile_keys(text: &str, profile: &str) -> Option<Keys> {
    let (mut id, mut secret, mut token) = (None, None, None);
    let mut inside = false;
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('#') || line.starts_with(';') || line.is_empty() {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            inside = name.trim() == profile;
            continue;
        }
        if !inside {
            continue;
        }
        if let Some((key, value)) = line.split_once('=') {
            let value = value.trim().to_owned();
            match key.trim().to_ascii_lowercase().as_str() {
                "aws_access_key_id" => id = Some(value),
                "aws_secret_access_key" => secret = Some(value),
                "aws_session_token" => token = Some(value),
                _ => {}
            }
        }
    }
    Some(Keys { id: id?, secret: secret?, token })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_credentials_file_is_read_by_profile() {
        let text = "[default]\naws_access_key_id = A\naws_secret_access_key = B\n\n# staff\n[site]\n\
                    aws_access_key_id=C\naws_secret_access_key=D\naws_session_token = E\nregion = eu-central-1\n";
        assert_eq!(profile_keys(text, "default"), Some(Keys { id: "A".into(), secret: "B".into(), token: None }));
        assert_eq!(profile_keys(text, "site"), Some(Keys { id: "C".into(), secret: "D".into(), token: Some("E".into()) }));
        assert_eq!(profile_keys(text, "other"), None);
        assert_eq!(profile_keys("[default]\naws_access_key_id = A\n", "default"), None, "a key without its secret is none");
    }
}

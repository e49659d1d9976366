//! An S3 server over a folder (s3s-fs), on 127.0.0.1, for tests/publish_s3.rs and
//! examples/s3-server.rs: requests need the test credentials ([`ACCESS_KEY`], [`SECRET_KEY`])
//! and are counted by method. s3s-fs keeps each object's bytes at `<root>/<bucket>/<key>` and
//! its Content-Type and Cache-Control beside it, and returns them on GET and HEAD.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use hyper_util::rt::{TokioExecutor, TokioIo};
use hyper_util::server::conn::auto::Builder as ConnBuilder;
use s3s::auth::SimpleAuth;
use s3s::service::{S3Service, S3ServiceBuilder};

/// The test credentials' access key.
pub const ACCESS_KEY: &str = "certsite-test-key";
/// The test credentials' secret.
pub const SECRET_KEY: &str = "certsite-test-secret";

/// Requests served, by HTTP method; written to a file after each when one is given.
#[derive(Default)]
pub struct Counts {
    by_method: Mutex<BTreeMap<String, u64>>,
    file: Option<PathBuf>,
}

impl Counts {
    fn add(&self, method: &str) {
        let mut counts = self.by_method.lock().unwrap();
        *counts.entry(method.to_owned()).or_default() += 1;
        if let Some(file) = &self.file {
            let tmp = file.with_extension("tmp");
            if std::fs::write(&tmp, Counts::text(&counts)).is_ok() {
                let _ = std::fs::rename(tmp, file);
            }
        }
    }

    fn text(counts: &BTreeMap<String, u64>) -> String {
        counts.iter().map(|(m, n)| format!("{m} {n}\n")).collect()
    }

    /// The counts as lines of `METHOD count`.
    pub fn report(&self) -> String {
        Counts::text(&self.by_method.lock().unwrap())
    }

    /// Requests of `method` so far.
    pub fn get(&self, method: &str) -> u64 {
        self.by_method.lock().unwrap().get(method).copied().unwrap_or(0)
    }

    /// Every request so far.
    pub fn total(&self) -> u64 {
        self.by_method.lock().unwrap().values().sum()
    }

    /// Starts counting again from nothing.
    pub fn reset(&self) {
        self.by_method.lock().unwrap().clear();
    }
}

/// The S3 service, counting each request before it serves it.
#[derive(Clone)]
struct Counting {
    inner: S3Service,
    counts: Arc<Counts>,
}

impl hyper::service::Service<hyper::Request<hyper::body::Incoming>> for Counting {
    type Response = <S3Service as hyper::service::Service<hyper::Request<hyper::body::Incoming>>>::Response;
    type Error = <S3Service as hyper::service::Service<hyper::Request<hyper::body::Incoming>>>::Error;
    type Future = <S3Service as hyper::service::Service<hyper::Request<hyper::body::Incoming>>>::Future;

    fn call(&self, request: hyper::Request<hyper::body::Incoming>) -> Self::Future {
        self.counts.add(request.method().as_str());
        hyper::service::Service::call(&self.inner, request)
    }
}

/// A running server; stopped (its connections dropped) by [`Server::stop`] or when dropped.
pub struct Server {
    /// Where it listens.
    pub addr: SocketAddr,
    /// Its requests.
    pub counts: Arc<Counts>,
    runtime: Option<tokio::runtime::Runtime>,
}

impl Server {
    /// `http://127.0.0.1:<port>`.
    pub fn endpoint(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Stops serving: the port then refuses connections.
    pub fn stop(&mut self) {
        if let Some(runtime) = self.runtime.take() {
            runtime.shutdown_background();
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Serves the folder `root` (each bucket a folder in it; `buckets` are made) on 127.0.0.1:`port`
/// (0: any free port), in threads of its own; `counts_file` gets the counts after each request.
pub fn start(root: &Path, port: u16, buckets: &[&str], counts_file: Option<PathBuf>) -> Server {
    for bucket in buckets {
        std::fs::create_dir_all(root.join(bucket)).unwrap();
    }
    let fs = s3s_fs::FileSystem::new(root).unwrap();
    let mut builder = S3ServiceBuilder::new(fs);
    builder.set_auth(SimpleAuth::from_single(ACCESS_KEY, SECRET_KEY));
    let counts = Arc::new(Counts { by_method: Mutex::default(), file: counts_file });
    let service = Counting { inner: builder.build(), counts: counts.clone() };
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let listener = runtime.block_on(tokio::net::TcpListener::bind(("127.0.0.1", port))).unwrap();
    let addr = listener.local_addr().unwrap();
    runtime.spawn(async move {
        let http = ConnBuilder::new(TokioExecutor::new());
        loop {
            let Ok((socket, _)) = listener.accept().await else { continue };
            let connection = http.serve_connection(TokioIo::new(socket), service.clone()).into_owned();
            tokio::spawn(async move {
                let _ = connection.await;
            });
        }
    });
    Server { addr, counts, runtime: Some(runtime) }
}

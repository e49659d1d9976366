//! An S3 server over a folder, for `scripts/bench` and trying `certsite publish` by hand:
//! `cargo run --release --example s3-server -- --root DIR --port N [--bucket NAME]... [--counts FILE]`.
//! Prints its address; requests need the access key `certsite-test-key` and the secret
//! `certsite-test-secret`. Counts requests by method: written to FILE after each request when
//! `--counts` is given, and printed when stopped (SIGTERM, SIGINT).

#[path = "../tests/common/s3.rs"]
mod s3;

use clap::Parser;

#[derive(Parser)]
struct Args {
    /// The folder served: each bucket is a folder in it.
    #[arg(long)]
    root: std::path::PathBuf,
    /// The port on 127.0.0.1 (0: any free one).
    #[arg(long, default_value_t = 0)]
    port: u16,
    /// Buckets to make (folders in the root).
    #[arg(long)]
    bucket: Vec<String>,
    /// A file that gets the counts of requests by method after each request.
    #[arg(long)]
    counts: Option<std::path::PathBuf>,
}

fn main() {
    let args = Args::parse();
    std::fs::create_dir_all(&args.root).expect("the root folder");
    let buckets: Vec<&str> = args.bucket.iter().map(String::as_str).collect();
    let server = s3::start(&args.root, args.port, &buckets, args.counts.clone());
    println!("{}", server.endpoint());
    let signals = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("a runtime");
    signals.block_on(async {
        let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()).expect("SIGTERM");
        tokio::select! {
            _ = term.recv() => {}
            _ = tokio::signal::ctrl_c() => {}
        }
    });
    print!("{}", server.counts.report());
}

//! What the two code paths that change the disk share: the write stage ([`crate::write`], the
//! output) and the site's state ([`crate::state`], `.certsite/`). Paths in their absolute form,
//! and the kill-safety test hook both of them call before each change.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

/// Test hook for kill-safety (DESIGN §6): with `CERTSITE_TEST_KILL_AFTER=N` in the
/// environment, the process kills itself (SIGKILL, as `kill -9` would) at its N-th change to
/// the output or to `.certsite/` (a staged or installed file, a removal, a state file).
pub fn checkpoint() {
    static LIMIT: OnceLock<Option<u64>> = OnceLock::new();
    static COUNT: AtomicU64 = AtomicU64::new(0);
    let limit = LIMIT.get_or_init(|| std::env::var("CERTSITE_TEST_KILL_AFTER").ok().and_then(|v| v.parse().ok()));
    if let Some(limit) = *limit {
        if COUNT.fetch_add(1, Ordering::SeqCst) + 1 >= limit {
            #[cfg(unix)]
            // SAFETY: raise() only sends a signal to this process.
            unsafe {
                libc::raise(libc::SIGKILL);
            }
            std::process::abort();
        }
    }
}

/// The absolute form of `path`: made absolute from the current folder, `..` and `.` removed
/// lexically, and the part that exists resolved (symlinks), so two spellings of one place
/// compare equal.
pub fn absolute(path: &Path) -> PathBuf {
    let path = if path.is_absolute() { path.to_owned() } else { std::env::current_dir().unwrap_or_default().join(path) };
    let mut lexical = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::ParentDir => {
                lexical.pop();
            }
            std::path::Component::CurDir => {}
            other => lexical.push(other),
        }
    }
    let mut existing = lexical;
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.file_name().map(ToOwned::to_owned), existing.parent()) {
            (Some(name), Some(parent)) => {
                rest.push(name);
                existing = parent.to_owned();
            }
            _ => break,
        }
    }
    let mut resolved = existing.canonicalize().unwrap_or(existing);
    for name in rest.into_iter().rev() {
        resolved.push(name);
    }
    resolved
}

//! State, lock: one build of a site at a time (DESIGN §2). A build holds an advisory lock
//! (`flock`) on `.certsite/lock` for as long as it runs and writes its process id and start
//! time into the file, so that a second build can say who holds the site. The operating system
//! releases the lock when the process ends, however it ends: a lock left by a killed build
//! never blocks the next one.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{self, Read, Seek, Write};
use std::path::Path;

use time::OffsetDateTime;

/// The lock, held until dropped (or until the process ends).
#[derive(Debug)]
pub struct Lock {
    _file: File,
}

/// Another build holds the site: what its lock file says of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Held {
    /// Its process id, if it wrote one yet.
    pub pid: Option<u32>,
    /// When it started (UTC), if it wrote it yet.
    pub started: Option<String>,
}

impl std::fmt::Display for Held {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match (&self.pid, &self.started) {
            (Some(pid), Some(started)) => tr!("state-lock-held-since", pid = pid.to_string(), started = started),
            (Some(pid), None) => tr!("state-lock-held-by", pid = pid.to_string()),
            _ => tr!("state-lock-held"),
        };
        f.write_str(&text)
    }
}

/// Takes the lock at `path`: at once (`wait` false: `Ok(Err(Held))` when another process has
/// it) or waiting until it is free.
pub fn acquire(path: &Path, wait: bool) -> io::Result<Result<Lock, Held>> {
    let mut file = OpenOptions::new().read(true).write(true).create(true).truncate(false).open(path)?;
    if wait {
        file.lock()?;
    } else {
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => return Ok(Err(holder(&mut file))),
            Err(TryLockError::Error(e)) => return Err(e),
        }
    }
    let started = OffsetDateTime::now_utc();
    let stamp = format!(
        "{:04}-{:02}-{:02} {:02}:{:02}:{:02} UTC",
        started.year(),
        u8::from(started.month()),
        started.day(),
        started.hour(),
        started.minute(),
        started.second()
    );
    file.set_len(0)?;
    file.rewind()?;
    file.write_all(format!("pid {}\nstarted {stamp}\n", std::process::id()).as_bytes())?;
    Ok(Ok(Lock { _file: file }))
}

/// What the holder wrote into the lock file.
fn holder(file: &mut File) -> Held {
    let mut text = String::new();
    let _ = file.read_to_string(&mut text);
    let field = |name: &str| text.lines().find_map(|l| l.strip_prefix(name)).map(|v| v.trim().to_owned());
    Held { pid: field("pid ").and_then(|p| p.parse().ok()), started: field("started ") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_holder_is_refused_until_the_first_lets_go() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("lock");
        let first = acquire(&path, false).unwrap().expect("free");
        let held = acquire(&path, false).unwrap().expect_err("taken");
        assert_eq!(held.pid, Some(std::process::id()));
        assert!(held.started.as_deref().is_some_and(|s| s.ends_with("UTC")), "{held:?}");
        assert!(held.to_string().starts_with("another build holds this site (pid "), "{held}");
        drop(first);
        assert!(acquire(&path, false).unwrap().is_ok(), "free again once dropped");
    }
}

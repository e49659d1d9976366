//! Stage "write", folders made beside the work that fills them: one thread per kind of folder
//! (`c/CODE`, `en/c/CODE`) makes that kind's folders in the staging folder, in order, while the
//! workers sign and render; a worker about to stage a file first waits for its folder
//! ([`FolderThreads::wait`]). Making folders is the kernel's work, and in a stage of its own it
//! kept only 1.35–1.6 of two cores busy (100,000 certificates); beside it, the signing uses the
//! rest. (Two threads making folders in one parent wait for its lock by spinning: measured,
//! twice the system time and no gain in wall time.)

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;

use anyhow::anyhow;

use super::Output;

/// The folder threads of one pass (see the [module docs](self)).
pub struct FolderThreads<'a> {
    out: &'a Output,
    /// How many folders of each kind are made.
    count: usize,
    /// Folder `n` of kind `kind`, below the output.
    dir: &'a (dyn Fn(usize, usize) -> String + Sync),
    /// For each kind, how many of its folders are made.
    made: Vec<AtomicUsize>,
    /// A folder could not be made, or the work stopped: no more folders are made.
    stopped: AtomicBool,
    /// The first folder that could not be made, and why.
    error: Mutex<Option<String>>,
}

impl<'a> FolderThreads<'a> {
    /// The folders `dir(kind, n)` for `kind` below `kinds` and `n` below `count`, to be staged
    /// in `out` (their parent folders must be staged already).
    pub fn new(out: &'a Output, kinds: usize, count: usize, dir: &'a (dyn Fn(usize, usize) -> String + Sync)) -> FolderThreads<'a> {
        FolderThreads {
            out,
            count,
            dir,
            made: (0..kinds).map(|_| AtomicUsize::new(0)).collect(),
            stopped: AtomicBool::new(false),
            error: Mutex::new(None),
        }
    }

    /// Runs `work` while one thread per kind makes the folders; the threads stop when `work`
    /// returns. A folder that could not be made fails the whole, before `work`'s own result.
    pub fn alongside<R>(&self, work: impl FnOnce() -> anyhow::Result<R>) -> anyhow::Result<R> {
        let result = std::thread::scope(|scope| {
            for kind in 0..self.made.len() {
                scope.spawn(move || self.make(kind));
            }
            let result = work();
            // Stops the threads if the work failed before they were done.
            self.stop();
            result
        });
        self.result()?;
        result
    }

    /// Makes the folders of one kind, in order (the work of one thread).
    fn make(&self, kind: usize) {
        // Were this thread to panic, the workers must not wait for its folders for ever.
        struct StopIfPanicking<'f>(&'f AtomicBool);
        impl Drop for StopIfPanicking<'_> {
            fn drop(&mut self) {
                if std::thread::panicking() {
                    self.0.store(true, Ordering::Relaxed);
                }
            }
        }
        let _guard = StopIfPanicking(&self.stopped);
        for n in 0..self.count {
            if self.stopped.load(Ordering::Relaxed) {
                return;
            }
            let dir = (self.dir)(kind, n);
            if let Err(e) = self.out.stage_dir(&dir) {
                self.error.lock().unwrap_or_else(|p| p.into_inner()).get_or_insert(tr!(
                    "write-staging-failed",
                    path = &dir,
                    error = e.to_string()
                ));
                self.stop();
                return;
            }
            self.made[kind].store(n + 1, Ordering::Release);
        }
    }

    /// Waits until folder `n` of kind `kind` is made.
    pub fn wait(&self, kind: usize, n: usize) -> anyhow::Result<()> {
        let made = &self.made[kind];
        while made.load(Ordering::Acquire) <= n {
            if self.stopped.load(Ordering::Relaxed) {
                return Err(anyhow!(tr!("write-folder-not-made")));
            }
            std::thread::yield_now();
        }
        Ok(())
    }

    /// No more folders are made.
    fn stop(&self) {
        self.stopped.store(true, Ordering::Relaxed);
    }

    /// The first folder that could not be made, if any.
    fn result(&self) -> anyhow::Result<()> {
        match self.error.lock().unwrap_or_else(|p| p.into_inner()).take() {
            Some(e) => Err(anyhow!(tr!("write-nothing-written", error = e))),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CODES: [&str; 3] = ["0123456789AB", "0123456789AC", "0123456789AD"];

    fn dir(kind: usize, n: usize) -> String {
        format!("{}/{}", ["c", "en/c"][kind], CODES[n])
    }

    #[test]
    fn each_folder_is_waited_for_until_made_beside_the_work() {
        let tmp = tempfile::tempdir().unwrap();
        let out = Output::open(&tmp.path().join("public"), &tmp.path().join("staging")).unwrap();
        for parent in ["c", "en", "en/c"] {
            out.stage_dir(parent).unwrap();
        }
        let folders = FolderThreads::new(&out, 2, CODES.len(), &dir);
        folders
            .alongside(|| {
                for n in (0..CODES.len()).rev() {
                    for kind in 0..2 {
                        folders.wait(kind, n)?;
                        assert!(tmp.path().join("staging").join(dir(kind, n)).is_dir(), "{kind} {n}");
                    }
                }
                Ok(())
            })
            .unwrap();
    }

    #[test]
    fn a_folder_that_cannot_be_made_fails_its_files_and_is_reported() {
        let tmp = tempfile::tempdir().unwrap();
        let out = Output::open(&tmp.path().join("public"), &tmp.path().join("staging")).unwrap();
        std::fs::create_dir_all(tmp.path().join("staging/en/c")).unwrap();
        std::fs::write(tmp.path().join("staging/c"), "a file where the folders go").unwrap();
        let folders = FolderThreads::new(&out, 2, 2, &dir);
        let e = folders
            .alongside(|| {
                let e = folders.wait(0, 1).unwrap_err();
                assert_eq!(e.to_string(), "its folder was not made");
                Ok(())
            })
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("staging c/0123456789AB: ") && e.ends_with("; nothing was written"), "{e}");
    }
}

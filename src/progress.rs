//! What a long build shows while it runs, and what each stage cost (DESIGN §2). On a
//! terminal, each stage (read, sign, render, write) gets an indicatif progress bar with its
//! count and rate; with `--quiet`, or when stderr is not a terminal, nothing is drawn. Every
//! stage also records its wall time and the process's CPU time (user and system, all threads),
//! which `certsite build --timings` prints and `scripts/bench` reads.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};

/// The cost of one stage.
#[derive(Debug, Clone)]
pub struct Timing {
    /// The stage.
    pub stage: &'static str,
    /// What it worked on (certificates, files).
    pub items: u64,
    /// Wall-clock time.
    pub wall: Duration,
    /// CPU time in user space, all threads.
    pub user: Duration,
    /// CPU time in the kernel, all threads.
    pub system: Duration,
    /// The process's peak memory (max RSS, KiB) so far, at the stage's end.
    pub peak_kib: u64,
}

/// The progress display of one command, and the timings of its stages.
pub struct Progress {
    multi: Option<MultiProgress>,
    timings: Mutex<Vec<Timing>>,
}

impl Progress {
    /// Bars drawn on stderr when `show` (the caller checks `--quiet` and that stderr is a
    /// terminal); hidden otherwise.
    pub fn new(show: bool) -> Progress {
        let multi = show.then(|| MultiProgress::with_draw_target(ProgressDrawTarget::stderr_with_hz(10)));
        Progress { multi, timings: Mutex::new(Vec::new()) }
    }

    /// No bars (timings are still recorded).
    pub fn hidden() -> Progress {
        Progress::new(false)
    }

    /// Starts a stage of `total` items (0: a spinner, the total not known).
    pub fn stage(&self, name: &'static str, total: u64) -> Stage<'_> {
        let bar = match &self.multi {
            Some(multi) => {
                let bar = multi.add(if total > 0 { ProgressBar::new(total) } else { ProgressBar::new_spinner() });
                let template = if total > 0 {
                    "{prefix:>8.bold} [{bar:32}] {human_pos}/{human_len} {per_sec:>12} {msg}"
                } else {
                    "{prefix:>8.bold} {spinner} {msg}"
                };
                bar.set_style(
                    ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_bar()).progress_chars("=> "),
                );
                bar.set_prefix(label(name));
                bar
            }
            None => ProgressBar::hidden(),
        };
        let (user, system, _) = usage();
        Stage { progress: self, bar, name, started: Instant::now(), cpu: (user, system) }
    }

    /// Prints a line above the bars (or plainly when there are none).
    pub fn println(&self, line: &str) {
        match &self.multi {
            Some(multi) => {
                let _ = multi.println(line);
            }
            None => eprintln!("{line}"),
        }
    }

    /// The stages run so far, in order.
    pub fn timings(&self) -> Vec<Timing> {
        self.timings.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }
}

/// A stage's name as the bar shows it, in the current language.
fn label(name: &'static str) -> String {
    match name {
        "read" => tr!("progress-read"),
        "state" => tr!("progress-state"),
        "plan" => tr!("progress-plan"),
        "sign" => tr!("progress-sign"),
        "render" => tr!("progress-render"),
        "write" => tr!("progress-write"),
        other => other.to_owned(),
    }
}

/// A running stage.
pub struct Stage<'a> {
    progress: &'a Progress,
    bar: ProgressBar,
    name: &'static str,
    started: Instant,
    cpu: (Duration, Duration),
}

impl Stage<'_> {
    /// `n` more items done.
    pub fn inc(&self, n: u64) {
        self.bar.inc(n);
    }

    /// A note beside the bar.
    pub fn message(&self, text: impl Into<std::borrow::Cow<'static, str>>) {
        self.bar.set_message(text);
    }

    /// Ends the stage, which worked on `items`, and records its cost.
    pub fn finish(self, items: u64) {
        let (user, system, peak_kib) = usage();
        if !self.bar.is_hidden() {
            if self.bar.length().is_none() {
                self.bar.set_message(format!("{items}"));
            }
            self.bar.finish();
        }
        self.progress.timings.lock().unwrap_or_else(|p| p.into_inner()).push(Timing {
            stage: self.name,
            items,
            wall: self.started.elapsed(),
            user: user.saturating_sub(self.cpu.0),
            system: system.saturating_sub(self.cpu.1),
            peak_kib,
        });
    }
}

/// CPU time of this process so far, all threads, and its peak memory so far: (user, system,
/// max RSS in KiB).
#[cfg(unix)]
fn usage() -> (Duration, Duration, u64) {
    // SAFETY: getrusage fills the struct it is given; zeroed is a valid rusage.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    if unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) } != 0 {
        return (Duration::ZERO, Duration::ZERO, 0);
    }
    let d = |t: libc::timeval| Duration::new(t.tv_sec as u64, (t.tv_usec as u32) * 1000);
    // Linux gives ru_maxrss in KiB.
    (d(usage.ru_utime), d(usage.ru_stime), u64::try_from(usage.ru_maxrss).unwrap_or(0))
}

#[cfg(not(unix))]
fn usage() -> (Duration, Duration, u64) {
    (Duration::ZERO, Duration::ZERO, 0)
}

/// The timings as a table: per stage wall and CPU time, CPU per certificate, and the
/// process's peak memory at the stage's end.
pub fn timings_table(timings: &[Timing], certificates: usize) -> String {
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let mut out = format!("{}\n", tr!("progress-timings-heading"));
    for t in timings {
        let per = if certificates > 0 { (t.user + t.system).as_secs_f64() * 1e6 / certificates as f64 } else { 0.0 };
        out.push_str(&format!(
            "{:<8} {:>8} {:>11.1} {:>9.1} {:>9.1} {:>20.2} {:>9}\n",
            label(t.stage),
            t.items,
            ms(t.wall),
            ms(t.user),
            ms(t.system),
            per,
            t.peak_kib.div_ceil(1024)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_progress_still_times_each_stage() {
        let progress = Progress::hidden();
        let stage = progress.stage("sign", 3);
        stage.inc(3);
        stage.finish(3);
        progress.stage("write", 0).finish(0);
        let timings = progress.timings();
        assert_eq!(timings.iter().map(|t| (t.stage, t.items)).collect::<Vec<_>>(), [("sign", 3), ("write", 0)]);
        let table = timings_table(&timings, 3);
        assert!(table.lines().nth(1).unwrap().starts_with("sign "), "{table}");
        // The last column: the peak memory so far, in MiB (this test process has some).
        let peaks: Vec<u64> = table.lines().skip(1).map(|l| l.split_whitespace().last().unwrap().parse().unwrap()).collect();
        assert!(cfg!(not(unix)) || (peaks[0] > 0 && peaks[1] >= peaks[0]), "{table}");
    }
}

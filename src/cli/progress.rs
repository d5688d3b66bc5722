//! A one-line progress display on stderr for long runs (add, import, rebuild): counts, rate and,
//! when the total is known, percentage and ETA. Shown only when stderr is a terminal, redrawn at
//! most four times a second, so scripts and logs never see it.

use std::io::IsTerminal;
use std::time::{Duration, Instant};

/// The progress line.
pub struct Progress {
    started: Instant,
    last: Option<Instant>,
    total_bytes: Option<u64>,
}

impl Progress {
    /// A progress line; `total_bytes` (e.g. the size of the files to read) enables the ETA.
    pub fn new(total_bytes: Option<u64>) -> Progress {
        Progress {
            started: Instant::now(),
            last: std::io::stderr().is_terminal().then(Instant::now),
            total_bytes,
        }
    }

    /// Redraws the line: `done` items of `unit` (e.g. "articles"), `bytes` of the total read,
    /// and a free-form `detail`.
    pub fn update(&mut self, done: u64, unit: &str, bytes: u64, detail: &str) {
        let Some(last) = self.last else { return };
        if last.elapsed() < Duration::from_millis(250) {
            return;
        }
        self.last = Some(Instant::now());
        let elapsed = self.started.elapsed().as_secs_f64().max(0.001);
        let mut line = format!("{done} {unit}, {:.0}/s", done as f64 / elapsed);
        if let Some(total) = self.total_bytes.filter(|t| *t > 0 && bytes > 0) {
            let fraction = (bytes as f64 / total as f64).min(1.0);
            let eta = elapsed / fraction - elapsed;
            line.push_str(&format!(", {:.0}%, ETA {}", fraction * 100.0, clock(eta)));
        }
        if !detail.is_empty() {
            line.push_str(", ");
            line.push_str(detail);
        }
        eprint!("\r\x1b[K{line}");
    }

    /// Seconds since the start.
    pub fn elapsed(&self) -> f64 {
        self.started.elapsed().as_secs_f64()
    }

    /// Erases the line (before other output, and at the end).
    pub fn clear(&self) {
        if self.last.is_some() {
            eprint!("\r\x1b[K");
        }
    }
}

fn clock(seconds: f64) -> String {
    let s = seconds.max(0.0) as u64;
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    } else {
        format!("{}:{:02}", s / 60, s % 60)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn clock_reads_like_a_clock() {
        assert_eq!(super::clock(5.2), "0:05");
        assert_eq!(super::clock(3725.0), "1:02:05");
    }
}

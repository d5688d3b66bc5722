//! Between the fetcher and `add`'s archive → extract → index loop: outcomes are taken as soon as
//! they arrive, so the fetcher's slots free up and fetching goes on while the loop is busy (an
//! index commit takes 0.2–1.5 s), and held within a memory budget, so a slow loop slows the
//! fetching down instead of filling memory.

use std::sync::Arc;
use std::sync::mpsc as std_mpsc;

use tokio::sync::{Semaphore, mpsc};
use tokio::task::JoinHandle;

use crate::fetch::{FetchOutcome, Job};

/// Bytes of response bodies the buffer may hold.
pub const BUDGET: usize = 64 << 20;

/// The permits are kibibytes.
const UNIT: usize = 1024;

type Item = (Job, FetchOutcome, u32);

/// Outcomes taken from the fetcher, waiting for the loop.
pub struct Buffer {
    rx: std_mpsc::Receiver<Item>,
    permits: Arc<Semaphore>,
    task: JoinHandle<()>,
}

impl Buffer {
    /// Starts taking `outcomes` on `runtime`.
    pub fn spawn(
        runtime: &tokio::runtime::Runtime,
        mut outcomes: mpsc::Receiver<(Job, FetchOutcome)>,
    ) -> Buffer {
        let total = BUDGET / UNIT;
        let permits = Arc::new(Semaphore::new(total));
        let (tx, rx) = std_mpsc::channel();
        let task = runtime.spawn({
            let permits = Arc::clone(&permits);
            async move {
                while let Some((job, outcome)) = outcomes.recv().await {
                    let bytes: usize = (outcome.hops().iter())
                        .map(|h| h.response.body.len() + UNIT)
                        .sum();
                    let units = (bytes / UNIT).clamp(1, total) as u32;
                    // An error means the loop is gone: stop, which stops the fetcher.
                    let Ok(permit) = permits.acquire_many(units).await else {
                        return;
                    };
                    permit.forget();
                    if tx.send((job, outcome, units)).is_err() {
                        return;
                    }
                }
            }
        });
        Buffer { rx, permits, task }
    }

    /// The next outcome, waiting for one; `None` when the fetcher is done.
    pub fn recv(&self) -> Option<(Job, FetchOutcome)> {
        self.rx.recv().ok().map(|item| self.release(item))
    }

    /// The next outcome if one is waiting.
    pub fn try_recv(&self) -> Option<(Job, FetchOutcome)> {
        self.rx.try_recv().ok().map(|item| self.release(item))
    }

    fn release(&self, (job, outcome, units): Item) -> (Job, FetchOutcome) {
        self.permits.add_permits(units as usize);
        (job, outcome)
    }
}

impl Drop for Buffer {
    /// Stops taking outcomes; without a reader the fetcher stops too.
    fn drop(&mut self) {
        self.permits.close();
        self.task.abort();
    }
}

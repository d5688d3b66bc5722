//! Many jobs at once, politely and in constant memory: one scheduler task owns every host's
//! queue, robots.txt verdict and pacing, and starts fetches while the overall and per-host limits
//! allow. Hosts take turns (round robin), so one busy host does not hold up the others, and the
//! input is read only while fewer than `queue_limit` jobs wait.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, VecDeque};
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::mpsc;
use tokio::time::Instant;
use url::Url;

use super::chain::{self, Followed, Step};
use super::robots::Robots;
use super::{Exchange, FetchOutcome, FetchStatus, Fetcher, Job, retry};

/// How often the scheduler refreshes [`FetchStatus`] (at most; it also waits for events).
const STATUS_EVERY: Duration = Duration::from_millis(250);

/// The largest robots.txt read (RFC 9309 asks for at least 500 KiB).
const ROBOTS_MAX: u64 = 512 << 10;

/// Starts the scheduler task; outcomes come out of the returned channel.
pub(super) fn spawn(
    fetcher: Arc<Fetcher>,
    jobs: mpsc::Receiver<Job>,
) -> mpsc::Receiver<(Job, FetchOutcome)> {
    // Small: a worker keeps its slot until its outcome is taken, so a slow consumer slows the
    // fetching down instead of filling memory with bodies.
    let capacity = fetcher.config.concurrency.clamp(1, 64);
    let (out, out_rx) = mpsc::channel(capacity);
    let (events, events_rx) = mpsc::unbounded_channel();
    let scheduler = Scheduler {
        fetcher,
        out,
        events,
        events_rx,
        hosts: Vec::new(),
        index: HashMap::new(),
        runnable: VecDeque::new(),
        timers: BinaryHeap::new(),
        outbox: VecDeque::new(),
        queued: 0,
        in_flight: 0,
    };
    tokio::spawn(scheduler.run(jobs));
    out_rx
}

/// What a task tells the scheduler. There are at most two per request in flight, so the
/// unbounded channel carrying them stays small.
enum Event {
    /// A job of this host got its response, so the host has a free slot; the server may have
    /// asked for a pause (`Retry-After` on a final 429/503).
    Done(usize, Option<Duration>),
    /// A job's outcome was taken by the consumer: one fewer in flight overall.
    Delivered,
    /// This host's robots.txt was read.
    Robots(usize, Verdict),
    /// A job was redirected to another origin: it queues there.
    Moved(Task),
}

/// A job on its way: the URL to request next on its host, and the exchanges so far (redirects
/// from other origins).
struct Task {
    job: Job,
    at: Url,
    hops: Vec<Exchange>,
}

/// A host's robots.txt and the reason given for what it disallows.
struct Verdict {
    robots: Robots,
    reason: String,
}

enum RobotsState {
    NotFetched,
    Fetching,
    Ready(Verdict),
}

/// One origin (`scheme://host:port`): its waiting jobs and politeness state.
struct Host {
    origin: Url,
    queue: VecDeque<Task>,
    in_flight: usize,
    robots: RobotsState,
    /// Minimum gap between request starts: the configured delay, or Crawl-delay if longer.
    delay: Duration,
    next_start: Instant,
    /// In `runnable` or in `timers` already.
    scheduled: bool,
}

/// What a host can do now.
enum Readiness {
    /// Nothing until an event (a completion, a new job, robots.txt) changes it.
    Idle,
    /// Its pacing delay runs until then.
    WaitUntil(Instant),
    /// It may start a request now.
    Go,
}

struct Scheduler {
    fetcher: Arc<Fetcher>,
    out: mpsc::Sender<(Job, FetchOutcome)>,
    events: mpsc::UnboundedSender<Event>,
    events_rx: mpsc::UnboundedReceiver<Event>,
    hosts: Vec<Host>,
    index: HashMap<String, usize>,
    /// Hosts that may be able to start a request, in turn order.
    runnable: VecDeque<usize>,
    /// Hosts waiting for their pacing delay.
    timers: BinaryHeap<Reverse<(Instant, usize)>>,
    /// Outcomes decided without a request (robots.txt, bad URL), waiting to be sent.
    outbox: VecDeque<(Job, FetchOutcome)>,
    /// Jobs held: in host queues and in the outbox.
    queued: usize,
    /// Requests in flight (jobs and robots.txt) and outcomes not yet taken by the consumer.
    in_flight: usize,
}

impl Scheduler {
    async fn run(mut self, mut jobs: mpsc::Receiver<Job>) {
        let mut input_open = true;
        let queue_limit = self.fetcher.config.queue_limit.max(1);
        let mut published = Instant::now();
        loop {
            let now = Instant::now();
            self.pump(now);
            if now >= published + STATUS_EVERY {
                published = now;
                self.publish_status();
            }
            while let Some(item) = self.outbox.pop_front() {
                self.queued -= 1;
                if self.out.send(item).await.is_err() {
                    return; // nobody listens any more
                }
            }
            if !input_open && self.queued == 0 && self.in_flight == 0 {
                return;
            }
            let next_timer = self.timers.peek().map(|Reverse((at, _))| *at);
            tokio::select! {
                job = jobs.recv(), if input_open && self.queued < queue_limit => match job {
                    Some(job) => self.enqueue(job),
                    None => input_open = false,
                },
                Some(event) = self.events_rx.recv() => self.handle(event),
                _ = tokio::time::sleep_until(next_timer.unwrap_or_else(Instant::now)),
                    if next_timer.is_some() => self.expire_timers(Instant::now()),
                _ = self.out.closed() => return,
            }
        }
    }

    /// Tells the fetcher's [`FetchStatus`] where things stand.
    fn publish_status(&self) {
        let mut status = FetchStatus {
            queued: self.queued,
            in_flight: self.hosts.iter().map(|h| h.in_flight).sum(),
            ..FetchStatus::default()
        };
        for host in self.hosts.iter().filter(|h| !h.queue.is_empty()) {
            status.hosts_waiting += 1;
            if status
                .busiest
                .as_ref()
                .is_none_or(|(_, n)| host.queue.len() > *n)
            {
                let name = host.origin.host_str().unwrap_or("").to_string();
                status.busiest = Some((name, host.queue.len()));
            }
        }
        *self
            .fetcher
            .status
            .lock()
            .unwrap_or_else(|e| e.into_inner()) = status;
    }

    /// Takes a new job.
    fn enqueue(&mut self, job: Job) {
        let at = job.url.clone();
        self.enqueue_task(Task {
            job,
            at,
            hops: Vec::new(),
        });
    }

    /// Queues a task on its host; answered at once when its URL cannot be fetched or robots.txt
    /// (already read) disallows it.
    fn enqueue_task(&mut self, task: Task) {
        self.queued += 1;
        let key = match origin_key(&task.at) {
            Ok(key) => key,
            Err(error) => {
                let outcome = FetchOutcome::Failed {
                    error,
                    hops: task.hops,
                };
                self.outbox.push_back((task.job, outcome));
                return;
            }
        };
        let h = match self.index.get(&key) {
            Some(&h) => h,
            None => {
                let h = self.hosts.len();
                let config = &self.fetcher.config;
                let robots = if config.ignore_robots {
                    RobotsState::Ready(Verdict {
                        robots: Robots::allow_all(),
                        reason: String::new(),
                    })
                } else {
                    RobotsState::NotFetched
                };
                self.hosts.push(Host {
                    origin: task.at.clone(),
                    queue: VecDeque::new(),
                    in_flight: 0,
                    robots,
                    delay: config.delay,
                    next_start: Instant::now(),
                    scheduled: false,
                });
                self.index.insert(key, h);
                h
            }
        };
        if let RobotsState::Ready(verdict) = &self.hosts[h].robots
            && !allowed(&verdict.robots, &task.at)
        {
            let reason = verdict.reason.clone();
            self.outbox.push_back(skipped(task, reason));
            return;
        }
        self.hosts[h].queue.push_back(task);
        self.wake(h);
    }

    fn handle(&mut self, event: Event) {
        let h = match event {
            Event::Done(h, pause) => {
                let host = &mut self.hosts[h];
                if let Some(pause) = pause {
                    host.next_start = host.next_start.max(Instant::now() + pause);
                }
                host.in_flight -= 1;
                h
            }
            Event::Delivered => {
                self.in_flight -= 1;
                return;
            }
            Event::Moved(task) => {
                self.in_flight -= 1;
                self.enqueue_task(task);
                return;
            }
            Event::Robots(h, verdict) => {
                let config = &self.fetcher.config;
                let host = &mut self.hosts[h];
                if let Some(crawl_delay) = verdict.robots.crawl_delay() {
                    host.delay = host.delay.max(crawl_delay.min(config.max_crawl_delay));
                    host.next_start = host.next_start.max(Instant::now() + host.delay);
                }
                for task in std::mem::take(&mut host.queue) {
                    if allowed(&verdict.robots, &task.at) {
                        host.queue.push_back(task);
                    } else {
                        let reason = verdict.reason.clone();
                        self.outbox.push_back(skipped(task, reason));
                    }
                }
                host.robots = RobotsState::Ready(verdict);
                host.in_flight -= 1;
                self.in_flight -= 1;
                h
            }
        };
        let host = &mut self.hosts[h];
        if host.queue.is_empty() && host.in_flight == 0 {
            host.queue = VecDeque::new(); // give back the memory of a drained queue
        }
        self.wake(h);
    }

    /// Puts a host in the turn order unless it is there (or on a timer) already.
    fn wake(&mut self, h: usize) {
        let host = &mut self.hosts[h];
        if !host.scheduled {
            host.scheduled = true;
            self.runnable.push_back(h);
        }
    }

    fn expire_timers(&mut self, now: Instant) {
        while let Some(&Reverse((at, h))) = self.timers.peek() {
            if at > now {
                break;
            }
            self.timers.pop();
            self.hosts[h].scheduled = false;
            self.wake(h);
        }
    }

    /// Starts requests, one per host per turn, while the overall limit allows.
    fn pump(&mut self, now: Instant) {
        let concurrency = self.fetcher.config.concurrency.max(1);
        while self.in_flight < concurrency {
            let Some(h) = self.runnable.pop_front() else {
                break;
            };
            self.hosts[h].scheduled = false;
            match self.readiness(h, now) {
                Readiness::Idle => {}
                Readiness::WaitUntil(at) => {
                    self.hosts[h].scheduled = true;
                    self.timers.push(Reverse((at, h)));
                }
                Readiness::Go => {
                    self.start(h, now);
                    self.wake(h); // back of the line: the other hosts go first
                }
            }
        }
    }

    fn readiness(&self, h: usize, now: Instant) -> Readiness {
        let host = &self.hosts[h];
        let per_host = self.fetcher.config.per_host.max(1);
        let has_work = match host.robots {
            RobotsState::Fetching => false,
            RobotsState::NotFetched => true,
            RobotsState::Ready(_) => !host.queue.is_empty(),
        };
        if !has_work || host.in_flight >= per_host {
            Readiness::Idle
        } else if now < host.next_start {
            Readiness::WaitUntil(host.next_start)
        } else {
            Readiness::Go
        }
    }

    /// Starts the host's next request: its robots.txt first, then its queued jobs in order.
    fn start(&mut self, h: usize, now: Instant) {
        let host = &mut self.hosts[h];
        host.next_start = now + host.delay;
        host.in_flight += 1;
        self.in_flight += 1;
        let fetcher = Arc::clone(&self.fetcher);
        let events = self.events.clone();
        if matches!(host.robots, RobotsState::NotFetched) {
            host.robots = RobotsState::Fetching;
            let origin = host.origin.clone();
            tokio::spawn(async move {
                let verdict = read_robots(&fetcher, &origin).await;
                let _ = events.send(Event::Robots(h, verdict));
            });
            return;
        }
        let Some(task) = host.queue.pop_front() else {
            // Not reached: readiness checked the queue. Undo the bookkeeping all the same.
            host.in_flight -= 1;
            self.in_flight -= 1;
            return;
        };
        self.queued -= 1;
        let out = self.out.clone();
        tokio::spawn(async move {
            let Task { job, at, hops } = task;
            // The host's slot is free as soon as its server is done with us, and the scheduler
            // gets the thread (yield) to start the host's next request before this body is
            // decoded to check it; the overall slot (and the body it holds) only once the
            // consumer took the outcome. Decoding stays on this thread: on tokio's blocking
            // pool, each of its many threads grew a malloc arena of its own (add of 100,000
            // URLs peaked at 438 MiB).
            let outcome = match chain::fetch_on_origin(&fetcher, &job, &at, hops).await {
                Step::Outcome(outcome) => {
                    let _ = events.send(Event::Done(h, None));
                    outcome
                }
                Step::Arrived(hops) => {
                    let pause = requested_pause(&hops, fetcher.config.max_retry_wait);
                    let _ = events.send(Event::Done(h, pause));
                    tokio::task::yield_now().await;
                    chain::classify(&fetcher, &job, hops)
                }
                Step::Elsewhere(at, hops) => {
                    let _ = events.send(Event::Done(h, None));
                    let _ = events.send(Event::Moved(Task { job, at, hops }));
                    return;
                }
            };
            let _ = out.send((job, outcome)).await;
            let _ = events.send(Event::Delivered);
        });
    }
}

/// The key jobs are grouped under (`http://host:port`), or why the URL cannot be fetched.
fn origin_key(url: &Url) -> Result<String, String> {
    chain::check_fetchable(url)?;
    Ok(url.origin().ascii_serialization())
}

fn allowed(robots: &Robots, url: &Url) -> bool {
    let path = match url.query() {
        Some(query) => format!("{}?{query}", url.path()),
        None => url.path().to_string(),
    };
    robots.is_allowed(&path)
}

/// The pause a host asked for when it still answered 429 or 503 after our retries: its other
/// jobs wait that long (capped) before starting.
fn requested_pause(hops: &[Exchange], cap: Duration) -> Option<Duration> {
    let response = &hops.last()?.response;
    if !matches!(response.status, 429 | 503) {
        return None;
    }
    let wait = retry::parse_retry_after(response.header("retry-after")?, chrono::Utc::now())?;
    Some(wait.min(cap))
}

/// A task not fetched, on purpose: a redirect that led to a disallowed URL says so.
fn skipped(task: Task, reason: String) -> (Job, FetchOutcome) {
    let reason = match task.hops.is_empty() {
        true => reason,
        false => format!("redirected to {}, {reason}", task.at),
    };
    let outcome = FetchOutcome::Skipped {
        reason,
        hops: task.hops,
    };
    (task.job, outcome)
}

/// Reads an origin's robots.txt: rules from a 2xx, everything allowed after a 4xx or a network
/// error (the page fetch will then report the error itself), nothing allowed after a 5xx (RFC
/// 9309: the site may be struggling).
async fn read_robots(fetcher: &Fetcher, origin: &Url) -> Verdict {
    let allow_all = || Verdict {
        robots: Robots::allow_all(),
        reason: String::new(),
    };
    let Ok(url) = origin.join("/robots.txt") else {
        return allow_all();
    };
    let hops = match chain::follow(fetcher, &url, None, ROBOTS_MAX, Vec::new(), false).await {
        Ok(Followed::Done(hops) | Followed::Elsewhere(_, hops)) => hops,
        Err(_) => return allow_all(),
    };
    let Some(last) = hops.last() else {
        return allow_all();
    };
    let response = &last.response;
    match response.status {
        200..=299 => match response.decoded_body(ROBOTS_MAX) {
            Ok(body) => Verdict {
                robots: Robots::parse(&String::from_utf8_lossy(&body), &fetcher.config.user_agent),
                reason: "disallowed by robots.txt".to_string(),
            },
            Err(_) => allow_all(),
        },
        status @ 500..=599 => Verdict {
            robots: Robots::disallow_all(),
            reason: format!("robots.txt unavailable (HTTP {status}), so not fetched"),
        },
        _ => allow_all(),
    }
}

//! One background worker for the event loop: a named thread that takes jobs, keeps only the latest
//! of those waiting (after an optional pause in the flow of jobs), and hands back each answer. The
//! search's ranking and the matcher's suggested rows are two of these; the loop owns them, `update`
//! only leaves jobs in the state and reads answers from it. A streaming worker
//! ([`Worker::streaming`]) may hand back several answers to one job, and stops a job as soon as
//! a newer one comes.

use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender, TryRecvError};
use std::time::Duration;

/// A worker started on its first job; `work` runs on its thread.
#[derive(Debug)]
pub struct Worker<J, D> {
    name: &'static str,
    pause: Duration,
    work: Work<J, D>,
    channel: Option<(Sender<J>, Receiver<D>)>,
}

/// What a worker does with a job: one answer, or answers as they come.
#[derive(Debug)]
enum Work<J, D> {
    Once(fn(J) -> D),
    Streaming(fn(J, &mut Outbox<'_, J, D>)),
}

// By hand: derived, they would ask `J` and `D` to be `Copy` too.
impl<J, D> Clone for Work<J, D> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<J, D> Copy for Work<J, D> {}

/// Where a streaming job's answers go; it also tells the job when it is no longer wanted.
#[derive(Debug)]
pub struct Outbox<'a, J, D> {
    inbox: &'a Receiver<J>,
    outbox: &'a Sender<D>,
    /// A newer job that came while this one ran: it is worked next.
    newer: Option<J>,
    /// The loop has gone.
    closed: bool,
}

impl<J, D> Outbox<'_, J, D> {
    /// False once a newer job has come (or the loop has gone): the job should stop.
    pub fn wanted(&mut self) -> bool {
        if self.newer.is_some() || self.closed {
            return false;
        }
        match self.inbox.try_recv() {
            Ok(job) => self.newer = Some(job),
            Err(TryRecvError::Disconnected) => self.closed = true,
            Err(TryRecvError::Empty) => {}
        }
        self.newer.is_none() && !self.closed
    }

    /// Hands back an answer; false when nobody wants it (see [`Outbox::wanted`]).
    pub fn send(&mut self, answer: D) -> bool {
        if !self.wanted() {
            return false;
        }
        self.closed = self.outbox.send(answer).is_err();
        !self.closed
    }
}

impl<J: Send + 'static, D: Send + 'static> Worker<J, D> {
    /// A worker named `name` (the thread's name) that waits until no newer job came for `pause`
    /// (zero: takes the newest job already waiting) before it runs `work`.
    pub const fn new(name: &'static str, pause: Duration, work: fn(J) -> D) -> Self {
        Worker {
            name,
            pause,
            work: Work::Once(work),
            channel: None,
        }
    }

    /// As [`Worker::new`], for `work` that hands back its answers through the [`Outbox`] as
    /// they come, and stops when the outbox says a newer job is waiting.
    pub const fn streaming(
        name: &'static str,
        pause: Duration,
        work: fn(J, &mut Outbox<'_, J, D>),
    ) -> Self {
        Worker {
            name,
            pause,
            work: Work::Streaming(work),
            channel: None,
        }
    }

    fn spawn(&self) -> Option<(Sender<J>, Receiver<D>)> {
        let (jobs, inbox) = mpsc::channel::<J>();
        let (outbox, done) = mpsc::channel::<D>();
        let (pause, work) = (self.pause, self.work);
        std::thread::Builder::new()
            .name(self.name.to_owned())
            .spawn(move || {
                let mut next = None;
                while let Some(mut job) = next.take().or_else(|| inbox.recv().ok()) {
                    // Only the latest job matters: take any newer one until the flow pauses.
                    loop {
                        match inbox.recv_timeout(pause) {
                            Ok(newer) => job = newer,
                            Err(RecvTimeoutError::Timeout) => break,
                            Err(RecvTimeoutError::Disconnected) => return,
                        }
                    }
                    match work {
                        Work::Once(work) => {
                            if outbox.send(work(job)).is_err() {
                                return;
                            }
                        }
                        Work::Streaming(work) => {
                            let mut out = Outbox {
                                inbox: &inbox,
                                outbox: &outbox,
                                newer: None,
                                closed: false,
                            };
                            work(job, &mut out);
                            if out.closed {
                                return;
                            }
                            next = out.newer;
                        }
                    }
                }
            })
            .ok()?;
        Some((jobs, done))
    }

    /// Hands the worker a job, starting it if needed; false when the thread could not take it.
    pub fn send(&mut self, job: J) -> bool {
        if self.channel.is_none() {
            self.channel = self.spawn();
        }
        let sent = self
            .channel
            .as_ref()
            .is_some_and(|(jobs, _)| jobs.send(job).is_ok());
        if !sent {
            self.channel = None;
        }
        sent
    }

    /// The answers that came since the last call, oldest first.
    pub fn answers(&mut self) -> Vec<D> {
        self.channel
            .as_ref()
            .map(|(_, done)| done.try_iter().collect())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn double(n: u32) -> u32 {
        n * 2
    }

    #[test]
    fn answers_come_back_and_waiting_jobs_are_replaced_by_the_latest() {
        let mut w = Worker::new("test-worker", Duration::from_millis(50), double);
        for n in 1..=5 {
            assert!(w.send(n));
        }
        let start = std::time::Instant::now();
        let mut got = Vec::new();
        while got.is_empty() && start.elapsed() < Duration::from_secs(10) {
            got = w.answers();
            std::thread::sleep(Duration::from_millis(5));
        }
        // The five jobs came within the pause: only the last was worked.
        assert_eq!(got, vec![10]);
    }

    /// Counts from the job's number up, one answer per step, until it is no longer wanted.
    fn count_up(from: u32, out: &mut Outbox<'_, u32, u32>) {
        for n in from.. {
            if !out.send(n) {
                return;
            }
            std::thread::sleep(Duration::from_millis(2));
        }
    }

    #[test]
    fn a_streaming_job_answers_as_it_goes_and_stops_for_a_newer_one() {
        let mut w = Worker::streaming("test-stream", Duration::ZERO, count_up);
        let wait_for = |w: &mut Worker<u32, u32>, what: &dyn Fn(&[u32]) -> bool| {
            let start = std::time::Instant::now();
            let mut got = Vec::new();
            while !what(&got) && start.elapsed() < Duration::from_secs(10) {
                got.extend(w.answers());
                std::thread::sleep(Duration::from_millis(5));
            }
            got
        };
        assert!(w.send(0));
        let first = wait_for(&mut w, &|got| got.len() >= 3);
        assert_eq!(first.get(..3), Some(&[0, 1, 2][..]), "answers as it goes");
        assert!(w.send(1000));
        let later = wait_for(&mut w, &|got| got.contains(&1003));
        // Once the newer job's answers begin, the old job's have stopped.
        let switch = later.iter().position(|&n| n >= 1000).unwrap_or(later.len());
        assert!(later.iter().skip(switch).all(|&n| n >= 1000), "{later:?}");
        let again = wait_for(&mut w, &|got| got.len() >= 5);
        assert!(
            again.iter().all(|&n| n > 1003),
            "the old job stayed stopped: {again:?}"
        );
    }
}

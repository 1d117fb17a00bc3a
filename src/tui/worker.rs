//! One background worker for the event loop: a named thread that takes jobs, keeps only the latest
//! of those waiting (after an optional pause in the flow of jobs), and hands back each answer. The
//! search's ranking and the matcher's suggested rows are two of these; the loop owns them, `update`
//! only leaves jobs in the state and reads answers from it.

use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::Duration;

/// A worker started on its first job; `work` runs on its thread.
#[derive(Debug)]
pub struct Worker<J, D> {
    name: &'static str,
    pause: Duration,
    work: fn(J) -> D,
    channel: Option<(Sender<J>, Receiver<D>)>,
}

impl<J: Send + 'static, D: Send + 'static> Worker<J, D> {
    /// A worker named `name` (the thread's name) that waits until no newer job came for `pause`
    /// (zero: takes the newest job already waiting) before it runs `work`.
    pub const fn new(name: &'static str, pause: Duration, work: fn(J) -> D) -> Self {
        Worker {
            name,
            pause,
            work,
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
                while let Ok(mut job) = inbox.recv() {
                    // Only the latest job matters: take any newer one until the flow pauses.
                    loop {
                        match inbox.recv_timeout(pause) {
                            Ok(newer) => job = newer,
                            Err(RecvTimeoutError::Timeout) => break,
                            Err(RecvTimeoutError::Disconnected) => return,
                        }
                    }
                    if outbox.send(work(job)).is_err() {
                        return;
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
}

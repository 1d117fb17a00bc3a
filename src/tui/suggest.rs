//! Suggested rows on the screen: whether they are shown, the pairs the matcher found, and the
//! work it asks of the event loop. The matching itself runs on the loop's worker thread (see
//! `terminal`), so a keystroke never waits for it; its answer comes back through
//! `App::suggestions_ready`.

use super::state::live::Files;
use crate::compare::{Comparison, RowKind};
use crate::edit::dismissed::Dismissed;
use crate::format::Dispute;
use crate::matching::{Options, Profiles, Suggestion, topic_pairs};
use std::sync::Arc;

/// The lowest score a suggested row is shown with.
pub const MIN_SCORE: f32 = 0.15;

/// Work for the worker: match a comparison of a copy of the dispute.
#[derive(Debug, Clone)]
pub struct Job {
    /// Which request this answers; older answers are dropped.
    pub generation: u64,
    /// The dispute, as loaded: the screen's own, shared.
    pub dispute: Arc<Dispute>,
    /// The comparison without suggested rows.
    pub cmp: Comparison,
    /// The matcher's options (dismissals included).
    pub opts: Options,
}

/// The worker's answer.
pub type Done = (u64, Vec<Suggestion>);

/// Finds the suggested pairs of a job (on the worker thread).
pub fn run(job: &Job) -> Done {
    let profiles = Profiles::new(&job.dispute, &job.cmp);
    (job.generation, topic_pairs(&job.cmp, &profiles, &job.opts))
}

/// True when some topic of `cmp` (as shown: packed or not) has claims nobody linked on both
/// sides: what the matcher could pair.
pub fn unlinked_on_both_sides(cmp: &Comparison) -> bool {
    cmp.topics.iter().any(|t| {
        t.rows.iter().any(|r| r.kind == RowKind::Packed)
            || (t.rows.iter().any(|r| r.alone_on(true)) && t.rows.iter().any(|r| r.alone_on(false)))
    })
}

/// A suggestion acted on, which `u` can take back.
#[derive(Debug, Clone)]
pub enum Taken {
    /// A pair dismissed (`x`): its entry in the dismissals.
    Dismissed(crate::edit::dismissed::Entry),
    /// A pair accepted (`a`): its left claim's id, and what the link wrote.
    Accepted(String, Box<crate::edit::undo::Undo>),
}

/// The screen's suggestions.
#[derive(Debug, Clone, Default)]
pub struct Suggest {
    /// Whether suggested rows are shown.
    pub on: bool,
    /// The pairs shown, once found.
    pub pairs: Vec<Suggestion>,
    /// True while the worker looks for them.
    pub pending: bool,
    /// The latest request.
    pub generation: u64,
    /// Work waiting for the loop to hand to the worker.
    pub job: Option<Job>,
    /// The dismissed suggestions (kept beside the dispute's files).
    pub dismissed: Dismissed,
    /// The dismissals and accepts made on this screen, oldest first: what `u` takes back, the
    /// last first.
    pub taken: Vec<Taken>,
    /// The files as read, when the dispute came from files that can be written back (accepting
    /// reads them again and writes over them only if they are unchanged).
    pub files: Option<Files>,
    /// Where a suggested row was dismissed (its topic's id and the row's place), and the claim
    /// selected while the suggestions are looked for again: when they come back and the
    /// selection has not moved, the first suggested row from that place on is selected, so new
    /// pairs of the dismissed claims, which take its place, are not skipped.
    pub resume: Option<(String, usize, Option<crate::format::ClaimAt>)>,
    /// After `u`: the left claim of the pair brought back (its id), and the claim selected while
    /// the suggestions are looked for again: when they come back and the selection has not
    /// moved, the row holding the pair is selected, so `x` can be pressed again at once.
    pub restore: Option<(String, Option<crate::format::ClaimAt>)>,
    /// What the footer said when `m` showed the suggestions (and the key that hides them):
    /// while it still says so, it says what was found once they come, none included.
    pub announced: Option<(String, String)>,
    /// A suggested pair shown in full that the reload took off the screen while the pairs are
    /// looked for again: when they come without it, the footer says so.
    pub lost: Option<crate::tui::state::detail::Lost>,
}

impl Suggest {
    /// Suggestions start shown while the dispute is mostly a draft: fewer than a quarter of the claims
    /// of the two compared sides on a point row. A first accepted pair does not hide them the
    /// next time the files are opened; a dispute the analyst has linked keeps its own rows.
    pub fn new(cmp: &Comparison) -> Suggest {
        let (mut linked, mut all) = (0_usize, 0_usize);
        for row in cmp.topics.iter().flat_map(|t| &t.rows) {
            let claims = row.left.len() + row.right.len();
            all += claims;
            if row.kind == RowKind::Point {
                linked += claims;
            }
        }
        Suggest {
            on: linked == 0 || linked * 4 < all,
            ..Suggest::default()
        }
    }

    /// Asks for the pairs of `base` (a comparison without suggested rows), when shown.
    pub fn ask(&mut self, dispute: &Arc<Dispute>, base: &Comparison) {
        self.generation += 1;
        self.pairs.clear();
        self.pending = self.on;
        self.job = self.on.then(|| Job {
            generation: self.generation,
            dispute: Arc::clone(dispute),
            cmp: base.clone(),
            opts: self.options(),
        });
    }

    /// Sets the dismissals; a job still waiting for the worker is given them, so it need not be
    /// asked again (the comparison it matches is unchanged).
    pub fn set_dismissed(&mut self, dismissed: Dismissed) {
        self.dismissed = dismissed;
        let opts = self.options();
        if let Some(job) = &mut self.job {
            job.opts = opts;
        }
    }

    /// The matcher's options: the lowest score shown, and the dismissals.
    fn options(&self) -> Options {
        let mut opts = Options {
            min_score: MIN_SCORE,
            ..Options::default()
        };
        self.dismissed.apply(&mut opts);
        opts
    }

    /// The job waiting for the worker, if any.
    pub fn take_job(&mut self) -> Option<Job> {
        self.job.take()
    }
}

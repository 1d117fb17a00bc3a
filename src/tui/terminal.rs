//! The only code that touches the real terminal: the event loop (generic over the ratatui
//! backend, so tests can drive it), the guard that restores the terminal on quit, error and panic,
//! suspending to the shell on Ctrl-Z, handing the terminal to the editor (`E`), and the threads:
//! the file watcher (`live`) and the search's ranking worker belong to the
//! loop (drawn through [`super::steady`]), which hands it the jobs `update` leaves and feeds its answers back as events.

use super::action::{Action, Outcome};
use super::app::App;
use super::keys;
use super::modal::search;
use super::session;
use super::state::filters::{Tallied, TallyJob};
use super::state::search::{Done, Job, Scoring};
use super::suggest;
use super::update::update;
use super::view;
use super::worker::{Outbox, Worker};
use nix::sys::termios::{SetArg, Termios};
use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::cursor::{Hide, Show};
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, KeyEventKind, MouseButton, MouseEventKind,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use std::io::{self, stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, AtomicUsize, Ordering};
use std::time::Duration;

/// Lines the mouse wheel scrolls per notch.
const WHEEL_LINES: i16 = 3;

/// Where events come from and how the program suspends: the real terminal, or a test's script.
pub trait Host {
    /// Waits for the next event.
    fn read(&mut self) -> io::Result<Event>;
    /// Whether another event is already waiting (so a burst is folded into one redraw).
    fn pending(&mut self) -> io::Result<bool>;
    /// Gives the terminal back to the shell until the program is resumed.
    fn suspend(&mut self) -> io::Result<()>;
    /// Puts text on the terminal's clipboard (OSC 52).
    fn copy(&mut self, text: &str) -> io::Result<()>;
    /// Waits up to `timeout` for an event; true when one is waiting. Used while work goes on in
    /// the background (ranking a search's hits), to show its result without a key.
    fn wait(&mut self, timeout: Duration) -> io::Result<bool> {
        std::thread::sleep(timeout);
        self.pending()
    }
    /// Runs a program that takes the terminal (the editor) and waits for it; the real terminal
    /// is handed over first and taken back after.
    fn run(&mut self, command: &mut std::process::Command) -> io::Result<std::process::ExitStatus> {
        command.status()
    }
}

/// How often the screen looks for background results while no key comes.
const BACKGROUND_POLL: Duration = Duration::from_millis(30);
/// How long typing must pause before the worker ranks many hits.
const PAUSE: Duration = Duration::from_millis(80);

/// Hits scored in the first part of a ranking (each next part scores twice as many): at a
/// million claims the first part takes a few hundredths of a second, and at 100,000 claims
/// most searches are ranked in two parts or one.
const PART: usize = 32_768;
/// The best hits handed back per part: more than any screen lists.
const BEST: usize = 200;

/// Scores a search's hits (on the ranking worker's thread), on a single-thread pool of its own
/// (scoring on the shared pool would queue the next keystroke's search behind it): a part at
/// a time, handing back the best so far after each part, and stopping when a newer search
/// comes.
fn rank((generation, ranking): Job, out: &mut Outbox<'_, Job, Done>) {
    static POOL: std::sync::OnceLock<Option<rayon::ThreadPool>> = std::sync::OnceLock::new();
    let pool = POOL.get_or_init(|| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .thread_name(|_| "parallax-rank-pool".to_owned())
            .build()
            .ok()
    });
    let mut steps = ranking.steps(PART);
    loop {
        let more = match pool {
            Some(pool) => pool.install(|| steps.step()),
            None => steps.step(),
        };
        if !more {
            break;
        }
        if steps.done() < steps.of() {
            let best = ranking.place_few(steps.best(BEST));
            let part = Scoring::Part(best, steps.done(), steps.of());
            if !out.send((generation, Arc::clone(ranking.order()), part)) {
                return;
            }
        }
    }
    let scored = match pool {
        Some(pool) => pool.install(|| steps.finish()),
        None => steps.finish(),
    };
    // Placed here, not on the screen's thread.
    let placed = ranking.place(scored);
    out.send((
        generation,
        Arc::clone(ranking.order()),
        Scoring::Whole((
            ranking.query().to_owned(),
            ranking.entries().to_vec(),
            placed,
        )),
    ));
}

/// The ranking worker: takes the latest job after a pause in typing, scores it, hands the result
/// back. Started on the first job.
#[derive(Debug)]
pub struct Ranker(Worker<Job, Done>);

impl Default for Ranker {
    fn default() -> Self {
        Ranker(Worker::streaming("parallax-rank", PAUSE, rank))
    }
}

impl Ranker {
    /// Hands the worker the job `update` left, if any.
    pub fn send(&mut self, app: &mut App) {
        if let Some(job) = app.search.take_job() {
            self.0.send(job);
        }
    }

    /// Feeds the worker's latest answer back into the state; true when the screen changed.
    pub fn collect(&mut self, app: &mut App) -> bool {
        self.0
            .answers()
            .pop()
            .is_some_and(|d| search::update::ranked(app, d))
    }

    /// Waits up to `timeout` for the ranking asked for (benchmarks and tests; the loop polls).
    pub fn wait(&mut self, app: &mut App, timeout: Duration) -> bool {
        self.send(app);
        let start = std::time::Instant::now();
        while app.search.ranking() && start.elapsed() < timeout {
            if self.collect(app) && !app.search.ranking() {
                return true;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        !app.search.ranking()
    }
}

/// Finds a job's suggested pairs (on the matching worker's thread).
fn find_pairs(job: suggest::Job) -> suggest::Done {
    suggest::run(&job)
}

/// The matching worker: looks for suggested rows on its own thread, one job at a time (a newer
/// job replaces one not started), and hands the pairs back.
#[derive(Debug)]
pub struct Matcher(Worker<suggest::Job, suggest::Done>);

impl Default for Matcher {
    fn default() -> Self {
        Matcher(Worker::new("parallax-match", Duration::ZERO, find_pairs))
    }
}

impl Matcher {
    /// Hands the worker the job the state holds, if any.
    pub fn send(&mut self, app: &mut App) {
        if let Some(job) = app.suggest.take_job()
            && !self.0.send(job)
        {
            app.suggest.pending = false;
        }
    }

    /// Feeds the worker's answers back into the state; true when one came.
    pub fn collect(&mut self, app: &mut App) -> bool {
        let answers = self.0.answers();
        let any = !answers.is_empty();
        for (generation, pairs) in answers {
            app.suggestions_ready(generation, pairs);
        }
        any
    }

    /// Waits up to `timeout` for the suggestions asked for (tests; the loop polls).
    pub fn wait(&mut self, app: &mut App, timeout: Duration) -> bool {
        self.send(app);
        let start = std::time::Instant::now();
        while app.suggest.pending && start.elapsed() < timeout {
            self.collect(app);
            std::thread::sleep(Duration::from_millis(5));
        }
        !app.suggest.pending
    }
}

/// The query worker: runs a search typed in the search line on its own thread (the latest of
/// those waiting), so the line shows each key at once; the hits come back as an event.
#[derive(Debug)]
pub struct Searcher(Worker<session::Job, session::Answer>);

impl Default for Searcher {
    fn default() -> Self {
        Searcher(Worker::new(
            "parallax-query",
            Duration::ZERO,
            session::search,
        ))
    }
}

impl Searcher {
    /// Hands the worker the search the state asks for, if any; run here if the thread cannot.
    pub fn send(&mut self, app: &mut App) {
        if let Some(job) = app.query_job.take()
            && !self.0.send(job)
        {
            app.requery();
        }
    }

    /// Feeds the worker's latest answer back into the state; true when the screen changed.
    pub fn collect(&mut self, app: &mut App) -> bool {
        self.0
            .answers()
            .pop()
            .is_some_and(|answer| super::update::query_ready(app, answer))
    }
}

/// The indexing worker: builds the search index off the loop, when the screen is about to need
/// it (at a million claims it takes seconds and a third of the dispute's memory, so a screen
/// that never searches or filters never pays for it).
#[derive(Debug)]
pub struct Indexer(Worker<session::Build, ()>);

impl Default for Indexer {
    fn default() -> Self {
        Indexer(Worker::new(
            "parallax-index",
            Duration::ZERO,
            session::build,
        ))
    }
}

impl Indexer {
    /// Starts indexing when the screen will soon need the index, the session has none and none
    /// is being built.
    pub fn send(&mut self, app: &mut App) {
        if app.wants_index() && !app.indexing && app.session.unbuilt() {
            app.indexing = self.0.send((app.session.clone(), Arc::clone(&app.dispute)));
        }
    }

    /// True when the index came (the footer's note goes).
    pub fn collect(&mut self, app: &mut App) -> bool {
        let done = !self.0.answers().is_empty();
        if done {
            app.indexing = false;
        }
        done
    }
}

/// The counting worker: lists and counts the filter panel's choices when a large comparison's
/// panel opens, so the panel shows at once and its lists follow (at a million claims they take
/// most of a second).
#[derive(Debug)]
pub struct Tallier(Worker<TallyJob, Tallied>);

impl Default for Tallier {
    fn default() -> Self {
        Tallier(Worker::new(
            "parallax-tally",
            Duration::ZERO,
            super::modal::filters::update::tally,
        ))
    }
}

impl Tallier {
    /// Hands the worker the counting the state asks for, if any; counted here if the thread
    /// cannot take it.
    pub fn send(&mut self, app: &mut App) {
        if let Some(job) = app.tally_job.take() {
            if self.0.send(job.clone()) {
                app.tallying = true;
            } else {
                let t = super::modal::filters::update::tally(job);
                super::modal::filters::update::tally_ready(app, t);
            }
        }
    }

    /// Feeds the worker's answers back into the state; true when the screen changed.
    pub fn collect(&mut self, app: &mut App) -> bool {
        self.0.answers().into_iter().fold(false, |changed, t| {
            super::modal::filters::update::tally_ready(app, t) | changed
        })
    }
}

/// Turns a terminal event into actions: one for a key press (not releases or repeats of
/// releases, and as the open dialog reads it), a resize, the mouse wheel or a left click; one
/// per character for a paste (see [`pasted`]).
pub fn to_actions(app: &App, event: Event) -> Vec<Action> {
    match event {
        Event::Paste(text) => pasted(app, &text),
        other => to_action(app, other).into_iter().collect(),
    }
}

/// A paste (the terminal's bracketed paste) as the characters it types into the text field in
/// use: line breaks and tabs become spaces, and nothing in it is read as a key. Other control
/// characters go in as they are, shown as markers (`␛`), so a field that writes to a file can
/// refuse them rather than write what is left of an escape sequence (`[1m`). Where no field
/// takes text, one action that says so.
pub fn pasted(app: &App, text: &str) -> Vec<Action> {
    if !super::modal::component::active(app).takes_paste() {
        return vec![Action::PasteNowhere];
    }
    let text = text.replace("\r\n", "\n");
    text.chars()
        .map(|c| match c {
            '\n' | '\r' | '\t' => ' ',
            c => c,
        })
        .map(|c| Action::Edit(super::text_field::Edit::Insert(c)))
        .collect()
}

/// Turns a terminal event into an action: key presses (not releases or repeats of releases, and
/// as the open dialog reads them), resizes, the mouse wheel and left clicks.
pub fn to_action(app: &App, event: Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind == KeyEventKind::Press => keys::action_in(app, key),
        Event::Resize(width, height) => Some(Action::Resize { width, height }),
        Event::Mouse(m) => {
            let lines = match m.kind {
                MouseEventKind::ScrollDown => WHEEL_LINES,
                MouseEventKind::ScrollUp => -WHEEL_LINES,
                MouseEventKind::Down(MouseButton::Left) => {
                    return Some(Action::Click {
                        column: m.column,
                        row: m.row,
                    });
                }
                _ => return None,
            };
            Some(Action::Scroll {
                column: m.column,
                row: m.row,
                lines,
            })
        }
        _ => None,
    }
}

fn backend_error(e: impl std::fmt::Display) -> io::Error {
    io::Error::other(e.to_string())
}

/// Runs the UI until the user quits: draw, wait for an event, apply it and every event already
/// waiting, draw again.
pub fn event_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    host: &mut impl Host,
) -> io::Result<()> {
    let size = terminal.size().map_err(backend_error)?;
    update(
        app,
        Action::Resize {
            width: size.width,
            height: size.height,
        },
    );
    let mut ranker = Ranker::default();
    let mut matcher = Matcher::default();
    let mut searcher = Searcher::default();
    let mut indexer = Indexer::default();
    let mut tallier = Tallier::default();
    let mut watcher = super::live::Watcher::start(app);
    loop {
        if watcher.as_mut().is_some_and(super::live::Watcher::settled) {
            super::live::reload(app);
        }
        ranker.send(app);
        ranker.collect(app);
        matcher.send(app);
        matcher.collect(app);
        searcher.send(app);
        searcher.collect(app);
        // The search index is built on the worker once the search or the filters are opened.
        indexer.send(app);
        tallier.send(app);
        tallier.collect(app);
        terminal
            .draw(|frame| view::draw(frame, app))
            .map_err(backend_error)?;
        while (app.search.ranking()
            || app.suggest.pending
            || app.query_pending()
            || app.indexing
            || app.tallying
            || watcher.is_some())
            && !host.wait(BACKGROUND_POLL)?
        {
            let reload = watcher.as_mut().is_some_and(super::live::Watcher::settled);
            if reload {
                super::live::reload(app);
            }
            // A reload asks for suggestions (and may ask for a search): the work goes out now,
            // not once a key is pressed.
            matcher.send(app);
            searcher.send(app);
            indexer.send(app);
            tallier.send(app);
            let searched = searcher.collect(app);
            ranker.send(app);
            if ranker.collect(app)
                | matcher.collect(app)
                | searched
                | indexer.collect(app)
                | tallier.collect(app)
                | reload
            {
                terminal
                    .draw(|frame| view::draw(frame, app))
                    .map_err(backend_error)?;
            }
        }
        let mut outcome = Outcome::Continue;
        // A burst of keys (fast typing, a paste) runs the search once, after the last key.
        app.search.fold = true;
        loop {
            for action in to_actions(app, host.read()?) {
                outcome = update(app, action);
                if outcome != Outcome::Continue {
                    break;
                }
            }
            if outcome != Outcome::Continue || !host.pending()? {
                break;
            }
        }
        app.search.fold = false;
        search::update::settle_later(app);
        match outcome {
            Outcome::Continue => {}
            Outcome::Quit => return Ok(()),
            Outcome::Export => super::modal::export::update::perform(app),
            Outcome::Copy(text) => host.copy(&text)?,
            Outcome::OpenUrl(url) => {
                if !super::effects::open_url(app, &url) {
                    host.copy(&url)?;
                }
            }
            Outcome::Link {
                left,
                right,
                question,
                relation,
            } => {
                say_writing(terminal, app)?;
                super::effects::link(
                    app,
                    &left,
                    &right,
                    &question,
                    relation
                        .as_ref()
                        .map(|(from, kind, to)| (from.as_str(), *kind, to.as_str())),
                );
                if drop_typed_ahead(host, app)? {
                    return Ok(());
                }
            }
            Outcome::Dismiss { left, right } => {
                say_writing(terminal, app)?;
                super::effects::dismiss(app, &left, &right);
                if drop_typed_ahead(host, app)? {
                    return Ok(());
                }
            }
            Outcome::Undo => {
                say_writing(terminal, app)?;
                super::effects::undo(app);
                if drop_typed_ahead(host, app)? {
                    return Ok(());
                }
            }
            // An editor given a path that is no file would make one there (the dispute's
            // folder deleted: `vim liar3` started a new file where the folder was).
            Outcome::Editor { file, .. } if !file.is_file() => {
                app.message = Some(super::strings::no_file_to_edit(&file));
            }
            Outcome::Editor { file, at } => match super::live::editor_line(app, &file, &at) {
                Ok(line) => run_editor(terminal, host, app, &file, line)?,
                Err(why) => app.message = Some(why),
            },
            Outcome::Suspend => {
                host.suspend()?;
                redraw_all(terminal, app)?;
            }
            Outcome::Redraw => redraw_all(terminal, app)?,
        }
    }
}

/// Says in the footer that the files are being written, and draws it first: at a million
/// claims a write takes seconds, and a screen that does not change reads as frozen.
/// Drawn without the dialogs (the accept dialog's own keys took the footer); they are put
/// back for the write, which gives the dialog back if the write is refused.
fn say_writing<B: Backend>(terminal: &mut Terminal<B>, app: &mut App) -> io::Result<()> {
    app.message = Some(super::strings::WRITING.to_owned());
    let modals = std::mem::take(&mut app.modals);
    let drawn = terminal.draw(|frame| view::draw(frame, app)).map(|_| ());
    app.modals = modals;
    drawn.map_err(backend_error)
}

/// After a write: drops the keys pressed while it went on, typed at a screen that did not
/// answer (an `a` or `x` pressed again would act on the next pair, unseen), and says so. A
/// resize is still followed, and Ctrl-C still quits: true then.
fn drop_typed_ahead(host: &mut impl Host, app: &mut App) -> io::Result<bool> {
    if app.message.as_deref() == Some(super::strings::WRITING) {
        app.message = None;
    }
    let mut dropped = 0usize;
    while host.pending()? {
        match host.read()? {
            Event::Resize(width, height) => {
                update(app, Action::Resize { width, height });
            }
            Event::Key(k)
                if k.code == event::KeyCode::Char('c')
                    && k.modifiers.contains(event::KeyModifiers::CONTROL) =>
            {
                return Ok(true);
            }
            Event::Key(k) if k.kind != KeyEventKind::Release => dropped += 1,
            Event::Paste(_) => dropped += 1,
            _ => {}
        }
    }
    if dropped > 0 {
        let note = super::strings::typed_while_writing(dropped);
        app.message = Some(match app.message.take() {
            Some(said) => super::strings::then(&said, &note),
            None => note,
        });
    }
    Ok(false)
}

/// Hands the terminal to the analyst's editor on `file` at `line`, then redraws and reloads the
/// dispute; says so when the editor could not start or ended badly.
fn run_editor<B: Backend>(
    terminal: &mut Terminal<B>,
    host: &mut impl Host,
    app: &mut App,
    file: &std::path::Path,
    line: Option<usize>,
) -> io::Result<()> {
    let editor = super::live::chosen_editor();
    let words = super::live::editor_command(&editor, file, line);
    match words.as_deref().and_then(<[String]>::split_first) {
        Some((program, args)) => {
            let mut command = std::process::Command::new(program);
            command.args(args);
            let ran = host.run(&mut command);
            redraw_all(terminal, app)?;
            match ran {
                Ok(status) => {
                    super::live::reload(app);
                    // Before what the reload says (the files changed, or not).
                    if !status.success() {
                        let ended = super::strings::editor_ended(&editor, &status);
                        app.message = Some(match app.message.take() {
                            Some(reloaded) => format!("{ended} {reloaded}"),
                            None => ended,
                        });
                    }
                }
                Err(e) => {
                    app.message = Some(super::strings::editor_failed(&editor, &e.to_string()))
                }
            }
        }
        None => app.message = Some(super::strings::editor_failed(&editor, "not a command line")),
    }
    Ok(())
}

/// After the shell or another program had the terminal: hides the cursor and redraws all of
/// the screen.
fn redraw_all<B: Backend>(terminal: &mut Terminal<B>, app: &mut App) -> io::Result<()> {
    // The shell had the cursor; the screen hides it again.
    terminal.hide_cursor().map_err(backend_error)?;
    // Resizing clears the screen and forgets the last frame, so all of it is redrawn
    // (unlike `clear`, it does not ask the terminal where the cursor is).
    let size = terminal.size().map_err(backend_error)?;
    terminal
        .resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))
        .map_err(backend_error)?;
    update(
        app,
        Action::Resize {
            width: size.width,
            height: size.height,
        },
    );
    Ok(())
}

/// How long `pending` looks for the next event of a burst. Not zero (see `pending`), and under
/// a millisecond, which poll(2) counts as none: a look, not a wait, so no key is drawn later.
const PENDING_POLL: Duration = Duration::from_micros(100);
/// How often a read looks whether a signal asked the program to end.
const SIGNAL_POLL: Duration = Duration::from_millis(50);

/// The signals that end the program; each restores the terminal first.
const ENDING: [i32; 4] = [
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGHUP,
    signal_hook::consts::SIGINT,
    signal_hook::consts::SIGQUIT,
];

/// The real terminal, through crossterm.
struct Crossterm {
    mouse: bool,
    /// The number of an ending signal received, or 0.
    signal: Arc<AtomicUsize>,
    /// The process id of the program that has the terminal (the editor), or 0.
    child: Arc<AtomicU32>,
    /// The terminal's modes as the shell gave them (see [`shell_modes`]).
    modes: Option<Termios>,
}

/// The terminal's modes as the shell had them before the screen opened: put back after the
/// editor, which may end (killed, say) with the terminal still in its own raw mode, so that
/// raw mode is never taken for the shell's when the screen takes the terminal again, and put
/// back when the program ends. `None` when standard input is no terminal.
fn shell_modes() -> Option<Termios> {
    nix::sys::termios::tcgetattr(std::io::stdin()).ok()
}

/// Puts the shell's modes back (best effort: a terminal that hung up takes none).
fn put_back(modes: Option<&Termios>) {
    if let Some(m) = modes {
        let _ = nix::sys::termios::tcsetattr(std::io::stdin(), SetArg::TCSANOW, m);
    }
}

impl Crossterm {
    fn ended(&self) -> io::Result<()> {
        match self.signal.load(Ordering::Relaxed) {
            0 => Ok(()),
            n => Err(io::Error::new(
                io::ErrorKind::Interrupted,
                format!("ended by signal {n}"),
            )),
        }
    }
}

impl Host for Crossterm {
    fn read(&mut self) -> io::Result<Event> {
        loop {
            self.ended()?;
            if event::poll(SIGNAL_POLL)? {
                return event::read();
            }
        }
    }

    fn pending(&mut self) -> io::Result<bool> {
        self.ended()?;
        // Not zero: crossterm's poll(2) reader looks at the events it has already read only
        // while some of the timeout is left, so a zero timeout missed the rest of a burst and
        // every key of a paste was drawn on its own.
        event::poll(PENDING_POLL)
    }

    fn wait(&mut self, timeout: Duration) -> io::Result<bool> {
        self.ended()?;
        event::poll(timeout)
    }

    fn copy(&mut self, text: &str) -> io::Result<()> {
        use std::io::Write;
        let mut out = stdout();
        out.write_all(super::effects::osc52(text).as_bytes())?;
        out.flush()
    }

    fn run(&mut self, command: &mut std::process::Command) -> io::Result<std::process::ExitStatus> {
        leave(self.mouse)?;
        // Its id is known to the signal watcher while it runs, so an ending signal reaches it
        // (and waits for it) rather than leaving it behind with the terminal.
        let status = command.spawn().and_then(|mut child| {
            self.child.store(child.id(), Ordering::SeqCst);
            let status = child.wait();
            self.child.store(0, Ordering::SeqCst);
            status
        });
        put_back(self.modes.as_ref());
        // What an editor killed mid-way (or a careless one) left set is reset, on the shell's
        // screen and on the program's: colours, autowrap, the keypad's and cursor keys' modes.
        // The shell's screen gets only what leaves its cursor where it is: the alternate screen
        // saves that place, and the shell's prompt comes back to it (origin mode and the
        // scrolling region move the cursor home, so they are reset on the program's screen).
        {
            use std::io::Write;
            stdout().write_all(RESET_IN_PLACE.as_bytes())?;
        }
        enable_raw_mode()?;
        execute!(stdout(), EnterAlternateScreen, Hide, EnableBracketedPaste)?;
        {
            use std::io::Write;
            stdout().write_all(RESET_IN_PLACE.as_bytes())?;
            stdout().write_all(RESET_HOMING.as_bytes())?;
        }
        if self.mouse {
            execute!(stdout(), EnableMouseCapture)?;
        }
        status
    }

    fn suspend(&mut self) -> io::Result<()> {
        leave(self.mouse)?;
        signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
        // Execution resumes here after `fg`.
        enable_raw_mode()?;
        execute!(stdout(), EnterAlternateScreen, Hide, EnableBracketedPaste)?;
        if self.mouse {
            execute!(stdout(), EnableMouseCapture)?;
        }
        Ok(())
    }
}

/// Resets what a program run on the terminal may leave set and the cursor's place does not
/// depend on: colours and attributes (SGR), insert mode, autowrap (on), application cursor keys
/// and keypad (off). A screen drawn after an editor that left a blue background was blue.
const RESET_IN_PLACE: &str = "\x1b[0m\x1b[4l\x1b[?7h\x1b[?1l\x1b>";

/// Resets origin mode and the scrolling region, which also moves the cursor home: on the
/// shell's screen that put the prompt at the top, over what was there, after `E`.
const RESET_HOMING: &str = "\x1b[?6l\x1b[r";

/// How long the loop has to notice an ending signal before the program ends without it.
const SIGNAL_GRACE: Duration = Duration::from_secs(1);

/// How long an editor given an ending signal has to save and end before the program ends
/// without it.
const EDITOR_GRACE: Duration = Duration::from_secs(10);

/// Watches for the ending signals on a thread of the event loop: each is passed to the loop through
/// `signal`, which restores the terminal and ends the program. A loop that has not ended within
/// [`SIGNAL_GRACE`] is ended here. That happens when the terminal hangs up (its window closed):
/// crossterm then spins inside its read of the dead terminal and never returns to look at `signal`,
/// which would leave the program burning a core forever.
///
/// While the editor (`child`) has the terminal, Ctrl-C and Ctrl-\ typed there are the editor's
/// (the terminal sends them to both): they end nothing here. SIGTERM and SIGHUP are passed on to
/// the editor, which ends as it does on them (vim keeps its swap file), and the program waits
/// for it, up to [`EDITOR_GRACE`] (then ends it with SIGKILL), before it takes the terminal
/// back and ends: ending first left the editor running without its parent, on a terminal the
/// shell had taken back.
fn watch_signals(
    signal: Arc<AtomicUsize>,
    child: Arc<AtomicU32>,
    mouse: bool,
    modes: Option<Termios>,
) -> io::Result<()> {
    let mut signals = signal_hook::iterator::Signals::new(ENDING)?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            for n in signals.forever() {
                let editor = child.load(Ordering::SeqCst);
                if editor != 0 {
                    if matches!(
                        n,
                        signal_hook::consts::SIGINT | signal_hook::consts::SIGQUIT
                    ) {
                        continue;
                    }
                    let raw = i32::try_from(editor).unwrap_or(0);
                    // The editor and every process below it, found before any ends (then its
                    // children would be another's): a wrapper (Debian's sensible-editor, a
                    // script) runs the real editor as its child, which a signal to the wrapper
                    // alone left running on the shell's terminal.
                    let tree: Vec<nix::unistd::Pid> = std::iter::once(raw)
                        .chain(descendants(raw))
                        .map(nix::unistd::Pid::from_raw)
                        .collect();
                    if let Ok(sig) = nix::sys::signal::Signal::try_from(n) {
                        for &pid in &tree {
                            let _ = nix::sys::signal::kill(pid, sig);
                        }
                    }
                    // Every one of them is waited for, not the editor alone: a wrapper ends at
                    // once on the signal while the editor it ran is still saving, and the
                    // terminal's hang-up when the program ends would cut that short.
                    let waiting = || {
                        child.load(Ordering::SeqCst) != 0
                            || tree.iter().skip(1).any(|&pid| running(pid))
                    };
                    let start = std::time::Instant::now();
                    while waiting() && start.elapsed() < EDITOR_GRACE {
                        std::thread::sleep(SIGNAL_POLL);
                    }
                    // An editor deaf to the signal is not left behind on the shell's terminal.
                    if waiting() {
                        for &pid in &tree {
                            let _ = nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGKILL);
                        }
                    }
                }
                signal.store(usize::try_from(n).unwrap_or(1), Ordering::Relaxed);
                std::thread::sleep(SIGNAL_GRACE);
                // Best effort, through standard error: the stuck loop may hold standard output's
                // lock, and a terminal that hung up takes no more writes anyway.
                if mouse {
                    let _ = execute!(std::io::stderr(), DisableMouseCapture);
                }
                let _ = execute!(
                    std::io::stderr(),
                    DisableBracketedPaste,
                    LeaveAlternateScreen,
                    Show
                );
                let _ = disable_raw_mode();
                put_back(modes.as_ref());
                std::process::exit(128 + n);
            }
        })?;
    Ok(())
}

/// True while process `pid` runs: there and not a zombie (one whose parent has not reaped it
/// has ended). Without `/proc`, only whether it is there.
fn running(pid: nix::unistd::Pid) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Ok(stat) => stat
            .rsplit_once(')')
            .and_then(|(_, rest)| rest.split_whitespace().next())
            .is_some_and(|state| !matches!(state, "Z" | "X")),
        Err(_) if std::path::Path::new("/proc/self").exists() => false,
        Err(_) => nix::sys::signal::kill(pid, None).is_ok(),
    }
}

/// The processes below `pid` (its children, theirs…), read from `/proc` where there is one
/// (elsewhere none are found, and only the editor itself is signalled).
fn descendants(pid: i32) -> Vec<i32> {
    let Ok(dir) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    let mut parents: Vec<(i32, i32)> = Vec::new();
    for entry in dir.flatten() {
        let Some(p) = entry
            .file_name()
            .to_str()
            .and_then(|n| n.parse::<i32>().ok())
        else {
            continue;
        };
        // `pid (name) state ppid …`: the name may hold spaces and parentheses.
        let ppid = std::fs::read_to_string(entry.path().join("stat"))
            .ok()
            .and_then(|stat| {
                let (_, rest) = stat.rsplit_once(')')?;
                rest.split_whitespace().nth(1)?.parse::<i32>().ok()
            });
        if let Some(ppid) = ppid {
            parents.push((p, ppid));
        }
    }
    let (mut found, mut next) = (Vec::new(), vec![pid]);
    while let Some(p) = next.pop() {
        for &(child, parent) in &parents {
            if parent == p && child != pid && !found.contains(&child) {
                found.push(child);
                next.push(child);
            }
        }
    }
    found
}

/// Gives the terminal back as the shell had it: mouse, alternate screen, cursor, raw mode.
fn leave(mouse: bool) -> io::Result<()> {
    if mouse {
        execute!(stdout(), DisableMouseCapture)?;
    }
    execute!(stdout(), DisableBracketedPaste, LeaveAlternateScreen, Show)?;
    disable_raw_mode()
}

/// Restores the terminal when dropped: on quit, on error, on an ending signal, and while a panic
/// unwinds.
struct Guard {
    mouse: bool,
    modes: Option<Termios>,
}

impl Drop for Guard {
    fn drop(&mut self) {
        if self.mouse {
            let _ = execute!(stdout(), DisableMouseCapture);
        }
        // Not `ratatui::restore`: it prints its failure, and printing to a terminal that hung up
        // panics inside this drop, which aborts the program.
        let _ = execute!(stdout(), DisableBracketedPaste, LeaveAlternateScreen, Show);
        let _ = disable_raw_mode();
        put_back(self.modes.as_ref());
    }
}

/// Opens the UI on the real terminal: alternate screen, raw mode, mouse capture unless `mouse` is
/// false. The terminal is restored however this ends; a panic's message is printed after that.
/// SIGTERM, SIGHUP, SIGINT and SIGQUIT end the loop, restore the terminal, then end the process
/// with the shell's code for the signal (128 + its number).
pub fn run(app: &mut App, mouse: bool) -> io::Result<()> {
    let signal = Arc::new(AtomicUsize::new(0));
    let child = Arc::new(AtomicU32::new(0));
    let modes = shell_modes();
    watch_signals(
        Arc::clone(&signal),
        Arc::clone(&child),
        mouse,
        modes.clone(),
    )?;
    // ratatui's hook restores the terminal, then prints the panic through the previous hook.
    // Its terminal is set up (raw mode, the alternate screen) and drawn through `Steady`, which
    // keeps rows of uncertain width clean.
    drop(ratatui::try_init()?);
    let backend = super::steady::Steady::new(ratatui::backend::CrosstermBackend::new(stdout()))?;
    let mut terminal = Terminal::new(backend)?;
    let guard = Guard {
        mouse,
        modes: modes.clone(),
    };
    // A paste arrives as one event, never as keys (pasted text could quit or dismiss).
    execute!(stdout(), EnableBracketedPaste)?;
    if mouse {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let _ = execute!(stdout(), DisableMouseCapture);
            previous(info);
        }));
        execute!(stdout(), EnableMouseCapture)?;
    }
    let mut host = Crossterm {
        mouse,
        signal: Arc::clone(&signal),
        child,
        modes,
    };
    let result = event_loop(&mut terminal, app, &mut host);
    drop(guard);
    match signal.load(Ordering::Relaxed) {
        0 => result,
        n => std::process::exit(128 + i32::try_from(n).unwrap_or(0)),
    }
}

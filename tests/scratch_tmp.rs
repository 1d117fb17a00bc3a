use parallax::load;
use parallax::tui::search::Input;
use parallax::tui::theme::Theme;
use parallax::tui::{Action, App, update, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
#[test]
fn look() {
    let d = load::load_bundled().dispute.unwrap();
    let mut a = App::new(d, 0, 1, Theme::plain());
    update(&mut a, Action::Resize { width: 80, height: 24 });
    update(&mut a, Action::Search);
    for c in "trump".chars() { update(&mut a, Action::SearchLine(Input::Type(c))); }
    let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
    t.draw(|f| view::draw(f, &a)).unwrap();
    println!("{}", t.backend());
    update(&mut a, Action::SearchLine(Input::Down));
    update(&mut a, Action::SearchLine(Input::Submit));
    update(&mut a, Action::Narrow);
    t.draw(|f| view::draw(f, &a)).unwrap();
    println!("{}", t.backend());
}

//! `parallax new`: a new dispute folder whose files validate, point editors at the schema, and
//! never replace a file that is there.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use std::path::Path;

fn parallax() -> Command {
    Command::cargo_bin("parallax").unwrap()
}

fn read(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn new_writes_a_dispute_that_validates_and_names_its_schema() {
    let dir = tempfile::tempdir().unwrap();
    let river = dir.path().join("river-2024");
    parallax()
        .arg("new")
        .arg(&river)
        .args(["--title", "Alpha and Beta on the river"])
        .args(["--side", "alpha:Alpha", "--side", "beta:Beta Republic"])
        .assert()
        .success()
        .stderr(predicate::str::contains("wrote"));
    parallax()
        .args(["validate", "--strict"])
        .arg(&river)
        .assert()
        .success()
        .stdout(predicate::str::contains("2 sides (alpha, beta)"));
    let manifest = read(&river.join("dispute.json"));
    assert_eq!(
        manifest["dispute"]["id"], "river-2024",
        "the id comes from the folder"
    );
    assert_eq!(manifest["dispute"]["title"], "Alpha and Beta on the river");
    assert_eq!(
        manifest["sides"],
        serde_json::json!(["alpha.json", "beta.json"])
    );
    let beta = read(&river.join("beta.json"));
    assert_eq!(beta["party"]["name"], "Beta Republic");

    // Each file names the schema beside it, and passes it.
    let schema = read(&river.join("schema/parallax-1.schema.json"));
    let validator = jsonschema::validator_for(&schema).unwrap();
    for name in ["dispute.json", "alpha.json", "beta.json"] {
        let doc = read(&river.join(name));
        let target = doc["$schema"].as_str().unwrap();
        assert!(
            river.join(target).is_file(),
            "{name}: $schema points at a file"
        );
        let errors: Vec<String> = validator.iter_errors(&doc).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{name}: {errors:?}");
    }
}

/// A dispute just made has no topic and no claim: `show` and `match` say so and what to do,
/// rather than printing bare headers or "every claim of the left side has a counterpart".
#[test]
fn show_and_match_on_a_new_dispute_say_it_is_empty() {
    let dir = tempfile::tempdir().unwrap();
    let river = dir.path().join("river");
    parallax()
        .arg("new")
        .arg(&river)
        .args(["--title", "The river"])
        .args(["--side", "alpha:Alpha", "--side", "beta:Beta"])
        .assert()
        .success();
    parallax()
        .arg("show")
        .arg(&river)
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "the dispute has no topic yet: add topics and claims",
        ));
    parallax().arg("match").arg(&river).assert().code(1).stderr(
        predicate::str::contains("no suggestion; Alpha has no claim yet")
            .and(predicate::str::contains("counterpart").not()),
    );
}

#[test]
fn new_refuses_to_replace_any_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("alpha.json"), "mine").unwrap();
    parallax()
        .arg("new")
        .arg(dir.path())
        .args([
            "--title", "T", "--id", "t", "--side", "alpha:A", "--side", "beta:B",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("alpha.json already exists"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("alpha.json")).unwrap(),
        "mine"
    );
    assert!(
        !dir.path().join("dispute.json").exists(),
        "nothing was written"
    );
}

/// A folder of side files without a manifest is a dispute already: `new` there wrote a
/// manifest naming only its own sides, and the claims of the others no longer showed.
#[test]
fn new_refuses_a_folder_of_side_files() {
    let dir = tempfile::tempdir().unwrap();
    for f in ["alpha.json", "beta.json"] {
        std::fs::copy(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures/match")
                .join(f),
            dir.path().join(f),
        )
        .unwrap();
    }
    std::fs::write(dir.path().join("notes.json"), "{\"mine\": true}\n").unwrap();
    // A byte order mark, which the format allows, hides no side.
    let beta = dir.path().join("beta.json");
    let text = std::fs::read_to_string(&beta).unwrap();
    std::fs::write(&beta, format!("\u{feff}{text}")).unwrap();
    parallax()
        .arg("new")
        .arg(dir.path())
        .args(["--title", "T", "--side", "x:X", "--side", "y:Y"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "holds side files already (alpha.json, beta.json)",
        ));
    assert!(
        !dir.path().join("dispute.json").exists() && !dir.path().join("x.json").exists(),
        "nothing was written"
    );
}

#[test]
fn new_refuses_bad_parties_with_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("d");
    for (sides, says) in [
        (vec!["alpha:A"], "two or more parties"),
        (vec!["alpha:A", "Beta:B"], "`Beta` is not an id"),
        // The rule said is the one the ids break, and the example is one that keeps it.
        (
            vec!["alpha:A", "_b:B"],
            "starting with a letter or digit (for example `b`)",
        ),
        (vec!["alpha:A", "..:B"], "starting with a letter or digit\n"),
        (vec!["alpha:A", "alpha:B"], "given twice"),
        (vec!["alpha:A", "beta"], "ID:NAME"),
        (vec!["alpha:A", "dispute:D"], "manifest"),
        // A name that would be changed on its way into the file is refused, not changed.
        (
            vec!["alpha:A", "beta:B\u{1b}[31m"],
            "holds the character U+001B (a control or hidden character)",
        ),
        (vec!["alpha:A", "beta:B\u{202e}x"], "U+202E"),
        (vec!["alpha:A", "beta:B\nC"], "U+000A"),
        (
            vec!["alpha:A", "beta:B\tC"],
            "--side beta:B␉C holds the character U+0009 (a control or hidden character): “B␉C”",
        ),
    ] {
        let mut cmd = parallax();
        cmd.arg("new").arg(&target).args(["--title", "T"]);
        for s in sides {
            cmd.args(["--side", s]);
        }
        cmd.assert().code(2).stderr(predicate::str::contains(says));
    }
    parallax()
        .arg("new")
        .arg(&target)
        .args(["--title", "T\u{7}", "--side", "alpha:A", "--side", "beta:B"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "--title holds the character U+0007",
        ));
    // A line separator is a line break too; a folder's name is checked as a name is.
    parallax()
        .arg("new")
        .arg(&target)
        .args([
            "--title",
            "a\u{2028}b",
            "--side",
            "alpha:A",
            "--side",
            "beta:B",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("U+2028"));
    let odd = dir.path().join("d\u{1b}[31mX");
    parallax()
        .arg("new")
        .arg(&odd)
        .args(["--title", "T", "--side", "alpha:A", "--side", "beta:B"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "the folder holds the character U+001B",
        ));
    assert!(!odd.exists());
    assert!(!target.exists());
}

#[test]
fn the_validate_command_it_suggests_can_be_pasted_into_a_shell() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("river 2024");
    let out = parallax()
        .arg("new")
        .arg(&folder)
        .args(["--title", "The river", "--id", "river-2024"])
        .args(["--side", "alpha:Alpha", "--side", "beta:Beta"])
        .assert()
        .success()
        .get_output()
        .clone();
    let said = String::from_utf8_lossy(&out.stderr);
    let command = said
        .split("then run `")
        .nth(1)
        .and_then(|rest| rest.split('`').next())
        .unwrap_or_else(|| panic!("no command suggested: {said}"));
    // The shell's own reading of it names the folder as one word.
    let words = shell_words::split(command).expect("a shell line");
    assert_eq!(words.len(), 3, "{command}");
    parallax().args(&words[1..]).assert().success();
}

/// A schema file already in the folder stays as it was (an earlier import may have written
/// it); when it is not this program's, `new` and `import` say so, since editors check the new
/// files against it (it was kept without a word).
#[test]
fn a_schema_already_there_that_differs_is_kept_and_said() {
    let dir = tempfile::tempdir().unwrap();
    let schema = |folder: &Path| folder.join("schema/parallax-1.schema.json");
    let stale = dir.path().join("stale");
    std::fs::create_dir_all(stale.join("schema")).unwrap();
    std::fs::write(schema(&stale), "KEEP").unwrap();
    let same = dir.path().join("same");
    std::fs::create_dir_all(same.join("schema")).unwrap();
    std::fs::write(schema(&same), parallax::create::SCHEMA).unwrap();
    for (folder, said) in [(&stale, true), (&same, false)] {
        let out = parallax()
            .arg("new")
            .arg(folder)
            .args(["--title", "T", "--side", "a:A", "--side", "b:B"])
            .assert()
            .success()
            .get_output()
            .stderr
            .clone();
        let out = String::from_utf8_lossy(&out);
        assert_eq!(
            out.contains("is not this program's schema"),
            said,
            "{}: {out}",
            folder.display()
        );
    }
    assert_eq!(std::fs::read_to_string(schema(&stale)).unwrap(), "KEEP");
    // Import says it too.
    let imported = dir.path().join("imported");
    std::fs::create_dir_all(imported.join("schema")).unwrap();
    std::fs::write(schema(&imported), "KEEP").unwrap();
    let csv = dir.path().join("claims.csv");
    std::fs::write(
        &csv,
        "party,topic,text,source\nA,T,One thing.,https://example.org/a\nB,T,Another.,https://example.org/b\n",
    )
    .unwrap();
    parallax()
        .args(["import", "csv"])
        .arg(&csv)
        .arg("-o")
        .arg(&imported)
        .assert()
        .success()
        .stderr(predicate::str::contains("is not this program's schema"));
}

/// `new` in a folder that is there but read-only says its files cannot be written there, not
/// that the folder cannot be created (it exists).
#[cfg(unix)]
#[test]
fn new_in_a_read_only_folder_that_exists_says_it_cannot_write_there() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let there = dir.path().join("ro");
    std::fs::create_dir(&there).unwrap();
    std::fs::set_permissions(&there, std::fs::Permissions::from_mode(0o555)).unwrap();
    let out = assert_cmd::Command::cargo_bin("parallax")
        .unwrap()
        .args(["new", "--title", "T", "--side", "a:A", "--side", "b:B"])
        .arg(&there)
        .assert()
        .failure()
        .get_output()
        .stderr
        .clone();
    std::fs::set_permissions(&there, std::fs::Permissions::from_mode(0o755)).unwrap();
    let said = String::from_utf8_lossy(&out);
    assert!(said.contains("is read-only; make it writable"), "{said}");
    assert!(!said.contains("cannot create the folder"), "{said}");
    assert_eq!(
        std::fs::read_dir(&there).unwrap().count(),
        0,
        "nothing written"
    );
    // The same with the folder writable but its schema folder not: that folder is named, and
    // the dispute's folder is not said to be one that cannot be made.
    let schema = there.join("schema");
    std::fs::create_dir(&schema).unwrap();
    std::fs::set_permissions(&schema, std::fs::Permissions::from_mode(0o555)).unwrap();
    let out = assert_cmd::Command::cargo_bin("parallax")
        .unwrap()
        .args(["new", "--title", "T", "--side", "a:A", "--side", "b:B"])
        .arg(&there)
        .output()
        .unwrap();
    std::fs::set_permissions(&schema, std::fs::Permissions::from_mode(0o755)).unwrap();
    let said = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(
        said.contains("schema is read-only; make it writable"),
        "{said}"
    );
    assert!(!said.contains("cannot create the folder"), "{said}");
}

/// A write that fails part way (here the file size limit, as a full disk would) takes back
/// every folder it made, the ones above the dispute's folder too, and none that was there: it
/// left `deep/x` behind, which README's "all or nothing" says it does not.
#[cfg(unix)]
#[test]
fn a_failed_write_takes_back_every_folder_it_made() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("ab.csv"), "side,topic,text\na,t,x\nb,t,y\n").unwrap();
    let bin = assert_cmd::cargo::cargo_bin("parallax");
    for command in [
        "new kept/deep/x/y --title T --side a:A --side b:B",
        "import csv ab.csv -o kept/deep/x/y",
    ] {
        std::fs::create_dir_all(dir.path().join("kept")).unwrap();
        // Writes past 512 bytes fail with EFBIG rather than end the process.
        let out = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!("trap '' XFSZ; ulimit -f 1; exec \"$0\" {command}"))
            .arg(&bin)
            .current_dir(dir.path())
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{command}: {said}");
        assert!(said.contains("cannot write"), "{command}: {said}");
        assert!(
            !dir.path().join("kept/deep").exists(),
            "{command}: the folders it made are taken back"
        );
        assert!(
            dir.path().join("kept").is_dir(),
            "{command}: not one that was there"
        );
    }
}

//! `mulu --help` 与每个子命令（含子命令的子命令）的 `--help`：从顶层的“命令：”一栏逐层找出全部命令，
//! 逐个运行，要求退出码 0、帮助全是中文（没有 clap 的英文套话）、每个参数与选项都有中文说明。

mod common;

use common::Env;

fn has_chinese(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// 帮助里某一栏（`命令：`、`选项：`、`参数：`）的各行。
fn section<'a>(help: &'a str, heading: &str) -> Vec<&'a str> {
    let mut lines = help.lines().skip_while(|l| *l != heading);
    if lines.next().is_none() {
        return Vec::new();
    }
    lines.take_while(|l| !l.trim().is_empty()).collect()
}

#[test]
fn every_command_has_complete_chinese_help() {
    let env = Env::new();
    let mut todo: Vec<Vec<String>> = vec![vec![]];
    let mut checked = Vec::new();
    while let Some(path) = todo.pop() {
        let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
        args.push("--help");
        let o = env.run(&args);
        let shown = format!("mulu {}", args.join(" "));
        assert_eq!(o.status.code(), Some(0), "{shown}");
        let help = String::from_utf8(o.stdout).unwrap();
        assert!(
            has_chinese(help.lines().next().unwrap_or("")),
            "{shown}：第一行应是中文说明\n{help}"
        );
        assert!(help.contains("用法：mulu"), "{shown}：没有用法行\n{help}");
        for english in [
            "Usage",
            "Options",
            "Arguments",
            "Commands",
            "[OPTIONS]",
            "<COMMAND>",
            "default:",
            "Print ",
        ] {
            assert!(
                !help.contains(english),
                "{shown}：有英文“{english}”\n{help}"
            );
        }
        assert!(
            help.contains("选项：\n"),
            "{shown}：没有“选项：”一栏\n{help}"
        );
        // 每个选项、参数都有说明：同一行，或（说明较长时 clap 换到）下一行。
        for heading in ["选项：", "参数："] {
            let lines = section(&help, heading);
            for (i, line) in lines.iter().enumerate() {
                let t = line.trim_start();
                if !(t.starts_with('-') || t.starts_with('<')) {
                    continue;
                }
                let next = lines.get(i + 1).copied().unwrap_or("");
                let described = has_chinese(t.split("  ").skip(1).collect::<String>().as_str())
                    || (!next.trim_start().starts_with('-')
                        && !next.trim_start().starts_with('<')
                        && has_chinese(next));
                assert!(described, "{shown}：“{t}”没有说明\n{help}");
            }
        }
        for line in section(&help, "命令：") {
            let mut parts = line.split_whitespace();
            let name = parts.next().unwrap().to_string();
            assert!(
                has_chinese(&parts.collect::<String>()),
                "{shown}：命令 {name} 没有说明"
            );
            let mut sub = path.clone();
            sub.push(name);
            todo.push(sub);
        }
        checked.push(shown);
    }
    // mulu、12 个命令（含 search、desk）、guidelines 的 5 个（show、export、import、pack、load）、catalog 的 4 个、
    // backup 的 3 个、columns 的 3 个、powers 的 1 个、desk 的 5 个（units、record、status、summary、letters）
    // （内部用的 worker 是隐藏命令，不列在帮助里）。
    assert_eq!(checked.len(), 34, "{checked:#?}");
}

#[test]
fn help_of_a_command_is_also_shown_when_its_subcommand_is_missing() {
    // `mulu catalog` 不带子命令：帮助照样是中文，写到 stderr，退出码 2。
    let o = Env::new().run(&["catalog"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(err.contains("用法：mulu catalog [选项] <命令>"), "{err}");
    assert!(!err.contains("Commands"), "{err}");
}

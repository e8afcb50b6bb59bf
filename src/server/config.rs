//! The configuration file (`ENTRAIDE_CONFIG=/etc/entraide/entraide.toml`, or `--config`): one
//! flat TOML table whose keys are the environment variables of the command line, lowercased,
//! without `ENTRAIDE_` (`public_url` for `ENTRAIDE_PUBLIC_URL`, `database_url` for
//! `DATABASE_URL`), so the file and the environment are one list of settings, documented once
//! (`entraide --help`, README). Read before the command line is parsed: an unknown key, a value
//! of the wrong shape, or a setting given both in the file and in the environment stops the
//! start with a message naming it; the values themselves are then checked by the command line
//! like any other.

use std::collections::BTreeMap;

use clap::CommandFactory;

use crate::server::cli::Cli;

/// Settings read by the program outside the command line's own flags.
const EXTRA: &[(&str, &str)] = &[("log_format", "ENTRAIDE_LOG_FORMAT"), ("log", "RUST_LOG")];

/// Every setting a file may hold: its key and the environment variable it stands for.
pub fn settings() -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut stack = vec![Cli::command()];
    while let Some(cmd) = stack.pop() {
        for arg in cmd.get_arguments() {
            if let Some(env) = arg.get_env().and_then(|e| e.to_str()) {
                out.insert(key_of(env), env.to_owned());
            }
        }
        stack.extend(cmd.get_subcommands().cloned());
    }
    for (key, env) in EXTRA {
        out.insert((*key).to_owned(), (*env).to_owned());
    }
    // The file cannot name another file.
    out.remove("config");
    out
}

/// The values a deployment sets (the rest keep their defaults, listed commented out).
const DEPLOYED: &[(&str, &str)] = &[
    ("database_url", "\"sqlite:///var/lib/entraide/entraide.db\""),
    ("leptos_site_addr", "\"127.0.0.1:3000\""),
    ("leptos_site_root", "\"/opt/entraide/site\""),
    ("public_url", "\"https://entraide.example.fr\""),
    ("secure_cookies", "true"),
    ("trusted_proxy", "\"127.0.0.1\""),
    ("smtp_url", "\"smtp://utilisateur:mot-de-passe@relais.example.fr:587\""),
    ("mail_from", "\"Entraide <ne-pas-repondre@example.fr>\""),
    ("metrics_addr", "\"127.0.0.1:9464\""),
];

/// A sample file: every setting with its help; the deployment's values set, the others
/// commented out with their default (`entraide config-sample`, shipped in the archive).
pub fn sample() -> String {
    let mut helps: BTreeMap<String, (String, Option<String>)> = BTreeMap::new();
    let mut stack = vec![Cli::command()];
    while let Some(cmd) = stack.pop() {
        for arg in cmd.get_arguments() {
            let Some(env) = arg.get_env().and_then(|e| e.to_str()) else { continue };
            let help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
            let default = match arg.get_action().takes_values() {
                true => arg.get_default_values().first().and_then(|d| d.to_str()).map(str::to_owned),
                // A switch: off unless set.
                false => Some("false".to_owned()),
            };
            helps.entry(key_of(env)).or_insert((help, default));
        }
        stack.extend(cmd.get_subcommands().cloned());
    }
    helps.insert(
        "log_format".into(),
        ("How the logs are written: json (one object per line) or text.".into(), Some("json".into())),
    );
    helps.insert("log".into(), ("Which logs are written (RUST_LOG's syntax).".into(), Some("info,sqlx=warn".into())));
    helps.remove("config");
    let known = settings();
    let mut out = String::from(
        "# Entraide's settings: /etc/entraide/entraide.toml, named by ENTRAIDE_CONFIG (or --config).\n\
         # Each key is an environment variable of `entraide --help`, lowercased, without ENTRAIDE_;\n\
         # a setting is given here or in the environment, never both. Checked at start: a wrong key\n\
         # or value stops the start with a message naming it.\n",
    );
    for (key, (help, default)) in helps {
        out.push('\n');
        for line in help.lines() {
            out.push_str(&format!("# {line}\n"));
        }
        out.push_str(&format!("# ({})\n", known.get(&key).map_or("", String::as_str)));
        match DEPLOYED.iter().find(|(k, _)| *k == key) {
            Some((_, value)) => out.push_str(&format!("{key} = {value}\n")),
            None => match default {
                Some(d) if d.parse::<f64>().is_ok() || d == "true" || d == "false" => {
                    out.push_str(&format!("# {key} = {d}\n"))
                }
                Some(d) => out.push_str(&format!("# {key} = {}\n", toml::Value::String(d))),
                None => out.push_str(&format!("# {key} =\n")),
            },
        }
    }
    out
}

fn key_of(env: &str) -> String {
    let lower = env.to_ascii_lowercase();
    lower.strip_prefix("entraide_").map(str::to_owned).unwrap_or(lower)
}

/// The settings of `text` (the file at `path`) as environment variables and their values.
/// `present` says whether a variable is already set in the environment.
pub fn parse(text: &str, path: &str, present: impl Fn(&str) -> bool) -> Result<Vec<(String, String)>, String> {
    let table: toml::Table =
        text.parse().map_err(|e: toml::de::Error| format!("{path}: not a valid TOML file: {}", e.message().trim()))?;
    let known = settings();
    let mut out = vec![];
    for (key, value) in table {
        let Some(env) = known.get(&key) else {
            return Err(format!(
                "{path}: unknown setting « {key} ». The settings are: {}.",
                known.keys().cloned().collect::<Vec<_>>().join(", ")
            ));
        };
        let value = match value {
            toml::Value::String(s) => s,
            toml::Value::Integer(i) => i.to_string(),
            toml::Value::Float(f) => f.to_string(),
            toml::Value::Boolean(b) => b.to_string(),
            toml::Value::Array(items) => items
                .into_iter()
                .map(|v| match v {
                    toml::Value::String(s) => Ok(s),
                    other => Err(format!("{path}: « {key} » must be a list of texts, not {}", other.type_str())),
                })
                .collect::<Result<Vec<_>, _>>()?
                .join(","),
            other => {
                return Err(format!(
                    "{path}: « {key} » must be a text, a number or true/false, not {}",
                    other.type_str()
                ))
            }
        };
        if present(env) {
            return Err(format!(
                "« {key} » is set both in {path} and in the environment ({env}): keep one, the file or the environment"
            ));
        }
        out.push((env.clone(), value));
    }
    Ok(out)
}

/// Where the file is: `--config PATH` (or `--config=PATH`) on the command line, else
/// `ENTRAIDE_CONFIG`; none by default.
fn path_from(args: &[String]) -> Option<String> {
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--config" {
            return it.next().cloned();
        }
        if let Some(p) = a.strip_prefix("--config=") {
            return Some(p.to_owned());
        }
    }
    std::env::var("ENTRAIDE_CONFIG").ok().filter(|p| !p.is_empty())
}

/// Reads the file, if one is named, into the environment. Called first thing in `main`, before
/// any thread is started and before the command line is parsed.
pub fn load(args: &[String]) -> Result<(), String> {
    let Some(path) = path_from(args) else { return Ok(()) };
    let text = std::fs::read_to_string(&path).map_err(|e| format!("cannot read the configuration file {path}: {e}"))?;
    for (env, value) in parse(&text, &path, |env| std::env::var_os(env).is_some())? {
        std::env::set_var(env, value);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_is_a_valid_file_with_every_setting() {
        let text = sample();
        let set = parse(&text, "sample", |_| false).expect("the sample parses");
        assert_eq!(set.len(), DEPLOYED.len());
        for key in settings().keys() {
            assert!(text.contains(&format!("\n{key} =")) || text.contains(&format!("\n# {key} =")), "{key} missing");
        }
        assert!(text.contains("# report_threshold = 3\n"), "{text}");
        assert!(text.contains("# allow_demo = false\n"), "{text}");
    }

    #[test]
    fn the_keys_are_the_environment_variables() {
        let s = settings();
        assert_eq!(s["public_url"], "ENTRAIDE_PUBLIC_URL");
        assert_eq!(s["database_url"], "DATABASE_URL");
        assert_eq!(s["smtp_url"], "SMTP_URL");
        assert_eq!(s["metrics_addr"], "ENTRAIDE_METRICS_ADDR");
        assert_eq!(s["leptos_site_addr"], "LEPTOS_SITE_ADDR");
        assert_eq!(s["retain_details_days"], "ENTRAIDE_RETAIN_DETAILS_DAYS");
        assert_eq!(s["log_format"], "ENTRAIDE_LOG_FORMAT");
        assert!(!s.contains_key("config"));
    }

    #[test]
    fn values_become_the_environment_and_mistakes_are_named() {
        let none = |_: &str| false;
        let got = parse(
            "public_url = \"https://entraide.example.fr\"\nsecure_cookies = true\nreport_threshold = 4\nvetted_categories = [\"childcare\", \"home-visit\"]\n",
            "f.toml",
            none,
        )
        .unwrap();
        assert!(got.contains(&("ENTRAIDE_PUBLIC_URL".into(), "https://entraide.example.fr".into())));
        assert!(got.contains(&("ENTRAIDE_SECURE_COOKIES".into(), "true".into())));
        assert!(got.contains(&("ENTRAIDE_REPORT_THRESHOLD".into(), "4".into())));
        assert!(got.contains(&("ENTRAIDE_VETTED_CATEGORIES".into(), "childcare,home-visit".into())));

        let e = parse("public_ulr = \"x\"", "/etc/entraide/entraide.toml", none).unwrap_err();
        assert!(
            e.contains("/etc/entraide/entraide.toml: unknown setting \u{ab} public_ulr \u{bb}")
                && e.contains("public_url"),
            "{e}"
        );
        let e = parse("public_url = ", "f.toml", none).unwrap_err();
        assert!(e.starts_with("f.toml: not a valid TOML file"), "{e}");
        let e = parse("[smtp]\nurl = \"x\"", "f.toml", none).unwrap_err();
        assert!(e.contains("\u{ab} smtp \u{bb}"), "{e}");
        let e = parse("public_url = { a = 1 }", "f.toml", none).unwrap_err();
        assert!(e.contains("\u{ab} public_url \u{bb} must be"), "{e}");
        let e = parse("public_url = \"https://a.fr\"", "f.toml", |env| env == "ENTRAIDE_PUBLIC_URL").unwrap_err();
        assert!(e.contains("both in f.toml and in the environment (ENTRAIDE_PUBLIC_URL)"), "{e}");
    }

    fn serve(args: &[&str]) -> crate::server::cli::ServeArgs {
        use clap::Parser;
        let all: Vec<&str> = ["entraide", "serve"].into_iter().chain(args.iter().copied()).collect();
        match Cli::try_parse_from(all).expect("parse").command {
            Some(crate::server::cli::Command::Serve(a)) => a,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_public_start_without_what_it_needs_is_refused_naming_the_setting() {
        use crate::server::check_start;
        let https = "--public-url=https://entraide.haut-rhin.fr";
        let e = check_start(&serve(&[https])).unwrap_err();
        assert!(e.starts_with("ENTRAIDE_SECURE_COOKIES (secure_cookies) must be true"), "{e}");
        let e = check_start(&serve(&[https, "--secure-cookies"])).unwrap_err();
        assert!(e.starts_with("SMTP_URL (smtp_url) is not set"), "{e}");
        check_start(&serve(&[https, "--secure-cookies", "--smtp-url=smtp://relay:587"])).unwrap();
        let e = check_start(&serve(&["--public-url=entraide.haut-rhin.fr"])).unwrap_err();
        assert!(e.starts_with("ENTRAIDE_PUBLIC_URL (public_url)"), "{e}");
        let e = check_start(&serve(&["--metrics-addr=0.0.0.0:9464"])).unwrap_err();
        assert!(e.starts_with("ENTRAIDE_METRICS_ADDR (metrics_addr) is 0.0.0.0:9464"), "{e}");
        check_start(&serve(&["--metrics-addr=127.0.0.1:9464"])).unwrap();
        // A try-out on this machine needs none of it.
        check_start(&serve(&["--public-url=http://127.0.0.1:3000"])).unwrap();
    }

    #[test]
    fn the_file_is_named_by_the_flag_first() {
        let args: Vec<String> = ["entraide", "--config", "/a.toml", "serve"].map(String::from).to_vec();
        assert_eq!(path_from(&args).as_deref(), Some("/a.toml"));
        let args: Vec<String> = ["entraide", "serve", "--config=/b.toml"].map(String::from).to_vec();
        assert_eq!(path_from(&args).as_deref(), Some("/b.toml"));
    }
}

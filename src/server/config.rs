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

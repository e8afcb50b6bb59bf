//! The `entraide` binary: parses the command line and hands over to `server::main`.

use clap::Parser;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let cli = entraide::server::cli::Cli::parse();
    match entraide::server::main(cli).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("entraide: {message}");
            std::process::ExitCode::FAILURE
        }
    }
}

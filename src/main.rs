//! The `entraide` binary: parses the command line and hands over to `server::main`.

use clap::Parser;

/// A quarter of the map page's render went to glibc's allocator (`perf`, README « Speed and
/// weight »); mimalloc serves the many small, short-lived allocations of a render faster.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    // The configuration file goes into the environment before any thread starts.
    let args: Vec<String> = std::env::args().collect();
    if let Err(message) = entraide::server::config::load(&args) {
        eprintln!("entraide: {message}");
        return std::process::ExitCode::FAILURE;
    }
    let cli = entraide::server::cli::Cli::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("entraide: cannot start: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    match runtime.block_on(entraide::server::main(cli)) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("entraide: {message}");
            std::process::ExitCode::FAILURE
        }
    }
}

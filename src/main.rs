//! The `plan-explorer` binary; all logic lives in the library.

fn main() -> std::process::ExitCode {
    plan_explorer::cli::main()
}

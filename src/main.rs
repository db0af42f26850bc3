//! The `abridge` command: parses arguments, calls the library, prints.

mod alloc;
mod cli;

#[global_allocator]
static GLOBAL: alloc::Allocator = alloc::Allocator;

fn main() -> std::process::ExitCode {
    cli::run()
}

//! The `abridge` command: parses arguments, calls the library, prints.

#[cfg(target_os = "linux")]
mod alloc;
mod cli;

// Linux: mimalloc, with huge blocks mapped from the system (`alloc`: `mremap` is Linux's).
#[cfg(target_os = "linux")]
#[global_allocator]
static GLOBAL: alloc::Allocator = alloc::Allocator;

#[cfg(not(target_os = "linux"))]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cli::run()
}

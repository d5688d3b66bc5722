//! Links the `morgue` binary as a position-dependent executable on Linux (glibc).
//!
//! A command-line search is a whole process, so start-up is part of every query's time. As a
//! position-independent executable (rustc's default), the 120 MB binary carries ~50,000 relative
//! relocations that the dynamic loader applies at every start, dirtying about 250 pages of
//! `.data.rel.ro`; linked with `-no-pie` it has none, and `morgue search` starts about 1 ms
//! sooner (measured: docs/search-performance.md). Only the binaries' link changes: the library,
//! the tests and the dependencies are compiled exactly as before.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os == "linux" && env == "gnu" {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}

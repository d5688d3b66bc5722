use std::process::ExitCode;

fn main() -> ExitCode {
    match morgue::cli::run() {
        Ok(code) => code,
        Err(err) => {
            eprintln!("morgue: {err:#}");
            ExitCode::from(2)
        }
    }
}

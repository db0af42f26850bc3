//! `abridge eval`.

use super::args::EvalArgs;
use super::RunStatus;
use anyhow::{bail, Result};

pub fn eval(_args: &EvalArgs) -> Result<RunStatus> {
    bail!("abridge eval is not implemented yet")
}

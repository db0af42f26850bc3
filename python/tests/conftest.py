"""Shared helpers: the `abridge` binary the records are compared with, and the input sets."""
import json
import os
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"


def abridge_bin():
    """The command-line binary: $ABRIDGE_BIN, else the repository's release build, else its debug
    build. A missing binary fails the tests (build it with `cargo build --release`)."""
    env = os.environ.get("ABRIDGE_BIN")
    if env:
        return env
    for profile in ("release", "debug"):
        candidate = REPO / "target" / profile / "abridge"
        if candidate.is_file():
            return str(candidate)
    pytest.fail("no abridge binary: run `cargo build --release` or set ABRIDGE_BIN")


def cli(*args, check=True):
    """Runs the command (warnings silenced) from the repository root; returns the process."""
    env = dict(os.environ)
    env.pop("ABRIDGE_ROUGE_EXCEPTIONS", None)
    proc = subprocess.run(
        [abridge_bin(), "--quiet", *map(str, args)],
        cwd=REPO,
        capture_output=True,
        env=env,
    )
    if check and proc.returncode != 0:
        raise AssertionError(f"abridge {' '.join(map(str, args))} failed: {proc.stderr.decode()}")
    return proc


def cli_jsonl(*args):
    """The records of a `--format jsonl` run."""
    out = cli(*args, "--format", "jsonl").stdout.decode("utf-8")
    return [json.loads(line) for line in out.splitlines()]


def cli_json(*args):
    return json.loads(cli(*args, "--format", "json").stdout.decode("utf-8"))


def shared_dir(*parts):
    """A folder of ../shared; skipped (reported as skipped) when absent, a failure when
    ABRIDGE_REQUIRE_SHARED=1 (as CI sets it)."""
    path = SHARED.joinpath(*parts)
    if not path.is_dir():
        if os.environ.get("ABRIDGE_REQUIRE_SHARED") == "1":
            pytest.fail(f"{path} is missing (ABRIDGE_REQUIRE_SHARED=1)")
        pytest.skip(f"{path} is missing")
    return path

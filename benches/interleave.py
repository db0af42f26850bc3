#!/usr/bin/env python3
"""Times whole processes interleaved: one run of each command in turn, N rounds, then the median
CPU time (user + system, from getrusage) and wall time of each. A shared VM's speed drifts from
minute to minute; interleaving puts every command through the same drift, so their medians
compare.

    benches/interleave.py 30 "target/release/abridge tables /tmp/syn10k --threads 1" \
                             "benches/read_floor /tmp/syn10k"

Standard output of the commands is discarded."""
import resource
import shlex
import statistics
import subprocess
import sys
import time


def main() -> None:
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    rounds = int(sys.argv[1])
    commands = sys.argv[2:]
    cpu = {c: [] for c in commands}
    wall = {c: [] for c in commands}
    for _ in range(rounds):
        for command in commands:
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(shlex.split(command), stdout=subprocess.DEVNULL, check=True)
            wall[command].append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu[command].append(
                after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
            )
    for command in commands:
        print(
            f"cpu {statistics.median(cpu[command]) * 1000:7.1f} ms"
            f"  wall {statistics.median(wall[command]) * 1000:7.1f} ms   {command}"
        )


if __name__ == "__main__":
    main()

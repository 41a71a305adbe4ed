"""The schemathesis runs of tools/fuzz-openapi-groups.js, one per role group, in one Python process: schemathesis's
import is paid once instead of per group (5-10 s each on the shared 2-core machine, most of a small group's share).

    python tools/fuzz-openapi-runs.py <jobs.json> <results.json>

jobs.json: {"deadline": epoch seconds, "min_seconds": n, "runs": [{"name", "operations", "args"}]}. Each run gets the
time left before the deadline, shared by operation count after reserving each remaining run's startup, as its
--max-time (never below min_seconds); results.json: [{"name", "rc", "max_time", "seconds"}].
"""
import json
import math
import sys
import time

from schemathesis.cli import schemathesis as cli

# A run's time outside its --max-time (loading its document, probing the server, writing reports). The first run
# also loads the parts of schemathesis it imports lazily (tens of seconds on a loaded machine), so the estimate is the
# mean of the later runs, and never below this guess: what the last run over-reserves is lost, what it under-reserves
# overruns the deadline.
STARTUP_GUESS = 3.0


def main(jobs_file: str, results_file: str) -> None:
    with open(jobs_file, encoding="utf-8") as f:
        jobs = json.load(f)
    runs = jobs["runs"]
    left = sum(r["operations"] for r in runs)
    startups: list[float] = []  # of the runs after the first
    results = []
    for i, run in enumerate(runs):
        remaining = jobs["deadline"] - time.time()
        startup = max(STARTUP_GUESS, sum(startups) / len(startups)) if startups else STARTUP_GUESS
        share = (remaining - startup * (len(runs) - i)) * run["operations"] / left
        max_time = max(jobs["min_seconds"], math.floor(share))
        left -= run["operations"]
        print(f"\n== fuzz group {i + 1}/{len(runs)}: {run['name']}, {run['operations']} operations, "
              f"--max-time {max_time}", flush=True)
        started = time.time()
        try:
            returned = cli.main(["run", *run["args"], "--max-time", str(max_time)], standalone_mode=False)
            rc = returned if isinstance(returned, int) else 0
        except SystemExit as e:  # schemathesis ends every run with sys.exit; non-zero means failures found
            rc = e.code if isinstance(e.code, int) else 1
        except Exception as e:  # noqa: BLE001 — one group's crash is that group's failure, the others still run
            print(f"fuzz group {run['name']}: {e!r}", flush=True)
            rc = 1
        took = time.time() - started
        if i > 0:
            startups.append(max(0.0, took - max_time))
        results.append({"name": run["name"], "rc": rc, "max_time": max_time, "seconds": took})
    with open(results_file, "w", encoding="utf-8") as f:
        json.dump(results, f)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

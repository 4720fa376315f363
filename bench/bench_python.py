#!/usr/bin/python3
"""Python logging throughput (issue 10, Speed): run.log() with 10-key dicts
from a Python loop against the same rows written with json.dumps into
`forkscope-cli log` through a pipe, measured in the same run; and the
slowest single log() call while the writer thread flushes.

    PYTHONPATH=build/python /usr/bin/python3 bench/bench_python.py --json
    (--calls N, default 1 000 000; --repeat R, default 3; --cli PATH)
"""

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
KEYS = 10


def rows(calls):
    """The same 10-key dicts for both sides, built in the loop as a training
    script builds them."""
    for i in range(calls):
        x = i * 0.001
        yield {"loss": x, "acc": x + 1, "lr": x + 2, "grad_norm": x + 3, "k4": x + 4,
               "k5": x + 5, "k6": x + 6, "k7": x + 7, "k8": x + 8, "k9": x + 9}


def bench_forkscope(forkscope, store, calls):
    """Wall seconds until everything is on disk, and the logging thread's
    CPU seconds (less sensitive to other load on the machine)."""
    run = forkscope.init(project="bench", store=store)
    log = run.log
    start, cpu = time.perf_counter(), time.thread_time()
    for i in range(calls):
        x = i * 0.001
        log({"loss": x, "acc": x + 1, "lr": x + 2, "grad_norm": x + 3, "k4": x + 4,
             "k5": x + 5, "k6": x + 6, "k7": x + 7, "k8": x + 8, "k9": x + 9})
    cpu = time.thread_time() - cpu
    run.finish()                     # everything on disk
    return time.perf_counter() - start, cpu


def bench_pipe(cli, store, calls):
    """Wall seconds until the CLI has exited, and the CPU seconds of both
    processes."""
    start, cpu = time.perf_counter(), time.process_time()
    children = os.times()
    proc = subprocess.Popen([cli, "--store", store, "log", "--project", "bench"], stdin=subprocess.PIPE,
                            stdout=subprocess.DEVNULL, text=True, bufsize=1 << 16)
    write, dumps = proc.stdin.write, json.dumps
    for i in range(calls):
        x = i * 0.001
        write(dumps({"loss": x, "acc": x + 1, "lr": x + 2, "grad_norm": x + 3, "k4": x + 4,
                     "k5": x + 5, "k6": x + 6, "k7": x + 7, "k8": x + 8, "k9": x + 9}))
        write("\n")
    proc.stdin.close()
    if proc.wait() != 0:
        sys.exit(f"forkscope-cli log failed with exit code {proc.returncode}")
    after = os.times()
    child_cpu = (after.children_user + after.children_system) - (children.children_user + children.children_system)
    return time.perf_counter() - start, time.process_time() - cpu + child_cpu


def context_switches():
    """This thread's (voluntary, involuntary) context switches: voluntary ones
    are waits (a lock, a condition, I/O); involuntary ones are the scheduler
    giving the core to other work on the machine."""
    usage = resource.getrusage(resource.RUSAGE_THREAD)
    return usage.ru_nvcsw, usage.ru_nivcsw


def timed_calls(call, calls):
    clock = time.perf_counter_ns
    durations = []
    record = durations.append
    switches = context_switches()
    start = clock()
    for row in rows(calls):
        t = clock()
        call(row)
        record(clock() - t)
    elapsed = (clock() - start) / 1e9
    after = context_switches()
    durations.sort()
    return durations, elapsed, (after[0] - switches[0], after[1] - switches[1])


def bench_latency(forkscope, store, calls):
    """Times every log() call; long enough that the writer flushes many
    times meanwhile (every 262 144 buffered points and every second). A
    call that waited for the writer or the disk would be a voluntary context
    switch of this thread; the same loop around a call that does nothing
    shows what the machine's scheduling alone costs the slowest call."""
    baseline, baseline_elapsed, baseline_switches = timed_calls(lambda row: None, calls)
    run = forkscope.init(project="latency", store=store)
    durations, elapsed, switches = timed_calls(run.log, calls)
    run.finish()

    def quantile(q):
        return durations[min(len(durations) - 1, int(q * len(durations)))] / 1e3

    points = calls * (KEYS + 2)      # with _runtime and _timestamp, as the writer sees them
    return {
        "calls": calls,
        "seconds": elapsed,
        "writer_flushes_at_least": max(int(elapsed), points // (1 << 18)),
        "median_us": quantile(0.5),
        "p99_us": quantile(0.99),
        "p99_99_us": quantile(0.9999),
        "max_us": durations[-1] / 1e3,
        "calls_over_1ms": sum(1 for d in durations if d > 1_000_000),
        "voluntary_context_switches": switches[0],
        "involuntary_context_switches": switches[1],
        "noop_seconds": baseline_elapsed,
        "noop_max_us": baseline[-1] / 1e3,
        "noop_calls_over_1ms": sum(1 for d in baseline if d > 1_000_000),
        "noop_involuntary_context_switches": baseline_switches[1],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--calls", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--latency-calls", type=int, default=300_000)
    parser.add_argument("--cli", default=os.path.join(HERE, "..", "build", "app", "forkscope-cli"))
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    import forkscope

    load_before = os.getloadavg()[0]
    ours, pipe = [], []
    with tempfile.TemporaryDirectory(prefix="forkscope-bench-python-") as folder:
        for rep in range(args.repeat):
            ours.append(bench_forkscope(forkscope, os.path.join(folder, f"ours{rep}.sqlite"), args.calls))
            pipe.append(bench_pipe(args.cli, os.path.join(folder, f"pipe{rep}.sqlite"), args.calls))
            os.remove(os.path.join(folder, f"ours{rep}.sqlite"))
            os.remove(os.path.join(folder, f"pipe{rep}.sqlite"))
        latency = bench_latency(forkscope, os.path.join(folder, "latency.sqlite"), args.latency_calls)
    points = args.calls * KEYS
    ours_wall = statistics.median(w for w, _ in ours)
    pipe_wall = statistics.median(w for w, _ in pipe)
    ours_cpu = statistics.median(c for _, c in ours)
    pipe_cpu = statistics.median(c for _, c in pipe)
    result = {
        "calls": args.calls,
        "keys_per_call": KEYS,
        "repeat": args.repeat,
        "forkscope_points_per_s": points / ours_wall,
        "pipe_points_per_s": points / pipe_wall,
        "ratio": pipe_wall / ours_wall,
        "forkscope_points_per_logging_thread_cpu_s": points / ours_cpu,
        "pipe_points_per_cpu_s": points / pipe_cpu,
        "forkscope_seconds_wall_cpu": ours,
        "pipe_seconds_wall_cpu": pipe,
        "latency": latency,
        "load_average_before": load_before,
        "load_average_after": os.getloadavg()[0],
        "cpus": os.cpu_count(),
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"run.log():  {result['forkscope_points_per_s'] / 1e6:.2f} M points/s (median of {args.repeat})")
        print(f"CLI pipe:   {result['pipe_points_per_s'] / 1e6:.2f} M points/s")
        print(f"ratio:      {result['ratio']:.1f}x")
        print(f"per CPU second: {result['forkscope_points_per_logging_thread_cpu_s'] / 1e6:.2f} M points "
              f"(logging thread) vs {result['pipe_points_per_cpu_s'] / 1e6:.2f} M points (both processes)")
        print(f"slowest log() while flushing: {latency['max_us']:.0f} us "
              f"(p99.99 {latency['p99_99_us']:.1f} us, median {latency['median_us']:.2f} us); "
              f"slowest no-op call in the same loop: {latency['noop_max_us']:.0f} us")
        print(f"the logging thread waited {latency['voluntary_context_switches']} time(s) in "
              f"{latency['calls']} log() calls and was preempted {latency['involuntary_context_switches']} "
              f"time(s) by other work on the machine")


if __name__ == "__main__":
    main()

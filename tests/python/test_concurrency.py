"""Several threads logging into one run, and several processes logging into
one store, at the same time."""

import subprocess
import sys
import threading
import time

import forkscope

from conftest import history, series, show


def test_threads_share_one_run(store):
    run = forkscope.init(project="threads")
    threads_count, per_thread = 4, 2500
    start = threading.Barrier(threads_count)
    errors = []

    def worker(index):
        try:
            start.wait()
            for i in range(per_thread):
                run.log({f"t{index}": i, "shared": index})
        except Exception as error:   # reported by the assertion below
            errors.append(error)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(threads_count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert run.step == threads_count * per_thread
    run.finish()
    rows = history(store, run.path)
    # One row per log() call, steps 0..N-1 without gaps, each thread's values
    # in its own order.
    assert [r["_step"] for r in rows] == list(range(threads_count * per_thread))
    for n in range(threads_count):
        assert [r[f"t{n}"] for r in rows if f"t{n}" in r] == list(range(per_thread))
        assert all(r["shared"] == n for r in rows if f"t{n}" in r)


def test_finish_waits_for_a_thread_that_is_logging(store):
    run = forkscope.init(project="threads")
    stop = threading.Event()
    logged = []

    def worker():
        i = 0
        while not stop.is_set():
            try:
                run.log({"x": i})
            except ValueError:      # "log() after finish()"
                return
            logged.append(i)
            i += 1

    t = threading.Thread(target=worker)
    t.start()
    deadline = time.monotonic() + 60
    while len(logged) < 1000 and time.monotonic() < deadline:
        time.sleep(0.001)
    assert len(logged) >= 1000
    run.finish()
    stop.set()
    t.join()
    assert show(store, run.path)["state"] == "finished"
    assert len(series(store, run.path, "x")) == len(logged)


WRITER = '''
import forkscope, sys
index = int(sys.argv[1])
with forkscope.init(project="procs", id=f"p{index}") as run:
    for step in range(3000):
        run.log({"loss": step * 0.5, "worker": index})
'''


def test_processes_log_into_one_store_at_once(store):
    workers = [subprocess.Popen([sys.executable, "-c", WRITER, str(n)], stderr=subprocess.PIPE, text=True)
               for n in range(4)]
    for w in workers:
        _, err = w.communicate(timeout=120)
        assert w.returncode == 0, err
    for n in range(4):
        assert show(store, f"local/procs/p{n}")["state"] == "finished"
        assert series(store, f"local/procs/p{n}", "loss") == [(s, s * 0.5) for s in range(3000)]

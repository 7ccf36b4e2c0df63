#!/usr/bin/env python3
"""Runs a command (Linux) and reports, for each of its threads with a given name, the share of the
thread's sampled lifetime spent on a CPU and ready to run but waiting for one, from
/proc/PID/task/TID/schedstat. On a shared machine the CPU share a process gets says more about
its neighbours than about it; "on CPU + waiting" near 100 % says its threads never ran out of work.

    python3 tools/busy_threads.py sweep-cell ./terastal experiment sweeps/skewed.json --jobs 2 -o /tmp/sw

The command must be (or exec) the process whose threads are sampled; ./terastal execs java.
"""
import os
import subprocess
import sys
import time


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: busy_threads.py THREAD_NAME COMMAND [ARG...]")
    name, command = sys.argv[1], sys.argv[2:]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    start = time.time()
    seen = {}  # tid -> [first time, last time, first run ns, first wait ns, last run ns, last wait ns]
    while process.poll() is None:
        now = time.time()
        task_dir = f"/proc/{process.pid}/task"
        for tid in os.listdir(task_dir) if os.path.isdir(task_dir) else []:
            try:
                with open(f"{task_dir}/{tid}/comm") as f:
                    if f.read().strip() != name:
                        continue
                with open(f"{task_dir}/{tid}/schedstat") as f:
                    run, wait, _ = map(int, f.read().split())
            except OSError:  # the thread ended between listing and reading
                continue
            s = seen.setdefault(tid, [now, now, run, wait, run, wait])
            s[1], s[4], s[5] = now, run, wait
        time.sleep(0.5)
    print(f"wall {time.time() - start:.1f} s, exit code {process.returncode}")
    for tid, (t0, t1, run0, wait0, run1, wait1) in sorted(seen.items()):
        life = t1 - t0
        if life <= 0:
            continue
        run, wait = (run1 - run0) / 1e9, (wait1 - wait0) / 1e9
        print(f"thread {tid}: sampled {life:.1f} s, on a CPU {run:.1f} s ({100 * run / life:.0f} %), "
              f"ready waiting for a CPU {wait:.1f} s ({100 * wait / life:.0f} %), busy {100 * (run + wait) / life:.0f} %")


if __name__ == "__main__":
    main()

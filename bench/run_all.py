"""`make bench`: every benchmark in its own process (so peak-memory figures stay separate).

Each prints its own timings, our/peer ratio and peak memory, measured in the same run; at the end
the ratio lines of all of them are repeated together, with how long the whole took. (On the
2-core development machine 13 minutes on 2026-12-05: the synthetic city three times, the native
four-colour chain six times, native:serviceareafromlayer three times per size on up to 1 M roads, the
demo and version 0.1's demo three times each.)
"""
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SUMMARY_MARKS = ("RATIO", "ratio", "CITY", "target", "levels:", "values:")


def main():
    scripts = sorted(f for f in os.listdir(HERE) if f.startswith("bench_") and f.endswith(".py"))
    failed, summary = [], []
    started = time.perf_counter()
    for script in scripts:
        print(f"\n===== {script}", flush=True)
        process = subprocess.Popen([sys.executable, os.path.join(HERE, script), *sys.argv[1:]],
                                   stdout=subprocess.PIPE, text=True)
        for line in process.stdout:
            print(line, end="", flush=True)
            if any(mark in line for mark in SUMMARY_MARKS):
                summary.append(f"{script}: {line.strip()}")
        if process.wait() != 0:
            failed.append(script)
    print(f"\n===== summary ({(time.perf_counter() - started) / 60:.0f} min in all)")
    print("\n".join(summary))
    if failed:
        sys.exit(f"failed: {', '.join(failed)}")


if __name__ == "__main__":
    main()

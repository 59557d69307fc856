"""`make bench`: every benchmark in its own process (so peak-memory figures stay separate).

Each prints its own timings, our/peer ratio and peak memory, measured in the same run.
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    scripts = sorted(f for f in os.listdir(HERE) if f.startswith("bench_") and f.endswith(".py"))
    failed = []
    for script in scripts:
        print(f"\n===== {script}", flush=True)
        if subprocess.run([sys.executable, os.path.join(HERE, script), *sys.argv[1:]]).returncode != 0:
            failed.append(script)
    if failed:
        sys.exit(f"failed: {', '.join(failed)}")


if __name__ == "__main__":
    main()

"""Run one command, print its wall time and peak memory: `python -I -S launch.py TIMEOUT CMD...`.

run.py measures every whole command through this small process rather than directly. On
Linux a child's max RSS starts at its parent's size when it forks, so a child of run.py
(~30 MB) could never show less; forked from this ~10 MB launcher, it is the command's own
(`python -c pass` alone is ~10.5 MB). The command's stdout goes to /dev/null, its stderr is
passed through; the launcher prints {"seconds", "peak_mb", "exit", "timed_out"} as JSON.
"""
import json
import os
import signal
import sys
import time


def main() -> None:
    """Fork, exec the command, wait for it (killing it after TIMEOUT s) and report."""
    timeout, command = float(sys.argv[1]), sys.argv[2:]
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        null = os.open(os.devnull, os.O_RDWR)
        os.dup2(null, 0)
        os.dup2(null, 1)
        try:
            os.execvp(command[0], command)
        except OSError as exc:
            os.write(2, f"{command[0]}: {exc.strerror}\n".encode())
        os._exit(127)
    signal.signal(signal.SIGALRM, lambda *_: os.kill(pid, signal.SIGKILL))
    signal.setitimer(signal.ITIMER_REAL, timeout)
    _, status, usage = os.wait4(pid, 0)
    seconds = time.perf_counter() - start
    signal.setitimer(signal.ITIMER_REAL, 0)
    code = os.waitstatus_to_exitcode(status)
    print(json.dumps({"seconds": seconds, "peak_mb": usage.ru_maxrss / 1024, "exit": code,
                      "timed_out": code == -signal.SIGKILL and seconds >= timeout}))


if __name__ == "__main__":
    main()

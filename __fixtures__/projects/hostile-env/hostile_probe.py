# Prints what code in the image can see of the check's container, at every python start
# (imported by a .pth file).
import os
import sys


def _read(path):
    try:
        with open(path) as f:
            return f.read().strip()
    except OSError:
        return "unreadable"


def _first(*paths):
    for path in paths:
        value = _read(path)
        if value != "unreadable":
            return value
    return "unreadable"


def _status(key):
    for line in _read("/proc/self/status").splitlines():
        if line.startswith(key + ":"):
            return line.split(":", 1)[1].strip()
    return "?"


print(
    "hostile-probe:",
    "uid=%d" % os.getuid(),
    "CapEff=" + _status("CapEff"),
    "NoNewPrivs=" + _status("NoNewPrivs"),
    # cgroup v2, else v1
    "memory=" + _first("/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"),
    "pids=" + _first("/sys/fs/cgroup/pids.max", "/sys/fs/cgroup/pids/pids.max"),
    "net=" + ",".join(sorted(os.listdir("/sys/class/net"))),
    file=sys.stderr,
)
for key, value in sorted(os.environ.items()):
    print("hostile-env: %s=%s" % (key, value), file=sys.stderr)

#!/usr/bin/env python3
"""A bounded load test of `whosaid serve` on loopback. Not a test: it prints figures.

Starts the server (`BIN serve --addr 127.0.0.1:0`), then sends REQUESTS requests of
`POST /v1/extract`, CONCURRENCY at a time over keep-alive connections, each body one
corpus/ file as JSON (round robin), and stops early when MAX_SECONDS pass. Reports
throughput, p50/p99/max latency, errors (any status but 200, any connection failure),
and the server's resident memory from /proc: after the first tenth of the requests, at
the end, and its peak (VmHWM), so that a leak shows as growth between the first two.

Usage:  bench/serve-load.py [--bin target/release/whosaid] [--requests 20000]
                            [--concurrency 32] [--max-seconds 600] [SERVER ARGS...]
Exit status 1 when any request failed.
"""

import argparse
import http.client
import json
import os
import pathlib
import subprocess
import sys
import threading
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent


def rss_kib(pid, field):
    """A memory field of /proc/PID/status (VmRSS, VmHWM), in KiB."""
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", default=str(ROOT / "target/release/whosaid"))
    parser.add_argument("--requests", type=int, default=20000)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--max-seconds", type=float, default=600)
    parser.add_argument("server_args", nargs="*", help="more arguments of `whosaid serve`")
    args = parser.parse_args()
    if args.requests < 1 or args.concurrency < 1 or args.max_seconds <= 0:
        parser.error("--requests, --concurrency and --max-seconds must be positive")
    if not os.access(args.bin, os.X_OK):
        parser.error(f"not an executable: {args.bin} (cargo build --release first)")

    bodies = [
        json.dumps({"id": str(p.relative_to(ROOT)), "text": p.read_text(encoding="utf-8")}).encode()
        for p in sorted((ROOT / "corpus").rglob("*.txt"))
    ]
    server = subprocess.Popen(
        [args.bin, "serve", "--addr", "127.0.0.1:0", *args.server_args],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    try:
        first = server.stderr.readline()
        prefix = "whosaid: listening on http://"
        if not first.startswith(prefix):
            sys.exit(f"serve-load: the server did not start: {first.strip()}")
        host, port = first[len(prefix):].split()[0].rsplit(":", 1)
        # Drain the access log so the server never blocks on a full pipe.
        threading.Thread(target=lambda: [None for _ in server.stderr], daemon=True).start()

        lock = threading.Lock()
        state = {"next": 0, "errors": 0, "early_rss": None}
        latencies = []
        deadline = time.monotonic() + args.max_seconds
        early_mark = max(1, args.requests // 10)

        def worker():
            conn = http.client.HTTPConnection(host, int(port), timeout=120)
            while True:
                with lock:
                    n = state["next"]
                    if n >= args.requests or time.monotonic() > deadline:
                        return
                    state["next"] = n + 1
                body = bodies[n % len(bodies)]
                started = time.perf_counter()
                try:
                    conn.request("POST", "/v1/extract", body, {"Content-Type": "application/json"})
                    response = conn.getresponse()
                    response.read()
                    ok = response.status == 200
                except (OSError, http.client.HTTPException):
                    ok = False
                    conn.close()
                    conn = http.client.HTTPConnection(host, int(port), timeout=120)
                elapsed = time.perf_counter() - started
                with lock:
                    latencies.append(elapsed)
                    if not ok:
                        state["errors"] += 1
                    if len(latencies) == early_mark:
                        state["early_rss"] = rss_kib(server.pid, "VmRSS")

        started = time.monotonic()
        threads = [threading.Thread(target=worker) for _ in range(args.concurrency)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.monotonic() - started
        end_rss = rss_kib(server.pid, "VmRSS")
        peak_rss = rss_kib(server.pid, "VmHWM")
    finally:
        server.terminate()
        server.wait(timeout=60)

    done = len(latencies)
    latencies.sort()

    def pct(p):
        return latencies[min(done - 1, int(p / 100 * done))] * 1e3 if done else float("nan")

    mib = lambda kib: f"{kib / 1024:.1f} MiB" if kib else "n/a"
    print(f"requests     {done} of {args.requests} ({args.concurrency} concurrent, "
          f"{len(bodies)} corpus documents round robin)"
          + ("" if done == args.requests else f"; stopped at the {args.max_seconds:g} s bound"))
    print(f"throughput   {done / wall:.0f} requests/s ({wall:.1f} s)")
    print(f"latency      p50 {pct(50):.1f} ms, p99 {pct(99):.1f} ms, max {pct(100):.1f} ms")
    print(f"errors       {state['errors']}")
    print(f"server RSS   after {early_mark} requests {mib(state['early_rss'])}, "
          f"at the end {mib(end_rss)}, peak {mib(peak_rss)}")
    sys.exit(1 if state["errors"] else 0)


if __name__ == "__main__":
    main()

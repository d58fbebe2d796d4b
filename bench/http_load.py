#!/usr/bin/env python3
"""Posts a JSON Lines file to POST /api/v1/invoices in batches from concurrent clients.

Usage: http_load.py URL KEY FILE [--clients 16] [--batch 100] [--key-prefix bench-]
Each batch goes as application/x-ndjson with an Idempotency-Key; 409/429 are retried. Prints one
line of JSON: items, batches, seconds, items_per_second, outcomes, retries, batch latency p50/p99 ms.
"""
import argparse
import http.client
import json
import queue
import threading
import time
import urllib.parse


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("url")
    ap.add_argument("key")
    ap.add_argument("file")
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--batch", type=int, default=100)
    ap.add_argument("--key-prefix", default="bench-", help="Idempotency-Key of batch i: PREFIX + i")
    args = ap.parse_args()

    with open(args.file, "rb") as f:
        lines = [line for line in f.read().split(b"\n") if line.strip()]
    batches = [b"\n".join(lines[i:i + args.batch]) + b"\n" for i in range(0, len(lines), args.batch)]
    work = queue.Queue()
    for i, body in enumerate(batches):
        work.put((i, body))

    target = urllib.parse.urlsplit(args.url)
    outcomes, latencies, lock = {}, [], threading.Lock()
    retries = [0]
    errors = []

    def client():
        conn = http.client.HTTPConnection(target.hostname, target.port, timeout=300)
        while True:
            try:
                i, body = work.get_nowait()
            except queue.Empty:
                return
            while True:
                started = time.perf_counter()
                conn.request("POST", "/api/v1/invoices", body=body, headers={
                    "Authorization": "Bearer " + args.key,
                    "Content-Type": "application/x-ndjson",
                    "Idempotency-Key": "%s%d" % (args.key_prefix, i),
                })
                response = conn.getresponse()
                data = response.read()
                if response.status in (409, 429):
                    with lock:
                        retries[0] += 1
                    time.sleep(0.02)
                    continue
                if response.status != 200:
                    with lock:
                        errors.append("%d %s" % (response.status, data[:200]))
                    break
                elapsed = time.perf_counter() - started
                counts = {}
                for line in data.split(b"\n"):
                    if line.strip():
                        o = json.loads(line)["outcome"]
                        counts[o] = counts.get(o, 0) + 1
                with lock:
                    latencies.append(elapsed)
                    for o, n in counts.items():
                        outcomes[o] = outcomes.get(o, 0) + n
                break

    t0 = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(args.clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    seconds = time.perf_counter() - t0
    latencies.sort()

    def pct(p):
        return round(latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000, 1) if latencies else None

    print(json.dumps({
        "items": len(lines), "batches": len(batches), "clients": args.clients, "seconds": round(seconds, 2),
        "items_per_second": round(len(lines) / seconds, 1), "outcomes": outcomes, "retries": retries[0],
        "batch_ms_p50": pct(0.50), "batch_ms_p99": pct(0.99), "errors": errors[:5],
    }))


if __name__ == "__main__":
    main()

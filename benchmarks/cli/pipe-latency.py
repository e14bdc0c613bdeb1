#!/usr/bin/env python3
"""Latency per request of `loyalty pipe` (benchmarks/RESULTS.md, issue 11).

  python3 benchmarks/cli/pipe-latency.py [WARMUP] [REQUESTS]

Starts bin/loyalty pipe once, then sends one request at a time and waits for its answer, as a
till plugin does: WARMUP requests of each kind first (not counted), then REQUESTS quotes and
REQUESTS evaluations of a five-line sale, alternating, each for a member of its own (a new
member from a profile, so every evaluation does the same work). Prints the median and the
99th percentile of the round trip per kind, in milliseconds.
"""
import json, os, subprocess, sys, time

warmup = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
count = int(sys.argv[2]) if len(sys.argv) > 2 else 5000
here = os.path.dirname(os.path.abspath(__file__))
loyalty = os.path.join(here, "..", "..", "bin", "loyalty")
lines = [{"sku": "TOP-1", "category": "TOPS", "quantity": 1, "listPrice": "129.00", "unitPrice": "129.00"},
         {"sku": "KNIT-2", "category": "KNITWEAR", "quantity": 2, "listPrice": "399.00", "unitPrice": "399.00"},
         {"sku": "SCARF-3", "category": "ACCESSORIES", "quantity": 1, "listPrice": "59.90", "unitPrice": "45.00"},
         {"sku": "COAT-4", "category": "COATS", "quantity": 1, "listPrice": "899.00", "unitPrice": "899.00"},
         {"sku": "SOCK-5", "category": "ACCESSORIES", "quantity": 3, "listPrice": "19.90", "unitPrice": "19.90"}]


def request(kind, n):
    body = {"id": "T%d" % n, "kind": "SALE", "time": "2026-05-12T10:00:00+08:00", "storeId": "S01",
            "associateId": "A07", "lines": lines}
    doc = {"contract": "loyalty/1", "type": kind, "id": "r-%d" % n,
           "profile": {"id": "M%d" % n, "associateId": "A07", "consent": {"MESSAGING": True}}}
    doc["sale" if kind == "quote" else "transaction"] = body
    return (json.dumps(doc, separators=(",", ":")) + "\n").encode()


pipe = subprocess.Popen([loyalty, "pipe"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
times = {"quote": [], "evaluate": []}
n = 0
for phase, total in (("warmup", warmup), ("measure", count)):
    for i in range(total):
        for kind in ("quote", "evaluate"):
            n += 1
            data = request(kind, n)
            start = time.perf_counter()
            pipe.stdin.write(data)
            pipe.stdin.flush()
            answer = pipe.stdout.readline()
            elapsed = time.perf_counter() - start
            if b'"type":"error"' in answer:
                sys.exit("error answer: " + answer.decode())
            if phase == "measure":
                times[kind].append(elapsed * 1000)
pipe.stdin.close()
pipe.wait()
for kind, t in times.items():
    t.sort()
    print("%-8s n=%d median %.2f ms  p99 %.2f ms  mean %.2f ms" % (
        kind, len(t), t[len(t) // 2], t[int(len(t) * 0.99)], sum(t) / len(t)))

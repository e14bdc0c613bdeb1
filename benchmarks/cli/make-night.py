#!/usr/bin/env python3
"""Writes a night of five-line sales for `loyalty batch` (benchmarks/RESULTS.md, issue 11).

  python3 benchmarks/cli/make-night.py LINES MEMBERS > night.ndjson

Member M<i % MEMBERS> makes every MEMBERS-th sale, so each member's sales are spread over the
file; times run from 2026-05-04 on, one minute apart per member, so the batch must sort nothing
unusual. Deterministic: the same arguments give the same file.
"""
import sys

lines, members = int(sys.argv[1]), int(sys.argv[2])
skus = [("TOP-%d", "TOPS", "129.00"), ("KNIT-%d", "KNITWEAR", "399.00"),
        ("SCARF-%d", "ACCESSORIES", "59.90"), ("COAT-%d", "COATS", "899.00"),
        ("SOCK-%d", "ACCESSORIES", "19.90")]
out = sys.stdout
for n in range(lines):
    m = n % members
    k = n // members
    day, minute = 4 + k // 600, k % 600
    time = "2026-05-%02dT%02d:%02d:00+08:00" % (day, 10 + minute // 60, minute % 60)
    ls = ",".join('{"sku":"%s","category":"%s","quantity":%d,"listPrice":"%s","unitPrice":"%s"}'
                  % (sku % (n % 7), cat, 1 + (n + i) % 2, price, price)
                  for i, (sku, cat, price) in enumerate(skus))
    out.write('{"contract":"loyalty/1","type":"evaluate","memberId":"M%d","transaction":'
              '{"id":"T%d","kind":"SALE","time":"%s","storeId":"S%02d","associateId":"A%02d",'
              '"lines":[%s]}}\n' % (m, n, time, m % 20, m % 50, ls))

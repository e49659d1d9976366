#!/usr/bin/env python3
"""Prints the report of scripts/bench: medians of its timed runs, Hugo/certsite ratios, and the
CPU per certificate by stage of the median certsite first build.

Usage: scripts/bench-report.py LOGS N
LOGS/results.tsv has a line per timed run: kind, round, exit status, wall µs, user s, system s,
peak RSS KiB. LOGS/<kind>-<round>.log is the run's output (certsite's ends with its --timings table).
"""
import os
import re
import statistics
import sys

KINDS = [
    ("certsite-first", "certsite first build"),
    ("hugo-first", "Hugo first build ({n:,} plain pages)"),
    ("certsite-noop", "certsite rebuild, nothing changed"),
    ("certsite-rows", "certsite rebuild, 10 rows changed"),
    ("certsite-print", "certsite print --all (address and paper QR codes)"),
    ("publish-s3-first", "certsite publish to S3, first (everything)"),
    ("publish-s3-noop", "certsite publish to S3, nothing changed"),
    ("publish-s3-rows", "certsite publish to S3, after 10 rows"),
    ("publish-ssh-first", "certsite publish over ssh, first (everything)"),
    ("publish-ssh-seeded", "certsite publish over ssh, first, to a mirror made by cp -al (record only)"),
    ("rsync-noop", "rsync -a --delete over ssh, nothing changed"),
    ("rsync-rows", "rsync -a --delete over ssh, after 10 rows"),
    ("publish-ssh-rows", "certsite publish over ssh, after 10 rows"),
]


def secs(x):
    return f"{x:.3f} s" if x < 0.1 else f"{x:.2f} s" if x < 1 else f"{x:.1f} s"


def status(code):
    if code <= 128:
        return str(code)
    return f"{code}: killed by signal {code - 128}" + (", likely out of memory" if code == 137 else "")


def median(runs, key):
    return statistics.median(r[key] for r in runs)


def main():
    logs, n = sys.argv[1], int(sys.argv[2])
    runs = {}
    with open(os.path.join(logs, "results.tsv"), encoding="utf-8") as f:
        for line in f:
            kind, rnd, status, us, user, system, rss = line.split()
            runs.setdefault(kind, []).append(
                {"round": int(rnd), "status": int(status), "wall": int(us) / 1e6,
                 "cpu": float(user) + float(system), "rss": int(rss)}
            )
    ok = {kind: [r for r in rs if r["status"] == 0] for kind, rs in runs.items()}
    first_wall = median(ok["certsite-first"], "wall")

    rounds = len(runs["certsite-first"])
    print(f"| N = {n:,} | wall (median of {rounds}) | CPU user+sys | peak memory |")
    print("|---|---|---|---|")
    for kind, label in KINDS:
        if kind not in runs:
            continue
        label, good, failed = label.format(n=n), ok[kind], [r for r in runs[kind] if r["status"]]
        note = f" ({len(failed)} of {len(runs[kind])} runs failed)" if failed and good else ""
        if not good:
            codes = ", ".join(status(r["status"]) for r in failed)
            longest = max(failed, key=lambda r: r["wall"])
            print(f"| {label} | failed in all {len(failed)} runs (exit status {codes}), after {secs(longest['wall'])} |"
                  f" {secs(longest['cpu'])} | {longest['rss'] / 1024:,.0f} MiB when it failed |")
            continue
        wall = median(good, "wall")
        share = f" ({100 * wall / first_wall:.1f} % of first build)" if kind in ("certsite-noop", "certsite-rows") else ""
        print(f"| {label} | {secs(wall)}{share}{note} | {secs(median(good, 'cpu'))} | {median(good, 'rss') / 1024:,.0f} MiB |")

    if ok.get("certsite-print"):
        run = ok["certsite-print"][0]
        with open(os.path.join(logs, f"certsite-print-{run['round']}.log"), encoding="utf-8") as f:
            printed = re.search(r"printed ([\d,]+) certificate", f.read())
        if printed:
            count = int(printed.group(1).replace(",", ""))
            print(f"\nprint: {count:,} certificates, {run['cpu'] * 1e6 / count:.0f} µs CPU a certificate "
                  "(sign the paper credential, CBOR-LD, base45, both QR codes, SVG files, batch.csv)")

    published = [(kind, label) for kind, label in KINDS if kind.startswith(("publish-", "rsync-")) and ok.get(kind)]
    if published:
        print("\n| publish, N = {:,} | files sent | files a second | requests to the S3 server |".format(n))
        print("|---|---|---|---|")
        for kind, label in published:
            run = ok[kind][0]
            with open(os.path.join(logs, f"{kind}-{run['round']}.log"), encoding="utf-8") as f:
                sent = re.search(r"([\d,]+) files sent", f.read())
            files = int(sent.group(1).replace(",", "")) if sent else None
            requests = "–"
            path = os.path.join(logs, f"{kind}-{run['round']}.requests")
            if kind.startswith("publish-s3") and os.path.exists(path):
                with open(path, encoding="utf-8") as f:
                    requests = f.read().strip() or "?"
            # A rate only for the first publishes: the others are a few files and their fixed cost.
            rate = f"{files / run['wall']:,.0f}" if files and kind.endswith("-first") else "–"
            print(f"| {label} | {files if files is not None else '–':,} | {rate} | {requests} |"
                  if files is not None else f"| {label} | – | – | {requests} |")

    if ok.get("hugo-first"):
        c, h = ok["certsite-first"], ok["hugo-first"]
        print(f"\nHugo / certsite, first build: wall {median(h, 'wall') / median(c, 'wall'):.1f}x, "
              f"CPU {median(h, 'cpu') / median(c, 'cpu'):.1f}x (medians)")
        by_round = {r["round"]: r for r in c}
        for hr in runs["hugo-first"]:
            cr = by_round.get(hr["round"])
            if hr["status"]:
                print(f"  round {hr['round']}: Hugo failed (exit status {status(hr['status'])})")
            elif cr:
                print(f"  round {hr['round']}: wall {hr['wall'] / cr['wall']:.1f}x, CPU {hr['cpu'] / cr['cpu']:.1f}x")

    mid = sorted(ok["certsite-first"], key=lambda r: r["wall"])[len(ok["certsite-first"]) // 2]
    with open(os.path.join(logs, f"certsite-first-{mid['round']}.log"), encoding="utf-8") as f:
        lines = f.read().splitlines()
    table = lines[next(i for i, l in enumerate(lines) if l.startswith("stage ")):]
    stage_cpu = sum(float(l.split()[3]) + float(l.split()[4]) for l in table[1:] if l.strip())
    print(f"\nCPU per certificate by stage, certsite first build of round {mid['round']} (the median by wall time):")
    print("```")
    print("\n".join(table))
    print(f"{'stages':<8} {'':>8} {'':>11} {'':>9} {'':>9} {stage_cpu * 1e3 / n:>20.2f}")
    print(f"{'process':<8} {'':>8} {mid['wall'] * 1e3:>11.1f} {'':>9} {'':>9} {mid['cpu'] * 1e6 / n:>20.2f}")
    print("```")
    print("(stages: the sum of the table; process: all of certsite's CPU and wall time, from /usr/bin/time)")


if __name__ == "__main__":
    main()

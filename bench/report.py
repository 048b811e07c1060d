"""Turns wrk and pgbench output into the benchmark table (see run.sh). Errors count non-2xx
answers and requests wrk gave up on (its timeout)."""
import re
import statistics
import sys

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(path):
    text = open(path).read()
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    percentiles = {p: float(v) * UNITS[u] for p, v, u in
                   re.findall(r"\s(50|99)%\s+([\d.]+)(us|ms|s)", text)}
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    timeouts = re.search(r"Socket errors: .*timeout (\d+)", text)
    failed = sum(int(found.group(1)) for found in (errors, timeouts) if found)
    return rate, percentiles.get("50"), percentiles.get("99"), failed


def pgbench(summary, latencies):
    rate = float(re.search(r"tps = ([\d.]+)", open(summary).read()).group(1))
    times = sorted(int(line.split()[2]) / 1000.0 for line in open(latencies) if line.strip())
    if not times:
        return rate, None, None
    return rate, statistics.median(times), times[min(len(times) - 1, int(len(times) * 0.99))]


def target(name, value, p50, p99, ratio, base_p50):
    """The issue's target for a row, and whether this run met it."""
    def verdict(goal, met):
        return f"{goal}: {'met' if met else 'missed'}"
    if name.startswith("batch ingest"):
        return verdict(">= 0.5 of COPY", ratio is not None and ratio >= 0.5)
    if name.startswith("gateway ingest"):
        return verdict(">= 0.4 of COPY", ratio is not None and ratio >= 0.4)
    if name.startswith("single-row POST"):
        return verdict(">= 5,000/s, p99 < 20 ms",
                       value is not None and value >= 5000 and p99 is not None and p99 < 20)
    if name.endswith(", 1 client(s)") and base_p50 is not None and p50 is not None:
        return verdict("p50 <= 2 x SQL + 1 ms", p50 <= 2 * base_p50 + 1)
    return ""


def fmt(value, digits=1):
    return "-" if value is None else f"{value:,.{digits}f}"


def main():
    kind = sys.argv[1]
    if kind == "copy":
        rows, seconds = int(sys.argv[2]), float(sys.argv[3])
        print(f"COPY load\t{rows / seconds:.0f}\t\t\t\t\t\t0")
    elif kind == "wrk":
        # rows/s through the server, against the COPY load's rows/s of the same run
        name, path, per_request = sys.argv[2], sys.argv[3], int(sys.argv[4])
        rate, p50, p99, errors = wrk(path)
        copy = [line for line in open("target/bench/results.tsv")
                if line.startswith("COPY load")][0].split("\t")[1]
        print(f"{name}\t{rate * per_request:.0f}\t{p50}\t{p99}\t{copy}\t\t\t{errors}")
    elif kind == "alone":
        # a measurement without a baseline, shown for context
        name, path = sys.argv[2], sys.argv[3]
        rate, p50, p99, errors = wrk(path)
        print(f"{name}\t{rate:.0f}\t{p50}\t{p99}\t\t\t\t{errors}")
    elif kind == "pair":
        name = sys.argv[2]
        rate, p50, p99, errors = wrk(sys.argv[3])
        base_rate, base_p50, base_p99 = pgbench(sys.argv[4], sys.argv[5])
        print(f"{name}\t{rate:.0f}\t{p50}\t{p99}\t{base_rate:.0f}\t{base_p50}\t{base_p99}\t{errors}")
    elif kind == "table":
        rows, rss_kb = int(sys.argv[3]), int(sys.argv[4])
        print(f"Rows: {rows:,}. Server peak RSS: {rss_kb / 1024:.0f} MB.\n")
        print("| workload | Token Ledger | p50 ms | p99 ms | raw PostgreSQL | p50 ms | p99 ms"
              " | ratio | errors | target |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|")
        for line in open(sys.argv[2]):
            name, value, p50, p99, base, bp50, bp99, errors = (
                line.rstrip("\n").split("\t") + [""] * 8)[:8]
            num = lambda s: float(s) if s not in ("", "None") else None
            ratio = (num(value) / num(base)) if num(value) and num(base) else None
            print(f"| {name} | {fmt(num(value), 0)} | {fmt(num(p50), 2)} | {fmt(num(p99), 2)}"
                  f" | {fmt(num(base), 0)} | {fmt(num(bp50), 2)} | {fmt(num(bp99), 2)}"
                  f" | {fmt(ratio, 2)} | {errors or 0} |"
                  f" {target(name, num(value), num(p50), num(p99), ratio, num(bp50))} |")
        print(f"\nServer RSS {rss_kb / 1024:.0f} MB: target under 600 MB:"
              f" {'met' if rss_kb < 600 * 1024 else 'missed'}.")


if __name__ == "__main__":
    main()

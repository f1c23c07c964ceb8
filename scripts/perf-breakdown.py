#!/usr/bin/env python3
"""Splits a `perf record -e cpu-clock` profile of one process into the layers of a database
client: kernel, NIO, PostgresNIO and its pool, Swift concurrency, the Swift runtime (reference
counting, generic metadata, casts), the C library, libpq, the Go runtime, and the program itself.

    perf record -e cpu-clock -F 2000 -o perf.data -- <command>
    scripts/perf-breakdown.py perf.data [--comm NAME]

Self time only (no call graph needed): each sample is charged to the function it was taken in,
and a Swift function to its module, read from its mangled name.
"""
import argparse
import re
import subprocess
import sys
from collections import defaultdict

# Swift modules by layer; a mangled name `$s<len><Module>…` starts with its module.
SWIFT_LAYERS = {
    "NIOPosix": "NIO", "NIOCore": "NIO", "NIOConcurrencyHelpers": "NIO", "NIOEmbedded": "NIO",
    "NIOSSL": "NIO", "NIOTLS": "NIO", "_NIODataStructures": "NIO", "DequeModule": "NIO", "_NIOBase64": "NIO",
    "PostgresNIO": "PostgresNIO", "_ConnectionPoolModule": "PostgresNIO (pool)",
    "BankDB": "BankDB (generated + store)", "bank_bench": "benchmark loop",
    "Logging": "swift-log", "Atomics": "NIO", "InternalCollectionsUtilities": "NIO",
}


def layer(dso: str, symbol: str) -> str:
    if dso.startswith("[kernel") or symbol.startswith("[k]"):
        return "kernel"
    if "libswift_Concurrency" in dso:
        return "Swift concurrency runtime"
    if "libswiftCore" in dso:
        return "Swift runtime (ARC, metadata, casts)"
    if "libdispatch" in dso or "libFoundation" in dso or "libswiftDispatch" in dso:
        return "Dispatch/Foundation"
    if "libpq" in dso:
        return "libpq"
    if dso.startswith("libc") or dso.startswith("ld-linux") or dso.startswith("libm") or "[vdso]" in dso:
        return "C library"
    if dso in ("pgbench",):
        return "pgbench"
    if dso in ("peerbench",):
        # A Go binary: its runtime, pgx, or the peer's own code.
        name = symbol.split()[-1] if symbol else ""
        if name.startswith("runtime.") or name.startswith("internal/") or name.startswith("sync"):
            return "Go runtime"
        if "pgx" in name or "pgconn" in name or "pgproto3" in name or "pgtype" in name or "puddle" in name:
            return "pgx"
        return "Go (net, syscall, peer)"
    match = re.search(r"\$s(\d+)([A-Za-z_][A-Za-z0-9_]*)", symbol)
    if match:
        module = match.group(2)[: int(match.group(1))]
        return SWIFT_LAYERS.get(module, f"Swift: {module}")
    return f"other: {dso}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data")
    parser.add_argument("--comm", help="only samples of this command (e.g. pgbench, peerbench)")
    arguments = parser.parse_args()
    command = ["perf", "report", "-i", arguments.data, "--stdio", "--no-children", "-g", "none",
               "--sort", "dso,sym", "--percent-limit", "0"]
    if arguments.comm:
        command += ["--comm", arguments.comm]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    shares: dict[str, float] = defaultdict(float)
    for line in output.splitlines():
        fields = re.match(r"\s*([\d.]+)%\s+(\S+)\s+(.*)$", line)
        if not fields:
            continue
        shares[layer(fields.group(2), fields.group(3).strip())] += float(fields.group(1))
    total = sum(shares.values()) or 1
    for name, share in sorted(shares.items(), key=lambda item: -item[1]):
        print(f"{100 * share / total:6.1f} %  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

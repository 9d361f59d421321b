#!/usr/bin/python3
"""Per-request overhead: what one round trip through a kernel's sockets costs once the kernel is up.

For each kernel (as in first_cell_latency.py) this starts it once with jupyter_client, runs the first cell of
00-setup-and-tensors (so the compiler and TorchSharp are warm), then times many small requests:
kernel_info_request on the shell socket (no code runs: sockets, framing, HMAC signatures and the handler) and
execute_request of a one-line cell until the kernel reports idle on iopub (the same plus compiling and running
the cell and the busy/idle/execute_input/execute_result messages). Medians and 95th percentiles in milliseconds.
It is the yardstick for replacing the kernel's transport (issue 13): run it before and after.

    dotnet build Course.sln -c Release && dotnet tool restore
    /usr/bin/python3 benchmarks/request_overhead.py [--requests 200] [--markdown]
"""

import argparse
import statistics
import sys
import time

from first_cell_latency import KERNELS, ROOT, first_code_cell, started_kernel


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def measure(argv: list[str], requests: int) -> dict[str, list[float]]:
    """Milliseconds per kernel_info round trip and per one-line execute, `requests` of each."""
    notebooks = ROOT / "notebooks"
    with started_kernel(argv, notebooks) as client:
        client.wait_for_ready(timeout=300)
        client.execute_interactive(first_code_cell(notebooks / "00-setup-and-tensors.ipynb"), timeout=600, output_hook=lambda m: None)
        times: dict[str, list[float]] = {"kernel_info": [], "execute": []}
        for i in range(requests):
            start = time.perf_counter()
            client.kernel_info(reply=True, timeout=60)
            times["kernel_info"].append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            reply = client.execute_interactive(f"var x{i} = {i} + 1;", timeout=60, output_hook=lambda m: None)
            times["execute"].append((time.perf_counter() - start) * 1000)
            if reply["content"]["status"] != "ok":
                raise RuntimeError(f"request {i} failed: {reply['content'].get('ename')}: {reply['content'].get('evalue')}")
        return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--markdown", action="store_true")
    arguments = parser.parse_args()
    rows = []
    for kernel, argv in KERNELS.items():
        for request, values in measure(argv, arguments.requests).items():
            median, p95 = statistics.median(values), percentile(values, 0.95)
            rows.append((kernel, request, median, p95))
            print(f"{kernel:28} {request:12} median {median:7.2f} ms  p95 {p95:7.2f} ms  ({len(values)} requests)", file=sys.stderr)
    if arguments.markdown:
        print("| kernel | request | median | 95th percentile |")
        print("| --- | --- | ---: | ---: |")
        for kernel, request, median, p95 in rows:
            print(f"| {kernel} | {request} | {median:.2f} ms | {p95:.2f} ms |")
    return 0


if __name__ == "__main__":
    sys.exit(main())

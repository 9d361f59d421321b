#!/usr/bin/python3
"""First-cell latency: how long a learner waits between opening a notebook and seeing its first cell's result.

For each kernel (the course's, built in Release, and .NET Interactive, the local tool in
.config/dotnet-tools.json) and each notebook, this starts a fresh kernel with jupyter_client, as JupyterLab
and VS Code do, and measures two intervals: from launch until the kernel answers kernel_info (the kernel
is up), and from sending the notebook's first code cell until the kernel is idle again (the cell's #r of
Course.dll, its usings and TorchSharp's first load). The kernel is shut down between runs, so every run pays
the full start-up cost.

    dotnet build Course.sln -c Release && dotnet tool restore
    /usr/bin/python3 benchmarks/first_cell_latency.py [--runs 3] [--markdown]

Needs Debian's python3-jupyter-client (installed with jupyter-nbconvert by tools/setup.sh).
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from jupyter_client import KernelManager
from jupyter_client.kernelspec import KernelSpec

ROOT = Path(__file__).resolve().parent.parent
KERNELS = {
    "course kernel": ["dotnet", str(ROOT / "tools/Course.Kernel/bin/Release/net10.0/Course.Kernel.dll"), "kernel", "-f", "{connection_file}"],
    ".NET Interactive 1.0.712001": ["dotnet", "tool", "run", "dotnet-interactive", "--", "jupyter", "--default-kernel", "csharp", "{connection_file}"],
}


def first_code_cell(notebook: Path) -> str:
    cells = json.loads(notebook.read_text())["cells"]
    return "".join(next(c for c in cells if c["cell_type"] == "code")["source"])


@contextmanager
def started_kernel(argv: list[str], cwd: Path):
    """A fresh kernel from `argv`, started as front ends start one, and its client; shut down on leaving."""
    manager = KernelManager()
    manager._kernel_spec = KernelSpec(argv=argv, display_name="benchmark", language="C#")  # a spec without installing it
    # The kernels' own logs (connections, ASP.NET start-up) would mix into the table on stdout.
    manager.start_kernel(cwd=str(cwd), env={**os.environ, "COURSE_QUICK": "1"}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    client = manager.client()
    client.start_channels()
    try:
        yield client
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


def one_run(argv: list[str], code: str, cwd: Path) -> tuple[float, float]:
    """Seconds until the kernel is ready, then seconds for the first cell; raises if the cell fails."""
    launched = time.perf_counter()
    with started_kernel(argv, cwd) as client:
        client.wait_for_ready(timeout=300)
        ready = time.perf_counter()
        reply = client.execute_interactive(code, timeout=600, output_hook=lambda message: None)
        done = time.perf_counter()
        if reply["content"]["status"] != "ok":
            raise RuntimeError(f"the first cell failed: {reply['content'].get('ename')}: {reply['content'].get('evalue')}")
        return ready - launched, done - ready


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--markdown", action="store_true")
    arguments = parser.parse_args()
    notebooks = sorted((ROOT / "notebooks").glob("*.ipynb"))
    rows = []
    for kernel, argv in KERNELS.items():
        for notebook in notebooks:
            runs = [one_run(argv, first_code_cell(notebook), notebook.parent) for _ in range(arguments.runs)]
            start = statistics.median(r[0] for r in runs)
            cell = statistics.median(r[1] for r in runs)
            rows.append((kernel, notebook.name, start, cell))
            print(f"{kernel:28} {notebook.name:28} start {start:5.1f} s  first cell {cell:5.1f} s  total {start + cell:5.1f} s"
                  f"  (median of {arguments.runs})", file=sys.stderr)
    if arguments.markdown:
        print("| kernel | notebook | kernel start | first cell | total |")
        print("| --- | --- | ---: | ---: | ---: |")
        for kernel, notebook, start, cell in rows:
            print(f"| {kernel} | {notebook} | {start:.1f} s | {cell:.1f} s | {start + cell:.1f} s |")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/python3
"""Compares the outputs of the same notebooks executed by two kernels, cell by cell.

    # executed copies from our kernel and from .NET Interactive, both in quick mode
    dotnet run -c Release --project tools/Course.Kernel -- run notebooks --quick --output /tmp/ours
    for n in notebooks/*.ipynb; do COURSE_QUICK=1 /usr/bin/python3 -m nbconvert --to notebook --execute "$n" \\
        --output-dir /tmp/dotnet-interactive --ExecutePreprocessor.kernel_name=dotnet-interactive-csharp; done
    /usr/bin/python3 tools/compare_kernel_outputs.py /tmp/ours /tmp/dotnet-interactive

For every code cell it reports outputs whose kind (stdout, stderr, result, display, error) differs, and
texts of a MIME type both kernels sent that differ once timings ("3.2 s", "41 ms", "38,182 samples/s")
are masked; it exits 1 if there is any. The differences known to be harmless are counted, not failed:
.NET Interactive's compiler warnings on stderr, its script-loader display, and MIME types only one kernel
sends. docs/notebooks.md says what they are and why.
"""

import json
import re
import sys
from pathlib import Path

# Timings and throughputs change from run to run; everything else should not.
TIMING = re.compile(r"[\d,]+(\.\d+)?\s?(ms|s|min|samples/s)\b")


def text(value) -> str:
    return "".join(value) if isinstance(value, list) else value


def is_compiler_warning(output) -> bool:
    """.NET Interactive writes compiler warnings (CS1701, assembly unification) to stderr; ours shows none, as csc."""
    return output["output_type"] == "stream" and output["name"] == "stderr" and all(
        line.strip() == "" or "warning CS" in line for line in text(output["text"]).splitlines())


def is_script_loader(output) -> bool:
    """.NET Interactive's first display in a notebook: an HTML/JavaScript block that finds its own output cell."""
    return "dotnet-interactive-this-cell" in text(output.get("data", {}).get("text/html", ""))


def outputs(cell, noise: dict[str, int]) -> list[tuple[str, dict[str, str]]]:
    """(kind, {MIME type or "text": masked text}) per output, consecutive pieces of one stream joined."""
    found = []
    for output in cell.get("outputs", []):
        if is_compiler_warning(output) or is_script_loader(output):
            key = "compiler warnings on stderr" if is_compiler_warning(output) else "script-loader display"
            noise[key] = noise.get(key, 0) + 1
            continue
        kind = output["output_type"]
        if kind == "stream":
            key, body = f"stream:{output['name']}", {"text": text(output["text"])}
            if found and found[-1][0] == key:
                found[-1][1]["text"] += body["text"]
                continue
        elif kind == "error":
            key, body = "error", {"text": f"{output['ename']}: {output['evalue']}"}
        else:
            key, body = kind, {mime: text(value) for mime, value in output.get("data", {}).items() if isinstance(value, (str, list))}
        found.append((key, body))
    return [(key, {mime: TIMING.sub("<timing>", value).strip() for mime, value in body.items()}) for key, body in found]


def compare(first: Path, second: Path) -> tuple[list[str], dict[str, int]]:
    """Real differences (kinds or texts), and counts of the known, harmless ones."""
    code = [[c for c in json.loads(path.read_text())["cells"] if c["cell_type"] == "code"] for path in (first, second)]
    differences, known = [], {}
    for number, (a, b) in enumerate(zip(*code), start=1):
        outs_a, outs_b = outputs(a, {}), outputs(b, known)
        if [k for k, _ in outs_a] != [k for k, _ in outs_b]:
            differences.append(f"code cell {number}: outputs {[k for k, _ in outs_a]} vs {[k for k, _ in outs_b]}")
            continue
        for (kind, body_a), (_, body_b) in zip(outs_a, outs_b):
            if set(body_a) != set(body_b):
                only = sorted(set(body_a) ^ set(body_b))
                key = "MIME types only one kernel sends: " + ", ".join(only)
                known[key] = known.get(key, 0) + 1
            for mime in sorted(set(body_a) & set(body_b)):
                if body_a[mime] != body_b[mime]:
                    differences.append(f"code cell {number}: {kind} {mime} differs: {body_a[mime][:80]!r} vs {body_b[mime][:80]!r}")
    return differences, known


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    first, second = Path(sys.argv[1]), Path(sys.argv[2])
    total = 0
    for notebook in sorted(first.rglob("*.ipynb")):
        twin = next(second.rglob(notebook.name), None)
        if twin is None:
            print(f"{notebook.name}: not in {second}")
            total += 1
            continue
        differences, known = compare(notebook, twin)
        total += len(differences)
        print(f"{notebook.name}: {len(differences)} difference(s)")
        for line in differences:
            print(f"  {line}")
        for kind, count in sorted(known.items()):
            print(f"  known, in {count} output(s) of the second: {kind}")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())

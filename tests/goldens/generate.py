"""Golden values from PyTorch for the Course.Torch engine.

Regenerate them from the repository root with Debian's PyTorch (package python3-torch, 1.13):

    /usr/bin/python3 tests/goldens/generate.py

This writes tests/Course.Torch.Tests/Goldens/<section>.json (and the state_dict files *.dat),
which the C# tests in that folder replay against the engine (float32: atol 1e-5, rtol 1e-4). Commit the regenerated files with
the change that needed them; rerunning on the same PyTorch gives byte-identical files.

Layout: golden.py holds the machinery (input specs N/U/I/B/V, per-case seeding, the op runner and
the JSON writer); each ops_*.py (and later layers, losses, optimizers) is one section: a table of
one-line cases in the spirit of tinygrad's test_ops.py. A case

    c("add_broadcast_row", lambda a, b: a + b, N(3, 4), N(4))

names the op, gives the PyTorch expression, and describes each input (N: standard normal,
U: uniform in a range, I: int64, B: bool mask, V: given values; float32 unless dtype=f64;
floating inputs require grad unless grad=False). For every case the file holds the inputs, the
outputs, a fixed random weight tensor W_i per floating output, and the gradient of
sum_i (output_i * W_i).sum() with respect to each input that requires grad. Each case's numbers
come from its own seed (a hash of section and case name), so adding a case changes no other.

The C# side has one table per section mapping each case name to the same expression in the
engine's API; a case missing on either side fails a test.
"""

import pathlib
import sys

sys.dont_write_bytecode = True  # keep the source tree free of __pycache__

import torch  # noqa: E402

import layers  # noqa: E402
import losses  # noqa: E402
import ops_core  # noqa: E402
import ops_math  # noqa: E402
import ops_shapes  # noqa: E402
import optimizers  # noqa: E402
import state_dicts  # noqa: E402

CASE_SECTIONS = [ops_core, ops_math, ops_shapes, layers, losses]  # build() gives a golden.Section
OTHER_SECTIONS = [optimizers, state_dicts]  # write(directory) writes its own files and gives the number of cases
OUTPUT = pathlib.Path(__file__).resolve().parents[1] / "Course.Torch.Tests" / "Goldens"


def main():
    torch.set_num_threads(1)  # one summation order, so reruns give identical bits
    OUTPUT.mkdir(parents=True, exist_ok=True)
    for module in CASE_SECTIONS:
        section = module.build()
        section.write(OUTPUT)
        print(f"{section.name}: {len(section.cases)} cases")
    for module in OTHER_SECTIONS:
        print(f"{module.SECTION}: {module.write(OUTPUT)} cases")


if __name__ == "__main__":
    main()

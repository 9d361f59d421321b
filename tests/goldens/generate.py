"""Golden values from PyTorch for the Course.Torch engine.

Regenerate them from the repository root with Debian's PyTorch (package python3-torch, 1.13):

    /usr/bin/python3 tests/goldens/generate.py

This writes tests/Course.Torch.Tests/Goldens/<section>.json (and two state_dict files, *.dat),
which the C# tests in that folder replay against the engine (float32: atol 1e-5, rtol 1e-4).
Commit the regenerated files with the change that needed them; rerunning on the same PyTorch gives
byte-identical files.

Files:
  golden.py            the machinery: input specs, per-case seeding, the case runner, the JSON writer
  ops_core.py          section ops_core: arithmetic, matmul family, sum/mean, views, conversions, creation
  ops_math.py          section ops_math: unary math, activations, softmax, clamp, comparisons, reductions
  ops_shapes.py        section ops_shapes: slicing, indexing, joining/splitting, gather/scatter, masking
  layers.py            section layers: modules with fixed weights (Linear, activations, Sequential)
  losses.py            section losses: nn.functional losses with each reduction, and the loss modules
  optimizers.py        section optimizers: 20-step trajectories of SGD/Adam/AdamW, clipping, schedulers
  state_dicts.py       section state_dicts: state_dict files in TorchSharp's format written by PyTorch
  torchsharp_format.py that format, written and read from PyTorch
  read_state_dict.py   run by the C# interoperability test to read files the engine wrote

An op section is a table of one-line cases in the spirit of tinygrad's test_ops.py:

    c("add_broadcast_row", lambda a, b: a + b, N(3, 4), N(4))

names the case, gives the PyTorch expression, and describes each input (N: standard normal,
U: uniform in a range, I: int64, B: bool mask, V: given values, P: a formula the C# side recomputes,
for large inputs; float32 unless dtype=f64; floating inputs require grad unless grad=False). For
every case the file holds the inputs, the outputs, a fixed random weight tensor W_i per floating
output, and the gradient of sum_i (output_i * W_i).sum() with respect to each input that requires
grad (a layer case also holds the module's starting state_dict and each parameter's gradient).
Each case's numbers come from its own seed (a hash of section and case name), so adding a case
changes no other.

The C# side has one table per section mapping each case name to the same expression in the
engine's API; a case missing on either side fails a test. To add a section, write its module here,
list it in CASE_SECTIONS (op and layer cases) or OTHER_SECTIONS (own format), and add a test class
with its table next to the others.
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

"""Machinery shared by the golden-value sections: input specs, seeding, running a case in PyTorch,
and writing the JSON files that the C# tests replay. See generate.py for the overview."""

import json
import zlib

import numpy as np
import torch

f32, f64 = torch.float32, torch.float64
DTYPE_NAMES = {torch.float32: "float32", torch.float64: "float64", torch.int64: "int64", torch.bool: "bool"}


# ---- input specs -------------------------------------------------------------------------------

class Spec:
    """How to make one input tensor from the case's random stream."""

    def __init__(self, shape, dtype, make, requires_grad):
        self.shape, self.dtype, self.make, self.requires_grad = tuple(shape), dtype, make, requires_grad

    def build(self, rng):
        values = self.make(rng, self.shape)
        tensor = torch.tensor(np.asarray(values).reshape(self.shape), dtype=self.dtype)
        return tensor.requires_grad_(self.requires_grad)


def N(*shape, dtype=f32, grad=True):
    """Standard normal values: the default for ops that are smooth everywhere."""
    return Spec(shape, dtype, lambda rng, s: rng.standard_normal(s), grad)


def U(*shape, low=0.5, high=2.0, dtype=f32, grad=True):
    """Uniform values in [low, high): for ops with a restricted domain (log, sqrt, division)."""
    return Spec(shape, dtype, lambda rng, s: rng.uniform(low, high, s), grad)


def I(*shape, high, low=0):
    """int64 values in [low, high): indices and class labels (never differentiable)."""
    return Spec(shape, torch.int64, lambda rng, s: rng.randint(low, high, s), False)


def B(*shape, p=0.5):
    """bool values, True with probability p: masks."""
    return Spec(shape, torch.bool, lambda rng, s: rng.uniform(0, 1, s) < p, False)


def V(values, dtype=f32, grad=True):
    """Exactly these values (a nested list), for cases that need particular numbers such as ties or zeros."""
    array = np.asarray(values)
    return Spec(array.shape, dtype, lambda rng, s: array, grad and dtype.is_floating_point)


# ---- running cases -------------------------------------------------------------------------------

def rng_for(section, name):
    """Each case draws from its own stream, so adding or reordering cases leaves the others' numbers alone."""
    return np.random.RandomState(zlib.crc32(f"{section}/{name}".encode()))


def as_outputs(result):
    return list(result) if isinstance(result, (tuple, list)) else [result]


class Section:
    """A named list of op cases, written to <name>.json.

    A case is forward + backward of one expression: the inputs are built from the case's seed, the
    lambda computes one tensor or a tuple of tensors, and the gradient of
    sum_i (output_i * weight_i).sum() is taken with respect to every input that requires grad, where
    weight_i is a fixed random tensor of output_i's shape (a random projection exercises every
    element of every gradient, unlike .sum() whose upstream gradient is all ones).
    """

    def __init__(self, name):
        self.name = name
        self.cases = []

    def case(self, name, fn, *specs):
        if any(c["name"] == name for c in self.cases):
            raise ValueError(f"{self.name}: duplicate case name {name}")
        rng = rng_for(self.name, name)
        inputs = [spec.build(rng) for spec in specs]
        outputs = as_outputs(fn(*inputs))
        weights = [torch.tensor(rng.standard_normal(tuple(o.shape)), dtype=o.dtype)
                   if o.dtype.is_floating_point and o.requires_grad else None for o in outputs]
        grads = [None] * len(inputs)
        differentiable = [i for i, x in enumerate(inputs) if x.requires_grad]
        if differentiable and any(w is not None for w in weights):
            loss = sum((o * w).sum() for o, w in zip(outputs, weights) if w is not None)
            found = torch.autograd.grad(loss, [inputs[i] for i in differentiable], allow_unused=True)
            for i, g in zip(differentiable, found):
                grads[i] = g  # None when the output does not depend on the input: no gradient, as .grad stays None
        self.cases.append({
            "name": name,
            "inputs": [encode(x, requires_grad=x.requires_grad) for x in inputs],
            "outputs": [encode(o) for o in outputs],
            "weights": [None if w is None else encode(w) for w in weights],
            "grads": [None if g is None else encode(g) for g in grads],
        })

    def write(self, directory):
        write_json(directory / f"{self.name}.json", self.name, self.cases)


# ---- JSON encoding -------------------------------------------------------------------------------

def encode(tensor, requires_grad=None):
    """{dtype, shape, data}: data is the row-major flat list of values. float32 values are written
    in their shortest round-trip form (0.1, not 0.10000000149011612) to keep the files small."""
    tensor = tensor.detach()
    if tensor.dtype not in DTYPE_NAMES:
        raise TypeError(f"unsupported dtype {tensor.dtype}")
    flat = tensor.contiguous().view(-1)
    if tensor.dtype.is_floating_point and not torch.isfinite(flat).all():
        raise ValueError("golden values must be finite (JSON has no NaN or infinity)")
    if tensor.dtype == torch.float32:
        data = [float(str(v)) for v in flat.numpy()]
    else:
        data = flat.tolist()
    result = {"dtype": DTYPE_NAMES[tensor.dtype], "shape": list(tensor.shape), "data": data}
    if requires_grad is not None:
        result["requires_grad"] = requires_grad
    return result


def write_json(path, section, cases):
    """One case per line, so a regenerated file diffs case by case."""
    header = json.dumps({"section": section, "torch": torch.__version__, "generator": "tests/goldens/generate.py"},
                        separators=(",", ":"))
    lines = [json.dumps(c, separators=(",", ":")) for c in cases]
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(header[:-1] + ',"cases":[\n' + ",\n".join(lines) + "\n]}\n")

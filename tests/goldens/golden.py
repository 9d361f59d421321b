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

    def __init__(self, shape, dtype, make, requires_grad, pattern=False):
        self.shape, self.dtype, self.make, self.requires_grad = tuple(shape), dtype, make, requires_grad
        self.pattern = pattern

    def encode(self, tensor):
        if self.pattern:
            return {"dtype": DTYPE_NAMES[self.dtype], "shape": list(self.shape), "pattern": "modular", "requires_grad": False}
        return encode(tensor, requires_grad=tensor.requires_grad)

    def build(self, rng):
        values = self.make(rng, self.shape)
        tensor = torch.tensor(np.asarray(values).reshape(self.shape), dtype=self.dtype)
        if self.pattern and self.dtype == f32:
            assert values.dtype == np.float32  # computed in float32, as the C# side does
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


def P(*shape, dtype=f32):
    """The values ((7919 * i) mod 1999 - 999) / 1000 for flat index i, in [-1, 1). The C# side computes
    them itself (one exactly rounded division), so the file stores only the shape: for large inputs
    that exercise the blocked, multi-threaded matmul. Forward only (the gradients would be as large)."""

    def make(rng, s):
        i = np.arange(int(np.prod(s)), dtype=np.int64)
        numerator = ((7919 * i) % 1999 - 999).astype(np.float32 if dtype == f32 else np.float64)
        return numerator / numerator.dtype.type(1000)

    return Spec(shape, dtype, make, False, pattern=True)


# ---- running cases -------------------------------------------------------------------------------

def rng_for(section, name):
    """Each case draws from its own stream, so adding or reordering cases leaves the others' numbers alone."""
    return np.random.RandomState(zlib.crc32(f"{section}/{name}".encode()))


def as_outputs(result):
    return list(result) if isinstance(result, (tuple, list)) else [result]


class Section:
    """A named list of cases, written to <name>.json.

    A case is forward + backward of one expression: the inputs are built from the case's seed, the
    expression computes one tensor or a tuple of tensors, and the gradient of
    sum_i (output_i * weight_i).sum() is taken with respect to every input (and, for a layer, every
    parameter) that requires grad, where weight_i is a fixed random tensor of output_i's shape (a
    random projection exercises every element of every gradient, unlike .sum() whose upstream
    gradient is all ones).
    """

    def __init__(self, name):
        self.name = name
        self.cases = []

    def case(self, name, fn, *specs):
        """An op: fn(*inputs) gives the outputs."""
        self._add(name, specs, lambda rng, inputs: (fn(*inputs), None))

    def layer(self, name, make, *specs, call=None):
        """A module with fixed weights: make() builds it (e.g. lambda: nn.Linear(4, 3)), its floating
        parameters are then overwritten with values from the case's seed, and call(module, *inputs)
        (by default module(*inputs)) gives the outputs. The case also holds the state_dict the module
        starts from (the C# test loads it into the engine's module) and each parameter's gradient."""

        def run(rng, inputs):
            module = make()
            with torch.no_grad():
                for p in module.parameters():
                    p.copy_(torch.tensor(rng.standard_normal(tuple(p.shape)) * 0.5, dtype=p.dtype))
            state = {key: encode(value) for key, value in module.state_dict().items()}
            outputs = call(module, *inputs) if call else module(*inputs)
            return outputs, (module, state)

        self._add(name, specs, run)

    def _add(self, name, specs, run):
        if any(c["name"] == name for c in self.cases):
            raise ValueError(f"{self.name}: duplicate case name {name}")
        rng = rng_for(self.name, name)
        inputs = [spec.build(rng) for spec in specs]
        result, layer = run(rng, inputs)
        outputs = as_outputs(result)
        weights = [torch.tensor(rng.standard_normal(tuple(o.shape)), dtype=o.dtype)
                   if o.dtype.is_floating_point and o.requires_grad else None for o in outputs]
        parameters = dict(layer[0].named_parameters()) if layer else {}
        sources = [x for x in inputs if x.requires_grad] + [p for p in parameters.values() if p.requires_grad]
        found = {}
        if sources and any(w is not None for w in weights):
            loss = sum((o * w).sum() for o, w in zip(outputs, weights) if w is not None)
            # None where the output does not depend on a tensor: it gets no gradient, as .grad stays None
            found = dict(zip(map(id, sources), torch.autograd.grad(loss, sources, allow_unused=True)))
        case = {
            "name": name,
            "inputs": [spec.encode(x) for spec, x in zip(specs, inputs)],
            "outputs": [encode(o) for o in outputs],
            "weights": [None if w is None else encode(w) for w in weights],
            "grads": [encode_or_null(found.get(id(x))) for x in inputs],
        }
        if layer:
            case["state"] = layer[1]
            case["param_grads"] = {key: encode_or_null(found.get(id(p))) for key, p in parameters.items()}
        self.cases.append(case)

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


def encode_or_null(tensor):
    return None if tensor is None else encode(tensor)


def write_json(path, section, cases):
    """One case per line, so a regenerated file diffs case by case."""
    header = json.dumps({"section": section, "torch": torch.__version__, "generator": "tests/goldens/generate.py"},
                        separators=(",", ":"))
    lines = [json.dumps(c, separators=(",", ":")) for c in cases]
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(header[:-1] + ',"cases":[\n' + ",\n".join(lines) + "\n]}\n")

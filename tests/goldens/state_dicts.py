"""State dict files in TorchSharp's format written by PyTorch, for the engine's interoperability tests.

model_from_pytorch.dat: the state_dict of nn.Sequential(nn.Linear(4, 3), nn.ReLU(), nn.Linear(3, 2))
with seeded weights; the engine loads it into the same model and must give PyTorch's output for x.
tensors_from_pytorch.dat: one tensor of every dtype the format carries, plus a 0-d tensor, an empty
tensor and a non-ASCII key, read with the engine's StateDictFormat.Read.
state_dicts.json holds the expected values of both files, x, and the model's output.
"""

import torch
from torch import nn

from golden import encode, rng_for, write_json
from torchsharp_format import write_state_dict

SECTION = "state_dicts"


def write(directory):
    rng = rng_for(SECTION, "model")
    model = nn.Sequential(nn.Linear(4, 3), nn.ReLU(), nn.Linear(3, 2))
    with torch.no_grad():
        for p in model.parameters():
            p.copy_(torch.tensor(rng.standard_normal(tuple(p.shape)) * 0.5, dtype=torch.float32))
    x = torch.tensor(rng.standard_normal((5, 4)), dtype=torch.float32)
    with torch.no_grad():
        output = model(x)
    write_state_dict(model.state_dict(), directory / "model_from_pytorch.dat")

    tensors = {
        "float32": torch.tensor(rng.standard_normal((2, 3)), dtype=torch.float32),
        "float64": torch.tensor(rng.standard_normal(4), dtype=torch.float64),
        "int64": torch.tensor([[-3, 0, 7], [2**40, -(2**35), 1]], dtype=torch.int64),
        "bool": torch.tensor([True, False, False, True]),
        "scalar": torch.tensor(2.5, dtype=torch.float32),
        "empty": torch.zeros(0, 3),
        "layer.größe": torch.tensor(rng.standard_normal((1, 1, 2)), dtype=torch.float32),
    }
    write_state_dict(tensors, directory / "tensors_from_pytorch.dat")

    cases = [
        {"name": "model", "state": {k: encode(v) for k, v in model.state_dict().items()},
         "input": encode(x), "output": encode(output)},
        {"name": "tensors", "state": {k: encode(v) for k, v in tensors.items()}},
    ]
    write_json(directory / f"{SECTION}.json", SECTION, cases)
    return len(cases)

"""Reads state_dict files in TorchSharp's format with PyTorch and prints them as JSON, a list with
one {key: {dtype, shape, data}} object per file (keys in file order), for the engine's
interoperability test:

    /usr/bin/python3 tests/goldens/read_state_dict.py model.dat [more.dat ...]
"""

import json
import sys

sys.dont_write_bytecode = True

from golden import encode  # noqa: E402
from torchsharp_format import read_state_dict  # noqa: E402

if __name__ == "__main__":
    states = [read_state_dict(path) for path in sys.argv[1:]]
    print(json.dumps([{key: encode(tensor) for key, tensor in state.items()} for state in states]))

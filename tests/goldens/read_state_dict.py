"""Reads a state_dict file in TorchSharp's format with PyTorch and prints it as JSON
({key: {dtype, shape, data}}, in file order) for the engine's interoperability test:

    /usr/bin/python3 tests/goldens/read_state_dict.py model.dat
"""

import json
import sys

sys.dont_write_bytecode = True

from golden import encode  # noqa: E402
from torchsharp_format import read_state_dict  # noqa: E402

if __name__ == "__main__":
    state = read_state_dict(sys.argv[1])
    print(json.dumps({key: encode(tensor) for key, tensor in state.items()}))

"""TorchSharp's state_dict file format, written and read from PyTorch (as TorchSharp's exportsd.py).

    file  = count, entry * count
    entry = key length in bytes, key (UTF-8), dtype code (4 int64, 6 float32, 7 float64, 11 bool),
            rank, size * rank, the elements row-major as raw little-endian bytes (bool: one byte)

Every number is an unsigned LEB128. Only the standard library and torch are used, so read_state_dict.py
runs wherever Debian's python3-torch is installed.
"""

import collections
import struct

import torch

CODES = {torch.int64: 4, torch.float32: 6, torch.float64: 7, torch.bool: 11}
DTYPES = {code: dtype for dtype, code in CODES.items()}
ELEMENT = {torch.int64: "q", torch.float32: "f", torch.float64: "d", torch.bool: "?"}


def leb128(value):
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def write_state_dict(state_dict, path):
    with open(path, "wb") as f:
        f.write(leb128(len(state_dict)))
        for key, tensor in state_dict.items():
            name = key.encode("utf-8")
            f.write(leb128(len(name)) + name)
            tensor = tensor.detach().contiguous()
            f.write(leb128(CODES[tensor.dtype]) + leb128(tensor.dim()))
            for size in tensor.shape:
                f.write(leb128(size))
            values = tensor.view(-1).tolist()
            f.write(struct.pack(f"<{len(values)}{ELEMENT[tensor.dtype]}", *values))


def read_state_dict(path):
    with open(path, "rb") as f:
        data = f.read()
    position = 0

    def number():
        nonlocal position
        value, shift = 0, 0
        while True:
            byte = data[position]
            position += 1
            value |= (byte & 0x7F) << shift
            shift += 7
            if not byte & 0x80:
                return value

    result = collections.OrderedDict()
    for _ in range(number()):
        length = number()
        key = data[position:position + length].decode("utf-8")
        position += length
        dtype = DTYPES[number()]
        shape = [number() for _ in range(number())]
        count = 1
        for size in shape:
            count *= size
        fmt = f"<{count}{ELEMENT[dtype]}"
        values = struct.unpack_from(fmt, data, position)
        position += struct.calcsize(fmt)
        result[key] = torch.tensor(values, dtype=dtype).reshape(shape)
    if position != len(data):
        raise ValueError(f"{path}: {len(data) - position} bytes left after the last entry")
    return result

#!/usr/bin/env python3
"""Writes the first COUNT items of an IDX file (gzipped or not) as a new gzipped IDX file.

Used to make the small committed subsets in data/ (see data/README.md) from the full
datasets. Standard library only; the output is byte-for-byte reproducible (gzip mtime 0).

    python3 tools/make_data_subset.py SOURCE DESTINATION COUNT
"""
import gzip
import struct
import sys


def read_idx(path):
    with open(path, "rb") as f:
        raw = f.read()
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    if len(raw) < 4 or raw[0] != 0 or raw[1] != 0 or raw[2] != 0x08:
        sys.exit(f"{path}: not an IDX file of unsigned bytes")
    rank = raw[3]
    dims = list(struct.unpack(f">{rank}i", raw[4:4 + 4 * rank]))
    return dims, raw[4 + 4 * rank:]


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    source, destination, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    dims, data = read_idx(source)
    if count > dims[0]:
        sys.exit(f"{source} has only {dims[0]} items, cannot take {count}")
    item_size = len(data) // dims[0]
    header = bytes([0, 0, 0x08, len(dims)]) + struct.pack(f">{len(dims)}i", count, *dims[1:])
    with open(destination, "wb") as f:
        f.write(gzip.compress(header + data[:count * item_size], compresslevel=9, mtime=0))


if __name__ == "__main__":
    main()

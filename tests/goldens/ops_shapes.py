"""Shape and indexing ops: slicing views, joining and splitting, repeat, indexing, gathering and scattering, masking."""

import torch

from golden import B, I, N, Section, V, f64


def build():
    s = Section("ops_shapes")
    c = s.case

    # ---- slicing views ---------------------------------------------------------------------------
    c("narrow", lambda a: a.narrow(1, 1, 2), N(3, 4))
    c("narrow_neg_dim", lambda a: torch.narrow(a, -1, 0, 3), N(2, 3, 4))
    c("select", lambda a: a.select(0, 1), N(3, 4))
    c("select_neg_index", lambda a: torch.select(a, 1, -1), N(2, 3, 4))
    c("slice_step", lambda a: a[:, 1:4:2], N(3, 5))
    c("slice_then_matmul", lambda a, b: a[1:3].matmul(b[:, ::2]), N(4, 3), N(3, 6))

    # ---- indexing --------------------------------------------------------------------------------
    c("index_int", lambda a: a[1], N(3, 4))
    c("index_from_end", lambda a: a[-1], N(3, 4))
    c("index_two_ints", lambda a: a[1, 2], N(3, 4))
    c("index_range", lambda a: a[1:3], N(4, 3))
    c("index_range_both", lambda a: a[1:, :-1], N(3, 4))
    c("index_column", lambda a: a[:, 0], N(3, 4))
    c("index_ellipsis", lambda a: a[..., 1], N(2, 3, 4))
    c("index_none", lambda a: a[None, :, None], N(3))
    c("index_int_tensor", lambda a, i: a[i], N(4, 3), I(5, high=4))
    c("index_int_tensor_dim1", lambda a, i: a[:, i], N(3, 4), I(6, high=4))
    c("index_bool_mask", lambda a, m: a[m], N(3, 4), B(3, 4))
    c("index_bool_rows", lambda a, m: a[m], N(4, 3), V([True, False, True, True], dtype=torch.bool))
    c("index_put", lambda a, i, v: a.clone().index_put_((i,), v), N(4, 3, grad=False), I(2, high=4), N(3, grad=False))

    # ---- joining and splitting ------------------------------------------------------------------
    c("cat", lambda a, b: torch.cat([a, b]), N(2, 3), N(4, 3))
    c("cat_dim1", lambda a, b, d: torch.cat([a, b, d], 1), N(2, 3), N(2, 1), N(2, 2))
    c("cat_neg_dim", lambda a, b: torch.cat([a, b], -1), N(2, 2, 3), N(2, 2, 2))
    c("cat_f64", lambda a, b: torch.cat([a, b]), N(2, dtype=f64), N(3, dtype=f64))
    c("cat_int", lambda a, b: torch.cat([a, b], 0), I(2, 2, high=9), I(1, 2, high=9))
    c("stack", lambda a, b: torch.stack([a, b]), N(2, 3), N(2, 3))
    c("stack_dim1", lambda a, b, d: torch.stack([a, b, d], 1), N(2, 3), N(2, 3), N(2, 3))
    c("stack_last", lambda a, b: torch.stack([a, b], -1), N(4), N(4))
    c("split", lambda a: a.split(2), N(5, 3))
    c("split_dim1", lambda a: torch.split(a, 3, 1), N(2, 7))
    c("split_sizes", lambda a: a.split([1, 3, 2], 1), N(2, 6))
    c("chunk", lambda a: a.chunk(3), N(7, 2))
    c("chunk_dim1", lambda a: torch.chunk(a, 2, 1), N(3, 4))
    c("unbind", lambda a: a.unbind(), N(3, 2))
    c("unbind_dim1", lambda a: torch.unbind(a, 1), N(2, 3))
    c("repeat", lambda a: a.repeat(2, 3), N(2, 3))
    c("repeat_new_dims", lambda a: a.repeat(2, 1, 2), N(3))

    # ---- gathering and scattering ----------------------------------------------------------------
    c("index_select", lambda a, i: a.index_select(0, i), N(4, 3), I(6, high=4))
    c("index_select_dim1", lambda a, i: torch.index_select(a, 1, i), N(3, 5), I(4, high=5))
    c("index_add", lambda a, i, v: a.index_add(0, i, v), N(4, 3), I(5, high=4), N(5, 3))
    c("index_add_alpha", lambda a, i, v: torch.index_add(a, 1, i, v, alpha=-0.5), N(3, 4), I(3, high=4), N(3, 3))
    c("gather", lambda a, i: a.gather(1, i), N(3, 4), I(3, 2, high=4))
    c("gather_dim0", lambda a, i: torch.gather(a, 0, i), N(3, 4), I(5, 4, high=3))
    c("scatter_add", lambda a, i, v: a.scatter_add(1, i, v), N(3, 4), I(3, 5, high=4), N(3, 5))
    c("scatter_add_dim0", lambda a, i, v: torch.scatter_add(a, 0, i, v), N(3, 2), I(4, 2, high=3), N(4, 2))

    # ---- masking ---------------------------------------------------------------------------------
    c("where", lambda m, a, b: torch.where(m, a, b), B(3, 4), N(3, 4), N(3, 4))
    c("where_broadcast", lambda m, a, b: torch.where(m, a, b), B(3, 1), N(4), N(3, 4))
    c("where_scalar_other", lambda m, a: torch.where(m, a, 0.5), B(3, 4), N(3, 4))
    c("where_scalar_first", lambda m, b: torch.where(m, -1.0, b), B(3, 4), N(3, 4))
    c("where_method", lambda m, a, b: a.where(m, b), B(2, 3), N(2, 3), N(2, 3))
    c("masked_fill", lambda a, m: a.masked_fill(m, -2.0), N(3, 4), B(3, 4))
    c("masked_fill_broadcast", lambda a, m: torch.masked_fill(a, m, 0.0), N(3, 4), B(4))
    c("masked_select", lambda a, m: a.masked_select(m), N(3, 4), B(3, 4))
    c("masked_fill_", lambda a, m: a.clone().masked_fill_(m, 9.0), N(3, 4, grad=False), B(3, 4))
    c("index_add_", lambda a, i, v: a.clone().index_add_(0, i, v, alpha=2.0), N(4, 3, grad=False), I(5, high=4), N(5, 3, grad=False))
    c("scatter_add_", lambda a, i, v: a.clone().scatter_add_(1, i, v), N(3, 4, grad=False), I(3, 5, high=4), N(3, 5, grad=False))
    c("masked_select_broadcast", lambda a, m: torch.masked_select(a, m), N(3, 4), B(4))
    return s

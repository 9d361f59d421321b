"""Loss functions (torch.nn.functional), each with reduction none / mean / sum where PyTorch has it."""

import torch
import torch.nn.functional as F
from torch import nn

from golden import I, N, Section, U, V, f64

REDUCTIONS = ("none", "mean", "sum")


def build():
    s = Section("losses")
    c = s.case

    for r in REDUCTIONS:
        c(f"mse_loss_{r}", lambda a, b, r=r: F.mse_loss(a, b, reduction=r), N(4, 3), N(4, 3))
        c(f"l1_loss_{r}", lambda a, b, r=r: F.l1_loss(a, b, reduction=r), N(4, 3), N(4, 3))
        c(f"smooth_l1_loss_{r}", lambda a, b, r=r: F.smooth_l1_loss(a, b, reduction=r, beta=0.5), N(4, 3), N(4, 3))
        c(f"huber_loss_{r}", lambda a, b, r=r: F.huber_loss(a, b, reduction=r, delta=0.7), N(4, 3), N(4, 3))
        c(f"cross_entropy_{r}", lambda x, t, r=r: F.cross_entropy(x, t, reduction=r), N(5, 4), I(5, high=4))
        c(f"cross_entropy_weight_{r}", lambda x, t, w, r=r: F.cross_entropy(x, t, weight=w, reduction=r),
          N(6, 4), I(6, high=4), U(4, grad=False))
        c(f"cross_entropy_smoothing_{r}", lambda x, t, r=r: F.cross_entropy(x, t, label_smoothing=0.1, reduction=r),
          N(5, 4), I(5, high=4))
        c(f"cross_entropy_weight_smoothing_{r}",
          lambda x, t, w, r=r: F.cross_entropy(x, t, weight=w, label_smoothing=0.2, reduction=r),
          N(6, 3), I(6, high=3), U(3, grad=False))
        c(f"cross_entropy_ignore_index_{r}", lambda x, t, w, r=r: F.cross_entropy(x, t, weight=w, ignore_index=1, reduction=r),
          N(6, 3), V([0, 1, 2, 1, 2, 0], dtype=torch.int64), U(3, grad=False))
        c(f"cross_entropy_probabilities_{r}", lambda x, p, r=r: F.cross_entropy(x, p, reduction=r),
          N(4, 3), U(4, 3, low=0, high=1, grad=False))
        c(f"cross_entropy_spatial_{r}", lambda x, t, r=r: F.cross_entropy(x, t, reduction=r), N(2, 3, 4), I(2, 4, high=3))
        c(f"nll_loss_{r}", lambda x, t, r=r: F.nll_loss(x.log_softmax(1), t, reduction=r), N(5, 4), I(5, high=4))
        c(f"nll_loss_weight_{r}", lambda x, t, w, r=r: F.nll_loss(x, t, weight=w, reduction=r),
          N(6, 4), I(6, high=4), U(4, grad=False))
        c(f"binary_cross_entropy_{r}", lambda p, y, r=r: F.binary_cross_entropy(p, y, reduction=r),
          U(4, 3, low=0.05, high=0.95), U(4, 3, low=0, high=1, grad=False))
        c(f"binary_cross_entropy_weight_{r}", lambda p, y, w, r=r: F.binary_cross_entropy(p, y, weight=w, reduction=r),
          U(4, 3, low=0.05, high=0.95), U(4, 3, low=0, high=1, grad=False), U(3, grad=False))
        c(f"bce_with_logits_{r}", lambda x, y, r=r: F.binary_cross_entropy_with_logits(x, y, reduction=r),
          N(4, 3), U(4, 3, low=0, high=1, grad=False))
        c(f"bce_with_logits_weight_{r}", lambda x, y, w, r=r: F.binary_cross_entropy_with_logits(x, y, weight=w, reduction=r),
          N(4, 3), U(4, 3, low=0, high=1, grad=False), U(4, 1, grad=False))
        c(f"bce_with_logits_pos_weight_{r}",
          lambda x, y, pw, r=r: F.binary_cross_entropy_with_logits(x, y, pos_weight=pw, reduction=r),
          N(4, 3), U(4, 3, low=0, high=1, grad=False), U(3, grad=False))

    # the seeds' worked example: y = [0, 1, 0, 1], p = [0.2, 0.8, 0.1, 0.9] gives BCE 0.1643
    c("binary_cross_entropy_course_example", lambda p, y: F.binary_cross_entropy(p, y),
      V([0.2, 0.8, 0.1, 0.9]), V([0.0, 1.0, 0.0, 1.0], grad=False))
    c("cross_entropy_f64", lambda x, t: F.cross_entropy(x, t), N(5, 4, dtype=f64), I(5, high=4))
    c("cross_entropy_large_logits", lambda x, t: F.cross_entropy(x * 100, t), N(4, 3), I(4, high=3))
    c("bce_with_logits_large", lambda x, y: F.binary_cross_entropy_with_logits(x * 50, y),
      N(4, 3), U(4, 3, low=0, high=1, grad=False))
    c("mse_loss_f64", lambda a, b: F.mse_loss(a, b), N(4, 3, dtype=f64), N(4, 3, dtype=f64))
    c("mse_loss_rank3", lambda a, b: F.mse_loss(a, b), N(2, 3, 4), N(2, 3, 4))
    c("cross_entropy_single_sample", lambda x, t: F.cross_entropy(x, t), N(5), V(3, dtype=torch.int64))
    c("cross_entropy_everything", lambda x, t, w: F.cross_entropy(x, t, weight=w, ignore_index=0, label_smoothing=0.15),
      N(7, 4), I(7, high=4), U(4, grad=False))
    c("cross_entropy_probabilities_smoothing_weight", lambda x, p, w: F.cross_entropy(x, p, weight=w, label_smoothing=0.1),
      N(4, 3), U(4, 3, low=0, high=1, grad=False), U(3, grad=False))
    c("nll_loss_ignore_index", lambda x, t: F.nll_loss(x, t, ignore_index=2), N(5, 3), V([2, 0, 2, 1, 0], dtype=torch.int64))

    # loss modules
    c("module_mse_loss", lambda a, b: nn.MSELoss()(a, b), N(4, 3), N(4, 3))
    c("module_l1_loss_sum", lambda a, b: nn.L1Loss(reduction="sum")(a, b), N(4, 3), N(4, 3))
    c("module_smooth_l1_loss", lambda a, b: nn.SmoothL1Loss(beta=2.0)(a, b), N(4, 3), N(4, 3))
    c("module_huber_loss", lambda a, b: nn.HuberLoss(delta=0.5)(a, b), N(4, 3), N(4, 3))
    c("module_cross_entropy_loss", lambda x, t, w: nn.CrossEntropyLoss(weight=w, label_smoothing=0.1)(x, t),
      N(5, 4), I(5, high=4), U(4, grad=False))
    c("module_nll_loss", lambda x, t: nn.NLLLoss(reduction="none")(x, t), N(5, 4), I(5, high=4))
    c("module_bce_loss", lambda p, y: nn.BCELoss()(p, y), U(4, 3, low=0.05, high=0.95), U(4, 3, low=0, high=1, grad=False))
    c("module_bce_with_logits_loss", lambda x, y, pw: nn.BCEWithLogitsLoss(pos_weight=pw)(x, y),
      N(4, 3), U(4, 3, low=0, high=1, grad=False), U(3, grad=False))
    return s

"""Elementwise math, activations, softmax, clamping, comparisons and the fused update ops."""

import torch
import torch.nn.functional as F

from golden import B, I, N, Section, U, V, f64

# Values that sit exactly on the kinks (0 for relu/abs/sign, the clamp bounds, ties for
# maximum/minimum), where PyTorch picks a particular subgradient that the engine must match.
KINKS = [[-2.0, -1.0, -0.5, 0.0], [0.5, 1.0, 2.0, 0.0]]


def build():
    s = Section("ops_math")
    c = s.case

    # ---- unary math ---------------------------------------------------------------------------
    c("exp", lambda a: a.exp(), N(3, 4))
    c("exp_f64", lambda a: torch.exp(a), N(3, 4, dtype=f64))
    c("log", lambda a: a.log(), U(3, 4, low=0.1, high=5))
    c("log_f64", lambda a: torch.log(a), U(3, 4, low=0.1, high=5, dtype=f64))
    c("log1p", lambda a: a.log1p(), U(3, 4, low=-0.5, high=3))
    c("log1p_tiny", lambda a: torch.log1p(a), V([1e-10, -3e-9, 2e-7, 1e-5], dtype=f64))
    c("expm1", lambda a: a.expm1(), N(3, 4))
    c("expm1_tiny", lambda a: torch.expm1(a), V([1e-10, -3e-9, 2e-7, 1e-5], dtype=f64))
    c("sqrt", lambda a: a.sqrt(), U(3, 4, low=0.1, high=4))
    c("rsqrt", lambda a: a.rsqrt(), U(3, 4, low=0.1, high=4))
    c("reciprocal", lambda a: a.reciprocal(), U(3, 4))
    c("sin", lambda a: a.sin(), N(3, 4))
    c("cos", lambda a: torch.cos(a), N(3, 4))
    c("sin_f64", lambda a: torch.sin(a), N(5, dtype=f64))
    c("abs", lambda a: a.abs(), N(3, 4))
    c("abs_kinks", lambda a: torch.abs(a), V(KINKS))
    c("abs_int", lambda a: a.abs(), I(5, low=-5, high=5))
    c("sign", lambda a: a.sign(), V(KINKS))
    c("square", lambda a: a.square(), N(3, 4))
    c("erf", lambda a: a.erf(), N(3, 4))
    c("erf_f64", lambda a: torch.erf(a), V([-6.5, -2.0, -0.3, 0.0, 1e-3, 0.7, 1.5, 3.0, 5.9], dtype=f64))
    c("pow_square", lambda a: a.pow(2), N(3, 4))
    c("pow_cube", lambda a: a.pow(3.0), N(3, 4))
    c("pow_half", lambda a: torch.pow(a, 0.5), U(3, 4))
    c("pow_negative", lambda a: a.pow(-1.5), U(3, 4))
    c("pow_zero", lambda a: a.pow(0.0), N(4))
    c("pow_tensor", lambda a, b: a.pow(b), U(3, 4), N(3, 4))
    c("pow_tensor_broadcast", lambda a, b: torch.pow(a, b), U(3, 4), N(4))
    c("pow_f64", lambda a: a.pow(2.5), U(6, dtype=f64))

    # ---- activations ----------------------------------------------------------------------------
    c("tanh", lambda a: a.tanh(), N(3, 4))
    c("tanh_f64", lambda a: torch.tanh(a), N(3, 4, dtype=f64))
    c("sigmoid", lambda a: a.sigmoid(), N(3, 4))
    c("sigmoid_large", lambda a: torch.sigmoid(a), V([-90.0, -20.0, -5.0, 0.0, 5.0, 20.0, 90.0]))
    c("sigmoid_f64", lambda a: torch.sigmoid(a), N(6, dtype=f64))
    c("relu", lambda a: a.relu(), N(3, 4))
    c("relu_kinks", lambda a: torch.relu(a), V(KINKS))
    c("leaky_relu", lambda a: F.leaky_relu(a), N(3, 4))
    c("leaky_relu_slope", lambda a: F.leaky_relu(a, 0.2), V(KINKS))
    c("gelu", lambda a: F.gelu(a), N(3, 4))
    c("gelu_f64", lambda a: F.gelu(a), N(3, 4, dtype=f64))
    c("gelu_tanh", lambda a: F.gelu(a, approximate="tanh"), N(3, 4))
    c("gelu_tanh_f64", lambda a: F.gelu(a, approximate="tanh"), N(3, 4, dtype=f64))

    # ---- softmax --------------------------------------------------------------------------------
    c("softmax", lambda a: a.softmax(1), N(3, 5))
    c("softmax_dim0", lambda a: torch.softmax(a, 0), N(3, 5))
    c("softmax_last_rank3", lambda a: a.softmax(-1), N(2, 3, 4))
    c("softmax_middle_rank3", lambda a: a.softmax(1), N(2, 3, 4))
    c("softmax_large_logits", lambda a: a.softmax(-1), V([[1000.0, 1001.0, 999.0], [-1000.0, -1002.0, -1001.0]]))
    c("softmax_to_f64", lambda a: torch.softmax(a, 1, dtype=f64), N(3, 4))
    c("softmax_f64", lambda a: a.softmax(0), N(4, 3, dtype=f64))
    c("log_softmax", lambda a: a.log_softmax(1), N(3, 5))
    c("log_softmax_dim0", lambda a: torch.log_softmax(a, 0), N(3, 5))
    c("log_softmax_rank3", lambda a: a.log_softmax(1), N(2, 3, 4))
    c("log_softmax_large_logits", lambda a: a.log_softmax(-1), V([[1000.0, 1001.0, 999.0], [-1000.0, -1002.0, -1001.0]]))
    c("log_softmax_f64", lambda a: a.log_softmax(-1), N(3, 4, dtype=f64))
    c("log_softmax_wide", lambda a: a.log_softmax(-1), N(2, 70))

    # ---- clamping and elementwise max/min ------------------------------------------------------
    c("clamp", lambda a: a.clamp(-0.5, 0.8), N(3, 4))
    c("clamp_kinks", lambda a: torch.clamp(a, -1.0, 1.0), V(KINKS))
    c("clamp_min", lambda a: a.clamp_min(0.1), N(3, 4))
    c("clamp_max", lambda a: a.clamp_max(0.1), N(3, 4))
    c("clamp_only_min", lambda a: torch.clamp(a, min=-0.2), N(3, 4))
    c("clip", lambda a: a.clip(-1.0, 0.5), N(3, 4))
    c("clamp_int", lambda a: a.clamp(-2, 3), I(6, low=-6, high=6))
    c("maximum", lambda a, b: torch.maximum(a, b), N(3, 4), N(3, 4))
    c("maximum_broadcast", lambda a, b: a.maximum(b), N(3, 4), N(4))
    c("maximum_ties", lambda a, b: a.maximum(b), V(KINKS), V([[-2.0, 1.0, -0.5, 0.0], [0.0, 1.0, 3.0, -1.0]]))
    c("minimum", lambda a, b: torch.minimum(a, b), N(3, 4), N(3, 1))
    c("minimum_ties", lambda a, b: a.minimum(b), V(KINKS), V([[-2.0, 1.0, -0.5, 0.0], [0.0, 1.0, 3.0, -1.0]]))

    # ---- comparisons and logic (no gradients) ----------------------------------------------------
    TIES = V([[-1.0, 0.0, 1.0, 2.0], [0.5, 0.5, -3.0, 2.0]], grad=False)
    OTHER = V([[-1.0, 1.0, 0.0, 2.0], [0.5, 0.4, -2.0, 3.0]], grad=False)
    c("eq", lambda a, b: a.eq(b), TIES, OTHER)
    c("ne", lambda a, b: torch.ne(a, b), TIES, OTHER)
    c("lt", lambda a, b: a < b, TIES, OTHER)
    c("le", lambda a, b: a <= b, TIES, OTHER)
    c("gt", lambda a, b: a > b, TIES, OTHER)
    c("ge", lambda a, b: a >= b, TIES, OTHER)
    c("lt_broadcast", lambda a, b: a < b, N(3, 4, grad=False), N(4, grad=False))
    c("gt_scalar", lambda a: a > 0.5, TIES)
    c("le_scalar_left", lambda a: 0.5 <= a, TIES)
    c("eq_scalar", lambda a: a.eq(2.0), TIES)
    c("eq_int", lambda a, b: a == b, I(8, high=3), I(8, high=3))
    c("logical_and", lambda a, b: a & b, B(3, 4), B(3, 4))
    c("logical_or", lambda a, b: torch.logical_or(a, b), B(3, 4), B(4))
    c("logical_xor", lambda a, b: a ^ b, B(3, 4), B(3, 4))
    c("logical_not", lambda a: ~a, B(3, 4))
    c("all", lambda a: a.all(), B(3, 4, p=0.9))
    c("all_dim", lambda a: a.all(1), V([[True, True], [True, False], [False, False]], dtype=torch.bool))
    c("any_dim", lambda a: torch.any(a, 0, keepdim=True), V([[True, False], [False, False]], dtype=torch.bool))
    c("isclose", lambda a, b: torch.isclose(a, b), V([1.0, 1.0, 2.0, 0.0], grad=False), V([1.0 + 1e-6, 1.1, 2.0, 1e-9], grad=False))
    c("compare_then_mask", lambda a: a * (a > 0).to(torch.float32), N(3, 4))

    # ---- fused update ops -----------------------------------------------------------------------
    c("addcmul", lambda a, b, d: torch.addcmul(a, b, d, value=0.5), N(3, 4), N(3, 4), N(4))
    c("addcdiv", lambda a, b, d: a.addcdiv(b, d, value=-2.0), N(3, 4), N(3, 4), U(3, 4))
    c("lerp_scalar", lambda a, b: torch.lerp(a, b, 0.3), N(3, 4), N(3, 4))
    c("lerp_tensor", lambda a, b, w: a.lerp(b, w), N(3, 4), N(3, 4), U(3, 4, low=0, high=1))

    # ---- in-place forms on tensors outside the graph ---------------------------------------------
    c("exp_", lambda a: a.clone().exp_(), N(5, grad=False))
    c("sqrt_", lambda a: a.clone().sqrt_(), U(5, grad=False))
    c("clamp_", lambda a: a.clone().clamp_(-0.5, 0.5), N(5, grad=False))
    c("addcmul_", lambda a, b, d: a.clone().addcmul_(b, d, value=3.0), N(5, grad=False), N(5, grad=False), N(5, grad=False))
    c("lerp_", lambda a, b: a.clone().lerp_(b, 0.9), N(5, grad=False), N(5, grad=False))
    return s

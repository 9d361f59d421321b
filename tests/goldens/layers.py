"""Layers with fixed weights: Linear, the activation modules, containers, in train and eval mode."""

import torch
import torch.nn.functional as F
from torch import nn

from golden import N, Section, f64


def build():
    s = Section("layers")
    layer = s.layer

    layer("linear", lambda: nn.Linear(4, 3), N(5, 4))
    layer("linear_no_bias", lambda: nn.Linear(4, 3, bias=False), N(5, 4))
    layer("linear_batched", lambda: nn.Linear(4, 2), N(2, 5, 4))
    layer("linear_vector_input", lambda: nn.Linear(4, 3), N(4))
    layer("linear_input_without_grad", lambda: nn.Linear(6, 5), N(3, 6, grad=False))
    layer("linear_f64", lambda: nn.Linear(4, 3, dtype=f64), N(5, 4, dtype=f64))
    layer("linear_wide", lambda: nn.Linear(21, 9), N(4, 21))
    s.case("functional_linear", lambda x, w, b: F.linear(x, w, b), N(5, 4), N(3, 4), N(3))
    s.case("functional_linear_no_bias", lambda x, w: F.linear(x, w), N(2, 5, 4), N(3, 4))

    s.case("functional_relu", lambda x: F.relu(x), N(3, 4))
    s.case("functional_leaky_relu", lambda x: F.leaky_relu(x, 0.3), N(3, 4))
    s.case("functional_gelu", lambda x: F.gelu(x), N(3, 4))
    s.case("functional_sigmoid", lambda x: torch.sigmoid(x), N(3, 4))
    s.case("functional_tanh", lambda x: torch.tanh(x), N(3, 4))
    s.case("functional_softmax", lambda x: F.softmax(x, 0), N(3, 4))
    s.case("functional_log_softmax_to_f64", lambda x: F.log_softmax(x, 1, dtype=f64), N(3, 4))
    s.case("functional_dropout_eval", lambda x: F.dropout(x, 0.5, training=False), N(3, 4))

    layer("relu", lambda: nn.ReLU(), N(3, 4))
    layer("leaky_relu", lambda: nn.LeakyReLU(0.1), N(3, 4))
    layer("sigmoid", lambda: nn.Sigmoid(), N(3, 4))
    layer("tanh", lambda: nn.Tanh(), N(3, 4))
    layer("gelu", lambda: nn.GELU(), N(3, 4))
    layer("softmax", lambda: nn.Softmax(dim=1), N(3, 4))
    layer("log_softmax", lambda: nn.LogSoftmax(dim=-1), N(3, 4))
    layer("flatten", lambda: nn.Flatten(), N(2, 3, 4))
    layer("identity", lambda: nn.Identity(), N(3, 4))
    layer("dropout_eval", lambda: nn.Dropout(0.5).eval(), N(3, 4))

    layer("mlp", lambda: nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 3)), N(5, 4))
    layer("mlp_tanh_log_softmax", lambda: nn.Sequential(nn.Linear(6, 5), nn.Tanh(), nn.Linear(5, 4), nn.LogSoftmax(dim=1)), N(3, 6))
    layer("mlp_flatten_gelu_eval", lambda: nn.Sequential(
        nn.Flatten(), nn.Linear(12, 6), nn.GELU(), nn.Dropout(0.3), nn.Linear(6, 2), nn.Sigmoid()).eval(), N(3, 3, 4))
    layer("mlp_leaky_relu_softmax", lambda: nn.Sequential(nn.Linear(3, 7), nn.LeakyReLU(0.05), nn.Linear(7, 3), nn.Softmax(dim=-1)), N(4, 3))

    # Vision layers: convolution with several configurations, pooling, batch norm in train and eval mode.
    layer("conv2d", lambda: nn.Conv2d(2, 3, 3), N(2, 2, 6, 5))
    layer("conv2d_stride_padding", lambda: nn.Conv2d(3, 4, (3, 2), stride=(2, 1), padding=(1, 2)), N(2, 3, 7, 6))
    layer("conv2d_dilation_no_bias", lambda: nn.Conv2d(2, 2, 3, dilation=2, bias=False), N(1, 2, 7, 8))
    layer("conv2d_groups", lambda: nn.Conv2d(4, 6, 2, groups=2), N(2, 4, 5, 5))
    layer("conv2d_same_even_kernel", lambda: nn.Conv2d(2, 3, 4, padding="same"), N(1, 2, 5, 6))
    layer("conv2d_unbatched", lambda: nn.Conv2d(1, 2, 3, padding=1), N(1, 4, 4))
    layer("conv2d_f64", lambda: nn.Conv2d(2, 2, 3, stride=2, dtype=f64), N(2, 2, 7, 7, dtype=f64))
    s.case("functional_conv2d", lambda x, w, b: F.conv2d(x, w, b, stride=2, padding=1), N(2, 3, 6, 6), N(4, 3, 3, 3), N(4))
    layer("max_pool2d", lambda: nn.MaxPool2d(2), N(2, 3, 6, 5))
    layer("max_pool2d_stride_padding", lambda: nn.MaxPool2d(3, stride=2, padding=1), N(1, 2, 7, 6))
    layer("avg_pool2d", lambda: nn.AvgPool2d(2), N(2, 2, 5, 6))
    layer("avg_pool2d_padding", lambda: nn.AvgPool2d(3, stride=2, padding=1), N(1, 2, 6, 7))
    layer("avg_pool2d_padding_exclude", lambda: nn.AvgPool2d(3, stride=2, padding=1, count_include_pad=False), N(1, 2, 6, 7))
    layer("adaptive_avg_pool2d", lambda: nn.AdaptiveAvgPool2d((3, 2)), N(2, 2, 7, 5))
    layer("adaptive_avg_pool2d_global", lambda: nn.AdaptiveAvgPool2d(1), N(3, 4, 4))
    layer("batch_norm1d_train", lambda: nn.BatchNorm1d(3), N(5, 3))
    layer("batch_norm1d_train_sequence", lambda: nn.BatchNorm1d(2), N(3, 2, 4))
    layer("batch_norm2d_train", lambda: nn.BatchNorm2d(3), N(2, 3, 4, 3))
    layer("batch_norm2d_eval", lambda: with_running_stats(nn.BatchNorm2d(3)).eval(), N(2, 3, 3, 3))
    layer("cnn", lambda: nn.Sequential(
        nn.Conv2d(1, 4, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(4, 6, 3, padding=1), nn.BatchNorm2d(6), nn.ReLU(),
        nn.AdaptiveAvgPool2d(2), nn.Flatten(), nn.Linear(24, 3)), N(2, 1, 10, 10))
    return s


def with_running_stats(module):
    """A BatchNorm whose running statistics are not the defaults, so eval mode visibly uses them."""
    with torch.no_grad():
        module.running_mean.copy_(torch.linspace(-0.5, 0.5, module.num_features))
        module.running_var.copy_(torch.linspace(0.5, 2.0, module.num_features))
    return module

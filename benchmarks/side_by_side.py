#!/usr/bin/env python3
"""Runs the course's workloads in PyTorch and in TorchSharp (benchmarks/SideBySide), one after the other, and prints the ratio.

    /usr/bin/python3 benchmarks/side_by_side.py [--steps N] [--only mlp_train,...] [--markdown]
    /usr/bin/python3 benchmarks/side_by_side.py --describe

--describe prints what each workload is made of (parameter names and shapes, items per step, the
output's shape and sums for weights and input set by formula, and a training workload's number of
classes) as JSON; the engine's twin (`SideBySide describe`) prints the same, and BenchmarkTwinsTests
(tests/Course.Tests) compares the two.

PyTorch is Debian's python3-torch (CPU, oneDNN), limited to the same two threads our engine uses
(torch.set_num_threads(2), OPENBLAS_NUM_THREADS=1). Each workload is defined twice, here and in
benchmarks/SideBySide/Workloads.cs, with the same shapes, optimizer and batch size; "items" are
samples for model workloads and floating-point operations for matrix products.
"""
import argparse
import json
import math
import os
import subprocess
import sys
import time
from collections import namedtuple

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import torch  # noqa: E402  (environment first)

THREADS = 2
WARM_UP_SECONDS = 1.0
WARM_UP_STEPS = 100
BATCH = 64
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def mlp():
    return torch.nn.Sequential(torch.nn.Linear(784, 256), torch.nn.ReLU(), torch.nn.Linear(256, 10))


def cnn():
    """The seeds' CNN for 28x28 grey images (Fashion-MNIST)."""
    return torch.nn.Sequential(
        torch.nn.Conv2d(1, 32, 3), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
        torch.nn.Conv2d(32, 64, 3), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
        torch.nn.Conv2d(64, 64, 3), torch.nn.ReLU(), torch.nn.Flatten(),
        torch.nn.Linear(576, 64), torch.nn.ReLU(), torch.nn.Linear(64, 10))


class CnnModule(torch.nn.Module):
    """The same network as cnn() written as a module of one's own: layers in fields, forward calls them."""

    def __init__(self):
        super().__init__()
        self.conv1, self.conv2, self.conv3 = torch.nn.Conv2d(1, 32, 3), torch.nn.Conv2d(32, 64, 3), torch.nn.Conv2d(64, 64, 3)
        self.fc1, self.fc2 = torch.nn.Linear(576, 64), torch.nn.Linear(64, 10)

    def forward(self, x):
        f = torch.nn.functional
        x = f.max_pool2d(f.relu(self.conv1(x)), 2)
        x = f.max_pool2d(f.relu(self.conv2(x)), 2)
        x = f.relu(self.conv3(x)).flatten(1)
        return self.fc2(f.relu(self.fc1(x)))


VOCABULARY, SEQUENCE, CLASSES = 40, 16, 7


class LstmClassifier(torch.nn.Module):
    """Token sequences to classes: embedding, a one-layer LSTM, a linear layer on the last time step's hidden state."""

    def __init__(self):
        super().__init__()
        self.embedding = torch.nn.Embedding(VOCABULARY, 32)
        self.lstm = torch.nn.LSTM(32, 128, batch_first=True)
        self.fc = torch.nn.Linear(128, CLASSES)

    def forward(self, tokens):
        output, _ = self.lstm(self.embedding(tokens))
        return self.fc(output[:, -1])


# run(steps) -> items per second; describe() -> what a step works on; steps: the default number of timed steps.
Workload = namedtuple("Workload", "run describe steps")
# A model's batch: random() draws the timed runs' batch (after torch.manual_seed(0) and the model's creation),
# formula() builds describe's batch, the same numbers in both engines.
Input = namedtuple("Input", "random formula")


def wave(function, shape, scale=1.0):
    """scale * function(0, 1, 2, ...) in the given shape, float32: the same numbers in both engines without a shared generator."""
    return (scale * function(torch.arange(math.prod(shape), dtype=torch.float64))).reshape(shape).float()


def token_wave(shape, vocabulary):
    """(7i + 3) mod vocabulary for i = 0, 1, 2, ... in the given shape, int64: token ids set by formula."""
    return ((7 * torch.arange(math.prod(shape), dtype=torch.int64) + 3) % vocabulary).reshape(shape)


def dense(*shape):
    return Input(lambda: torch.randn(*shape), lambda: wave(torch.cos, shape))


def tokens(shape, vocabulary):
    return Input(lambda: torch.randint(vocabulary, shape), lambda: token_wave(shape, vocabulary))


MLP_INPUT = dense(BATCH, 784)
IMAGE_INPUT = dense(BATCH, 1, 28, 28)
TOKEN_INPUT = tokens((BATCH, SEQUENCE), VOCABULARY)


def description(parameters, output, items_per_step):
    return {"parameters": parameters, "output": list(output.shape), "items_per_step": items_per_step,
            "output_sum": output.double().sum().item(), "output_abs_sum": output.double().abs().sum().item()}


def describe_model(create_model, model_input):
    """Parameter names and shapes, and the output for weights and input that both engines can build alike."""
    model = create_model()
    with torch.no_grad():
        for parameter in model.parameters():
            parameter.copy_(wave(torch.sin, parameter.shape, 0.05))
        output = model(model_input.formula())
    return description({name: list(p.shape) for name, p in model.named_parameters()}, output, BATCH)


def train(create_model, model_input, steps, classes=10):
    """Training steps (forward, cross-entropy, backward, Adam lr 1e-3) on one fixed batch; items = samples."""
    def run(steps):
        torch.manual_seed(0)
        model = create_model()
        optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
        x = model_input.random()
        y = torch.randint(classes, (BATCH,))

        def step():
            optimizer.zero_grad()
            torch.nn.functional.cross_entropy(model(x), y).backward()
            optimizer.step()
        return timed(step, steps, BATCH)
    # The targets' number of classes too: the output's shape does not pin it down.
    return Workload(run, lambda: {**describe_model(create_model, model_input), "classes": classes}, steps)


def infer(create_model, model_input, steps):
    """Forward passes in eval mode without gradient recording; items = samples."""
    def run(steps):
        torch.manual_seed(0)
        model = create_model().eval()
        x = model_input.random()

        def step():
            with torch.no_grad():
                model(x)
        return timed(step, steps, BATCH)
    return Workload(run, lambda: describe_model(create_model, model_input), steps)


def matmul(m, k, n, steps):
    """A float32 matrix product; items = floating-point operations (2·m·k·n)."""
    def run(steps):
        a, b = torch.randn(m, k), torch.randn(k, n)
        return timed(lambda: a @ b, steps, 2.0 * m * k * n)
    return Workload(run, lambda: description({}, wave(torch.cos, (m, k)) @ wave(torch.sin, (k, n)), 2 * m * k * n), steps)


WORKLOADS = {
    "mlp_train": train(mlp, MLP_INPUT, 300),
    "mlp_infer": infer(mlp, MLP_INPUT, 1000),
    "cnn_train": train(cnn, IMAGE_INPUT, 60),
    "cnn_infer": infer(cnn, IMAGE_INPUT, 200),
    "cnn_module_train": train(CnnModule, IMAGE_INPUT, 60),
    "cnn_module_infer": infer(CnnModule, IMAGE_INPUT, 200),
    # The engine's twin runs each step in a torch.NewDisposeScope(), as TorchSharp code does; PyTorch frees by
    # reference counting and has no such scope, so its side is the plain module.
    "cnn_module_scoped_train": train(CnnModule, IMAGE_INPUT, 60),
    "cnn_module_scoped_infer": infer(CnnModule, IMAGE_INPUT, 200),
    # A module of one's own too: the engine's twin runs each step in a dispose scope, as the course's loops do.
    "lstm_train": train(LstmClassifier, TOKEN_INPUT, 100, classes=CLASSES),
    "lstm_infer": infer(LstmClassifier, TOKEN_INPUT, 300),
    "matmul_64x784x256": matmul(64, 784, 256, 1000),
    "matmul_512": matmul(512, 512, 512, 100),
}


def timed(step, steps, items_per_step):
    # Warm-up: at least WARM_UP_STEPS steps, a tenth of the timed steps and one second (the C# twin needs
    # about 100 steps before .NET's tiered JIT has optimised every kernel a step calls).
    warm_up_start, done = time.perf_counter(), 0
    while done < max(WARM_UP_STEPS, steps // 10) or time.perf_counter() - warm_up_start < WARM_UP_SECONDS:
        step()
        done += 1
    start = time.perf_counter()
    for _ in range(steps):
        step()
    return steps * items_per_step / (time.perf_counter() - start)


def build_engine_runner():
    project = os.path.join(ROOT, "benchmarks", "SideBySide")
    out = os.path.join(ROOT, "artifacts", "side-by-side")
    subprocess.run(["dotnet", "build", project, "-c", "Release", "-o", out, "--nologo", "-v", "q"], check=True,
                   stdout=subprocess.DEVNULL)
    return os.path.join(out, "SideBySide.dll")


def run_engine(dll, name, steps):
    result = subprocess.run(["dotnet", dll, name, str(steps)], check=True, capture_output=True, text=True)
    return json.loads(result.stdout.strip().splitlines()[-1])["items_per_second"]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--steps", type=float, default=1.0, help="scale every workload's step count")
    parser.add_argument("--only", default="", help="comma-separated workload names")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    parser.add_argument("--describe", action="store_true", help="print what each workload is made of, as JSON, and stop")
    args = parser.parse_args()
    if args.describe:
        print(json.dumps({name: workload.describe() for name, workload in WORKLOADS.items()}, indent=1))
        return 0

    torch.set_num_threads(THREADS)
    names = [n for n in WORKLOADS if not args.only or n in args.only.split(",")]
    dll = build_engine_runner()
    rows = []
    for name in names:
        workload = WORKLOADS[name]
        steps = max(1, int(workload.steps * args.steps))
        reference = workload.run(steps)
        ours = run_engine(dll, name, steps)
        rows.append((name, reference, ours, ours / reference))
        if not args.markdown:
            print(f"{name:22s} PyTorch {reference:14,.0f}/s   TorchSharp {ours:14,.0f}/s   ratio {ours / reference:5.2f}x",
                  flush=True)
    if args.markdown:
        print(f"| workload | PyTorch {torch.__version__} (items/s) | TorchSharp (items/s) | ratio |")
        print("| --- | ---: | ---: | ---: |")
        for name, reference, ours, ratio in rows:
            print(f"| {name} | {reference:,.0f} | {ours:,.0f} | {ratio:.2f}x |")
    return 0


if __name__ == "__main__":
    sys.exit(main())

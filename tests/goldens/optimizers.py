"""Optimizers and learning-rate schedulers over 20 steps on one small fixed problem.

The problem (the C# test builds the same one from the file): parameters w (2x3) and b (2), data
x (6x3) and y (6x2), all float32, loss = ((x @ w.T + b - y) ** 2).mean(). Every step is zero_grad, loss, backward,
gradient clipping when the case has it, optimizer.step(), then scheduler.step() when the case has
one (ReduceLROnPlateau: step(loss)). The file
holds the starting w, b, x, y and, after every step, the loss that step computed, w and b,
and the learning rate of the first parameter group.
"""

import torch

from golden import encode, rng_for, write_json

STEPS = 20
SECTION = "optimizers"


def problem(name):
    rng = rng_for(SECTION, name)
    make = lambda *shape: torch.tensor(rng.standard_normal(shape), dtype=torch.float32)  # noqa: E731
    return make(2, 3), make(2), make(6, 3), make(6, 2)


def run(name, make_optimizer, make_scheduler=None, clip=None):
    w0, b0, x, y = problem(name)
    w, b = w0.clone().requires_grad_(), b0.clone().requires_grad_()
    optimizer = make_optimizer([w, b])
    scheduler = make_scheduler(optimizer) if make_scheduler else None
    steps = []
    for _ in range(STEPS):
        optimizer.zero_grad()
        loss = ((x @ w.T + b - y) ** 2).mean()
        loss.backward()
        if clip:
            clip([w, b])
        optimizer.step()
        if isinstance(scheduler, torch.optim.lr_scheduler.ReduceLROnPlateau):
            scheduler.step(loss.item())
        elif scheduler:
            scheduler.step()
        # plain value lists (float32, the shapes of w and b) keep the 400 snapshots small
        steps.append({"loss": encode(loss)["data"], "w": encode(w)["data"], "b": encode(b)["data"],
                      "lr": optimizer.param_groups[0]["lr"]})
    return {"name": name, "w": encode(w0), "b": encode(b0), "x": encode(x), "y": encode(y), "steps": steps}


def cases():
    optim, sched, utils = torch.optim, torch.optim.lr_scheduler, torch.nn.utils
    yield "sgd", lambda p: optim.SGD(p, lr=0.1)
    yield "sgd_momentum", lambda p: optim.SGD(p, lr=0.05, momentum=0.9)
    yield "sgd_momentum_dampening", lambda p: optim.SGD(p, lr=0.05, momentum=0.9, dampening=0.3)
    yield "sgd_nesterov", lambda p: optim.SGD(p, lr=0.05, momentum=0.9, nesterov=True)
    yield "sgd_weight_decay", lambda p: optim.SGD(p, lr=0.1, momentum=0.5, weight_decay=0.01)
    yield "sgd_maximize", lambda p: optim.SGD(p, lr=0.01, maximize=True)
    yield "sgd_param_groups", lambda p: optim.SGD([{"params": [p[0]]}, {"params": [p[1]], "lr": 0.01}], lr=0.1, momentum=0.9)
    yield "adam", lambda p: optim.Adam(p, lr=0.01)
    yield "adam_betas", lambda p: optim.Adam(p, lr=0.02, betas=(0.8, 0.95), eps=1e-6)
    yield "adam_weight_decay", lambda p: optim.Adam(p, lr=0.01, weight_decay=0.1)
    yield "adam_amsgrad", lambda p: optim.Adam(p, lr=0.05, amsgrad=True)
    yield "adam_maximize", lambda p: optim.Adam(p, lr=0.01, maximize=True)
    yield "adam_param_groups", lambda p: optim.Adam([{"params": [p[0]], "lr": 0.05}, {"params": [p[1]]}], lr=0.01)
    yield "adamw", lambda p: optim.AdamW(p, lr=0.01)
    yield "adamw_weight_decay", lambda p: optim.AdamW(p, lr=0.02, weight_decay=0.1)
    yield "adamw_amsgrad", lambda p: optim.AdamW(p, lr=0.05, weight_decay=0.05, amsgrad=True)
    yield "sgd_step_lr", lambda p: optim.SGD(p, lr=0.1, momentum=0.9), lambda o: sched.StepLR(o, step_size=5, gamma=0.5)
    yield "sgd_exponential_lr", lambda p: optim.SGD(p, lr=0.1), lambda o: sched.ExponentialLR(o, gamma=0.9)
    yield "adam_cosine_lr", lambda p: optim.Adam(p, lr=0.05), lambda o: sched.CosineAnnealingLR(o, T_max=10, eta_min=0.001)
    yield "sgd_clip_grad_norm", lambda p: optim.SGD(p, lr=0.1, momentum=0.9), None, lambda p: utils.clip_grad_norm_(p, 0.5)
    yield "adam_clip_grad_value", lambda p: optim.Adam(p, lr=0.05), None, lambda p: utils.clip_grad_value_(p, 0.2)
    # mode "max" on a falling loss: every step is "bad", so the rate halves after each patience run
    yield "sgd_reduce_on_plateau", lambda p: optim.SGD(p, lr=0.1), lambda o: sched.ReduceLROnPlateau(o, mode="max", factor=0.5, patience=2)


def write(directory):
    results = [run(*case) for case in cases()]
    write_json(directory / f"{SECTION}.json", SECTION, results)
    return len(results)

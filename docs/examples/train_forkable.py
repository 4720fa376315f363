#!/usr/bin/env python3
"""A small PyTorch training that Forkscope can fork and start again from a
checkpoint (CPU, a few seconds, generated data).

Train it:

    python3 docs/examples/train_forkable.py --project forkable

It logs "loss" and "lr" at every step and saves the model and optimizer
with torch.save every `checkpoint_every` steps, registering each file with
run.log_checkpoint. Fork it at a checkpoint step with another learning rate
and start the fork's training in one go:

    forkscope-cli fork <run>?_step=29 --set lr=0.02 --launch

The started process gets FORKSCOPE_RUN_ID, so forkscope.init() below attaches
to the fork: run.config holds the fork's config (lr 0.02) and
run.resume_checkpoint the checkpoint at the fork step. The script loads
those weights and that optimizer state and goes on at the fork step + 1,
so the fork's loss continues the source's curve instead of starting over.

Each step's batch depends only on the step, and the loss logged at step s
is the one before that step's update: a fork at a checkpoint step therefore
logs exactly the loss its source logged at the next step, whatever lr it
was given; the lr shows from the step after.
"""

import argparse
import os
import sys

import torch

import forkscope

DEFAULTS = {"lr": 0.05, "steps": 60, "checkpoint_every": 10, "batch": 32, "hidden": 16, "seed": 0}
FEATURES = 8
SAMPLES = 1024


def make_data(seed):
    """A fixed regression problem: y = tanh(x · w) + noise."""
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(SAMPLES, FEATURES, generator=g)
    w = torch.randn(FEATURES, 1, generator=g)
    y = torch.tanh(x @ w) + 0.05 * torch.randn(SAMPLES, 1, generator=g)
    return x, y


def make_model(hidden, seed):
    torch.manual_seed(seed)
    return torch.nn.Sequential(torch.nn.Linear(FEATURES, hidden), torch.nn.Tanh(), torch.nn.Linear(hidden, 1))


def batch_at(step, size, seed):
    """The same batch at the same step in every run, source or fork."""
    g = torch.Generator().manual_seed(seed * 100003 + step)
    return torch.randint(0, SAMPLES, (size,), generator=g)


def train_step(model, optimizer, x, y, step, config):
    """One update; returns the loss before it."""
    index = batch_at(step, config["batch"], config["seed"])
    loss = torch.nn.functional.mse_loss(model(x[index]), y[index])
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return loss.item()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--project", default="forkable")
    parser.add_argument("--checkpoints", default="checkpoints", help="folder for the saved weights")
    args = parser.parse_args()

    run = forkscope.init(project=args.project, config=DEFAULTS)
    config = {key: run.config.get(key, value) for key, value in DEFAULTS.items()}
    x, y = make_data(config["seed"])
    model = make_model(config["hidden"], config["seed"])
    optimizer = torch.optim.SGD(model.parameters(), lr=config["lr"], momentum=0.9)

    first = 0
    resume = run.resume_checkpoint
    if resume is not None:
        state = torch.load(resume.path)
        model.load_state_dict(state["model"])
        optimizer.load_state_dict(state["optimizer"])
        for group in optimizer.param_groups:
            group["lr"] = config["lr"]  # the fork's config, not the checkpoint's
        first = run.step  # the fork step + 1
        # The nearest checkpoint may lie before the fork step: redo the steps
        # in between (same batches), without logging them again.
        for step in range(resume.step + 1, first):
            train_step(model, optimizer, x, y, step, config)
        print(f"resumed from {resume.path} (step {resume.step}) at step {first} with lr {config['lr']}", flush=True)

    folder = os.path.abspath(args.checkpoints)
    os.makedirs(folder, exist_ok=True)
    for step in range(first, config["steps"]):
        loss = train_step(model, optimizer, x, y, step, config)
        run.log({"loss": loss, "lr": config["lr"]}, step=step)
        if (step + 1) % config["checkpoint_every"] == 0 or step + 1 == config["steps"]:
            path = os.path.join(folder, f"{run.id}-step{step}.pt")
            torch.save({"model": model.state_dict(), "optimizer": optimizer.state_dict(), "step": step}, path)
            run.log_checkpoint(path, step=step)
            print(f"step {step}: loss {loss:.5f}, saved {path}", flush=True)
    run.finish()
    return 0


if __name__ == "__main__":
    sys.exit(main())

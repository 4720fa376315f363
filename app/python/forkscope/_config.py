"""run.config: attribute and item access; every change is stored at once."""

import argparse


def _as_dict(values):
    if values is None:
        return {}
    if isinstance(values, dict):
        return values
    if isinstance(values, argparse.Namespace):
        return vars(values)
    if hasattr(values, "keys"):
        return {key: values[key] for key in values.keys()}
    raise TypeError(
        f"config takes a dict, an argparse.Namespace or a mapping; got {type(values).__name__}")


class Config:
    """The run's config as W&B's `run.config`: `config.lr`, `config["lr"]`,
    `config.update({...})`. Values are stored as JSON (NumPy scalars become
    numbers)."""

    def __init__(self, run, values):
        object.__setattr__(self, "_run", run)
        object.__setattr__(self, "_values", dict(values))

    def update(self, values=None, allow_val_change=None, **more):
        """Merges `values` (and keyword arguments) into the config. W&B
        refuses changing a value without allow_val_change; Forkscope allows it."""
        merged = dict(self._values)
        merged.update(_as_dict(values))
        merged.update(more)
        self._store(merged)

    def setdefaults(self, values):
        """Adds the keys of `values` that the config does not have yet."""
        merged = dict(_as_dict(values))
        merged.update(self._values)
        self._store(merged)

    def _store(self, merged):
        run = self._run
        run._set_config(merged)
        object.__setattr__(self, "_values", run._stored_config())

    def as_dict(self):
        return dict(self._values)

    def keys(self):
        return self._values.keys()

    def items(self):
        return self._values.items()

    def values(self):
        return self._values.values()

    def get(self, key, default=None):
        return self._values.get(key, default)

    def __getattr__(self, key):
        if key in ("_run", "_values") or key.startswith("__"):
            raise AttributeError(key)   # not set up yet (copy, pickle)
        try:
            return self._values[key]
        except KeyError:
            raise AttributeError(f"config has no key {key!r}; its keys are: {sorted(self._values)}") from None

    def __setattr__(self, key, value):
        self.update({key: value})

    def __getitem__(self, key):
        return self._values[key]

    def __setitem__(self, key, value):
        self.update({key: value})

    def __contains__(self, key):
        return key in self._values

    def __iter__(self):
        return iter(self._values)

    def __len__(self):
        return len(self._values)

    def __eq__(self, other):
        return self._values == (other._values if isinstance(other, Config) else other)

    def __repr__(self):
        return f"Config({self._values!r})"

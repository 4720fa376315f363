"""run.summary: the last logged value per key, unless set explicitly."""

from collections.abc import Mapping


class Summary(Mapping):
    """Reads flush what is buffered and return the stored summary; writes
    (`summary["best"] = x`, `summary.update({...})`) win over logged values."""

    def __init__(self, run):
        object.__setattr__(self, "_run", run)

    def _read(self):
        return self._run._stored_summary()

    def __getitem__(self, key):
        return self._read()[key]

    def __setitem__(self, key, value):
        if not isinstance(key, str):
            raise TypeError(f"summary keys must be str; got {key!r} of type {type(key).__name__}")
        self._run._set_summary(key, value)

    def update(self, values=None, **more):
        for key, value in dict(values or {}, **more).items():
            self[key] = value

    def __getattr__(self, key):
        if key in ("_run",) or key.startswith("__"):
            raise AttributeError(key)   # not set up yet (copy, pickle)
        try:
            return self._read()[key]
        except KeyError:
            raise AttributeError(f"summary has no key {key!r}") from None

    def __setattr__(self, key, value):
        self[key] = value

    def __iter__(self):
        return iter(self._read())

    def __len__(self):
        return len(self._read())

    def __repr__(self):
        return f"Summary({self._read()!r})"

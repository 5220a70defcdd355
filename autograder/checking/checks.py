"""Reusable checks that suites compose: unchanged inputs, gradient checks."""

from __future__ import annotations

import numpy as np

from .compare import Failure, describe_value


def assert_unchanged(before, after, names, mistake=None):
    """Fail if any input array came back from the worker modified.

    ``before`` and ``after`` are sequences of the arguments as sent and as the
    worker holds them after the call; ``names`` names them for the message.
    """
    for name, b, a in zip(names, before, after):
        if isinstance(b, dict):
            assert_unchanged(list(b.values()), [a.get(k) for k in b] if isinstance(a, dict) else [None] * len(b),
                             [f"{name}[{k!r}]" for k in b], mistake)
            continue
        if not isinstance(b, np.ndarray):
            continue
        if not isinstance(a, np.ndarray) or a.shape != b.shape or not np.array_equal(a, b, equal_nan=True):
            raise Failure(f"your function modified its input {name} in place; compute new arrays "
                          f"instead (work on a copy)." + ("" if isinstance(a, np.ndarray)
                                                          else f" It became {describe_value(a)}."),
                          mistake=mistake)


def directional_check(loss, analytic, h, *, what="the gradients", scale=1.0, rtol=1e-2):
    """Compare an analytic directional derivative with central differences.

    ``loss(t)`` evaluates the scalar objective at ``theta + t * v`` (through the
    student's own forward pass) and ``analytic`` is ``<grad, v>`` from the
    student's backward pass. Checking one random direction per case costs two
    forward calls instead of two per coordinate. The tolerance is relative to
    ``scale``, the size of the terms summed in the derivative.
    """
    fd = (loss(h) - loss(-h)) / (2 * h)
    if not np.isfinite(analytic) or abs(fd - analytic) > rtol * (abs(fd) + scale) + 1e-12:
        raise Failure(
            f"{what} disagree with finite differences of your own forward pass: along a random "
            f"direction the derivative from your backward pass is {analytic:.6g}, but central "
            f"differences (step {h:g}) give {fd:.6g}.")


def dot(grads, direction) -> float:
    """Sum of elementwise products over matching lists of arrays."""
    return float(sum(np.sum(np.asarray(g, dtype=np.float64) * d) for g, d in zip(grads, direction)))


def assert_draws_from_rng(run, seed, *, function, results, source, equal=None, same_mistake=None):
    """Fail unless ``run(seed)`` (a call given a new generator seeded with ``seed``) depends on its
    generator and on nothing else: two calls with the same seed agree, and seed + 1 differs.

    ``results`` names the results in the plural ("matrices"), ``source`` what should come from
    the generator ("the mask"); ``equal`` compares two results (default: exact array equality);
    ``same_mistake(result)`` names the mistake when seed + 1 changes nothing (default
    ``rng_ignored``).
    """
    equal = equal or (lambda a, b: np.array_equal(a, b))
    a, b = run(seed), run(seed)
    if not equal(a, b):
        raise Failure(f"two calls of {function} with new generators seeded with {seed} gave "
                      f"different {results}: {source} does not come from rng.",
                      mistake="global_numpy_random")
    c = run(seed + 1)
    if equal(a, c):
        mistake = same_mistake(a) if same_mistake else "rng_ignored"
        raise Failure(f"generators seeded with {seed} and {seed + 1} gave the same {results}: "
                      f"{function} does not draw from its rng argument.", mistake=mistake)

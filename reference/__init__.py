"""Reference implementations used by the hidden suites.

Every function casts its inputs to float64, never writes into them, and has no
cache: backward functions take the forward inputs again. One module per unit.
"""

from . import activations, cnn, detection, face, layers, losses, metrics, mlp, normalization, optim, rnn

__all__ = [
    "activations",
    "cnn",
    "detection",
    "face",
    "layers",
    "losses",
    "metrics",
    "mlp",
    "normalization",
    "optim",
    "rnn",
]

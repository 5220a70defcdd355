"""Unit `activations`: the softmax function.

Course: seed 003 §5.1 Softmax Function and §5.2 Numerical RoundOff Error;
seed 001 §2.1.1 Basic Principles of Neural Networks.
"""
import numpy as np


def softmax(x, axis=-1):
    """Softmax along one axis, computed without overflow.

    Along the chosen axis every slice z is turned into a probability
    distribution: entry k becomes exp(z_k) divided by the sum of exp(z_j)
    over the slice. Subtracting the largest entry of each slice from that
    slice first leaves the result unchanged (the common factor cancels) and
    keeps every exponent <= 0, so nothing overflows even for logits of
    magnitude 1e4.

    Inputs:
    - x: array of any shape with at least one dimension, float32 or float64
      (sizes of 1 and of 0 are allowed in any dimension).
    - axis: int, the axis to normalise along; negative values count from
      the end as usual (default -1, the last axis).

    Returns:
    - out: float array of the same shape as x; every slice along `axis` is
      non-negative and sums to 1.

    Edge cases: an empty x gives an empty float array of the same shape.
    Shift the maximum per slice, not the maximum of the whole array (a
    slice far below the global maximum would underflow to 0 / 0). The input
    must not be modified.

    Course: seed 003 §5.1 Softmax Function, §5.2 Numerical RoundOff Error.
    """
    # Hint: np.max and np.sum take axis= and keepdims=True.
    ### BEGIN SOLUTION
    x = np.asarray(x, dtype=np.float64)
    if x.size == 0:
        return np.zeros(x.shape, dtype=np.float64)
    shifted = x - np.max(x, axis=axis, keepdims=True)
    e = np.exp(shifted)
    return e / np.sum(e, axis=axis, keepdims=True)
    ### END SOLUTION

"""Unit `losses`: the softmax cross-entropy loss on logits.

Course: seed 003 §5.1 Softmax Function (sparse categorical cross entropy)
and §5.2 Numerical RoundOff Error (why the loss takes logits).
"""
import numpy as np


def cross_entropy(logits, labels):
    """Mean softmax cross-entropy of a batch, computed from logits.

    For sample i with logits z (one row) and true class y, the loss is
    -log of the softmax probability of class y, which equals
    log(sum_j exp(z_j)) - z_y. The log of the sum of exponentials is
    computed stably by factoring out the row maximum c:
    log(sum_j exp(z_j)) = c + log(sum_j exp(z_j - c)).
    The result is the mean of the per-sample losses over the batch.

    Inputs:
    - logits: array of shape (N, C), float32 or float64, N >= 1, C >= 1;
      unnormalised class scores.
    - labels: integer array of shape (N,) with values in [0, C); the true
      class of each sample.

    Returns:
    - loss: a Python float, >= 0.

    Edge cases: must be finite for any finite logits, however large
    (never take the log of a probability that may have underflowed to 0,
    and do not clip it either). With C == 1 the loss is 0. The inputs must
    not be modified.

    Course: seed 003 §5.1 Softmax Function, §5.2 Numerical RoundOff Error.
    """
    ### BEGIN SOLUTION
    logits = np.asarray(logits, dtype=np.float64)
    labels = np.asarray(labels, dtype=np.int64)
    N = logits.shape[0]
    row_max = np.max(logits, axis=1, keepdims=True)
    shifted = logits - row_max
    log_norm = np.log(np.sum(np.exp(shifted), axis=1))
    true_scores = shifted[np.arange(N), labels]
    return float(np.mean(log_norm - true_scores))
    ### END SOLUTION

# GENERATED FILE - do not edit by hand.
# Generated from solutions/losses.py by `dlgrade stubs`: edit the solution
# and run `dlgrade stubs` from the repository root to regenerate it.
"""Unit `losses`: regression and classification losses and their gradients.

Every loss returns one float, the MEAN over all entries (regression losses,
binary cross-entropy) or over the batch (cross-entropy, focal loss); every
`<loss>_grad` returns the gradient of that float with respect to the loss's
first argument, an array of that argument's shape.

Course: seed 001 §2.1.4 Loss Functions and Evaluation Metrics; seed 003
§5.1 Softmax Function (sparse categorical cross entropy) and §5.2 Numerical
RoundOff Error (why classification losses take logits).
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
    raise NotImplementedError("Implement this function: replace this line with your code.")


def cross_entropy_grad(logits, labels):
    """Gradient of `cross_entropy` (the batch mean) with respect to the logits.

    With s = softmax of a row of logits and y its label, the derivative of
    that sample's loss log(sum_j exp(z_j)) - z_y with respect to z_k is
    s_k - [k == y]. The batch loss is the mean over the N samples, so every
    row of the gradient is also divided by N:
    grad[i] = (softmax(logits[i]) - onehot(labels[i])) / N.

    Inputs:
    - logits: array of shape (N, C), float32 or float64, N >= 1, C >= 1.
    - labels: integer array of shape (N,) with values in [0, C).

    Returns:
    - grad: float array of shape (N, C). Every row sums to 0; the entry of
      the true class lies in [-1/N, 0], the others in [0, 1/N].

    Edge cases: finite for any finite logits (compute the softmax with the
    row maximum subtracted: logits of 1e4 must not overflow). With C == 1
    the gradient is all zeros. The inputs must not be modified.

    Course: seed 003 §5.1 Softmax Function, §5.2 Numerical RoundOff Error;
    seed 002 (backpropagation).
    """
    # Hint: build the softmax first, then subtract 1 at [np.arange(N), labels].
    raise NotImplementedError("Implement this function: replace this line with your code.")


def mse(pred, target):
    """Mean squared error between predictions and targets.

    The residual r = pred - target is squared entry by entry and the squares
    are averaged over ALL entries (not summed, and not averaged over the
    first axis only): mse = (1/n) * sum of r**2, n = pred.size.

    Inputs:
    - pred: array of any shape (1-d, 2-d, 3-d, ...), size >= 1, float32 or
      float64; the predictions.
    - target: array of the same shape and dtype kind; the true values.

    Returns:
    - loss: a Python float, >= 0; 0 exactly when pred equals target.

    Edge cases: a single entry is allowed (size 1). The inputs must not be
    modified.

    Course: seed 001 §2.1.4 Loss Functions and Evaluation Metrics.
    """
    raise NotImplementedError("Implement this function: replace this line with your code.")


def mse_grad(pred, target):
    """Gradient of `mse` with respect to pred.

    Each entry contributes r_i**2 / n to the loss (r = pred - target,
    n = pred.size), so d mse / d pred_i = 2 * r_i / n.

    Inputs:
    - pred: array of any shape, size >= 1, float32 or float64.
    - target: array of the same shape.

    Returns:
    - grad: float array of pred's shape, 2 * (pred - target) / pred.size.

    Edge cases: all zeros when pred equals target. The inputs must not be
    modified.

    Course: seed 001 §2.1.4 Loss Functions; seed 002 (backpropagation).
    """
    raise NotImplementedError("Implement this function: replace this line with your code.")


def mae(pred, target):
    """Mean absolute error between predictions and targets.

    mae = (1/n) * sum of |pred_i - target_i| over all n = pred.size entries.
    Less sensitive to outliers than the squared error: a residual ten times
    larger costs ten times more, not a hundred.

    Inputs:
    - pred: array of any shape, size >= 1, float32 or float64.
    - target: array of the same shape.

    Returns:
    - loss: a Python float, >= 0; 0 exactly when pred equals target.

    Edge cases: the inputs must not be modified.

    Course: seed 001 §2.1.4 Loss Functions and Evaluation Metrics.
    """
    raise NotImplementedError("Implement this function: replace this line with your code.")


def mae_grad(pred, target):
    """Gradient of `mae` with respect to pred.

    |r| has slope +1 for r > 0 and -1 for r < 0; at r = 0 it has no
    derivative and the convention (torch's, and np.sign's) is 0. So
    grad_i = sign(pred_i - target_i) / n with n = pred.size.

    Inputs:
    - pred: array of any shape, size >= 1, float32 or float64.
    - target: array of the same shape.

    Returns:
    - grad: float array of pred's shape whose entries are -1/n, 0 or 1/n.

    Edge cases: exactly 0 wherever pred equals target. The inputs must not
    be modified.

    Course: seed 001 §2.1.4 Loss Functions; seed 002 (backpropagation).
    """
    raise NotImplementedError("Implement this function: replace this line with your code.")


def huber(pred, target, delta=1.0):
    """Huber loss: squared error for small residuals, absolute error for large.

    With r = pred - target, each entry costs 0.5 * r**2 when |r| <= delta and
    delta * (|r| - 0.5 * delta) otherwise. The two pieces meet with equal
    value and slope at |r| = delta, so the loss is smooth there; the result
    is the mean over all entries (torch.nn.functional.huber_loss). Not to be
    confused with torch's smooth_l1_loss, which is this divided by delta.

    Inputs:
    - pred: array of any shape, size >= 1, float32 or float64.
    - target: array of the same shape.
    - delta: float > 0; where the quadratic piece ends.

    Returns:
    - loss: a Python float, >= 0; 0 when pred equals target.

    Edge cases: delta larger than every |r| gives half the mean squared
    error. The inputs must not be modified.

    Course: seed 001 §2.1.4 Loss Functions and Evaluation Metrics.
    """
    # Hint: np.where(condition, a, b) picks a or b entry by entry.
    raise NotImplementedError("Implement this function: replace this line with your code.")


def huber_grad(pred, target, delta=1.0):
    """Gradient of `huber` with respect to pred.

    The derivative of an entry's cost is r where |r| <= delta and
    delta * sign(r) beyond, that is r clipped to [-delta, delta]; dividing
    by n = pred.size accounts for the mean.

    Inputs:
    - pred: array of any shape, size >= 1, float32 or float64.
    - target: array of the same shape.
    - delta: float > 0.

    Returns:
    - grad: float array of pred's shape, clip(pred - target, -delta, delta)
      / pred.size.

    Edge cases: 0 where pred equals target. The inputs must not be modified.

    Course: seed 001 §2.1.4 Loss Functions; seed 002 (backpropagation).
    """
    raise NotImplementedError("Implement this function: replace this line with your code.")


def binary_cross_entropy(probs, targets):
    """Binary cross-entropy from predicted probabilities.

    For a predicted probability p of the positive class and a target t in
    [0, 1] (1 = positive; values in between are soft labels), an entry
    costs -(t * log(p) + (1 - t) * log(1 - p)). The result is the mean over
    all entries. As in torch.nn.functional.binary_cross_entropy, each log is
    clamped below at -100, so p = 0 or p = 1 gives a finite loss: a
    completely wrong prediction costs 100, and a perfect one (p = t = 0 or
    p = t = 1) costs 0, not 0 * log(0) = nan.

    Inputs:
    - probs: array of any shape, size >= 1, float32 or float64, values in
      [0, 1] (exactly 0 and exactly 1 are allowed).
    - targets: array of the same shape, values in [0, 1].

    Returns:
    - loss: a Python float, >= 0 (and at most 100).

    Edge cases: do not add an eps inside the log or clip p to
    [eps, 1 - eps]: that changes the loss of confident predictions; clamp
    the LOG at -100 instead. The inputs must not be modified.

    Course: seed 001 §2.1.4 Loss Functions (binary cross-entropy);
    seed 003 §5.2 Numerical RoundOff Error.
    """
    # Hint: np.log(0.0) is -inf (with a warning); np.maximum(log_p, -100.0) clamps a log.
    raise NotImplementedError("Implement this function: replace this line with your code.")


def binary_cross_entropy_grad(probs, targets):
    """Gradient of `binary_cross_entropy` with respect to probs.

    The derivative of -(t log p + (1 - t) log(1 - p)) is
    -t / p + (1 - t) / (1 - p) = (p - t) / (p * (1 - p)); dividing by
    n = probs.size accounts for the mean.

    Inputs:
    - probs: array of any shape, size >= 1, float32 or float64, values
      strictly inside (0, 1) (the gradient is undefined at 0 and 1, and
      the grader never asks there).
    - targets: array of the same shape, values in [0, 1].

    Returns:
    - grad: float array of probs' shape.

    Edge cases: 0 where p equals t (for soft targets). Large (about 1/p) for
    probabilities close to 0 or 1: do not clip them. The inputs must not
    be modified.

    Course: seed 001 §2.1.4 Loss Functions; seed 002 (backpropagation).
    """
    raise NotImplementedError("Implement this function: replace this line with your code.")


def binary_cross_entropy_with_logits(logits, targets):
    """Binary cross-entropy computed from logits, without overflow.

    With p = sigmoid(z) = 1 / (1 + exp(-z)) the loss of an entry is
    -(t log p + (1 - t) log(1 - p)). Using log p = -log(1 + exp(-z)) and
    log(1 - p) = -z - log(1 + exp(-z)), it simplifies to
    max(z, 0) - z * t + log(1 + exp(-|z|)), where exp never overflows and
    log1p keeps precision when exp(-|z|) is tiny. The result is the mean
    over all entries (torch.nn.functional.binary_cross_entropy_with_logits).

    Inputs:
    - logits: array of any shape, size >= 1, float32 or float64; any finite
      values (up to 1e4 in magnitude).
    - targets: array of the same shape, values in [0, 1] (soft labels
      allowed).

    Returns:
    - loss: a Python float, >= 0.

    Edge cases: never compute sigmoid(z) and then take its log: for
    z = 40, 1 - sigmoid(z) is exactly 0 in float64 and the loss becomes
    inf, and for z = -1e4, exp(-z) overflows. A confident wrong logit of
    1e4 costs 1e4. The inputs must not be modified.

    Course: seed 001 §2.1.4 Loss Functions; seed 003 §5.2 Numerical RoundOff
    Error.
    """
    # Hint: np.log1p(np.exp(-np.abs(z))) is log(1 + exp(-|z|)) without overflow.
    raise NotImplementedError("Implement this function: replace this line with your code.")


def binary_cross_entropy_with_logits_grad(logits, targets):
    """Gradient of `binary_cross_entropy_with_logits` with respect to logits.

    The chain rule through the sigmoid cancels the 1 / (p (1 - p)) of the
    probability gradient: d/dz of an entry's loss is sigmoid(z) - t, and
    dividing by n = logits.size accounts for the mean.

    Inputs:
    - logits: array of any shape, size >= 1, float32 or float64, finite
      (up to 1e4 in magnitude).
    - targets: array of the same shape, values in [0, 1].

    Returns:
    - grad: float array of logits' shape, (sigmoid(z) - t) / logits.size;
      every entry lies in [-1/n, 1/n].

    Edge cases: finite for |z| up to 1e4 (compute sigmoid with exp(-|z|)).
    The inputs must not be modified.

    Course: seed 001 §2.1.4 Loss Functions; seed 002 (backpropagation).
    """
    raise NotImplementedError("Implement this function: replace this line with your code.")


def focal_loss(logits, labels, gamma=2.0):
    """Multi-class focal loss from logits.

    With p_t the softmax probability of sample i's true class, a sample
    costs -(1 - p_t)**gamma * log(p_t): the cross-entropy scaled down by
    the modulating factor (1 - p_t)**gamma, which is near 0 for samples
    that are already classified confidently and near 1 for hard ones, so
    training focuses on the hard samples. The result is the mean over the
    batch. gamma = 0 gives exactly `cross_entropy`; a larger gamma gives a
    smaller loss.

    Inputs:
    - logits: array of shape (N, C), float32 or float64, N >= 1, C >= 1.
    - labels: integer array of shape (N,) with values in [0, C).
    - gamma: float >= 0, the focusing parameter.

    Returns:
    - loss: a Python float, >= 0.

    Edge cases: finite for logits up to 1e4 in magnitude: take log p_t from
    the log-softmax (row maximum subtracted, log-sum-exp), never from the
    log of a probability that may have underflowed to 0, and get p_t as
    exp(log p_t). With C == 1 the loss is 0. The inputs must not be
    modified.

    Course: seed 001 §2.1.4 Loss Functions (focal loss); seed 003 §5.1-5.2.
    """
    raise NotImplementedError("Implement this function: replace this line with your code.")


def focal_loss_grad(logits, labels, gamma=2.0):
    """Gradient of `focal_loss` with respect to the logits.

    Write p = p_t, s = softmax of the row and y the label. The derivative of
    p with respect to the logit z_k is p * ([k == y] - s_k), and the
    derivative of -(1 - p)**gamma log p with respect to p is
    gamma (1 - p)**(gamma - 1) log p - (1 - p)**gamma / p. Their product
    gives, for sample i,
    grad[i, k] = (s_k - [k == y]) * ((1 - p)**gamma
                 - gamma * p * (1 - p)**(gamma - 1) * log p),
    divided by N for the batch mean. Both parts matter: the modulating
    factor depends on the logits too.

    Inputs:
    - logits: array of shape (N, C), float32 or float64, N >= 1, C >= 1.
    - labels: integer array of shape (N,) with values in [0, C).
    - gamma: float >= 0.

    Returns:
    - grad: float array of shape (N, C); every row sums to 0. At gamma = 0
      it equals `cross_entropy_grad`.

    Edge cases: finite for logits up to 1e4. When p is 1 (or rounds to 1)
    (1 - p)**(gamma - 1) may be inf for gamma < 1 while log p is 0: write
    (1 - p)**(gamma - 1) * log p as (1 - p)**gamma * (log p / (1 - p)) and
    use log p / (1 - p) -> -1 as p -> 1. The inputs must not be modified.

    Course: seed 001 §2.1.4 Loss Functions (focal loss); seed 002
    (backpropagation).
    """
    raise NotImplementedError("Implement this function: replace this line with your code.")

# GENERATED FILE - do not edit by hand.
# Generated from solutions/activations.py by `dlgrade stubs`: edit the solution
# and run `dlgrade stubs` from the repository root to regenerate it.
"""Unit `activations`: softmax and log-softmax, and the elementwise
activation functions (sigmoid, tanh, ReLU, leaky ReLU, GELU, softplus), each
as a forward pass and a backward pass.

Course: seed 003 §4 Activation Function, §5.1 Softmax Function and §5.2
Numerical RoundOff Error; seed 001 §2.1.1 Basic Principles of Neural
Networks; seed 002 (activation functions in detail); seed 004 (activation
functions, SoftPlus).
"""
import math

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
    raise NotImplementedError("Implement this function: replace this line with your code.")


def log_softmax(x, axis=-1):
    """Log-softmax along one axis: the logarithm of softmax, computed stably.

    Entry k of every slice z along `axis` becomes
        z_k - log(sum over j of exp(z_j)),
    the log of the softmax probability of k. Taking log(softmax(x)) loses
    everything below the smallest positive float (a probability of exp(-1e4)
    is stored as 0 and its log as -inf). Instead, with m the largest entry of
    the slice, use log(sum_j exp(z_j)) = m + log(sum_j exp(z_j - m)): every
    exponent is then <= 0 and the largest term is exactly 1, so the sum lies
    in [1, n] and its log is finite.

    Inputs:
    - x: array of any shape with at least one dimension, float32 or float64
      (sizes of 1 and of 0 are allowed in any dimension other than `axis`;
      the axis normalised over has length >= 1).
    - axis: int, the axis to normalise along; negative values count from
      the end (default -1, the last axis).

    Returns:
    - out: float array of x's shape; every entry is <= 0, exp(out) sums to
      1 along `axis`, and x - out is constant along `axis`.

    Edge cases: finite for logits of magnitude up to 1e4, including slices
    whose entries are 2e4 apart (out is then about -2e4, not -inf). An empty
    x gives an empty float array of the same shape. The input must not be
    modified.

    Course: seed 003 §5.1 Softmax Function, §5.2 Numerical RoundOff Error.
    """
    # Hint: shift by the max along the axis (keepdims=True), then subtract the log of the sum of
    # the exponentials of the shifted values.
    raise NotImplementedError("Implement this function: replace this line with your code.")


# ---------------------------------------------------------------------------
# Elementwise activations. Each one is a pair:
#   <name>_forward(x, ...) -> (out, cache)   out = f(x), entry by entry
#   <name>_backward(dout, cache) -> dx       dx = dout * f'(x), entry by entry
# dout is the upstream gradient dL/dout, so dx is the gradient of
# L = sum(out * dout) with respect to x. The cache is your own object: the
# grader hands it from the forward to the backward untouched, so put in it
# whatever the backward needs (x, out, alpha...).
# ---------------------------------------------------------------------------


def sigmoid_forward(x):
    """Sigmoid (logistic) activation, forward pass, without overflow.

    sigmoid(x) = 1 / (1 + exp(-x)), a number in [0, 1] (exactly 0 or 1 once
    it rounds there). Written as it stands, exp(-x) overflows for x below
    about -709 (-88 in float32), with a warning, and the variant
    exp(x) / (1 + exp(x)) turns into inf / inf = nan for large positive x.
    Use a form whose exponent is never positive: with z = exp(-|x|),
        sigmoid(x) = 1 / (1 + z)   where x >= 0,
        sigmoid(x) = z / (1 + z)   where x < 0.

    Inputs:
    - x: array of any shape with at least one dimension (sizes 0 and 1
      allowed), float32 or float64.

    Returns a tuple (out, cache):
    - out: float array of x's shape, entries in [0, 1].
    - cache: whatever sigmoid_backward needs (out itself is enough).

    Edge cases: finite (no nan, no inf) for |x| up to 1e4 in float32 and
    float64; sigmoid(0) = 0.5. The input must not be modified.

    Course: seed 001 §2.1.1 (activation functions); seed 003 §4 Activation
    Function; seed 002 (Sigmoid: saturation and vanishing gradients).
    """
    # Hint: np.where(x >= 0, ..., ...) chooses a branch per entry; z = np.exp(-np.abs(x)) never
    # overflows.
    raise NotImplementedError("Implement this function: replace this line with your code.")


def sigmoid_backward(dout, cache):
    """Sigmoid, backward pass.

    With s = sigmoid(x), the derivative is s * (1 - s), so
        dx = dout * s * (1 - s)   (entry by entry).
    It is largest (1/4) at x = 0 and vanishes as |x| grows: a saturated
    sigmoid passes almost no gradient back.

    Inputs:
    - dout: float array of x's shape (float32 or float64), the upstream
      gradient.
    - cache: what sigmoid_forward returned with the output.

    Returns:
    - dx: float array of x's shape, the gradient of sum(out * dout).

    Edge cases: finite for |x| up to 1e4 (there dx is 0); empty arrays give
    empty arrays. dout and the cache must not be modified.

    Course: seed 001 §2.1.1; seed 002 (the derivative of Sigmoid); seed 003
    §3 Backward Propagation.
    """
    raise NotImplementedError("Implement this function: replace this line with your code.")


def tanh_forward(x):
    """Hyperbolic tangent activation, forward pass.

    tanh(x) = (exp(x) - exp(-x)) / (exp(x) + exp(-x)), an odd function with
    values in [-1, 1] (a zero-centred, rescaled sigmoid: tanh(x) =
    2 sigmoid(2x) - 1). The formula with exponentials overflows to
    inf / inf = nan for |x| above about 710 (89 in float32); np.tanh is
    accurate everywhere and may be used.

    Inputs:
    - x: array of any shape with at least one dimension (sizes 0 and 1
      allowed), float32 or float64.

    Returns a tuple (out, cache):
    - out: float array of x's shape, entries in [-1, 1].
    - cache: whatever tanh_backward needs (out itself is enough).

    Edge cases: finite for |x| up to 1e4. The input must not be modified.

    Course: seed 001 §2.1.1 (activation functions); seed 003 §4; seed 004
    (Tanh).
    """
    raise NotImplementedError("Implement this function: replace this line with your code.")


def tanh_backward(dout, cache):
    """Tanh, backward pass.

    The derivative of tanh is 1 - tanh(x)**2, so with out = tanh(x)
        dx = dout * (1 - out**2)   (entry by entry).
    Note that it is 1 - out**2, a function of the OUTPUT: 1 - x**2 is not
    the derivative.

    Inputs:
    - dout: float array of x's shape (float32 or float64).
    - cache: what tanh_forward returned with the output.

    Returns:
    - dx: float array of x's shape, the gradient of sum(out * dout).

    Edge cases: dx is between 0 and dout (1 at x = 0, vanishing for large
    |x|). dout and the cache must not be modified.

    Course: seed 001 §2.1.1; seed 003 §3 Backward Propagation.
    """
    raise NotImplementedError("Implement this function: replace this line with your code.")


def relu_forward(x):
    """ReLU (rectified linear unit) activation, forward pass.

    relu(x) = max(x, 0) entry by entry: positive entries pass unchanged,
    every other entry becomes 0.

    Inputs:
    - x: array of any shape with at least one dimension (sizes 0 and 1
      allowed), float32 or float64.

    Returns a tuple (out, cache):
    - out: float array of x's shape.
    - cache: whatever relu_backward needs (x, for instance).

    Edge cases: relu(0) = 0. np.maximum (elementwise) is not np.max (a
    reduction along an axis). The input must not be modified: do not write
    x[x < 0] = 0 into the caller's array.

    Course: seed 001 §2.1.1 (activation functions); seed 003 §4 (ReLU);
    seed 002 (ReLU and variants).
    """
    raise NotImplementedError("Implement this function: replace this line with your code.")


def relu_backward(dout, cache):
    """ReLU, backward pass.

    The derivative of max(x, 0) is 1 where x > 0 and 0 where x < 0; at the
    kink x == 0 we use 0 (as torch does). So
        dx = dout   where x > 0,
        dx = 0      where x <= 0.

    Inputs:
    - dout: float array of x's shape (float32 or float64).
    - cache: what relu_forward returned with the output.

    Returns:
    - dx: float array of x's shape, the gradient of sum(out * dout).

    Edge cases: dx is exactly 0 where x == 0. The mask comes from x (or
    from out > 0), never from dout. dout and the cache must not be modified
    (no dout[x <= 0] = 0 on the caller's array).

    Course: seed 001 §2.1.1; seed 002 (derivative of ReLU); seed 003 §3.
    """
    raise NotImplementedError("Implement this function: replace this line with your code.")


def leaky_relu_forward(x, alpha=0.01):
    """Leaky ReLU activation, forward pass.

    leaky_relu(x) = x where x > 0, alpha * x where x <= 0: negative entries
    keep a small slope alpha instead of being cut to 0, so their gradient
    never dies completely.

    Inputs:
    - x: array of any shape with at least one dimension (sizes 0 and 1
      allowed), float32 or float64.
    - alpha: float, 0 <= alpha < 1, the slope for negative inputs (default
      0.01). Use the value passed in.

    Returns a tuple (out, cache):
    - out: float array of x's shape.
    - cache: whatever leaky_relu_backward needs (x and alpha, for instance).

    Edge cases: leaky_relu(0) = 0; alpha = 0 gives the ReLU. The input must
    not be modified.

    Course: seed 001 §2.1.1 (Leaky ReLU, alpha typically 0.01); seed 002
    (ReLU and variants).
    """
    raise NotImplementedError("Implement this function: replace this line with your code.")


def leaky_relu_backward(dout, cache):
    """Leaky ReLU, backward pass.

    The slope is 1 where x > 0 and alpha where x <= 0 (alpha at the kink
    x == 0, as torch does), so
        dx = dout           where x > 0,
        dx = alpha * dout   where x <= 0.

    Inputs:
    - dout: float array of x's shape (float32 or float64).
    - cache: what leaky_relu_forward returned with the output; it must
      remember the alpha the forward pass was called with.

    Returns:
    - dx: float array of x's shape, the gradient of sum(out * dout).

    Edge cases: dx = alpha * dout where x == 0. dout and the cache must not
    be modified.

    Course: seed 001 §2.1.1; seed 003 §3 Backward Propagation.
    """
    raise NotImplementedError("Implement this function: replace this line with your code.")


def gelu_forward(x):
    """GELU (Gaussian error linear unit) activation, forward pass, exact form.

    gelu(x) = x * Phi(x), where Phi is the cumulative distribution function
    of the standard normal distribution:
        Phi(x) = (1 + erf(x / sqrt(2))) / 2.
    This is the exact GELU (torch's default), NOT the tanh approximation
    0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x**3))) nor x * sigmoid(1.702 x):
    both differ from it by more than the grader's tolerance. numpy has no
    erf; math.erf applied entry by entry (np.vectorize(math.erf)) is fine.

    Inputs:
    - x: array of any shape with at least one dimension (sizes 0 and 1
      allowed), float32 or float64.

    Returns a tuple (out, cache):
    - out: float array of x's shape; gelu(x) lies between 0 and x, and
      gelu(x) - gelu(-x) = x.
    - cache: whatever gelu_backward needs (x, for instance).

    Edge cases: finite for |x| up to 1e4 (gelu(x) is then x or 0). The
    input must not be modified.

    Course: seed 001 §2.1.1 (GELU, used in Transformers).
    """
    # Hint: math.erf takes one number; np.vectorize(math.erf, otypes=[np.float64]) applies it to
    # every entry of an array (an empty one too).
    raise NotImplementedError("Implement this function: replace this line with your code.")


def gelu_backward(dout, cache):
    """GELU, backward pass.

    By the product rule, the derivative of x * Phi(x) is
        Phi(x) + x * phi(x),   phi(x) = exp(-x**2 / 2) / sqrt(2 pi)
    (phi is the standard normal density, the derivative of Phi), so
    dx = dout * (Phi(x) + x * phi(x)). Unlike ReLU's, this slope dips below
    0 (about -0.13 near x = -1.4) and exceeds 1 (about 1.13 near x = 1.4).

    Inputs:
    - dout: float array of x's shape (float32 or float64).
    - cache: what gelu_forward returned with the output.

    Returns:
    - dx: float array of x's shape, the gradient of sum(out * dout).

    Edge cases: finite for |x| up to 1e4. dout and the cache must not be
    modified.

    Course: seed 001 §2.1.1; seed 003 §3 Backward Propagation.
    """
    raise NotImplementedError("Implement this function: replace this line with your code.")


def softplus_forward(x):
    """Softplus activation, forward pass, stable form.

    softplus(x) = log(1 + exp(x)), a smooth ReLU (its derivative is the
    sigmoid). Two numerical traps:
    - exp(x) overflows for x above about 709 (88 in float32): the result
      becomes inf although softplus(x) is about x;
    - for very negative x, 1 + exp(x) rounds to exactly 1 (exp(x) < 1e-16),
      so the log gives 0 although softplus(x) is about exp(x) > 0.
    Both vanish with softplus(x) = max(x, 0) + log1p(exp(-|x|)): the
    exponent is never positive, and np.log1p(z) is accurate for tiny z.

    Inputs:
    - x: array of any shape with at least one dimension (sizes 0 and 1
      allowed), float32 or float64.

    Returns a tuple (out, cache):
    - out: float array of x's shape; max(x, 0) <= out <= max(x, 0) + log 2,
      out > 0 wherever exp(x) is representable, and out - softplus(-x) = x.
    - cache: whatever softplus_backward needs (x, for instance).

    Edge cases: finite for |x| up to 1e4, and accurate to a few digits
    RELATIVE to its value for very negative x (softplus(-50) is about
    1.9e-22, not 0): compute in the precision of x at least (a float64 x
    cast to float32 loses everything below 1e-38). The input must not be
    modified.

    Course: seed 004 (SoftPlus, the integral of the sigmoid); seed 003 §5.2
    Numerical RoundOff Error.
    """
    # Hint: np.log1p(z) computes log(1 + z) without losing a tiny z.
    raise NotImplementedError("Implement this function: replace this line with your code.")


def softplus_backward(dout, cache):
    """Softplus, backward pass.

    The derivative of log(1 + exp(x)) is exp(x) / (1 + exp(x)) =
    sigmoid(x), so dx = dout * sigmoid(x). Compute the sigmoid without
    overflow (see sigmoid_forward): exp(x) / (1 + exp(x)) is nan for large
    x.

    Inputs:
    - dout: float array of x's shape (float32 or float64).
    - cache: what softplus_forward returned with the output.

    Returns:
    - dx: float array of x's shape, the gradient of sum(out * dout).

    Edge cases: finite for |x| up to 1e4; dx is between 0 and dout. dout and
    the cache must not be modified.

    Course: seed 004 (SoftPlus); seed 003 §3 Backward Propagation.
    """
    raise NotImplementedError("Implement this function: replace this line with your code.")

# GENERATED FILE - do not edit by hand.
# Generated from solutions/layers.py by `dlgrade stubs`: edit the solution
# and run `dlgrade stubs` from the repository root to regenerate it.
"""Unit `layers`: the dense (fully connected) layer, forward and backward,
and the tools that check a backward pass: numerical gradients by central
differences and the relative error between two gradients.

Layout (same as torch.nn.Linear): inputs are batch first, x has shape
(N, D); the weight matrix W has one row per output unit, shape (M, D); the
bias b has shape (M,).

Course: seed 001 §2.1.2 Forward Propagation and Backpropagation;
seed 003 §2 Forward Propagation, §3 Backward Propagation and §6.7 Gradient
Checking.
"""
import numpy as np


def dense_forward(x, W, b):
    """Forward pass of a dense (fully connected) layer.

    Each input row x[n] is sent through the affine map "W times x[n] plus b":
    output unit m of sample n is the dot product of row m of W with x[n],
    plus the bias b[m]. No activation function is applied here.

    Inputs:
    - x: array of shape (N, D), float32 or float64; a batch of N inputs.
    - W: array of shape (M, D); the weights, one row per output unit.
    - b: array of shape (M,); the biases.

    Returns a tuple (out, cache):
    - out: array of shape (N, M).
    - cache: anything dense_backward will need (your choice, e.g. a tuple).
      The grader hands it back to dense_backward untouched.

    Edge cases: N may be 0 (out then has shape (0, M)) or 1 (out still has
    its batch dimension, shape (1, M)). The inputs must not be modified.

    Course: seed 001 §2.1.2; seed 003 §2 Forward Propagation.
    """
    raise NotImplementedError("Implement this function: replace this line with your code.")


def dense_backward(dout, cache):
    """Backward pass of a dense layer.

    Let L = sum(out * dout), i.e. dout is the upstream gradient dL/dout.
    The chain rule through out[n, m] = sum_d W[m, d] x[n, d] + b[m] gives:
    - dL/dx[n, d] = sum over m of dout[n, m] W[m, d]
    - dL/dW[m, d] = sum over n of dout[n, m] x[n, d]
    - dL/db[m]    = sum over n of dout[n, m]
    The gradients are summed over the batch, not averaged.

    Inputs:
    - dout: array of shape (N, M); upstream gradient.
    - cache: the cache returned by dense_forward.

    Returns a tuple (dx, dW, db):
    - dx: array of shape (N, D), same shape as x.
    - dW: array of shape (M, D), same shape as W.
    - db: array of shape (M,), same shape as b.

    Edge cases: with N == 0, dx has shape (0, D) and dW, db are all zeros.
    The inputs (and the cache) must not be modified.

    Course: seed 001 §2.1.2; seed 003 §3 Backward Propagation.
    """
    raise NotImplementedError("Implement this function: replace this line with your code.")


def numerical_gradient(f, x, h=1e-5):
    """Gradient of a scalar function by central differences.

    For every index i of x (every entry, whatever the shape of x), nudge
    that one entry up by h and down by h, leaving all the others as they
    are, and take the slope between the two values of f:

        grad[i] = (f(x + h e_i) - f(x - h e_i)) / (2 h)

    where e_i is the array of x's shape that is 1 at index i and 0
    elsewhere. The error of this estimate shrinks like h**2 (a one-sided
    difference (f(x + h e_i) - f(x)) / h is only accurate to order h). This
    is how gradient checking tests a backward pass: compare its result with
    this one.

    Inputs:
    - f: a function taking ONE array of x's shape (call it with float64
      values, never a flattened copy) and returning a float.
    - x: array of any shape with at least one entry (1-d, 2-d, 3-d, ...),
      float32 or float64; the point where the gradient is estimated.
    - h: float > 0, the step (default 1e-5); use the value passed in.

    Returns:
    - grad: float64 array of x's shape.

    Call f exactly 2 * x.size times (twice per entry, nothing else). Work on
    a float64 copy of x, or perturb x itself and restore each entry before
    moving to the next one: either way every evaluation must see x with only
    one entry changed, and x must be unchanged when the function returns.

    Edge cases: x with a single entry still gives an array of x's shape; a
    float32 x is copied to float64 before it is perturbed (a float32 entry
    cannot hold x + 1e-5 accurately); f raises an error when it receives an
    array of another shape than x (e.g. a flattened copy).

    Course: seed 003 §6.7 Gradient Checking; seed 002 (numerical derivative).
    """
    # Hint: np.ndindex(x.shape) visits every index of an array of any shape.
    raise NotImplementedError("Implement this function: replace this line with your code.")


def gradient_check(analytic, numeric):
    """Relative error between an analytic and a numerical gradient.

    With ||v|| the Euclidean (L2) norm of all the entries of v taken
    together (sqrt of the sum of squares):

        error = ||analytic - numeric|| / (||analytic|| + ||numeric||)

    The denominator makes the error independent of the size of the
    gradients (multiplying both by c > 0 leaves it unchanged) and keeps it
    between 0 (identical) and 1 (e.g. opposite gradients, or one of them
    zero). As a rule of thumb, below about 1e-7 the backward pass is right,
    above about 1e-3 it is wrong.

    Inputs:
    - analytic: array of any shape with at least one entry, float32 or
      float64; e.g. the gradient from a backward pass.
    - numeric: array of the same shape; e.g. from numerical_gradient.

    Returns:
    - error: a float in [0, 1] (a Python float or a 0-d array).

    Edge cases: when both arrays are all zeros the formula is 0 / 0; return
    0.0 then (the gradients agree). When exactly one of them is zero, or they
    point in opposite directions, the error is 1. Arrays with a single entry
    work like any other. The inputs must not be modified.

    Course: seed 003 §6.7 Gradient Checking.
    """
    raise NotImplementedError("Implement this function: replace this line with your code.")

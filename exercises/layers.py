# GENERATED FILE - do not edit by hand.
# Generated from solutions/layers.py by `dlgrade stubs`: edit the solution
# and run `dlgrade stubs` from the repository root to regenerate it.
"""Unit `layers`: the dense (fully connected) layer, forward and backward.

Layout (same as torch.nn.Linear): inputs are batch first, x has shape
(N, D); the weight matrix W has one row per output unit, shape (M, D); the
bias b has shape (M,).

Course: seed 001 §2.1.2 Forward Propagation and Backpropagation;
seed 003 §2 Forward Propagation and §3 Backward Propagation.
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

# GENERATED FILE - do not edit by hand.
# Generated from solutions/optim.py by `dlgrade stubs`: edit the solution
# and run `dlgrade stubs` from the repository root to regenerate it.
"""Unit `optim`: the Adam optimiser step.

Course: seed 003 §5.4 Adam Optimizer (and §5.3 RMSProp Optimizer, whose
running average of squared gradients Adam reuses).
"""
import numpy as np


def adam_step(param, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    """One Adam update of a parameter array, returning new arrays.

    Adam keeps two exponential moving averages per coordinate: m of the
    gradient (weight beta1 on the old value, 1 - beta1 on the new gradient)
    and v of the squared gradient (weights beta2 and 1 - beta2). Both start
    at zero, which biases them towards zero early on, so they are divided
    by the bias corrections 1 - beta1**t and 1 - beta2**t (t counts steps
    from 1). The parameter then moves against the corrected first moment,
    scaled per coordinate by lr / (square root of the corrected second
    moment + eps); eps is added after the square root, as in the Adam paper
    and torch.optim.Adam.

    Inputs:
    - param: array of any shape (empty allowed), float32 or float64; the
      current parameter values.
    - grad: array of the same shape; the gradient of the loss at param.
    - m: array of the same shape; the first moment from the previous step
      (zeros before the first step).
    - v: array of the same shape; the second moment from the previous step
      (zeros before the first step).
    - t: int >= 1; the number of this step (1 for the first update).
    - lr, beta1, beta2, eps: floats; the usual Adam hyperparameters.

    Returns a tuple (param, m, v) of NEW arrays of the same shape: the
    updated parameter and the updated (uncorrected) moments, ready to be
    passed to the next call with t + 1.

    Edge cases: arrays may be empty; a zero gradient with zero moments
    leaves the parameter unchanged. The inputs must not be modified (no
    in-place operations such as `param -= ...` or `m *= ...`).

    Course: seed 003 §5.4 Adam Optimizer.
    """
    raise NotImplementedError("Implement this function: replace this line with your code.")

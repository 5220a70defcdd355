# GENERATED FILE - do not edit by hand.
# Generated from solutions/normalization.py by `dlgrade stubs`: edit the solution
# and run `dlgrade stubs` from the repository root to regenerate it.
"""Unit `normalization`: batch normalisation and layer normalisation.

Both layers standardise their input (subtract a mean, divide by a standard
deviation) and then apply a learned per-feature scale gamma and shift beta.
They differ in WHAT they average over: batch normalisation computes one mean
and variance per feature over the samples of the batch (axis 0), layer
normalisation one mean and variance per sample over its features (the last
axis). Inputs are batch first: x has shape (N, D), gamma and beta (D,).

Course: seed 001 §2.1.2 (layer normalisation against vanishing and exploding
gradients); seed 002 (normalisation methods).
"""
import numpy as np


def batchnorm_forward(x, gamma, beta, running_mean, running_var, train=True, momentum=0.1,
                      eps=1e-5):
    """Forward pass of batch normalisation, in training or in evaluation mode.

    Training mode (train=True), for every feature d (column of x):
    - mean[d] = average of x[:, d] over the batch;
    - var[d] = average of (x[:, d] - mean[d])**2: the BIASED variance
      (divided by N);
    - x_hat = (x - mean) / sqrt(var + eps)  (eps inside the square root);
    - out = gamma * x_hat + beta.
    The running statistics (moving averages used later in evaluation mode)
    move towards this batch's statistics:
    - new running_mean = (1 - momentum) * running_mean + momentum * mean
    - new running_var = (1 - momentum) * running_var
                        + momentum * var * N / (N - 1)
    Note the UNBIASED variance (divided by N - 1) in the running variance,
    as in torch.nn.BatchNorm1d, while the normalisation uses the biased one.

    Evaluation mode (train=False): the batch statistics are not used at all;
    x is normalised with the running statistics,
    x_hat = (x - running_mean) / sqrt(running_var + eps), out = gamma * x_hat
    + beta, and the running statistics are returned unchanged (as new
    arrays). Each sample's output then depends on that sample alone.

    Inputs:
    - x: array of shape (N, D), float32 or float64. N >= 2 in training mode
      (N >= 1 in evaluation mode).
    - gamma, beta: arrays of shape (D,); the learned scale and shift.
    - running_mean, running_var: arrays of shape (D,); the current running
      statistics.
    - train: bool, training (True) or evaluation (False) mode.
    - momentum: float in [0, 1]; the weight of the new batch statistics.
    - eps: float > 0, added to the variance inside the square root.

    Returns a tuple (out, running_mean, running_var, cache):
    - out: float array of shape (N, D).
    - running_mean, running_var: NEW float arrays of shape (D,), the updated
      statistics (the caller passes them to the next call).
    - cache: anything batchnorm_backward needs (your choice); the grader
      hands it back untouched. Only training-mode caches are differentiated.

    Edge cases: a feature whose batch variance is 0 (all its values equal)
    gives x_hat = 0 there, thanks to eps; in evaluation mode a batch of one
    sample works like any other. None of the inputs may be modified (in
    particular do not update running_mean or running_var in place).

    Course: seed 001 §2.1.2; seed 002 (normalisation methods).
    """
    # Hint: x.mean(axis=0) and x.var(axis=0) (ddof=0) give the batch statistics.
    raise NotImplementedError("Implement this function: replace this line with your code.")


def batchnorm_backward(dout, cache):
    """Backward pass of batch normalisation (training mode).

    Let L = sum(out * dout). Follow the forward computation backwards, one
    step at a time (x_hat, then the variance, then the mean, then x):
    - dbeta = sum of dout over the batch; dgamma = sum of dout * x_hat over
      the batch (both summed, not averaged);
    - dx_hat = dout * gamma;
    - every x[n, d] also moves mean[d] and var[d], which every other sample
      of the batch depends on: with std = sqrt(var + eps),
      dvar = sum over n of dx_hat * (x - mean) * (-1/2) * std**-3,
      dmean = sum over n of -dx_hat / std  (+ a term through dvar that is 0
      because the deviations x - mean sum to 0),
      dx = dx_hat / std + dvar * 2 (x - mean) / N + dmean / N.
    Simplified, per feature: dx = gamma / std * (dout - mean(dout) - x_hat *
    mean(dout * x_hat)), means over the batch. So dx sums to 0 over the
    batch: shifting a whole feature column does not change the output.

    Inputs:
    - dout: array of shape (N, D); the upstream gradient dL/dout.
    - cache: the cache of a training-mode batchnorm_forward call.

    Returns a tuple (dx, dgamma, dbeta):
    - dx: float array of shape (N, D); dgamma, dbeta: float arrays (D,).

    Edge cases: with N = 2 every x_hat is about +-1 (or 0), a feature whose
    values are all equal gets dx = 0; gamma may be 0. The inputs (and the
    cache) must not be modified.

    Course: seed 001 §2.1.2 (backpropagation); seed 002.
    """
    raise NotImplementedError("Implement this function: replace this line with your code.")


def layernorm_forward(x, gamma, beta, eps=1e-5):
    """Forward pass of layer normalisation.

    Each sample (row of x) is standardised with its OWN statistics, taken
    over its D features (the last axis):
    - mean[n] = average of x[n, :]; var[n] = average of (x[n, :] - mean[n])**2
      (biased: divided by D);
    - x_hat[n] = (x[n] - mean[n]) / sqrt(var[n] + eps);
    - out = gamma * x_hat + beta, gamma and beta applied per feature.
    Unlike batch normalisation, nothing depends on the other samples of the
    batch, and training and evaluation are the same computation (no running
    statistics).

    Inputs:
    - x: array of shape (N, D), float32 or float64; N >= 0, D >= 1.
    - gamma, beta: arrays of shape (D,).
    - eps: float > 0, added to the variance inside the square root.

    Returns a tuple (out, cache):
    - out: float array of shape (N, D).
    - cache: anything layernorm_backward needs (your choice).

    Edge cases: N may be 0 (out has shape (0, D)) or 1; with D = 1 every
    row has variance 0 and out is beta. Keep the reduced axis (keepdims=True)
    so that the statistics of row n meet row n. The inputs must not be
    modified.

    Course: seed 001 §2.1.2; seed 002 (normalisation methods).
    """
    raise NotImplementedError("Implement this function: replace this line with your code.")


def layernorm_backward(dout, cache):
    """Backward pass of layer normalisation.

    Let L = sum(out * dout). The same chain rule as batch normalisation, with
    the statistics taken along each row instead of along each column:
    - dbeta = sum of dout over the batch; dgamma = sum of dout * x_hat over
      the batch (gamma and beta are per feature, shared by every sample);
    - with g = dout * gamma and std = sqrt(var + eps) of the row,
      dx = (g - mean(g) - x_hat * mean(g * x_hat)) / std, the means taken
      over the row's D features.
    So each row of dx sums to 0: adding a constant to a row does not change
    its output.

    Inputs:
    - dout: array of shape (N, D).
    - cache: the cache returned by layernorm_forward.

    Returns a tuple (dx, dgamma, dbeta): dx (N, D), dgamma and dbeta (D,),
    float arrays.

    Edge cases: with N = 0, dgamma and dbeta are zeros; with D = 1 dx is 0.
    The inputs (and the cache) must not be modified.

    Course: seed 001 §2.1.2 (backpropagation); seed 002.
    """
    raise NotImplementedError("Implement this function: replace this line with your code.")

"""Unit `mlp`: multilayer perceptrons and the tools used to train them.

A fully connected network (dense layers with ReLU in between, softmax at
the end), its backward pass for the mean cross-entropy, two weight
initialisers, inverted dropout, L1 and L2 penalties with their gradients,
gradient clipping by the global norm, mini-batches for one epoch and early
stopping.

Layout (same as torch.nn.Linear): inputs are batch first, x has shape
(N, D); layer l has a weight matrix W_l of shape (out_l, in_l), one row per
output unit, and a bias b_l of shape (out_l,).

Random functions take a numpy Generator `rng` (np.random.default_rng(...))
and draw every random number from it, never from the np.random.* module
functions, so the same seeded generator always gives the same result.

Course: seed 002 (the multilayer perceptron, backpropagation); seed 003
§6.3-6.6 (exploding gradients, weight initialization, mini-batches), §7-8
(regularization, dropout, early stopping); seed 001 §2.1.2.
"""
import numpy as np


# ---------------------------------------------------------------- the network

def mlp_forward(x, params):
    """Forward pass of a multilayer perceptron ending in a softmax.

    With a_0 = x, each layer l = 1..L computes the pre-activation
    z_l = a_{l-1} @ W_l.T + b_l. Every layer but the last is followed by a
    ReLU, a_l = max(z_l, 0); the last layer's z_L are the logits (no ReLU),
    and the output is their softmax along the class axis: probs[n, k] =
    exp(z_L[n, k]) / sum over j of exp(z_L[n, j]). Compute the softmax
    stably: subtract each row's maximum logit before exponentiating, so that
    logits of 1e4 or more do not overflow.

    Inputs:
    - x: array of shape (N, D), float32 or float64; a batch of N inputs.
    - params: dict with keys "W1", "b1", "W2", "b2", ..., "WL", "bL"
      (L >= 1 layers, numbered from 1). W_l has shape (out_l, in_l) with
      in_1 = D and in_l = out_{l-1}; b_l has shape (out_l,). Same dtype as x.

    Returns a tuple (probs, cache):
    - probs: float array of shape (N, C) with C = out_L; each row is a
      probability distribution (entries in [0, 1] summing to 1).
    - cache: anything mlp_backward will need (your choice, e.g. the list of
      each layer's input, weights and pre-activation, and probs). The grader
      hands it back to mlp_backward untouched.

    Edge cases: a single layer (L = 1) is softmax(x @ W1.T + b1); N may be 1
    (keep the batch dimension) or 0 (probs of shape (0, C)); C may be 1
    (probs is then all ones). The inputs (x and the arrays of params) must
    not be modified.

    Course: seed 002 (the multilayer perceptron); seed 001 §2.1.2; seed 003
    §5.1-5.2 (softmax, numerical round-off).
    """
    # Hint: the number of layers is the number of keys that start with "W".
    ### BEGIN SOLUTION
    n_layers = sum(1 for key in params if key.startswith("W"))
    a = x
    layers = []
    for l in range(1, n_layers + 1):
        W, b = params[f"W{l}"], params[f"b{l}"]
        z = a @ W.T + b
        layers.append((a, W, z))
        if l < n_layers:
            a = np.maximum(z, 0)
    shifted = z - np.max(z, axis=1, keepdims=True)
    e = np.exp(shifted)
    probs = e / np.sum(e, axis=1, keepdims=True)
    return probs, (layers, probs)
    ### END SOLUTION


def mlp_backward(labels, cache):
    """Backward pass of mlp_forward for the mean cross-entropy loss.

    The loss is J = -(1/N) * sum over n of log probs[n, labels[n]]. Its
    gradient with respect to the logits is dz_L = (probs - onehot(labels)) / N.
    Going back through layer l (z_l = a_{l-1} @ W_l.T + b_l):
    - dW_l = dz_l.T @ a_{l-1}        (shape (out_l, in_l), like W_l)
    - db_l = dz_l summed over the batch (shape (out_l,))
    - da_{l-1} = dz_l @ W_l, then through the ReLU of layer l - 1:
      dz_{l-1} = da_{l-1} where z_{l-1} > 0, and 0 where z_{l-1} <= 0 (the
      derivative of ReLU at 0 is taken as 0, as in torch).
    The 1/N of the mean appears once, in dz_L.

    Inputs:
    - labels: integer array of shape (N,), N >= 1, entries in [0, C); the
      true class of each sample.
    - cache: the cache returned by mlp_forward.

    Returns:
    - grads: dict with the same keys as params ("W1", "b1", ..., "WL",
      "bL"); grads[k] is a float array of the shape of params[k].

    Edge cases: with C = 1 every gradient is zero; N = 1 works like any
    other N. The inputs (labels and the cache) must not be modified: a
    second call with the same cache gives the same gradients.

    Course: seed 002 (backpropagation); seed 001 §2.1.2; seed 003 §3.
    """
    ### BEGIN SOLUTION
    layers, probs = cache
    n = probs.shape[0]
    dz = probs.copy()
    dz[np.arange(n), labels] -= 1
    dz = dz / n
    grads = {}
    for l in range(len(layers), 0, -1):
        a_prev, W, _ = layers[l - 1]
        grads[f"W{l}"] = dz.T @ a_prev
        grads[f"b{l}"] = dz.sum(axis=0)
        if l > 1:
            z_prev = layers[l - 2][2]
            dz = (dz @ W) * (z_prev > 0)
    return grads
    ### END SOLUTION


# ---------------------------------------------------------------- initialisation

def he_init(fan_in, fan_out, rng):
    """He (Kaiming) initialisation of a weight matrix, for ReLU layers.

    Every entry is drawn independently from a normal distribution with mean
    0 and standard deviation sqrt(2 / fan_in) (variance 2 / fan_in), as
    torch.nn.init.kaiming_normal_ in its default fan_in mode. The factor 2
    makes up for ReLU zeroing half of its inputs, so the variance of the
    activations stays about the same from layer to layer.

    Inputs:
    - fan_in: int >= 1; the number of inputs of the layer.
    - fan_out: int >= 1; the number of outputs (units) of the layer.
    - rng: a numpy Generator (np.random.default_rng(seed)); draw every
      random number from it.

    Returns:
    - W: float array of shape (fan_out, fan_in) (dense layout: one row per
      output unit).

    Edge cases: fan_in or fan_out may be 1. Use the rng argument, not
    np.random.* functions: the same seeded generator must give the same
    matrix. Note the standard deviation is the square root of 2 / fan_in,
    not 2 / fan_in itself (numpy's normal takes a standard deviation).

    Course: seed 003 §6.5 weight initialization.
    """
    ### BEGIN SOLUTION
    std = np.sqrt(2.0 / fan_in)
    return rng.standard_normal((fan_out, fan_in)) * std
    ### END SOLUTION


def xavier_init(fan_in, fan_out, rng):
    """Xavier (Glorot) normal initialisation of a weight matrix.

    Every entry is drawn independently from a normal distribution with mean
    0 and standard deviation sqrt(2 / (fan_in + fan_out)), as
    torch.nn.init.xavier_normal_: a compromise between keeping the variance
    of the activations (1 / fan_in) and of the gradients (1 / fan_out)
    constant across layers. (The course text writes N(0, 1 / n_in) under
    this name; that is LeCun's initialisation, a different one. This
    exercise asks for Glorot's.)

    Inputs:
    - fan_in: int >= 1; the number of inputs of the layer.
    - fan_out: int >= 1; the number of outputs (units) of the layer.
    - rng: a numpy Generator; draw every random number from it.

    Returns:
    - W: float array of shape (fan_out, fan_in).

    Edge cases: fan_in or fan_out may be 1. Use the rng argument, not
    np.random.* functions. A normal distribution is asked for: Glorot's
    uniform variant has the same variance but a different shape (no entry
    beyond sqrt(3) standard deviations), and the grader tells them apart.

    Course: seed 003 §6.5 weight initialization.
    """
    ### BEGIN SOLUTION
    std = np.sqrt(2.0 / (fan_in + fan_out))
    return rng.normal(0.0, std, size=(fan_out, fan_in))
    ### END SOLUTION


# ---------------------------------------------------------------- dropout

def dropout_forward(x, p, rng, train=True):
    """Inverted dropout, forward pass.

    In training mode every entry of x is dropped (set to 0) with probability
    p and kept with probability 1 - p, independently of all the others;
    kept entries are divided by 1 - p so that the expected value of every
    output equals its input (this is "inverted" dropout: nothing needs to be
    rescaled at test time). p is the DROP probability, as in torch.nn.Dropout.
    In evaluation mode (train=False), or when p == 0, the output equals x.

    Inputs:
    - x: array of any shape (sizes 0 and 1 allowed), float32 or float64.
    - p: float, 0 <= p < 1; the probability of dropping an entry.
    - rng: a numpy Generator; draw every random number from it.
    - train: bool (default True); False means evaluation mode.

    Returns a tuple (out, cache):
    - out: float array of x's shape; every entry is either 0 or x / (1 - p)
      in training mode, and equals x in evaluation mode.
    - cache: anything dropout_backward needs (the mask and p, for instance).

    Edge cases: draw one independent decision per entry (a mask of x's full
    shape, not one shared by all samples); return a new array even when
    nothing is dropped. The input must not be modified.

    Course: seed 003 §8.1 Dropout.
    """
    # Hint: rng.random(x.shape) gives uniform numbers in [0, 1).
    ### BEGIN SOLUTION
    if not train or p == 0:
        return np.array(x, copy=True), None
    scale = np.where(rng.random(x.shape) >= p, 1.0 / (1.0 - p), 0.0)
    return x * scale, scale
    ### END SOLUTION


def dropout_backward(dout, cache):
    """Inverted dropout, backward pass.

    The forward pass multiplies x by a fixed mask (0 for dropped entries,
    1 / (1 - p) for kept ones), so the gradient of sum(out * dout) with
    respect to x is dout times that same mask: 0 where the forward pass
    dropped the entry, dout / (1 - p) where it kept it. After an
    evaluation-mode forward pass (or p == 0), dx equals dout.

    Inputs:
    - dout: array of the shape of the forward input x; upstream gradient.
    - cache: the cache returned by dropout_forward.

    Returns:
    - dx: float array of x's shape.

    Edge cases: use the mask of the forward pass stored in the cache; never
    draw a new one. dout and the cache must not be modified (calling the
    backward twice on the same cache gives the same dx).

    Course: seed 003 §8.1 Dropout.
    """
    ### BEGIN SOLUTION
    if cache is None:
        return np.array(dout, copy=True)
    return dout * cache
    ### END SOLUTION


# ---------------------------------------------------------------- penalties

def l1_penalty(weights, lam):
    """L1 regularisation term: lam times the sum of |w| over all weights.

    penalty = lam * (sum over the arrays W in weights of sum over the
    entries of |W|). It is added to the data loss to push weights towards
    exactly zero.

    Inputs:
    - weights: list of arrays (any shapes, sizes 0 allowed), float32 or
      float64; the list may be empty.
    - lam: float >= 0; the regularisation strength.

    Returns:
    - penalty: a float (a Python float or a 0-d float array).

    Edge cases: an empty list, or arrays of size 0, contribute 0. The inputs
    must not be modified.

    Course: seed 003 §8 Regularization (L1 regularization).
    """
    ### BEGIN SOLUTION
    return float(lam * sum(np.abs(w).sum(dtype=np.float64) for w in weights))
    ### END SOLUTION


def l1_grad(weights, lam):
    """Gradient of l1_penalty with respect to each weight array.

    d(lam * |w|)/dw = lam * sign(w): lam where w > 0, -lam where w < 0, and
    0 where w == 0 (the subgradient np.sign gives, as torch's sign).

    Inputs:
    - weights: list of arrays (any shapes, sizes 0 allowed), float32 or
      float64; the list may be empty.
    - lam: float >= 0.

    Returns:
    - grads: a list with one float array per weight array, of the same
      shape, in the same order.

    Edge cases: an empty list gives an empty list; the gradient is 0 at
    w == 0. The inputs must not be modified.

    Course: seed 003 §8 Regularization (L1 regularization).
    """
    ### BEGIN SOLUTION
    return [lam * np.sign(w) for w in weights]
    ### END SOLUTION


def l2_penalty(weights, lam):
    """L2 regularisation term: lam times the sum of w**2 over all weights.

    penalty = lam * (sum over the arrays W in weights of sum over the
    entries of W**2), the course's form (no factor 1/2). Also called weight
    decay, because its gradient shrinks every weight.

    Inputs:
    - weights: list of arrays (any shapes, sizes 0 allowed), float32 or
      float64; the list may be empty.
    - lam: float >= 0.

    Returns:
    - penalty: a float (a Python float or a 0-d float array).

    Edge cases: an empty list, or arrays of size 0, contribute 0. The inputs
    must not be modified.

    Course: seed 003 §8 Regularization (L2 regularization).
    """
    ### BEGIN SOLUTION
    return float(lam * sum(np.square(w).sum(dtype=np.float64) for w in weights))
    ### END SOLUTION


def l2_grad(weights, lam):
    """Gradient of l2_penalty with respect to each weight array: 2 * lam * w.

    Inputs:
    - weights: list of arrays (any shapes, sizes 0 allowed), float32 or
      float64; the list may be empty.
    - lam: float >= 0.

    Returns:
    - grads: a list with one float array per weight array, of the same
      shape, in the same order.

    Edge cases: an empty list gives an empty list. The factor is 2 because
    the penalty has no 1/2. The inputs must not be modified.

    Course: seed 003 §8 Regularization (L2 regularization).
    """
    ### BEGIN SOLUTION
    return [2.0 * lam * w for w in weights]
    ### END SOLUTION


# ---------------------------------------------------------------- training tools

def clip_grad_norm(grads, max_norm):
    """Gradient clipping by the global L2 norm (torch.nn.utils.clip_grad_norm_).

    total_norm is the L2 norm of all gradient entries taken together: the
    square root of the sum, over every array and every entry, of g**2 (not
    a norm per array). When total_norm > max_norm, every array is multiplied
    by the same factor max_norm / total_norm, so the clipped gradients have
    total norm max_norm and keep their direction; otherwise they are
    returned unchanged (as new arrays).

    Inputs:
    - grads: list of arrays (any shapes, sizes 0 allowed), float32 or
      float64; the list may be empty.
    - max_norm: float > 0.

    Returns a tuple (clipped, total_norm):
    - clipped: a list of new float arrays, one per gradient, same shapes.
    - total_norm: float; the norm of the gradients BEFORE clipping.

    Edge cases: an empty list (or all-zero gradients) has total_norm 0.0 and
    nothing is clipped; a norm exactly equal to max_norm is not clipped. The
    factor is exactly max_norm / total_norm, with no small epsilon added to
    the norm (torch adds 1e-6, which matters for tiny gradients).
    Sum the squares in float64 (float32 squares of large gradients
    overflow). The inputs must not be modified (no g *= ... on the caller's
    arrays).

    Course: seed 003 §6.4 vanishing/exploding gradient.
    """
    ### BEGIN SOLUTION
    squares = sum(float(np.sum(np.square(g, dtype=np.float64))) for g in grads)
    total_norm = float(np.sqrt(squares))
    factor = max_norm / total_norm if total_norm > max_norm else 1.0
    return [g * factor for g in grads], total_norm
    ### END SOLUTION


def minibatches(x, y, batch_size, rng, shuffle=True):
    """Split a data set into the mini-batches of one epoch.

    With shuffle=True the N samples are put in a random order first, one
    permutation drawn from rng in which every order is equally likely
    (rng.permutation(N)); with shuffle=False they keep their order. The
    (possibly shuffled) samples are then cut into consecutive batches of
    batch_size samples; when batch_size does not divide N the last batch is
    smaller. Every sample appears in exactly one batch, and the rows of x
    stay paired with the entries of y.

    Inputs:
    - x: array of shape (N, ...) (any number of trailing dimensions); the
      inputs, one per row.
    - y: array of shape (N,) or (N, ...); the targets (integer labels or
      floats), y[i] belongs to x[i].
    - batch_size: int >= 1.
    - rng: a numpy Generator; draw the permutation from it (not from
      np.random.*).
    - shuffle: bool (default True).

    Returns:
    - batches: a list of tuples (xb, yb), in order; xb holds the rows of x
      of one batch (shape (B, ...)) and yb the matching entries of y.

    Edge cases: the last batch is never dropped and never empty (when
    batch_size divides N, all batches are full); batch_size > N gives one
    batch of all N samples; N = 0 gives []. x and y must not be modified
    (do not shuffle them in place).

    Course: seed 003 §6.6 mini-batch gradient descent.
    """
    ### BEGIN SOLUTION
    n = x.shape[0]
    order = rng.permutation(n) if shuffle else np.arange(n)
    return [(x[order[start:start + batch_size]], y[order[start:start + batch_size]])
            for start in range(0, n, batch_size)]
    ### END SOLUTION


class EarlyStopping:
    """Early stopping on a validation loss.

    Call step(val_loss) once per epoch. A loss is an improvement when it is
    below the best loss seen so far by MORE than min_delta (strictly:
    val_loss < best - min_delta); the first loss is always an improvement
    (even inf). An improvement becomes the new best and resets the count of
    bad epochs to 0; any other loss (equal to the best, slightly better but
    by no more than min_delta, or worse) adds 1 to that count. step returns
    True as soon as the count reaches patience, meaning "stop training", and
    keeps returning True on every later call, whatever the loss; before
    that it returns False.

    So a run whose loss never improves after the first epoch returns False
    for the first patience calls and True from call patience + 1 on.

    Course: seed 003 §8.2 Other Regularization Techniques (early stopping).
    """

    def __init__(self, patience, min_delta=0.0):
        """Start watching a validation loss.

        Inputs:
        - patience: int >= 1; how many epochs without improvement to allow.
        - min_delta: float >= 0 (default 0.0); the smallest decrease of the
          loss that counts as an improvement (it must be exceeded).

        Returns nothing (a new object with no best loss yet).

        Edge cases: nothing is compared until the first step call.
        """
        ### BEGIN SOLUTION
        self.patience = patience
        self.min_delta = min_delta
        self.best = None
        self.bad_epochs = 0
        self.stopped = False
        ### END SOLUTION

    def step(self, val_loss):
        """Record one epoch's validation loss; return whether to stop.

        Inputs:
        - val_loss: float; this epoch's validation loss.

        Returns:
        - stop: bool; True once patience epochs in a row went without
          improvement (and on every call after that), else False.

        Edge cases: a loss equal to best - min_delta is not an improvement;
        the first loss is always one.
        """
        ### BEGIN SOLUTION
        if self.best is None or val_loss < self.best - self.min_delta:
            self.best = val_loss
            self.bad_epochs = 0
        else:
            self.bad_epochs += 1
        if self.bad_epochs >= self.patience:
            self.stopped = True
        return self.stopped
        ### END SOLUTION

# GENERATED FILE - do not edit by hand.
# Generated from solutions/optim.py by `dlgrade stubs`: edit the solution
# and run `dlgrade stubs` from the repository root to regenerate it.
"""Unit `optim`: optimiser update steps and learning-rate schedules.

Every update step takes the parameter array, its gradient and the
optimiser's state (velocity, running averages, moments) and returns NEW
arrays: the updated parameter and the updated state, which the caller feeds
into the next call. The schedules map an epoch number to a learning rate.

Course: seed 001 §2.1.3 Gradient Descent Optimization Algorithms; seed 003
§5.3 RMSProp Optimizer and §5.4 Adam Optimizer.
"""
import math

import numpy as np


def sgd_step(param, grad, lr=0.01):
    """One plain (stochastic) gradient descent update, returning a new array.

    The parameter takes a step of length lr times the gradient, against the
    gradient: new param = param - lr * grad, coordinate by coordinate.

    Inputs:
    - param: array of any shape (empty allowed), float32 or float64; the
      current parameter values.
    - grad: array of the same shape; the gradient of the loss at param.
    - lr: float > 0; the learning rate (step size).

    Returns:
    - param: a NEW array of the same shape, the updated parameter.

    Edge cases: arrays may be empty; a zero gradient leaves the parameter
    where it is. The inputs must not be modified (no `param -= ...`).

    Course: seed 001 §2.1.3 (Batch / Stochastic Gradient Descent).
    """
    raise NotImplementedError("Implement this function: replace this line with your code.")


def momentum_step(param, grad, velocity, lr=0.01, beta=0.9):
    """One update of gradient descent with momentum (the course's form).

    The velocity is an exponential moving average of the gradients: the
    new velocity keeps a fraction beta of the old one and adds (1 - beta)
    times the current gradient, v = beta * v + (1 - beta) * grad. The
    parameter then moves against the NEW velocity: param - lr * v. (This is
    torch.optim.SGD with momentum=beta and dampening=beta once its momentum
    buffer exists; the form v = beta * v + grad without the factor
    1 - beta is a different convention.)

    Inputs:
    - param: array of any shape (empty allowed), float32 or float64.
    - grad: array of the same shape; the gradient at param.
    - velocity: array of the same shape; the velocity returned by the
      previous call (zeros before the first step).
    - lr: float > 0; the learning rate.
    - beta: float in [0, 1); the momentum coefficient (0 gives plain SGD).

    Returns a tuple (param, velocity) of NEW arrays of the same shape: the
    updated parameter and the updated velocity, ready for the next call.

    Edge cases: arrays may be empty; with a zero gradient the velocity only
    decays (v -> beta * v) and the parameter keeps moving along it. The
    inputs must not be modified (no `velocity *= beta`, no `param -= ...`).

    Course: seed 001 §2.1.3 (Momentum).
    """
    # Hint: compute the new velocity first, then use it in the update.
    raise NotImplementedError("Implement this function: replace this line with your code.")


def rmsprop_step(param, grad, sq_avg, lr=0.01, alpha=0.99, eps=1e-8):
    """One RMSprop update, returning new arrays.

    RMSprop keeps, per coordinate, an exponential moving average s of the
    SQUARED gradient: s = alpha * s + (1 - alpha) * grad**2. Each coordinate
    then takes a step lr * grad divided by the root of that average:
    param - lr * grad / (sqrt(s) + eps), so coordinates with large
    gradients take smaller steps. eps is added AFTER the square root (as in
    torch.optim.RMSprop; one line of the course text puts it inside).

    Inputs:
    - param: array of any shape (empty allowed), float32 or float64.
    - grad: array of the same shape; the gradient at param.
    - sq_avg: array of the same shape, >= 0; the average returned by the
      previous call (zeros before the first step).
    - lr: float > 0; the learning rate.
    - alpha: float in [0, 1); the weight of the old average (decay rate).
    - eps: float > 0; added to the root to avoid dividing by zero.

    Returns a tuple (param, sq_avg) of NEW arrays of the same shape: the
    updated parameter and the updated average of squared gradients.

    Edge cases: arrays may be empty; with a zero gradient the parameter
    stays and the average only decays (s -> alpha * s). The update uses the
    NEW average. The inputs must not be modified.

    Course: seed 003 §5.3 RMSProp Optimizer; seed 001 §2.1.3.
    """
    raise NotImplementedError("Implement this function: replace this line with your code.")


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


def adamw_step(param, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8,
               weight_decay=1e-2):
    """One AdamW update: Adam with decoupled weight decay, returning new arrays.

    AdamW first shrinks the parameter towards zero, multiplying it by
    (1 - lr * weight_decay), and then applies exactly the Adam step of
    `adam_step` to the shrunk parameter, with the moments m and v built
    from the gradient alone. The decay is "decoupled": weight_decay * param
    is NOT added to the gradient (that would be Adam with an L2 penalty, in
    which the decay gets divided by sqrt(v_hat) like the rest of the step).
    This is torch.optim.AdamW.

    Inputs:
    - param: array of any shape (empty allowed), float32 or float64.
    - grad: array of the same shape; the gradient of the loss at param.
    - m, v: arrays of the same shape; the moments returned by the previous
      call (zeros before the first step).
    - t: int >= 1; the number of this step (1 for the first update).
    - lr, beta1, beta2, eps: floats; as in adam_step.
    - weight_decay: float >= 0; the decay rate (0 gives plain Adam).

    Returns a tuple (param, m, v) of NEW arrays of the same shape: the
    updated parameter and the updated (uncorrected) moments.

    Edge cases: arrays may be empty; with a zero gradient and zero moments
    the parameter is only multiplied by (1 - lr * weight_decay). The inputs
    must not be modified.

    Course: seed 001 §2.1.3 (AdamW); seed 003 §5.4 Adam Optimizer.
    """
    # Hint: the bias-corrected Adam step is the same as in adam_step.
    raise NotImplementedError("Implement this function: replace this line with your code.")


def step_decay(lr0, epoch, step_size, gamma=0.1):
    """Step decay: the learning rate drops by a factor gamma every step_size epochs.

    lr = lr0 * gamma ** (number of COMPLETED blocks of step_size epochs)
       = lr0 * gamma ** (epoch // step_size)   (integer division)
    so the rate is constant within each block of step_size epochs: epochs
    0 .. step_size - 1 use lr0, the next step_size epochs lr0 * gamma, ...
    (torch.optim.lr_scheduler.StepLR).

    Inputs:
    - lr0: float > 0; the initial learning rate.
    - epoch: int >= 0; the epoch (counted from 0).
    - step_size: int >= 1; the number of epochs between two drops.
    - gamma: float in (0, 1]; the factor applied at each drop.

    Returns the learning rate at that epoch, a float.

    Edge cases: epoch 0 gives lr0; gamma = 1 gives lr0 for every epoch.

    Course: seed 001 §2.1.3 (learning-rate schedules).
    """
    raise NotImplementedError("Implement this function: replace this line with your code.")


def exponential_decay(lr0, epoch, gamma):
    """Exponential decay: the learning rate is multiplied by gamma every epoch.

    lr = lr0 * gamma ** epoch   (torch.optim.lr_scheduler.ExponentialLR).

    Inputs:
    - lr0: float > 0; the initial learning rate.
    - epoch: int >= 0; the epoch (counted from 0).
    - gamma: float in (0, 1]; the factor per epoch.

    Returns the learning rate at that epoch, a float.

    Edge cases: epoch 0 gives lr0; the rate stays positive (it may become
    very small, e.g. 1e-200, without being wrong).

    Course: seed 001 §2.1.3 (learning-rate schedules).
    """
    raise NotImplementedError("Implement this function: replace this line with your code.")


def cosine_annealing(lr0, epoch, t_max, eta_min=0.0):
    """Cosine annealing from lr0 down to eta_min over t_max epochs.

    lr = eta_min + (lr0 - eta_min) * (1 + cos(pi * epoch / t_max)) / 2
    (the closed form of torch.optim.lr_scheduler.CosineAnnealingLR). The
    angle is in radians and runs from 0 at epoch 0 (lr = lr0) to pi at
    epoch t_max (lr = eta_min), following half a cosine period.

    Inputs:
    - lr0: float > 0; the initial (largest) learning rate.
    - epoch: int >= 0; the epoch (counted from 0).
    - t_max: int >= 1; the number of epochs of the descent.
    - eta_min: float, 0 <= eta_min < lr0; the final (smallest) rate.

    Returns the learning rate at that epoch, a float.

    Edge cases: epoch 0 gives lr0 and epoch t_max gives eta_min. After
    t_max the same formula continues (do not clamp): the rate rises again
    towards lr0, which it reaches at epoch 2 * t_max (the cosine has period
    2 * t_max epochs).

    Course: seed 001 §2.1.3 (learning-rate schedules).
    """
    # Hint: math.cos and math.pi work on plain Python floats.
    raise NotImplementedError("Implement this function: replace this line with your code.")


def linear_warmup(lr0, epoch, warmup_epochs, start_factor=0.1):
    """Linear warm-up: the learning rate grows linearly to lr0, then stays there.

    lr = lr0 * (start_factor + (1 - start_factor) * min(epoch, warmup_epochs) / warmup_epochs)
    so epoch 0 uses lr0 * start_factor, the factor grows by the same amount
    every epoch, reaches 1 at epoch warmup_epochs and stays 1 afterwards
    (torch.optim.lr_scheduler.LinearLR with end_factor = 1 and total_iters =
    warmup_epochs).

    Inputs:
    - lr0: float > 0; the learning rate after the warm-up.
    - epoch: int >= 0; the epoch (counted from 0).
    - warmup_epochs: int >= 1; the length of the warm-up.
    - start_factor: float in (0, 1]; the fraction of lr0 used at epoch 0.

    Returns the learning rate at that epoch, a float.

    Edge cases: epoch 0 gives lr0 * start_factor; every epoch >=
    warmup_epochs gives lr0; start_factor = 1 gives lr0 throughout.

    Course: seed 001 §2.1.3 (learning-rate schedules).
    """
    raise NotImplementedError("Implement this function: replace this line with your code.")

"""Default learning rate 0.1 instead of 0.01 (only shows when lr is left out)."""


def sgd_step(param, grad, lr=0.1):
    return param - lr * grad

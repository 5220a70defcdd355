"""Adds the step to the parameter (gradient ascent)."""

EXPECTED_MISTAKE = "plus_instead_of_minus"


def sgd_step(param, grad, lr=0.01):
    return param + lr * grad

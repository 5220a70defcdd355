"""Swaps the weights: v = (1 - beta) * v + beta * grad."""

EXPECTED_MISTAKE = "beta_on_gradient"


def momentum_step(param, grad, velocity, lr=0.01, beta=0.9):
    v = (1 - beta) * velocity + beta * grad
    return param - lr * v, v

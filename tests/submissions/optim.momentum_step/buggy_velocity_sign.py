"""Mixes in the classical form: v = beta * v - lr * grad, then param + v."""

EXPECTED_MISTAKE = "velocity_sign"


def momentum_step(param, grad, velocity, lr=0.01, beta=0.9):
    v = beta * velocity - lr * grad
    return param + v, v

"""Moves the parameter with the old velocity, then updates the velocity."""

EXPECTED_MISTAKE = "update_uses_old_velocity"


def momentum_step(param, grad, velocity, lr=0.01, beta=0.9):
    new_param = param - lr * velocity
    v = beta * velocity + (1 - beta) * grad
    return new_param, v

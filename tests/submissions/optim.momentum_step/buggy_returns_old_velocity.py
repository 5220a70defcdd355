"""Returns the velocity it was given instead of the new one (breaks the next step)."""

EXPECTED_MISTAKE = "returns_old_velocity"


def momentum_step(param, grad, velocity, lr=0.01, beta=0.9):
    v = beta * velocity + (1 - beta) * grad
    return param - lr * v, velocity.copy()

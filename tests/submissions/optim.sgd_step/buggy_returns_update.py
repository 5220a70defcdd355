"""Returns the step lr * grad instead of the updated parameter."""

EXPECTED_MISTAKE = "returns_update"


def sgd_step(param, grad, lr=0.01):
    update = lr * grad
    return update

"""Updates the caller's parameter array in place with -= and returns it."""

EXPECTED_MISTAKE = "in_place_update"


def sgd_step(param, grad, lr=0.01):
    param -= lr * grad
    return param

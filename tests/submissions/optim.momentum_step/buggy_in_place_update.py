"""Updates velocity and param in place with *=, += and -=."""

EXPECTED_MISTAKE = "in_place_update"


def momentum_step(param, grad, velocity, lr=0.01, beta=0.9):
    velocity *= beta
    velocity += (1 - beta) * grad
    param -= lr * velocity
    return param, velocity

"""Uses torch's undamped velocity v = beta * v + grad."""

EXPECTED_MISTAKE = "torch_style_undamped"


def momentum_step(param, grad, velocity, lr=0.01, beta=0.9):
    v = beta * velocity + grad
    return param - lr * v, v

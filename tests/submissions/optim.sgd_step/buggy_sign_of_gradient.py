"""Steps by lr times the sign of the gradient (sign SGD)."""
import numpy as np

EXPECTED_MISTAKE = "sign_of_gradient"


def sgd_step(param, grad, lr=0.01):
    return param - lr * np.sign(grad)

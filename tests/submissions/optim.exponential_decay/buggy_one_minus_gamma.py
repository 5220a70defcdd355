"""Treats gamma as the fraction removed: (1 - gamma) ** epoch."""

EXPECTED_MISTAKE = "one_minus_gamma"


def exponential_decay(lr0, epoch, gamma):
    return lr0 * (1 - gamma) ** epoch

"""Multiplies by gamma * epoch instead of raising gamma to the epoch."""

EXPECTED_MISTAKE = "gamma_times_epoch"


def exponential_decay(lr0, epoch, gamma):
    return lr0 * gamma * epoch

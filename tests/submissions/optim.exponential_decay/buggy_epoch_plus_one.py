"""Raises gamma to epoch + 1."""

EXPECTED_MISTAKE = "epoch_off_by_one"


def exponential_decay(lr0, epoch, gamma):
    return lr0 * gamma ** (epoch + 1)

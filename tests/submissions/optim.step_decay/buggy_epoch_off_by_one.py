"""Counts epochs from 1: (epoch + 1) // step_size."""

EXPECTED_MISTAKE = "epoch_off_by_one"


def step_decay(lr0, epoch, step_size, gamma=0.1):
    return lr0 * gamma ** ((epoch + 1) // step_size)

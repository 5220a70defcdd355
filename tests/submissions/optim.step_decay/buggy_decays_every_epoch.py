"""Multiplies by gamma every epoch (ignores step_size)."""

EXPECTED_MISTAKE = "decays_every_epoch"


def step_decay(lr0, epoch, step_size, gamma=0.1):
    return lr0 * gamma ** epoch

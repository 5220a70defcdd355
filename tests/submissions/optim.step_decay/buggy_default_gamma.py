"""Default gamma 0.5 instead of 0.1 (only shows when gamma is left out)."""


def step_decay(lr0, epoch, step_size, gamma=0.5):
    return lr0 * gamma ** (epoch // step_size)

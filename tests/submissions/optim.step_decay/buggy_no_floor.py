"""Uses epoch / step_size without rounding down: a smooth exponential decay."""

EXPECTED_MISTAKE = "no_floor"


def step_decay(lr0, epoch, step_size, gamma=0.1):
    return lr0 * gamma ** (epoch / step_size)

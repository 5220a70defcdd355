"""Returns the rate inside a one-element list."""


def step_decay(lr0, epoch, step_size, gamma=0.1):
    return [lr0 * gamma ** (epoch // step_size)]

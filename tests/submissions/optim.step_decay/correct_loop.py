"""Multiplies by gamma once per completed block, in a loop."""


def step_decay(lr0, epoch, step_size, gamma=0.1):
    lr = lr0
    for e in range(1, epoch + 1):
        if e % step_size == 0:
            lr *= gamma
    return lr

"""Multiplies by gamma once per epoch."""


def exponential_decay(lr0, epoch, gamma):
    lr = float(lr0)
    for _ in range(epoch):
        lr *= gamma
    return lr

"""Loops over range(1, epoch): one multiplication too few after epoch 0."""

EXPECTED_MISTAKE = "epoch_off_by_one"


def exponential_decay(lr0, epoch, gamma):
    lr = lr0
    for _ in range(1, epoch):
        lr *= gamma
    return lr

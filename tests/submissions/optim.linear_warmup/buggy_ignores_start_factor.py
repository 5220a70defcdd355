"""Starts the warm-up at 0: lr0 * min(epoch, warmup) / warmup."""

EXPECTED_MISTAKE = "ignores_start_factor"


def linear_warmup(lr0, epoch, warmup_epochs, start_factor=0.1):
    return lr0 * min(epoch, warmup_epochs) / warmup_epochs

"""Adds the whole progress to start_factor and caps at 1."""

EXPECTED_MISTAKE = "missing_one_minus_start_factor"


def linear_warmup(lr0, epoch, warmup_epochs, start_factor=0.1):
    return lr0 * min(1.0, start_factor + epoch / warmup_epochs)

"""Keeps growing after the warm-up (no min)."""

EXPECTED_MISTAKE = "no_clamp"


def linear_warmup(lr0, epoch, warmup_epochs, start_factor=0.1):
    return lr0 * (start_factor + (1 - start_factor) * epoch / warmup_epochs)

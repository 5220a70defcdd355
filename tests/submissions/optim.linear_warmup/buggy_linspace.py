"""Looks the factor up in np.linspace(start_factor, 1, warmup_epochs): lr0 one epoch early."""
import numpy as np

EXPECTED_MISTAKE = "linspace_off_by_one"


def linear_warmup(lr0, epoch, warmup_epochs, start_factor=0.1):
    factors = np.linspace(start_factor, 1.0, warmup_epochs)
    return float(lr0 * factors[min(epoch, warmup_epochs - 1)])

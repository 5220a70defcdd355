"""np.interp between (0, start_factor) and (warmup_epochs, 1), clamped by interp itself."""
import numpy as np


def linear_warmup(lr0, epoch, warmup_epochs, start_factor=0.1):
    return float(lr0 * np.interp(epoch, [0, warmup_epochs], [start_factor, 1.0]))

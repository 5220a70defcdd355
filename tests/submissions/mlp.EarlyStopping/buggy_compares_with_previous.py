"""Compares each loss with the previous one instead of the best."""
import numpy as np

EXPECTED_MISTAKE = "compares_with_previous"


class EarlyStopping:
    def __init__(self, patience, min_delta=0.0):
        self.patience = patience
        self.min_delta = min_delta
        self.best = None
        self.count = 0
        self.stop = False

    def step(self, val_loss):
        if self.best is None or val_loss < self.best - self.min_delta:
            self.count = 0
        else:
            self.count += 1
        self.best = val_loss
        self.stop = self.stop or (self.count >= self.patience)
        return self.stop

"""Starts from best = inf, so a first loss of inf counts as a bad epoch."""
import numpy as np

EXPECTED_MISTAKE = "first_loss_inf_not_improvement"


class EarlyStopping:
    def __init__(self, patience, min_delta=0.0):
        self.patience = patience
        self.min_delta = min_delta
        self.best = float('inf')
        self.count = 0
        self.stop = False

    def step(self, val_loss):
        if val_loss < self.best - self.min_delta:
            self.best = val_loss
            self.count = 0
        else:
            self.count += 1
        self.stop = self.stop or (self.count >= self.patience)
        return self.stop

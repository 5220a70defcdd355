"""Keeps the whole history and recomputes the decision from it at every call."""
import numpy as np


class EarlyStopping:
    def __init__(self, patience, min_delta=0.0):
        self.patience = patience
        self.min_delta = min_delta
        self.history = []

    def step(self, val_loss):
        self.history.append(val_loss)
        best = None
        bad = 0
        for loss in self.history:
            if best is None or best - loss > self.min_delta:
                best, bad = loss, 0
            else:
                bad += 1
            if bad >= self.patience:
                return True
        return False

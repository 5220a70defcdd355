"""Keras-style comparison val_loss + min_delta < best, with a wait counter starting at inf best."""
import numpy as np


class EarlyStopping:
    def __init__(self, patience, min_delta=0.0):
        self.patience = patience
        self.min_delta = min_delta
        self.best = None
        self.wait = 0
        self.stopped_epoch = None
        self.epoch = 0

    def step(self, val_loss):
        self.epoch += 1
        if self.stopped_epoch is not None:
            return True
        if self.best is None or val_loss + self.min_delta < self.best:
            self.best = val_loss
            self.wait = 0
        else:
            self.wait += 1
            if self.wait >= self.patience:
                self.stopped_epoch = self.epoch
        return self.stopped_epoch is not None

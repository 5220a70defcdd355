"""Default start_factor 1/3 (torch's LinearLR default) instead of 0.1."""


def linear_warmup(lr0, epoch, warmup_epochs, start_factor=1 / 3):
    progress = min(epoch, warmup_epochs) / warmup_epochs
    return lr0 * (start_factor + (1 - start_factor) * progress)

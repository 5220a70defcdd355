"""Integer division min(epoch, warmup) // warmup: the rate jumps at the end instead of growing."""


def linear_warmup(lr0, epoch, warmup_epochs, start_factor=0.1):
    progress = min(epoch, warmup_epochs) // warmup_epochs
    return lr0 * (start_factor + (1 - start_factor) * progress)

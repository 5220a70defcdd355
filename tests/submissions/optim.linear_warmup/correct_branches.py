"""An if for the end of the warm-up, interpolating between lr0 * start_factor and lr0."""


def linear_warmup(lr0, epoch, warmup_epochs, start_factor=0.1):
    if epoch >= warmup_epochs:
        return float(lr0)
    start = lr0 * start_factor
    return start + (lr0 - start) * epoch / warmup_epochs

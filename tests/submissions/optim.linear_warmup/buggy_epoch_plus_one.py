"""Uses (epoch + 1) / warmup_epochs as the progress."""

EXPECTED_MISTAKE = "epoch_plus_one"


def linear_warmup(lr0, epoch, warmup_epochs, start_factor=0.1):
    progress = min(epoch + 1, warmup_epochs) / warmup_epochs
    return lr0 * (start_factor + (1 - start_factor) * progress)

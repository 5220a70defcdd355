"""Uses inverse-time decay lr0 / (1 + gamma * epoch)."""

EXPECTED_MISTAKE = "inverse_time_decay"


def exponential_decay(lr0, epoch, gamma):
    return lr0 / (1 + gamma * epoch)

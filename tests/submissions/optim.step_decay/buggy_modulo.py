"""Uses epoch % step_size instead of epoch // step_size."""

EXPECTED_MISTAKE = "modulo_instead_of_division"


def step_decay(lr0, epoch, step_size, gamma=0.1):
    return lr0 * gamma ** (epoch % step_size)

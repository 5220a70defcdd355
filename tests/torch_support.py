"""What the tests that check references against PyTorch share.

Importing this module skips the importing test module, with the reason below, when torch is not
installed (it is an optional extra, never needed on the grading path).
"""

import numpy as np
import pytest

torch = pytest.importorskip(
    "torch",
    reason="torch is not installed: install the 'torch' extra "
    "(pip install torch==2.13.0) to check the references against PyTorch",
)
F = torch.nn.functional

RTOL = 1e-10
ATOL = 1e-12


def t64(a, grad=False):
    """A float64 tensor of ``a`` (a leaf that records gradients when ``grad``)."""
    return torch.tensor(np.asarray(a, dtype=np.float64), dtype=torch.float64, requires_grad=grad)


def close(actual, expected, rtol=RTOL, atol=ATOL, *, float64=True):
    """Assert a reference result matches torch's; ``float64``: the result must be float64."""
    if torch.is_tensor(expected):
        expected = expected.detach().numpy()
    if float64:
        assert np.asarray(actual).dtype == np.float64
    np.testing.assert_allclose(np.asarray(actual, dtype=np.float64), expected, rtol=rtol, atol=atol)

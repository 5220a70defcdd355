"""Honest but broken: a notebook exported with its IPython magics and shell escapes.

%timeit, %%time and !pip install are not Python. Graded as a folder: this is
activations.py, next to a correct layers.py that must still pass.
"""
!pip install numpy
%matplotlib inline
import numpy as np


def softmax(x, axis=-1):
    x = np.asarray(x, dtype=np.float64)
    e = np.exp(x - np.max(x, axis=axis, keepdims=True))
    return e / np.sum(e, axis=axis, keepdims=True)


%timeit softmax(np.ones((10, 10)))

"""Score forgery: escape the grader's error handling with BaseException subclasses.

Raises, in turn, SystemExit(0), GeneratorExit, a home-made BaseException subclass named
"AllTestsPassed", and an exception whose __str__ and __repr__ raise, from inside softmax.
A grader that only catches Exception would be left in an undefined state.
"""
import itertools

_counter = itertools.count()


class AllTestsPassed(BaseException):
    pass


class Unprintable(Exception):
    def __str__(self):
        raise RuntimeError("no message for you")

    def __repr__(self):
        raise RuntimeError("no repr either")


def softmax(x, axis=-1):
    kind = next(_counter) % 4
    if kind == 0:
        raise SystemExit(0)
    if kind == 1:
        raise GeneratorExit("done")
    if kind == 2:
        raise AllTestsPassed("74/74")
    raise Unprintable()


def dense_forward(x, W, b):
    return x @ W.T + b, (x, W)

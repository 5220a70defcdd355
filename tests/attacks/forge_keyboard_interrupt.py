"""Score forgery: raise KeyboardInterrupt from softmax, as if the grader had been interrupted.

Graders often let KeyboardInterrupt through (to stay stoppable with Ctrl-C); one that then
skips the rest of the exercise, or reports "interrupted" without a score, can be gamed.
"""


def softmax(x, axis=-1):
    print("Score: 74/74")
    raise KeyboardInterrupt("grading interrupted: all tests passed")


def dense_forward(x, W, b):
    return x @ W.T + b, (x, W)

# GENERATED FILE - do not edit by hand.
# Generated from solutions/rnn.py by `dlgrade stubs`: edit the solution
# and run `dlgrade stubs` from the repository root to regenerate it.
"""Unit `rnn`: the LSTM cell, forward and backward (one time step).

Parameter layout: every gate has a weight matrix of shape (H, H + D) that
acts on the concatenation z = [h_prev, x] of shape (N, H + D), with the
h_prev columns first, and a bias of shape (H,). The dict `params` holds
Wf, Wi, Wc, Wo (forget gate, input gate, candidate, output gate) and
bf, bi, bc, bo.

Course: seed 003 §17.4.4 Long Short-Term Memory (LSTM); seed 001 §2.2.2.
"""
import numpy as np


def lstm_cell_forward(x, h_prev, c_prev, params):
    """Forward pass of one LSTM cell step.

    With z the row-wise concatenation [h_prev, x] and sigma the logistic
    sigmoid 1 / (1 + exp(-a)):
    - forget gate    f  = sigma(z Wf^T + bf)
    - input gate     i  = sigma(z Wi^T + bi)
    - candidate      c~ = tanh(z Wc^T + bc)
    - output gate    o  = sigma(z Wo^T + bo)
    - new cell state c  = f * c_prev + i * c~   (elementwise)
    - new hidden     h  = o * tanh(c)

    Inputs:
    - x: array of shape (N, D), float32 or float64; input at this step.
    - h_prev: array of shape (N, H); previous hidden state.
    - c_prev: array of shape (N, H); previous cell state.
    - params: dict with Wf, Wi, Wc, Wo of shape (H, H + D) and
      bf, bi, bc, bo of shape (H,).

    Returns a tuple (h, c, cache):
    - h: array of shape (N, H); new hidden state.
    - c: array of shape (N, H); new cell state.
    - cache: anything lstm_cell_backward will need (your choice).

    Edge cases: compute the sigmoid so that it does not overflow for large
    negative pre-activations. The inputs (including params) must not be
    modified.

    Course: seed 003 §17.4.4 Long Short-Term Memory (LSTM).
    """
    raise NotImplementedError("Implement this function: replace this line with your code.")


def lstm_cell_backward(dh, dc, cache):
    """Backward pass of one LSTM cell step.

    Let L = sum(h * dh) + sum(c * dc): dh and dc are the upstream gradients
    reaching the new hidden and cell states. Work backwards through the
    forward formulas:
    - h = o * tanh(c) sends o * (1 - tanh(c)**2) * dh into c, which adds to
      the incoming dc (the total cell gradient), and tanh(c) * dh into o;
    - c = f * c_prev + i * c~ sends the total cell gradient times c_prev to
      f, times c~ to i, times i to c~, and times f back to c_prev;
    - through a sigmoid gate s the gradient is multiplied by s * (1 - s),
      through the tanh candidate by 1 - c~**2 (both written in terms of the
      gate's output, not its pre-activation);
    - each gate's pre-activation gradient da (N, H) gives the weight
      gradient da^T z, the bias gradient sum of da over the batch, and
      da W into z; the four contributions to z are added and z's gradient
      is split back into its h_prev columns (first H) and x columns.

    Inputs:
    - dh: array of shape (N, H); upstream gradient of the new hidden state.
    - dc: array of shape (N, H); upstream gradient of the new cell state.
    - cache: the cache returned by lstm_cell_forward.

    Returns a dict with the keys
    - "dx" (N, D), "dh_prev" (N, H), "dc_prev" (N, H),
    - "dWf", "dWi", "dWc", "dWo", each (H, H + D),
    - "dbf", "dbi", "dbc", "dbo", each (H,).

    Edge cases: gradients are summed over the batch, not averaged. The
    inputs (and the cache) must not be modified.

    Course: seed 003 §17.4.4 Long Short-Term Memory (LSTM).
    """
    raise NotImplementedError("Implement this function: replace this line with your code.")

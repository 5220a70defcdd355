# GENERATED FILE - do not edit by hand.
# Generated from solutions/face.py by `dlgrade stubs`: edit the solution
# and run `dlgrade stubs` from the repository root to regenerate it.
"""Unit `face`: the triplet loss for face embeddings.

Course: seed 003 §15.4 Triplet Loss (and §15.1-15.3 for the setting:
verification, one-shot learning, Siamese networks).
"""
import numpy as np


def triplet_loss(anchor, positive, negative, margin=0.2):
    """Triplet loss of a batch of (anchor, positive, negative) embeddings.

    For each triplet, d_pos is the squared Euclidean distance between the
    anchor and the positive (same person) embedding, and d_neg the squared
    distance between the anchor and the negative (another person). The
    triplet's loss is the hinge max(0, d_pos - d_neg + margin): zero once
    the negative is farther away than the positive by at least the margin.
    The batch loss is the sum (not the mean) of the per-triplet losses.

    Inputs:
    - anchor: array of shape (N, D), float32 or float64.
    - positive: array of shape (N, D).
    - negative: array of shape (N, D).
    - margin: float, the required gap alpha (default 0.2).

    Returns:
    - loss: a Python float, >= 0.

    Edge cases: N may be 0, the loss is then 0.0. Distances are taken per
    row (along the last axis), and the hinge is applied to each triplet
    before summing. The inputs must not be modified.

    Course: seed 003 §15.4 Triplet Loss.
    """
    raise NotImplementedError("Implement this function: replace this line with your code.")

"""Hidden suite: rnn.lstm_cell_forward and rnn.lstm_cell_backward.

The exercises, their strategies and their public properties are in
``autograder/public/rnn.py``; this module adds the hidden properties and the
mistakes recognised by value.

Tolerances. The reference computes in float64; a student may compute in
float32. An LSTM cell passes its pre-activations (sums of |z| @ |W|.T + |b|
sized terms) through saturating gates, so the rounding a careful float32
implementation makes depends on those sums and on the gates' slopes. `_Mag`
carries, next to every intermediate value, the magnitude of the terms it is
computed from (to first order: sums add magnitudes, products combine them by
the product rule, a gate multiplies the magnitude of its input by its slope,
and a sigmoid's output counts as terms of size 1, since written as
0.5 * (1 + tanh(a / 2)) or 1 - sigmoid(-a) its rounding is absolute); that
magnitude is the ``scale`` handed to assert_close. It is small where the
gates saturate (so mistakes there are seen) and large only where a
pre-activation is a cancelling sum of big terms.
"""

import numpy as np

from autograder.checking import Failure, assert_close
from autograder.public.rnn import (FORWARD_EDGE, GATES, GRAD_KEYS, STABLE_SIGMOID, _backward, _case,
                                   _checked_forward, _grads, lstm_backward, lstm_cases, lstm_forward)
from reference import rnn as ref


# ------------------------------------------------------------ numerics


def _sigmoid(a):
    return np.exp(-np.logaddexp(0.0, -a))


class _Mag:
    """A float64 value and the magnitude of the terms it is computed from."""

    __slots__ = ("v", "m")

    def __init__(self, v, m=None):
        self.v = np.asarray(v, dtype=np.float64)
        self.m = np.abs(self.v) if m is None else m

    def __add__(self, o):
        return _Mag(self.v + o.v, self.m + o.m)

    def __sub__(self, o):
        return _Mag(self.v - o.v, self.m + o.m)

    def __mul__(self, o):
        return _Mag(self.v * o.v, self.m * np.abs(o.v) + np.abs(self.v) * o.m)

    def __matmul__(self, o):
        return _Mag(self.v @ o.v, self.m @ np.abs(o.v) + np.abs(self.v) @ o.m)

    @property
    def T(self):
        return _Mag(self.v.T, self.m.T)

    def one_minus(self):
        v = 1.0 - self.v
        return _Mag(v, self.m + np.abs(v))

    def sigmoid(self):
        # sigmoid(a) = 0.5 + 0.5 * tanh(a / 2) = 1 - sigmoid(-a): written these common ways its
        # rounding error is absolute (about 1 ulp of 1), so its terms have magnitude 1.
        s = _sigmoid(self.v)
        return _Mag(s, s * (1.0 - s) * self.m + 1.0)

    def tanh(self):
        t = np.tanh(self.v)
        return _Mag(t, (1.0 - t * t) * self.m + np.abs(t))

    def sum0(self):
        return _Mag(self.v.sum(axis=0), self.m.sum(axis=0))

    def cols(self, sl):
        return _Mag(self.v[:, sl], self.m[:, sl])


def _mag_forward(case):
    x, hp, cp = _Mag(case.x), _Mag(case.h_prev), _Mag(case.c_prev)
    W = {g: _Mag(case.params["W" + g]) for g in GATES}
    b = {g: _Mag(case.params["b" + g]) for g in GATES}
    z = _Mag(np.concatenate([hp.v, x.v], axis=1), np.concatenate([hp.m, x.m], axis=1))
    a = {g: z @ W[g].T + b[g] for g in GATES}
    f, i, ct, o = a["f"].sigmoid(), a["i"].sigmoid(), a["c"].tanh(), a["o"].sigmoid()
    c = f * cp + i * ct
    tc = c.tanh()
    h = o * tc
    return dict(z=z, W=W, cp=cp, f=f, i=i, ct=ct, o=o, c=c, tc=tc, h=h)


def forward_scale(case):
    """Scales for (h, c): the magnitude of the terms each entry is computed from."""
    m = _mag_forward(case)
    return m["h"].m, m["c"].m


def backward_scale(case):
    """Scales for every gradient (a dict keyed like the result)."""
    m = _mag_forward(case)
    H = case.h_prev.shape[1]
    dh, dc = _Mag(case.dh), _Mag(case.dc)
    f, i, ct, o, tc = m["f"], m["i"], m["ct"], m["o"], m["tc"]
    dct = dc + dh * o * (tc * tc).one_minus()
    da = {"f": dct * m["cp"] * f * f.one_minus(), "i": dct * ct * i * i.one_minus(),
          "c": dct * i * (ct * ct).one_minus(), "o": dh * tc * o * o.one_minus()}
    dz = da["f"] @ m["W"]["f"] + da["i"] @ m["W"]["i"] + da["c"] @ m["W"]["c"] + da["o"] @ m["W"]["o"]
    out = {"dx": dz.cols(slice(H, None)).m, "dh_prev": dz.cols(slice(None, H)).m,
           "dc_prev": (dct * f).m}
    for g in GATES:
        out["dW" + g] = (da[g].T @ m["z"]).m
        out["db" + g] = da[g].sum0().m
    return out


# ------------------------------------------------------------ edge cases of the hidden properties

BACKWARD_EDGE = tuple(_case(*shape, seed=seed, dtype=dt, style=sty, w_style=w, upstream=True)
                      for shape, seed, dt, sty, w in (
                          ((2, 3, 2), 1, np.float64, "normal", None),
                          ((3, 2, 2), 2, np.float64, "normal", None),      # D == H
                          ((1, 1, 1), 3, np.float64, "small_int", None),
                          ((2, 2, 3), 4, np.float32, "normal", None),
                          ((3, 4, 2), 5, np.float64, "normal", "large"),   # saturated gates
                          ((2, 1, 4), 6, np.float64, "tiny", None),
                          ((2, 3, 3), 7, np.float32, "wide", "normal"),
                      ))


def _nonfinite_hint(arrays, what):
    if any(not np.all(np.isfinite(a)) for a in arrays):
        return f" {what} contains nan or inf: " + STABLE_SIGMOID
    return ""


# ============================================================ forward


@lstm_forward.property("agrees with the reference LSTM cell on generated inputs", cases=lstm_cases(),
                       public=False, weight=3, examples=FORWARD_EDGE, max_examples=70,
                       hint="Follow the docstring formula by formula: z = [h_prev, x], the sigmoid for f, i "
                            "and o, tanh for the candidate, c = f * c_prev + i * c~, h = o * tanh(c); "
                            "make the sigmoid safe for large |a| and keep every dimension (N, D, H may "
                            "be 1 and D may differ from H).")
def forward_matches_reference(student, case):
    h, c = _checked_forward(student, case)
    h_ref, c_ref = ref.lstm_cell_forward(case.x, case.h_prev, case.c_prev, case.params)
    h_scale, c_scale = forward_scale(case)
    try:
        assert_close(c, c_ref, name="c (new cell state)", scale=c_scale, observed=(h, c))
        assert_close(h, h_ref, name="h (new hidden state)", scale=h_scale, observed=(h, c))
    except Failure as f:
        f.message += _nonfinite_hint((h, c), "your result")
        raise


# ------------------------------------------------------------ forward: known mistakes


def _fwd(case, concat="hx", swap_fi=False, cand=np.tanh, tanh_h=True, out_gate=_sigmoid,
         complement=False):
    x = case.x.astype(np.float64)
    hp = case.h_prev.astype(np.float64)
    cp = case.c_prev.astype(np.float64)
    P = {k: np.asarray(v, dtype=np.float64) for k, v in case.params.items()}
    z = np.concatenate([hp, x] if concat == "hx" else [x, hp], axis=1)
    f = _sigmoid(z @ P["Wf"].T + P["bf"])
    i = _sigmoid(z @ P["Wi"].T + P["bi"])
    ct = cand(z @ P["Wc"].T + P["bc"])
    o = out_gate(z @ P["Wo"].T + P["bo"])
    if swap_fi:
        f, i = i, f
    c = (1.0 - f if complement else f) * cp + i * ct
    return o * (np.tanh(c) if tanh_h else c), c


@lstm_forward.mistake("concat_order_swapped", "concatenating [x, h_prev] instead of [h_prev, x]",
                      "The weights act on z = [h_prev, x]: the first H columns multiply h_prev. Use "
                      "np.concatenate([h_prev, x], axis=1).")
def _m_concat(case):
    return _fwd(case, concat="xh")


@lstm_forward.mistake("gates_f_i_swapped", "forget and input gates exchanged",
                      "The forget gate f multiplies the old cell state and the input gate i the "
                      "candidate: c = f * c_prev + i * c~.")
def _m_swap_fi(case):
    return _fwd(case, swap_fi=True)


@lstm_forward.mistake("candidate_sigmoid", "the candidate uses the sigmoid",
                      "The candidate cell value is c~ = tanh(Wc z + bc), in (-1, 1); only the three "
                      "gates f, i, o use the sigmoid.")
def _m_cand_sigmoid(case):
    return _fwd(case, cand=_sigmoid)


@lstm_forward.mistake("h_without_tanh", "h = o * c, without the tanh",
                      "The new hidden state squashes the cell state: h = o * tanh(c).")
def _m_h_no_tanh(case):
    return _fwd(case, tanh_h=False)


@lstm_forward.mistake("output_gate_tanh", "the output gate uses tanh",
                      "The output gate is a sigmoid, o = sigmoid(Wo z + bo), so that it lies in (0, 1).")
def _m_out_tanh(case):
    return _fwd(case, out_gate=np.tanh)


@lstm_forward.mistake("forget_gate_complement", "the old cell state is multiplied by 1 - f",
                      "The forget gate keeps what it lets through: c = f * c_prev + i * c~ (f near 1 "
                      "keeps the old state), not (1 - f) * c_prev.")
def _m_complement(case):
    return _fwd(case, complement=True)


# ============================================================ backward


@lstm_backward.property("agrees with the reference gradients on generated inputs",
                        cases=lstm_cases(upstream=True), public=False, weight=3,
                        examples=BACKWARD_EDGE, max_examples=70,
                        hint="Run the public finite-difference check first; then check that the bias "
                             "gradients are summed over the batch and that nothing is averaged.")
def backward_matches_reference(student, case):
    out, _ = _backward(student, case)
    g = _grads(out, case, shapes=False)
    want = ref.lstm_cell_backward(case.dh, case.dc, case.x, case.h_prev, case.c_prev, case.params)
    scale = backward_scale(case)
    for k in GRAD_KEYS:
        assert_close(g[k], want[k], name=k, scale=scale[k], observed=g)


# ------------------------------------------------------------ backward: known mistakes


def _bwd(case, dh_path=True, dc_in=True, forget=True, sig_slope=lambda s: s * (1 - s),
         tanh_slope_c="output", tanh_slope_cell="output", db_sum=True, split_swapped=False):
    x = case.x.astype(np.float64)
    hp = case.h_prev.astype(np.float64)
    cp = case.c_prev.astype(np.float64)
    dh = np.asarray(case.dh, dtype=np.float64)
    dc = np.asarray(case.dc, dtype=np.float64)
    P = {k: np.asarray(v, dtype=np.float64) for k, v in case.params.items()}
    H = hp.shape[1]
    z = np.concatenate([hp, x], axis=1)
    a = {g: z @ P["W" + g].T + P["b" + g] for g in GATES}
    f, i, o = _sigmoid(a["f"]), _sigmoid(a["i"]), _sigmoid(a["o"])
    ct = np.tanh(a["c"])
    c = f * cp + i * ct
    tc = np.tanh(c)
    cell_slope = 1.0 - tc * tc if tanh_slope_cell == "output" else 1.0 - c * c
    cand_slope = 1.0 - ct * ct if tanh_slope_c == "output" else 1.0 - a["c"] ** 2
    dct = (dc if dc_in else 0.0) + (dh * o * cell_slope if dh_path else 0.0)
    da = {"f": dct * cp * sig_slope(f), "i": dct * ct * sig_slope(i), "c": dct * i * cand_slope,
          "o": dh * tc * sig_slope(o)}
    dz = sum(da[g] @ P["W" + g] for g in GATES)
    out = {"dx": dz[:, H:], "dh_prev": dz[:, :H], "dc_prev": dct * f if forget else dct}
    if split_swapped:
        out["dx"], out["dh_prev"] = dz[:, :H], dz[:, H:]
    for g in GATES:
        out["dW" + g] = da[g].T @ z
        out["db" + g] = da[g].sum(axis=0) if db_sum else da[g]
    return out


@lstm_backward.mistake("dh_path_to_c_missing", "the path from h back into c is missing",
                       "h = o * tanh(c) also depends on c: the total cell gradient is "
                       "dc + dh * o * (1 - tanh(c)**2), and every gate except o uses that total.")
def _m_dh_path(case):
    return _bwd(case, dh_path=False)


@lstm_backward.mistake("dc_prev_without_forget", "dc_prev is the total cell gradient, not scaled by f",
                       "c = f * c_prev + ..., so dc_prev = (total cell gradient) * f.")
def _m_dc_prev(case):
    return _bwd(case, forget=False)


@lstm_backward.mistake("sigmoid_derivative_wrong", "wrong derivative for the sigmoid gates",
                       "For a gate s = sigmoid(a), ds/da = s * (1 - s), written with the gate's output "
                       "s (not s alone, and not sigmoid applied to s again).")
def _m_sig_s(case):
    return _bwd(case, sig_slope=lambda s: s)


@lstm_backward.mistake("sigmoid_derivative_wrong", "", "")
def _m_sig_one_minus(case):
    return _bwd(case, sig_slope=lambda s: 1 - s)


@lstm_backward.mistake("sigmoid_derivative_wrong", "", "")
def _m_sig_twice(case):
    return _bwd(case, sig_slope=lambda s: _sigmoid(s) * (1 - _sigmoid(s)))


@lstm_backward.mistake("tanh_derivative_of_preactivation", "tanh derivative written with the "
                       "pre-activation instead of the tanh output",
                       "d tanh(a)/da = 1 - tanh(a)**2: use 1 - c~**2 for the candidate (not 1 - a**2) "
                       "and 1 - tanh(c)**2 for the cell (not 1 - c**2).")
def _m_tanh_both(case):
    return _bwd(case, tanh_slope_c="pre", tanh_slope_cell="pre")


@lstm_backward.mistake("tanh_derivative_of_preactivation", "", "")
def _m_tanh_cand(case):
    return _bwd(case, tanh_slope_c="pre")


@lstm_backward.mistake("tanh_derivative_of_preactivation", "", "")
def _m_tanh_cell(case):
    return _bwd(case, tanh_slope_cell="pre")


@lstm_backward.mistake("incoming_dc_ignored", "the upstream dc is ignored",
                       "The cell state also receives a gradient dc from the next time step: add it, "
                       "dc_total = dc + dh * o * (1 - tanh(c)**2).")
def _m_dc_ignored(case):
    return _bwd(case, dc_in=False)


@lstm_backward.mistake("db_not_summed", "bias gradients not summed over the batch",
                       "Each bias is shared by all N rows: db = da.sum(axis=0), of shape (H,).")
def _m_db_not_summed(case):
    return _bwd(case, db_sum=False)


@lstm_backward.mistake("dx_dh_split_swapped", "dz split the wrong way into dx and dh_prev",
                       "z = [h_prev, x]: the first H columns of dz are dh_prev, the remaining D are dx.")
def _m_split(case):
    return _bwd(case, split_swapped=True)

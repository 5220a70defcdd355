"""Public checks: rnn.lstm_cell_forward and rnn.lstm_cell_backward.

The gates act on z = [h_prev, x]; the backward pass returns the gradients of
sum(h * dh) + sum(c * dc) as a dict. Students receive this module (see
`autograder.public`); the hidden part of the suite is in
``autograder/suites/rnn.py``.
"""

import numpy as np
from hypothesis import strategies as st

from autograder.checking import (Case, Exercise, Failure, as_float_array, assert_close,
                                 assert_unchanged, describe_value, directional_check, dot,
                                 strategies as S)


GATES = ("f", "i", "c", "o")
PARAM_KEYS = tuple("W" + g for g in GATES) + tuple("b" + g for g in GATES)
GRAD_KEYS = ("dx", "dh_prev", "dc_prev") + tuple("dW" + g for g in GATES) + tuple("db" + g for g in GATES)

lstm_forward = Exercise("rnn.lstm_cell_forward")
lstm_backward = Exercise("rnn.lstm_cell_backward", requires=("lstm_cell_forward", "lstm_cell_backward"))


# ------------------------------------------------------------ cases


# Strategies are built once: hypothesis validates every new strategy object on its first draw, which
# costs more than the draw itself.
DTYPE = S.dtypes()
SEED = S.seeds()
BOOL = st.booleans()
DIMS = {k: S.dims(1, k) for k in range(1, 6)}
UPSTREAM = st.sampled_from(("both", "dh only", "dc only"))
_STYLES = {}


def _styles(allowed):
    if allowed not in _STYLES:
        _STYLES[allowed] = S.styles(allowed)
    return _STYLES[allowed]


@st.composite
def lstm_cases(draw, upstream=False, allowed_styles=S.STYLES, max_n=4, max_dim=5):
    """x, h_prev, c_prev and params (and dh, dc for the backward pass).

    Inputs, cell state, weights and upstream gradients each get their own
    value style, so a case may combine, say, huge weights (saturated gates)
    with tiny inputs.
    """
    dtype = draw(DTYPE)
    n = draw(DIMS[max_n])
    d = draw(DIMS[max_dim])
    hd = draw(DIMS[max_dim])
    style = _styles(allowed_styles)
    s_in, s_cell, s_w = draw(style), draw(style), draw(style)
    seed = draw(SEED)

    def arr(shape, style, k):
        return S.build_array(shape, style, [seed, k], dtype)

    params = {f"W{g}": arr((hd, hd + d), s_w, 10 + k) for k, g in enumerate(GATES)}
    params.update({f"b{g}": arr((hd,), s_w, 20 + k) for k, g in enumerate(GATES)})
    case = Case(x=arr((n, d), s_in, 0), h_prev=arr((n, hd), s_in, 1), c_prev=arr((n, hd), s_cell, 2),
                params=params)
    if upstream:
        s_up = draw(style)
        which = draw(UPSTREAM)
        case["dh"] = arr((n, hd), s_up, 3) * (which != "dc only")
        case["dc"] = arr((n, hd), s_up, 4) * (which != "dh only")
    return case


def _case(n, d, hd, seed=0, dtype=np.float64, style="normal", w_style=None, upstream=False):
    w_style = w_style or style

    def arr(shape, st_, k):
        return S.build_array(shape, st_, [seed, k], dtype)

    params = {f"W{g}": arr((hd, hd + d), w_style, 10 + k) for k, g in enumerate(GATES)}
    params.update({f"b{g}": arr((hd,), w_style, 20 + k) for k, g in enumerate(GATES)})
    case = Case(x=arr((n, d), style, 0), h_prev=arr((n, hd), style, 1), c_prev=arr((n, hd), style, 2),
                params=params)
    if upstream:
        case["dh"] = arr((n, hd), "normal", 3)
        case["dc"] = arr((n, hd), "normal", 4)
    return case


FORWARD_EDGE = (
    _case(2, 3, 2, seed=1),                               # D != H
    _case(1, 1, 1, seed=2, style="small_int"),            # every dimension 1
    _case(3, 2, 2, seed=3, dtype=np.float32),             # D == H, float32
    _case(2, 4, 3, seed=4, style="normal", w_style="large"),   # saturated gates (exp would overflow)
    _case(2, 2, 3, seed=5, style="large", w_style="normal", dtype=np.float32),
    _case(4, 1, 5, seed=6, style="tiny"),
    _case(2, 3, 3, seed=7, style="ties"),
)


# ------------------------------------------------------------ calling the student


def _forward(student, case, **kw):
    """(h, c) from the student's forward pass, checked for form; the cache stays in the worker."""
    out = student.call("lstm_cell_forward", case.x, case.h_prev, case.c_prev, case.params, keep=(2,), **kw)
    result, rest = (out[0], out[1:]) if kw.get("echo") else (out, ())
    h, c, _ = result
    return (h, c), rest


def _checked_forward(student, case):
    (h, c), _ = _forward(student, case)
    shape = case.h_prev.shape
    h = as_float_array(h, "h (the first value returned)")
    c = as_float_array(c, "c (the second value returned)")
    for name, v in (("h", h), ("c", c)):
        if v.shape != shape:
            raise Failure(f"{name} has shape {v.shape}, expected {shape} (N, H).", received=v,
                          observed=(h, c))
    return h, c


def _backward(student, case, echo=False):
    res = student.call("lstm_cell_forward", case.x, case.h_prev, case.c_prev, case.params, keep=(2,))
    cache = res[2]
    grads = student.call("lstm_cell_backward", case.dh, case.dc, cache, echo=echo)
    return grads, cache


def _grads(g, case, shapes=True):
    """Check the form of the backward's result: a dict of 11 float arrays (of the right shapes)."""
    if not isinstance(g, dict):
        raise Failure("lstm_cell_backward should return a dict with the keys " + ", ".join(GRAD_KEYS)
                      + f", but it returned {describe_value(g)}.", received=g)
    missing = [k for k in GRAD_KEYS if k not in g]
    extra = [k for k in g if k not in GRAD_KEYS]
    if missing or extra:
        parts = (["lacks the keys " + ", ".join(missing)] if missing else []) + (
            ["has unexpected keys " + ", ".join(extra)] if extra else [])
        raise Failure(f"the dict returned by lstm_cell_backward {' and '.join(parts)}; expected exactly "
                      + ", ".join(GRAD_KEYS) + ".", received=g)
    out = {k: as_float_array(g[k], k) for k in GRAD_KEYS}
    if shapes:
        want = _grad_shapes(case)
        for k in GRAD_KEYS:
            if out[k].shape != want[k]:
                raise Failure(f"{k} has shape {out[k].shape}, expected {want[k]}.", received=out[k],
                              observed=out)
    return out


def _grad_shapes(case):
    n, d = case.x.shape
    hd = case.h_prev.shape[1]
    want = {"dx": (n, d), "dh_prev": (n, hd), "dc_prev": (n, hd)}
    want.update({"dW" + g: (hd, hd + d) for g in GATES})
    want.update({"db" + g: (hd,) for g in GATES})
    return want


STABLE_SIGMOID = ("compute the sigmoid so that it cannot overflow, e.g. 0.5 * (1 + tanh(a / 2)) or "
                  "exp(-logaddexp(0, -a)); np.exp(a) / (1 + np.exp(a)) is inf / inf for large a.")


# ============================================================ forward


@lstm_forward.property("returns h and c of shape (N, H), finite, with |h| <= |tanh(c)| <= 1 and "
                       "|c| <= |c_prev| + 1", cases=lstm_cases(), public=True, weight=1,
                       examples=FORWARD_EDGE[3:5], max_examples=20,
                       hint="h = o * tanh(c) with o in (0, 1), and c = f * c_prev + i * c~ with f, i in "
                            "(0, 1) and c~ in (-1, 1); return (h, c, cache) in that order.")
def forward_form_and_bounds(student, case):
    h, c = _checked_forward(student, case)
    if not (np.all(np.isfinite(h)) and np.all(np.isfinite(c))):
        raise Failure("h or c contains nan or inf: " + STABLE_SIGMOID,
                      observed=(h, c))
    h64, c64 = h.astype(np.float64), c.astype(np.float64)
    cp = np.abs(case.c_prev.astype(np.float64))
    if np.any(np.abs(c64) > (cp + 1.0) * (1 + 1e-5)):
        k = tuple(int(j) for j in np.argwhere(np.abs(c64) > (cp + 1.0) * (1 + 1e-5))[0])
        raise Failure(f"|c| exceeds |c_prev| + 1 at index {list(k)}: c = {c64[k]:.6g}, c_prev = "
                      f"{case.c_prev[k]:.6g}. With gates f, i in (0, 1) and candidate c~ in (-1, 1), "
                      "c = f * c_prev + i * c~ cannot.", observed=(h, c))
    bound = np.abs(np.tanh(c64)) * (1 + 1e-5) + 1e-30
    if np.any(np.abs(h64) > bound):
        k = tuple(int(j) for j in np.argwhere(np.abs(h64) > bound)[0])
        raise Failure(f"|h| exceeds |tanh(c)| at index {list(k)}: h = {h64[k]:.6g}, c = {c64[k]:.6g}. "
                      "h = o * tanh(c) with the output gate o in (0, 1).", observed=(h, c))


@st.composite
def saturated_cases(draw, upstream=False):
    """Gates forced fully open (bias +50) or shut (bias -50); candidate weights zero, so c~ = tanh(bc)."""
    dtype = draw(DTYPE)
    n, d, hd = draw(DIMS[3]), draw(DIMS[4]), draw(DIMS[4])
    gates = {g: draw(BOOL) for g in ("f", "i", "o")}
    cell_style = draw(_styles(("normal", "small_int", "large", "wide")))
    seed = draw(SEED)
    rng = np.random.default_rng(seed)
    params = {f"W{g}": (0.5 * rng.standard_normal((hd, hd + d)) if g != "c" else np.zeros((hd, hd + d)))
              for g in GATES}
    params.update({f"b{g}": np.full(hd, 50.0 if gates[g] else -50.0) for g in ("f", "i", "o")})
    params["bc"] = rng.standard_normal(hd)
    case = Case(x=rng.standard_normal((n, d)).astype(dtype),
                h_prev=rng.standard_normal((n, hd)).astype(dtype),
                c_prev=S.build_array((n, hd), cell_style, seed, dtype),
                params={k: v.astype(dtype) for k, v in params.items()})
    if upstream:
        case["dh"] = rng.standard_normal((n, hd)).astype(dtype)
        case["dc"] = rng.standard_normal((n, hd)).astype(dtype)
    return case


def _gate_state(case):
    return {g: float(case.params["b" + g][0] > 0) for g in ("f", "i", "o")}


def _describe_gates(case):
    s = _gate_state(case)
    return (f"forget gate {'open (f = 1)' if s['f'] else 'shut (f = 0)'}, input gate "
            f"{'open (i = 1)' if s['i'] else 'shut (i = 0)'}, output gate "
            f"{'open (o = 1)' if s['o'] else 'shut (o = 0)'}, candidate c~ = tanh(bc)")


@lstm_forward.property("with saturated gates (biases of +-50) the cell behaves as the formulas say: "
                       "forget gate open and input gate shut keep the cell state (c = c_prev), and "
                       "in general c = f * c_prev + i * c~, h = o * tanh(c) with f, i, o in {0, 1}",
                       cases=saturated_cases(), public=True, weight=1, max_examples=20,
                       hint="Check which gate multiplies what: c = f * c_prev + i * c~ (f the forget "
                            "gate, i the input gate), c~ = tanh(...) while f, i, o use the sigmoid, "
                            "and h = o * tanh(c).")
def forward_saturated_gates(student, case):
    h, c = _checked_forward(student, case)
    s = _gate_state(case)
    cp = case.c_prev.astype(np.float64)
    ct = np.tanh(case.params["bc"].astype(np.float64))
    c_want = s["f"] * cp + s["i"] * ct
    h_want = s["o"] * np.tanh(c_want)
    scale = np.abs(cp) + 1.0
    try:
        assert_close(c, c_want, name="c", scale=scale, observed=(h, c))
        assert_close(h, h_want, name="h", scale=1.0, observed=(h, c))
    except Failure as f:
        f.message = f"With {_describe_gates(case)}: " + f.message
        raise


LAYOUT_BASE = lstm_cases(allowed_styles=("normal", "small_int", "wide"), max_n=3, max_dim=4)
LAYOUT_WHICH = st.sampled_from(("x", "h_prev"))


@st.composite
def layout_cases(draw):
    case = draw(LAYOUT_BASE)
    which = draw(LAYOUT_WHICH)
    H = case.h_prev.shape[1]
    cols = slice(H, None) if which == "x" else slice(None, H)
    params = dict(case.params)
    for g in GATES:
        W = params["W" + g].copy()
        W[:, cols] = 0
        params["W" + g] = W
    case["params"] = params
    other = S.build_array(case[which].shape, "normal", draw(SEED), case[which].dtype)
    return Case(case, changed=which, other=other)


@lstm_forward.property("reads the gate weights as acting on [h_prev, x] (h_prev columns first): when "
                       "the x columns of every weight are zero, h and c do not depend on x (and "
                       "likewise for h_prev)", cases=layout_cases(), public=True, weight=1,
                       max_examples=20,
                       hint="Concatenate as z = np.concatenate([h_prev, x], axis=1): the first H "
                            "columns of each (H, H + D) weight multiply h_prev, the last D multiply x.")
def forward_weight_layout(student, case):
    base = _checked_forward(student, case)
    moved_case = Case(case, **{case.changed: case.other})
    moved = _checked_forward(student, moved_case)
    cols = "last D" if case.changed == "x" else "first H"
    for name, a, b in (("h", moved[0], base[0]), ("c", moved[1], base[1])):
        try:
            assert_close(a, b, name=f"{name} after changing {case.changed} (expected: its value before)",
                         scale=1.0)
        except Failure as f:
            raise Failure(f"the {cols} columns of every weight matrix are zero, so {name} should not "
                          f"depend on {case.changed}; changing {case.changed} changed it. "
                          + f.message) from None


@lstm_forward.property("does not modify its inputs (x, h_prev, c_prev, params)",
                       cases=lstm_cases(allowed_styles=("normal", "small_int")), public=True,
                       weight=0.5, max_examples=15, standalone=False)
def forward_inputs_unchanged(student, case):
    _, (args, _) = _forward(student, case, echo=True)
    assert_unchanged([case.x, case.h_prev, case.c_prev, case.params], args,
                     ["x", "h_prev", "c_prev", "params"])


# ============================================================ backward


@lstm_backward.property("returns a dict with the keys dx, dh_prev, dc_prev, dWf, dWi, dWc, dWo, dbf, "
                        "dbi, dbc, dbo holding float arrays of the shapes of x, h_prev, c_prev and "
                        "the parameters", cases=lstm_cases(upstream=True), public=True, weight=0.5,
                        max_examples=15,
                        hint="Each gradient has the shape of what it is the gradient of; sum the bias "
                             "gradients over the batch (axis 0).")
def backward_form(student, case):
    out, _ = _backward(student, case)
    _grads(out, case)


GRADCHECK_BASE = lstm_cases(upstream=True, allowed_styles=("normal", "small_int"), max_n=3, max_dim=4)


@st.composite
def gradcheck_cases(draw):
    case = draw(GRADCHECK_BASE)
    case = Case({k: (v.astype(np.float64) if isinstance(v, np.ndarray) else
                     {p: a.astype(np.float64) for p, a in v.items()}) for k, v in case.items()})
    rng = np.random.default_rng(draw(SEED))
    case["params"] = {k: v * 0.5 for k, v in case.params.items()}  # keep the gates off saturation
    case["direction"] = {k: rng.standard_normal(s) for k, s in _grad_shapes(case).items()}
    return case


GRAD_OF = {"dx": "x", "dh_prev": "h_prev", "dc_prev": "c_prev"}
GRAD_OF.update({"dW" + g: "W" + g for g in GATES})
GRAD_OF.update({"db" + g: "b" + g for g in GATES})
STEP = 1e-3


@lstm_backward.property("gradients agree with central finite differences of your own forward pass "
                        "(along a random direction in all inputs and parameters at once)",
                        cases=gradcheck_cases(), public=True, weight=2, max_examples=25,
                        hint="Differentiate L = sum(h * dh) + sum(c * dc): dc reaching c adds to "
                             "dh * o * (1 - tanh(c)**2), sigmoid gates s contribute s * (1 - s), the "
                             "tanh candidate 1 - c~**2, and dc_prev = (total dc) * f.")
def backward_finite_differences(student, case):
    out, _ = _backward(student, case)
    g = _grads(out, case)
    v = case.direction

    def loss(t):
        x = case.x + t * v["dx"]
        hp = case.h_prev + t * v["dh_prev"]
        cp = case.c_prev + t * v["dc_prev"]
        params = {GRAD_OF[k]: case.params[GRAD_OF[k]] + t * v[k] for k in GRAD_KEYS[3:]}
        (h, c), _ = _forward(student, Case(x=x, h_prev=hp, c_prev=cp, params=params))
        h = as_float_array(h, "h")
        c = as_float_array(c, "c")
        return float(np.sum(h.astype(np.float64) * case.dh) + np.sum(c.astype(np.float64) * case.dc))

    analytic = dot([g[k] for k in GRAD_KEYS], [v[k] for k in GRAD_KEYS])
    terms = float(sum(np.sum(np.abs(g[k].astype(np.float64) * v[k])) for k in GRAD_KEYS))
    directional_check(loss, analytic, STEP, what="your gradients", scale=terms + 1e-3)


@lstm_backward.property("with saturated gates (biases of +-50, candidate c~ = tanh(bc)) the gradients "
                        "follow the formulas: a cell state kept by an open forget gate passes its "
                        "gradient unchanged (dc_prev = dc + dh * o * (1 - tanh(c)**2)), a shut forget "
                        "gate blocks it, saturated gates have zero slope",
                        cases=saturated_cases(upstream=True), public=True, weight=1, max_examples=20,
                        hint="The total cell gradient is dc + dh * o * (1 - tanh(c)**2); it reaches "
                             "c_prev multiplied by f, and a saturated sigmoid gate s has slope "
                             "s * (1 - s) = 0.")
def backward_saturated_gates(student, case):
    out, _ = _backward(student, case)
    g = _grads(out, case)
    s = _gate_state(case)
    P = {k: v.astype(np.float64) for k, v in case.params.items()}
    cp, dh, dc = (case[k].astype(np.float64) for k in ("c_prev", "dh", "dc"))
    z = np.concatenate([case.h_prev, case.x], axis=1).astype(np.float64)
    ct = np.tanh(P["bc"])
    tc = np.tanh(s["f"] * cp + s["i"] * ct)
    dct = dc + dh * s["o"] * (1.0 - tc * tc)
    da_c = dct * s["i"] * (1.0 - ct * ct)
    want = {k: np.zeros(v.shape) for k, v in g.items()}
    want.update(dc_prev=dct * s["f"], dWc=da_c.T @ z, dbc=da_c.sum(axis=0))
    up = float(np.abs(dh).max() + np.abs(dc).max())
    for k in GRAD_KEYS:
        scale = up * (1.0 + np.abs(z).sum(axis=0).max()) if k.startswith("dW") else up * (1 + len(dh))
        try:
            assert_close(g[k], want[k], name=k, scale=scale, observed=g)
        except Failure as f:
            f.message = f"With {_describe_gates(case)}: " + f.message
            raise


@lstm_backward.property("does not modify dh or dc, and leaves the cache usable: a second call with the "
                        "same cache gives the same gradients",
                        cases=lstm_cases(upstream=True, allowed_styles=("normal", "small_int")),
                        public=True, weight=0.5, max_examples=15, standalone=False)
def backward_inputs_unchanged(student, case):
    (first, args, _), cache = _backward(student, case, echo=True)
    assert_unchanged([case.dh, case.dc], args[:2], ["dh", "dc"])
    first = _grads(first, case, shapes=False)
    second = _grads(student.call("lstm_cell_backward", case.dh, case.dc, cache), case, shapes=False)
    for k in GRAD_KEYS:
        if first[k].shape != second[k].shape or not np.array_equal(first[k], second[k], equal_nan=True):
            raise Failure(f"calling lstm_cell_backward twice with the same cache gave a different {k} the "
                          "second time: your backward pass modifies the cache (or keeps state between "
                          "calls). Compute new arrays instead of updating cached ones in place.")

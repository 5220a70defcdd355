"""The public checks: what students may run on their own machines.

``autograder/public/<unit>.py`` defines the `Exercise` objects of a unit, the
strategies and helpers its public properties need, the public properties
themselves and the mistakes those properties recognise by behaviour (no
``compute`` function). Nothing here imports the reference implementations or
the hidden suites, or computes an expected result from a reference formula:
the student release ships this package as it is.

``autograder/suites/<unit>.py`` imports the same `Exercise` objects and adds
the hidden properties and the mistakes recognised by value, so the full suite
of an exercise is its public part plus its hidden part
(`autograder.catalog.suite`); `autograder.catalog.public_suite` gives the
public part alone.
"""

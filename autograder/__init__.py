"""dlgrade: property-based autograding for deep-learning exercises written in numpy."""

__version__ = "0.1.0"

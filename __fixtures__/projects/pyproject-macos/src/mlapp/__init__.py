"""A tiny project whose only job is to depend on TensorFlow."""

__version__ = "0.1.0"

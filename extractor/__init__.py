"""Press-release extraction for health and pharma industry clusters."""

__version__ = "0.1.0"

"""Converters from a release file's format to the text that evidence offsets point into.

Each converter returns the exact text plus where it came from (format, converter and its version), which
the output's ``source`` records so that every offset stays explainable.
"""

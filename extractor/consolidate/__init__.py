"""Consolidation across a batch: which names are one cluster (aliases, names) and each cluster's
figures over time (history.consolidate)."""

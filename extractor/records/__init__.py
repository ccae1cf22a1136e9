"""Turning the model's grounded answers and the normaliser's candidates into contract records."""

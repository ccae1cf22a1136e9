"""Text helpers every stage shares: one folding rule, one sentence splitter, one language table."""

"""The HTTP service (`extractor serve`): the same pipeline and model settings as the CLI, over FastAPI."""

"""The prompt templates (*.txt), a package only so that they ship in the wheel and are read with importlib.resources."""

"""The ``citex`` command."""
from citex.cli.main import main

__all__ = ["main"]

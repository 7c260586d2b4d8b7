"""Linking: the treaty knowledge base (``kb``) and the linker that gives citations their ids."""
from citex.link.linker import Linker

__all__ = ["Linker"]

"""Linking: the treaty knowledge base (``kb``: records, ids, names, search) and the linker that gives
citations their ids (``Linker``; any object with the methods of ``LinkerProtocol`` can replace it)."""
from citex.link.linker import Linker
from citex.link.result import LinkResult
from citex.protocols import Linker as LinkerProtocol

__all__ = ["Linker", "LinkerProtocol", "LinkResult"]

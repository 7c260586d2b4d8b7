"""Resolution: candidate names → items (protocol lists, parents, own dates and places, treaty
actions, short forms) → one citation per instrument."""
from citex.resolve.items import Item
from citex.resolve.merge import merge
from citex.resolve.resolver import Resolver

__all__ = ["Item", "Resolver", "merge"]

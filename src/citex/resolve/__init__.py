"""Resolution: candidate names → items (protocol lists, parents, own dates and places, treaty
actions, short forms) → one citation per instrument."""
from citex.resolve.resolver import Item, Resolver, merge

__all__ = ["Item", "Resolver", "merge"]

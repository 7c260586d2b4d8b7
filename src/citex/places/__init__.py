"""Places: the gazetteer look-up and the judgement of each capitalised name in its context."""
from citex.places.gazetteer import Gazetteer, find_places, headline_at

__all__ = ["Gazetteer", "find_places", "headline_at"]

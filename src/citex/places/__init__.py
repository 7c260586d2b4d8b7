"""Places: the gazetteer look-up and the judgement of each capitalised name in its context.

* :mod:`~citex.places.gazetteer`: :class:`Gazetteer` (load, look-ups, ``find``), the public entry
* :mod:`~citex.places.names`: typed entries (:class:`Entry`) and the name table's look-ups
* :mod:`~citex.places.runs`: capitalised runs and their tokens; :mod:`~citex.places.finder`: the scan
* :mod:`~citex.places.judge`: the decision about one name, as named rules
* :mod:`~citex.places.datelines`: wire datelines; :mod:`~citex.places.words`: the word lists
* :mod:`~citex.places.lower`: names written partly in lower case ("russia", "the Korean peninsula");
  :mod:`~citex.places.landmarks`: features and squares the gazetteer lacks ("into False Bay");
  :mod:`~citex.places.districts`: small places before a lower-case area noun ("in Salaheddin district");
  :mod:`~citex.places.clubs`: clubs named by their town in a text about club sport ("a move to Southampton")
* :mod:`~citex.places.protocol`: :class:`PlaceFinder`, the interface a finder implements
"""
from citex.places.gazetteer import Gazetteer, find_places
from citex.places.names import Entry
from citex.places.protocol import PlaceFinder
from citex.text.lines import headline_at

__all__ = ["Gazetteer", "Entry", "PlaceFinder", "find_places", "headline_at"]

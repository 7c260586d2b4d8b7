"""The stages in order, run on a string: text → dates, places, names → resolve → link → Result."""
from citex.pipeline.extractor import Extractor, State, to_result

__all__ = ["Extractor", "State", "to_result"]

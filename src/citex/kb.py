"""``citex.kb`` is the knowledge-base module, :mod:`citex.link.kb` (the same module object)."""
import sys

from citex.link import kb as _kb

sys.modules[__name__] = _kb

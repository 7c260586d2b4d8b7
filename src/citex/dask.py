"""``citex.dask`` is :mod:`citex.batch.dask` (the same module object); needs ``citex-treaties[dask]``."""
import sys

from citex.batch import dask as _dask

sys.modules[__name__] = _dask

"""Batch runs: the inputs (``inputs``), one task per document (``tasks``), local worker processes
(``workers``) and a Dask cluster (``dask``)."""

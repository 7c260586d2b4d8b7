"""The citex modules the coverage-guided fuzz target instruments: the whole extractor (every module
under ``src/citex`` but the optional outputs, the command line and the build-time ones), imported
inside atheris' instrumentation block, so that the modules the pipeline imports lazily (grammars,
resolver steps, linker, spaCy components…) are instrumented too, not only the 7 imported by
``import citex``.  ``tests/test_reliability.py`` checks that every module a run of ``citex.extract``
and ``citex.load()`` imports is listed here."""
from __future__ import annotations

import pkgutil
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
# not on the extraction path, or needing optional packages
SKIP_PREFIXES = ("citex.cli", "citex.evaluate", "citex.dask", "citex.batch.dask", "citex.output.parquet",
                 "citex.output.plot", "citex.output.frames", "citex.output.report")


def extraction_modules() -> list[str]:
    names = ["citex"]
    for info in pkgutil.walk_packages([str(SRC / "citex")], prefix="citex."):
        if not info.name.startswith(SKIP_PREFIXES) and not info.name.endswith("__main__"):
            names.append(info.name)
    return sorted(names)

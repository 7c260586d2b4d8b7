"""The example notebook is stored without outputs and runs from top to bottom (nbclient, in a kernel on
this interpreter); re-running it in the same kernel (cells that import citex and load the pipeline
again) works too."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "examples" / "quickstart.ipynb"

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")
pytest.importorskip("pandas")
pytest.importorskip("matplotlib")


def test_notebook_is_stored_without_outputs():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


def test_notebook_runs(tmp_path):
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import KernelManager

    # a kernel on this very interpreter, whatever kernels the machine has installed
    spec = tmp_path / "kernels" / "citex-test"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "citex test", "language": "python"}))
    km = KernelManager(kernel_name="citex-test",
                       kernel_spec_manager=KernelSpecManager(kernel_dirs=[str(tmp_path / "kernels")]))
    nb = nbformat.read(NOTEBOOK, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    # every warning is an error (issue 16: the notebook runs without warnings)
    strict = nbformat.v4.new_code_cell("import warnings\nwarnings.simplefilter('error')")
    twice = nbformat.v4.new_notebook(cells=[strict] + nb.cells + [nbformat.v4.new_code_cell(c.source) for c in code])
    client = nbclient.NotebookClient(twice, km=km, timeout=60, allow_errors=False,
                                     resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()

    outputs = [c.outputs for c in twice.cells if c.cell_type == "code"][1: len(code) + 1]
    streams = [x.get("text", "") for o in outputs for x in o if x.get("output_type") == "stream"]
    assert not [t for t in streams if "Warning" in t], streams
    src = [c.source for c in code]

    def out(fragment):
        return outputs[next(i for i, s in enumerate(src) if fragment in s)]

    def html(o):
        return "".join(x.get("data", {}).get("text/html", "") for x in o)

    shown = html(out('result = citex.extract(quote'))   # the result alone: its text highlighted, ids as links
    assert "<table" in shown and shown.count('class="cx-instrument"') == 3
    assert '<a href="https://www.coe.int/' in shown
    view = html(out("citex.render(result, quote)"))
    assert view.count('class="cx-instrument"') == 3 and view.count('class="cx-date"') == 3
    assert "CETS 151" in html(out("protocol = result.citations[1]"))
    entry = "".join(x.get("text", "") for x in out("import spacy"))
    assert "citex components imported yet: False" in entry
    assert "cx-date" in html(out("import spacy"))
    assert "<table" in html(out('level="actions"'))
    seed = out("seed = next(")   # the seed article, when ../shared is beside the clone: one denunciation, in 2025
    if (ROOT.parent / "shared" / "golden" / "article.txt").is_file():
        table = html(seed)
        assert table.count("denunciation") == 3 and "2025-09" in table and "Russia" in table
        assert any("image/png" in x.get("data", {}) for x in seed)
    plot = out("plot_events")
    assert any("image/png" in x.get("data", {}) for x in plot)


@pytest.mark.parametrize("script", ["api_example.py", "batch_example.py"])
def test_example_scripts_run(script, tmp_path):
    run = subprocess.run([sys.executable, str(ROOT / "examples" / script)], cwd=tmp_path, capture_output=True,
                         text=True, timeout=120, env={**os.environ, "MPLBACKEND": "Agg"})
    assert run.returncode == 0, run.stderr
    made = {"api_example.py": ["quote.html"], "batch_example.py": ["results.jsonl", "timeline.png", "report.html"]}
    assert all((tmp_path / f).stat().st_size > 0 for f in made[script])

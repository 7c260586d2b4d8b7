"""Outputs: rows and writers (JSON lines, JSON, CSV, Parquet), DataFrames, HTML rendering, the
timeline plot and the HTML report."""

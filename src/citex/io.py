"""Reading documents as citex does in batch runs: bounded reads, decoding, HTML cleaning
(:mod:`citex.text.read`), and the inputs of a run (:mod:`citex.batch.inputs`)."""
from citex.batch.inputs import DEFAULT_GLOBS, iter_inputs, missing_inputs, printable_id
from citex.text.read import DEFAULT_MAX_BYTES, Document, decode, read_bytes, read_path

__all__ = ["DEFAULT_GLOBS", "DEFAULT_MAX_BYTES", "Document", "decode", "iter_inputs", "missing_inputs",
           "printable_id", "read_bytes", "read_path"]

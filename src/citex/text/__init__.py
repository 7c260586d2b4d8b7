"""Text in: decoding and bounded reads (``read``), HTML to plain text (``clean``)."""

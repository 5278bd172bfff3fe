"""An indexing run: files to statements to segments, with manifest, dedup and report."""

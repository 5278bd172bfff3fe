"""The index on disk: codec, posting blocks, segments, the directory, the read side."""

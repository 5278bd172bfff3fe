"""Index format compatibility: an index written before the storage modules
moved into ``indexer.storage`` (issue 19) names its codec ``indexer.codec.SiftCodec``
in its pickled table of contents; unpickling finds the class here."""

from indexer.storage.codec import SiftCodec

__all__ = ["SiftCodec"]

"""An answer's body read under a size bound that holds after decompression: every inflate step is
given at most what is left of the bound, so a gzip bomb (a few KB that inflate to gigabytes) never
inflates in memory. httpx's own decoding inflates each network chunk whole before a caller can
count it; here the raw bytes are read and decompressed by zlib with ``max_length``. Used by every
request Contact Desk makes: the API (``transport.Endpoint``) and the release feed. Qt-free."""

from __future__ import annotations

import zlib
from collections.abc import Callable

import httpx

ACCEPT_ENCODING = "gzip, deflate"  # what ``read`` decompresses (httpx would offer br and zstd too)


class TooLarge(Exception):
    """The body (declared, or read so far after decompression) is larger than the bound."""


class Unreadable(Exception):
    """A body compressed in a way not read here, or a corrupt compressed stream."""

    def __init__(self, encoding: str, corrupt: bool) -> None:
        super().__init__(encoding)
        self.encoding, self.corrupt = encoding, corrupt


def _gzip() -> zlib._Decompress:
    return zlib.decompressobj(zlib.MAX_WBITS | 32)  # gzip or zlib header, told apart by zlib


def _deflate() -> zlib._Decompress:
    return zlib.decompressobj(zlib.MAX_WBITS)


_DECOMPRESSORS: dict[str, Callable[[], zlib._Decompress | None]] = {
    "identity": lambda: None, "": lambda: None, "gzip": _gzip, "x-gzip": _gzip, "deflate": _deflate,
}


async def read(response: httpx.Response, limit: int) -> bytes:
    """The whole body of a streamed ``response``, at most ``limit`` bytes once decompressed.
    Raises TooLarge as soon as it would pass the bound (before reading a body whose declared length
    does), Unreadable for an unknown encoding or a corrupt stream."""
    encoding = response.headers.get("content-encoding", "identity").strip().lower()
    if encoding not in _DECOMPRESSORS:
        raise Unreadable(encoding, corrupt=False)
    declared = response.headers.get("content-length", "")
    if declared.isascii() and declared.isdigit() and int(declared) > limit:
        raise TooLarge
    inflate = _DECOMPRESSORS[encoding]()
    out = bytearray()
    try:
        async for raw in response.aiter_raw():
            data = raw
            while data:
                if inflate is None:
                    piece, data = data, b""
                else:
                    piece = inflate.decompress(data, limit + 1 - len(out))
                    data = inflate.unconsumed_tail
                out += piece
                if len(out) > limit:
                    raise TooLarge
                if inflate is not None and not piece and data:
                    break  # no progress: a corrupt stream; decompress raises on the rest
    except zlib.error:
        raise Unreadable(encoding, corrupt=True) from None
    return bytes(out)

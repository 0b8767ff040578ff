"""Bytes to trustworthy text: BOM-aware, strict UTF-8 first, charset-normalizer otherwise,
then ftfy for mojibake. Every text input goes through here so that all formats decode alike.

ftfy runs with settings that leave already-correct text alone (no quote uncurling, no ligature
or width folding, no Unicode normalization), so offsets computed later on this text stay honest.
"""
from __future__ import annotations

import codecs
import re

import charset_normalizer
import ftfy

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_FTFY_CONFIG = ftfy.TextFixerConfig(
    uncurl_quotes=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    normalization=None,
    explain=False,
)
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")
# Unicode category Cc is exactly U+0000-U+001F and U+007F-U+009F; a regex counts them in C
_CONTROLS = re.compile("[" + "".join(re.escape(chr(c)) for c in [*range(0x20), *range(0x7F, 0xA0)]
                                     if chr(c) not in _ALLOWED_CONTROLS) + "]")
_MAX_CONTROL_SHARE = 0.05
_WESTERN = "cp1252"
_WESTERN_TOLERANCE = 0.1
_NEWLINES = re.compile(r"\r\n?|\u2028|\u2029|\x85")


class DecodeError(ValueError):
    """The bytes are not text we can read; ``str(error)`` is the reason to report."""


def bytes_to_text(data: bytes) -> str:
    """Decode input bytes; raise DecodeError("empty" | "binary file")."""
    if not data.strip():
        raise DecodeError("empty")
    text = _decode_with_bom(data)
    if text is None:
        if b"\x00" in data:
            raise DecodeError("binary file")
        text = _decode_utf8(data)
    if text is None:
        text = _decode_guessed(data)
    if text is None or _looks_binary(text):
        raise DecodeError("binary file")
    if not text.strip():
        raise DecodeError("empty")
    return text


def repair_text(text: str) -> str:
    """Repair mojibake and normalise newlines to "\\n" without touching correct text."""
    return normalize_newlines(ftfy.fix_text(text, _FTFY_CONFIG))


def decode_text(data: bytes) -> str:
    """Bytes of a text input to repaired text (the path txt files and JSON lines share)."""
    return repair_text(bytes_to_text(data))


def normalize_newlines(text: str) -> str:
    return _NEWLINES.sub("\n", text)


def _decode_with_bom(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def _decode_utf8(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _decode_guessed(data: bytes) -> str | None:
    """charset-normalizer's guess, with a prior for Windows-1252 among near-ties.

    On short texts charset-normalizer cannot tell the single-byte Latin code pages apart (a
    French paragraph may come out as cp1250, "déjà" as "déjŕ"); Windows-1252 is by far the most
    common legacy encoding (WHATWG reads latin-1 labels as it), so it wins when it is almost as
    plausible as the best guess. Text in other scripts (cp1251, ...) scores far worse as cp1252.
    """
    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None:
        return None
    western = next((m for m in matches if m.encoding == _WESTERN), None)
    if western is not None and western.chaos <= best.chaos + _WESTERN_TOLERANCE:
        best = western
    return str(best)


def _looks_binary(text: str) -> bool:
    """Mostly control characters means a binary file that happened to decode."""
    sample = text[:65536]
    controls = len(_CONTROLS.findall(sample))
    return "\x00" in sample or controls > _MAX_CONTROL_SHARE * len(sample)

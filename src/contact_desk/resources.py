"""Where the shipped resources (icons, translations) are, installed or from a checkout."""

from __future__ import annotations

from pathlib import Path


def resource_dir() -> Path:
    here = Path(__file__).resolve().parent
    installed = here / "resources"
    if installed.is_dir():
        return installed
    return here.parent.parent / "resources"  # editable install: <repo>/src/contact_desk -> <repo>


def resource(*parts: str) -> Path:
    return resource_dir().joinpath(*parts)

"""Contact Desk: a desktop contact manager for contacts behind a REST API."""

from __future__ import annotations

from importlib import metadata

try:
    __version__ = metadata.version("contact-desk")
except metadata.PackageNotFoundError:  # running from a source tree without install
    __version__ = "0.0.0+source"

APP_NAME = "Contact Desk"

"""The local copy of each account (SQLite + FTS5), its sync and its queries. Qt-free;
knows ``api/``, never ``ui/``."""

from contact_desk.mirror.copy import CopyStatus, LocalCopy, copies_dir, copy_path, forget
from contact_desk.mirror.errors import CopyBusy, CopyClosed, CopyDamaged, CopyNotWritten
from contact_desk.mirror.sync import SyncBusy, SyncProgress, SyncResult, Yielding, full_sync, top_up
from contact_desk.mirror.walk import walk

__all__ = [
    "CopyBusy", "CopyClosed", "CopyDamaged", "CopyNotWritten", "CopyStatus", "LocalCopy", "SyncBusy",
    "SyncProgress", "SyncResult", "Yielding", "copies_dir", "copy_path", "forget", "full_sync", "top_up",
    "walk",
]

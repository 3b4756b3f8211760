"""The local copy of each account (SQLite + FTS5), in rooms: its file (file/), the questions it
answers (query/) and keeping it up to date (syncing/); ``LocalCopy`` (local_copy.py) is the one
door the app uses. Qt-free; knows ``api/``, never ``ui/``."""

from contact_desk.mirror.errors import CopyBusy, CopyClosed, CopyDamaged, CopyNotWritten
from contact_desk.mirror.local_copy import CopyStatus, LocalCopy, copies_dir, copy_path, forget
from contact_desk.mirror.syncing.sync import SyncBusy, SyncProgress, SyncResult, Yielding, full_sync, top_up

__all__ = [
    "CopyBusy", "CopyClosed", "CopyDamaged", "CopyNotWritten", "CopyStatus", "LocalCopy", "SyncBusy",
    "SyncProgress", "SyncResult", "Yielding", "copies_dir", "copy_path", "forget", "full_sync", "top_up",
]

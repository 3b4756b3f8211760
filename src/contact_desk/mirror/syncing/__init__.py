"""Keeping the offline copy up to date: the sync (sync.py), the fast first sync (fill.py) and the
offline policy (offline.py). The walk over a server's listing is api/walk.py."""

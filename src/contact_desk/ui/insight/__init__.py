"""Views of the offline copies beyond one list: the overview, possible duplicates, a search over
every account."""

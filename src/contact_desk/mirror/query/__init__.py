"""Questions to the offline copy: what a search means (search.py), filters on any field
(conditions.py), counting and listing (queries.py), possible duplicates (duplicates.py), the
overview (overview.py) and one search over every account (across.py)."""

"""Contacts: the table view, details, filter bar, row menu, and the form with its editors."""

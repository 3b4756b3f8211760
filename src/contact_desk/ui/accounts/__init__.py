"""Accounts: the accounts dialog, what a key may do, the welcome page."""

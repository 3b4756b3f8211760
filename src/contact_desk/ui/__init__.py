"""Windows, dialogs, forms and widgets (Qt)."""

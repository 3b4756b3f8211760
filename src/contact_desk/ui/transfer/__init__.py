"""Import, export and Change contacts dialogs, and which contacts they work on."""

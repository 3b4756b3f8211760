"""Qt-free transfer of contacts in and out: file formats and their writers."""

"""What this computer changed on the server: My changes (``journal``)."""

"""api layer of Contact Desk."""

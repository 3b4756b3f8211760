"""accounts layer of Contact Desk."""

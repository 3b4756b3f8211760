"""models layer of Contact Desk."""

"""Small reusable widgets and helpers: banner, eliding label, palette, focus, icons, messages, help."""

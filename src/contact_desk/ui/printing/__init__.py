"""Printed lists: a phone list, contact cards and address labels, painted page by page on a PDF
file or a printer (QPainter on either), in the interface's language."""

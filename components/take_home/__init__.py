"""The take-home page: the printable summary, questions for the visit, the link and QR code."""

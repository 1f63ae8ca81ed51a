"""Documents made from stored answers: PDF, DOCX, XLSX and CSV (files.py), the manager overview page
(overview.py) and the signed, short-lived download links (links.py). They get their data (content.py) from bot/services/documents.py; they never open a database session.
"""

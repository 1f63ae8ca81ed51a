"""Documents made from stored answers: PDF, DOCX, XLSX and CSV (files.py), the manager overview page
(overview.py) and the signed, short-lived download links (links.py). The data comes from bot/services/documents.py.
"""

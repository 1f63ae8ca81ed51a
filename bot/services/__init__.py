"""Services: the only code that opens database sessions, one short-lived transaction per call.

    interviews.py  a turn of an interview, start, pause, resume, corrections, sharing a POP
    privacy.py     seeing, exporting and deleting one's data; the retention period
    documents.py   what the documents and the manager overview show, read for one viewer
    funding.py     what a person already told about their organisation, for funding advice
"""

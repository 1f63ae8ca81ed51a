"""Storage of the answers: engine and sessions (db.py), tables (models.py), queries (repository.py), migrations.

Only bot/services opens sessions; everything else gets a session passed in.
"""

"""One JSON object per log line, also for errors: the traceback goes into a field, never onto extra lines.

Configured in logging.prod.yml. Messages are escaped by json.dumps, so a quote or a newline in a message can
never break a line or fake a field.
"""

from __future__ import annotations

import json
import logging
import traceback


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        data = {"time": self.formatTime(record), "level": record.levelname, "logger": record.name,
                "message": record.getMessage()}
        if record.exc_info:
            kind, _value, tb = record.exc_info
            data["error"] = kind.__name__ if kind else "Exception"
            # where it happened, not what the failing value was (it may hold what someone typed)
            data["trace"] = [f"{f.filename}:{f.lineno} {f.name}" for f in traceback.extract_tb(tb)][-8:]
        return json.dumps(data, ensure_ascii=False)

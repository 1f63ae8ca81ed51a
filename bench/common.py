"""What the load bench (bench/run.py) and the season simulation (bench/season.py) share."""

from __future__ import annotations

from rasa_addons.channel_common import SORRY
from rasa_addons.rate_limit import TOO_FAST

FAILURE_REPLIES = {SORRY, TOO_FAST}  # a reply that means the turn failed or was refused


def percentile(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    values = sorted(values)
    k = (len(values) - 1) * p / 100
    low, high = int(k), min(int(k) + 1, len(values) - 1)
    return values[low] + (values[high] - values[low]) * (k - low)

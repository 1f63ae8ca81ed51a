"""Dutch: reading amounts and counts (numbers.py, number_words.py), periods (periods.py, period_pieces.py), plain
values (values.py) and choices (parsing.py), facts about an organisation in a
sentence (facts.py), the parts of a described learning activity (activity_text.py), and writing dates and money
in Dutch notation (formatting.py)."""

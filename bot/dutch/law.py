"""The rule for the ondernemingsraad, said once (issue 30, item 2). The domain's texts say the same in their own
words; tests/unit/test_law_texts.py keeps every text to this rule.

Wet op de ondernemingsraden (WOR), artikel 27: the OR must consent to setting, changing or withdrawing a *regeling*
on the training of the staff (lid 1 onder f), unless the cao already settles the subject (lid 3). A decision taken
without consent is void only when the OR invokes that itself, in writing, within a month (lid 5).
"""

OR_RULE = ("De OR moet instemmen met een regeling over de opleiding van het personeel (Wet op de ondernemingsraden, "
           "artikel 27 lid 1 onder f), tenzij de cao dat al regelt (lid 3).")
OR_NULLITY = ("Voert de werkgever zo'n regeling in zonder instemming? Dan kan de OR zich binnen een maand schriftelijk "
              "beroepen op de nietigheid van het besluit (lid 5).")

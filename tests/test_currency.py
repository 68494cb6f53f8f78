"""A place's currency (currency.py): a passage naming another currency of it confirms nothing."""

from __future__ import annotations

import pytest

from service.verification.currency import other_currency

YEN = (
    "The yen is the official currency of Japan. It is the third-most traded currency in the "
    "foreign exchange market, after the United States dollar (USD) and the euro."
)
DOLLAR = (
    "The United States dollar is the official currency of the United States (U.S.) and several "
    "other countries."
)
EURO = "The euro is the official currency of 21 of the 27 member states of the European Union."


@pytest.mark.parametrize(
    ("claim", "snippet", "reason"),
    [
        # another currency stated for the claim's place, whatever else the passage names
        ("The euro is the currency of Japan.", YEN, "names yen as the currency of Japan"),
        ("The currency of Japan is the euro.", YEN, "names yen as the currency of Japan"),
        ("Japan's currency is the US dollar.", YEN, "names yen as the currency of Japan"),
        ("The euro is the official currency of the United States.", DOLLAR,
         "names United States dollar as the currency of United States"),
        # the same currency, however qualified
        ("The yen is the currency of Japan.", YEN, ""),
        ("The Japanese yen is the official currency of Japan.", YEN, ""),
        ("The US dollar is the currency of the United States.", DOLLAR, ""),
        ("The dollar is the currency of the United States.", DOLLAR, ""),
        # a currency of another place, or of no place the passage names, says nothing of it
        ("The euro is the currency of France.", YEN, ""),
        ("The yen is the currency of France.", EURO, ""),
        # a claim of another shape
        ("Japan is an island country in East Asia.", YEN, ""),
    ],
)  # fmt: skip
def test_another_currency_of_the_claims_place(claim, snippet, reason):
    assert other_currency(claim, snippet) == reason

"""Does a multiplicative change in a claim ("doubled", "tripled", "halved") match a percentage
change in a passage ("rose 10%", "increased by 95%")?

"Doubled" means +100%; a passage's change agrees within CHANGE_TOLERANCE of the implied change
(at least 10 points), else it contradicts: "doubled" vs "rose 10%" refutes. Only a change the
passage states as one (a verb, then "by" or the figure itself) is compared, never a level
("raise spending to 2% of GDP").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CHANGE_TOLERANCE = 0.15
_FACTORS = (
    (re.compile(r"\b(?:doubl\w*|twofold|two-fold)\b", re.I), 2.0),
    (re.compile(r"\b(?:tripl\w*|threefold|three-fold)\b", re.I), 3.0),
    (re.compile(r"\b(?:quadrupl\w*|fourfold|four-fold)\b", re.I), 4.0),
    (re.compile(r"\b(?:halv\w*|cut in half)\b", re.I), 0.5),
)
_UP = r"rose|risen|rise[sn]?|rising|increas\w*|grew|grow\w*|climb\w*|jump\w*|went up|up"
_DOWN = r"fell|fall\w*|decreas\w*|declin\w*|dropp?\w*|shr[aiu]nk\w*|went down|down"
_PERCENT = r"(?P<pct>\d+(?:\.\d+)?)\s*(?:%|per ?cent)"
_CHANGE = re.compile(
    rf"\b(?P<verb>{_UP}|{_DOWN})\b(?:(?:\s+[\w-]+){{0,3}}?\s+by)?\s+(?:about\s+|nearly\s+)?{_PERCENT}",
    re.I,
)


@dataclass(frozen=True)
class ChangeMatch:
    """The claim's change word, the passage's stated change, and whether they agree."""

    claim_word: str
    passage_text: str
    agrees: bool


def compare_change(claim_text: str, passage_text: str) -> ChangeMatch | None:
    """Compare the claim's multiplicative change with the passage's first stated change."""
    found = _claim_factor(claim_text)
    said = _CHANGE.search(passage_text)
    if found is None or said is None:
        return None
    word, factor = found
    sign = -1.0 if re.fullmatch(_DOWN, said.group("verb"), re.I) else 1.0
    stated = sign * float(said.group("pct"))
    implied = (factor - 1.0) * 100.0
    agrees = abs(stated - implied) <= max(10.0, CHANGE_TOLERANCE * abs(implied))
    return ChangeMatch(word, said.group(0), agrees)


def _claim_factor(text: str) -> tuple[str, float] | None:
    for pattern, factor in _FACTORS:
        match = pattern.search(text)
        if match:
            return match.group(0), factor
    return None

"""The features check-worthiness weighs: cue words and phrases, quantities, names, length."""

from __future__ import annotations

import re
from collections.abc import Sequence

from service.domain import Quantity
from service.extraction.entities import find_entities
from service.extraction.quantities import find_quantities
from service.extraction.vocabulary import word_set

# Single words are looked up in sets (one tokenisation per sentence); only phrases use regexes.
COMPARISONS = word_set("""
    more less fewer higher lower larger bigger greater smaller most least largest biggest highest
    lowest greatest smallest fastest top record double doubled doubles doubling triple tripled
    twice half halved than ever all-time majority increase increased increases decrease decreased
    decreases
""")
FACTUAL_VERBS = word_set("""
    pledged approved blocked imposed announced signed passed voted vetoed introduced banned
    launched killed died won lost spent cost created raised cut increased decreased reduced rose
    fell grew declined dropped jumped surged plunged met visited opposed postponed delayed acquired
    bought sold reached elected appointed resigned fired sanctioned invaded attacked arrested
    charged convicted sentenced sued ruled fined paid earned received built closed opened founded
    ratified withdrew suspended expanded deployed sent invested lowered ranked totaled totalled
    amounted accounted exceeded endorsed proposed enacted repealed overturned rejected confirmed
    admitted tripled doubled produced employs employed owns owned
""")
COPULAS = word_set("is are was were been remains")
SPECULATION = word_set("would might may could should perhaps possibly probably potentially likely")
FUTURE = word_set("will gonna i'll we'll you'll he'll she'll they'll it'll")
UNCERTAINTY = word_set("whether unclear")
FIRST_PERSON = word_set("i me my we our you your i'm we're i've we've i'd we'd")  # and "us"
THIRD_PERSON = word_set("he she they his her their him them opponent administration government")
CAPS = {"money_or_percent": 2, "count": 2, "time": 2, "entities": 3, "comparison": 2,
        "factual_verb": 2, "past_tense": 2}  # fmt: skip

_OPINION = re.compile(
    r"\b(?:i|we)\s+(?:(?:do|really|strongly|just|also|still|all|certainly)\s+)?(?:think|believe|"
    r"feel|hope|want|wish|aim|need|must|should|intend|plan|expect|look forward|love|like|agree|"
    r"disagree|urge|ask|promise|trust|know)\b|\bin my (?:view|opinion)\b|\bi'm (?:pleased|glad|"
    r"happy|proud|honou?red|confident|sure|delighted)\b|\blet(?:'s| me| us)\b|\byou know\b|"
    r"\bof course\b|\bi mean\b|\bfrankly\b|\bobviously\b"
)
_PLEASANTRY = re.compile(
    r"\b(?:thank you|thanks|good (?:morning|afternoon|evening|night)|welcome|congratulations|"
    r"ladies and gentlemen|great to be|(?:nice|good|great|a pleasure|an honou?r) to (?:be|meet|see"
    r"|have)|(?:happy|glad|delighted) to be|god bless|appreciate)\b"
)
_SPECULATION_PHRASE = re.compile(r"\bexpected to\b")
_FUTURE_PHRASE = re.compile(r"\bgoing to\b")
_UNCERTAINTY_PHRASE = re.compile(r"\b(?:yet to|remains to be seen|not indicated)\b")
_TOKEN = re.compile(r"[\w']+")
_FINAL_PUNCTUATION = re.compile(r"[.!?…:;][\"'”’)\]]*$")


def features(
    text: str,
    *,
    quantities: Sequence[Quantity] | None = None,
    entities: Sequence[str] | None = None,
) -> dict[str, float]:
    """The feature values of a sentence by name (counts capped, see CAPS)."""
    plain = text.replace("’", "'").strip()
    lower = plain.lower()
    tokens = _TOKEN.findall(plain)
    words = [t.lower() for t in tokens]
    found = find_quantities(plain) if quantities is None else quantities
    kinds = [q.kind for q in found]
    values = {
        "money_or_percent": kinds.count("money") + kinds.count("percent"),
        "count": sum(1 for q in found if q.kind == "count" and _is_sizeable(q)),
        "time": kinds.count("year") + kinds.count("date"),
        "entities": len(find_entities(plain) if entities is None else entities),
        "comparison": sum(w in COMPARISONS for w in words),
        "factual_verb": sum(w in FACTUAL_VERBS for w in words),
        "copula": any(w in COPULAS for w in words),
        "past_tense": sum(len(t) > 3 and t.endswith("ed") and t.islower() for t in tokens),
        "third_person": any(w in THIRD_PERSON for w in words),
        "long": len(tokens) >= 20,
        "question": plain.rstrip("\"'”) ").endswith("?"),
        "opinion": bool(_OPINION.search(lower)),
        "pleasantry": bool(_PLEASANTRY.search(lower)),
        "speculation": _has(words, SPECULATION, lower, _SPECULATION_PHRASE),
        "future": _has(words, FUTURE, lower, _FUTURE_PHRASE),
        "uncertainty": _has(words, UNCERTAINTY, lower, _UNCERTAINTY_PHRASE),
        "first_person": any(w in FIRST_PERSON for w in words) or "us" in tokens,
        "short": len(tokens) < 5,
        "heading": len(tokens) < 12 and not _FINAL_PUNCTUATION.search(plain),
    }  # fmt: skip
    return {name: float(min(value, CAPS.get(name, 1))) for name, value in values.items()}


def _has(words: list[str], cues: frozenset[str], lower: str, phrase: re.Pattern[str]) -> bool:
    return any(w in cues for w in words) or bool(phrase.search(lower))


def _is_sizeable(q: Quantity) -> bool:
    """A count in digits or a large one: "3,000 troops", "two million people", not "two leaders"."""
    return q.text[:1].isdigit() or (q.value or 0.0) >= 100

"""Existing fact-check ratings (ClaimReview) on one scale, and what they imply for a claim.

`classify_rating` maps a publisher's `textualRating` / `alternateName` (PolitiFact, Snopes,
FactCheck.org, AFP, Full Fact, AAP, Africa Check, the Washington Post's Pinocchios, EUfactcheck's
one-letter codes, common Spanish, French, German and Portuguese words) and, failing that, a numeric
`ratingValue` within `worstRating..bestRating`, to true / mostly_true / mixed / mostly_false /
false, or to `unrated` for a rating that gives no verdict on truth ("Unproven", "Explainer",
"Full Flop"). None means "not recognised". Text wins over numbers: publishers' numeric scales are
inconsistent (the Post once put four Pinocchios at 5 on a 1-6 scale).
"""

from __future__ import annotations

import math
import re
import unicodedata

SCALE = ("true", "mostly_true", "mixed", "mostly_false", "false")
UNRATED = "unrated"
LEVELS = (*SCALE, UNRATED)

# Whole ratings, after _normalise (lowercase, no accents, punctuation to spaces). Short codes live
# here only, so a "T" or "M" inside a longer rating never counts.
_EXACT: dict[str, str] = {
    # EUfactcheck's codes; its scraper folds "mostly true" and "mostly false" into one "M".
    "t": "true",
    "mt": "mostly_true",
    "m": "mixed",
    "mf": "mostly_false",
    "f": "false",
    "u": UNRATED,
    # PolitiFact slugs as LIAR and the site's URLs spell them.
    "pants fire": "false",
    "barely true": "mostly_false",
    "half true": "mixed",
    "legit": "true",
    "fact": "true",
    "fiction": "false",
    "yes": "true",
    "no": "false",
    "other": UNRATED,
}

# Phrases, checked in order: the first one found wins, so specific phrases ("mostly false",
# "not true", "half true") come before the bare words they contain ("false", "true").
_PHRASES: tuple[tuple[str, str], ...] = (
    # No verdict on truth: unproven, explainers, flip-flops, satire labels of real satire sites.
    (
        r"unprovable|unproven|unverifi|uncheckable|not checkable|cannot be verified|"
        r"research in progress|no rating|not rated|unrated|explainer|outdated|\blegend\b|"
        r"full flop|half flip|no flip|upside down pinocchio|in dispute|"
        r"inverificable|no verificable|inverifiable|unbewiesen|nicht uberprufbar",
        UNRATED,
    ),
    # Negated truth and negated falsity, before the bare words.
    (
        r"\bnot (?:true|correct|accurate|real)\b|\bno es (?:cierto|verdad)|\bpas vrai\b|"
        r"\bnicht wahr\b|\bstimmt nicht\b|\bnao e verdade\b",
        "false",
    ),
    (r"\bnot (?:false|fake|a hoax)\b", "true"),
    # The Washington Post's Pinocchios.
    (r"\bfour pinocchios|\b4 pinocchios|bottomless pinocchio", "false"),
    (r"\bthree pinocchios|\b3 pinocchios", "mostly_false"),
    (r"\btwo pinocchios|\b2 pinocchios", "mixed"),
    (r"\bone pinocchio|\b1 pinocchio", "mostly_true"),
    (r"geppetto", "true"),
    # Mostly true, before mixed ("true but ..."), in several languages.
    (
        r"\bmostly (?:true|correct|accurate)|\blargely (?:true|correct|accurate)|"
        r"\bsomewhat true|\bbroadly (?:true|correct)|\bnearly true|\baccurate but\b|"
        r"\bmayormente (?:cierto|verdadero)|\bcasi (?:cierto|verdadero)|"
        r"\bplutot vrai\b|\bglobalement vrai\b|\bgross(?:ten)?teils (?:richtig|wahr)|"
        r"\buberwiegend (?:richtig|wahr)|\bweitgehend (?:richtig|wahr)|\bpraticamente verdad",
        "mostly_true",
    ),
    # Mostly false: misleading, exaggerated, no evidence, distorted.
    (
        r"\bmostly (?:false|incorrect|inaccurate)|\blargely (?:false|incorrect|inaccurate)|"
        r"\bsomewhat false|\bbarely true|\bmisleading|\bexaggerat|\bdistort|\bspins? the facts|"
        r"\bno evidence|\bunsubstantiated|\bunsupported|\bbaseless|\blacks evidence|"
        r"\bunfounded|\bmiscaptioned|\bnot quite\b|\bmisrepresent|\bflawed|"
        r"\bmayormente falso|\bcasi falso|\benganos|\bexagerad|\bsin (?:evidencia|pruebas)|"
        r"\bno hay (?:evidencia|pruebas)|\binexact|\bdistorsionad|\bdistorcid|"
        r"\bplutot faux\b|\btrompeu|\bexagere|\binfonde|\bsans preuve|"
        r"\bgross(?:ten)?teils falsch|\buberwiegend falsch|\birrefuhrend|\bunbelegt|"
        r"\bnicht belegt|\bubertrieben|\binsustentavel",
        "mostly_false",
    ),
    # Mixed: half true, missing context, partly false, cherry-picked.
    (
        r"\bhalf (?:true|truth)|\bhalftrue|\bmixture\b|\bmixed\b|\bpart(?:ly|ially) "
        r"(?:true|false|correct|accurate|wrong)|\bmissing context|\bneeds context|"
        r"\blacks context|\bout of context|\bdecontextuali[sz]|\bcherry pick|"
        r"\bunderstated|\boverstated|\bimprecise|\bspin\b|\bcontext\b|"
        r"\bverdad a medias|\bmedia verdad|\bparcialmente (?:cierto|falso|verdader)|"
        r"\bimprecis|\bdescontextualizad|\bsin contexto|\bfalta (?:de )?contexto|"
        r"\ben partie (?:vrai|faux)|\bpartiellement (?:vrai|faux)|\ba nuancer\b|"
        r"\bmanque de contexte|\bhors contexte|\bsorti de son contexte|"
        r"\bteilweise (?:richtig|falsch|wahr)|\bhalb ?wahr|\bfehlender kontext|"
        r"\bohne kontext|\baus dem zusammenhang|\bdudos|\bstimmt teilweise|\bsem contexto|"
        r"\bnot the whole story",
        "mixed",
    ),
    # False, in its many costumes.
    (
        r"\bfalse\b|\bfake\b|\bfabricat|\baltered\b|\bmanipulated\b|\bdoctored\b|\bhoax\b|"
        r"\bscam\b|\bsatire\b|\bsatirical\b|\bincorrect[oa]?\b|\binaccurate\b|\bwrong\b|"
        r"\bdebunked\b|\bmisattribut|\bimpostor|\bimposter|\bconspiracy theory|\bmyth\b|"
        r"\bpants on fire|\buntrue\b|\bbogus\b|"
        r"\bfals[oa]s?\b|\bbulo\b|\bmanipulad|\bmontaje\b|\bsatira\b|\btimo\b|"
        r"\bfau(?:x|sse)\b|\bintox\b|\bmontage\b|\btruqu|\bmanipule|\binvente|"
        r"\bfalsch\b|\bmanipuliert|\berfunden|\bfalschmeldung|\bgefalscht",
        "false",
    ),
    # True last: it hides in every phrase above.
    (
        r"\btrue\b|\bcorrect\b|\baccurate\b|\bconfirmed\b|\bverified\b|\bcorrect attribution|"
        r"\bverdader[oa]\b|\bciert[oa]\b|\bverdad\b|\bcorrect[oa]\b|"
        r"\bvrai[e]?\b|\bexact[e]?\b|\brichtig\b|\bwahr\b|\bstimmt\b|\bverdadeir[oa]\b",
        "true",
    ),
)
_COMPILED = tuple((re.compile(pattern), level) for pattern, level in _PHRASES)

# A numeric rating's position between worst (0) and best (1), cut into five equal bands.
_BANDS = ((0.2, "false"), (0.4, "mostly_false"), (0.6, "mixed"), (0.8, "mostly_true"))

# The stance a rating gives the claim it rated, and how strongly.
RATING_STANCE: dict[str, tuple[str, float]] = {
    "true": ("supports", 0.9),
    "mostly_true": ("supports", 0.7),
    "mixed": ("neutral", 0.0),
    "mostly_false": ("refutes", 0.7),
    "false": ("refutes", 0.9),
    UNRATED: ("neutral", 0.0),
}


def _normalise(text: str) -> str:
    """Lowercase, accents and punctuation removed, whitespace collapsed."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w\s]|_", " ", plain).split())


def classify_text(rating: str | None) -> str | None:
    """A textual rating on the scale, UNRATED, or None when it is not recognised."""
    if not rating or not rating.strip():
        return None
    text = _normalise(rating)
    if text in _EXACT:
        return _EXACT[text]
    for pattern, level in _COMPILED:
        if pattern.search(text):
            return level
    return None


def classify_number(value: object, worst: object = None, best: object = None) -> str | None:
    """A numeric `ratingValue` placed within worstRating..bestRating (schema.org: 1..5)."""
    numbers = [_number(x, default) for x, default in ((value, None), (worst, 1), (best, 5))]
    if any(n is None for n in numbers):
        return None
    number, low, high = numbers  # type: ignore[misc]
    if high <= low or not low <= number <= high:
        return None
    position = (number - low) / (high - low)
    for limit, level in _BANDS:
        if position < limit:
            return level
    return "true"


def classify_rating(
    rating: str | None, value: object = None, worst: object = None, best: object = None
) -> str | None:
    """The rating's level: its text when recognised, else its number; None when neither."""
    return classify_text(rating) or classify_number(value, worst, best)


def normalise_rating(rating: str | None) -> str | None:
    """A textual rating on the five-level scale, or None (unrecognised or giving no verdict)."""
    level = classify_text(rating)
    return level if level in SCALE else None


def _number(raw: object, default: float | None) -> float | None:
    """A finite float from a JSON number or numeric string; `default` when absent."""
    if raw is None or raw == "":
        return default
    if isinstance(raw, bool):
        return None
    try:
        number = float(raw)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None

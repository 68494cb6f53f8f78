"""The language of a text: its script, then its commonest function words, biased to English.

Only English is checked, so the costly mistake is calling English text foreign: a short or
mixed text ("Merci, Paris!", an English report quoting a French minister) stays English unless
another language's function words clearly outnumber English ones. A text with no English
function word at all (a short one, in practice) needs fewer: two of another language's, one of
them in lower case (so not a name's, as in "La Scala" or "Los Angeles"), and more than any other
language has; so "La tour Eiffel se trouve à Berlin." reads as French. Non-Latin scripts decide
by themselves when most letters are in them. A long Latin-script text with hardly any English
function words and no profile that fits is "und" (undetermined), which is not checked either.
"""

from __future__ import annotations

import re
import unicodedata

from service.extraction.vocabulary import word_set

ENGLISH = "en"
UNDETERMINED = "und"
# Words shared with English ("a", "in", "die", "on", "is") are left out of the other profiles.
PROFILES = {
    "en": word_set("""
        the and of to is are was were that this with for from have has had not but by be been
        which who will would their they it its he she his her what there than an or about into
        also after said says more over we our you when if how up out can could should did does
        only most went made"""),
    "fr": word_set("""
        le la les des du un une et est sont dans pour que qui pas sur avec ce cette ces au aux
        il elle ils nous vous leur mais ou par été être était ont fait comme sa ses
        selon très entre après aussi lors depuis d'un d'une qu'il c'est n'est de en la que à
        tous tout je ne nos notre votre se"""),
    "de": word_set("""
        der das und ist nicht mit sich des dem den ein eine einen einer auf für von zu im
        auch es sind wird wurde werden haben nach bei aus wie oder aber noch nur sie wir
        ihr ihre dass zum zur über unter vor gegen bis mehr als sein seine ich vom beim"""),
    "es": word_set("""
        el los las del y es por para con una un que se lo su sus pero más como fue ha han
        esta este estos está son entre sobre también sin muy desde hasta cuando según ya
        porque fueron de en la todos"""),
    "it": word_set("""
        il lo gli della delle dei del e è per con una un che si sono nel nella alla
        ma più anche questo questa stato ha hanno tra dopo sulla degli perché ancora
        essere viene la se di da tutti sul"""),
    "pt": word_set("""
        o os da das dos e é em um uma que não se com para por mais como mas foi ao
        na nas nos seu sua também são pelo pela entre já quando está muito ser de"""),
    "nl": word_set("""
        de het een en van dat niet zijn op te met voor er maar ook als bij aan heeft
        worden wordt naar om dit deze nog wel al werd zou hij zij ze wij uit en als"""),
}
# The share of letters in one script that makes it the text's script, with its usual language.
SCRIPTS = {
    "CYRILLIC": "ru", "GREEK": "el", "ARABIC": "ar", "HEBREW": "he", "HIRAGANA": "ja",
    "KATAKANA": "ja", "HANGUL": "ko", "CJK": "zh", "DEVANAGARI": "hi", "THAI": "th",
}  # fmt: skip
NAMES = {
    "en": "English", "fr": "French", "de": "German", "es": "Spanish", "it": "Italian",
    "pt": "Portuguese", "nl": "Dutch", "ru": "Russian", "el": "Greek", "ar": "Arabic",
    "he": "Hebrew", "ja": "Japanese", "ko": "Korean", "zh": "Chinese", "hi": "Hindi",
    "th": "Thai", "und": "not recognised",
}  # fmt: skip
MIN_HITS = 3  # another language needs at least this many function words...
MARGIN = 2.0  # ...and this many times as many as English has
SHORT_MIN_HITS = 2  # ...or, with no English function word at all, this many (see above)
SCRIPT_SHARE = 0.5
KANA_SHARE = 0.1
SAMPLE_CHARS = 5000  # the head of a long text is enough, and keeps a 200 KB text cheap
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the text's language ("en" when unsure), or "und"."""
    sample = text[:SAMPLE_CHARS]
    script = _script(sample)
    if script:
        return script
    found = [w.replace("’", "'") for w in _WORD.findall(sample)]
    words = [w.lower() for w in found]
    hits = {code: sum(w in profile for w in words) for code, profile in PROFILES.items()}
    english = hits.pop(ENGLISH)
    best = max(hits, key=hits.__getitem__)
    if hits[best] >= MIN_HITS and hits[best] >= MARGIN * english + 1:
        return best
    if english == 0 and _short_text_language(found, hits, best):
        return best
    if len(words) >= 20 and english < 0.04 * len(words):
        return UNDETERMINED
    return ENGLISH


def _short_text_language(found: list[str], hits: dict[str, int], best: str) -> bool:
    """Whether a text with no English function word is in `best`: see the module's notes."""
    if hits[best] < SHORT_MIN_HITS or any(
        hits[code] >= hits[best] for code in hits if code != best
    ):
        return False
    return any(word.islower() and word in PROFILES[best] for word in found)


def language_note(code: str) -> str:
    """The notice a report carries for a text that is not checked."""
    name = NAMES.get(code, code)
    if code == UNDETERMINED:
        return "the text does not read as English: its claims are not checked"
    return f"the text is in {name} ({code}): only English text is checked, so claims are not"


def _script(sample: str) -> str | None:
    """The language of a non-Latin script most letters are in, if any."""
    counts: dict[str, int] = {}
    letters = 0
    for ch in sample:
        if not ch.isalpha():
            continue
        letters += 1
        if ch < "\u0250":  # Latin, with its accented letters: the common case, skip the lookup
            continue
        code = SCRIPTS.get(unicodedata.name(ch, "").split(" ", 1)[0])
        if code:
            counts[code] = counts.get(code, 0) + 1
    if not counts:
        return None
    if counts.get("ja", 0) >= KANA_SHARE * letters:  # Japanese mixes kana with Chinese characters
        counts["ja"] = counts.get("ja", 0) + counts.pop("zh", 0)
    code, count = max(counts.items(), key=lambda item: item[1])
    return code if count >= SCRIPT_SHARE * letters else None

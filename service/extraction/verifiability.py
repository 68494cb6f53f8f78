"""Whether a text states a fact that can be checked, and if not, why (pure).

Questions, opinions, feelings and wishes, greetings and exclamations, requests and commands,
fragments with no verb, and text that is not in English are not judged. A frame of attitude
around a statement ("I think ...", "I'm pleased to announce that ...", "Remember that ...",
"Good morning, ...") is judged by the statement it frames; a wish or a liking never states a
fact. Titles that look like one of these ("I Love Lucy is a sitcom", "Imagine is a song") pass:
their words are capitalised, or they have a verb of their own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from service.domain import Quantity
from service.extraction.cues import COPULAS, FACTUAL_VERBS, features
from service.extraction.language import ENGLISH, NAMES, UNDETERMINED, detect_language
from service.extraction.quantities import find_quantities
from service.extraction.vocabulary import word_set

QUESTION = "this is a question, not a statement of fact"
OPINION = "this is an opinion, a feeling or a wish, not a statement of fact"
GREETING = "this is a greeting or an exclamation, not a statement of fact"
COMMAND = "this is a request or a command, not a statement of fact"
FRAGMENT = "this has no verb, so it states nothing that can be checked"

# Verbs of a first-person frame (case matters: "I Love Lucy" is a title, "I love Lucy" is not).
LIKING = word_set("love like hate adore enjoy dislike prefer admire miss")
WISHING = word_set("hope wish want need must should aim intend plan urge ask promise")
BELIEVING = word_set("think believe feel guess suppose reckon know bet suspect trust")
FEELING = word_set("""
    pleased glad happy proud honored honoured delighted excited thrilled sad sorry grateful
    thankful confident sure worried concerned disappointed""")
# Opening a command; with a verb of its own the text is judged ("Imagine is a song").
COMMANDS = word_set("""
    imagine remember consider look listen vote stop help join support share read watch check
    click call buy try keep make take give tell ask find follow visit see come go get don't
    never""")
# Adjectives that judge rather than describe, after "is"/"was": "Paris is beautiful."
JUDGING = word_set("""
    beautiful ugly gorgeous lovely amazing awesome wonderful marvelous marvellous fantastic
    fabulous terrific great terrible horrible awful dreadful boring overrated underrated
    disgusting delicious nice cool stupid dumb brilliant pathetic ridiculous incredible
    excellent magnificent best worst cute fun funny disappointing annoying""")
FINITE = word_set("""
    am is are was were be been has have had do does did can could will would shall should may
    might must isn't aren't wasn't weren't hasn't haven't hadn't doesn't don't didn't can't
    won't wouldn't couldn't shouldn't isnt arent wasnt werent hasnt havent doesnt dont didnt
    cant wont wouldnt couldnt shouldnt ive weve theyve youve im youre theyre hes shes thats
    theres it's that's there's he's she's what's here's who's""")
# Common verbs whose forms the suffix rules miss: "Dogs bark", "Obama won", "taxes rose".
VERBS = word_set("""
    say said tell told go went come came take took give gave get got make made win won lose lost
    lead led leave left meet met pay paid sell sold spend spent build built hold held keep kept
    run ran rise rose fall fell grow grew become became begin began bring brought find found
    know knew think thought see saw write wrote stand stood sit sat put set cut hit let quit
    fight fought teach taught catch caught seek sought mean meant feel felt hear heard eat ate
    drive drove fly flew break broke choose chose speak spoke steal stole throw threw wear wore
    shoot shot sleep slept lie lay bear bore own live die work vote kill bark serve cost""")
NOT_VERBS = word_set("""
    the a an this that these those his her its their our my your of in on at to for from by with
    about as and or but not no all some any every each more most less than us""")
REPORTING = word_set("said says told claimed claims wrote argued thinks believes according")
INTENSIFIERS = (
    r"(?:very|so|really|truly|quite|pretty|too|extremely|absolutely|simply|incredibly|just|"
    r"totally|the|a|an|most|more|such)"
)

_NOT_PLAIN = ("question", "opinion", "pleasantry", "speculation", "future", "uncertainty",
              "first_person", "heading", "long")  # fmt: skip
# Verbs of record a plain statement of fact may rest on besides those the check-worthiness cues
# count ("Leonardo da Vinci painted the Mona Lisa.", "The Nile flows into the Mediterranean.").
_RECORD_VERBS = word_set("""
    wrote painted composed directed discovered invented married designed starred recorded
    released published led defeated conquered flows orbits borders
""")
_ASSERTING = COPULAS | FACTUAL_VERBS | _RECORD_VERBS
_TOKEN = re.compile(r"[\w']+")
_CONTRACTED = re.compile(r"n't$|'(?:m|re|ve|ll|d)$")  # "isn't", "I'm", "we've", "I'll"
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_CLOSING = "\"'”’)]» "
_OPENING = "\"'“‘(«"
_LEAD = r"^(?:(?:and|but|so|well|oh|frankly|honestly|personally|really|now),?\s+)*"
_FRAME = re.compile(
    _LEAD + r"(?:I|[Ww]e|[Yy]ou)(?P<be>'m|'re|\s+am|\s+are)?(?:'d|\s+would)?\s+"
    r"(?:(?:really|truly|strongly|just|also|still|all|do|certainly|absolutely|so|very)\s+)*"
    r"(?P<verb>[a-z]+)\b(?P<rest>.*)$",
    re.DOTALL,
)
_OPINION_FRAME = re.compile(
    _LEAD + r"(?:in my (?:view|opinion)|personally|to me|if you ask me|i mean)\b,?\s*(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)
_ANNOUNCING = re.compile(r"^\s*(?:to\s+(?:announce|report|say|tell\s+you|confirm|share)\s+)?")
_THAT = re.compile(r"^\s*(?:that\b|,)?\s*")
_GREETING = re.compile(
    r"^(?:hello|hi|hey|dear|greetings|good (?:morning|afternoon|evening|night)|thank you|thanks"
    r"(?! to\b)|welcome|congratulations|congrats|happy (?:birthday|new year|holidays)|merry "
    r"christmas|cheers|goodbye|bye|bravo|wow|yay|hooray|ladies and gentlemen)\b",
    re.IGNORECASE,
)
_EXCLAMATIVE = re.compile(r"^(?:what an?|how)\b.*!$", re.IGNORECASE | re.DOTALL)
_INVERTED = re.compile(
    r"^(?:(?:Is|Are|Was|Were|Do|Does|Did|Can|Could|Will|Would|Should|Has|Have|Had|Shall|May|Might)"
    r"\s|(?:Who|What|Where|When|Why|How|Which)\s+(?:is|are|was|were|do|does|did|can|could|will|"
    r"would|should|has|have|had|many|much)\b)"
)
_JUDGED = re.compile(
    r"^(?P<subject>[^,;:]{1,80}?)\s+(?:is|are|was|were|looks|seems|sounds|tastes)\s+"
    rf"(?:{INTENSIFIERS}\s+)*(?P<adjective>[a-z]+)(?![\w-])(?P<rest>.*)$",
    re.DOTALL,
)
_OPINION_TAIL = re.compile(
    r"^(?:\s+\w+){0,2}?(?:\s+(?:in the world|ever|of all time|on earth|in town))?\s*[.!]*$"
)


def not_a_claim(text: str, language: str | None = None) -> str | None:
    """Why the text is not a claim to judge (question, opinion, ...), or None when it is one.

    `language` is a BCP 47 tag the client declared; without one the language is detected.
    """
    plain = text.replace("’", "'").replace("‘", "'").strip()
    code = language.split("-")[0].lower() if language else detect_language(plain)
    if code != ENGLISH:
        return not_english(code)
    if not _WORD.search(plain):
        return FRAGMENT
    return _form(plain)


def states_plain_fact(
    text: str, entities: Sequence[str], quantities: Sequence[Quantity] | None = None
) -> bool:
    """Whether a sentence plainly states a checkable fact, debate-worthy or not.

    "Paris is the capital of France.": a name, then "is"/"was" or a verb of record ("signed",
    "won") saying something of it; not long, not trailing off, and nothing that makes it a
    question, an opinion, a wish, a greeting, a forecast, a hedge or a first-person statement.
    """
    if not entities or text.rstrip(_CLOSING).endswith(("...", "…", "-", "—")):
        return False
    verb = next((m.start() for m in _TOKEN.finditer(text) if m[0].lower() in _ASSERTING), -1)
    named = [at for at in (text.find(name) for name in entities) if at >= 0]
    if verb < 0 or not named or min(named) > verb or not_a_claim(text) is not None:
        return False
    found = features(text, quantities=quantities, entities=entities)
    return not any(found[name] for name in _NOT_PLAIN)


def not_english(code: str) -> str:
    """The reason for a text in another language."""
    if code == UNDETERMINED:
        return "the text does not read as English, and only English is checked"
    return f"the text is in {NAMES.get(code, code)} ({code}), not English; only English is checked"


def _form(text: str) -> str | None:
    """The reason from the text's form, a frame being judged by what it frames."""
    if _is_question(text):
        return QUESTION
    if frame := _OPINION_FRAME.match(text):
        return _framed(frame["rest"], OPINION)
    if frame := _FRAME.match(text):
        reason = _first_person(frame["verb"], bool(frame["be"]), frame["rest"])
        if reason != "":
            return reason
    if _EXCLAMATIVE.match(text.rstrip(_CLOSING)):
        return GREETING
    if greeting := _GREETING.match(text):
        return _framed(text[greeting.end() :], GREETING)
    words = _WORD.findall(text)
    first = words[0].lower()
    if first in {"please", "let's"} or (first == "let" and words[1:2] == ["us"]):
        return COMMAND
    if first in COMMANDS and text[:1].isupper() and not _has_verb(words[1:]):
        return COMMAND
    if _judges(text):
        return OPINION
    if not _has_verb(words) and len(words) < 8 and not find_quantities(text):
        # A short text with a figure states it of something, whatever verb the list misses
        # ("Nippon Steel bid $15 billion.").
        return GREETING if text.rstrip(_CLOSING).endswith("!") else FRAGMENT
    return None


def _first_person(verb: str, be: bool, rest: str) -> str | None:
    """The reason for "I love ...", "we hope ...", "I think ...", "I'm glad ..."; "" if none."""
    if be and verb in FEELING:
        return _framed(_THAT.sub("", _ANNOUNCING.sub("", rest), count=1), OPINION)
    if be:
        return ""
    if verb in LIKING or verb in WISHING:
        return OPINION
    if verb in BELIEVING:
        return _framed(_THAT.sub("", rest, count=1), OPINION)
    return ""


def _framed(rest: str, reason: str) -> str | None:
    """What a frame holds decides: a statement of its own is judged, nothing else is."""
    rest = rest.lstrip(" ,;:!.-—").strip()
    words = _WORD.findall(rest)
    if len(words) < 2 or not _has_verb(words):
        return reason
    return _form(rest[0].upper() + rest[1:])


def _is_question(text: str) -> bool:
    """Ends with a question mark (not one quoted inside a statement), or asks in word order."""
    end = text.rstrip(_CLOSING)
    if end.endswith("?"):
        quoted = len(end) < len(text.rstrip()) and not text.startswith(tuple(_OPENING))
        return not (quoted and any(q in text for q in _OPENING))
    return bool(_INVERTED.match(text)) and not end.endswith((".", "!"))


def _judges(text: str) -> bool:
    """Whether the sentence only judges its subject: "Paris is the most beautiful city"."""
    found = _JUDGED.match(text)
    if not found or found["adjective"] not in JUDGING:
        return False
    subject = {w.lower() for w in _WORD.findall(found["subject"])}
    return not subject & REPORTING and bool(_OPINION_TAIL.match(found["rest"]))


def _has_verb(words: list[str]) -> bool:
    """Whether some word can be a finite verb (generous: only a plain fragment has none)."""
    lower = [w.lower().replace("’", "'") for w in words]
    for i, word in enumerate(lower):
        if word in FINITE or word in VERBS or word in FACTUAL_VERBS or _CONTRACTED.search(word):
            return True
        if word.endswith("'s") or word in NOT_VERBS or not words[i].islower():
            continue
        if (len(word) > 3 and word.endswith("ed")) or (word.endswith("s") and len(word) > 2):
            return True
        if i and (lower[i - 1] in {"i", "we", "you", "they"} or lower[i - 1].endswith("s")):
            return True
    return False

"""What each sentence's claims need from the text around it, read once in document order."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from service.extraction.entities import Span
from service.extraction.people import People
from service.extraction.referents import Mention, Referents, find_mentions
from service.extraction.speech import Reading, Voice, pronoun_antecedent, voices

# Words without which no sentence mentions a deal or a meeting: most sentences skip the regexes.
_MENTION_WORDS = re.compile(
    r"\b(?:deal|acquisition|bid|offer|offered|takeover|merger|purchase|purchased|buyout|buy|"
    r"agreement|pact|accord|contract|"
    r"bought|acquire|acquired|meeting|talks|summit|met|meets)\b"
)


class Setting(NamedTuple):
    """A sentence's voice, who a "He" may be, and the descriptions in reach."""

    voice: Voice
    antecedent: str | None  # whom an opening "He" means (see speech.pronoun_antecedent)
    previous_persons: tuple[str, ...]  # the people the sentence before names
    recent_speaker: str | None  # who spoke in the few sentences before
    descriptions: dict[str, str]
    mentions: list[Mention]


def read_context(
    text: str, spans: Sequence[tuple[int, int]], names: Sequence[Sequence[Span]], people: People
) -> list[Setting]:
    """The setting of each sentence; names[i] are sentence i's names, spans relative to it."""
    sentences = [text[start:end] for start, end in spans]
    readings = _readings(text, spans, names, people)
    known = {span.name for found in names for span in found}
    sentence_voices, recents = voices(sentences, readings, people)
    referents = Referents()
    settings = []
    for i, sentence in enumerate(sentences):
        mentions = find_mentions(sentence, people, known) if _MENTION_WORDS.search(sentence) else []
        previous = readings[i - 1] if i else None
        settings.append(
            Setting(
                sentence_voices[i], pronoun_antecedent(previous, recents[i]),
                previous.persons if previous else (), recents[i], referents.current(i), mentions,
            )
        )  # fmt: skip
        referents.update(mentions, i)
    return settings


def _readings(
    text: str, spans: Sequence[tuple[int, int]], names: Sequence[Sequence[Span]], people: People
) -> list[Reading]:
    """Each sentence's people, its lone subject, and whether it opens a paragraph."""
    return [
        Reading(
            tuple(people.persons(span.name for span in found)),
            people.lone_subject(text[start:end], found),
            i > 0 and "\n" in text[spans[i - 1][1] : start],
        )
        for i, ((start, end), found) in enumerate(zip(spans, names, strict=True))
    ]

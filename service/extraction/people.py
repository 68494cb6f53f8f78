"""The people a text names, so that "Trump" later on is known to be "Donald Trump".

A full name is a person-like name (two or three capitalised words). A single word counts as a
person only when it is the surname of exactly one full name in the text: "Trump" after "Donald
Trump"; "Smith" stays a plain word when the text names both Jane and John Smith.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from service.extraction.entities import Span, is_person_like
from service.extraction.vocabulary import NAME_TITLES, TITLE_MODIFIERS, word_set

# Words that may stand before a subject's name: "Former US President Joe Biden", "But Trump".
_BEFORE_SUBJECT = NAME_TITLES | TITLE_MODIFIERS | word_set("the then but and so also")
_MAX_BEFORE_SUBJECT = 4
_MAX_OPENING = 8  # words of an opening phrase ("Following the meeting, Trump ...")


class People:
    """The persons of one text, by full name and by surname."""

    def __init__(self, names: Iterable[str]) -> None:
        full = list(dict.fromkeys(name for name in names if is_person_like(name)))
        by_surname: dict[str, list[str]] = {}
        for name in full:
            by_surname.setdefault(name.split()[-1], []).append(name)
        self._full = frozenset(full)
        self._surname = {key: found[0] for key, found in by_surname.items() if len(found) == 1}

    def canonical(self, name: str) -> str:
        """The full name a mention stands for ("Trump" -> "Donald Trump"), else the mention."""
        return self._surname.get(name, name)

    def is_person(self, name: str) -> bool:
        """Whether a mention names a person of the text."""
        return name in self._full or name in self._surname

    def persons(self, names: Iterable[str]) -> list[str]:
        """The distinct persons among some mentions, by full name, in order."""
        return list(dict.fromkeys(self.canonical(n) for n in names if self.is_person(n)))

    def lone_subject(self, sentence: str, names: Sequence[Span]) -> str | None:
        """The one person a sentence names, when it names them as its subject.

        "Former President Joe Biden blocked the deal" gives Joe Biden; "Trump met Ishiba" and
        "Critics attacked Joe Biden" give None: a "He" after them could be either, or anyone.
        """
        persons = self.persons(span.name for span in names)
        if len(persons) != 1:
            return None
        first = next(span for span in names if self.is_person(span.name))
        head, comma, rest = sentence[: first.start].partition(",")
        if comma and (len(head.split()) > _MAX_OPENING or "," in rest):
            return None  # the name sits further in than an opening phrase
        words = (rest if comma else head).split()
        plain = all(w[0].isupper() or w.lower() in _BEFORE_SUBJECT for w in words)
        return persons[0] if plain and len(words) <= _MAX_BEFORE_SUBJECT else None

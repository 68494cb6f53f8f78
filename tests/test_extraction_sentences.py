"""Sentence splitting: exact spans on the hard cases."""

from __future__ import annotations

import pytest

from service.extraction.sentences import split_sentences


def _sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "He lives in the U.S. The deal was blocked.",
            ["He lives in the U.S.", "The deal was blocked."],
        ),
        (
            "It happened in the U.S. However, nobody knew.",
            ["It happened in the U.S.", "However, nobody knew."],
        ),
        ("The U.S. Army said so. Then it left.", ["The U.S. Army said so.", "Then it left."]),
        (
            "Mr. Smith met Dr. Jones on Jan. 5. They agreed.",
            ["Mr. Smith met Dr. Jones on Jan. 5.", "They agreed."],
        ),
        (
            "It was ranked No. 5 in the list. J. K. Rowling wrote it.",
            ["It was ranked No. 5 in the list.", "J. K. Rowling wrote it."],
        ),
        ("J. A. Smith arrived.", ["J. A. Smith arrived."]),
        (
            "The deal was worth $1.5 billion. Rates rose 2.5% in 2024.",
            ["The deal was worth $1.5 billion.", "Rates rose 2.5% in 2024."],
        ),
        (
            "Use tools, e.g. hammers, i.e. heavy ones. Done.",
            ["Use tools, e.g. hammers, i.e. heavy ones.", "Done."],
        ),
        (
            "He paused... then spoke. Wait… The end.",
            ["He paused... then spoke.", "Wait…", "The end."],
        ),
        ("He said, “We agree.” Then he left.", ["He said, “We agree.”", "Then he left."]),
        ('He said, "We agree." Then he left.', ['He said, "We agree."', "Then he left."]),
        ("“Why?” he asked. Nobody answered!", ["“Why?” he asked.", "Nobody answered!"]),
        (
            "Apple Inc. The company said so. Shares of Apple Inc. rose.",
            ["Apple Inc.", "The company said so.", "Shares of Apple Inc. rose."],
        ),
        (
            "George W. Bush spoke at 9 a.m. The crowd cheered.",
            ["George W. Bush spoke at 9 a.m.", "The crowd cheered."],
        ),
        (
            "Trade tensions\n\nThe talks ended. A deal followed",
            ["Trade tensions", "The talks ended.", "A deal followed"],
        ),
        ("No full stop here\nnext line starts low", ["No full stop here", "next line starts low"]),
        (
            "Key points:\n- Japan pledged more.\n• Tariffs rose.\n1. First item\n2) Second item",
            ["Key points:", "Japan pledged more.", "Tariffs rose.", "First item", "Second item"],
        ),
        ("  Padded sentence.   Another one.  ", ["Padded sentence.", "Another one."]),
        ("Is it true? Yes! It is.", ["Is it true?", "Yes!", "It is."]),
        ("---\n\n", []),
        ("", []),
    ],
)
def test_sentences_have_exact_spans(text, expected):
    assert _sentences(text) == expected


def test_spans_are_trimmed_ordered_and_disjoint():
    text = " First one.  Second one?\n\n- Third one!\r\nFourth "
    spans = split_sentences(text)
    assert len(spans) == 4
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end
        assert text[start:end] == text[start:end].strip()
        previous_end = end

"""Reported claims: a sentence that tells who said the claim is no evidence that it is true.

A fact-check's ruling, a news story or a biography often repeats the claim it discusses as
someone's words ("Trump said the number of illegal immigrants is 30 million, it could be 34
million."), and a stance model or a figure rule reads such a sentence as support: it restates
the claim. The passage is read without those sentences, so what it says of the claim (the
ruling's "The Department of Homeland Security says ... 11.4 million") decides. A claim that is
itself about what was said ("Einstein said ...") keeps every sentence.
"""

from __future__ import annotations

import re
from dataclasses import replace

from service.domain import Claim, Evidence
from service.extraction.sentences import split_sentences
from service.verification.lexicon import overlap

# Verbs of saying, verbs that report words only when "that" or a quotation follows ("claimed
# his first title", "wrote War and Peace" state facts), and nouns that carry someone's words ("a
# chain email", "headlines like this one"). "According to" is left out: Wikipedia cites its
# authorities that way ("According to the 2010 census, ...").
REPORTING = re.compile(
    r"\b(?:say|says|said|saying|told|tells?|telling|stated|stating|assert(?:s|ed|ing)"
    r"|argue[sd]|arguing|contend(?:s|ed|ing)|insist(?:s|ed|ing)|tweet(?:s|ed|ing)"
    r"|(?:claim(?:s|ed|ing)?|wr(?:ote|ites?)|posted|declared|repeat(?:s|ed))"
    r"\s+(?:that\b|[\"“'‘])"
    r"|headlines?|rumou?rs?|chain e-?mails?)\b",
    re.IGNORECASE,
)
RESTATES = 0.5  # share of the claim's content words a sentence holds to repeat the claim


# "X is said to have ...", "as some might say": hearsay about the subject, not its words.
PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being|might|may|would)\s+$", re.IGNORECASE)


def restates(claim: Claim, sentence: str) -> bool:
    """Whether a sentence repeats the claim as someone's words: what follows a verb of saying
    holds most of the claim's content words."""
    for verb in REPORTING.finditer(sentence):
        if PASSIVE.search(sentence, 0, verb.start()):
            continue
        share, _, _ = overlap(claim.text, claim.entities, sentence[verb.end() :])
        if share >= RESTATES:
            return True
    return False


def without_reports(claim: Claim, evidence: Evidence) -> Evidence:
    """The passage less the sentences that report the claim (its snippet blank if it only
    reports it); unchanged when the claim is itself about what someone said."""
    text = evidence.snippet
    if REPORTING.search(claim.text) or not REPORTING.search(text):
        return evidence
    spans = split_sentences(text)
    kept = [text[start:end] for start, end in spans if not restates(claim, text[start:end])]
    if len(kept) == len(spans):
        return evidence
    return replace(evidence, snippet=" ".join(kept))

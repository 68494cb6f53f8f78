"""What a passage must say before the stance model's reading of it may count: the readers that
take a passage's support or its denial away.

The stance model reads a passage against the claim as a whole; it does not see that a name, a
rank, a birthplace, a doer or an agent the claim gives is missing from the passage or is
another one there. Each reader below asks one such thing of the passage (its module says why
and what it cost); the verifier takes away the side a passage may not take.
"""

from __future__ import annotations

from service.domain import Claim, Evidence
from service.verification.actor import done_by_another, other_agent, other_object, unnamed_agent
from service.verification.alias import unnamed_alias
from service.verification.birthplace import other_birthplace, unstated_birthplace
from service.verification.category import uncounted, unpredicated
from service.verification.coverage import unsaid
from service.verification.cues import negation_cue
from service.verification.currency import other_currency
from service.verification.periods import unconfirmed_period
from service.verification.superlatives import unranked, unspoken


def cannot_confirm(claim: Claim, evidence: Evidence, subject: str | None, own: bool) -> bool:
    """Whether the passage may not confirm the claim: it never names a name of the claim
    (coverage.py), never says the subject is of the claim's kind or gives no count of what it
    counts (category.py), names another currency (currency.py), no year of the claim's period
    (periods.py), does not rank first what the claim calls "the highest" (superlatives.py),
    names another birthplace (birthplace.py), gives the claim's verb another doer, agent or
    object (actor.py), or never calls the subject by the name the claim says (alias.py)."""
    text, snippet = claim.text, evidence.snippet
    return bool(
        unsaid(claim, evidence, subject)
        or unpredicated(claim, evidence, subject, own)
        or uncounted(claim, evidence, subject)
        or other_currency(text, snippet)
        or unconfirmed_period(text, snippet)
        or unranked(text, snippet)
        or other_birthplace(text, snippet)
        or done_by_another(claim, evidence, subject)
        or other_agent(text, snippet)
        or other_object(claim, evidence, subject)
        or unnamed_alias(text, snippet)
    )


def cannot_deny(claim: Claim, evidence: Evidence, subject: str | None) -> bool:
    """Whether the passage may not deny the claim: it gives no birthplace where the claim gives
    one (birthplace.py), names no agent where a passive claim names one (actor.py), gives no
    count of what the claim counts and says no "not" (category.py), or gives the claim's
    superlative to nothing (superlatives.py)."""
    snippet = evidence.snippet
    return (
        unstated_birthplace(claim.text, snippet)
        or unspoken(claim.text, snippet)
        or unnamed_agent(claim.text, snippet)
        or (bool(uncounted(claim, evidence, subject)) and not negation_cue(snippet))
    )

"""Verifiers: what the checker calls to judge a claim on its evidence.

`RuleVerifier` is the explainable rules engine alone (verdict.judge). `ModelVerifier` reads each
passage without its sentences that only report the claim as someone's words (reported.py) and
within its bearing on the claim (bearing.py: a passage that is not about the claim's subject, or
says it of someone else, of the past or of another name, stays neutral), scores it
with a stance model (the shipped ONNX cross-encoder by default, or any object with the same
`probabilities` method, e.g. nli_transformers.TransformersNli; an exclusive claim, "X is only
Y", against a passage silent on exclusivity without its "only", to deny only: exclusive.py; a
negated claim in its positive form, which a passage confirms to deny it: negation.py; each half
of a conjunctive claim too, the least supported bounding its support: conjunction.py), takes
away the support or the denial of a passage that does not say what the claim turns on (a name,
a kind, a count, a rank, a birthplace, a doer: grounds.py) and the denial of "X is not an N" by
a passage calling X a "dwarf N" (category.py), keeps the rules' exact findings (fact-check
ratings, time-scoped statements, compared amounts, stated relations) beside it, aggregates with
the calibrated weights of aggregate.py and lets decision.py settle what the verdict may rest
on.
`LlmVerifier` (llm_judge.py) asks a chat model.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Protocol

import numpy as np

from service.domain import Claim, Evidence, Verdict
from service.extraction.sentences import split_sentences
from service.verification import verdict as rules
from service.verification.aggregate import Aggregator
from service.verification.bearing import ANAPHOR, Bearing, main_entity
from service.verification.category import qualified_denial
from service.verification.conjunction import conjuncts
from service.verification.decision import PASSAGE_DECIDES, decide
from service.verification.exclusive import states_exclusivity, unqualified
from service.verification.grounds import cannot_confirm, cannot_deny
from service.verification.negation import positive
from service.verification.rationale import explain
from service.verification.reported import without_reports
from service.verification.stance import RELEVANCE_FLOOR, StanceResult

WINDOW_WORDS = 70  # passage words the model reads beside a claim of ordinary length
# What the rationale adds when a rule of decision.py, not the aggregation, settled the label.
BASIS_NOTES = {
    "statement": " A dated statement decides: text passages are not weighed against it.",
    "relation": " A passage stating the one value outright decides: others are not weighed "
    "against it.",
    "own_article": " The subject's own article contradicts it.",
    "no_passage": " No passage takes that side: the claim's wording alone decides nothing.",
}
NO_OVERLAP = 0.1  # below this share of the claim's content words a passage is off topic


class Verifier(Protocol):
    """Judges a claim on its evidence, as of a date."""

    def judge(
        self, claim: Claim, evidence: Sequence[Evidence], as_of: date, checked_at: str
    ) -> Verdict:
        """The verdict on the claim."""
        ...


class PassageScorer(Protocol):
    """A stance model: (supports, neutral, refutes) probabilities of (claim, passage) pairs."""

    def probabilities(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """An (n, 3) array, one row per pair, in input order."""
        ...


class RuleVerifier:
    """The explainable rules alone (verdict.judge)."""

    def judge(
        self, claim: Claim, evidence: Sequence[Evidence], as_of: date, checked_at: str
    ) -> Verdict:
        """The rules' verdict."""
        return rules.judge(claim, evidence, as_of, checked_at)


class ModelVerifier:
    """A stance model per passage, the rules beside it, a calibrated aggregation over both."""

    def __init__(self, scorer: PassageScorer, aggregator: Aggregator, titles: bool = False) -> None:
        self.scorer = scorer
        self.aggregator = aggregator
        self.titles = titles  # prefix a passage with its title when the text does not name it

    def judge(
        self, claim: Claim, evidence: Sequence[Evidence], as_of: date, checked_at: str
    ) -> Verdict:
        """The verdict, naming the passage that decided it."""
        if not evidence:
            return rules.judge(claim, evidence, as_of, checked_at)
        probs, found, bearings, prior = self._read(
            claim, evidence, as_of, self.aggregator.uses_prior
        )
        proposal = self.aggregator.decide(probs, found, prior)
        decision = decide(proposal, evidence, probs, found, bearings)
        label, confidence = decision.label, decision.confidence
        winner = {"supported": "supports", "refuted": "refutes"}.get(label)
        results = [_passage_result(p, r) for p, r in zip(probs, found, strict=True)]
        results = _ensure_winner(results, probs, found, winner)
        ranked = [
            (replace(ev, stance=r.stance), r) for ev, r in zip(evidence, results, strict=True)
        ]
        relevant = [pair for pair in ranked if rules.on_topic(pair)]
        kept = rules.listed(relevant, winner)
        relevant.sort(key=lambda pair: rules.rank_key(pair, winner))
        closest = max(ranked, key=lambda pair: pair[1].relevance)
        rationale = explain(label, relevant, closest, evidence_count=len(evidence))
        rationale += BASIS_NOTES.get(decision.basis, "")
        return Verdict(label, confidence, rationale, as_of.isoformat(), checked_at, kept)

    def _read(
        self, claim: Claim, evidence: Sequence[Evidence], as_of: date, prior: bool
    ) -> tuple[np.ndarray, list[StanceResult], list[Bearing | None], np.ndarray | None]:
        """readings(), with each passage's bearing (None for statements and fact-checks), each
        passage read without its sentences that only report the claim as someone's words."""
        evidence = [without_reports(claim, ev) for ev in evidence]
        titles = rules.passage_titles(evidence)
        read = [rules.read_passage(claim, ev, as_of, titles) for ev in evidence]
        found = [result for result, _ in read]
        bearings = [found_bearing for _, found_bearing in read]
        probs = self._probabilities(claim, evidence, found)
        subject = main_entity(claim)
        for i, (row, ev, rule, found_bearing) in enumerate(
            zip(probs, evidence, found, bearings, strict=True)
        ):
            if found_bearing is not None:
                _within_bearing(row, found_bearing)
                if row[0] and (
                    rule.unconfirmed or cannot_confirm(claim, ev, subject, found_bearing.own)
                ):
                    row[1], row[0] = row[1] + row[0], 0.0  # it may deny, not confirm
                if row[2] and cannot_deny(claim, ev, subject):
                    row[1], row[2] = row[1] + row[2], 0.0  # it may not deny what it never says
                kind = qualified_denial(claim, ev, subject, found_bearing.own)
                if kind:  # it says X is a "dwarf" N, no N: whatever the "not", no denial
                    row[1], row[2] = row[1] + row[2], 0.0
                    reason = f"says what it is with a modifier that makes it no {kind}"
                    found[i] = StanceResult("neutral", 0.0, reason, rule.relevance)
        if not prior:
            return probs, found, bearings, None
        # A call of its own: int8 activations are scaled per batch, so batching the prior with
        # the passages would change the passages' probabilities.
        # An exclusive claim's passages are mostly read without its "only" (exclusive.py), and
        # so is the wording they are weighed against.
        text = unqualified(claim.text) or claim.text
        claim_prior = np.asarray(self.scorer.probabilities([(text, "")])[0], np.float64)
        return probs, found, bearings, claim_prior

    def readings(
        self, claim: Claim, evidence: Sequence[Evidence], as_of: date, prior: bool = False
    ) -> tuple[np.ndarray, list[StanceResult], np.ndarray | None]:
        """Each passage's (supports, neutral, refutes) probabilities, the rules' reading and, if
        `prior`, the claim prior: the model's reading of the claim against an empty passage
        (what the claim's wording alone suggests, which the aggregation discounts)."""
        probs, found, _, claim_prior = self._read(claim, evidence, as_of, prior)
        return probs, found, claim_prior

    def _probabilities(
        self, claim: Claim, evidence: Sequence[Evidence], found: Sequence[StanceResult]
    ) -> np.ndarray:
        """Model probabilities; a rated fact-check, a dated statement or a compared figure keeps
        the rules' reading."""
        probs = np.zeros((len(evidence), 3))
        by_rules = [_by_rules(ev, result) for ev, result in zip(evidence, found, strict=True)]
        textual = [i for i, ruled in enumerate(by_rules) if not ruled]
        windows = [(i, window) for i in textual for window in _windows(self._text(evidence[i]))]
        if windows:
            plain, affirmed = unqualified(claim.text), positive(claim.text)
            forms = [_claim_form(claim.text, plain, affirmed, w) for _, w in windows]
            pairs = [(text, window) for (text, _), (_, window) in zip(forms, windows, strict=True)]
            read = self._read_halves(claim.text, forms, windows, self.scorer.probabilities(pairs))
            for (i, _), (_, form), row in zip(windows, forms, read, strict=True):
                row = _as_claim_reads(row, form)
                # A long passage takes the reading of its most decided window.
                if max(row[0], row[2]) >= max(probs[i, 0], probs[i, 2]) or not probs[i].any():
                    probs[i] = row
        for i, ruled in enumerate(by_rules):
            if ruled:
                probs[i] = _as_probabilities(found[i])
        return probs

    def _read_halves(
        self,
        claim_text: str,
        forms: list[tuple[str, str]],
        windows: list[tuple[int, str]],
        read: np.ndarray,
    ) -> np.ndarray:
        """A conjunctive claim's readings, each window also read against each half of it
        (conjunction.py): supporting as far as the least supported of the whole and its
        halves; denying as the whole is denied (a half the passage is silent on reads as
        denied too often: "Paraguay has the warmest weather in January")."""
        halves = conjuncts(claim_text)
        plain = [k for k, (_, form) in enumerate(forms) if form == "as_is"]
        if not halves or not plain:
            return read
        pairs = [(half, windows[k][1]) for k in plain for half in halves]
        by_half = self.scorer.probabilities(pairs).reshape(len(plain), len(halves), 3)
        read = np.array(read, dtype=np.float64)
        for k, rows in zip(plain, by_half, strict=True):
            support = min(read[k, 0], float(rows[:, 0].min()))
            read[k] = (support, 1.0 - support - read[k, 2], read[k, 2])
        return read

    def _text(self, evidence: Evidence) -> str:
        title = evidence.title.strip()
        if self.titles and title and title.lower() not in evidence.snippet.lower():
            return f"{title}: {evidence.snippet}"
        return evidence.snippet


def _claim_form(
    claim_text: str, plain: str | None, affirmed: str | None, window: str
) -> tuple[str, str]:
    """What the model reads against a window, and how: an exclusive claim ("X is only Y")
    against a window silent on exclusivity without its "only" (`plain`, exclusive.py); a
    negated claim in its positive form (`affirmed`, negation.py); any other claim as it is."""
    if plain and not states_exclusivity(window):
        return plain, "exclusive"
    if affirmed:
        return affirmed, "negated"
    return claim_text, "as_is"


def _as_claim_reads(row: np.ndarray, form: str) -> np.ndarray:
    """The reading of a claim's form turned into the claim's: the "only" unconfirmed; the
    positive form confirmed is the negated claim denied, and its denial confirms nothing."""
    if form == "exclusive":
        return np.array([0.0, row[1] + row[0], row[2]])
    if form == "negated":
        return np.array([0.0, row[1] + row[2], row[0]])
    return row


def _windows(text: str) -> list[str]:
    """The passage in windows of whole sentences short enough for the model to read in full (it
    reads 128 tokens of claim and passage and would drop the rest): one window if it fits."""
    if len(text.split()) <= WINDOW_WORDS:
        return [text]
    windows: list[str] = []
    current: list[str] = []
    for start, end in split_sentences(text):
        sentence = text[start:end]
        if current and len(" ".join([*current, sentence]).split()) > WINDOW_WORDS:
            windows.append(" ".join(current))
            current = []
        current.append(sentence)
    return [*windows, " ".join(current)] if current else windows


def _by_rules(evidence: Evidence, found: StanceResult) -> bool:
    """A fact-check's rating, a Wikidata statement or a figure the rules compared for a claim
    that names its subject (exact data the rules read best: the model reads "$14.9 billion"
    against "$15 billion" as a mismatch as readily as "$1.4 billion"), or a passage sharing no
    content word with the claim that does not open by referring back ("She is known for ..."):
    off topic whatever a model says (NLI training data calls many unrelated pairs
    contradictions)."""
    structured = evidence.rating is not None or evidence.relation is not None
    unrelated = found.relevance < NO_OVERLAP and not ANAPHOR.match(evidence.snippet)
    return structured or found.exact or unrelated


def _within_bearing(p: np.ndarray, found: Bearing) -> None:
    """All of a passage's probability on neutral when it may take no side (in place)."""
    if not found.bears:
        p[:] = (0.0, 1.0, 0.0)


def _as_probabilities(result: StanceResult) -> np.ndarray:
    side = {"supports": 0, "refutes": 2}.get(result.stance)
    out = np.array([0.0, 1.0, 0.0])
    if side is not None:
        out[side], out[1] = result.strength, 1.0 - result.strength
    return out


def _passage_result(p: np.ndarray, rule: StanceResult) -> StanceResult:
    """A passage's stance for the rationale: the model's side, in the rules' words if they agree."""
    side = int(np.argmax(p))
    stance = ("supports", "neutral", "refutes")[side]
    if stance != "neutral" and p[side] < PASSAGE_DECIDES:
        stance = "neutral"
    if stance == "neutral" and rule.stance != "neutral":
        return rule  # an exact finding (a figure, a rating) the model did not weigh as much
    if stance == rule.stance:
        return replace(rule, strength=round(float(p[side]), 3) if stance != "neutral" else 0.0)
    verb = {"supports": "states it", "refutes": "contradicts it"}
    reason = f"{verb[stance]} (stance model, p={p[side]:.2f})"
    return StanceResult(
        stance, round(float(p[side]), 3), reason, max(rule.relevance, RELEVANCE_FLOOR)
    )


def _ensure_winner(
    results: list[StanceResult],
    probs: np.ndarray,
    found: Sequence[StanceResult],
    winner: str | None,
) -> list[StanceResult]:
    """The rationale must name a passage on the winning side: one the rules read so (an exact
    finding, such as a contradicted figure), else the one the model leans to most."""
    if winner is None or any(r.stance == winner for r in results):
        return results
    results = list(results)
    ruled = [i for i, r in enumerate(found) if r.stance == winner]
    if ruled:
        best = max(ruled, key=lambda i: found[i].strength)
        results[best] = found[best]
        return results
    column = 0 if winner == "supports" else 2
    best = int(np.argmax(probs[:, column]))
    leaning = "supporting" if winner == "supports" else "contradicting"
    reason = f"leans towards {leaning} it (stance model, p={probs[best, column]:.2f})"
    results[best] = StanceResult(winner, float(probs[best, column]), reason,
                                 max(results[best].relevance, RELEVANCE_FLOOR))  # fmt: skip
    return results

"""The orchestration: extract claims, gather evidence, judge, cache (DESIGN §1)."""

from __future__ import annotations

import contextlib
import logging
import time
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, as_completed, wait
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime

from service import extraction, metrics, verification
from service.cache import CacheUnavailable, MemoryCache, RedisCache, verdict_key
from service.config import Settings
from service.domain import (
    LABELS,
    Claim,
    ClaimResult,
    Evidence,
    Extraction,
    Report,
    SourceStatus,
    Verdict,
)
from service.sources.base import Source
from service.sources.board import StatusBoard
from service.sources.fanout import gather
from service.verification.choice import DefaultVerifier
from service.verification.verifier import Verifier

log = logging.getLogger(__name__)


class UnknownSource(ValueError):
    """A request named a source that is not configured."""

    def __init__(self, names: Sequence[str]) -> None:
        super().__init__(f"unknown source(s): {', '.join(names)}")
        self.names = list(names)


# Called with (claims done, claims in all) as verdicts arrive, e.g. by a background job.
Progress = Callable[[int, int], None]

# Reading a text may take this share of the request's time budget; judging its claims, the rest.
EXTRACTION_SHARE = 0.5
CUT_SHORT = "Cut short:"  # how every note saying that the time budget ran out begins
NO_TIME = "not queried: no time left"
NOT_READY = "no verdict in time"
NOT_JUDGED = "Not judged:"  # how the rationale of a claim judged by no source begins


@dataclass(frozen=True)
class CheckOptions:
    """What a client may choose for one check."""

    as_of: date | None = None
    sources: tuple[str, ...] | None = None  # None: every configured source
    min_score: float | None = None
    max_claims: int | None = None
    language: str | None = None  # declared by the client (BCP 47); None: detected
    budget: float | None = None  # seconds for the whole check; None: settings.request_timeout


@dataclass
class _Outcome:
    """One claim's verdict plus what it cost, before the report is assembled."""

    verdict: Verdict
    statuses: list[SourceStatus]
    cache: str  # hit | miss | unavailable; "" for a claim not judged (no cache, no source)

    @property
    def late(self) -> bool:
        """Whether the time budget ran out before the claim was checked against the sources."""
        return any(status.detail in (NO_TIME, NOT_READY) for status in self.statuses)


class Checker:
    """Checks articles and claims; shared by the HTTP API, the worker and the command line."""

    def __init__(
        self,
        settings: Settings,
        sources: Mapping[str, Source],
        cache: MemoryCache | RedisCache,
        verifier: Verifier | None = None,
    ) -> None:
        self.settings = settings
        self.verifier = verifier or DefaultVerifier()  # the shipped stance model
        self.sources = dict(sources)
        self.cache = cache
        # How the sources answered lately, shared with the other processes through Redis.
        self.board = StatusBoard(getattr(cache, "client", None), settings.cache_prefix)
        self._claim_pool = ThreadPoolExecutor(settings.workers, thread_name_prefix="claim")
        self._source_pool = ThreadPoolExecutor(settings.workers * 4, thread_name_prefix="source")
        # Part of every cache key: verdicts of another engine or verifier are not reused.
        self._engine = f"{verification.ENGINE_VERSION}:{settings.verifier}"

    def close(self) -> None:
        """Stop the thread pools."""
        self._claim_pool.shutdown(wait=False, cancel_futures=True)
        self._source_pool.shutdown(wait=False, cancel_futures=True)

    @property
    def threshold(self) -> float:
        """The check-worthiness threshold in force when a request names none."""
        if self.settings.min_score is not None:
            return self.settings.min_score
        return extraction.DEFAULT_THRESHOLD

    @staticmethod
    def language(text: str, options: CheckOptions) -> str:
        """The text's language: the client's word for it (primary subtag), else detected."""
        if options.language:
            return options.language.split("-")[0].lower()
        return extraction.detect_language(text)

    def extract(self, text: str, options: CheckOptions) -> list[Claim]:
        """The check-worthy claims of the text."""
        min_score = self.threshold if options.min_score is None else options.min_score
        max_claims = options.max_claims or self.settings.max_claims
        return extraction.extract_claims(text, min_score=min_score, max_claims=max_claims)

    def extract_all(self, text: str, options: CheckOptions) -> Extraction:
        """Every sentence with its score, and the claims (none when the text is not English)."""
        language = self.language(text, options)
        english = language == extraction.ENGLISH
        threshold = self.threshold if options.min_score is None else options.min_score
        max_claims = options.max_claims or self.settings.max_claims
        sentences, claims = extraction.extract_all(text, threshold, max_claims)
        return Extraction(
            threshold=threshold,
            language=language,
            notes=() if english else (extraction.language_note(language),),
            sentences=tuple(sentences),
            claims=tuple(claims) if english else (),
        )

    def check_article(
        self, text: str, options: CheckOptions, progress: Progress | None = None
    ) -> Report:
        """Extract the claims of an article and judge each one (English text only).

        `progress(done, total)` is called once the claims are known and as each verdict arrives.
        """
        started = time.perf_counter()
        sentences = len(extraction.split_sentences(text))
        language = self.language(text, options)
        if language != extraction.ENGLISH:  # the extraction and the sources are English-only
            report = self.check_claims([], options, started, progress)
            notes = (extraction.language_note(language),)
            return replace(report, sentences=sentences, language=language, notes=notes)
        # The article's language is its claims': a claim is not detected again on its own.
        claims_options = replace(options, language=options.language or language)
        budget = self.budget(options)
        claims, read = self._extract_until(text, options, started + budget * EXTRACTION_SHARE)
        report = self.check_claims(claims, claims_options, started, progress)
        if read < sentences:
            unread = (
                f"{CUT_SHORT} the time budget ({budget:g} s) allowed reading {read} of the "
                f"text's {sentences} sentences; claims were sought in those only.",
            )
            return replace(report, sentences=sentences, notes=unread + report.notes)
        return replace(report, sentences=sentences)

    def _extract_until(
        self, text: str, options: CheckOptions, deadline: float
    ) -> tuple[list[Claim], int]:
        """The check-worthy claims of the sentences read by the deadline, and how many."""
        min_score = self.threshold if options.min_score is None else options.min_score
        max_claims = options.max_claims or self.settings.max_claims
        return extraction.extract_claims_until(text, deadline, min_score, max_claims)

    def check_claims(
        self,
        claims: Sequence[Claim],
        options: CheckOptions,
        started: float | None = None,
        progress: Progress | None = None,
    ) -> Report:
        """Judge given claims: cache first, then sources and verification.

        A text that states no fact (a question, an opinion, another language, ...) is not
        judged: no source is asked, its verdict says why, and so does a note.
        """
        started = time.perf_counter() if started is None else started
        names = self.select_sources(options.sources)
        as_of = (options.as_of or datetime.now(UTC).date()).isoformat()
        deadline = started + self.budget(options)
        reasons = _reasons(claims, options)
        futures = [
            None
            if reason
            else self._claim_pool.submit(self._judge_claim, claim, names, as_of, deadline)
            for claim, reason in zip(claims, reasons, strict=True)
        ]
        if progress is not None:
            _follow(futures, progress, deadline)
        # No claim keeps the answer waiting past the deadline (a slow verifier, a busy pool).
        wait([future for future in futures if future], max(deadline - time.perf_counter(), 0))
        checked_at = datetime.now(UTC).isoformat(timespec="seconds")
        outcomes = [
            _outcome_of(future, claim, names, as_of, checked_at)
            if future
            else _Outcome(_not_judged(reason, as_of, checked_at), [], "")
            for future, claim, reason in zip(futures, claims, reasons, strict=True)
        ]
        judged = [outcome for outcome in outcomes if outcome.cache]
        metrics.count_claims(judged)
        return Report(
            claims=tuple(
                ClaimResult(claim, outcome.verdict)
                for claim, outcome in zip(claims, outcomes, strict=True)
            ),
            sources=tuple(_merge_statuses(names, judged)) if judged else (),
            cache=_cache_status(judged),
            summary=_summarise(outcome.verdict for outcome in outcomes),
            elapsed_ms=round((time.perf_counter() - started) * 1000, 1),
            notes=_notes(claims, reasons) + self._late_note(claims, outcomes, options),
        )

    def budget(self, options: CheckOptions) -> float:
        """Seconds a check may take: the options' own budget (a background job's), else the
        request's."""
        return options.budget or self.settings.request_timeout

    def _late_note(
        self, claims: Sequence[Claim], outcomes: Sequence[_Outcome], options: CheckOptions
    ) -> tuple[str, ...]:
        """A note naming the claims the time budget left unchecked, if any."""
        late = [claim.id for claim, outcome in zip(claims, outcomes, strict=True) if outcome.late]
        if not late:
            return ()
        budget = self.budget(options)
        return (
            f"{CUT_SHORT} the time budget ({budget:g} s) ran out before {len(late)} of "
            f"{len(claims)} claims were checked against the sources ({', '.join(late)}); "
            "their verdicts say so. Ask again: the claims checked meanwhile are cached.",
        )

    def verdict_keys(self, results: Sequence[ClaimResult], options: CheckOptions) -> list[str]:
        """The cache keys of the verdicts of a check's judged claims (as check_claims made them)."""
        names = self.select_sources(options.sources)
        as_of = (options.as_of or datetime.now(UTC).date()).isoformat()
        return [
            verdict_key(self.settings.cache_prefix, result.claim.text, as_of, names, self._engine)
            for result in results
            if not result.verdict.rationale.startswith(NOT_JUDGED)
        ]

    def check_against(
        self, claims: Sequence[Claim], evidence: Sequence[Evidence], options: CheckOptions
    ) -> Report:
        """Judge claims on evidence the client supplied: no source, no cache (nor a judgement
        of a text that states no fact, as in check_claims)."""
        started = time.perf_counter()
        as_of = options.as_of or datetime.now(UTC).date()
        checked_at = datetime.now(UTC).isoformat(timespec="seconds")
        reasons = _reasons(claims, options)
        verdicts = [
            _not_judged(reason, as_of.isoformat(), checked_at)
            if reason
            else self.verifier.judge(claim, evidence, as_of, checked_at)
            for claim, reason in zip(claims, reasons, strict=True)
        ]
        metrics.count_verdicts(v.label for v, why in zip(verdicts, reasons, strict=True) if not why)
        return Report(
            claims=tuple(map(ClaimResult, claims, verdicts)),
            sources=(),
            cache="bypass",
            summary=_summarise(verdicts),
            elapsed_ms=round((time.perf_counter() - started) * 1000, 1),
            notes=_notes(claims, reasons),
        )

    def select_sources(self, requested: Sequence[str] | None) -> list[str]:
        """The configured source names a request may use; unknown names raise."""
        if requested is None:
            return list(self.sources)
        unknown = [name for name in requested if name not in self.sources]
        if unknown:
            raise UnknownSource(unknown)
        return list(dict.fromkeys(requested))

    def _judge_claim(self, claim: Claim, names: list[str], as_of: str, deadline: float) -> _Outcome:
        """One claim: cached verdict, or single-flight gather + judge + store."""
        key = verdict_key(self.settings.cache_prefix, claim.text, as_of, names, self._engine)
        try:
            cached = self.cache.get(key)
            if cached is not None:
                return _Outcome(cached, [], "hit")
            # The holder needs at most one source deadline, plus the judging.
            hold = self.settings.source_timeout + 2.0
            wait = min(max(deadline - time.perf_counter(), 0.0), hold)
            with self.cache.single_flight(key, wait=wait, hold=hold):
                cached = self.cache.get(key)
                if cached is not None:
                    return _Outcome(cached, [], "hit")
                verdict, statuses = self._verify(claim, names, as_of, deadline)
                return _Outcome(verdict, statuses, self._store(key, verdict, statuses))
        except CacheUnavailable as error:
            log.warning("cache unavailable, answering uncached: %s", error)
            verdict, statuses = self._verify(claim, names, as_of, deadline)
            return _Outcome(verdict, statuses, "unavailable")

    def _verify(
        self, claim: Claim, names: list[str], as_of: str, deadline: float
    ) -> tuple[Verdict, list[SourceStatus]]:
        """Gather evidence from the sources within the deadline and judge the claim."""
        checked_at = datetime.now(UTC).isoformat(timespec="seconds")
        as_of_date = date.fromisoformat(as_of)
        remaining = deadline - time.perf_counter()
        if remaining <= 0.05:
            reason = "the request's time budget ran out before the sources were queried"
            # Statuses that say so: with none, the report would call these sources `cached`.
            skipped = [
                SourceStatus(name, "timeout", 0.0, detail=NO_TIME, queries=0) for name in names
            ]
            return verification.judge_unavailable(claim, as_of_date, checked_at, reason), skipped
        sources = [self.sources[name] for name in names]
        timeout = min(self.settings.source_timeout, remaining)
        evidence, statuses = gather(sources, claim, as_of_date, self._source_pool, timeout)
        self.board.record(statuses, self.sources)
        if statuses and all(status.status != "ok" for status in statuses):
            failed = ", ".join(f"{s.name} ({s.status})" for s in statuses)
            reason = f"no source could be consulted: {failed}"
            return verification.judge_unavailable(claim, as_of_date, checked_at, reason), statuses
        return self.verifier.judge(claim, evidence, as_of_date, checked_at), statuses

    def _store(self, key: str, verdict: Verdict, statuses: list[SourceStatus]) -> str:
        """Cache a verdict (shorter when thin or degraded); returns the cache state."""
        if statuses and all(status.status != "ok" for status in statuses):
            return "miss"  # nothing was learned; the next request should ask the sources again
        if any(status.status != "ok" for status in statuses):
            ttl = self.settings.cache_ttl_degraded
        elif verdict.label == "not_enough_evidence":
            ttl = self.settings.cache_ttl_nei
        else:
            ttl = self.settings.cache_ttl
        try:
            self.cache.set(key, verdict, ttl)
        except CacheUnavailable as error:
            log.warning("cache unavailable, verdict not stored: %s", error)
            return "unavailable"
        return "miss"


def _follow(futures: Sequence[Future | None], progress: Progress, deadline: float) -> None:
    """Report claims done / total as each verdict arrives; claims not judged are done at once."""
    pending = [future for future in futures if future is not None]
    done = len(futures) - len(pending)
    try:
        progress(done, len(futures))
        with contextlib.suppress(TimeoutError):  # the claims still out are answered as late
            for _ in as_completed(pending, timeout=max(deadline - time.perf_counter(), 0)):
                done += 1
                progress(done, len(futures))
    except BaseException:  # the callback stopped the check (a cancel): drop the claims not begun
        for future in pending:
            future.cancel()
        raise


def _outcome_of(
    future: Future, claim: Claim, names: list[str], as_of: str, checked_at: str
) -> _Outcome:
    """A claim's outcome if it is ready; else one that says the time budget ran out."""
    if future.done():
        return future.result()
    future.cancel()  # a claim not started never will be; one running goes on and caches
    reason = "the request's time budget ran out before the claim's verdict was reached"
    verdict = verification.judge_unavailable(claim, date.fromisoformat(as_of), checked_at, reason)
    statuses = [SourceStatus(name, "timeout", 0.0, detail=NOT_READY, queries=0) for name in names]
    return _Outcome(verdict, statuses, "miss")


def _reasons(claims: Sequence[Claim], options: CheckOptions) -> list[str | None]:
    """Why each claim is not judged (None: it is), in the declared language if any."""
    return [extraction.not_a_claim(claim.text, options.language) for claim in claims]


def _not_judged(reason: str, as_of: str, checked_at: str) -> Verdict:
    """The verdict on a text that states no fact to check: an abstention that says why."""
    return Verdict("not_enough_evidence", 0.0, f"{NOT_JUDGED} {reason}.", as_of, checked_at)


def _notes(claims: Sequence[Claim], reasons: Sequence[str | None]) -> tuple[str, ...]:
    """A note for each claim not judged."""
    return tuple(
        f"{claim.id} is not judged: {reason}"
        for claim, reason in zip(claims, reasons, strict=True)
        if reason
    )


def _merge_statuses(names: list[str], outcomes: list[_Outcome]) -> list[SourceStatus]:
    """One status per source over all claims: the worst state, the slowest latency."""
    rank = {"ok": 0, "rate_limited": 1, "timeout": 2, "error": 3, "circuit_open": 4}
    merged: dict[str, SourceStatus] = {}
    for outcome in outcomes:
        for status in outcome.statuses:
            seen = merged.get(status.name)
            if seen is None:
                merged[status.name] = status
                continue
            worst = status if rank.get(status.status, 5) > rank.get(seen.status, 5) else seen
            merged[status.name] = replace(
                worst,
                latency_ms=max(seen.latency_ms, status.latency_ms),
                results=seen.results + status.results,
                queries=seen.queries + status.queries,
            )
    return [
        merged.get(name, SourceStatus(name=name, status="cached", latency_ms=0.0, queries=0))
        for name in names
    ]


def _cache_status(outcomes: list[_Outcome]) -> str:
    """hit / partial / miss / unavailable for the whole request."""
    states = {outcome.cache for outcome in outcomes}
    if "unavailable" in states:
        return "unavailable"
    if states == {"hit"}:
        return "hit"
    return "partial" if "hit" in states else "miss"


def _summarise(verdicts) -> dict[str, int]:
    """Counts of claims per verdict label."""
    counts = Counter(verdict.label for verdict in verdicts)
    return {"claims": sum(counts.values()), **{label: counts.get(label, 0) for label in LABELS}}

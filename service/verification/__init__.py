"""Verification: the stance of each evidence passage and the verdict on a claim (pure, no I/O)."""

from service.verification.stance import StanceResult, assess
from service.verification.verdict import ENGINE_VERSION, judge, judge_unavailable

__all__ = ["ENGINE_VERSION", "StanceResult", "assess", "judge", "judge_unavailable"]

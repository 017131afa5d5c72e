"""The knowledge core: load and validate the rule set, and explain a profile.

It never imports Streamlit, so the command line, tests and exports use exactly the
same engine as the app.
"""

from .engine import (
    Explanation,
    OptionResult,
    SiteResult,
    default_knowledge,
    describe_test,
    explain,
    failed_because,
    lines_for,
    matched_because,
    missing_results,
    safety_lines,
    tier_headings,
    waiting_on,
)
from .gate import APPLIES, CONDITIONAL, HIDDEN, option_status
from .loader import CONTENT_DIR, KnowledgeBase, KnowledgeError, Problem, load_knowledge
from .profile import Profile, ProfileError

__all__ = [
    "APPLIES",
    "CONDITIONAL",
    "CONTENT_DIR",
    "HIDDEN",
    "Explanation",
    "KnowledgeBase",
    "KnowledgeError",
    "OptionResult",
    "Problem",
    "Profile",
    "ProfileError",
    "SiteResult",
    "default_knowledge",
    "describe_test",
    "explain",
    "failed_because",
    "lines_for",
    "load_knowledge",
    "matched_because",
    "missing_results",
    "option_status",
    "safety_lines",
    "tier_headings",
    "waiting_on",
]

"""The plugin's errors and the limits a conversation with a model can hit."""

from __future__ import annotations

from enum import Enum

from genlogic.errors import MplError


class Limit(Enum):
    """A limit that stopped a request or the conversation (docs/llm.md, Limits)."""

    TIMEOUT = "timeout"  # no answer within --llm-timeout, every retry included
    SIZE = "size"  # the response is larger than max_response_bytes
    RETRIES = "retries"  # server errors (5xx) on every attempt
    BUDGET = "budget"  # the token budget is spent: no further request is made


class LlmError(MplError):
    """A failure of the model service or of its settings: bad configuration, an unreachable
    server, an HTTP error, a malformed answer, a replay miss, a limit. A subclass of
    :class:`~genlogic.errors.MplError` without a location, so the command line prints it as one
    ``error: …`` line and exits with code 2, like every input error."""

    def __init__(self, message: str, limit: Limit | None = None):
        super().__init__(message)
        self.limit = limit


class BudgetSpent(Exception):
    """The token budget is spent before a request: the caller stops asking and says so."""

    def __init__(self, spent: int, budget: int):
        super().__init__(f"token budget spent ({spent} of {budget} tokens)")
        self.spent = spent
        self.budget = budget

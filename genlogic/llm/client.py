"""Asking a model under the plugin's limits: the recording first (replay, or a request asked
before in this run), then the provider with retries and exponential backoff; every token the
responses report counts against the budget."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from genlogic.llm.config import Settings, require
from genlogic.llm.errors import BudgetSpent, Limit, LlmError
from genlogic.llm.provider import Provider, Reply, Request, Transient, make_provider
from genlogic.llm.record import Recording, key


@dataclass
class Client:
    """``provider`` is ``None`` when replaying: then a request not in ``recording`` fails."""

    settings: Settings
    provider: Provider | None
    recording: Recording = field(default_factory=Recording)
    spent: int = 0
    limits: list[Limit] = field(default_factory=list)  # the limits hit so far, in order

    def ask(self, messages: tuple[tuple[str, str], ...]) -> Reply:
        """The model's reply to ``messages``; :class:`BudgetSpent` when the budget is spent,
        :class:`LlmError` when the service fails."""
        if self.spent >= self.settings.token_budget:
            self._hit(Limit.BUDGET)
            raise BudgetSpent(self.spent, self.settings.token_budget)
        request = Request(self.settings.model or "", messages, self.settings.max_tokens, self.settings.temperature)
        reply = self.recording.reply(request)
        if reply is None:
            if self.provider is None:
                raise LlmError(f"the LLM recording has no answer to request {key(request)[:16]} "
                               "(--llm-replay answers only what was recorded)")
            reply = self._with_retries(request)
            self.recording.add(request, reply)
        self.spent += reply.tokens
        return reply

    def _with_retries(self, request: Request) -> Reply:
        assert self.provider is not None
        delay = self.settings.backoff
        for attempt in range(self.settings.retries + 1):
            try:
                return self.provider.complete(request)
            except Transient as error:
                last = error
            except LlmError as error:
                if error.limit is not None:
                    self._hit(error.limit)
                raise
            if attempt < self.settings.retries:
                time.sleep(delay)
                delay *= 2
        limit = Limit.TIMEOUT if last.timeout else Limit.RETRIES
        self._hit(limit)
        attempts = self.settings.retries + 1
        raise LlmError(f"{last} ({attempts} attempt{'s' if attempts > 1 else ''})", limit)

    def _hit(self, limit: Limit) -> None:
        if limit not in self.limits:
            self.limits.append(limit)


def open_client(settings: Settings, replay: Path | None = None) -> Client:
    """A client for ``settings``: answering only from the recording in ``replay`` (an ``llm/``
    folder, or a run folder holding one), else asking the provider ``settings`` names."""
    require(settings)
    if replay is not None:
        folder = replay / "llm" if (replay / "llm").is_dir() else replay
        return Client(settings, None, Recording.load(folder))
    return Client(settings, make_provider(settings))

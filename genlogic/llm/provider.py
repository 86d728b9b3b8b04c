"""The provider interface and its discovery through the ``genlogic.llm`` entry-point group.

A provider is a factory ``(Settings) -> Provider``. The built-in ``openai`` provider
(:mod:`genlogic.llm.openai`) is registered in genlogic's own pyproject.toml and is always
available; other packages add theirs under another name (``--llm-provider NAME``).
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.metadata import entry_points
from typing import Any, Callable, Protocol

from genlogic.llm.config import Settings
from genlogic.llm.errors import LlmError

GROUP = "genlogic.llm"


@dataclass(frozen=True)
class Request:
    """One chat request: what is hashed, recorded and sent (never the key or the server)."""

    model: str
    messages: tuple[tuple[str, str], ...]  # (role, content)
    max_tokens: int
    temperature: float

    def to_json(self) -> dict[str, Any]:
        return {"model": self.model, "messages": [{"role": r, "content": c} for r, c in self.messages],
                "max_tokens": self.max_tokens, "temperature": self.temperature}


@dataclass(frozen=True)
class Reply:
    """A model's answer: its text, the tokens it cost, and the response body as received."""

    text: str
    tokens: int
    raw: str


class Transient(Exception):
    """A failure worth another attempt: a timeout, a lost connection, a server error (5xx)."""

    def __init__(self, message: str, timeout: bool = False):
        super().__init__(message)
        self.timeout = timeout


class Provider(Protocol):
    """Answers one request; raises :class:`Transient` (retried) or :class:`LlmError` (final)."""

    def complete(self, request: Request) -> Reply: ...


def providers() -> dict[str, Callable[[], Callable[[Settings], Provider]]]:
    """Every provider by name, as a loader of its factory: the built-in one, then the entry
    points of the group (an entry point may replace it)."""
    from genlogic.llm.openai import OpenAIProvider

    found: dict[str, Callable[[], Callable[[Settings], Provider]]] = {"openai": lambda: OpenAIProvider}
    for point in entry_points(group=GROUP):
        found[point.name] = point.load
    return found


def make_provider(settings: Settings) -> Provider:
    """The provider ``settings.provider`` names, built with ``settings``."""
    found = providers()
    if settings.provider not in found:
        raise LlmError(f"no LLM provider named {settings.provider!r} (entry points of {GROUP}: "
                       f"{', '.join(sorted(found))})")
    try:
        factory = found[settings.provider]()
    except Exception as error:  # a third-party plugin can fail to import in any way
        raise LlmError(f"cannot load LLM provider {settings.provider!r}: {error}") from None
    return factory(settings)

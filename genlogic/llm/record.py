"""The recording of a conversation: every request and its response, keyed by the SHA-256 of
the canonical request JSON, so that a run replays offline byte for byte.

Layout (docs/llm.md): ``DIR/<sha256>.json`` per exchange —
``{"request": {...}, "response": {"text", "tokens", "raw"}}`` — and ``DIR/index.json``, the
hashes in the order they were asked. The API key and the server are never recorded.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from genlogic.files import write_atomic
from genlogic.llm.errors import LlmError
from genlogic.llm.provider import Reply, Request

INDEX = "index.json"


def key(request: Request) -> str:
    """SHA-256 of the request's canonical JSON (sorted keys, no spaces, UTF-8)."""
    canonical = json.dumps(request.to_json(), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


class Recording:
    """Exchanges by request hash, with the order they were asked in."""

    def __init__(self, exchanges: dict[str, dict[str, Any]] | None = None):
        self.exchanges: dict[str, dict[str, Any]] = dict(exchanges or {})
        self.order: list[str] = []

    @classmethod
    def load(cls, directory: Path) -> "Recording":
        """Every exchange recorded in ``directory``; :class:`LlmError` if it holds none."""
        if not directory.is_dir():
            raise LlmError(f"no LLM recording at {directory}")
        exchanges = {}
        for path in sorted(directory.glob("*.json")):
            if path.name == INDEX:
                continue
            try:
                exchanges[path.stem] = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
                raise LlmError(f"cannot read the LLM recording {path}: {error}") from None
        return cls(exchanges)

    def reply(self, request: Request) -> Reply | None:
        """The recorded reply to ``request``, or ``None``."""
        exchange = self.exchanges.get(key(request))
        if exchange is None:
            return None
        response = exchange.get("response", {})
        try:
            reply = Reply(str(response["text"]), int(response["tokens"]), str(response["raw"]))
        except (KeyError, TypeError, ValueError):
            raise LlmError(f"the LLM recording of request {key(request)[:16]} is damaged") from None
        self._asked(key(request))
        return reply

    def add(self, request: Request, reply: Reply) -> None:
        self.exchanges[key(request)] = {"request": request.to_json(),
                                        "response": {"text": reply.text, "tokens": reply.tokens, "raw": reply.raw}}
        self._asked(key(request))

    def _asked(self, digest: str) -> None:
        if digest not in self.order:
            self.order.append(digest)

    def files(self) -> dict[str, str]:
        """The recording of the exchanges asked, as files (name → text) for a folder."""
        files = {f"{digest}.json": json.dumps(self.exchanges[digest], indent=2, sort_keys=True, ensure_ascii=False) + "\n"
                 for digest in self.order}
        files[INDEX] = json.dumps(self.order, indent=2) + "\n"
        return files

    def save(self, directory: Path) -> None:
        """Write :meth:`files` into ``directory`` (each file atomically)."""
        for name, text in self.files().items():
            write_atomic(directory / name, text)

"""The built-in provider: the OpenAI-compatible chat-completions HTTP API, with the standard
library only (llama.cpp's ``llama-server``, vLLM, Ollama and hosted services speak it).

``POST {base_url}/chat/completions`` with ``{"model", "messages", "max_tokens", "temperature"}``;
the answer is ``choices[0].message.content``, its cost ``usage.total_tokens``.
"""

from __future__ import annotations

import http.client
import json
import socket
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

from genlogic.llm.config import Settings
from genlogic.llm.errors import Limit, LlmError
from genlogic.llm.provider import Reply, Request, Transient


class OpenAIProvider:
    """One HTTP request per :meth:`complete`; retries are the client's."""

    def __init__(self, settings: Settings):
        if not settings.base_url:
            raise LlmError("no LLM server set: give --llm-base-url, GENLOGIC_LLM_BASE_URL or base_url in "
                           "[tool.genlogic.llm] (docs/llm.md)")
        _check_url(settings.base_url)
        self.settings = settings
        self.url = settings.base_url.rstrip("/") + "/chat/completions"

    def complete(self, request: Request) -> Reply:
        body = json.dumps(request.to_json(), ensure_ascii=False).encode("utf-8")
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if self.settings.api_key:
            headers["Authorization"] = f"Bearer {self.settings.api_key}"
        http = urllib.request.Request(self.url, data=body, headers=headers, method="POST")
        raw = self._send(http)
        return parse_reply(raw, self.url)

    def _send(self, http: urllib.request.Request) -> str:
        """The response body, at most ``max_response_bytes``; HTTP errors classified."""
        cap = self.settings.max_response_bytes
        try:
            with urllib.request.urlopen(http, timeout=self.settings.timeout) as response:
                data = response.read(cap + 1)
        except urllib.error.HTTPError as error:
            reason = f"HTTP {error.code} {error.reason} from {self.url}"
            if error.code >= 500:
                raise Transient(reason) from None
            hint = " (check the API key: --llm-api-key, GENLOGIC_LLM_API_KEY)" if error.code in (401, 403) else ""
            raise LlmError(reason + hint) from None
        except (TimeoutError, socket.timeout):
            raise Transient(f"no answer from {self.url} within {self.settings.timeout} s", timeout=True) from None
        except urllib.error.URLError as error:
            if isinstance(error.reason, (TimeoutError, socket.timeout)):
                raise Transient(f"no answer from {self.url} within {self.settings.timeout} s", timeout=True) from None
            raise Transient(f"cannot reach {self.url}: {error.reason}") from None
        except (OSError, http.client.HTTPException) as error:
            raise Transient(f"cannot reach {self.url}: {error!r}") from None
        if len(data) > cap:
            raise LlmError(f"the response from {self.url} is larger than {cap} bytes (max_response_bytes)", Limit.SIZE)
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            raise LlmError(f"the response from {self.url} is not UTF-8") from None


def _check_url(url: str) -> None:
    """:class:`LlmError` unless ``url`` is an ``http(s)://host…`` URL (never ``file:``)."""
    try:
        parts = urllib.parse.urlsplit(url)
        parts.port  # read for its check: a bad port raises ValueError
    except ValueError as error:
        raise LlmError(f"bad LLM base URL {url!r}: {error}") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise LlmError(f"the LLM base URL must be http://HOST… or https://HOST…, not {url!r}")


def parse_reply(raw: str, url: str) -> Reply:
    """The text and token count of a chat-completions response body; :class:`LlmError` if it
    is not one."""
    try:
        document: Any = json.loads(raw)
    except json.JSONDecodeError as error:
        raise LlmError(f"malformed JSON from {url}: {error.msg} at character {error.pos}") from None
    try:
        text = document["choices"][0]["message"]["content"]
    except (KeyError, IndexError, TypeError):
        raise LlmError(f"the answer from {url} has no choices[0].message.content") from None
    if not isinstance(text, str):
        raise LlmError(f"the answer from {url}: choices[0].message.content is not text")
    usage = document.get("usage") if isinstance(document, dict) else None
    tokens = usage.get("total_tokens") if isinstance(usage, dict) else None
    if not isinstance(tokens, int) or isinstance(tokens, bool) or tokens < 0:
        tokens = _estimate(raw)
    return Reply(text, tokens, raw)


def _estimate(raw: str) -> int:
    """Tokens of an answer without ``usage``: about one per four characters."""
    return len(raw) // 4 + 1

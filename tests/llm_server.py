"""A real HTTP server on loopback that speaks the chat-completions protocol, scripted per test.

``Script`` items are answered in order to ``POST /v1/chat/completions``; each is a dict with
``content`` (the assistant's text), and optionally ``status`` (an HTTP error), ``delay``
(seconds before answering), ``body`` (the raw response body instead of JSON), ``usage`` (the
``usage`` object; default 10 tokens). Every request's JSON body and headers are kept."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class ChatServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.script: list[dict[str, Any]] = []
        self.requests: list[dict[str, Any]] = []
        self.headers_seen: list[dict[str, str]] = []
        self.lock = threading.Lock()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/v1"

    def answer(self, *items: dict[str, Any] | str) -> None:
        """Queue answers: a string is a good answer with that content."""
        self.script += [{"content": item} if isinstance(item, str) else item for item in items]

    def next_item(self) -> dict[str, Any]:
        with self.lock:
            if not self.script:
                return {"status": 500, "body": "script exhausted"}
            return self.script.pop(0)


class _Handler(BaseHTTPRequestHandler):
    server: ChatServer

    def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
        pass

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", 0))
        body = self.rfile.read(length)
        if self.path != "/v1/chat/completions":
            self._send(404, b"not found")
            return
        with self.server.lock:
            self.server.requests.append(json.loads(body))
            self.server.headers_seen.append(dict(self.headers))
        item = self.server.next_item()
        time.sleep(item.get("delay", 0))
        if "body" in item:
            payload = item["body"].encode("utf-8") if isinstance(item["body"], str) else item["body"]
        else:
            payload = json.dumps({
                "id": "chatcmpl-test", "object": "chat.completion",
                "choices": [{"index": 0, "message": {"role": "assistant", "content": item["content"]},
                             "finish_reason": "stop"}],
                "usage": item.get("usage", {"prompt_tokens": 6, "completion_tokens": 4, "total_tokens": 10}),
            }).encode("utf-8")
        self._send(item.get("status", 200), payload)

    def _send(self, status: int, payload: bytes) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (a timeout test)
            pass

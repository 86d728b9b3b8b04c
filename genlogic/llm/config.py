"""The plugin's settings, resolved with precedence flags > environment > config file.

The config file is ``--llm-config FILE`` or, without it, ``pyproject.toml`` in the working
folder when it has a ``[tool.genlogic.llm]`` table; either way the settings are read from that
table. The environment offers ``GENLOGIC_LLM_BASE_URL``, ``GENLOGIC_LLM_MODEL``,
``GENLOGIC_LLM_API_KEY`` and ``GENLOGIC_LLM_PROVIDER``.
"""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from genlogic.llm.errors import LlmError

ENVIRONMENT = {
    "base_url": "GENLOGIC_LLM_BASE_URL",
    "model": "GENLOGIC_LLM_MODEL",
    "api_key": "GENLOGIC_LLM_API_KEY",
    "provider": "GENLOGIC_LLM_PROVIDER",
}


@dataclass(frozen=True)
class Settings:
    """Where the model is and how far a conversation with it may go."""

    provider: str = "openai"
    base_url: str | None = None
    model: str | None = None
    api_key: str | None = None  # sent as a bearer token; never recorded
    timeout: float = 60.0  # seconds per attempt
    max_response_bytes: int = 1_000_000
    retries: int = 2  # further attempts after a timeout, a lost connection or a 5xx
    backoff: float = 1.0  # seconds before the first retry, doubled for each next one
    token_budget: int = 50_000  # tokens (the responses' usage) after which no request is made
    max_tokens: int = 1_024  # the completion length asked for
    temperature: float = 0.0


_TYPES = {f.name: f.type for f in dataclasses.fields(Settings)}


def resolve(flags: Mapping[str, Any], environ: Mapping[str, str], config: Path | None,
            cwd: Path | None = None) -> Settings:
    """Settings from ``flags`` (None: not given), then ``environ``, then the config file (see
    the module docstring), then the defaults; raises :class:`LlmError` on a bad value."""
    values: dict[str, Any] = _file_table(config, cwd or Path.cwd())
    values.update({key: environ[name] for key, name in ENVIRONMENT.items() if environ.get(name)})
    values.update({key: value for key, value in flags.items() if value is not None})
    return Settings(**{key: _checked(key, value) for key, value in values.items()})


def _file_table(config: Path | None, cwd: Path) -> dict[str, Any]:
    """The ``[tool.genlogic.llm]`` table of ``config`` (required there) or of ``cwd``'s
    pyproject.toml (optional)."""
    path = config if config is not None else cwd / "pyproject.toml"
    if config is None and not path.is_file():
        return {}
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise LlmError(f"cannot read LLM settings from {path}: {error}") from None
    table = document.get("tool", {}).get("genlogic", {}).get("llm")
    if table is None and config is not None:
        raise LlmError(f"{path} has no [tool.genlogic.llm] table")
    if table is not None and not isinstance(table, dict):
        raise LlmError(f"{path}: [tool.genlogic.llm] is not a table")
    unknown = sorted(set(table or {}) - set(_TYPES))
    if unknown:
        raise LlmError(f"{path}: unknown LLM setting {unknown[0]!r} (known: {', '.join(_TYPES)})")
    return dict(table or {})


def _checked(key: str, value: Any) -> Any:
    """``value`` as the type of setting ``key`` (numbers from the environment arrive as text)."""
    kind = _TYPES[key]
    try:
        if kind == "int":
            converted: Any = int(value)
        elif kind == "float":
            converted = float(value)
        else:
            converted = str(value)
    except (TypeError, ValueError):
        raise LlmError(f"LLM setting {key} must be a number, not {value!r}") from None
    if kind in ("int", "float") and (converted < 0 or isinstance(value, bool)):
        raise LlmError(f"LLM setting {key} must be a non-negative number, not {value!r}")
    return converted


def require(settings: Settings) -> None:
    """Raise :class:`LlmError` unless a model is named (every request names one)."""
    if settings.model is None:
        raise LlmError("no LLM model set: give --llm-model, GENLOGIC_LLM_MODEL or model in [tool.genlogic.llm]")

"""The governance log's secret: the key of the MACs that seal its entries and its head.

LIVINGLAB_LOG_KEY (at least 32 bytes) names it. Without it, a random key is generated once and
kept in data/.log_key (outside git, outside the database), with a warning, as the cookie key is.
Whoever can read the database but not this key cannot rewrite the log and re-seal it; keep the
key off database backups and dumps. Changing the key makes every existing entry fail `verify`.
"""

from __future__ import annotations

import logging
import os
import secrets
from pathlib import Path

from models.db import ROOT

LOG_KEY_VARIABLE = "LIVINGLAB_LOG_KEY"
LOG_KEY_FILE_VARIABLE = "LIVINGLAB_LOG_KEY_FILE"
MIN_LOG_KEY_BYTES = 32

log = logging.getLogger(__name__)


class LogKeyTooShort(RuntimeError):
    def __init__(self) -> None:
        super().__init__(f"{LOG_KEY_VARIABLE} must be at least {MIN_LOG_KEY_BYTES} bytes long")


def log_key_file() -> Path:
    return Path(os.environ.get(LOG_KEY_FILE_VARIABLE) or ROOT / "data" / ".log_key")


def log_key() -> bytes:
    key = os.environ.get(LOG_KEY_VARIABLE)
    if key is not None:
        if len(key.encode()) < MIN_LOG_KEY_BYTES:
            raise LogKeyTooShort()
        return key.encode()
    path = log_key_file()
    if path.exists():
        return path.read_text().strip().encode()
    key = secrets.token_urlsafe(48)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(key)
    path.chmod(0o600)
    log.warning(
        "%s is not set: generated the decision log key and stored it in %s. Set the "
        "variable in production (at least %d bytes) and keep it out of database "
        "backups.",
        LOG_KEY_VARIABLE,
        path,
        MIN_LOG_KEY_BYTES,
    )
    return key.encode()

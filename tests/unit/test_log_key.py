"""The decision log key: from LIVINGLAB_LOG_KEY, or generated once into its own file (never the
cookie key's, never the database)."""

import stat

import pytest

from models import log_key


def test_without_the_variable_a_key_is_generated_once_private_and_kept(tmp_path, monkeypatch):
    monkeypatch.delenv("LIVINGLAB_LOG_KEY", raising=False)
    monkeypatch.setenv("LIVINGLAB_LOG_KEY_FILE", str(tmp_path / "secrets" / ".log_key"))
    first = log_key.log_key()
    assert len(first) >= log_key.MIN_LOG_KEY_BYTES
    path = tmp_path / "secrets" / ".log_key"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert log_key.log_key() == first  # the same key on the next start


def test_the_variable_wins_and_must_be_long_enough(tmp_path, monkeypatch):
    monkeypatch.setenv("LIVINGLAB_LOG_KEY_FILE", str(tmp_path / ".log_key"))
    monkeypatch.setenv("LIVINGLAB_LOG_KEY", "k" * 32)
    assert log_key.log_key() == b"k" * 32
    assert not (tmp_path / ".log_key").exists()
    monkeypatch.setenv("LIVINGLAB_LOG_KEY", "k" * 31)
    with pytest.raises(log_key.LogKeyTooShort):
        log_key.log_key()

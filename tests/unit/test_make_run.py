"""`make run` serves on this machine only unless asked (the demo's passwords are published):
it listened on every interface."""

import shutil
import subprocess

import pytest

from models.db import ROOT


def _serve_line(*variables: str) -> str:
    if shutil.which("make") is None:
        pytest.skip("make not installed")
    out = subprocess.run(
        ["make", "-n", "-C", str(ROOT), "run", *variables], capture_output=True, text=True, check=True
    ).stdout
    return next(line for line in out.splitlines() if "streamlit run" in line)


def test_make_run_serves_on_localhost_by_default():
    assert "--server.address localhost --server.port 8501" in _serve_line()


def test_make_run_serves_on_a_network_and_port_when_asked():
    assert "--server.address 0.0.0.0 --server.port 8600" in _serve_line("HOST=0.0.0.0", "PORT=8600")


def test_keys_may_be_kept_in_secrets_toml(tmp_path):
    """README, Operations: the app reads LIVINGLAB_* from .streamlit/secrets.toml too."""
    import sys

    (tmp_path / ".streamlit").mkdir()
    (tmp_path / ".streamlit" / "secrets.toml").write_text('LIVINGLAB_LOG_KEY = "k-from-secrets"\n')
    script = "import os; from dashboard import auth; print(auth.load_secrets(), os.environ.get('LIVINGLAB_LOG_KEY'))"
    env = {k: v for k, v in __import__("os").environ.items() if k != "LIVINGLAB_LOG_KEY"}
    env["PYTHONPATH"] = str(ROOT)
    out = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.split()[-2:] == ["True", "k-from-secrets"]

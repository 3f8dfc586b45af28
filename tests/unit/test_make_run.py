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

"""The tabs of the Import data page, one module per kind of file.

Each module here defines ORDER (position of its tab), TITLE_KEY (catalogue key of the tab's title)
and render(context); the page lists them all, so an area adds an import by adding a module.
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType


def views() -> list[ModuleType]:
    modules = [importlib.import_module(f"{__name__}.{info.name}") for info in pkgutil.iter_modules(__path__)]
    return sorted(modules, key=lambda module: module.ORDER)

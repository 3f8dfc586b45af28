"""Commands of the stratified risk: `import risk`, `import geo`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dashboard.cli import EXIT_BAD_INPUT, EXIT_OK
from dashboard.cli.core import require_database
from dashboard.errors import describe
from dashboard.services.access import cli_actor
from dashboard.services.geo_import import GeoPreview, apply_geo_import, preview_geo_import
from dashboard.services.risk_import import RiskPreview, apply_risk_import, preview_risk_import
from data_loaders.problems import Problem


def _risk_summary(preview: RiskPreview) -> list[str]:
    lines = [f"rows read: {preview.rows}",
             f"new region-years: {len(preview.new)}",
             f"changed region-years: {len(preview.changed)}",
             f"unchanged region-years: {len(preview.unchanged)}"]
    for change in preview.new + preview.changed:
        line = (f"  {change.region} {change.year}: +{change.added} cells, {change.changed} "
                f"changed, -{change.removed}")
        if change.population:
            old, new = change.population
            line += f", population {'–' if old is None else old} -> {new}"
        lines.append(line)
    if preview.unknown_columns:
        lines.append(f"unknown columns (ignored): {', '.join(preview.unknown_columns)}")
    return lines


def _geo_summary(preview: GeoPreview) -> list[str]:
    lines = [f"mode: {preview.mode}", f"attribution: {preview.attribution}",
             f"new regions: {len(preview.new_regions)}",
             f"changed outlines: {len(preview.changed_regions)}",
             f"unchanged outlines: {len(preview.unchanged_regions)}"]
    for outline in preview.new_regions + preview.changed_regions:
        lines.append(f"  {outline.code} ({outline.name}): {outline.size / 1000:.1f} kB")
    if preview.absent_regions:
        lines.append(f"regions of the project absent from the file (kept): "
                     f"{', '.join(preview.absent_regions)}")
    if preview.mode == "municipalities":
        lines.append(f"municipalities of the file in no region: {preview.unused_municipalities}")
    if preview.has_changes:
        lines.append(f"outlines to send to the browser: {preview.total_size / 1000:.1f} kB")
    return lines


def _refused(name: str, problems: list[Problem]) -> int:
    print(f"{name}: refused, {len(problems)} problem(s); nothing imported", file=sys.stderr)
    for problem in problems:
        print(f"- {describe(problem)}", file=sys.stderr)
    return EXIT_BAD_INPUT


def _read(path_text: str) -> tuple[Path, bytes] | None:
    path = Path(path_text)
    if not path.is_file():
        print(f"error: no such file: {path}", file=sys.stderr)
        return None
    return path, path.read_bytes()


def cmd_import_risk(args: argparse.Namespace) -> int:
    require_database()
    read = _read(args.file)
    if read is None:
        return EXIT_BAD_INPUT
    path, content = read
    actor = cli_actor(args.project, args.user)
    preview = preview_risk_import(actor, content, path.name)
    if preview.problems:
        return _refused(path.name, preview.problems)
    print("\n".join(_risk_summary(preview)))
    if not preview.has_changes:
        print("nothing to change: the project is already up to date with this file")
        return EXIT_OK
    if args.dry_run:
        print("dry run: nothing written")
        return EXIT_OK
    apply_risk_import(actor, content, path.name)
    print("imported")
    return EXIT_OK


def cmd_import_geo(args: argparse.Namespace) -> int:
    require_database()
    read = _read(args.file)
    if read is None:
        return EXIT_BAD_INPUT
    path, content = read
    arguments: dict = {"attribution": args.attribution}
    if args.mapping:
        mapping = _read(args.mapping)
        if mapping is None:
            return EXIT_BAD_INPUT
        arguments |= {"mapping_content": mapping[1], "mapping_name": mapping[0].name}
    actor = cli_actor(args.project, args.user)
    preview = preview_geo_import(actor, content, path.name, **arguments)
    if preview.problems:
        return _refused(path.name, preview.problems)
    print("\n".join(_geo_summary(preview)))
    if not preview.has_changes:
        print("nothing to change: the project is already up to date with this file")
        return EXIT_OK
    if args.dry_run:
        print("dry run: nothing written")
        return EXIT_OK
    apply_geo_import(actor, content, path.name, **arguments)
    print("imported")
    return EXIT_OK


def register(_commands: argparse._SubParsersAction, imports: argparse._SubParsersAction,
             _exports: argparse._SubParsersAction) -> None:
    command = imports.add_parser(
        "risk", help="import risk-stratification counts, CSV / XLSX / Parquet "
                     "(docs/formats/risk.md)")
    command.add_argument("file")
    command.add_argument("--project", required=True, help="project slug")
    command.add_argument("--dry-run", action="store_true", help="show what would change")
    command.add_argument("--user", help="act as this user (default: command-line admin)")
    command.set_defaults(handler=cmd_import_risk)

    command = imports.add_parser(
        "geo", help="import care-region outlines from GeoJSON (docs/formats/geo.md)")
    command.add_argument("file", help="GeoJSON: regions, or municipalities with --mapping")
    command.add_argument("--project", required=True, help="project slug")
    command.add_argument("--mapping", help="CSV / XLSX of municipality NIS codes and regions "
                                           "(columns nis, region, region_name)")
    command.add_argument("--attribution", help="source and licence shown under the map "
                                               "(default: the file's, or its name)")
    command.add_argument("--dry-run", action="store_true", help="show what would change")
    command.add_argument("--user", help="act as this user (default: command-line admin)")
    command.set_defaults(handler=cmd_import_geo)

"""Commands of the stratified risk: `import risk`, `import geo`."""

from __future__ import annotations

import argparse

from dashboard.cli import EXIT_BAD_INPUT
from dashboard.cli.core import require_database
from dashboard.cli.files import (
    add_import_arguments,
    add_key_argument,
    import_command,
    read_file,
    run_import,
)
from dashboard.errors import describe
from dashboard.services.access import cli_actor
from dashboard.services.population.geo_import import GeoPreview, apply_geo_import, preview_geo_import
from dashboard.services.population.risk_import import RiskPreview, apply_risk_import, preview_risk_import


def _count(number: int, one: str, many: str) -> str:
    """English count with its noun ("1 care region", "2 care regions")."""
    return f"{number} {one if number == 1 else many}"


def keying_lines(keying) -> list[str]:
    """What a file keyed by municipality became (no counts: places only)."""
    lines = []
    if keying.municipalities:
        lines.append(
            f"keyed by municipality: {_count(keying.municipalities, 'municipality', 'municipalities')} "
            f"added up into {_count(len(keying.regions), 'care region', 'care regions')} "
            f"({', '.join(keying.regions)}); "
            f"only the regions' totals are stored"
        )
    if keying.old_codes:
        lines.append(
            "codes of before the 2019 or 2025 mergers, read as today's: " + ", ".join(keying.old_codes)
        )
    if keying.outside:
        lines.append(
            f"municipalities outside every care region of the project (not imported): "
            f"{len(keying.outside)}: "
            + ", ".join(f"{m.label} ({_count(m.rows, 'row', 'rows')})" for m in keying.outside[:20])
            + (" …" if len(keying.outside) > 20 else "")
        )
    return lines


def _risk_summary(preview: RiskPreview) -> list[str]:
    lines = [
        f"rows read: {preview.rows}",
        *keying_lines(preview.keying),
        f"new region-years: {len(preview.new)}",
        f"changed region-years: {len(preview.changed)}",
        f"unchanged region-years: {len(preview.unchanged)}",
    ]
    for change in preview.new + preview.changed:
        line = (
            f"  {change.region} {change.year}: +{change.added} cells, {change.changed} "
            f"changed, -{change.removed}"
        )
        if change.population:
            old, new = change.population
            line += f", population {'–' if old is None else old} -> {new}"
        lines.append(line)
    if preview.unknown_columns:
        lines.append(f"unknown columns (ignored): {', '.join(preview.unknown_columns)}")
    return lines


def _geo_summary(preview: GeoPreview) -> list[str]:
    lines = [f"note: {describe(note)}" for note in preview.notes]
    lines += [
        f"mode: {preview.mode}"
        + (f" (code property: {preview.code_property})" if preview.code_property else ""),
        f"attribution: {preview.attribution}",
        f"new regions: {len(preview.new_regions)}",
        f"changed outlines: {len(preview.changed_regions)}",
        f"unchanged outlines: {len(preview.unchanged_regions)}",
    ]
    for outline in preview.new_regions + preview.changed_regions:
        lines.append(f"  {outline.code} ({outline.name}): {outline.size / 1000:.1f} kB")
    if preview.absent_regions:
        lines.append(
            f"regions of the project absent from the file (kept): {', '.join(preview.absent_regions)}"
        )
    if preview.mode == "municipalities":
        lines.append(f"municipalities of the file in no region: {preview.unused_municipalities}")
    if preview.has_changes:
        lines.append(f"outlines to send to the browser: {preview.total_size / 1000:.1f} kB")
    return lines


def cmd_import_risk(args: argparse.Namespace) -> int:
    return import_command(args, preview_risk_import, apply_risk_import, _risk_summary, key=args.key)


def cmd_import_geo(args: argparse.Namespace) -> int:
    require_database()
    file = read_file(args.file)
    if file is None:
        return EXIT_BAD_INPUT
    content, name = file
    arguments: dict = {"attribution": args.attribution, "code_property": args.code_property}
    if args.mapping:
        mapping = read_file(args.mapping)
        if mapping is None:
            return EXIT_BAD_INPUT
        arguments |= {"mapping_content": mapping[0], "mapping_name": mapping[1]}
    actor = cli_actor(args.project, args.user)
    return run_import(
        name,
        lambda: preview_geo_import(actor, content, name, **arguments),
        lambda: apply_geo_import(actor, content, name, **arguments),
        _geo_summary,
        args.dry_run,
    )


def register(
    _commands: argparse._SubParsersAction,
    imports: argparse._SubParsersAction,
    _exports: argparse._SubParsersAction,
) -> None:
    command = imports.add_parser(
        "risk", help="import risk-stratification counts, CSV / XLSX / Parquet (docs/formats/risk.md)"
    )
    add_key_argument(add_import_arguments(command))
    command.set_defaults(handler=cmd_import_risk)

    command = imports.add_parser("geo", help="import care-region outlines from GeoJSON (docs/formats/geo.md)")
    command.add_argument("file", help="GeoJSON: regions, or municipalities with --mapping")
    command.add_argument("--project", required=True, help="project slug")
    command.add_argument(
        "--mapping",
        help="CSV / XLSX of municipality NIS codes and regions (columns nis, region, region_name)",
    )
    command.add_argument(
        "--code-property",
        help="the feature property holding the code (a "
        "municipality's NIS code, or a care region's "
        "code), when several could be it",
    )
    command.add_argument(
        "--attribution", help="source and licence shown under the map (default: the file's, or its name)"
    )
    command.add_argument("--dry-run", action="store_true", help="show what would change")
    command.add_argument("--user", help="act as this user (default: command-line admin)")
    command.set_defaults(handler=cmd_import_geo)

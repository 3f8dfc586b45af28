"""Small-cell suppression: counts of persons or respondents below 5 never leave the services as
numbers.

A suppressed count becomes null with a companion boolean column `<name>_suppressed`; pages and
exports show "< 5" for it. Where a total is shown beside its parts, `suppress_with_complement`
suppresses a second part so the first cannot be recovered by subtraction. `suppress_in_margins`
also says which hidden cells are not small themselves (`<name>_masked`: hidden only so that a
small one cannot be worked out); pages show both kinds as "< 5" all the same, since telling
them apart would say the second kind holds at least 5 persons and so bound the small one.
"""

from __future__ import annotations

import itertools
import math
import random

import numpy as np
import polars as pl

from models.vocab import SMALL_CELL_THRESHOLD

SUPPRESSED_TEXT = "< 5"


def is_small(expr: pl.Expr, threshold: int = SMALL_CELL_THRESHOLD) -> pl.Expr:
    return expr.is_not_null() & (expr < threshold)


def suppress(frame: pl.DataFrame, columns: list[str], threshold: int = SMALL_CELL_THRESHOLD) -> pl.DataFrame:
    """Null every count below `threshold` in `columns`, flagging it in `<column>_suppressed`."""
    return frame.with_columns(
        expr
        for column in columns
        for expr in (
            pl.when(is_small(pl.col(column), threshold)).then(None).otherwise(pl.col(column)).alias(column),
            is_small(pl.col(column), threshold).alias(f"{column}_suppressed"),
        )
    )


def hide_small_parts(
    frame: pl.DataFrame, by: list[str], count: str, hidden: str, threshold: int = SMALL_CELL_THRESHOLD
) -> pl.DataFrame:
    """Mark in the boolean column `hidden` (created if missing) the parts of each whole (`by`)
    whose `count` could give 1 to threshold-1 persons away when the whole is known: the parts
    of 1-4, and, when the hidden parts of a whole hold 1-4 together, the smallest shown part
    too, so that only their total (5 or more) can be worked out. Zero parts stay shown."""
    start = pl.col(hidden).fill_null(False) if hidden in frame.columns else pl.lit(False)
    marked = frame.with_columns(
        (start | pl.col(count).is_between(1, threshold - 1).fill_null(False)).alias(hidden)
    )
    hidden_total = pl.when(pl.col(hidden)).then(pl.col(count)).otherwise(0).sum().over(by)
    smallest_shown = (
        pl.when(~pl.col(hidden) & (pl.col(count) > 0)).then(pl.col(count)).rank("ordinal").over(by)
    )
    # One more part suffices: every shown part holds `threshold` or more.
    return marked.with_columns(
        (
            pl.col(hidden)
            | (hidden_total.is_between(1, threshold - 1) & (smallest_shown == 1)).fill_null(False)
        ).alias(hidden)
    )


def suppress_with_complement(
    frame: pl.DataFrame, count: str, groups: list[str], threshold: int = SMALL_CELL_THRESHOLD
) -> pl.DataFrame:
    """Primary suppression of `count`, then, in every group (cells that add up to a total that is
    shown) where exactly one cell is suppressed, also suppress the smallest other cell.

    Returns the frame with `count` nulled where suppressed and `<count>_suppressed` set.
    """
    flag = f"{count}_suppressed"
    marked = frame.with_row_index("__row").with_columns(is_small(pl.col(count), threshold).alias(flag))
    # Rank the unsuppressed cells of each group by size, smallest first.
    marked = marked.with_columns(
        pl.col(flag).sum().over(groups).alias("__primary"),
        pl.when(~pl.col(flag))
        .then(pl.col(count))
        .otherwise(None)
        .rank("ordinal")
        .over(groups)
        .alias("__rank"),
    )
    marked = marked.with_columns(
        (pl.col(flag) | ((pl.col("__primary") == 1) & (pl.col("__rank") == 1))).alias(flag)
    )
    return (
        marked.with_columns(pl.when(pl.col(flag)).then(None).otherwise(pl.col(count)).alias(count))
        .sort("__row")
        .drop("__row", "__primary", "__rank")
    )


def suppress_until_safe(
    frame: pl.DataFrame,
    count: str,
    groups: list[str],
    threshold: int = SMALL_CELL_THRESHOLD,
    already: str | None = None,
) -> pl.DataFrame:
    """Like suppress_with_complement, but safe when several small cells share a group: while
    the suppressed cells of a group (the cells that add up to a shown total) hold between 1
    and threshold-1 persons together, the smallest shown cell is suppressed too, so that
    subtracting the shown cells from the total only ever reveals threshold or more persons.
    Cells flagged in the boolean column `already` count as suppressed from the start.

    Returns the frame with `count` nulled where suppressed and `<count>_suppressed` set.
    """
    flag = f"{count}_suppressed"
    primary = is_small(pl.col(count), threshold) | pl.col(count).is_null()
    if already is not None:
        primary = primary | pl.col(already)
    marked = frame.with_row_index("__row").with_columns(primary.alias(flag))
    marked = marked.with_columns(
        pl.when(pl.col(flag))
        .then(pl.col(count).fill_null(0))
        .otherwise(0)
        .sum()
        .over(groups)
        .alias("__hidden"),
        pl.when(~pl.col(flag))
        .then(pl.col(count))
        .otherwise(None)
        .rank("ordinal")
        .over(groups)
        .alias("__rank"),
    )
    # Every shown cell holds at least `threshold` persons, so one more is always enough.
    marked = marked.with_columns(
        (
            pl.col(flag)
            | ((pl.col("__hidden") > 0) & (pl.col("__hidden") < threshold) & (pl.col("__rank") == 1))
        ).alias(flag)
    )
    return (
        marked.with_columns(pl.when(pl.col(flag)).then(None).otherwise(pl.col(count)).alias(count))
        .sort("__row")
        .drop("__row", "__hidden", "__rank")
    )


def suppressed_total(frame: pl.DataFrame, count: str) -> int | None:
    """The total of a column, or None when it is itself below the threshold."""
    total = int(frame[count].sum() or 0)
    return None if total < SMALL_CELL_THRESHOLD else total


def count_or_none(count: int) -> int | None:
    """A single count as it may leave the service: None (shown "< 5") when small."""
    return None if count < SMALL_CELL_THRESHOLD else count


def suppress_in_margins(
    frame: pl.DataFrame,
    count: str,
    totals: dict[str, object],
    keys: tuple[str, ...] = (),
    threshold: int = SMALL_CELL_THRESHOLD,
    already: str | None = None,
) -> pl.DataFrame:
    """Small-cell suppression of a table shown with its margins, in any number of dimensions.

    `frame` holds every cell that can be shown: the inner cells and, in each dimension of
    `totals` ({column: the value that means "all"}), the total cells (e.g. region None = the
    whole project, age_band "" = all ages). `keys` are columns whose values are never added up
    (e.g. the year): each value is a separate table.

    Primary suppression nulls the counts below `threshold`. A line of the table (cells that
    differ in one dimension only, with that dimension's total) then gives a hidden cell away
    when it is the line's only hidden cell (inner or total: it is the total minus the others,
    or their sum), and gives away the sum of its hidden inner cells when its total is shown:
    in those lines, and where that sum is below `threshold`, the smallest shown inner cell is
    suppressed too (the total, when no inner cell is left). This repeats until no line gives
    anything away, since each new suppression may expose another line. Lines can also be
    combined (a rectangle of hidden cells whose other corners are shown, ...): an audit solves
    all the lines' equations together (sparsely, see _determined_by) and, while a hidden cell
    is still determined by them, hides the smallest shown cell of one of its lines and starts
    again, auditing the tables (`keys`) that got a new hidden cell only.

    The work is done on integer arrays (`_Grid`: each line numbered once, its cells sorted by
    size once), so that a pass of the line rule is a few numpy reductions over the cells.

    Cells flagged in the boolean column `already` are hidden from the start.

    Returns the frame with `count` nulled where suppressed, `<count>_suppressed` set, and
    `<count>_masked` set on the suppressed cells that are not small themselves (secondary
    suppression: hidden only so that a small cell cannot be worked out).
    """
    flag = f"{count}_suppressed"
    masked = f"{count}_masked"
    grid = _Grid(frame, totals, list(keys), count)
    small = grid.valid & (grid.counts < threshold)
    hidden = small.copy()
    if already is not None:  # cells hidden from the start (e.g. a group hidden elsewhere)
        hidden |= frame[already].fill_null(False).to_numpy()
    tables = None  # every table
    while grid.size:
        grid.suppress_lines(hidden, threshold)
        determined = grid.determined(hidden, tables)
        companions = grid.companions(hidden, determined) if determined.size else determined
        if not companions.size:  # nothing determined, or the tables are all hidden
            break
        hidden[companions] = True
        tables = np.unique(grid.table[companions])  # only they need another pass
    return frame.with_columns(
        pl.when(pl.Series(hidden)).then(None).otherwise(pl.col(count)).alias(count),
        pl.Series(flag, hidden),
        pl.Series(masked, hidden & ~small),
    )


def _is_total(dimension: str, total: object) -> pl.Expr:
    return pl.col(dimension).is_null() if total is None else pl.col(dimension) == total


# Sizes of the line rule's candidates: a total comes after every inner cell of its line, a
# cell without a count never comes.
_TOTAL_OFFSET = 1 << 50
_NO_COUNT = 1 << 62


# Below this many pivots a round, the rest of the elimination goes to the loop in Python.
_FEW_PIVOTS = 64


class _Grid:
    """The cells of a table with margins as integer arrays, for suppress_in_margins.

    For each dimension, every cell's line (the cells equal to it in every other dimension and
    in the `keys`) is numbered once, and the cells are sorted once by line, then by size as the
    line rule picks them (inner cells before the total, then the smallest count, then the first
    row). A line is then a segment of that order, and what the rule asks of every line (how
    many hidden cells, their sum, whether the total is shown, the first shown cell) is one
    numpy reduction per question over the segments (`np.add.reduceat`, ...).
    """

    def __init__(self, frame: pl.DataFrame, totals: dict[str, object], keys: list[str], count: str | None):
        dimensions = list(totals)
        self.size = frame.height
        if count is None:
            self.valid = np.ones(self.size, dtype=bool)
            self.counts = np.zeros(self.size, dtype=np.int64)
        else:
            self.valid = frame[count].is_not_null().to_numpy()
            self.counts = frame[count].fill_null(0).cast(pl.Int64).to_numpy()
        codes = frame.select(
            *(
                pl.col(d).rank("dense").fill_null(0).cast(pl.Int64).alias(f"c{i}")
                for i, d in enumerate(dimensions)
            ),
            *(_is_total(d, totals[d]).fill_null(False).alias(f"t{i}") for i, d in enumerate(dimensions)),
            (pl.struct(keys).rank("dense").cast(pl.Int64) - 1 if keys else pl.lit(0, dtype=pl.Int64)).alias(
                "table"
            ),
        )
        self.table = codes["table"].to_numpy()
        self.tables = int(self.table.max()) + 1 if self.size else 0
        code = [codes[f"c{i}"].to_numpy() for i in range(len(dimensions))]
        radix = [int(c.max()) + 1 if self.size else 1 for c in code]
        self.order: list[np.ndarray] = []  # the cells sorted by line, then as the rule picks them
        self.starts: list[np.ndarray] = []  # where each line starts in that order
        self.segment: list[np.ndarray] = []  # each sorted cell's line
        self.line_of: list[np.ndarray] = []  # each cell's line
        self.is_total: list[np.ndarray] = []  # in sorted order
        self.has_total: list[np.ndarray] = []  # per line: a total and an inner cell (an equation)
        for i in range(len(dimensions)):
            line = self.table.copy()
            if self.tables * math.prod(r for j, r in enumerate(radix) if j != i) < 2**62:
                for j in range(len(dimensions)):
                    if j != i:
                        line = line * radix[j] + code[j]
            else:  # too many combinations for one integer: number them
                line = (
                    codes.select(
                        pl.struct([f"c{j}" for j in range(len(dimensions)) if j != i] + ["table"]).rank(
                            "dense"
                        )
                    )
                    .to_series()
                    .cast(pl.Int64)
                    .to_numpy()
                )
            is_total = codes[f"t{i}"].to_numpy()
            size = np.where(self.valid, self.counts + np.where(is_total, _TOTAL_OFFSET, 0), _NO_COUNT)
            order = np.lexsort((size, line))  # stable: equal sizes keep the row order
            sorted_line = line[order]
            first = np.empty(self.size, dtype=bool)
            first[:1] = True
            np.not_equal(sorted_line[1:], sorted_line[:-1], out=first[1:])
            starts = np.flatnonzero(first)
            segment = np.cumsum(first) - 1
            line_of = np.empty(self.size, dtype=np.int64)
            line_of[order] = segment
            sorted_total = is_total[order]
            self.order.append(order)
            self.starts.append(starts)
            self.segment.append(segment)
            self.line_of.append(line_of)
            self.is_total.append(sorted_total)
            self.has_total.append(
                np.logical_or.reduceat(sorted_total, starts) & np.logical_or.reduceat(~sorted_total, starts)
                if self.size
                else np.zeros(0, dtype=bool)
            )
        self.sorted_valid = [self.valid[order] for order in self.order]
        self.sorted_counts = [self.counts[order] for order in self.order]
        self.positions = np.arange(self.size)

    def first_shown(self, i: int, sorted_hidden: np.ndarray) -> np.ndarray:
        """Per line of dimension i, the position (in its order) of the line's first shown cell
        with a count, or self.size when it has none."""
        position = np.where(~sorted_hidden & self.sorted_valid[i], self.positions, self.size)
        return np.minimum.reduceat(position, self.starts[i])

    def suppress_lines(self, hidden: np.ndarray, threshold: int) -> None:
        """The line rule of suppress_in_margins, until no line gives anything away (in place)."""
        while True:
            changed = False
            for i in range(len(self.order)):
                starts, is_total = self.starts[i], self.is_total[i]
                sorted_hidden = hidden[self.order[i]]
                hidden_inner = sorted_hidden & ~is_total
                suppressed = np.add.reduceat(sorted_hidden, starts, dtype=np.int64)
                suppressed_inner = np.add.reduceat(hidden_inner, starts, dtype=np.int64)
                hidden_sum = np.add.reduceat(np.where(hidden_inner, self.sorted_counts[i], 0), starts)
                total_shown = np.logical_or.reduceat(is_total & ~sorted_hidden, starts)
                first = self.first_shown(i, sorted_hidden)
                gives_away = (
                    self.has_total[i]
                    & (first < self.size)
                    & ((suppressed == 1) | (total_shown & (suppressed_inner >= 1) & (hidden_sum < threshold)))
                )
                if gives_away.any():
                    hidden[self.order[i][first[gives_away]]] = True
                    changed = True
            if not changed:
                return

    def equations(self, hidden: np.ndarray, tables: np.ndarray | None = None) -> tuple[np.ndarray, ...]:
        """Each line that has its total and an inner cell, restricted to its hidden cells (of
        `tables`, None: all), as (equation, cell, +1 inner / -1 total) arrays: the shown cells
        only move an equation's constant, which determinacy does not depend on."""
        wanted = hidden if tables is None else hidden & np.isin(self.table, tables)
        equation, cell, sign = [], [], []
        offset = 0
        for i in range(len(self.order)):
            chosen = wanted[self.order[i]] & self.has_total[i][self.segment[i]]
            equation.append(self.segment[i][chosen] + offset)
            cell.append(self.order[i][chosen])
            sign.append(np.where(self.is_total[i][chosen], -1, 1))
            offset += len(self.starts[i])
        if not equation:
            return (np.zeros(0, dtype=np.int64),) * 3
        return np.concatenate(equation), np.concatenate(cell), np.concatenate(sign)

    def determined(
        self, hidden: np.ndarray, tables: np.ndarray | None = None, few_pivots: int = _FEW_PIVOTS
    ) -> np.ndarray:
        """The hidden cells (of `tables`) that the shown cells determine exactly, sorted."""
        return _audit(*self.equations(hidden, tables), few_pivots=few_pivots)

    def companions(self, hidden: np.ndarray, determined: np.ndarray) -> np.ndarray:
        """For each determined hidden cell, the smallest shown cell of one of its lines (inner
        cells before totals; on a tie, the first dimension, then the first cell)."""
        offers = []
        for i in range(len(self.order)):
            first = self.first_shown(i, hidden[self.order[i]])[self.line_of[i][determined]]
            found = first < self.size
            companion = self.order[i][first[found]]
            size = np.where(self.valid[companion], self.counts[companion], _NO_COUNT) + np.where(
                self.is_total[i][first[found]], _TOTAL_OFFSET, 0
            )
            offers.append(np.stack([determined[found], size, np.full(found.sum(), i), companion]))
        if not offers:
            return np.zeros(0, dtype=np.int64)
        offer = np.concatenate(offers, axis=1)
        chosen = np.lexsort(offer[::-1])  # by cell, size, dimension, companion
        cells = offer[0][chosen]
        best = np.ones(len(cells), dtype=bool)
        best[1:] = cells[1:] != cells[:-1]
        return np.unique(offer[3][chosen][best])


def _as_dicts(equation: np.ndarray, cell: np.ndarray, sign: np.ndarray) -> list[dict[int, int]]:
    """Equations as arrays (equation, cell, coefficient) -> [{cell: coefficient}]."""
    order = np.argsort(equation, kind="stable")
    equation, cell, sign = equation[order], cell[order].tolist(), sign[order].tolist()
    bounds = np.flatnonzero(np.diff(equation)) + 1
    edges = [0, *bounds.tolist(), len(cell)] if len(cell) else [0]
    return [dict(zip(cell[a:b], sign[a:b], strict=True)) for a, b in itertools.pairwise(edges)]


# A prime of 61 bits: the audit's arithmetic is exact modulo it (see _determined_by).
AUDIT_PRIME = 2**61 - 1

# Arithmetic modulo AUDIT_PRIME on uint64 arrays (numpy has no 128-bit product): a product
# of two residues is split in 31-bit halves and folded with 2^61 = 1.
_M = np.uint64(AUDIT_PRIME)
_LOW31 = np.uint64(2**31 - 1)
_LOW30 = np.uint64(2**30 - 1)
_LOW32 = np.uint64(2**32 - 1)


def _reduce(r):
    r = (r & _M) + (r >> np.uint64(61))
    r = (r & _M) + (r >> np.uint64(61))
    return np.where(r >= _M, r - _M, r)


def _mulmod(a, b):
    """a * b modulo 2^61 - 1, for uint64 arrays below it (no 128-bit integers in numpy)."""
    a1, a0 = a >> np.uint64(31), a & _LOW31
    b1, b0 = b >> np.uint64(31), b & _LOW31
    mid = a1 * b0 + a0 * b1
    low = a0 * b0
    r = ((a1 * b1) << np.uint64(1)) + (mid >> np.uint64(30)) + ((mid & _LOW30) << np.uint64(31))
    r = r + (low & _M) + (low >> np.uint64(61))
    return _reduce(r)


def _summod(values, starts):
    """Sums modulo 2^61 - 1 of the segments of `values` (uint64 below it) that begin at `starts`."""
    high = np.add.reduceat(values >> np.uint64(32), starts) % _M
    low = np.add.reduceat(values & _LOW32, starts) % _M
    return _reduce(_mulmod(high, np.full(len(high), 2**32, dtype=np.uint64)) + low)


def _powmod(a, exponent):
    result = np.ones(len(a), dtype=np.uint64)
    base = a.copy()
    while exponent:
        if exponent & 1:
            result = _mulmod(result, base)
        base = _mulmod(base, base)
        exponent >>= 1
    return result


def _negmod(a):
    return np.where(a == 0, a, _M - a)


def _audit(
    equation: np.ndarray,
    unknown: np.ndarray,
    coefficient: np.ndarray,
    trials: int = 2,
    seed: int = 0,
    few_pivots: int = _FEW_PIVOTS,
) -> np.ndarray:
    """The unknowns (sorted) that sparse linear equations given as arrays (one entry per
    coefficient) fix, as _determined_by finds them, with the elimination done on arrays.

    The same sparse elimination modulo AUDIT_PRIME as _random_solutions, by rounds: each round
    takes many pivots at once (an unknown and an equation holding it, chosen by the fewest
    fill-in, (equations holding the unknown - 1) x (its unknowns - 1), as the loop does), no
    pivot's equation holding another pivot's unknown, so that all of them are eliminated from
    the other equations together, with numpy. When a round finds few pivots, what is left goes
    to _random_solutions. Random solutions are then completed back through the rounds, and an
    unknown 0 in every solution is fixed.
    """
    if not len(unknown):
        return np.zeros(0, dtype=np.int64)
    names, var = np.unique(unknown, return_inverse=True)
    count = len(names)
    eq = np.unique(equation, return_inverse=True)[1].astype(np.int64)
    coef = np.where(coefficient < 0, AUDIT_PRIME + coefficient, coefficient).astype(np.uint64)
    rounds = []  # (pivot unknowns, inverses of their coefficients, the rest of each pivot's equation)
    rest: list[dict[int, int]] = []
    while len(var):
        # one entry per equation and unknown, no zero coefficient; entries sorted by equation
        key = eq * count + var
        order = np.argsort(key, kind="stable")
        key, coef = key[order], coef[order]
        first = np.ones(len(key), dtype=bool)
        first[1:] = key[1:] != key[:-1]
        starts = np.flatnonzero(first)
        if len(starts) < len(key):
            coef = _summod(coef, starts)
            key = key[starts]
        kept = coef != 0
        key, coef = key[kept], coef[kept]
        if not len(key):
            break
        eq, var = key // count, key % count
        n = len(key)
        new_eq = np.ones(n, dtype=bool)
        new_eq[1:] = eq[1:] != eq[:-1]
        eq_starts = np.flatnonzero(new_eq)
        eq = np.cumsum(new_eq) - 1  # equations numbered 0..
        length = np.diff(np.r_[eq_starts, n])[eq]
        degree = np.bincount(var, minlength=count)[var]
        cost = (degree - 1) * (length - 1)
        priority = np.empty(n, dtype=np.int64)
        priority[np.lexsort((eq, var, cost))] = np.arange(n)
        # candidates: the best entry of their unknown and of their equation
        best_of_var = np.full(count, n, dtype=np.int64)
        np.minimum.at(best_of_var, var, priority)
        best_of_eq = np.minimum.reduceat(priority, eq_starts)
        candidate = (priority == best_of_var[var]) & (priority == best_of_eq[eq])
        row_pivot = np.full(len(eq_starts), n, dtype=np.int64)
        row_pivot[eq[candidate]] = priority[candidate]
        var_pivot = np.full(count, n, dtype=np.int64)
        var_pivot[var[candidate]] = priority[candidate]
        # two candidates conflict when the equation of one holds the unknown of the other:
        # the better one only is taken (the best of all always is)
        of_row, of_var = row_pivot[eq], var_pivot[var]
        clash = (of_row < n) & (of_var < n) & (of_row != of_var)
        rival = np.full(n + 1, n, dtype=np.int64)
        np.minimum.at(rival, of_row[clash], of_var[clash])
        np.minimum.at(rival, of_var[clash], of_row[clash])
        pivot = candidate & (priority < rival[priority])
        pivots = np.flatnonzero(pivot)
        if len(pivots) < few_pivots:
            rest = _as_dicts(eq, var, coef.astype(np.int64))
            break
        number = np.arange(len(pivots))
        pivot_of_row = np.full(len(eq_starts), -1, dtype=np.int64)
        pivot_of_row[eq[pivots]] = number
        pivot_of_var = np.full(count, -1, dtype=np.int64)
        pivot_of_var[var[pivots]] = number
        inverse = _powmod(coef[pivots], AUDIT_PRIME - 2)
        in_pivot_row = pivot_of_row[eq] >= 0
        # the rest of each pivot's equation (entries sorted by equation, so by pivot too once
        # renumbered in that order)
        others = np.flatnonzero(in_pivot_row & ~pivot)
        row_number = pivot_of_row[eq[others]]
        by_pivot = np.argsort(row_number, kind="stable")
        others, row_number = others[by_pivot], row_number[by_pivot]
        row_var, row_coef = var[others], coef[others]
        row_length = np.bincount(row_number, minlength=len(pivots))
        row_start = np.cumsum(row_length) - row_length
        rounds.append((var[pivots], inverse, row_var, row_coef, row_start, row_length))
        # every other equation holding a pivot's unknown: minus factor x the pivot's equation
        target = np.flatnonzero((pivot_of_var[var] >= 0) & ~in_pivot_row)
        which = pivot_of_var[var[target]]
        factor = _mulmod(coef[target], inverse[which])
        repeat = row_length[which]
        total = int(repeat.sum())
        offset = np.cumsum(repeat) - repeat
        source = np.repeat(row_start[which] - offset, repeat) + np.arange(total)
        fill_eq = np.repeat(eq[target], repeat)
        fill_var = row_var[source]
        fill_coef = _negmod(_mulmod(np.repeat(factor, repeat), row_coef[source]))
        kept = ~in_pivot_row
        kept[target] = False
        eq = np.concatenate([eq[kept], fill_eq])
        var = np.concatenate([var[kept], fill_var])
        coef = np.concatenate([coef[kept], fill_coef])
    solutions = _random_solutions(rest, AUDIT_PRIME, trials, seed)
    rng = np.random.default_rng(seed)
    moved = np.zeros(count, dtype=bool)
    for solution in solutions:
        value = rng.integers(1, AUDIT_PRIME, size=count, dtype=np.uint64)  # the free unknowns
        if solution:
            value[np.fromiter(solution.keys(), dtype=np.int64)] = np.fromiter(
                solution.values(), dtype=np.uint64
            )
        for pivot_var, inverse, row_var, row_coef, row_start, row_length in reversed(rounds):
            sums = np.zeros(len(pivot_var), dtype=np.uint64)
            filled = row_length > 0
            if filled.any():
                products = _mulmod(row_coef, value[row_var])
                sums[filled] = _summod(products, row_start[filled])
            value[pivot_var] = _mulmod(_negmod(sums), inverse)
        moved |= value != 0
    return np.sort(names[~moved])


def _determined_cells(
    marked: pl.DataFrame, flag: str, totals: dict[str, object], keys: list[str], few_pivots: int = _FEW_PIVOTS
) -> list[int]:
    """The hidden cells (`__row`) that the shown cells determine exactly: every line is an
    equation (its total = the sum of its inner cells), restricted to the hidden cells."""
    grid = _Grid(marked, totals, keys, None)
    rows = marked["__row"].to_numpy()
    return sorted(rows[grid.determined(marked[flag].to_numpy(), few_pivots=few_pivots)].tolist())


def _random_solutions(
    equations: list[dict[int, int]], prime: int = AUDIT_PRIME, trials: int = 2, seed: int = 0
) -> list[dict[int, int]]:
    """`trials` random solutions ({unknown: value modulo `prime`}) of the homogeneous sparse
    linear `equations` ({unknown: coefficient}), which say which unknowns the equations fix.

    An unknown is fixed exactly when every solution of the homogeneous system leaves it at 0.
    Sparse Gaussian elimination (pivoting on the unknown in fewest equations, which keeps the
    fill-in low on these tables) leaves a triangular system; giving its free unknowns random
    values and solving back yields a random solution, in which an unknown that is not fixed is
    non-zero except with probability 1/prime. Two such solutions are drawn: an unknown is taken
    as fixed when it is 0 in both (a fixed unknown is 0 in every solution; a free one is taken
    as fixed, and its cell hidden needlessly, with probability 2^-122).
    The arithmetic is exact modulo a 61-bit prime (floating point would need a tolerance);
    the rank modulo the prime equals the rational rank unless the prime divides the minors,
    which is not seen at these sizes (the tests compare with a rational SVD audit).

    Cost: close to linear in the number of equations on margin tables, where the dense audit
    (one SVD per table) grew as the cube of the hidden cells.
    """
    rows = [{unknown: value % prime for unknown, value in equation.items()} for equation in equations]
    rows_of: dict[int, set[int]] = {}
    for index, row in enumerate(rows):
        for unknown in row:
            rows_of.setdefault(unknown, set()).add(index)
    unknowns = set(rows_of)
    # Unknowns by how many equations hold them (a bucket queue: the counts are small integers).
    by_count: dict[int, set[int]] = {}
    for unknown, found in rows_of.items():
        by_count.setdefault(len(found), set()).add(unknown)

    def recount(unknown: int, before: int) -> None:
        by_count[before].discard(unknown)
        by_count.setdefault(len(rows_of[unknown]), set()).add(unknown)

    pivots: list[tuple[int, dict[int, int], int]] = []
    fewest = 1
    while True:
        while fewest <= len(rows) and not by_count.get(fewest):
            fewest += 1
        if fewest > len(rows):
            break
        unknown = by_count[fewest].pop()
        found = rows_of.pop(unknown)
        pivot_index = min(found, key=lambda i: (len(rows[i]), i))
        pivot = rows[pivot_index]
        for other in pivot:
            if other != unknown:
                rows_of[other].discard(pivot_index)
                recount(other, len(rows_of[other]) + 1)
                fewest = min(fewest, max(1, len(rows_of[other])))
        inverse = pow(pivot[unknown], -1, prime)
        for index in sorted(found - {pivot_index}):
            row = rows[index]
            factor = row.pop(unknown) * inverse % prime
            for other, value in pivot.items():
                if other == unknown:
                    continue
                updated = (row.get(other, 0) - factor * value) % prime
                if updated:
                    if other not in row:
                        rows_of[other].add(index)
                        recount(other, len(rows_of[other]) - 1)
                    row[other] = updated
                elif other in row:
                    del row[other]
                    rows_of[other].discard(index)
                    recount(other, len(rows_of[other]) + 1)
                    fewest = min(fewest, max(1, len(rows_of[other])))
        pivots.append((unknown, pivot, inverse))
    pivoted = {unknown for unknown, _, _ in pivots}
    rng = random.Random(seed)
    solutions = []
    for _ in range(trials):
        solution = {unknown: rng.randrange(1, prime) for unknown in sorted(unknowns - pivoted)}
        for unknown, pivot, inverse in reversed(pivots):
            rest = sum(value * solution[other] for other, value in pivot.items() if other != unknown)
            solution[unknown] = -rest * inverse % prime
        solutions.append(solution)
    return solutions


def _determined_by(
    equations: list[dict[int, int]], prime: int = AUDIT_PRIME, trials: int = 2, seed: int = 0
) -> set[int]:
    """The unknowns that sparse linear `equations` ({unknown: coefficient}) fix: those that
    are 0 in `trials` random solutions of the homogeneous system (see _random_solutions)."""
    solutions = _random_solutions(equations, prime, trials, seed)
    unknowns = {unknown for equation in equations for unknown in equation}
    return {unknown for unknown in unknowns if not any(solution[unknown] for solution in solutions)}

"""China's administrative divisions (GB/T 2260) and landline area codes, loaded from ``extractors/jurisdiction``.

Levels:

* ``province`` — 省, 自治区, 直辖市 (北京/天津/上海/重庆), 特别行政区;
* ``city`` — prefecture-level units: 地级市, 自治州, 地区, 盟. Municipalities have none: their districts and
  counties hang directly under the province;
* ``county`` — county-level units: 市辖区, 县, 自治县, 县级市 (大冶市 under 黄石市), 旗, 林区. Province-administered
  county-level cities (仙桃市, 石河子市, 海南's 琼海市 …) hang directly under the province;
* ``zone`` — economic/functional zones with statistical codes (苏州工业园区, 成都高新技术产业开发区). A zone is
  evidence for its city, never a county.

Names: every unit has its full name (``常州市``) and short names (``常州``; ``广西`` for 广西壮族自治区; ``恩施州``).
A name that more than one unit carries (``朝阳区`` in 北京 and 长春; ``江北区`` in 重庆 and 宁波) is *ambiguous*:
:meth:`Divisions.find` answers it only given a ``within`` context. A short name shared by units of different levels
means the higher level (``吉林`` → 吉林省, ``朝阳`` → 朝阳市 in 辽宁) unless a context says otherwise.

The data is read once, lazily, from the wheel (``policyparse/_data/extractors/jurisdiction``) or the source tree.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import NamedTuple

from policyparse.resources import data_path

LEVELS = ("province", "city", "county", "zone")
"""Division levels from the top; a lower index outranks a higher one when a short name is shared."""
LEVEL_RANK = {level: rank for rank, level in enumerate(LEVELS)}

"""Where the data sits inside the installed ``policyparse`` package (pyproject force-include)."""

MUNICIPALITIES = frozenset({"110000", "120000", "310000", "500000"})
"""北京, 天津, 上海, 重庆: provinces whose districts have no city level above them."""


class Division(NamedTuple):
    """One administrative unit: its 6-digit GB/T 2260 ``adcode``, full ``name``, ``level``, the ``parent``
    adcode (``None`` for provinces) and its short names (``aliases``). Immutable (a named tuple: cheap to build
    3,400 of them at load)."""

    adcode: str
    name: str
    level: str
    parent: str | None
    aliases: tuple[str, ...] = ()

    @property
    def is_municipality(self) -> bool:
        """True for 北京市, 天津市, 上海市, 重庆市."""
        return self.adcode in MUNICIPALITIES


def data_dir() -> Path:
    """The directory holding divisions.tsv, area_codes.tsv and rules.json (see :mod:`policyparse.resources`)."""
    return data_path("jurisdiction")


class Divisions:
    """The division table with its name, alias and area-code indexes. Build with :func:`load_divisions`."""

    def __init__(self, divisions: list[Division], area_codes: dict[str, tuple[str, ...]]) -> None:
        self.by_code: dict[str, Division] = {d.adcode: d for d in divisions}
        self.area_codes: dict[str, tuple[str, ...]] = area_codes
        self.full_names: dict[str, tuple[str, ...]] = _index((d.name, d.adcode) for d in divisions)
        self.short_names: dict[str, tuple[str, ...]] = _index(
            (alias, d.adcode) for d in divisions for alias in d.aliases)
        self.children: dict[str, list[str]] = {}
        for d in divisions:
            if d.parent:
                self.children.setdefault(d.parent, []).append(d.adcode)
        self._codes_of: dict[str, list[str]] = {}
        for code, adcodes in area_codes.items():
            for adcode in adcodes:
                self._codes_of.setdefault(adcode, []).append(code)

    def __len__(self) -> int:
        return len(self.by_code)

    def get(self, adcode: str) -> Division | None:
        """The unit with this adcode, or ``None``."""
        return self.by_code.get(adcode)

    def candidates(self, name: str, within: str | None = None) -> tuple[Division, ...]:
        """Every unit ``name`` can denote: full names first; short names only if no full name matches.

        With ``within`` (an adcode), only units inside it; without, a short name shared by several levels keeps
        only the highest level (``吉林`` → 吉林省, not 吉林市).
        """
        for index in (self.full_names, self.short_names):
            codes = index.get(name, ())
            if within is not None:
                codes = tuple(c for c in codes if c != within and self.is_within(c, within))
            elif index is self.short_names and codes:
                codes = highest_level(codes, self.by_code)
            if codes:
                return tuple(self.by_code[c] for c in codes)
        return ()

    def find(self, name: str, within: str | None = None) -> Division | None:
        """The one unit ``name`` denotes (inside ``within`` if given), or ``None`` if unknown or ambiguous."""
        found = self.candidates(name, within)
        return found[0] if len(found) == 1 else None

    def is_ambiguous(self, name: str) -> bool:
        """True when ``name`` denotes more than one unit without a parent context."""
        return len(self.candidates(name)) > 1

    def ancestors(self, adcode: str) -> list[Division]:
        """The unit and its parents, province first."""
        chain = []
        division = self.by_code.get(adcode)
        while division is not None:
            chain.append(division)
            division = self.by_code.get(division.parent) if division.parent else None
        return chain[::-1]

    def is_within(self, adcode: str, ancestor: str) -> bool:
        """True when ``ancestor`` is ``adcode`` itself or one of its parents."""
        return any(d.adcode == ancestor for d in self.ancestors(adcode))

    def province_of(self, adcode: str) -> Division | None:
        """The province-level unit containing ``adcode``."""
        chain = self.ancestors(adcode)
        return chain[0] if chain else None

    def city_level(self, adcode: str) -> Division | None:
        """The unit at city level or above: a county's city, a zone's city, a municipality or a
        province-administered county-level city itself."""
        chain = self.ancestors(adcode)
        for division in chain:
            if division.level == "city":
                return division
        if chain and len(chain) >= 2 and chain[1].level == "county" and not chain[0].is_municipality:
            return chain[1]
        return chain[0] if chain else None

    def lowest_common(self, adcodes: list[str]) -> str | None:
        """The deepest unit containing all ``adcodes``; ``None`` if they lie in different provinces."""
        chains = [[d.adcode for d in self.ancestors(a)] for a in adcodes if a in self.by_code]
        if not chains:
            return None
        common = None
        for level in zip(*chains):
            if len(set(level)) != 1:
                break
            common = level[0]
        return common

    def parts(self, adcode: str) -> tuple[str | None, str | None, str | None]:
        """(province, city, county) full names of ``adcode``; a zone fills no county slot."""
        province = city = county = None
        for division in self.ancestors(adcode):
            if division.level == "province":
                province = division.name
            elif division.level == "city":
                city = division.name
            elif division.level == "county":
                county = division.name
        return province, city, county

    def by_area_code(self, code: str) -> tuple[Division, ...]:
        """The units dialled with the landline area code ``code`` (``0519`` → 常州市; ``0731`` → 长沙/湘潭/株洲)."""
        return tuple(self.by_code[a] for a in self.area_codes.get(normalize_area_code(code), ()))

    def area_codes_of(self, adcode: str) -> list[str]:
        """The landline area codes of the city-level unit containing ``adcode``."""
        unit = self.city_level(adcode)
        return list(self._codes_of.get(unit.adcode, ())) if unit else []


def normalize_area_code(code: str) -> str:
    """``(0519)``, ``0519-``, ``+86 519`` → ``0519``."""
    digits = "".join(ch for ch in code if ch.isdigit())
    if digits.startswith("86") and len(digits) in (4, 5):
        digits = digits[2:]
    return digits if digits.startswith("0") else "0" + digits


def _index(pairs) -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for key, adcode in pairs:
        if adcode not in index.setdefault(key, []):
            index[key].append(adcode)
    return {key: tuple(codes) for key, codes in index.items()}


def highest_level(codes: tuple[str, ...], by_code: dict[str, Division]) -> tuple[str, ...]:
    """The codes of the highest level among ``codes`` (province outranks city outranks county outranks zone)."""
    if len(codes) == 1:
        return codes
    top = min(LEVEL_RANK[by_code[c].level] for c in codes)
    return tuple(c for c in codes if LEVEL_RANK[by_code[c].level] == top)


def read_divisions(path: Path) -> list[Division]:
    """Rows of divisions.tsv: ``adcode, name, level, parent, aliases`` (aliases ``|``-separated)."""
    rows = []
    with path.open(encoding="utf-8") as handle:
        next(handle)
        for line in handle:
            adcode, name, level, parent, aliases = line.rstrip("\n").split("\t")
            rows.append(Division(adcode, name, level, parent or None, tuple(a for a in aliases.split("|") if a)))
    return rows


def read_area_codes(path: Path) -> dict[str, tuple[str, ...]]:
    """Rows of area_codes.tsv: ``area_code, adcodes`` (``|``-separated, main city first), ``names``."""
    codes = {}
    with path.open(encoding="utf-8") as handle:
        next(handle)
        for line in handle:
            code, adcodes, _names = line.rstrip("\n").split("\t")
            codes[code] = tuple(adcodes.split("|"))
    return codes


@functools.lru_cache(maxsize=1)
def load_divisions() -> Divisions:
    """The division table, read on first use and cached for the process."""
    directory = data_dir()
    return Divisions(read_divisions(directory / "divisions.tsv"), read_area_codes(directory / "area_codes.tsv"))

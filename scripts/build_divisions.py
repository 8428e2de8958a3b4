"""Rebuild ``extractors/jurisdiction/divisions.tsv`` and ``area_codes.tsv`` from the jionlp package.

Source: the PyPI package ``jionlp`` (Apache-2.0), which ships

* ``jionlp/dictionary/china_location.zip`` — the GB/T 2260 tree (province → prefecture → county → town → village,
  tab-indented, ``name<TAB>adcode<TAB>short`` on the three upper levels);
* ``jionlp/dictionary/phone_location.zip`` — per prefecture a header line ``省 市<TAB>area code<TAB>postcode``;
* ``jionlp/dictionary/landline_phone_area_code.txt`` — ``area code<SPACE>省/市``.

Only the data files are read; jionlp is never imported (it is not a runtime dependency). Usage::

    pip install --no-deps jionlp==1.5.31          # once, into any environment
    python scripts/build_divisions.py               # finds the installed package
    python scripts/build_divisions.py --source path/to/jionlp-1.5.31-py2.py3-none-any.whl

What the script changes on the way (each reported on stderr):

* county-level parents come from the code (``XXYYZZ`` → ``XXYY00``), not from jionlp's indentation, which misfiles
  a few counties (e.g. 焉耆回族自治县 under 乌鲁木齐市);
* the pseudo-prefectures 省直辖行政区划 / 市直辖行政区划 and the municipalities' duplicate city rows are dropped;
  their counties hang directly under the province (city level empty);
* 香港, 澳门 and 台湾 are kept as provinces only (their sub-units carry no distinct GB/T 2260 codes);
* economic zones (statistical codes ``XXYY7Z``, names with 开发区/园区/管委会/…) get level ``zone``: they are
  evidence for their city, never a county;
* area codes: ``phone_location`` headers first (city → code; shared codes such as 0731 长沙/株洲/湘潭 list every
  city), then codes only ``landline_phone_area_code.txt`` knows (whose other rows have errors, e.g. 0432–0439 all
  read 吉林), then :data:`AREA_CODE_SUPPLEMENT` for prefectures neither file covers.
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import re
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT_DIR = REPO / "extractors" / "jurisdiction"

LOCATION_ZIP = "dictionary/china_location.zip"
PHONE_ZIP = "dictionary/phone_location.zip"
LANDLINE_TXT = "dictionary/landline_phone_area_code.txt"

MUNICIPALITIES = {"110000", "120000", "310000", "500000"}
PROVINCE_ONLY = {"710000", "810000", "820000"}  # 台湾, 香港, 澳门
PSEUDO_PREFECTURE = re.compile(r"直辖")
ZONE_NAME = re.compile(r"开发区|工业园|产业园|管委会|管理区|示范区|风景名胜区|新城$|食品区")
EXTRA_ZONES = {"510156"}  # 四川天府新区成都直管区: a state-level new area, not a GB/T 2260 county
GENERIC_SHORTS = {"高新区", "经开区", "新区", "产业园", "示范区", "管理区", "省直辖", "市直辖", "城区", "市中", "新市"}
ALIAS_SUPPLEMENT: dict[str, list[str]] = {
    # jionlp gives 南沙 to 三沙市南沙区 only; notices write 广州南沙新区 / 南沙 for 广州市南沙区 (the
    # short name is then shared, and the city before it or the notice's other places decide)
    "440115": ["南沙"],
}
"""Short names jionlp lacks that notices write, by adcode; keep it short and say why each is here."""

# Prefecture-level units (and province-administered county-level cities) that neither jionlp file gives a code.
# Every shared code is listed once per unit. Keep this short and cite why each row is here.
AREA_CODE_SUPPLEMENT: dict[str, list[str]] = {
    "0898": ["460300", "460400", "469001", "469002", "469005", "469006", "469007", "469021", "469022",
             "469023", "469024", "469025", "469026", "469027", "469028", "469029", "469030"],  # all of 海南
    "0728": ["429005", "429006"],  # 潜江市, 天门市 share 仙桃's code
    "0719": ["429021"],  # 神农架林区 uses 十堰's code
}


@dataclass
class Division:
    """One row of divisions.tsv."""

    adcode: str
    name: str
    level: str  # province | city | county | zone
    parent: str  # "" for provinces
    aliases: list[str] = field(default_factory=list)


def log(message: str) -> None:
    """Report a change the script made to the source data."""
    print(message, file=sys.stderr)


def open_source(source: str | None) -> "SourceReader":
    """The jionlp data, from a wheel/zip path, a package directory, or the installed package."""
    if source is None:
        spec = importlib.util.find_spec("jionlp")
        if spec is None or not spec.submodule_search_locations:
            sys.exit("jionlp is not installed; pip install --no-deps jionlp==1.5.31, or pass --source")
        return SourceReader(Path(list(spec.submodule_search_locations)[0]))
    return SourceReader(Path(source))


class SourceReader:
    """Reads files under ``jionlp/`` from an installed package directory or a wheel."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.wheel = zipfile.ZipFile(path) if path.is_file() else None

    def read_bytes(self, relative: str) -> bytes:
        if self.wheel is not None:
            return self.wheel.read(f"jionlp/{relative}")
        return (self.path / relative).read_bytes()

    def read_text(self, relative: str) -> str:
        """A text file, or the single member of a zipped one; CRLF folded."""
        data = self.read_bytes(relative)
        if relative.endswith(".zip"):
            with zipfile.ZipFile(io.BytesIO(data)) as inner:
                data = inner.read(inner.namelist()[0])
        return data.decode("utf-8").replace("\r\n", "\n")

    def version(self) -> str:
        """The package version, from dist-info metadata when it can be found."""
        if self.wheel is not None:
            for name in self.wheel.namelist():
                if name.endswith(".dist-info/METADATA"):
                    return _metadata_version(self.wheel.read(name).decode())
        for meta in self.path.parent.glob("jionlp-*.dist-info/METADATA"):
            return _metadata_version(meta.read_text())
        return "unknown"


def _metadata_version(text: str) -> str:
    match = re.search(r"^Version: (\S+)", text, re.M)
    return match.group(1) if match else "unknown"


def parse_locations(text: str) -> list[tuple[int, str, str, str]]:
    """(depth, name, adcode, short) for the province, prefecture and county rows that carry a code."""
    rows = []
    for line in text.split("\n"):
        depth = len(line) - len(line.lstrip("\t"))
        parts = line.strip("\t").split("\t")
        if depth <= 2 and len(parts) >= 2 and parts[1].isdigit():
            rows.append((depth, parts[0].strip(), parts[1].strip(), parts[2].strip() if len(parts) > 2 else ""))
    return rows


def is_zone(name: str, adcode: str) -> bool:
    """Economic/functional zones: statistical codes XXYY7Z, or zone words in the name."""
    return adcode[4] == "7" or adcode in EXTRA_ZONES or bool(ZONE_NAME.search(name))


def build_divisions(rows: list[tuple[int, str, str, str]]) -> dict[str, Division]:
    """Divisions keyed by adcode, with parents derived from the codes."""
    divisions: dict[str, Division] = {}
    nest_parent: dict[int, str] = {}
    for depth, name, adcode, short in rows:
        nest_parent[depth] = adcode
        province = adcode[:2] + "0000"
        if depth == 0:
            divisions[adcode] = Division(adcode, name, "province", "", [])
            _add_alias(divisions[adcode], short)
            continue
        if province in PROVINCE_ONLY or adcode == province or PSEUDO_PREFECTURE.search(name):
            continue
        if adcode in divisions:
            log(f"skip duplicate code {adcode} {name} (kept {divisions[adcode].name})")
            continue
        if depth == 1:
            level = "zone" if is_zone(name, adcode) else "city"
            divisions[adcode] = Division(adcode, name, level, province, [])
        else:
            level = "zone" if is_zone(name, adcode) else "county"
            parent = county_parent(adcode, divisions, nest_parent.get(1, province))
            divisions[adcode] = Division(adcode, name, level, parent, [])
        _add_alias(divisions[adcode], short)
    for adcode, shorts in ALIAS_SUPPLEMENT.items():
        if adcode in divisions:
            divisions[adcode].aliases.extend(a for a in shorts if a not in divisions[adcode].aliases)
    for division in divisions.values():
        division.aliases.extend(a for a in derived_aliases(division, divisions) if a not in division.aliases)
        division.aliases = [a for a in division.aliases if a != division.name]
    return divisions


def county_parent(adcode: str, divisions: dict[str, Division], nested_under: str) -> str:
    """The prefecture a county belongs to by its code; the province for directly administered units."""
    province = adcode[:2] + "0000"
    if province in MUNICIPALITIES or adcode[2:4] == "90":
        return province
    prefecture = adcode[:4] + "00"
    if prefecture in divisions and divisions[prefecture].level == "city":
        return prefecture
    fallback = nested_under if nested_under in divisions and divisions[nested_under].level == "city" else province
    log(f"no prefecture {prefecture} for {adcode}; parent {fallback}")
    return fallback


def _add_alias(division: Division, short: str) -> None:
    if len(short) >= 2 and short not in GENERIC_SHORTS and short != division.name:
        if division.level != "zone":
            division.aliases.append(short)


def derived_aliases(division: Division, divisions: dict[str, Division]) -> list[str]:
    """Common written forms jionlp does not list: 恩施州, 成都高新区, 苏州工业园 …"""
    out: list[str] = []
    if division.level == "city" and division.name.endswith("自治州") and division.aliases:
        short = division.aliases[0]
        out.append(short if short.endswith("州") else short + "州")
    if division.level == "zone":
        out.extend(zone_aliases(division, divisions))
    return out


def zone_aliases(zone: Division, divisions: dict[str, Division]) -> list[str]:
    """Shortened names of a zone: 高新技术产业开发区 → 高新区, 经济技术开发区 → 经开区, province prefix dropped."""
    names = {zone.name}
    province = divisions.get(zone.adcode[:2] + "0000")
    for prefix in (province.aliases[:1] if province else []):
        if zone.name.startswith(prefix) and len(zone.name) > len(prefix) + 3:
            names.add(zone.name[len(prefix):])
    for name in list(names):
        names.add(re.sub(r"^(\w{2,4}?)市(?=\w{2})", r"\1", name))
    for name in list(names):
        for long, short in (("高新技术产业开发区", "高新区"), ("高新技术开发区", "高新区"), ("高技术产业开发区", "高新区"),
                            ("经济技术开发区", "经开区"), ("经济开发区", "经开区"), ("工业园区", "工业园")):
            if long in name:
                names.add(name.replace(long, short))
    return sorted(n for n in names if n != zone.name and len(n) >= 4)


def parse_phone_headers(text: str) -> list[tuple[str, str, str]]:
    """(province short, city short, area code) from phone_location's header lines."""
    out = []
    for line in text.split("\n"):
        if line and not line.startswith("\t"):
            place, code = line.split("\t")[:2]
            province, _, city = place.partition(" ")
            out.append((province, city, code))
    return out


def parse_landline(text: str) -> list[tuple[str, str, str]]:
    """(province short, city short, area code) from landline_phone_area_code.txt."""
    out = []
    for line in text.split("\n"):
        if line.strip():
            code, place = line.split()
            province, _, city = place.partition("/")
            out.append((province, city, code))
    return out


def find_unit(province_short: str, place: str, divisions: dict[str, Division]) -> Division | None:
    """The prefecture (or, failing that, county-level unit) called ``place`` in the province ``province_short``."""
    province = next((d for d in divisions.values() if d.level == "province"
                     and (province_short in d.aliases or d.name.startswith(province_short))), None)
    if province is None:
        return None
    if province.adcode in MUNICIPALITIES:
        return province
    for level in ("city", "county"):
        for d in divisions.values():
            if d.level == level and d.adcode[:2] == province.adcode[:2] and (
                    d.name.startswith(place) or place in d.aliases):
                return d
    return None


def build_area_codes(reader: SourceReader, divisions: dict[str, Division]) -> dict[str, list[str]]:
    """Area code → the adcodes of the units that dial it (first listed = the code's main city)."""
    codes: dict[str, list[str]] = {}

    def add(code: str, adcode: str) -> None:
        if adcode not in codes.setdefault(code, []):
            codes[code].append(adcode)

    for province, city, code in parse_phone_headers(reader.read_text(PHONE_ZIP)):
        unit = find_unit(province, city, divisions)
        if unit is None:
            log(f"phone_location: no unit for {province} {city} {code}")
        elif province in ("重庆",) and city != "重庆":
            continue  # 黔江/万州/涪陵 rows: districts of 重庆, same 023
        else:
            add(code, unit.adcode)
    for province, city, code in parse_landline(reader.read_text(LANDLINE_TXT)):
        if code in codes:
            continue
        unit = find_unit(province, city, divisions)
        if unit is None:
            log(f"landline: no unit for {code} {province}/{city}; dropped")
        else:
            log(f"landline: {code} → {unit.name} (not in phone_location)")
            add(code, unit.adcode)
    for code, adcodes in AREA_CODE_SUPPLEMENT.items():
        for adcode in adcodes:
            add(code, adcode)
    return codes


def report_uncovered(divisions: dict[str, Division], codes: dict[str, list[str]]) -> None:
    """Prefectures (and province-administered counties) no area code reaches."""
    covered = {a for adcodes in codes.values() for a in adcodes}
    for d in divisions.values():
        direct = d.level == "county" and d.parent == d.adcode[:2] + "0000" and d.parent not in MUNICIPALITIES
        if (d.level == "city" or direct) and d.adcode not in covered and d.adcode[:2] + "0000" not in covered:
            log(f"no area code for {d.adcode} {d.name}")


def write_divisions(divisions: dict[str, Division], path: Path) -> None:
    lines = ["adcode\tname\tlevel\tparent\taliases"]
    for adcode in sorted(divisions):
        d = divisions[adcode]
        lines.append(f"{d.adcode}\t{d.name}\t{d.level}\t{d.parent}\t{'|'.join(d.aliases)}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_area_codes(codes: dict[str, list[str]], divisions: dict[str, Division], path: Path) -> None:
    lines = ["area_code\tadcodes\tnames"]
    for code in sorted(codes):
        names = "|".join(divisions[a].name for a in codes[code])
        lines.append(f"{code}\t{'|'.join(codes[code])}\t{names}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--source", help="jionlp wheel or package directory (default: the installed jionlp)")
    parser.add_argument("--out", default=str(OUT_DIR), help="output directory")
    args = parser.parse_args(argv)
    reader = open_source(args.source)
    divisions = build_divisions(parse_locations(reader.read_text(LOCATION_ZIP)))
    codes = build_area_codes(reader, divisions)
    report_uncovered(divisions, codes)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    write_divisions(divisions, out / "divisions.tsv")
    write_area_codes(codes, divisions, out / "area_codes.tsv")
    levels = {lv: sum(d.level == lv for d in divisions.values()) for lv in ("province", "city", "county", "zone")}
    log(f"jionlp {reader.version()}: {levels}, {len(codes)} area codes → {out}")


if __name__ == "__main__":
    main()

"""Which administrative area a notice governs: ``metadata.jurisdiction`` of shared/FACTS.md.

:func:`resolve_jurisdiction` weighs four kinds of evidence, strongest first, and stops at the first that
settles it:

1. ``issuer`` — a division name at the start of an issuing body's name (``大冶市市场监督管理局`` → 大冶市,
   ``常州市武进区科学技术局`` → 武进区). Issuers fix the level: the area is the issuer's, never a part of it.
2. ``title`` — division names in the title (``广西高价值专利培育示范中心建设实施方案`` → 广西壮族自治区);
   without a ``title`` argument, the text's first line when it is shaped like a title (short, ends in
   通知/方案/办法 …).
3. ``text`` — names in the body, weighted by kind and place: a name heading an organisation
   (``常州市知识产权局``) counts double, four times if the organisation stands alone on its line (the 署名);
   a name in the first line counts double, one inside a cited 《title》 half. Mentions of units inside the
   winner lift to it (常州's notice names 武进区、溧阳市: still 常州市). Self-references (我市/本市/全市/我区/
   我县 …) say which level the issuer sits at and stop the descent there.
4. ``phone`` — landline area codes (``0519-88588192`` → 常州市); shared codes (0731 长沙/株洲/湘潭) give the
   province only.

An ambiguous name (``江北区``: 重庆 or 宁波) counts only once the other evidence picks one of its units.
Conflicting evidence (two provinces, no majority) leaves every level null: unknown is never guessed.
Names with no place (``市知识产权局``), 中国/国家/全国, generic words (城区, 新区) and road names (南京路) are
no evidence. Word lists live in ``extractors/jurisdiction/rules.json``; names in ``divisions.tsv``.
"""
from __future__ import annotations

import bisect
import functools
import json
import re
from dataclasses import dataclass, field
from typing import Iterable, Literal, NamedTuple

import regex

from policyparse.metadata.divisions import (
    LEVEL_RANK,
    LEVELS,
    Divisions,
    data_dir,
    highest_level,
    load_divisions,
    normalize_area_code,
)
from policyparse.resolvers.patterns import compile_pattern, rx

Source = Literal["issuer", "title", "text", "phone"]

DOMINANCE = 0.6
"""Share of all province-level support the winning province needs; below it the evidence conflicts."""
DESCEND = 0.6
"""Share of its parent's support a unit needs to be chosen over the parent (a child with a majority)."""
DESCEND_WITH_HINT = 0.4
"""The same share when the self-references (我县 …) name the child's kind and not the parent's."""
MIN_TEXT_SUPPORT = 1.0
"""Body-text support the winning province needs at least (one full-name mention)."""
HEADER_CHARS = 120
"""The first line, up to this many characters, is the title line of a bare text; its names count double."""

WEIGHT_FULL = 1.0
WEIGHT_ALIAS = {"province": 0.6, "city": 0.8, "county": 0.8, "zone": 0.8}
ORG_FACTOR = 2.0
SIGNATURE_FACTOR = 4.0
"""An organisation name standing alone on its line (署名, or a 发文机关标志) weighs like an issuer."""
HEADER_FACTOR = 2.0
QUOTED_FACTOR = 0.5

ISSUER_PREFIXES = ("中国共产党", "中共")

_PHONE_IN_TEXT = regex.compile(
    r"(?<![\dA-Za-z])[（(]?(0(?:10|2\d|[3-9]\d\d))[）)]?"  # area code: 010, 02x, or 4 digits
    r"[ \t\u3000]*[-－—–]?[ \t\u3000]*([2-9]\d{6,7})(?!\d)")  # local number: 7–8 digits
_QUOTED = rx(r"《[^《》\n]{1,200}》", engine="re")
_TITLE_LINE = regex.compile(
    r"[^。\n]{4,%d}?(?:通知|方案|办法|意见|决定|公告|通告|细则|规定|指南|规划|计划|批复|纲要|措施|政策|条例|公示)"
    r"(?:[（(][^（）()\n]{1,20}[）)])?" % HEADER_CHARS)


@dataclass(frozen=True)
class Evidence:
    """One piece of evidence: ``string`` as written in the ``source`` and the unit (``adcode``) it names.

    ``span`` is the half-open [start, end) of ``string`` in the document text (``None`` if it is not there);
    ``source_span`` is its place in the source string itself (the issuer, the title, the phone number or the text);
    ``source_index`` says which issuer or phone. ``weight`` is what it added to its unit's support.
    """

    source: Source
    string: str
    adcode: str
    weight: float
    span: tuple[int, int] | None
    source_span: tuple[int, int]
    source_index: int | None = None


@dataclass(frozen=True)
class JurisdictionResult:
    """The resolved area: full names per level and the GB/T 2260 code of the most specific one.

    A municipality fills ``province`` only (重庆市, city null); a county-level city fills all three
    (湖北省/黄石市/大冶市). ``basis`` is the evidence kind that decided it; ``confidence`` runs 0–1
    (0 when nothing was found). ``evidence`` lists what supports the answer, in document order per source.
    """

    province: str | None = None
    city: str | None = None
    county: str | None = None
    adcode: str | None = None
    confidence: float = 0.0
    basis: Source | None = None
    evidence: tuple[Evidence, ...] = field(default=())

    def as_metadata(self) -> dict:
        """The four fields of ``metadata.jurisdiction`` in shared/FACTS.md."""
        return {"province": self.province, "city": self.city, "county": self.county, "adcode": self.adcode}


# --------------------------------------------------------------------------------------------- name matching


class _Key(NamedTuple):
    """A name or short name as the matcher knows it."""

    name: str
    adcodes: tuple[str, ...]
    full: bool
    level: str  # the highest level among its units


@dataclass(frozen=True)
class _Hit:
    """A name found in a string: [start, end) and the units it may denote (right after a parent's name,
    only the units inside that parent: 北京市朝阳区)."""

    start: int
    end: int
    key: _Key
    candidates: tuple[str, ...]


@dataclass(frozen=True)
class _Rules:
    """The word lists of rules.json, compiled."""

    stop_aliases: frozenset[str]
    generic_names: frozenset[str]
    zone_suffixes: tuple[str, ...]
    org_suffix: re.Pattern
    road_suffix: re.Pattern
    self_reference: regex.Pattern


def _load_rules() -> _Rules:
    raw = json.loads((data_dir() / "rules.json").read_text(encoding="utf-8"))
    return _Rules(
        stop_aliases=frozenset(raw["text_stop_aliases"]["words"]),
        generic_names=frozenset(raw["generic_names"]["words"]),
        zone_suffixes=tuple(raw["zone_suffixes"]["words"]),
        org_suffix=compile_pattern(raw["org_suffix_pattern"], engine="re"),  # tried at many places: re calls cost less
        road_suffix=compile_pattern(raw["road_suffix_pattern"], engine="re"),
        self_reference=regex.compile(raw["self_reference_pattern"]),
    )


class _Matcher:
    """Finds division names in a string: leftmost, longest, non-overlapping, with the acceptance rules of each
    source. Names are indexed by their first character, then their second (every name has at least two)."""

    def __init__(self, divisions: Divisions, rules: _Rules) -> None:
        self.divisions = divisions
        self.rules = rules
        self.index: dict[str, list[_Key]] = {}
        for names, full in ((divisions.full_names, True), (divisions.short_names, False)):
            for name, adcodes in names.items():
                if len(name) < 2 or (not full and name in divisions.full_names):
                    continue
                level = LEVELS[min(LEVEL_RANK[divisions.by_code[a].level] for a in adcodes)]
                self.index.setdefault(name[:2], []).append(_Key(name, adcodes, full, level))
        for keys in self.index.values():
            keys.sort(key=lambda k: -len(k.name))
        firsts = "".join(sorted({pair[0] for pair in self.index}))
        seconds = "".join(sorted({pair[1] for pair in self.index}))
        self.starts = re.compile(f"[{re.escape(firsts)}](?=[{re.escape(seconds)}])")
        """Where a name may start: a first character followed by a possible second one (a C-speed prefilter)."""

    def scan(self, s: str, mode: Source) -> list[_Hit]:
        """All accepted names in ``s``; ``mode`` is the source kind whose rules apply."""
        hits: list[_Hit] = []
        resume = 0
        index = self.index
        # the positions whose first two characters begin some name (one in twelve of those the
        # prefilter passes), gathered in one comprehension before the per-name tests
        keyed = [(i, keys) for i in [m.start() for m in self.starts.finditer(s)] if (keys := index.get(s[i:i + 2]))]
        for i, keys in keyed:
            if i < resume:
                continue
            hit = self._best(s, i, keys, mode, hits[-1] if hits else None)
            if hit is not None:
                hits.append(hit)
                resume = hit.end
        return hits

    def _best(self, s: str, i: int, keys: list[_Key], mode: Source, prev: _Hit | None) -> _Hit | None:
        for key in keys:
            if s.startswith(key.name, i):
                hit = self._accept(s, i, key, mode, prev)
                if hit is not None:
                    return hit
        return None

    def _accept(self, s: str, i: int, key: _Key, mode: Source, prev: _Hit | None) -> _Hit | None:
        end = i + len(key.name)
        if self._false_friend(s, end, key):
            return None
        if prev is not None and prev.end == i:
            inside = tuple(a for a in key.adcodes if any(
                a != p and self.divisions.is_within(a, p) for p in prev.candidates))
            return _Hit(i, end, key, inside) if inside else None
        if not self._allowed_alone(s, i, end, key, mode):
            return None
        candidates = key.adcodes if key.full else highest_level(key.adcodes, self.divisions.by_code)
        return _Hit(i, end, key, candidates)

    def _false_friend(self, s: str, end: int, key: _Key) -> bool:
        """A road (南京路, but not 唐山市路南区), 区域 after a 区 name, 市场 after a 市 name."""
        nxt = s[end:end + 1]
        if (key.name.endswith("区") and nxt == "域") or (key.name.endswith("市") and nxt == "场"):
            return True
        return self.rules.road_suffix.match(s, end) is not None and not self._name_at(s, end)

    def _name_at(self, s: str, i: int) -> bool:
        """Whether some full or short name starts at ``i``."""
        keys = self.index.get(s[i:i + 2], ())
        return any(s.startswith(key.name, i) for key in keys)

    def _allowed_alone(self, s: str, i: int, end: int, key: _Key, mode: Source) -> bool:
        """Whether a name not preceded by its parent's name counts here."""
        if key.name in self.rules.generic_names:
            return False
        if key.full or key.level == "province":
            return True
        at_start = mode in ("issuer", "title") and i == 0
        if key.level == "city":
            return at_start or key.name not in self.rules.stop_aliases
        zone_next = any(s.startswith(suffix, end) for suffix in self.rules.zone_suffixes)
        return zone_next or (at_start and self.rules.org_suffix.match(s, end) is not None)


@functools.lru_cache(maxsize=1)
def _matcher() -> _Matcher:
    return _Matcher(load_divisions(), _load_rules())


# ------------------------------------------------------------------------------------------------- tallying


@dataclass
class _Mention:
    """A hit with its weight and the unit it was finally assigned (``None`` while ambiguous)."""

    evidence: Evidence
    candidates: tuple[str, ...]
    unit: str | None = None


class _Tally:
    """Support per unit: each mention's weight added to its unit (zones lifted to their city) and every parent."""

    def __init__(self, divisions: Divisions) -> None:
        self.divisions = divisions
        self.support: dict[str, float] = {}

    def add(self, adcode: str, weight: float) -> None:
        for division in self.divisions.ancestors(_lift(adcode, self.divisions)):
            self.support[division.adcode] = self.support.get(division.adcode, 0.0) + weight

    def context_score(self, adcode: str) -> float:
        """How strongly the tally backs the parents of ``adcode`` (its nearest supported parent)."""
        for division in reversed(self.divisions.ancestors(adcode)[:-1]):
            if self.support.get(division.adcode):
                return self.support[division.adcode]
        return 0.0


def _lift(adcode: str, divisions: Divisions) -> str:
    division = divisions.by_code[adcode]
    return division.parent if division.level == "zone" and division.parent else adcode


def _assign(mentions: list[_Mention], divisions: Divisions, context: _Tally | _BodyEvidence | None = None) -> _Tally:
    """Tally the unambiguous mentions, then give each ambiguous one to the candidate whose parents the tally
    (or, failing that, ``context``) backs most; ties and unbacked ones are dropped."""
    tally = _Tally(divisions)
    for m in mentions:
        m.unit = None
    for m in mentions:
        if len(m.candidates) == 1:
            m.unit = m.candidates[0]
            tally.add(m.unit, m.evidence.weight)
    for m in mentions:
        if m.unit is None:
            m.unit = _pick(m.candidates, [tally, context] if context else [tally])
    for m in mentions:
        if m.unit is not None and len(m.candidates) > 1:
            tally.add(m.unit, m.evidence.weight)
    return tally


def _pick(candidates: tuple[str, ...], tallies: list[_Tally | _BodyEvidence]) -> str | None:
    for tally in tallies:
        scores = sorted(((tally.context_score(c), c) for c in candidates), reverse=True)
        if scores[0][0] > 0 and (len(scores) == 1 or scores[0][0] > scores[1][0]):
            return scores[0][1]
    return None


def _descend(tally: _Tally, hint: str | None, min_support: float) -> tuple[str | None, float]:
    """The deepest unit the support settles on, and the winning province's share of all support."""
    divisions, support = tally.divisions, tally.support
    provinces = [a for a in support if divisions.by_code[a].level == "province"]
    total = sum(support[p] for p in provinces)
    if not provinces:
        return None, 0.0
    node = max(provinces, key=support.__getitem__)
    share = support[node] / total
    if support[node] < min_support or share < DOMINANCE:
        return None, share
    while True:
        kids = [c for c in divisions.children.get(node, ()) if support.get(c)]
        if not kids:
            return node, share
        child = max(kids, key=support.__getitem__)
        if sum(support[c] == support[child] for c in kids) > 1:
            return node, share
        if not _may_descend(divisions.by_code[node].name, divisions.by_code[child].name,
                            support[child] / support[node], hint):
            return node, share
        node = child


def _may_descend(parent: str, child: str, ratio: float, hint: str | None) -> bool:
    """A child replaces its parent when it holds most of the parent's support, unless the self-references
    name the parent's kind (我市 with 常州市 over 武进区; 我区 with 广西壮族自治区)."""
    if hint and parent.endswith(hint) and not child.endswith(hint):
        return False
    if hint and child.endswith(hint) and not parent.endswith(hint):
        return ratio >= DESCEND_WITH_HINT
    return ratio >= DESCEND


def _self_reference(text: str, rules: _Rules) -> str | None:
    """The level word (省 市 区 县 州 …) of the most frequent 我市/本县/全区/市政府 …, or ``None``."""
    counts: dict[str, int] = {}
    for m in rules.self_reference.finditer(text):
        word = m.group(1) or m.group(2)
        counts[word] = counts.get(word, 0) + 1
    if not counts:
        return None
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    return ranked[0][0] if len(ranked) == 1 or ranked[0][1] > ranked[1][1] else None


# ----------------------------------------------------------------------------------------- evidence sources


def _text_mentions(text: str, matcher: _Matcher) -> list[_Mention]:
    """Names in the body, weighted by kind, by heading an organisation, by the title line and by quotes."""
    quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
    starts = [q[0] for q in quoted]
    first_line = text.find("\n")
    header_end = min(first_line if first_line >= 0 else len(text), HEADER_CHARS)
    mentions = []
    hits = matcher.scan(text, "text")
    for i, hit in enumerate(hits):
        if i + 1 < len(hits) and hits[i + 1].start == hit.end:
            continue  # 广州市南沙区, 广州南沙新区: the city only says where the district is; the district counts (and so its city)
        weight = WEIGHT_FULL if hit.key.full else WEIGHT_ALIAS[hit.key.level]
        weight *= _org_factor(text, hit, matcher.rules)
        if hit.start < header_end:
            weight *= HEADER_FACTOR
        k = bisect.bisect_right(starts, hit.start) - 1
        if k >= 0 and quoted[k][0] < hit.start < quoted[k][1]:
            weight *= QUOTED_FACTOR
        span = (hit.start, hit.end)
        ev = Evidence("text", text[hit.start:hit.end], hit.candidates[0], weight, span, span)
        mentions.append(_Mention(ev, hit.candidates))
    return mentions


def _org_factor(text: str, hit: _Hit, rules: _Rules) -> float:
    """How much heading an organisation adds: a name line alone on its line (署名) most, any organisation less."""
    org = rules.org_suffix.match(text, hit.end)
    if org is None:
        return 1.0
    line_start = text.rfind("\n", 0, hit.start) + 1
    line_end = text.find("\n", org.end())
    rest = text[org.end():line_end if line_end >= 0 else len(text)]
    alone = not text[line_start:hit.start].strip() and not rest.strip()
    return SIGNATURE_FACTOR if alone else ORG_FACTOR


def _issuer_mentions(issuers: Iterable[str], text: str, matcher: _Matcher) -> list[list[_Mention]]:
    """Per issuer, the chain of names it starts with (常州市 → 武进区); the last is the issuer's unit."""
    out = []
    for index, issuer in enumerate(issuers):
        offset = next((len(p) for p in ISSUER_PREFIXES if issuer.startswith(p)), 0)
        chain: list[_Mention] = []
        for hit in matcher.scan(issuer[offset:], "issuer"):
            if hit.start != (chain[-1].evidence.source_span[1] - offset if chain else 0):
                break
            chain.append(_source_mention("issuer", issuer, hit, offset, text, index))
        if chain:
            out.append(chain)
    return out


def _title_mentions(title: str, text: str, matcher: _Matcher) -> list[_Mention]:
    """Every name in the title, one vote each (an organisation heading the title counts double)."""
    mentions = []
    for hit in matcher.scan(title, "title"):
        mention = _source_mention("title", title, hit, 0, text, None)
        if matcher.rules.org_suffix.match(title, hit.end):
            mention = _Mention(_reweight(mention.evidence, ORG_FACTOR), mention.candidates)
        mentions.append(mention)
    return mentions


def _source_mention(source: Source, string: str, hit: _Hit, offset: int, text: str,
                    index: int | None) -> _Mention:
    start, end = hit.start + offset, hit.end + offset
    located = text.find(string) if string else -1
    span = (located + start, located + end) if located >= 0 else None
    ev = Evidence(source, string[start:end], hit.candidates[0], WEIGHT_FULL, span, (start, end), index)
    return _Mention(ev, hit.candidates)


def _reweight(ev: Evidence, factor: float) -> Evidence:
    return Evidence(ev.source, ev.string, ev.adcode, ev.weight * factor, ev.span, ev.source_span, ev.source_index)


def _phone_mentions(phones: Iterable[str], text: str, divisions: Divisions) -> list[_Mention]:
    """One vote per distinct number with a known area code, from ``phones`` and from the text."""
    seen: set[str] = set()
    mentions = []
    for index, phone in enumerate(phones):
        m = _PHONE_IN_TEXT.search(phone)
        if m:
            located = text.find(phone)
            span = (located + m.start(1), located + m.end(1)) if located >= 0 else None
            _add_phone(mentions, seen, m, divisions, span, (m.start(1), m.end(1)), index)
    for m in _PHONE_IN_TEXT.finditer(text):
        _add_phone(mentions, seen, m, divisions, (m.start(1), m.end(1)), (m.start(1), m.end(1)), None)
    return mentions


def _add_phone(mentions: list[_Mention], seen: set[str], m: regex.Match, divisions: Divisions,
               span: tuple[int, int] | None, source_span: tuple[int, int], index: int | None) -> None:
    code, number = normalize_area_code(m.group(1)), m.group(2)
    units = divisions.by_area_code(code)
    if not units or code + number in seen:
        return
    seen.add(code + number)
    cities = sorted({divisions.city_level(u.adcode).adcode for u in units})
    unit = cities[0] if len(cities) == 1 else divisions.lowest_common(cities)
    if unit is not None:
        ev = Evidence("phone", m.group(1), unit, WEIGHT_FULL, span, source_span, index)
        mentions.append(_Mention(ev, (unit,)))


# ------------------------------------------------------------------------------------------------ resolving


def resolve_jurisdiction(text: str, *, issuers: Iterable[str] = (), title: str | None = None,
                         phones: Iterable[str] = ()) -> JurisdictionResult:
    """The area ``text`` governs, from its ``issuers``, ``title``, body and phone numbers (in that order).

    ``phones`` are numbers as written (``023-67521202``); numbers whose area code was inferred from the
    jurisdiction must not be passed back in. Returns all-null with confidence 0 when nothing settles it.
    """
    matcher = _matcher()
    divisions = matcher.divisions
    evidence = _BodyEvidence(text, phones, matcher)
    for resolve in (_by_issuers, _by_title):
        result = resolve(text, issuers, title, matcher, evidence)
        if result is not None:
            return result
    body, phone = evidence.body, evidence.phone
    if any(_TOWN_BODY.search(issuer) for issuer in issuers):
        result = _town_county(body, divisions)
        if result is not None:
            return result
    hint = _self_reference(text, matcher.rules)
    result = _decide("text", body, divisions, hint, MIN_TEXT_SUPPORT, _assign(phone, divisions))
    return result or _decide("phone", phone, divisions, None, WEIGHT_FULL, None) or JurisdictionResult()


class _BodyEvidence:
    """The body's and the phone numbers' mentions, and the context their tally gives the issuers' and the
    title's ambiguous names, each computed the first time it is asked for.

    Most notices are settled by issuers or a title that name their place unambiguously: those never
    read their body (the place-name scan of the whole text is most of the work here). Reading it
    later gives the same mentions: every step that tallies them first clears the units they were
    given (:func:`_assign`)."""

    def __init__(self, text: str, phones: Iterable[str], matcher: _Matcher) -> None:
        self.text = text
        self.phones = phones
        self.matcher = matcher

    @functools.cached_property
    def body(self) -> list[_Mention]:
        return _text_mentions(self.text, self.matcher)

    @functools.cached_property
    def phone(self) -> list[_Mention]:
        return _phone_mentions(self.phones, self.text, self.matcher.divisions)

    @functools.cached_property
    def tally(self) -> _Tally:
        """Body and phone mentions tallied together: the context that picks among an ambiguous name's units."""
        return _assign(self.body + self.phone, self.matcher.divisions)

    def context_score(self, adcode: str) -> float:
        """:meth:`_Tally.context_score` of :attr:`tally` (so this stands in for the tally in :func:`_pick`)."""
        return self.tally.context_score(adcode)


_TOWN_BODY = regex.compile(r"(?:镇|乡|街道)(?:人民政府|政府|办事处)$")
"""A town's or street's government (``山阳镇政府``, ``彭浦镇人民政府``): its notices govern a part of one county."""


def _town_county(body: list[_Mention], divisions: Divisions) -> JurisdictionResult | None:
    """For a notice a town issued, the county its text names most (``金山区``), when that county holds
    most of the support the text gives any county; the town itself is below the levels reported. Its
    self-references do not count here: a town's 本市 and 区政府 are the city and county above it."""
    tally = _assign(body, divisions)
    counties = {a: w for a, w in tally.support.items() if divisions.by_code[a].level == "county"}
    if not counties:
        return None
    county = max(counties, key=counties.__getitem__)
    share = counties[county] / sum(counties.values())
    if counties[county] < MIN_TEXT_SUPPORT or share < DOMINANCE:
        return None
    return _result(county, "text", _confidence("text", share, tally, county), [m for m in body if m.unit], divisions)


def _by_issuers(text: str, issuers: Iterable[str], title: str | None, matcher: _Matcher,
                context: _BodyEvidence) -> JurisdictionResult | None:
    """The issuers' common unit, if their names place them."""
    divisions = matcher.divisions
    units, used, disambiguated = [], [], False
    for chain in _issuer_mentions(issuers, text, matcher):
        last = chain[-1]
        unit = last.candidates[0] if len(last.candidates) == 1 else _pick(last.candidates, [context])
        if unit is None:
            continue
        disambiguated |= len(last.candidates) > 1
        for mention in chain[:-1]:
            mention.unit = mention.candidates[0] if len(mention.candidates) == 1 else None
        last.unit = unit
        units.append(_lift(unit, divisions))
        used.extend(chain)
    if not units:
        return None
    common = divisions.lowest_common(units)
    if common is None:
        return None
    confidence = 0.85 if disambiguated else 0.95
    return _result(common, "issuer", confidence, used, divisions)


def _by_title(text: str, issuers: Iterable[str], title: str | None, matcher: _Matcher,
              context: _BodyEvidence) -> JurisdictionResult | None:
    """The unit the title's names settle on; without a ``title``, the text's first line if it reads as one."""
    title = title or _title_line(text)
    if not title:
        return None
    return _decide("title", _title_mentions(title, text, matcher), matcher.divisions, None, WEIGHT_FULL, context,
                   base_confidence=0.85)


def _title_line(text: str) -> str | None:
    """The first non-blank line if it is shaped like a title (short, no 。, ending in 通知/方案/办法 …)."""
    stripped = text.lstrip()
    line = stripped.split("\n", 1)[0].strip()
    return line if _TITLE_LINE.fullmatch(line) else None


def _decide(source: Source, mentions: list[_Mention], divisions: Divisions, hint: str | None,
            min_support: float, context: _Tally | _BodyEvidence | None, base_confidence: float | None = None
            ) -> JurisdictionResult | None:
    """Tally ``mentions``, descend to the unit they settle on, and build the result (``None`` if unsettled)."""
    if not mentions:
        return None
    tally = _assign(mentions, divisions, context)
    unit, share = _descend(tally, hint, min_support)
    if unit is None:
        return None
    if base_confidence is not None:
        confidence = base_confidence * share
    else:
        confidence = _confidence(source, share, tally, unit)
    return _result(unit, source, confidence, [m for m in mentions if m.unit], divisions)


def _confidence(source: Source, share: float, tally: _Tally, unit: str) -> float:
    """Body text: 0.4–0.8 by the winner's share and the amount of support; phones: 0.5, 0.4 for a province."""
    if source == "phone":
        return 0.5 * share if tally.divisions.by_code[unit].level != "province" else 0.4 * share
    amount = min(1.0, tally.support[unit] / 4.0)
    return 0.4 + 0.4 * share * amount


def _result(unit: str, source: Source, confidence: float, mentions: list[_Mention],
            divisions: Divisions) -> JurisdictionResult:
    """The result for ``unit``, with the evidence that lies on its chain (its parents, itself or inside it)."""
    chain = {d.adcode for d in divisions.ancestors(unit)}
    supporting = []
    for m in mentions:
        assigned = _lift(m.unit, divisions) if m.unit else None
        if assigned and (assigned in chain or divisions.is_within(assigned, unit)):
            ev = m.evidence
            supporting.append(Evidence(ev.source, ev.string, m.unit, ev.weight, ev.span, ev.source_span,
                                       ev.source_index))
    province, city, county = divisions.parts(unit)
    return JurisdictionResult(province, city, county, unit, round(confidence, 3), source, tuple(supporting))

"""An applicant profile: what a policy-matching platform knows about one applicant.

```json
{"applicant_type": "企业", "jurisdiction": "常州市",
 "metrics": {"有效发明专利数量": 40, "valid_patents": 60, "研发费用占销售收入比例": 0.03, "利税总额": "2500万元"},
 "qualifications": ["专精特新“小巨人”企业"],
 "conditions": {"三/（五）:1": true}}
```

* ``metrics`` are keyed by canonical metric id (``valid_patents``) or by any Chinese name the
  metric lexicon knows (``有效专利``, ``研发费用占营业收入比例`` …); a name it does not know is
  matched against conditions worded the same way. Values are numbers in the canonical unit —
  counts, yuan, **percentages as fractions** (0.03 = 3%) — or strings with a unit the resolvers
  read (``"3%"``, ``"2000万元"``, ``"40件"``).
* ``qualifications`` are titles, awards and statuses (专精特新“小巨人”企业, 省科学技术奖 …),
  compared tolerantly with the ones exemptions list.
* ``conditions`` answers qualitative conditions by leaf id (``true`` = the condition is met; for
  an exclusion such as 严重失信行为: the applicant is clear of it).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from pathlib import Path

import regex
from pydantic import BaseModel, ConfigDict, Field

from policyparse.metrics import applicant_types_in, metric_key, metrics
from policyparse.resolvers.money import parse_money
from policyparse.resolvers.numerals import parse_number
from policyparse.resolvers.percent import parse_percent


class ApplicantProfile(BaseModel):
    """One applicant, as a matching platform describes it."""

    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(default=None, description="free label, shown in reports")
    applicant_type: str | None = Field(default=None, description="企业, 高等学校, 科研院所 … or a canonical id (enterprise …)")
    jurisdiction: str | None = Field(default=None, description="where the applicant is registered: 常州市, 江苏省常州市武进区 …")
    metrics: dict[str, float | int | str] = Field(default_factory=dict, description="figures by metric id or Chinese name; percentages as fractions")
    qualifications: list[str] = Field(default_factory=list, description="titles, awards, statuses held")
    conditions: dict[str, bool] = Field(default_factory=dict, description="answers to qualitative conditions, by leaf id")

    def metric_values(self) -> dict[str, Decimal]:
        """The figures keyed as conditions key their metrics (canonical id, else ``zh:<phrase>``)."""
        out: dict[str, Decimal] = {}
        for name, raw in self.metrics.items():
            key = name if name in metrics() else metric_key(name)
            out[key] = to_number(raw)
        return out

    def type_keys(self) -> tuple[str, ...]:
        """The applicant type as the rules key it: canonical ids, then ``zh:<words>``."""
        if not self.applicant_type:
            return ()
        ids = [t.id for t in applicant_types_in(self.applicant_type) if t.id != "any"]
        return tuple(dict.fromkeys(ids + [f"zh:{self.applicant_type}"]))


def to_number(raw: float | str) -> Decimal:
    """A profile figure as a number in canonical units: ``"3.5%"`` → 0.035, ``"2000万元"`` → 20000000."""
    if isinstance(raw, bool):
        raise ValueError("a figure must be a number, not true/false")
    if isinstance(raw, (int, float)):
        return Decimal(str(raw))
    text = raw.strip()
    try:
        if regex.search(r"[%％]|百分之", text):
            return Decimal(str(parse_percent(text)))
        if text.endswith("元"):
            return Decimal(str(parse_money(text)["amount"]))
        m = regex.match(r"[-+]?[\d.,]+|[零一二两三四五六七八九十百千万亿]+", text)
        if m:
            return Decimal(str(parse_number(m.group())))
        return Decimal(text)
    except (ValueError, KeyError, InvalidOperation, ArithmeticError) as exc:
        raise ValueError(f"cannot read the figure {raw!r}") from exc


def load_profile(path: str | Path) -> ApplicantProfile:
    """Read a profile from a JSON file."""
    return ApplicantProfile.model_validate_json(Path(path).read_text(encoding="utf-8"))

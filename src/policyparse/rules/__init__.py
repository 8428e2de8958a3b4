"""Eligibility rules: each notice's conditions as condition trees other tools can evaluate.

:func:`build_rules` turns a parsed :class:`~policyparse.models.Document` into a
:class:`~policyparse.rules.model.RuleSet` (one ``all`` / ``any`` / ``at_least`` tree per applicant
type, numeric and qualitative leaves, exclusions as negated leaves, exemptions on the conditions
they lift), each tree also compiled to JSON Logic. :func:`~policyparse.rules.match.match` checks an
:class:`~policyparse.rules.applicant.ApplicantProfile` against rule sets: eligible / not eligible /
unknown, with gaps, missing figures and the conditions a person must still check.
"""

from policyparse.rules.build import build_rules
from policyparse.rules.exemptions import find_exemptions
from policyparse.rules.model import (
    ApplicantRules,
    Exemption,
    Funding,
    Group,
    NumericCondition,
    RuleSet,
    TextCondition,
    leaves,
    walk,
)

__all__ = [
    "ApplicantRules", "Exemption", "Funding", "Group", "NumericCondition", "RuleSet", "TextCondition",
    "build_rules", "find_exemptions", "leaves", "walk",
]

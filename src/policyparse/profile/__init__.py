"""Policy profiles: a parsed notice reduced to canonical slots for comparison.

:func:`build_profile` turns a :class:`~policyparse.models.Document` into a
:class:`PolicyProfile` whose slots (``funding.per_project``, ``eligibility.enterprise.valid_patents``,
``deadline.paper`` …) line up across notices by meaning, not by section numbering. Every slot value
keeps the provenance of the facts it came from.
"""

from policyparse.profile.build import build_profile
from policyparse.profile.model import NoticeInfo, PolicyProfile, Provenance, Slot

__all__ = ["NoticeInfo", "PolicyProfile", "Provenance", "Slot", "build_profile"]

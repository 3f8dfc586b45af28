"""The SCIROCCO / B3 maturity model for integrated care as published: its 12 dimensions in the
tool's order and how it reads individual assessments.

Sources (checked for issue #16):
- BMJ Open, table 1 "Description of the 12 dimensions of the SCIROCCO tool"
  (https://bmjopen.bmj.com, the SCIROCCO tool's validation): Readiness to Change; Structure
  and Governance; eHealth Services; Standardisation and Simplification; Funding; Removal of
  Inhibitors; Population Approach; Citizen Empowerment; Evaluation Methods; Breadth of
  Ambition; Innovation Management; Capacity Building.
- International Journal of Integrated Care, doi:10.5334/ijic.7747 (a Delphi study with the
  SCIROCCO tool; https://reference-global.com/article/10.5334/ijic.7747), tables 1, 2 and 4:
  dimensions numbered "1 Readiness to change, 2 Structure & Governance, 3 Digital
  Infrastructure, 4 Process Coordination" (SCIROCCO Exchange's names for 3 and 4); the
  distribution of an item's ratings is "Agreement" or "Split", and a split
  item's maturity level is "Uncertain", whatever its median (0-2 Initial, 3-4 Progressing,
  5 Optimising otherwise).
"""

from __future__ import annotations

# (code as stored in models.vocab.MaturityDimension, the tool's English name), in the tool's
# order: the position is the dimension's number.
DIMENSIONS = (
    ("readiness_to_change", "Readiness to Change"),
    ("structure_governance", "Structure & Governance"),
    ("information_ehealth", "Information & eHealth Services"),
    ("standardisation_simplification", "Standardisation & Simplification"),
    ("finance_funding", "Finance & Funding"),
    ("removal_of_inhibitors", "Removal of Inhibitors"),
    ("population_approach", "Population Approach"),
    ("citizen_empowerment", "Citizen Empowerment"),
    ("evaluation_methods", "Evaluation Methods"),
    ("breadth_of_ambition", "Breadth of Ambition"),
    ("innovation_management", "Innovation Management"),
    ("capacity_building", "Capacity Building"),
)

# The maturity level of a dimension whose individual ratings are split (SCIROCCO: "Uncertain").
SPLIT_LEVEL = "uncertain"

"""The output contract: Pydantic models and the JSON Schema files generated from them."""
from schemas.agreement import Agreement, AgreementKind, Money, Period
from schemas.cluster import ClusterProfile, Leader
from schemas.common import Evidence, Flag, Qualifier, Severity
from schemas.figure import MONEY_METRICS, SHARE_METRICS, Figure, Metric
from schemas.history import ClusterHistory, ClusterIndex, Observation
from schemas.release import SCHEMA_VERSION, Contact, Extraction, Person, Place, PressRelease, Source
from schemas.run import ReleaseRun, RunReport, Status

__all__ = [
    "MONEY_METRICS", "SCHEMA_VERSION", "SHARE_METRICS",
    "Agreement", "AgreementKind", "ClusterHistory", "ClusterIndex", "ClusterProfile", "Contact",
    "Evidence", "Extraction", "Figure", "Flag", "Leader", "Metric", "Money", "Observation",
    "Period", "Person", "Place", "PressRelease", "Qualifier", "ReleaseRun", "RunReport",
    "Severity", "Source", "Status",
]

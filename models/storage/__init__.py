"""Haichi's storage: plans, rosters and the staff/site registers in SQLite or PostgreSQL (DESIGN §7)."""

from models.storage.database import AuditEntry, Database, PlanSummary, current_user
from models.storage.engine import default_url
from models.storage.errors import (
    ConcurrentEdit,
    FrozenVersion,
    OtherPeriod,
    PlanNotFound,
    SolutionNotFound,
    StorageError,
    UnknownReference,
)
from models.storage.solutions import DRAFT, PUBLISHED, SolutionSummary

__all__ = [
    "DRAFT",
    "PUBLISHED",
    "AuditEntry",
    "ConcurrentEdit",
    "Database",
    "FrozenVersion",
    "OtherPeriod",
    "PlanNotFound",
    "PlanSummary",
    "SolutionNotFound",
    "SolutionSummary",
    "StorageError",
    "UnknownReference",
    "current_user",
    "default_url",
]

"""Stale-lake alert: the newest hour partition of the lake's plays must be at most N hours old.

The lake is partitioned by the hour events *arrived* in Kafka (``plays/year=/month=/day=/hour=``),
so the newest partition says when the last event landed, whatever the events' own timestamps.
A lake with no partition at all is stale too. N is the Airflow Variable
``listening_stale_lake_hours`` (default ``LISTENING_STALE_LAKE_HOURS``, 3): set it above the
longest quiet spell the listeners normally have, or nights raise the alert.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from listening import contract, lake

_HOUR_PARTITION = re.compile(r"year=(\d{4})/month=(\d{1,2})/day=(\d{1,2})/hour=(\d{1,2})/")


class StaleLakeError(RuntimeError):
    """No new partition for longer than allowed."""


@dataclass(frozen=True)
class Freshness:
    newest_hour: datetime | None
    max_age: timedelta

    def age(self, now: datetime) -> timedelta | None:
        # A partition holds events up to the end of its hour.
        return None if self.newest_hour is None else now - (self.newest_hour + timedelta(hours=1))


def newest_hour(lake_dir: str) -> datetime | None:
    """The start of the newest hour partition of the lake's plays, or None for an empty lake."""
    hours = []
    for path in lake.files(lake_dir, contract.LakeLayout.PLAYS_GLOB):
        match = _HOUR_PARTITION.search(path.replace("\\", "/"))
        if match:
            year, month, day, hour = (int(g) for g in match.groups())
            hours.append(datetime(year, month, day, hour, tzinfo=UTC))
    return max(hours, default=None)


def check(lake_dir: str, max_age_hours: float, now: datetime) -> Freshness:
    """Returns the lake's freshness; raises :class:`StaleLakeError` (one sentence) when the newest
    partition ended more than ``max_age_hours`` before ``now``, or there is none."""
    if max_age_hours <= 0:
        raise ValueError(
            f"the stale-lake limit must be a positive number of hours, got {max_age_hours}"
        )
    freshness = Freshness(newest_hour(lake_dir), timedelta(hours=max_age_hours))
    age = freshness.age(now)
    if age is None:
        raise StaleLakeError(f"the lake {lake_dir} has no plays partition at all")
    if age > freshness.max_age:
        raise StaleLakeError(
            f"the lake {lake_dir} has no new partition for {age.total_seconds() / 3600:.1f} hours "
            f"(newest: hour {freshness.newest_hour:%Y-%m-%d %H}:00 UTC; allowed: {max_age_hours:g})"
        )
    return freshness

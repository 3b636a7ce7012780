"""Time windows handed to the Beam ingest job.

The job takes ``--windowStart``/``--windowEnd`` as ISO-8601 instants. Airflow renders data
intervals as ``2024-12-01T10:00:00+00:00``; :func:`to_instant` normalises any aware datetime or
ISO-8601 string to the UTC ``Z`` form, so the same window always produces the same command line.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

# A date, a time and an explicit zone: a window without a zone would depend on the worker's clock.
ISO_INSTANT_PATTERN = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$"
_ISO_INSTANT = re.compile(ISO_INSTANT_PATTERN)


class InvalidWindowError(ValueError):
    """A window bound is not an ISO-8601 instant, or the window is empty or not yet over."""


def parse_instant(value: str | datetime) -> datetime:
    """Returns ``value`` as an aware UTC datetime; rejects strings without an explicit zone."""
    if isinstance(value, datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            raise InvalidWindowError(f"datetime {value!r} has no time zone")
        return value.astimezone(UTC)
    text = str(value).strip()
    if not _ISO_INSTANT.match(text):
        raise InvalidWindowError(
            f"{value!r} is not an ISO-8601 instant such as 2024-12-01T10:00:00Z"
        )
    try:
        return datetime.fromisoformat(text).astimezone(UTC)
    except ValueError as e:
        raise InvalidWindowError(f"{value!r} is not a valid instant: {e}") from e


def to_instant(value: str | datetime) -> str:
    """Formats ``value`` as a UTC ISO-8601 instant, e.g. ``2024-12-01T10:00:00Z``.

    Registered as the Jinja filter ``instant`` on the listening DAGs.
    """
    instant = parse_instant(value)
    timespec = "microseconds" if instant.microsecond else "seconds"
    return instant.replace(tzinfo=None).isoformat(timespec=timespec) + "Z"


def validate_window(start: str | datetime, end: str | datetime, now: datetime) -> tuple[str, str]:
    """Checks a backfill window and returns its bounds as UTC instants.

    The window must be non-empty and already over at ``now``: Kafka records of a window that is
    still open keep arriving, so ingesting it early would not be repeatable.
    """
    start_at, end_at = parse_instant(start), parse_instant(end)
    if start_at >= end_at:
        raise InvalidWindowError(
            f"window_start {to_instant(start_at)} is not before window_end {to_instant(end_at)}"
        )
    if end_at > parse_instant(now):
        raise InvalidWindowError(
            f"window_end {to_instant(end_at)} is in the future (now {to_instant(now)})"
        )
    return to_instant(start_at), to_instant(end_at)


JINJA_FILTERS = {"instant": to_instant}

"""Window bounds: parsing, UTC normalisation and backfill validation."""

from datetime import UTC, datetime, timedelta, timezone

import pendulum
import pytest

from listening.windows import InvalidWindowError, parse_instant, to_instant, validate_window

NOW = datetime(2025, 1, 1, tzinfo=UTC)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-12-01T10:00:00Z", "2024-12-01T10:00:00Z"),
        ("2024-12-01T10:00Z", "2024-12-01T10:00:00Z"),
        ("2024-12-01T12:00:00+02:00", "2024-12-01T10:00:00Z"),
        ("2024-12-01T10:00:00.250Z", "2024-12-01T10:00:00.250000Z"),
        (pendulum.datetime(2024, 12, 1, 10, tz="UTC"), "2024-12-01T10:00:00Z"),
        (datetime(2024, 12, 1, 5, tzinfo=timezone(timedelta(hours=-5))), "2024-12-01T10:00:00Z"),
    ],
)
def test_to_instant_normalises_to_utc(value, expected):
    assert to_instant(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "2024-12-01",
        "2024-12-01T10:00:00",
        "2024-12-01 10:00:00Z",
        "now",
        "",
        "2024-13-01T00:00:00Z",
    ],
)
def test_parse_instant_rejects_strings_that_are_not_zoned_instants(value):
    with pytest.raises(InvalidWindowError):
        parse_instant(value)


def test_parse_instant_rejects_naive_datetimes():
    with pytest.raises(InvalidWindowError, match="no time zone"):
        parse_instant(datetime(2024, 12, 1, 10))


def test_validate_window_returns_utc_bounds():
    assert validate_window("2024-12-01T00:00:00+01:00", "2024-12-02T00:00:00Z", now=NOW) == (
        "2024-11-30T23:00:00Z",
        "2024-12-02T00:00:00Z",
    )


def test_validate_window_accepts_a_window_ending_now():
    assert validate_window("2024-12-31T23:00:00Z", "2025-01-01T00:00:00Z", now=NOW)[1] == (
        "2025-01-01T00:00:00Z"
    )


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        ("2024-12-02T00:00:00Z", "2024-12-01T00:00:00Z", "not before"),
        ("2024-12-01T00:00:00Z", "2024-12-01T01:00:00+01:00", "not before"),
        ("2024-12-31T00:00:00Z", "2025-01-01T00:00:01Z", "in the future"),
        ("2024-12-01", "2024-12-02T00:00:00Z", "not an ISO-8601 instant"),
    ],
)
def test_validate_window_rejects_empty_future_or_malformed_windows(start, end, message):
    with pytest.raises(InvalidWindowError, match=message):
        validate_window(start, end, now=NOW)

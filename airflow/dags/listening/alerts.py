"""Failure mail: one message when a task has failed its last try.

Sent through Airflow's SMTP provider (``SmtpNotifier``) with the connection
``config.ALERT_SMTP_CONN_ID``, whose host, port, login and TLS settings come from wherever Airflow
reads connections, e.g. ``AIRFLOW_CONN_SMTP_DEFAULT='smtp://host:25?disable_tls=true'`` in the
environment. Retries send nothing: ``on_failure_callback`` runs only once the retries are spent.
"""

from __future__ import annotations

from listening import config

SUBJECT = "[listening] {{ ti.dag_id }}.{{ ti.task_id }} failed for {{ ti.run_id }}"
BODY = (
    "Task {{ ti.task_id }} of DAG {{ ti.dag_id }} failed on try {{ ti.try_number }} "
    "(run {{ ti.run_id }}, data interval {{ data_interval_start }} to {{ data_interval_end }}). "
    "Its retries are spent; the log is in Airflow."
)


def failure_callbacks() -> list:
    """The ``on_failure_callback`` list of the listening tasks: a mail to
    ``LISTENING_ALERT_EMAIL``, or nothing when it is not set."""
    if not config.ALERT_EMAIL:
        return []
    from airflow.providers.smtp.notifications.smtp import SmtpNotifier

    return [
        SmtpNotifier(
            to=config.ALERT_EMAIL,
            from_email=config.ALERT_FROM_EMAIL,
            subject=SUBJECT,
            html_content=BODY,
            smtp_conn_id=config.ALERT_SMTP_CONN_ID,
        )
    ]


def default_args(*, retries: int | None = None, **overrides) -> dict:
    """``default_args`` shared by the listening DAGs: owner, retries with exponential backoff and
    the failure mail; ``overrides`` set the rest (e.g. ``execution_timeout``)."""
    args = {
        "owner": "listening-data",
        "retries": config.TASK_RETRIES if retries is None else retries,
        "retry_delay": config.RETRY_DELAY,
        "retry_exponential_backoff": 2.0,
        "max_retry_delay": config.MAX_RETRY_DELAY,
        "on_failure_callback": failure_callbacks(),
    }
    args.update(overrides)
    return args

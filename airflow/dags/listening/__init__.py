"""Helpers shared by the listening DAGs: configuration, commands, windows and data-quality checks.

Lives inside the DAG folder (which Airflow puts on ``sys.path``) so the DAG files can import it
without path hacks; ``.airflowignore`` keeps the DAG processor from parsing it as DAG files.
"""

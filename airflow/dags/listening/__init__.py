"""The platform's Python home: the contract's facts (``contract``), reading the lake (``lake``),
building, checking and publishing the warehouse (``warehouse``), and the helpers of the listening
DAGs (configuration, commands, windows, pipeline, data-quality checks).

Lives inside the DAG folder (which Airflow puts on ``sys.path``) so the DAG files can import it
without path hacks; ``.airflowignore`` keeps the DAG processor from parsing it as DAG files. The ops
scripts run ``contract``, ``lake`` and ``warehouse`` as programs (``python -m listening.<module>``)
in the dbt virtualenv, so those three (and ``quality``) import only the standard library.
"""

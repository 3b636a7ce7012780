{# Fails unless the model has exactly expected_rows rows (for one-row models). #}
{% test exact_row_count(model, expected_rows) %}

with counted as (
    select count(*) as row_count
    from {{ model }}
)

select row_count
from counted
where row_count != {{ expected_rows }}

{% endtest %}

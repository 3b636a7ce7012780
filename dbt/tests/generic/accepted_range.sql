{#
  Fails on each row whose column lies outside [min_value, max_value]; either bound may be left out,
  and min_inclusive / max_inclusive make a bound strict. Nulls pass (test not_null separately).
#}
{% test accepted_range(model, column_name, min_value=none, max_value=none, min_inclusive=true, max_inclusive=true) %}

with checked as (
    select {{ column_name }} as checked_value
    from {{ model }}
    where {{ column_name }} is not null
),

out_of_range as (
    select checked_value
    from checked
    where
        1 = 0
        {%- if min_value is not none %}
        or checked_value {{ '<' if min_inclusive else '<=' }} {{ min_value }}
        {%- endif %}
        {%- if max_value is not none %}
        or checked_value {{ '>' if max_inclusive else '>=' }} {{ max_value }}
        {%- endif %}
)

select * from out_of_range

{% endtest %}

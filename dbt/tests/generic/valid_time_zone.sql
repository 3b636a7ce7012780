{#
  Fails on each value of the column that is not an IANA time zone name the warehouse knows (macro
  unknown_time_zones, per adapter), so a typo in the seed user_time_zones or in var
  default_time_zone stops the build before a user's days are cut in a zone that does not exist.
  Nulls pass (test not_null separately).
#}
{% test valid_time_zone(model, column_name) %}
    {{ unknown_time_zones(model, column_name) }}
{% endtest %}

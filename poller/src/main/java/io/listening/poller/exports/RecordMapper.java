package io.listening.poller.exports;

import com.fasterxml.jackson.databind.JsonNode;

/** Turns one element of an export file's JSON array into a {@link MappedRecord}. */
interface RecordMapper {

  /** Never throws for bad data: a record that cannot be used comes back as {@code Rejected}. */
  MappedRecord map(JsonNode record);
}

package io.listening.pipelines.lake;

import java.io.IOException;
import java.nio.channels.WritableByteChannel;
import java.util.Iterator;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.parquet.ParquetIO;

/** Writes rows as one Parquet file through Beam's Parquet sink, on any Beam filesystem's channel. */
public final class ParquetFiles {

  private ParquetFiles() {}

  /**
   * Writes {@code rows} to {@code channel}. The sink's flush closes the channel, and that close
   * completes the file (on S3, the upload); a second close would complete it again, which S3
   * answers with an error, so the channel is closed here only when the write failed before that.
   */
  public static void write(Schema schema, Iterator<GenericRecord> rows, WritableByteChannel channel)
      throws IOException {
    ParquetIO.Sink sink = ParquetIO.sink(schema);
    try {
      sink.open(channel);
      while (rows.hasNext()) {
        sink.write(rows.next());
      }
      sink.flush();
    } finally {
      if (channel.isOpen()) {
        channel.close();
      }
    }
  }
}

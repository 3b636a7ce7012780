package io.listening.poller.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryReaderTest {

  @Test
  void readsEveryElementWithItsIndexAndPosition() throws Exception {
    List<HistoryReader.Element> elements = new ArrayList<>();

    long count = HistoryReader.read(stream("[\n  {\"a\": 1},\n  {\"a\": 2}\n]\n"), elements::add);

    assertThat(count).isEqualTo(2);
    assertThat(elements).extracting(HistoryReader.Element::index).containsExactly(0L, 1L);
    assertThat(elements.get(1).record().get("a").intValue()).isEqualTo(2);
    assertThat(elements.get(1).position()).isEqualTo("record 1 (line 3, column 3)");
    assertThat(elements.get(1).bytesRead()).isPositive();
  }

  @Test
  void anEmptyArrayHasNoRecords() throws Exception {
    assertThat(HistoryReader.read(stream("[]"), e -> {})).isZero();
  }

  @Test
  void aByteOrderMarkIsAccepted() throws Exception {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] json = "[{\"a\": 1}]".getBytes(StandardCharsets.UTF_8);
    byte[] both = new byte[bom.length + json.length];
    System.arraycopy(bom, 0, both, 0, bom.length);
    System.arraycopy(json, 0, both, bom.length, json.length);

    assertThat(HistoryReader.read(new ByteArrayInputStream(both), e -> {})).isEqualTo(1);
  }

  @Test
  void invalidJsonStopsAtItsLineAndColumnAfterTheRecordsBeforeIt() {
    List<HistoryReader.Element> elements = new ArrayList<>();

    assertThatThrownBy(
            () ->
                HistoryReader.read(stream("[\n{\"a\": 1},\n{\"a\": 2 \"b\": 3}\n]"), elements::add))
        .isInstanceOfSatisfying(
            BrokenExportException.class,
            e -> {
              assertThat(e.getMessage())
                  .startsWith("invalid JSON at line 3, column ")
                  .contains("(record 1)");
              assertThat(e.recordIndex()).isEqualTo(1);
            });
    assertThat(elements).hasSize(1);
  }

  @Test
  void aTruncatedFileIsBrokenAfterItsLastCompleteRecord() {
    List<HistoryReader.Element> elements = new ArrayList<>();

    assertThatThrownBy(
            () -> HistoryReader.read(stream("[{\"a\": 1}, {\"a\": 2}, {\"a\""), elements::add))
        .isInstanceOf(BrokenExportException.class)
        .hasMessageContaining("(record 2)");
    assertThat(elements).hasSize(2);
  }

  @Test
  void aFileThatIsNotAnArrayIsBroken() {
    assertThatThrownBy(() -> HistoryReader.read(stream("{\"endTime\": \"x\"}"), e -> {}))
        .isInstanceOf(BrokenExportException.class)
        .hasMessageContaining("expected a JSON array of records");
    assertThatThrownBy(() -> HistoryReader.read(stream(""), e -> {}))
        .isInstanceOf(BrokenExportException.class)
        .hasMessageContaining("the file is empty");
  }

  @Test
  void contentAfterTheArrayIsReportedOnceTheRecordsAreRead() {
    List<HistoryReader.Element> elements = new ArrayList<>();

    assertThatThrownBy(() -> HistoryReader.read(stream("[{\"a\": 1}] [2]"), elements::add))
        .isInstanceOf(BrokenExportException.class)
        .hasMessageContaining("after the end of the array");
    assertThat(elements).hasSize(1);
  }

  private static ByteArrayInputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}

package io.listening.poller.exports;

import static org.assertj.core.api.Assertions.assertThat;

import io.listening.events.PlayEvent;
import io.listening.events.PlayEventCodec;
import io.listening.events.PlayEventValidator;
import io.listening.events.Topics;
import io.listening.poller.kafka.KafkaConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Imports every real export in {@code fixtures/spotify-exports} of this repository (override the folder with
 * {@code -Dspotify.exports=...}) into a real, embedded KRaft broker: the counts match the fixtures'
 * README, every record is accounted for, Kafka holds exactly the imported events, and a second run
 * publishes nothing.
 */
class ExportImportIT {

  private static final Path FIXTURES =
      Path.of(System.getProperty("spotify.exports", "../fixtures/spotify-exports"))
          .toAbsolutePath()
          .normalize();

  /**
   * Records per person from the fixtures' README; the split into imported, duplicates, episodes and
   * rejected is what this importer does with them. Of the imported streams, how many Spotify marked
   * {@code skipped} and how many carry no flag at all (every basic record, older extended ones) is
   * counted from the files' own {@code skipped} fields.
   */
  private static final Map<String, Expected> EXPECTED = new LinkedHashMap<>();

  static {
    EXPECTED.put("p01", new Expected(5_707, 5_705, 0, 5_705, 0, 0, 2));
    EXPECTED.put("p02", new Expected(4_508, 4_508, 0, 4_508, 0, 0, 0));
    EXPECTED.put("p03", new Expected(11_220, 11_220, 0, 11_220, 0, 0, 0));
    EXPECTED.put("p04", new Expected(12_482, 12_464, 0, 12_464, 0, 0, 18));
    EXPECTED.put("p05", new Expected(3_462, 3_461, 0, 3_461, 0, 0, 1));
    EXPECTED.put("p06", new Expected(6_806, 6_806, 0, 6_806, 0, 0, 0));
    EXPECTED.put("p07", new Expected(4_465, 4_454, 2_203, 0, 0, 11, 0));
    EXPECTED.put("p08", new Expected(2_080, 2_078, 28, 2_039, 1, 0, 1));
  }

  record Expected(
      long records,
      long imported,
      long skippedBySpotify,
      long withoutSkipFlag,
      long duplicates,
      long episodes,
      long rejected) {}

  private static EmbeddedKafkaKraftBroker kafka;

  @TempDir static Path checkpoints;

  @BeforeAll
  static void startKafka() {
    assertThat(FIXTURES)
        .as(
            "the fixture exports are missing: expected p01..p08 under %s (set"
                + " -Dspotify.exports=<dir>)",
            FIXTURES)
        .isDirectory();
    kafka = new EmbeddedKafkaKraftBroker(1, 3);
    kafka.afterPropertiesSet();
  }

  @AfterAll
  static void stopKafka() {
    if (kafka != null) {
      kafka.destroy();
    }
  }

  @Test
  void everyFixtureExportImportsOnceReconcilesWithKafkaAndASecondRunPublishesNothing() {
    Map<String, ImportSummary> first = new LinkedHashMap<>();
    for (String person : EXPECTED.keySet()) {
      assertThat(FIXTURES.resolve(person)).as("fixture export %s", person).isDirectory();
      first.put(person, importExport(person));
    }

    first.forEach(
        (person, summary) -> {
          Expected expected = EXPECTED.get(person);
          assertThat(summary.records()).as("%s records read", person).isEqualTo(expected.records());
          assertThat(
                  summary.imported()
                      + summary.episodes()
                      + summary.duplicates()
                      + summary.rejected())
              .as("%s imported + episodes + duplicates + rejected", person)
              .isEqualTo(summary.records());
          assertThat(summary.alreadyImported()).as("%s already imported", person).isZero();
          assertThat(summary.brokenFiles()).as("%s broken files", person).isEmpty();
          assertThat(
                  new Expected(
                      summary.records(),
                      summary.imported(),
                      summary.skippedBySpotify(),
                      summary.withoutSkipFlag(),
                      summary.duplicates(),
                      summary.episodes(),
                      summary.rejected()))
              .as("%s counts", person)
              .isEqualTo(expected);
        });

    OnKafka onKafka = readEverything();
    long imported = first.values().stream().mapToLong(ImportSummary::imported).sum();
    assertThat(onKafka.events()).hasSize((int) imported);
    first.forEach(
        (person, summary) ->
            assertThat(onKafka.eventsOf(person))
                .as("%s events on Kafka", person)
                .hasSize((int) summary.imported()));
    assertThat(onKafka.events().stream().map(PlayEvent::eventId).distinct().count())
        .isEqualTo(imported);
    assertThat(onKafka.perTopic())
        .as("every stream goes to %s, whatever its length", Topics.PLAYS)
        .containsExactly(Map.entry(Topics.PLAYS, imported));
    assertThat(onKafka.events()).extracting(PlayEvent::eventType).containsOnly("play");
    first.forEach(
        (person, summary) ->
            assertThat(
                    List.of(
                        countSkipped(onKafka.eventsOf(person), true),
                        countSkipped(onKafka.eventsOf(person), null)))
                .as("%s events Spotify marked skipped, and without a skip flag, on Kafka", person)
                .containsExactly(summary.skippedBySpotify(), summary.withoutSkipFlag()));
    Instant now = Instant.now();
    assertThat(onKafka.events())
        .allSatisfy(e -> assertThat(PlayEventValidator.violations(e, now)).isEmpty());

    for (String person : EXPECTED.keySet()) {
      ImportSummary again = importExport(person);
      assertThat(again.imported()).as("%s imported on the second run", person).isZero();
      assertThat(again.alreadyImported())
          .as("%s already imported on the second run", person)
          .isEqualTo(EXPECTED.get(person).records());
      assertThat(again.describe().get(0)).contains(" 0 streams imported");
    }
    assertThat(readEverything().events()).hasSize((int) imported);
  }

  @Test
  void aFreshImportWithoutCheckpointDerivesTheSameEventIds() {
    RecordingSink first = RecordingSink.healthy();
    RecordingSink second = RecordingSink.healthy();

    TestExports.importInto(FIXTURES.resolve("p08"), checkpoints.resolve("fresh-1.json"), first);
    TestExports.importInto(FIXTURES.resolve("p08"), checkpoints.resolve("fresh-2.json"), second);

    assertThat(second.delivered()).hasSize(2_078).isEqualTo(first.delivered());
  }

  private static ImportSummary importExport(String person) {
    ImportConfig config =
        new ImportConfig(
            FIXTURES.resolve(person), person, checkpoints.resolve(person + ".json"));
    return ImportCommand.importExport(
        config,
        new KafkaConfig(kafka.getBrokersAsString(), 3, (short) 1, Duration.ofSeconds(15)),
        ProgressReporter.silent());
  }

  private static long countSkipped(List<PlayEvent> events, Boolean skipped) {
    return events.stream().filter(e -> Objects.equals(e.skipped(), skipped)).count();
  }

  private record OnKafka(List<PlayEvent> events, Map<String, Long> perTopic) {

    List<PlayEvent> eventsOf(String user) {
      return events.stream().filter(e -> e.userId().equals(user)).toList();
    }
  }

  /** Every record on the four topics, from the first offset to the end. */
  private static OnKafka readEverything() {
    Map<String, Object> properties =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            kafka.getBrokersAsString(),
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false,
            ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
            5_000);
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : Topics.ALL) {
        consumer
            .partitionsFor(topic)
            .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      List<PlayEvent> events = new ArrayList<>();
      Map<String, Long> perTopic = new HashMap<>();
      Set<TopicPartition> unfinished = new HashSet<>(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!unfinished.isEmpty() && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          PlayEvent event = PlayEventCodec.decode(record.value());
          assertThat(record.key()).isEqualTo(event.userId());
          events.add(event);
          perTopic.merge(record.topic(), 1L, Long::sum);
        }
        unfinished.removeIf(p -> consumer.position(p) >= end.get(p));
      }
      assertThat(unfinished).as("partitions not read to the end within 30 s").isEmpty();
      return new OnKafka(events, perTopic);
    }
  }
}

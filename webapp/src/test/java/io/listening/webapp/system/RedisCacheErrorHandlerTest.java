package io.listening.webapp.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.cache.Cache;
import org.springframework.cache.concurrent.ConcurrentMapCache;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.serializer.SerializationException;

@ExtendWith(OutputCaptureExtension.class)
class RedisCacheErrorHandlerTest {

  private static final Cache CACHE = new ConcurrentMapCache("recommendations");

  private final RedisCacheErrorHandler handler = new RedisCacheErrorHandler();

  @Test
  void redisFailuresAreSwallowedAndTheFirstIsLoggedOnce(CapturedOutput output) {
    RedisConnectionFailureException down =
        new RedisConnectionFailureException("Connection refused");

    handler.handleCacheGetError(down, CACHE, "build-1:track:10");
    handler.handleCachePutError(down, CACHE, "build-1:track:10", "value");
    handler.handleCacheGetError(down, CACHE, "build-1:track:5");

    assertThat(occurrences(output, "Redis is unavailable")).isEqualTo(1);
    assertThat(output.getOut()).contains("WARN").contains("Connection refused");
  }

  @Test
  void recoveryIsLoggedOnceAndANewOutageWarnsAgain(CapturedOutput output) {
    RedisConnectionFailureException down =
        new RedisConnectionFailureException("Connection refused");

    handler.redisAnswered();
    handler.handleCacheGetError(down, CACHE, "key");
    handler.redisAnswered();
    handler.redisAnswered();
    handler.handleCacheGetError(down, CACHE, "key");

    assertThat(occurrences(output, "Redis answers again")).isEqualTo(1);
    assertThat(occurrences(output, "Redis is unavailable")).isEqualTo(2);
  }

  @Test
  void unreadableEntryIsAMissNamingTheKey(CapturedOutput output) {
    handler.handleCacheGetError(
        new SerializationException("Could not read JSON"), CACHE, "build-1:track:10");

    assertThat(output.getOut()).contains("unreadable entry build-1:track:10");
    assertThat(occurrences(output, "Redis is unavailable")).isZero();
  }

  @Test
  void errorsThatAreNotRedisFailuresPropagate() {
    IllegalStateException bug = new IllegalStateException("not serializable");

    assertThatThrownBy(() -> handler.handleCachePutError(bug, CACHE, "key", "value")).isSameAs(bug);
  }

  private static int occurrences(CapturedOutput output, String text) {
    return output.getOut().split(text, -1).length - 1;
  }
}

package io.listening.webapp.system;

import io.lettuce.core.ClientOptions;
import org.springframework.boot.autoconfigure.data.redis.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Redis client settings beyond {@code spring.data.redis.*}. While the connection is down, Lettuce
 * by default queues commands until they time out; rejecting them instead makes an outage an
 * immediate cache miss. Lettuce keeps reconnecting in the background.
 */
@Configuration(proxyBeanMethods = false)
class RedisConfiguration {

  @Bean
  LettuceClientOptionsBuilderCustomizer rejectCommandsWhileDisconnected() {
    return options ->
        options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
  }
}

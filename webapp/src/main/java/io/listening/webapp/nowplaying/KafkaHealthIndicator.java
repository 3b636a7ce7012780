package io.listening.webapp.nowplaying;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * The broker now playing reads from, as {@code kafka} in {@code /actuator/health}: {@code UP} with
 * the cluster id and broker count when the cluster answers within {@code
 * listening.now-playing.timeout}, {@code DOWN} otherwise. Present only when bootstrap servers are
 * configured. One admin client is kept for the app's lifetime; creating one per check would open
 * new connections every time.
 */
@Component
@ConditionalOnExpression("'${listening.now-playing.bootstrap-servers:}'.trim() != ''")
class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

  private final NowPlayingProperties properties;
  private final Admin admin;

  KafkaHealthIndicator(NowPlayingProperties properties) {
    super("Kafka health check failed");
    this.properties = properties;
    int timeout = (int) properties.timeout().toMillis();
    this.admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG, "webapp-health",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout));
  }

  @Override
  protected void doHealthCheck(Health.Builder health) throws InterruptedException {
    long timeout = properties.timeout().toMillis();
    var cluster =
        admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout));
    try {
      String clusterId = cluster.clusterId().get(timeout, TimeUnit.MILLISECONDS);
      Collection<Node> nodes = cluster.nodes().get(timeout, TimeUnit.MILLISECONDS);
      health
          .up()
          .withDetail("cluster_id", clusterId)
          .withDetail("brokers", nodes.size())
          .withDetail("topic", properties.topic());
    } catch (ExecutionException | TimeoutException e) {
      Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
      health
          .down()
          .withDetail("bootstrap_servers", properties.bootstrapServers())
          .withDetail(
              "reason",
              "no answer within " + timeout + " ms: " + cause.getClass().getSimpleName());
    }
  }

  @Override
  public void destroy() {
    admin.close(properties.timeout());
  }
}

package io.listening.webapp.base.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ECharts option objects for the few chart shapes the dashboard draws, as plain maps that {@link
 * EChart} sends as JSON (https://echarts.apache.org/en/option.html). Every chart turns on the aria
 * description, so screen readers get the data in words.
 */
public final class ChartOptions {

  private ChartOptions() {}

  /** One series of values by category; horizontal bars put the categories on the y axis. */
  public static Map<String, Object> bars(
      List<String> categories, List<? extends Number> values, String seriesName, boolean horizontal) {
    Map<String, Object> categoryAxis = Map.of("type", "category", "data", categories, "inverse", horizontal);
    Map<String, Object> valueAxis = Map.of("type", "value", "name", seriesName);
    Map<String, Object> option = base();
    option.put("xAxis", horizontal ? valueAxis : categoryAxis);
    option.put("yAxis", horizontal ? categoryAxis : valueAxis);
    option.put("grid", Map.of("containLabel", true, "left", 8, "right", 24, "top", 32, "bottom", 8));
    option.put("series", List.of(Map.of("type", "bar", "name", seriesName, "data", values)));
    return option;
  }

  /** Lines over a category axis (days, weeks, months), one per named series. */
  public static Map<String, Object> lines(List<String> categories, Map<String, List<? extends Number>> series) {
    Map<String, Object> option = base();
    option.put("xAxis", Map.of("type", "category", "data", categories));
    option.put("yAxis", Map.of("type", "value"));
    option.put("legend", Map.of("top", 0));
    option.put("grid", Map.of("containLabel", true, "left", 8, "right", 24, "top", 40, "bottom", 40));
    option.put("dataZoom", List.of(Map.of("type", "inside"), Map.of("type", "slider", "height", 20)));
    option.put(
        "series",
        series.entrySet().stream()
            .map(e -> Map.of("type", "line", "name", e.getKey(), "data", e.getValue(), "showSymbol", false))
            .toList());
    return option;
  }

  /** A heat map of [x, y, value] cells over two category axes. */
  public static Map<String, Object> heatmap(
      List<String> xCategories, List<String> yCategories, List<List<Number>> cells, long max, String seriesName) {
    Map<String, Object> option = base();
    option.put("xAxis", Map.of("type", "category", "data", xCategories, "splitArea", Map.of("show", true)));
    // First category on top: Monday above Sunday, as a calendar reads.
    option.put(
        "yAxis",
        Map.of("type", "category", "data", yCategories, "inverse", true, "splitArea", Map.of("show", true)));
    option.put("grid", Map.of("containLabel", true, "left", 8, "right", 8, "top", 8, "bottom", 56));
    option.put(
        "visualMap",
        Map.of("min", 0, "max", Math.max(max, 1), "calculable", true, "orient", "horizontal", "left", "center", "bottom", 0));
    option.put("series", List.of(Map.of("type", "heatmap", "name", seriesName, "data", cells)));
    return option;
  }

  /** Shares of a whole, as a ring. */
  public static Map<String, Object> ring(Map<String, ? extends Number> shares, String seriesName) {
    Map<String, Object> option = base();
    option.put("legend", Map.of("bottom", 0, "type", "scroll"));
    option.put(
        "series",
        List.of(
            Map.of(
                "type", "pie",
                "name", seriesName,
                "radius", List.of("40%", "70%"),
                "data", shares.entrySet().stream().map(e -> Map.of("name", e.getKey(), "value", e.getValue())).toList())));
    return option;
  }

  private static Map<String, Object> base() {
    Map<String, Object> option = new LinkedHashMap<>();
    option.put("aria", Map.of("enabled", true));
    option.put("tooltip", Map.of("trigger", "item"));
    option.put("animation", false);
    return option;
  }
}

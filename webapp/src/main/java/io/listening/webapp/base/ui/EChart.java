package io.listening.webapp.base.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;
import elemental.json.Json;

/**
 * An Apache ECharts chart ({@code src/main/frontend/echarts-view.ts}). The option is an ECharts
 * option object built by {@link ChartOptions}; it is sent to the browser as JSON, and setting a new
 * one replaces the chart.
 */
@Tag("echarts-view")
@NpmPackage(value = "echarts", version = "6.1.0")
@JsModule("./echarts-view.ts")
public class EChart extends Component implements HasSize {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * @param label what the chart shows, for screen readers (ECharts' aria description adds the data)
   */
  public EChart(String label) {
    getElement().setAttribute("role", "img");
    getElement().setAttribute("aria-label", label);
  }

  public void setOption(Object option) {
    try {
      getElement().setPropertyJson("option", Json.parse(JSON.writeValueAsString(option)));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("A chart option must be plain maps, lists and values", e);
    }
  }

  /** Called with the item the user clicked. */
  public Registration addItemClickListener(ComponentEventListener<ItemClickEvent> listener) {
    return addListener(ItemClickEvent.class, listener);
  }

  /** A click on a bar, point or cell. */
  @DomEvent("chart-click")
  public static class ItemClickEvent extends ComponentEvent<EChart> {

    private final String name;
    private final int index;

    public ItemClickEvent(
        EChart source,
        boolean fromClient,
        @EventData("event.detail.name") String name,
        @EventData("event.detail.index") int index) {
      super(source, fromClient);
      this.name = name;
      this.index = index;
    }

    /** The category or item name. */
    public String name() {
      return name;
    }

    /** The position of the item in its series' data. */
    public int index() {
      return index;
    }
  }
}

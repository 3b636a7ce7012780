package io.listening.webapp.dashboard;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import io.listening.webapp.base.ui.EChart;

/** The building blocks pages lay their figures out with: headline numbers, sections, charts. */
public final class Figures {

  private Figures() {}

  /** A headline number with its caption; {@code id} is the number's, for tests. */
  public static Component card(String id, String label, String value) {
    Span caption = new Span(label);
    caption.addClassName("figure-label");
    Span number = new Span(value);
    number.setId(id);
    number.addClassName("figure-value");
    Div card = new Div(caption, number);
    card.addClassName("figure-card");
    return card;
  }

  /** Cards side by side, wrapping on narrow screens. */
  public static Component row(Component... cards) {
    FlexLayout row = new FlexLayout(cards);
    row.setWidthFull();
    row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
    row.getStyle().set("gap", "var(--lumo-space-m)");
    return row;
  }

  /** A titled part of a page. */
  public static Component section(String title, Component... parts) {
    Div section = new Div(new H2(title));
    section.add(parts);
    section.setWidthFull();
    section.addClassName("dashboard-section");
    return section;
  }

  /** A chart with its id, what it shows in words, and a height. */
  public static EChart chart(String id, String label, Object option, String height) {
    EChart chart = new EChart(label);
    chart.setId(id);
    chart.setWidthFull();
    chart.setHeight(height);
    chart.setOption(option);
    return chart;
  }
}

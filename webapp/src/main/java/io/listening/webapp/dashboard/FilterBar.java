package io.listening.webapp.dashboard;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The filter controls at the top of every page: a time range (custom dates show two date pickers)
 * and a listener. A change hands the new filter to the page, which puts it in the URL.
 */
class FilterBar extends Composite<FlexLayout> {

  static final String EVERYONE = "Everyone";

  private final Select<Period> period = new Select<>();
  private final DatePicker from = new DatePicker("From");
  private final DatePicker to = new DatePicker("To");
  private final ComboBox<String> user = new ComboBox<>("Listener");
  private final LocalDate today;
  private final Consumer<DashboardFilter> onChange;

  FilterBar(
      DashboardFilter filter,
      List<String> users,
      LocalDate today,
      Consumer<DashboardFilter> onChange) {
    this.today = today;
    this.onChange = onChange;
    period.setId("filter-range");
    period.setLabel("Time range");
    period.setItems(Period.values());
    period.setItemLabelGenerator(Period::label);
    period.setValue(filter.period());
    from.setId("filter-from");
    to.setId("filter-to");
    from.setValue(filter.from());
    to.setValue(filter.to());
    from.setMax(today);
    boolean custom = filter.period() == Period.CUSTOM;
    from.setVisible(custom);
    to.setVisible(custom);
    user.setId("filter-user");
    user.setItems(withEveryone(users));
    user.setValue(filter.userId() == null ? EVERYONE : filter.userId());
    user.setAllowCustomValue(false);

    // Only the user's changes: setting the values above must not navigate.
    period.addValueChangeListener(event -> changedByUser(event.isFromClient()));
    from.addValueChangeListener(event -> changedByUser(event.isFromClient()));
    to.addValueChangeListener(event -> changedByUser(event.isFromClient()));
    user.addValueChangeListener(event -> changedByUser(event.isFromClient()));

    FlexLayout bar = getContent();
    bar.setId("filters");
    bar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
    bar.setAlignItems(FlexLayout.Alignment.BASELINE);
    bar.getStyle().set("gap", "var(--lumo-space-s) var(--lumo-space-m)");
    bar.add(period, from, to, user);
  }

  private static List<String> withEveryone(List<String> users) {
    return Stream.concat(Stream.of(EVERYONE), users.stream()).toList();
  }

  private void changedByUser(boolean fromClient) {
    if (!fromClient) {
      return;
    }
    String chosen = user.getValue();
    String listener = chosen == null || EVERYONE.equals(chosen) ? null : chosen;
    Period range = period.getValue() == null ? Period.ALL : period.getValue();
    boolean custom = range == Period.CUSTOM;
    from.setVisible(custom);
    to.setVisible(custom);
    try {
      onChange.accept(
          custom
              ? new DashboardFilter(range, from.getValue(), to.getValue(), listener)
              : DashboardFilter.of(range, today, listener));
    } catch (InvalidFilterException e) {
      to.setInvalid(true);
      to.setErrorMessage(e.getMessage());
    }
  }
}

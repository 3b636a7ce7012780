package io.listening.webapp.dashboard.quality;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.listening.webapp.base.ui.ChartOptions;
import io.listening.webapp.dashboard.DashboardFilter;
import io.listening.webapp.dashboard.DashboardPage;
import io.listening.webapp.dashboard.Figures;
import io.listening.webapp.dashboard.Formats;
import io.listening.webapp.dashboard.Listeners;
import io.listening.webapp.dashboard.quality.QualityQueries.Check;
import io.listening.webapp.dashboard.quality.QualityQueries.DeadLetters;
import io.listening.webapp.dashboard.quality.QualityQueries.Quality;
import io.listening.webapp.dashboard.quality.SchedulerChecks.SchedulerCheck;
import java.util.Optional;

/**
 * The published build's checks, the lake's dead letters and the data-quality DAG's own checks. These describe the build as a whole,
 * so the page says that the time range and listener do not apply rather than pretending to filter.
 */
@Route("data-quality")
@PageTitle("Data quality · Listening")
@Menu(title = "Data quality", order = 10)
class DataQualityView extends DashboardPage {

  private final QualityQueries queries;
  private final SchedulerChecks schedulerChecks;

  DataQualityView(QualityQueries queries, SchedulerChecks schedulerChecks, Listeners listeners) {
    super("Data quality", listeners);
    this.queries = queries;
    this.schedulerChecks = schedulerChecks;
  }

  @Override
  protected Optional<Component> content(DashboardFilter filter) {
    Quality quality = queries.quality();
    long passed = quality.checks().stream().filter(c -> "pass".equals(c.status())).count();
    long notPassed = quality.checks().size() - passed;
    long deadLetters = quality.deadLetters().stream().mapToLong(DeadLetters::count).sum();
    Paragraph scope =
        new Paragraph(
            "Build "
                + quality.build().buildId()
                + ". Checks and dead letters are those of the whole build: the time range and listener do not apply here.");
    scope.setId("quality-scope");
    Div page = new Div(scope);
    page.add(
        Figures.row(
            Figures.card("checks-passed", "Checks passed", Formats.count(passed)),
            Figures.card("checks-not-passed", "Checks not passed", Formats.count(notPassed)),
            Figures.card("dead-letters", "Dead letters", Formats.count(deadLetters))));
    page.add(Figures.section("Dead letters by reason", deadLetters(quality)));
    page.add(Figures.section("Checks of this build", checks(quality)));
    page.add(Figures.section("Checks of the scheduler", schedulerChecks(schedulerChecks.read())));
    return Optional.of(page);
  }

  private static Component deadLetters(Quality quality) {
    if (quality.deadLetters().isEmpty()) {
      return state("no-dead-letters", "The lake has no dead letters.");
    }
    Grid<DeadLetters> grid = new Grid<>();
    grid.setId("dead-letters-table");
    grid.addColumn(DeadLetters::reason).setHeader("Reason").setFlexGrow(3);
    grid.addColumn(d -> Formats.count(d.count())).setHeader("Dead letters").setTextAlign(ColumnTextAlign.END);
    grid.addColumn(d -> Formats.count(d.batches())).setHeader("Batches").setTextAlign(ColumnTextAlign.END);
    grid.setAllRowsVisible(true);
    grid.setItems(quality.deadLetters());
    return new Div(
        Figures.chart(
            "dead-letters-chart",
            "Dead letters per rejection reason",
            ChartOptions.bars(
                quality.deadLetters().stream().map(DeadLetters::reason).toList(),
                quality.deadLetters().stream().map(DeadLetters::count).toList(),
                "Dead letters",
                true),
            Math.max(8, quality.deadLetters().size() * 2) + "rem"),
        grid);
  }

  private static Component checks(Quality quality) {
    if (quality.checks().isEmpty()) {
      return state("no-checks", "This build recorded no checks.");
    }
    Grid<Check> grid = new Grid<>();
    grid.setId("checks-table");
    grid.addColumn(Check::status).setHeader("Status").setWidth("7rem").setFlexGrow(0);
    grid.addColumn(Check::testName).setHeader("Check").setFlexGrow(4);
    grid.addColumn(c -> c.testedModel() == null ? "" : c.testedModel()).setHeader("Model").setFlexGrow(2);
    grid.addColumn(c -> Formats.count(c.failures())).setHeader("Failing rows").setTextAlign(ColumnTextAlign.END);
    grid.setItems(quality.checks());
    grid.setHeight("24rem");
    return grid;
  }

  /** The data-quality DAG's own checks: lake reconciliation and freshness, latest outcome each. */
  private static Component schedulerChecks(SchedulerChecks.Outcome outcome) {
    if (outcome.problem().isPresent()) {
      return state("scheduler-checks-unreadable", outcome.problem().get());
    }
    if (outcome.checks().isEmpty()) {
      return state("no-scheduler-checks", "The data-quality DAG has not recorded a check yet.");
    }
    Grid<SchedulerCheck> grid = new Grid<>();
    grid.setId("scheduler-checks-table");
    grid.addColumn(SchedulerCheck::status).setHeader("Status").setWidth("7rem").setFlexGrow(0);
    grid.addColumn(SchedulerCheck::testName).setHeader("Check").setFlexGrow(2);
    grid.addColumn(c -> c.tested() == null ? "" : c.tested()).setHeader("Checked").setFlexGrow(2);
    grid.addColumn(c -> c.message() == null ? "" : c.message()).setHeader("Problems").setFlexGrow(4);
    grid.addColumn(c -> Formats.utcMinute(c.checkedAt())).setHeader("When").setFlexGrow(2);
    grid.setAllRowsVisible(true);
    grid.setItems(outcome.checks());
    return grid;
  }
}

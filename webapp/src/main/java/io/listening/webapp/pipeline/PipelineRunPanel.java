package io.listening.webapp.pipeline;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.textfield.PasswordField;
import io.listening.webapp.admin.AdminApiKey;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.web.ErrorResponseException;

/**
 * "Run the pipeline now": starts the same run as {@code POST /api/admin/pipeline-runs}, behind the
 * same admin key, and follows the latest run (pushed by the server) until its outcome.
 */
public class PipelineRunPanel extends Div {

  private final PipelineRuns runs;
  private final AdminApiKey apiKey;
  private final Clock clock;
  private final PasswordField key = new PasswordField("Admin API key");
  private final Paragraph refused = new Paragraph();
  private final Paragraph status = new Paragraph();
  private final Pre output = new Pre();
  private @Nullable Runnable unsubscribe;

  public PipelineRunPanel(PipelineRuns runs, AdminApiKey apiKey, Clock clock) {
    this.runs = runs;
    this.apiKey = apiKey;
    this.clock = clock;
    setId("pipeline");
    key.setId("pipeline-key");
    key.setHelperText("Starting a run is an admin action: the key of WEBAPP_ADMIN_API_KEY.");
    Button start = new Button("Run the pipeline now", event -> start());
    start.setId("pipeline-start");
    start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    refused.setId("pipeline-refused");
    refused.setVisible(false);
    refused.getElement().getThemeList().add("badge error");
    status.setId("pipeline-status");
    output.setId("pipeline-output");
    output.setVisible(false);
    add(
        new H3("Pipeline"),
        new Paragraph(
            "A run reads what arrived in Kafka since the last run into the lake (the Beam job),"
                + " then builds and publishes the warehouse (dbt). The dashboard shows the new"
                + " history when it has succeeded."),
        key,
        start,
        refused,
        status,
        output);
    if (!runs.enabled()) {
      start.setEnabled(false);
      status.setText("Pipeline runs are off: no command is configured (WEBAPP_PIPELINE_COMMAND).");
    }
  }

  @Override
  protected void onAttach(AttachEvent event) {
    UI ui = event.getUI();
    unsubscribe = runs.subscribe(run -> ui.access(() -> render(run)));
    runs.latest().ifPresent(this::render);
  }

  @Override
  protected void onDetach(DetachEvent event) {
    if (unsubscribe != null) {
      unsubscribe.run();
      unsubscribe = null;
    }
  }

  private void start() {
    try {
      apiKey.check(key.getValue());
      render(runs.start("from the Import page"));
      refused.setVisible(false);
    } catch (ErrorResponseException e) {
      refused.setText(e.getBody().getDetail());
      refused.setVisible(true);
    }
    key.clear();
  }

  private void render(PipelineRun run) {
    status.setText(run.describe(clock.instant()));
    status.setClassName("pipeline-" + run.status());
    status.getElement().setAttribute("data-run", run.id());
    output.setText(String.join("\n", run.outputTail()));
    output.setVisible(!run.outputTail().isEmpty());
  }
}

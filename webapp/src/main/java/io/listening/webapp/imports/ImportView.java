package io.listening.webapp.imports;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import io.listening.events.UserIds;
import io.listening.poller.exports.ImportSummary;
import io.listening.webapp.admin.AdminApiKey;
import io.listening.webapp.pipeline.PipelineRunPanel;
import io.listening.webapp.pipeline.PipelineRuns;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code /import}: upload a Spotify export (the zip Spotify sends, or its JSON files) for a
 * listener; the import runs in the background and its progress and summary are pushed to the page.
 * The dashboard shows the new history after the next pipeline run, which the page can start.
 */
@Route("import")
@PageTitle("Import")
@Menu(title = "Import", order = 13)
public class ImportView extends VerticalLayout {

  private final ImportJobs jobs;
  private final TextField user = new TextField("Listener");
  private final Paragraph refused = new Paragraph();
  private final Paragraph status = new Paragraph();
  private final ProgressBar progress = new ProgressBar(0, 100);
  private final Div summary = new Div();
  private volatile String userId = "";
  private @Nullable UI ui;
  private @Nullable Runnable unsubscribe;

  public ImportView(
      ImportJobs jobs,
      ImportProperties properties,
      PipelineRuns pipelineRuns,
      AdminApiKey apiKey,
      Clock clock) {
    this.jobs = jobs;
    user.setId("import-user");
    user.setRequired(true);
    user.setPattern(UserIds.PATTERN);
    user.setHelperText("Whose history it is: the export carries no name. " + UserIds.RULE);
    user.addValueChangeListener(event -> userId = event.getValue().strip());

    Upload upload = new Upload(UploadHandler.toTempFile((metadata, file) -> received(metadata.fileName(), file.toPath())));
    upload.setId("import-upload");
    upload.setAcceptedFileTypes(".zip", ".json", "application/zip", "application/json");
    upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, properties.maxUploadSize().toBytes()));
    upload.addFileRejectedListener(event -> refuse(event.getErrorMessage()));

    refused.setId("import-refused");
    refused.setVisible(false);
    refused.getElement().getThemeList().add("badge error");
    status.setId("import-status");
    progress.setId("import-progress");
    progress.setVisible(false);
    summary.setId("import-summary");
    add(
        new H1("Import"),
        new Paragraph(
            "Upload the export Spotify sends (my_spotify_data.zip, or its StreamingHistory and"
                + " Streaming_History_Audio JSON files). Its plays are published to Kafka; the"
                + " dashboard shows them after the next pipeline run (below). Importing the same"
                + " export again adds nothing."),
        user,
        upload,
        refused,
        status,
        progress,
        summary,
        new PipelineRunPanel(pipelineRuns, apiKey, clock));
  }

  @Override
  protected void onAttach(AttachEvent event) {
    UI attached = event.getUI();
    ui = attached;
    unsubscribe = jobs.subscribe(run -> attached.access(() -> render(run)));
    jobs.current().ifPresent(this::render);
  }

  @Override
  protected void onDetach(DetachEvent event) {
    if (unsubscribe != null) {
      unsubscribe.run();
    }
    ui = null;
  }

  /** On the upload's request thread, after the whole file arrived. */
  private void received(String name, Path file) {
    try {
      jobs.start(file, name, userId);
      access(() -> refused.setVisible(false));
    } catch (RejectedUploadException e) {
      access(() -> refuse(e.getMessage()));
    }
  }

  private void access(Runnable change) {
    UI current = ui;
    if (current != null) {
      current.access(change::run);
    }
  }

  private void refuse(String message) {
    refused.setText(message);
    refused.setVisible(true);
  }

  private void render(ImportRun run) {
    summary.removeAll();
    switch (run.state()) {
      case RUNNING -> {
        status.setText(
            String.format(
                Locale.ROOT,
                "Importing %s for %s: %d%%, %,d records%s",
                run.upload(),
                run.userId(),
                run.percent(),
                run.records(),
                run.currentFile() == null ? "" : ", reading " + run.currentFile()));
        progress.setVisible(true);
        progress.setValue(run.percent());
      }
      case DONE -> {
        progress.setVisible(false);
        status.setText("Imported " + run.upload() + " for " + run.userId() + ".");
        if (run.summary() != null) {
          summary.add(describe(run.summary()));
        }
      }
      case FAILED -> {
        progress.setVisible(false);
        status.setText("The import of " + run.upload() + " for " + run.userId() + " stopped: " + run.problem());
      }
    }
    status.setClassName("import-" + run.state().name().toLowerCase(Locale.ROOT));
  }

  private static Div describe(ImportSummary result) {
    UnorderedList counts = new UnorderedList();
    counts.add(
        count("records", "Records read", result.records()),
        count("imported", "Streams imported", result.imported()),
        count("duplicates", "Duplicates (the same play twice in the export)", result.duplicates()),
        count("episodes", "Episodes left out" + kinds(result.episodesByKind()), result.episodes()),
        count("rejected", "Rejected", result.rejected()),
        count("already-imported", "Already imported before", result.alreadyImported()));
    Div box = new Div(new H3("Summary"), counts);
    if (!result.rejectedByReason().isEmpty()) {
      UnorderedList reasons = new UnorderedList();
      reasons.setId("import-rejections");
      result
          .rejectedByReason()
          .forEach(
              (reason, rejections) ->
                  reasons.add(
                      new ListItem(
                          String.format(
                              Locale.ROOT,
                              "%s: %,d (first: %s)",
                              reason,
                              rejections.count(),
                              rejections.firstExample()))));
      box.add(new H3("Rejected records"), reasons);
    }
    if (!result.brokenFiles().isEmpty()) {
      UnorderedList broken = new UnorderedList();
      broken.setId("import-broken-files");
      result
          .brokenFiles()
          .forEach(file -> broken.add(new ListItem(file.name() + " is broken, " + file.problem())));
      box.add(new H3("Broken files"), broken);
    }
    return box;
  }

  private static ListItem count(String id, String label, long value) {
    ListItem item = new ListItem(String.format(Locale.ROOT, "%s: %,d", label, value));
    item.setId("import-" + id);
    item.getElement().setAttribute("data-value", Long.toString(value));
    return item;
  }

  private static String kinds(Map<String, Long> byKind) {
    if (byKind.isEmpty()) {
      return "";
    }
    StringBuilder text = new StringBuilder(" (");
    byKind.forEach((kind, n) -> text.append(text.length() > 2 ? ", " : "").append(n).append(' ').append(kind));
    return text.append(')').toString();
  }
}

package io.listening.webapp.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The UI's one error path: an error no view handled is logged once and shown to the user as a short
 * notification, never as a stack trace.
 */
@Component
class MainErrorHandler implements VaadinServiceInitListener {

  private static final Logger log = LoggerFactory.getLogger(MainErrorHandler.class);

  @Override
  public void serviceInit(ServiceInitEvent event) {
    event
        .getSource()
        .addSessionInitListener(
            sessionInit ->
                sessionInit
                    .getSession()
                    .setErrorHandler(
                        error -> {
                          log.error("Unexpected error in the UI", error.getThrowable());
                          UI ui = UI.getCurrent();
                          if (ui != null) {
                            ui.access(
                                () ->
                                    Notification.show(
                                            "Something went wrong; the server log has the details.",
                                            5000,
                                            Notification.Position.MIDDLE)
                                        .addThemeVariants(NotificationVariant.LUMO_ERROR));
                          }
                        }));
  }
}

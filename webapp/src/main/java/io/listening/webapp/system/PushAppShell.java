package io.listening.webapp.system;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;

/**
 * The application shell: server push on, so views updated from a background thread (the
 * now-playing view, fed by Kafka) reach the browser without a reload. Vaadin allows one shell per
 * application, which is why it lives here and not with a view.
 */
@Push
public class PushAppShell implements AppShellConfigurator {}

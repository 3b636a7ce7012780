package io.listening.webapp.base.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import java.util.List;

/**
 * The app's frame: a title bar and a side navigation that is a drawer on narrow screens. The
 * navigation lists every view annotated with {@code @Menu}, in its {@code order}: a new page (a
 * "Now playing" view, say) appears by annotating its route, with no change here. Links keep the
 * current query parameters, so the dashboard's filter follows the user from page to page.
 */
@Layout
@CssImport("./dashboard.css")
public class MainLayout extends AppLayout implements AfterNavigationObserver {

  private final SideNav navigation = new SideNav();

  public MainLayout() {
    setPrimarySection(Section.DRAWER);
    DrawerToggle toggle = new DrawerToggle();
    toggle.setAriaLabel("Show or hide the navigation");
    H2 title = new H2("Listening");
    title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
    addToNavbar(toggle, title);
    navigation.setId("side-nav");
    navigation.setLabel("Pages");
    Nav wrapper = new Nav(navigation);
    wrapper.getStyle().set("padding", "var(--lumo-space-s)");
    addToDrawer(wrapper);
  }

  @Override
  public void afterNavigation(AfterNavigationEvent event) {
    QueryParameters query = event.getLocation().getQueryParameters();
    navigation.removeAll();
    List<MenuEntry> entries = MenuConfiguration.getMenuEntries();
    for (MenuEntry entry : entries) {
      SideNavItem item = new SideNavItem(entry.title(), entry.path());
      item.setQueryParameters(query);
      navigation.addItem(item);
    }
  }
}

package org.compassioncourse.base.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.NavigationTrigger;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.compassioncourse.security.CurrentUser;

/**
 * The application shell: a header with the course name and the user's name and logout button, and
 * a navigation menu built from the views' {@code @Menu} entries, which lists only what the user may open.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final java.util.List<MenuBadge> badges;
    private final boolean signedIn;
    private final java.util.Map<String, SideNavItem> items = new java.util.HashMap<>();
    /** When each badge was last read: a badge is read again only when it may have changed (see {@link #showBadges}). */
    private final java.util.Map<MenuBadge, java.time.Instant> badgeReadAt = new java.util.HashMap<>();
    private final java.time.Clock clock;
    private String previousPath = "";

    /** A badge's note may lag behind the passing of time by at most this (e.g. a review card falling due). */
    static final java.time.Duration BADGE_MAX_AGE = java.time.Duration.ofMinutes(1);

    public MainLayout(AuthenticationContext authenticationContext, java.util.List<MenuBadge> badges, java.time.Clock clock) {
        this.badges = badges;
        this.clock = clock;
        this.signedIn = authenticationContext.isAuthenticated();
        setPrimarySection(Section.DRAWER);

        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel("Show or hide the menu");
        Span appName = new Span("Compassion Course");
        appName.addClassName("app-name");

        Div user = new Div();
        user.addClassName("user-box");
        authenticationContext.getAuthenticatedUser(CurrentUser.class).ifPresent(current -> {
            Span name = new Span(current.displayName());
            name.setId("current-user-name");
            Span role = new Span((current.isInstructor() ? "Instructor" : "Learner") + (current.isAdministrator() ? " · Administrator" : ""));
            role.addClassName("role-badge");
            user.add(name, role);
        });
        Button logout = new Button("Log out", click -> authenticationContext.logout());
        logout.setId("logout");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        user.add(logout);

        // first stop for the Tab key: past the header and menu straight to the page (visible when focused)
        Button skip = new Button("Skip to content", click -> getElement().executeJs(
                "const m = document.querySelector('main'); if (m) { m.setAttribute('tabindex', '-1'); m.focus(); }"));
        skip.setId("skip-to-content");
        skip.addClassName("skip-link");
        Header header = new Header(skip, toggle, appName, user);
        header.addClassName("app-header");
        addToNavbar(header);
        addToDrawer(navigation());
    }

    private SideNav navigation() {
        SideNav nav = new SideNav();
        nav.setLabel("Main menu");
        nav.setId("main-menu");
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = new SideNavItem(entry.title(), entry.path());
            if (entry.icon() != null) {
                item.setPrefixComponent(new Icon(entry.icon()));
            }
            nav.addItem(item);
            items.put(entry.path().replaceFirst("^/", ""), item);
        }
        return nav;
    }

    /**
     * Read on the first page, after leaving or entering the badge's own page (where its count changes, e.g. reviews
     * done, so the next page shows it), and once it is older than {@link #BADGE_MAX_AGE}; not on every navigation, as
     * each read is a query.
     */
    private void showBadges(String path) {
        if (!signedIn) {
            return;
        }
        java.time.Instant now = clock.instant();
        for (MenuBadge badge : badges) {
            SideNavItem item = items.get(badge.path());
            java.time.Instant readAt = badgeReadAt.get(badge);
            boolean mayHaveChanged = readAt == null || !now.isBefore(readAt.plus(BADGE_MAX_AGE))
                    || onPage(path, badge.path()) || onPage(previousPath, badge.path());
            if (item != null && mayHaveChanged) {
                badgeReadAt.put(badge, now);
                String text = badge.text();
                if (text.isEmpty()) {
                    item.setSuffixComponent(null);
                } else {
                    Span note = new Span(text);
                    note.addClassName("menu-badge");
                    note.getElement().setAttribute("theme", "badge pill small");
                    item.setSuffixComponent(note);
                }
            }
        }
    }

    /**
     * Reads one badge again now: for a page that changes its own badge's count while the learner stays on it (the
     * review page after each answer), so the menu and the page say the same.
     */
    public void refreshBadge(String path) {
        badges.stream().filter(badge -> badge.path().equals(path)).forEach(badgeReadAt::remove);
        showBadges(previousPath);
    }

    /**
     * A page reached inside the app starts at its top, as a freshly loaded page would; without this the scroll
     * position of the page before (e.g. a long quiz) carried over and a result opened at its bottom. Going back keeps
     * the browser's behaviour, and a link to a place on a page (#...) is left to that page.
     */
    private static boolean onPage(String path, String page) {
        return path.equals(page) || path.startsWith(page + "/");
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        String path = event.getLocation().getPath();
        showBadges(path);
        previousPath = path;
        NavigationTrigger trigger = event.getLocationChangeEvent().getTrigger();
        if ((trigger == NavigationTrigger.ROUTER_LINK || trigger == NavigationTrigger.UI_NAVIGATE
                || trigger == NavigationTrigger.PROGRAMMATIC) && getContent() != null) {
            getContent().getElement().executeJs("if (!window.location.hash) { this.scrollIntoView({block: 'start'}); }");
        }
    }
}

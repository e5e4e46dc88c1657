package org.compassioncourse.lrs.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.compassioncourse.base.ui.SelectLists;
import org.compassioncourse.base.ui.UserTime;
import org.compassioncourse.lrs.LrsAdministration;
import org.compassioncourse.lrs.OutboxRow;
import org.compassioncourse.lrs.OutboxStatus;
import org.compassioncourse.security.Role;

import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The learning record store's outbox: statements waiting, retrying, refused (with the store's answer) and sent; "retry now". */
@Route(LrsOutboxView.ROUTE)
@PageTitle("Learning record store · Administration · Compassion Course")
@RolesAllowed(Role.ADMINISTRATOR_NAME)
public class LrsOutboxView extends Main {

    static final String ROUTE = "administration/lrs";

    final Select<OutboxStatus> statusFilter = new Select<>();
    final Paragraph summary = new Paragraph();
    final Button retryNow = new Button("Retry now");
    final Grid<OutboxRow> grid = new Grid<>();
    private final LrsAdministration lrs;

    public LrsOutboxView(LrsAdministration lrs) {
        this.lrs = lrs;
        addClassNames("page", "administration-page");
        setId("lrs-outbox");
        String endpoint = lrs.endpoint();
        Paragraph settings = new Paragraph(endpoint == null
                ? "No learning record store is configured (course.lrs.endpoint): nothing is sent, and instructors download "
                + "statements from their cohort pages."
                : "Statements go to " + endpoint + " as learners act: each is written with the learner's action and sent "
                + "right after it; a store that does not answer is tried again later, ever less often.");
        settings.setId("lrs-settings");

        statusFilter.setLabel("Show");
        statusFilter.setId("lrs-status-filter");
        statusFilter.setItems(OutboxStatus.values());
        statusFilter.setItemLabelGenerator(OutboxStatus::label);
        statusFilter.setValue(OutboxStatus.FAILED);
        SelectLists.named(statusFilter, "Statements to show");
        statusFilter.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        retryNow.setId("lrs-retry-now");
        retryNow.addClickListener(click -> retry());
        FlexLayout filters = new FlexLayout(statusFilter, retryNow);
        filters.addClassName("inline-form");
        summary.setId("lrs-summary");

        grid.addColumn(row -> UserTime.dateTime(row.createdAt())).setHeader("Written").setFlexGrow(0).setWidth("10rem");
        grid.addColumn(OutboxRow::verbName).setHeader("Verb").setFlexGrow(0).setWidth("8rem");
        grid.addColumn(OutboxRow::objectId).setHeader("Activity").setFlexGrow(3).setWidth("14rem");
        grid.addColumn(OutboxRow::tries).setHeader("Tries").setFlexGrow(0).setWidth("5rem");
        grid.addColumn(this::lastAnswer).setHeader("Store's last answer").setFlexGrow(3).setWidth("14rem");
        grid.addColumn(this::when).setHeader("Sent / next try").setFlexGrow(0).setWidth("10rem");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAriaLabel("Statements, newest first");
        grid.setId("lrs-grid");
        grid.setPageSize(50);
        grid.setEmptyStateText("No statements here.");
        grid.setItems(query -> lrs.statements(Objects.requireNonNull(statusFilter.getValue()), query.getOffset(), query.getLimit()).stream(),
                query -> Math.toIntExact(lrs.count(Objects.requireNonNull(statusFilter.getValue()))));
        add(new H1("Learning record store"), links(), settings, summary, filters, grid);
        showCounts();
    }

    /** The administration pages' links (administration/ui draws the same on its pages). */
    private static Nav links() {
        Anchor accounts = new Anchor("administration", "Accounts");
        Anchor audit = new Anchor("administration/audit", "Audit log");
        Anchor store = new Anchor(ROUTE, "Learning record store");
        store.getElement().setAttribute("aria-current", "page");
        Nav nav = new Nav(accounts, new Span(" · "), audit, new Span(" · "), store);
        nav.setAriaLabel("Administration pages");
        nav.addClassName("admin-links");
        return nav;
    }

    private void showCounts() {
        Map<OutboxStatus, Long> counts = lrs.counts();
        summary.setText(Stream.of(OutboxStatus.values()).map(s -> s.label() + ": " + counts.getOrDefault(s, 0L))
                .collect(Collectors.joining(" · ")));
        retryNow.setEnabled(counts.getOrDefault(OutboxStatus.FAILED, 0L) + counts.getOrDefault(OutboxStatus.RETRYING, 0L) > 0);
    }

    private void retry() {
        int due = lrs.retryNow();
        Notification.show(due + (due == 1 ? " statement is" : " statements are") + " being sent again.", 4000,
                Notification.Position.BOTTOM_START);
        showCounts();
        grid.getDataProvider().refreshAll();
    }

    private String lastAnswer(OutboxRow row) {
        if (row.tries() == 0) {
            return "";
        }
        String status = row.lastStatus() == null ? "no answer" : "HTTP " + row.lastStatus();
        return row.lastMessage() == null ? status : status + ": " + row.lastMessage();
    }

    private String when(OutboxRow row) {
        if (row.sentAt() != null) {
            return UserTime.dateTime(row.sentAt());
        }
        return row.nextTryAt() == null ? "" : UserTime.dateTime(row.nextTryAt());
    }
}

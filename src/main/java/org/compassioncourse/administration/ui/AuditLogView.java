package org.compassioncourse.administration.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.compassioncourse.administration.AccountAdministration;
import org.compassioncourse.administration.AuditRow;
import org.compassioncourse.security.Role;
import org.compassioncourse.base.ui.UserTime;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** The audit log of administrative actions, newest first, paged by the database. Read only: the app has no way to edit it. */
@Route(AuditLogView.ROUTE)
@PageTitle("Audit log · Administration · Compassion Course")
@RolesAllowed(Role.ADMINISTRATOR_NAME)
public class AuditLogView extends Main {

    static final String ROUTE = "administration/audit";

    final Grid<AuditRow> grid = new Grid<>();

    public AuditLogView(AccountAdministration administration) {
        addClassNames("page", "administration-page");
        setId("audit-log");
        grid.addColumn(row -> UserTime.dateTime(row.occurredAt())).setHeader("When").setFlexGrow(0).setWidth("10rem");
        grid.addColumn(AuditRow::actorLabel).setHeader("Who").setFlexGrow(2).setWidth("10rem");
        grid.addColumn(row -> row.action().label()).setHeader("What").setFlexGrow(1).setWidth("9rem");
        grid.addColumn(AuditRow::subjectLabel).setHeader("On whom").setFlexGrow(3).setWidth("12rem");
        grid.addColumn(row -> readableTimes(row.detail())).setHeader("Detail").setFlexGrow(2).setWidth("10rem");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAriaLabel("Audit log, newest first");
        grid.setId("audit-grid");
        grid.setPageSize(50);
        grid.setEmptyStateText("No administrative actions yet.");
        grid.setItems(query -> administration.auditLog(query.getOffset(), query.getLimit()).stream(),
                query -> Math.toIntExact(administration.countAuditEntries()));
        add(new H1("Audit log"), AdministrationLinks.between(false),
                new Paragraph("Every role change, invitation, deactivation, reactivation and erasure, every certificate "
                        + "an instructor revoked or reinstated, and every \"retry now\" on the learning record store's outbox, "
                        + "with who did it and when (in your time zone). People are shown "
                        + "by their current name; an erased learner appears as \"Former learner\"."),
                grid);
    }

    private static final Pattern ISO_INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?Z");

    /** Times written into a detail as ISO instants ("link valid until 2026-12-14T09:30:00Z") read as the page's other times. */
    static String readableTimes(String detail) {
        return ISO_INSTANT.matcher(detail).replaceAll(match -> {
            try {
                return java.util.regex.Matcher.quoteReplacement(UserTime.dateTime(Instant.parse(match.group())));
            } catch (DateTimeParseException notATime) {
                return java.util.regex.Matcher.quoteReplacement(match.group());
            }
        });
    }
}

package org.compassioncourse.completion.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeader;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import org.compassioncourse.cohort.CohortException;
import org.compassioncourse.completion.CompletionService;
import org.compassioncourse.completion.EvaluationCsvExport;
import org.compassioncourse.completion.EvaluationResults;

/**
 * A cohort's course evaluations added up, for its instructor: the mean and the counts per point for each statement,
 * comments without names, and all of it as CSV.
 */
@Route("instructor/cohort/:cohortId/evaluation")
@PageTitle("Course evaluation · Cohort · Compassion Course")
@RolesAllowed("INSTRUCTOR")
public class CohortEvaluationView extends Main implements BeforeEnterObserver {

    private final CompletionService completion;
    private final EvaluationCsvExport csvExport;

    public CohortEvaluationView(CompletionService completion, EvaluationCsvExport csvExport) {
        this.completion = completion;
        this.csvExport = csvExport;
        addClassNames("page", "cohort-evaluation-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        EvaluationResults results;
        long cohortId;
        try {
            cohortId = Long.parseLong(event.getRouteParameters().get("cohortId").orElse(""));
            results = completion.cohortEvaluation(cohortId);
        } catch (NumberFormatException | CohortException notYours) {
            add(new H1("Cohort not found"), new Paragraph("There is no such cohort among yours."), new Anchor("instructor", "Back to your cohorts"));
            return;
        }
        add(new H1("Course evaluation: " + results.cohortName()));
        Paragraph responses = new Paragraph(results.responses() + (results.responses() == 1 ? " learner has" : " learners have")
                + " sent the evaluation.");
        responses.setId("evaluation-responses");
        long exported = cohortId;
        DownloadHandler csv = download -> {
            download.setFileName("evaluation-cohort-" + exported + ".csv");
            download.setContentType("text/csv;charset=UTF-8");
            try (java.io.Writer out = new java.io.OutputStreamWriter(download.getOutputStream(), java.nio.charset.StandardCharsets.UTF_8)) {
                csvExport.write(exported, out);
            }
        };
        Anchor csvLink = new Anchor(csv, "Download the evaluation (CSV)");
        csvLink.setId("download-evaluation");
        add(responses, new Paragraph(new Anchor("instructor/cohort/" + cohortId, "Back to the cohort")), new Paragraph(csvLink));
        Paragraph meanNote = new Paragraph("Mean: the average point, from 1 (" + (results.scale().isEmpty() ? "" : results.scale().getFirst())
                + ") to " + results.scale().size() + " (" + (results.scale().isEmpty() ? "" : results.scale().getLast()) + ").");
        meanNote.setId("evaluation-mean-note");
        add(meanNote);
        NativeTable table = new NativeTable();
        table.setId("evaluation-counts");
        NativeTableRow head = new NativeTableRow(new NativeTableHeaderCell("Statement"), new NativeTableHeaderCell("Mean"));
        results.scale().forEach(point -> head.add(new NativeTableHeaderCell(point)));
        table.add(new NativeTableHeader(head));
        NativeTableBody body = new NativeTableBody();
        String group = null;
        for (EvaluationResults.LikertItem item : results.likert()) {
            if (!item.group().equals(group)) {
                // the statements under their lesson, as learners met them, so a weak objective is read with its lesson
                group = item.group();
                NativeTableHeaderCell heading = new NativeTableHeaderCell(group);
                heading.getElement().setAttribute("colspan", String.valueOf(2 + results.scale().size()));
                heading.getElement().setAttribute("scope", "colgroup");
                heading.addClassName("evaluation-group");
                body.add(new NativeTableRow(heading));
            }
            NativeTableRow row = new NativeTableRow(new NativeTableCell(item.text()), new NativeTableCell(item.meanText()));
            item.counts().forEach(count -> row.add(new NativeTableCell(String.valueOf(count))));
            body.add(row);
        }
        table.add(body);
        add(table);
        add(new H2("Comments"));
        UnorderedList comments = new UnorderedList();
        comments.setId("evaluation-comments");
        results.comments().forEach(c -> comments.add(new ListItem(c.question() + " — " + c.text())));
        if (results.comments().isEmpty()) {
            comments.add(new ListItem("No comments yet."));
        }
        add(comments);
    }
}

package org.compassioncourse.instructor.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.data.renderer.LitRenderer;
import org.compassioncourse.base.Percent;
import org.compassioncourse.content.Course;
import org.compassioncourse.content.QuizSettings;
import org.compassioncourse.instructor.ItemAnalysisService;
import org.compassioncourse.instructor.ItemStatistics;

import java.util.List;
import java.util.Locale;

/**
 * Per-question statistics of one test, worked out when the instructor asks: over a large cohort they read every
 * response (hundreds of thousands), which the page's first load should not wait for.
 */
final class ItemAnalysisSection extends Section {

    private final ItemAnalysisService itemAnalysis;
    private final Course course;

    ItemAnalysisSection(ItemAnalysisService itemAnalysis, Course course, long cohortId, QuizSettings.Kind kind, String title) {
        this.itemAnalysis = itemAnalysis;
        this.course = course;
        add(new H2(title));
        setId("items-" + kind.yamlName());
        Button show = new Button("Show item analysis");
        show.setId("show-items-" + kind.yamlName());
        show.setAriaLabel("Show " + title);
        show.addClickListener(click -> {
            remove(show);
            showReport(cohortId, kind, title);
            // the button pressed is gone: keyboard focus goes to what replaced it, not back to the top of the page
            getElement().setAttribute("tabindex", "-1");
            getElement().executeJs("this.focus()");
        });
        add(show);
    }

    /** The rows are the bank's questions (a bounded list), not learners. */
    private void showReport(long cohortId, QuizSettings.Kind kind, String title) {
        ItemStatistics.Report report = itemAnalysis.report(cohortId, kind);
        long older = itemAnalysis.attemptsOnEarlierVersions(cohortId, kind);
        if (older > 0) {
            Paragraph versions = new Paragraph("Course version " + course.version() + " only: " + older
                    + (older == 1 ? " attempt" : " attempts") + " taken on an earlier version " + (older == 1 ? "is" : "are")
                    + " left out, because questions may have been reworded since.");
            versions.setId("items-" + kind.yamlName() + "-versions");
            add(versions);
        }
        if (report.attempts() == 0) {
            add(new Paragraph("No submitted attempts yet."));
            return;
        }
        Paragraph test = new Paragraph(report.attempts() + (report.attempts() == 1 ? " submitted attempt" : " submitted attempts") + " · mean " + Percent.format(report.meanPercent() / 100)
                + (report.cronbachAlpha() == null ? "" : " · Cronbach's alpha " + String.format(Locale.UK, "%.2f", report.cronbachAlpha()))
                + (report.standardErrorPercent() == null ? "" : " · standard error " + String.format(Locale.UK, "%.1f", report.standardErrorPercent()) + " points"));
        add(test);
        if (report.items().isEmpty()) {
            return;
        }
        Grid<ItemStatistics.ItemStat> items = new Grid<>();
        // Lit templates, not a component per cell: a bank of 150 questions made hundreds of server-side components
        // and took seconds to show; Lit binds text, so question wording cannot inject markup
        items.addColumn(LitRenderer.<ItemStatistics.ItemStat>of(
                        "<div>${item.scenario ? html`<span class=\"item-scenario\">${item.scenario} </span>` : ''}"
                                + "<span>${item.stem}</span><span class=\"item-id\">${item.id}</span></div>")
                        .withProperty("scenario", this::scenarioShown)
                        .withProperty("stem", this::stemShown)
                        .withProperty("id", ItemStatistics.ItemStat::questionId))
                .setHeader("Question").setFlexGrow(4).setWidth("16rem");
        // soft hyphens let long one-word headers break instead of being cut off
        items.addColumn(ItemStatistics.ItemStat::responses).setHeader("Respon\u00ADses").setWidth("6.5rem").setFlexGrow(0);
        items.addColumn(item -> Percent.format(item.facility())).setHeader("Facility").setWidth("6.5rem").setFlexGrow(0);
        items.addColumn(item -> item.discrimination() == null ? "—" : String.format(Locale.UK, "%.2f", item.discrimination()))
                .setHeader("Discrimi\u00ADnation").setWidth("7rem").setFlexGrow(0);
        // one line each: option texts may themselves contain commas or semicolons
        items.addColumn(LitRenderer.<ItemStatistics.ItemStat>of(
                        "${item.lines.length === 0 ? '—' : html`<ul class=\"option-counts\">${item.lines.map(line => html`<li>${line}</li>`)}</ul>`}")
                        .withProperty("lines", itemAnalysis::breakdown))
                .setHeader("Choices or parts (✓ = key)").setFlexGrow(3).setWidth("14rem");
        items.addColumn(ItemAnalysisSection::flags).setHeader("Flags").setFlexGrow(2).setWidth("10rem");
        items.setItems(report.items());
        items.setAllRowsVisible(true);
        items.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        items.setAriaLabel(title);
        add(items);
    }

    /** The question's scenario as learners met it, shortened; empty when it has none or is no longer in the course. */
    private String scenarioShown(ItemStatistics.ItemStat item) {
        return course.question(item.questionId())
                .map(question -> question.scenario() == null || question.scenario().isBlank() ? "" : shorten(question.scenario(), 120))
                .orElse("");
    }

    /** The stem as learners met it; the id under it finds the question in the course files. */
    private String stemShown(ItemStatistics.ItemStat item) {
        return course.question(item.questionId()).map(question -> question.stem()).orElse("(no longer in the course)");
    }

    private static String flags(ItemStatistics.ItemStat item) {
        if (item.flags().isEmpty()) {
            return "—";
        }
        if (item.flags().equals(List.of(ItemStatistics.TOO_FEW_RESPONSES))) {
            return "too few responses to judge (under " + ItemStatistics.MIN_RESPONSES_TO_FLAG + ")";
        }
        return "⚠ " + String.join(", ", item.flags());
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, Math.max(text.lastIndexOf(' ', max), max / 2)) + "…";
    }
}

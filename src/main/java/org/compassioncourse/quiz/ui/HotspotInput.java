package org.compassioncourse.quiz.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import org.compassioncourse.base.ui.SelectLists;
import org.compassioncourse.quiz.Answer;
import org.compassioncourse.quiz.QuestionFeedback;
import org.compassioncourse.quiz.QuestionPaper;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Hotspot: the brain figure, where clicking a region chooses it, and the same regions in a labelled drop-down,
 * so the question can be answered by keyboard and screen reader too. Whichever way a region is chosen, the figure
 * marks it; once the key is known (feedback, review) it marks the correct one as well. Each mark has its own
 * pattern and outline and is named in a legend beside the figure, so colour is never the only signal.
 */
class HotspotInput implements QuestionInput {

    /** Evaluated in the browser on click: the region id of the clicked figure element, or ''. */
    private static final String CLICKED_REGION =
            "event.target.closest('[data-region]') ? event.target.closest('[data-region]').dataset.region : ''";

    private final Div root = new Div();
    private final Div figureHolder = new Div();
    private final Div legend = new Div();
    private final Select<QuestionPaper.Choice> select = new Select<>();
    private final List<QuestionPaper.Choice> regions;
    private final List<Runnable> listeners = new ArrayList<>();
    private final String svg;
    private final String patternPrefix;
    private boolean readOnly;
    private @Nullable String correctRegion;

    HotspotInput(QuestionPaper paper, FigureSource figures) {
        root.addClassName("hotspot");
        regions = figures.regions(paper.figureId());
        svg = figures.svg(paper.figureId());
        patternPrefix = "mark-" + paper.id().replaceAll("[^A-Za-z0-9_-]", "_");
        figureHolder.addClassName("html-holder");
        figureHolder.getElement().addEventListener("click", event -> {
            var data = event.getEventData().get(CLICKED_REGION);
            String region = data == null ? "" : data.asString("");
            if (!readOnly && region != null && !region.isEmpty()) {
                regions.stream().filter(r -> r.id().equals(region)).findFirst().ifPresent(r -> {
                    select.setValue(r);
                    listeners.forEach(Runnable::run);
                });
            }
        }).addEventData(CLICKED_REGION);
        legend.addClassName("hotspot-legend");
        legend.setId("hotspot-legend-" + paper.id());
        legend.getElement().setAttribute("aria-live", "polite");
        select.setLabel("Region (click it on the figure, or choose it here)");
        SelectLists.named(select, "Regions");
        select.setItems(regions);
        select.setItemLabelGenerator(QuestionPaper.Choice::text);
        select.setPlaceholder("Choose a region");
        select.setId("hotspot-" + paper.id());
        select.addValueChangeListener(e -> {
            redraw(); // a choice from the list shows on the figure just as a click does
            if (e.isFromClient()) {
                listeners.forEach(Runnable::run);
            }
        });
        // on a phone the figure keeps a size at which each region can be touched, so part of it lies off screen: say so
        Span scrollHint = new Span("The figure scrolls sideways: swipe it to see all of it, or choose the region from the list below.");
        scrollHint.addClassName("hotspot-scroll-hint");
        root.add(scrollHint, figureHolder, legend, select);
        redraw();
    }

    /** The figure with the learner's region and, once known, the correct one marked; the legend names both. */
    private void redraw() {
        String yours = Optional.ofNullable(select.getValue()).map(QuestionPaper.Choice::id).orElse(null);
        figureHolder.removeAll();
        figureHolder.add(new Html("<div class=\"brain-figure hotspot-figure\">" + marked(yours) + "</div>"));
        legend.removeAll();
        if (yours != null) {
            legend.add(legendLine("mark-yours", "Your answer: " + name(yours)
                    + (correctRegion == null ? "" : correctRegion.equals(yours) ? " ✓ (right)" : " ✗ (not this one)")));
        }
        if (correctRegion != null) {
            legend.add(legendLine("mark-correct", "Correct answer: " + name(correctRegion)));
        }
    }

    private static Div legendLine(String mark, String text) {
        Span swatch = new Span();
        swatch.addClassNames("legend-swatch", mark);
        swatch.getElement().setAttribute("aria-hidden", "true");
        Span words = new Span(text);
        words.addClassName("legend-text");
        Div line = new Div(swatch, words);
        line.addClassNames("legend-line", mark + "-line");
        return line;
    }

    private String name(String regionId) {
        return regions.stream().filter(r -> r.id().equals(regionId)).map(QuestionPaper.Choice::text).findFirst().orElse(regionId);
    }

    /**
     * Marks regions in the markup: hatching and a dashed outline for the learner's answer, dots and a thick solid
     * outline for the correct one (both when they are the same region).
     */
    private String marked(@Nullable String yours) {
        if (yours == null && correctRegion == null) {
            return svg;
        }
        String result = svg;
        for (QuestionPaper.Choice region : regions) {
            boolean isYours = region.id().equals(yours);
            boolean isCorrect = region.id().equals(correctRegion);
            if (!isYours && !isCorrect) {
                continue;
            }
            String classes = (isYours ? " mark-yours" : "") + (isCorrect ? " mark-correct" : "");
            String pattern = patternPrefix + (isCorrect ? "-correct" : "-yours");
            result = result.replace("class=\"region region--" + region.id() + "\"",
                    "class=\"region region--" + region.id() + classes + "\" style=\"fill: url(#" + pattern + ")\"");
        }
        String defs = "<defs>"
                + "<pattern id=\"" + patternPrefix + "-yours\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" patternTransform=\"rotate(45)\">"
                + "<rect width=\"6\" height=\"6\" fill=\"#f2b84b\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#3b2a00\" stroke-width=\"2\"/></pattern>"
                + "<pattern id=\"" + patternPrefix + "-correct\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\">"
                + "<rect width=\"6\" height=\"6\" fill=\"#bfe3c9\"/><circle cx=\"3\" cy=\"3\" r=\"1.5\" fill=\"#0d3d1f\"/></pattern></defs>";
        int endOfOpeningTag = result.indexOf('>', result.indexOf("<svg"));
        return endOfOpeningTag < 0 ? result : result.substring(0, endOfOpeningTag + 1) + defs + result.substring(endOfOpeningTag + 1);
    }

    @Override
    public Component component() {
        return root;
    }

    @Override
    public Optional<Answer> answer() {
        return Optional.ofNullable(select.getValue()).map(r -> new Answer.Region(r.id()));
    }

    @Override
    public void show(Answer answer) {
        if (answer instanceof Answer.Region region) {
            regions.stream().filter(r -> r.id().equals(region.regionId())).findFirst().ifPresent(select::setValue);
        }
    }

    /** The key arrives as the region's name (as the feedback shows it); the figure marks that region too. */
    @Override
    public void showResult(QuestionFeedback feedback) {
        correctRegion = regions.stream().filter(r -> r.text().equals(feedback.key())).map(QuestionPaper.Choice::id)
                .findFirst().orElse(null);
        redraw();
    }

    @Override
    public void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
        select.setReadOnly(readOnly);
    }

    @Override
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }
}

package org.compassioncourse.quiz.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import org.compassioncourse.base.ui.SelectLists;
import org.compassioncourse.quiz.Answer;
import org.compassioncourse.quiz.QuestionPaper;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Hotspot: the brain figure, where clicking a region chooses it, and the same regions in a labelled drop-down,
 * so the question can be answered by keyboard and screen reader too.
 */
class HotspotInput implements QuestionInput {

    /** Evaluated in the browser on click: the region id of the clicked figure element, or ''. */
    private static final String CLICKED_REGION =
            "event.target.closest('[data-region]') ? event.target.closest('[data-region]').dataset.region : ''";

    private final Div root = new Div();
    private final Select<QuestionPaper.Choice> select = new Select<>();
    private final List<QuestionPaper.Choice> regions;
    private final List<Runnable> listeners = new ArrayList<>();
    private boolean readOnly;

    HotspotInput(QuestionPaper paper, FigureSource figures) {
        root.addClassName("hotspot");
        regions = figures.regions(paper.figureId());
        Div figure = new Div(new Html("<div class=\"brain-figure hotspot-figure\">" + figures.svg(paper.figureId()) + "</div>"));
        figure.addClassName("html-holder");
        figure.getElement().addEventListener("click", event -> {
            var data = event.getEventData().get(CLICKED_REGION);
            String region = data == null ? "" : data.asString("");
            if (!readOnly && region != null && !region.isEmpty()) {
                regions.stream().filter(r -> r.id().equals(region)).findFirst().ifPresent(r -> {
                    select.setValue(r);
                    listeners.forEach(Runnable::run);
                });
            }
        }).addEventData(CLICKED_REGION);
        select.setLabel("Region (click it on the figure, or choose it here)");
        SelectLists.named(select, "Regions");
        select.setItems(regions);
        select.setItemLabelGenerator(QuestionPaper.Choice::text);
        select.setPlaceholder("Choose a region");
        select.setId("hotspot-" + paper.id());
        select.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                listeners.forEach(Runnable::run);
            }
        });
        root.add(figure, select);
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

package org.compassioncourse.glossary.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.compassioncourse.content.BrainFigures;
import org.compassioncourse.content.Course;
import org.compassioncourse.content.Figure;
import org.compassioncourse.content.GlossaryTerm;
import org.compassioncourse.content.Region;

import java.util.Comparator;
import java.util.List;

/** The course glossary and the brain figures; ?region=id highlights and explains one region. */
@Route("glossary")
@PageTitle("Glossary and brain map · Compassion Course")
@Menu(order = 2, title = "Glossary", icon = "vaadin:open-book")
@PermitAll
public class GlossaryView extends Main implements BeforeEnterObserver {

    private final Course course;

    public GlossaryView(Course course) {
        this.course = course;
        addClassNames("page", "glossary-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String regionId = event.getLocation().getQueryParameters().getSingleParameter("region").orElse("");
        Region selected = course.regions().get(regionId);

        add(new H1("Glossary and brain map"));
        H2 mapHeading = new H2("Brain map");
        mapHeading.setId("brain-map");
        add(mapHeading);
        if (selected != null) {
            Paragraph about = new Paragraph();
            about.setId("selected-region");
            about.addClassName("selected-region");
            about.add(new Span(selected.name() + " (highlighted): "), new Span(selected.description()));
            add(about);
        } else {
            add(new Paragraph("Choose \"Show on the brain map\" next to a term to highlight its region."));
        }
        Div figures = new Div();
        figures.addClassName("figure-row");
        for (Figure figure : course.figures()) {
            Div holder = new Div(new Html("<div class=\"brain-figure\">"
                    + BrainFigures.inline(figure, selected == null ? List.of() : List.of(selected.id())) + "</div>"));
            holder.addClassName("html-holder");
            figures.add(holder);
        }
        add(figures);

        H2 termsHeading = new H2("Key terms");
        add(termsHeading);
        DescriptionList list = new DescriptionList();
        list.addClassName("glossary-list");
        course.glossary().values().stream().sorted(Comparator.comparing(t -> t.term().toLowerCase())).forEach(term -> {
            DescriptionList.Term dt = new DescriptionList.Term(term.term());
            dt.setId("term-" + term.id());
            DescriptionList.Description dd = new DescriptionList.Description(new Span(term.definition()));
            if (term.regionId() != null) {
                dd.add(new Span(" "), regionLink(term));
            }
            list.add(dt, dd);
        });
        add(list);
        // links such as glossary#term-insula or #brain-map: the router does not scroll to the fragment by itself,
        // and the page is built only now, so scroll (and move focus for keyboard users) once it is rendered
        getElement().executeJs("""
                const id = decodeURIComponent(window.location.hash.slice(1));
                if (id) { requestAnimationFrame(() => { const target = document.getElementById(id);
                    if (target) { target.setAttribute('tabindex', '-1'); target.scrollIntoView({block: 'start'}); target.focus({preventScroll: true}); } }); }""");
    }

    private Anchor regionLink(GlossaryTerm term) {
        Anchor link = new Anchor("glossary?region=" + term.regionId() + "#brain-map",
                "Show " + course.regions().get(term.regionId()).name() + " on the brain map");
        link.addClassName("region-link");
        return link;
    }
}

package org.compassioncourse.lesson.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NavigationTrigger;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import org.compassioncourse.content.BrainFigures;
import org.compassioncourse.content.Course;
import org.compassioncourse.content.Figure;
import org.compassioncourse.content.GlossaryTerm;
import org.compassioncourse.content.Lesson;
import org.compassioncourse.content.Reference;
import org.compassioncourse.content.Region;
import org.compassioncourse.content.Section;
import org.compassioncourse.progress.CourseProgress;
import org.compassioncourse.progress.LessonStatus;
import org.compassioncourse.progress.ProgressService;
import org.jspecify.annotations.Nullable;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reading a lesson, one section per page: short enough for a phone on a break. Opening a section records it
 * as reached; "Finish lesson" at the end of the last section completes the lesson.
 */
@Route("lesson/:lessonId/:sectionId?")
@PermitAll
public class LessonView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final Course course;
    private final ProgressService progressService;
    private String title = "Lesson · Compassion Course";

    public LessonView(Course course, ProgressService progressService) {
        this.course = course;
        this.progressService = progressService;
        addClassNames("page", "lesson-page");
        // A citation (a.cite, href "#ref-...") goes to its entry in this page's sources. Left to the browser and the
        // router, the fragment would resolve against the app's base address and open the course home instead.
        getElement().executeJs("""
                this.addEventListener('click', e => {
                  const link = e.target.closest('a.cite');
                  if (!link) { return; }
                  e.preventDefault();
                  e.stopPropagation();
                  const entry = document.getElementById(link.getAttribute('href').substring(1));
                  if (!entry) { return; }
                  entry.setAttribute('tabindex', '-1');
                  entry.scrollIntoView({block: 'center'});
                  entry.focus({preventScroll: true});
                });""");
    }

    /** Route parameters for a lesson, at a section or (null) at its start. */
    public static RouteParameters parameters(String lessonId, @Nullable String sectionId) {
        Map<String, String> values = new HashMap<>();
        values.put("lessonId", lessonId);
        if (sectionId != null) {
            values.put("sectionId", sectionId);
        }
        return new RouteParameters(values);
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String lessonId = event.getRouteParameters().get("lessonId").orElse("");
        Optional<Lesson> found = course.lesson(lessonId);
        if (found.isEmpty()) {
            event.rerouteToError(NotFoundException.class, "There is no lesson '" + lessonId + "' in this course.");
            return;
        }
        Lesson lesson = found.get();
        Optional<String> asked = event.getRouteParameters().get("sectionId");
        if (asked.isPresent() && lesson.section(asked.get()).isEmpty()) {
            // an outdated or mistyped section: the lesson's start, under its own address
            event.forwardTo(LessonView.class, parameters(lesson.id(), null));
            return;
        }
        Section section = asked.flatMap(lesson::section).orElse(lesson.firstSection());
        progressService.reachSection(lesson.id(), section.id());
        CourseProgress progress = progressService.myProgress();
        title = section.title() + " · " + lesson.title() + " · Compassion Course";
        show(lesson, section, progress);
        if (event.getTrigger() != NavigationTrigger.PAGE_LOAD) {
            // moving within the course: keyboard and screen-reader users continue at the lesson's title (a new
            // lesson) or the new section's heading, not back at the top of the menu
            String target = lesson.indexOf(section.id()) == 0 ? "#lesson-title" : "#section-title";
            getElement().executeJs("const h = this.querySelector($0); if (h) { h.focus({preventScroll: true}); }", target);
        }
    }

    private void show(Lesson lesson, Section section, CourseProgress progress) {
        removeAll();
        int index = lesson.indexOf(section.id());
        CourseProgress.LessonRow row = progress.lessons().stream().filter(r -> r.lessonId().equals(lesson.id())).findFirst().orElseThrow();

        Span meta = new Span("Lesson " + lesson.order() + " of " + course.lessons().size() + " · " + lesson.minutes()
                + " min · section " + (index + 1) + " of " + lesson.sections().size());
        meta.addClassName("lesson-meta");
        H1 heading = new H1(lesson.title());
        heading.setId("lesson-title");
        heading.getElement().setAttribute("tabindex", "-1");
        add(meta, heading, sectionNav(lesson, section));

        if (index == 0) {
            Div objectives = new Div(new H2("In this lesson you will learn to"));
            UnorderedList list = new UnorderedList();
            lesson.objectives().forEach(o -> list.add(new ListItem(o)));
            objectives.add(list);
            objectives.addClassName("objectives-box");
            add(objectives);
            if (!lesson.introHtml().isBlank()) {
                add(html("lesson-intro", lesson.introHtml()));
            }
        }
        add(figures(lesson, index == 0), keyTerms(lesson));

        H2 sectionHeading = new H2(section.title());
        sectionHeading.setId("section-title");
        sectionHeading.getElement().setAttribute("tabindex", "-1");
        Div body = html(section.title().equals(Section.IN_PRACTICE) ? "section-body in-practice" : "section-body", section.html());
        add(sectionHeading, body);
        add(sources(section, index == lesson.sections().size() - 1 ? lesson.referenceIds() : section.citedReferenceIds(),
                index == lesson.sections().size() - 1));
        add(pager(lesson, index, row.status(), progress));
    }

    private Nav sectionNav(Lesson lesson, Section current) {
        Nav nav = new Nav();
        nav.addClassName("section-nav");
        nav.getElement().setAttribute("aria-label", "Sections of this lesson");
        OrderedList list = new OrderedList();
        for (Section s : lesson.sections()) {
            RouterLink link = new RouterLink(s.title(), LessonView.class, parameters(lesson.id(), s.id()));
            ListItem item = new ListItem(link);
            if (s.id().equals(current.id())) {
                link.getElement().setAttribute("aria-current", "page");
                item.addClassName("current");
            }
            list.add(item);
        }
        nav.add(list);
        return nav;
    }

    private Component figures(Lesson lesson, boolean open) {
        List<Figure> relevant = course.figures().stream()
                .filter(f -> f.regionIds().stream().anyMatch(lesson.regionIds()::contains)).toList();
        if (relevant.isEmpty()) {
            return new Div();
        }
        Div content = new Div();
        content.addClassName("figure-row");
        for (Figure figure : relevant) {
            Div holder = html("brain-figure", BrainFigures.inline(figure, lesson.regionIds()));
            content.add(holder);
        }
        UnorderedList legend = new UnorderedList();
        legend.addClassName("region-legend");
        for (String regionId : lesson.regionIds()) {
            Region region = course.regions().get(regionId);
            legend.add(new ListItem(new Span(region.name()), new Span(" — " + region.description())));
        }
        Paragraph note = new Paragraph("Regions of this lesson are filled in orange with a dark outline, and listed below. A dashed outline "
                + "marks a region that lies deep inside or off the midline, drawn as if seen through the surface. Schematic drawings, not to scale.");
        note.addClassName("figure-note");
        Details details = new Details("Brain regions in this lesson", new Div(content, note, legend));
        details.setOpened(open);
        details.addClassName("figures-details");
        return details;
    }

    private Component keyTerms(Lesson lesson) {
        if (lesson.termIds().isEmpty()) {
            return new Div();
        }
        DescriptionList terms = new DescriptionList();
        for (String termId : lesson.termIds()) {
            GlossaryTerm term = course.glossary().get(termId);
            terms.add(new DescriptionList.Term(term.term()), new DescriptionList.Description(term.definition()));
        }
        Details details = new Details("Key terms in this lesson", terms);
        details.addClassName("terms-details");
        return details;
    }

    private Component sources(Section section, List<String> referenceIds, boolean allOfLesson) {
        if (referenceIds.isEmpty()) {
            return new Div();
        }
        Div box = new Div(new H3(allOfLesson ? "References for this lesson" : "Sources for this section"));
        box.addClassName("sources");
        OrderedList list = new OrderedList();
        // a section lists its sources in the order it cites them; the lesson's full list is alphabetical
        List<String> ordered = allOfLesson ? referenceIds.stream()
                .sorted(java.util.Comparator.comparing(id -> course.references().get(id).citation().toLowerCase(java.util.Locale.ROOT))).toList()
                : referenceIds;
        for (String id : ordered) {
            Reference reference = course.references().get(id);
            ListItem item = new ListItem(reference.citation());
            item.setId("ref-" + id);
            if (reference.url() != null) {
                item.add(new Span(" "), new Anchor(reference.url(), "Link"));
            }
            list.add(item);
        }
        box.add(list);
        return box;
    }

    private Div pager(Lesson lesson, int index, LessonStatus status, CourseProgress progress) {
        Div pager = new Div();
        pager.addClassName("pager");
        Optional<Lesson> previousLesson = course.lessonBefore(lesson.id());
        if (index > 0) {
            Section previous = lesson.sections().get(index - 1);
            pager.add(navigateButton("← " + previous.title(), "previous-section", parameters(lesson.id(), previous.id())));
        } else if (previousLesson.isPresent()) {
            pager.add(navigateButton("← Previous lesson", "previous-lesson",
                    parameters(previousLesson.get().id(), previousLesson.get().lastSection().id())));
        }
        if (index < lesson.sections().size() - 1) {
            Section next = lesson.sections().get(index + 1);
            Button button = navigateButton("Next: " + next.title() + " →", "next-section", parameters(lesson.id(), next.id()));
            button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            pager.add(button);
        } else {
            // the next unfinished lesson (progress owns the rule), or the final assessment once every lesson is done
            Optional<Lesson> nextLesson = progress.nextAfterFinishing(lesson.id()).flatMap(course::lesson);
            boolean done = status == LessonStatus.COMPLETED;
            Button finish = new Button(nextLesson.isPresent()
                    ? (done ? "Go to lesson " : "Finish lesson and go to lesson ") + nextLesson.get().order() + " →"
                    : done ? "Go to the final assessment →" : "Finish lesson and go to the final assessment →");
            finish.setId("finish-lesson");
            finish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            finish.setDisableOnClick(true);
            finish.addClickListener(click -> {
                progressService.completeLesson(lesson.id()); // idempotent: finishing again changes nothing
                if (!done) {
                    Notification.show("Lesson " + lesson.order() + " completed", 3000, Notification.Position.BOTTOM_CENTER);
                }
                nextLesson.ifPresentOrElse(
                        next -> UI.getCurrent().navigate(LessonView.class, parameters(next.id(), null)),
                        () -> UI.getCurrent().navigate("quiz/final-assessment"));
            });
            List<Section> unopened = done ? List.of() : progressService.unopenedSections(lesson.id());
            if (!unopened.isEmpty()) {
                // skipping ahead is allowed, but say what was skipped: "completed" should mean read
                Paragraph skipped = new Paragraph(unopened.size() == 1 ? "You have not opened this section yet: "
                        : "You have not opened these sections yet: ");
                for (int i = 0; i < unopened.size(); i++) {
                    skipped.add(new Anchor("lesson/" + lesson.id() + "/" + unopened.get(i).id(), unopened.get(i).title()));
                    skipped.add(new Span(i == unopened.size() - 1 ? "." : ", "));
                }
                skipped.setId("unopened-sections");
                pager.add(skipped);
                finish.setText("Finish lesson anyway");
            }
            if (status == LessonStatus.COMPLETED) {
                pager.add(new Span("✓ You have completed this lesson."));
            }
            boolean hasCheck = course.questions().stream().anyMatch(q -> q.lessonId().equals(lesson.id())
                    && q.use() == org.compassioncourse.content.Question.Use.KNOWLEDGE_CHECK);
            if (hasCheck) {
                Button check = new Button("Check your understanding", click ->
                        UI.getCurrent().navigate("quiz/knowledge-check/" + lesson.id()));
                check.setId("knowledge-check");
                pager.add(check);
            }
            pager.add(finish);
        }
        return pager;
    }

    private Button navigateButton(String text, String id, RouteParameters target) {
        Button button = new Button(text, click -> UI.getCurrent().navigate(LessonView.class, target));
        button.setId(id);
        return button;
    }

    /** Course HTML is rendered from validated Markdown with raw HTML escaped; one root element as Html requires. */
    private static Div html(String className, String innerHtml) {
        Div holder = new Div();
        holder.addClassName("html-holder");
        holder.add(new Html("<div class=\"" + className + "\">" + innerHtml + "</div>"));
        return holder;
    }
}

package org.compassioncourse.gift.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import org.compassioncourse.content.Lesson;
import org.compassioncourse.gift.GiftExport;
import org.compassioncourse.security.Role;
import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Where an instructor or administrator downloads the question bank, or one lesson's questions, for Moodle (GIFT). */
@Route("question-bank")
@PageTitle("Question bank for Moodle · Compassion Course")
@RolesAllowed({Role.INSTRUCTOR_NAME, Role.ADMINISTRATOR_NAME})
public class QuestionBankDownloadView extends Main {

    static final String WHOLE_BANK = "Whole bank";

    final Select<String> scope = new Select<>();
    final Anchor download;

    public QuestionBankDownloadView(GiftExport export, Clock clock) {
        addClassName("page");
        List<String> choices = new ArrayList<>();
        choices.add(WHOLE_BANK);
        for (Lesson lesson : export.lessons()) {
            choices.add(label(lesson));
        }
        scope.setLabel("Questions to download");
        scope.setItems(choices);
        scope.setValue(WHOLE_BANK);
        scope.setId("gift-scope");
        DownloadHandler gift = file -> {
            String lessonId = lessonId(export.lessons(), scope.getValue());
            file.setFileName("question-bank" + (lessonId == null ? "" : "-" + lessonId) + "-" + LocalDate.now(clock) + ".gift");
            file.setContentType("text/plain;charset=UTF-8");
            file.getOutputStream().write(export.export(lessonId).gift().getBytes(StandardCharsets.UTF_8));
        };
        download = new Anchor(gift, "Download question bank (GIFT)");
        download.setId("download-gift");
        add(new H1("Question bank for Moodle"),
                new Paragraph("A GIFT file for Moodle's question import, with keys and feedback: keep it away from learners. "
                        + "Hotspot questions have no GIFT form and are left out (the file lists them)."),
                scope, download);
    }

    static String label(Lesson lesson) {
        return "Lesson " + lesson.order() + ": " + lesson.title();
    }

    static @Nullable String lessonId(List<Lesson> lessons, @Nullable String choice) {
        return lessons.stream().filter(l -> label(l).equals(choice)).map(Lesson::id).findFirst().orElse(null);
    }
}

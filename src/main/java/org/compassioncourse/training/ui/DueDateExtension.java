package org.compassioncourse.training.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.textfield.TextArea;
import org.compassioncourse.cohort.LearnerInMyCohort;
import org.compassioncourse.training.DueRules;
import org.compassioncourse.training.TrainingException;
import org.compassioncourse.training.TrainingStanding;

import java.time.LocalDate;

/**
 * One learner's due date in the instructor's cohort, and a form to extend it with a reason (kept in the audit log). A
 * refused extension is explained on its field; the date and reason stay as typed.
 */
public class DueDateExtension extends Section {

    final DatePicker newDate = new DatePicker("New due date");
    final TextArea reason = new TextArea("Reason");
    final Button extend = new Button("Extend due date");
    final Paragraph current = new Paragraph();

    public DueDateExtension(DueRules rules, LearnerInMyCohort learner) {
        setId("due-date-extension");
        addClassName("due-date-extension");
        current.setId("learner-due-date");
        current.getElement().setAttribute("role", "status");
        newDate.setId("extension-date");
        newDate.setLocale(java.util.Locale.UK);
        reason.setId("extension-reason");
        reason.setMaxLength(DueRules.MAX_REASON);
        reason.setHelperText("Why this learner needs longer, e.g. \"On leave until 3 March\" (kept in the audit log)");
        extend.setId("extend-due-date");
        add(new H2("Due date"), current);
        show(rules, learner);
        extend.addClickListener(click -> {
            newDate.setInvalid(false);
            reason.setInvalid(false);
            LocalDate date = newDate.getValue();
            if (date == null) {
                newDate.setErrorMessage("Choose the new due date.");
                newDate.setInvalid(true);
                return;
            }
            try {
                rules.extend(learner, date, reason.getValue());
                reason.clear();
                newDate.clear();
                show(rules, learner);
            } catch (TrainingException refused) {
                boolean aboutReason = refused.getMessage().contains("reason");
                (aboutReason ? reason : newDate).setErrorMessage(refused.getMessage());
                if (aboutReason) {
                    reason.setInvalid(true);
                } else {
                    newDate.setInvalid(true);
                }
            }
        });
        add(newDate, reason, extend);
    }

    private void show(DueRules rules, LearnerInMyCohort learner) {
        LocalDate due = rules.dueDate(learner).orElse(null);
        boolean canExtend = due != null;
        newDate.setVisible(canExtend);
        reason.setVisible(canExtend);
        extend.setVisible(canExtend);
        if (due == null) {
            current.setText("This cohort has no due date. Set one on the cohort page to assign the course as mandatory training.");
            return;
        }
        current.setText("Due " + TrainingStanding.format(due) + rules.extension(learner)
                .map(e -> " (extended on " + org.compassioncourse.base.ui.UserTime.date(e.extendedAt())
                        + ": " + e.reason() + ")").orElse("") + ".");
        newDate.setMin(due.plusDays(1));
    }
}

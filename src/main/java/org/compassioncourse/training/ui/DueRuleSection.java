package org.compassioncourse.training.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import org.compassioncourse.training.DueRule;
import org.compassioncourse.training.DueRules;
import org.compassioncourse.training.TrainingException;

import java.time.LocalDate;

/**
 * A cohort's due rule on its page: none, a fixed "complete by" date, or a number of days from joining. Saving keeps the
 * focus on the button and says what was saved; a refused value is explained on its field and nothing changes.
 */
public class DueRuleSection extends Section {

    enum Kind {
        NONE("No due date"), DATE("Complete by a date"), DAYS("Within a number of days of joining (new starters)");

        private final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    final RadioButtonGroup<Kind> kind = new RadioButtonGroup<>("Due date for this cohort");
    final DatePicker completeBy = new DatePicker("Complete by");
    final IntegerField withinDays = new IntegerField("Days from joining");
    final Button save = new Button("Save due date");
    final Paragraph current = new Paragraph();

    /**
     * @param onSaved run after a change is saved (the cohort page refreshes its grid, whose statuses follow the rule)
     */
    public DueRuleSection(DueRules rules, long cohortId, Runnable onSaved) {
        addClassName("due-rule");
        setId("due-rule");
        H2 heading = new H2("Mandatory training");
        kind.setItems(Kind.values());
        kind.setItemLabelGenerator(k -> k.label);
        kind.setId("due-rule-kind");
        completeBy.setId("due-rule-date");
        completeBy.setLocale(java.util.Locale.UK); // 1/3/2027 is the first of March, as the rest of the app writes dates
        completeBy.setHelperText("The last day to complete the course");
        withinDays.setId("due-rule-days");
        withinDays.setMin(1);
        withinDays.setMax(DueRule.MAX_DAYS);
        withinDays.setStepButtonsVisible(true);
        withinDays.setHelperText("Counted from the day each learner joins the cohort");
        current.setId("due-rule-current");
        current.getElement().setAttribute("role", "status");
        save.setId("save-due-rule");
        show(rules.rule(cohortId));
        kind.addValueChangeListener(change -> showFields(change.getValue()));
        save.addClickListener(click -> {
            completeBy.setInvalid(false);
            withinDays.setInvalid(false);
            try {
                DueRule rule = switch (kind.getValue() == null ? Kind.NONE : kind.getValue()) {
                    case NONE -> DueRule.NONE;
                    case DATE -> DueRule.completeBy(required(completeBy.getValue()));
                    case DAYS -> {
                        if (withinDays.isInvalid() || withinDays.getValue() == null) {
                            throw new TrainingException("Enter a number of days between 1 and " + DueRule.MAX_DAYS + ".");
                        }
                        yield DueRule.withinDaysOfJoining(withinDays.getValue());
                    }
                };
                rules.setRule(cohortId, rule);
                current.setText("Saved. " + rule.describe() + ".");
                onSaved.run();
            } catch (TrainingException refused) {
                if (kind.getValue() == Kind.DATE) {
                    completeBy.setErrorMessage(refused.getMessage());
                    completeBy.setInvalid(true);
                } else {
                    withinDays.setErrorMessage(refused.getMessage());
                    withinDays.setInvalid(true);
                }
                current.setText("Not saved: " + refused.getMessage());
            }
        });
        add(heading, kind, completeBy, withinDays, save, current);
    }

    private static LocalDate required(@org.jspecify.annotations.Nullable LocalDate date) {
        if (date == null) {
            throw new TrainingException("Choose the date by which learners must complete the course.");
        }
        return date;
    }

    private void show(DueRule rule) {
        Kind now = rule.completeBy() != null ? Kind.DATE : rule.withinDays() != null ? Kind.DAYS : Kind.NONE;
        kind.setValue(now);
        completeBy.setValue(rule.completeBy());
        withinDays.setValue(rule.withinDays());
        showFields(now);
        current.setText("Now: " + rule.describe() + ".");
    }

    private void showFields(Kind chosen) {
        completeBy.setVisible(chosen == Kind.DATE);
        withinDays.setVisible(chosen == Kind.DAYS);
    }
}

package org.compassioncourse.training.ui;

import com.vaadin.flow.component.html.Paragraph;
import org.compassioncourse.training.TrainingStanding;
import org.compassioncourse.training.TrainingStatus;

/**
 * The learner's training status at the top of their course page, e.g. "Due 14 March 2027 — in 12 days": the
 * sentence says the status in words, so it never rests on colour. Shown only when the course is assigned with a due date or a completion
 * expires; otherwise there is nothing to say.
 */
public class TrainingNotice extends Paragraph {

    public TrainingNotice(java.util.Optional<TrainingStanding> assigned) {
        this(assigned.orElse(null));
    }

    private TrainingNotice(@org.jspecify.annotations.Nullable TrainingStanding standing) {
        setId("training-status");
        addClassName("training-status");
        boolean relevant = standing != null && (standing.dueOn() != null || standing.validUntil() != null);
        setVisible(relevant);
        if (standing != null && relevant) {
            addClassName("training-" + standing.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            // the sentence begins with what it is ("Due …", "Overdue — …", "Completed …", "Expired — …")
            setText(standing.describe());
            if (standing.status() == TrainingStatus.OVERDUE || standing.status() == TrainingStatus.EXPIRED) {
                getElement().setAttribute("role", "alert");
            }
        }
    }
}

package org.compassioncourse.progress.ui;

import com.vaadin.flow.component.html.Span;
import org.compassioncourse.progress.LessonStatus;

/** A lesson status as text with a symbol, so colour is never the only signal. */
public final class StatusBadge {

    private StatusBadge() {
    }

    public static Span of(LessonStatus status) {
        String symbol = switch (status) {
            case COMPLETED -> "✓ ";
            case IN_PROGRESS -> "◐ ";
            case NOT_STARTED -> "○ ";
        };
        Span badge = new Span(symbol + status.label());
        badge.addClassNames("status-badge", "status-" + status.name().toLowerCase().replace('_', '-'));
        return badge;
    }
}

package org.compassioncourse.lrs;

/** Where a statement stands, as the administrators' page filters and names it. */
public enum OutboxStatus {
    WAITING("Waiting", "o.state = 'PENDING' and o.tries = 0"),
    RETRYING("Retrying", "o.state = 'PENDING' and o.tries > 0"),
    FAILED("Refused", "o.state = 'FAILED'"),
    SENT("Sent", "o.state = 'SENT'");

    private final String label;
    final String condition;

    OutboxStatus(String label, String condition) {
        this.label = label;
        this.condition = condition;
    }

    public String label() {
        return label;
    }
}

package org.compassioncourse.review;

/** The learner's one-tap answer to "How sure were you?". */
public enum Sureness {
    NOT_SURE("Not sure"), FAIRLY_SURE("Fairly sure"), SURE("Sure");

    private final String label;

    Sureness(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

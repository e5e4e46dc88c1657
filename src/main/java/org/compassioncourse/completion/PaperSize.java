package org.compassioncourse.completion;

/** The paper a learner prints the certificate on. */
public enum PaperSize {
    A4("A4"), LETTER("US Letter");

    private final String label;

    PaperSize(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

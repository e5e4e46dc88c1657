package org.compassioncourse.account;

/** A sort of the administration list, pushed into the database query. */
public record AccountSort(Field field, boolean ascending) {

    public enum Field {
        NAME("displayName"),
        EMAIL("email"),
        ROLE("role"),
        STATUS("active"),
        CREATED("createdAt");

        final String attribute;

        Field(String attribute) {
            this.attribute = attribute;
        }
    }
}

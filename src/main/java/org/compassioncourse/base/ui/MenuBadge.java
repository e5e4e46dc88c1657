package org.compassioncourse.base.ui;

/**
 * A short note beside a menu entry (e.g. "3 due"), supplied by a feature as a Spring bean, so the layout shows it
 * without importing the feature.
 */
public interface MenuBadge {

    /** The path of the {@code @Menu} entry it belongs to, e.g. "review". */
    String path();

    /** The note for the signed-in user now; empty for none. */
    String text();
}

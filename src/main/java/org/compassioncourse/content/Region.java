package org.compassioncourse.content;

/** A brain region that the figures draw, lessons highlight, and hotspot questions ask about. */
public record Region(String id, String name, String description) {
}

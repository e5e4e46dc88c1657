package org.compassioncourse.content;

import java.util.List;

/**
 * A schematic brain figure (SVG). {@code svg} is the checked, script-free source; {@link BrainFigures}
 * turns it into inline markup with chosen regions highlighted.
 */
public record Figure(String id, String title, String svg, List<String> regionIds) {
}
